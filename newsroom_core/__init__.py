"""What Newsroom's two apps share and neither owns: the image model with each photo's credit and
rights (and the reader of the IPTC and XMP metadata they come from), the settings reader, the page
mixin, listing pages, how names are compared and joined, rich-text conversion and schema.org's
people and organisations. Both ``articles`` and ``authors`` import from here; nothing here imports either."""
