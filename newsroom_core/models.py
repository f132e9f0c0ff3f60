"""The image library's records, with the credit and rights each photo travels with.

``NewsroomImage`` is Wagtail's image with them (``WAGTAILIMAGES_IMAGE_MODEL =
"newsroom_core.NewsroomImage"``); a site with an image model of its own adds ``ImageRights`` to it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class WebAddressField(models.URLField):
    """An address an editor types: "example.com/licence" is taken as https://, as Django 6 will."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


RIGHTS_FIELDS = ("credit", "creator", "copyright_notice", "source", "licence_url", "acquire_licence_url")


class ImageRights(models.Model):
    """Who made a photo, how to credit it and on what terms it is used: filled from the file's
    IPTC or XMP metadata on upload where the editor leaves them empty (``articles.uploads``)."""

    credit = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_('As readers see it under the photo: "Jane Doe/Reuters". An article may override it.'),
    )
    creator = models.CharField(_("photographer"), max_length=255, blank=True, help_text=_("Who took it, or made it."))
    copyright_notice = models.CharField(
        max_length=500, blank=True, help_text=_('"© 2026 Reuters". Empty: the photo\'s credit stands alone.')
    )
    source = models.CharField(max_length=255, blank=True, help_text=_("Who supplied it: an agency, a pool, a reader."))
    licence_url = WebAddressField(
        _("licence"),
        max_length=500,
        blank=True,
        help_text=_("The address of its licence, or of a page stating its rights."),
    )
    acquire_licence_url = WebAddressField(
        _("where to license it"),
        max_length=500,
        blank=True,
        help_text=_("The page where others can license the photo."),
    )

    class Meta:
        abstract = True


class NewsroomImage(ImageRights, AbstractImage):  # noqa: DJ008 (AbstractImage's __str__ is its title)
    admin_form_fields = Image.admin_form_fields + RIGHTS_FIELDS

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsroomRendition(AbstractRendition):
    image = models.ForeignKey(NewsroomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
