"""What Newsroom's two apps share and neither owns: the settings reader, the page mixin, listing
pages, how names are compared and joined, rich-text conversion and schema.org's people and
organisations. Both ``articles`` and ``authors`` import from here; nothing here imports either."""
