from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Section
from .parsing import MARKDOWN_SUFFIXES
from .staging import PreviewError, previewed_import
from .story_files import MAX_ARCHIVE_BYTES, MAX_ARCHIVE_FILES

MAX_FILES_PER_UPLOAD = 20
STORY_FILE_TYPES = [
    ".txt", *MARKDOWN_SUFFIXES, ".xml", ".json", ".docx", ".html", ".htm", ".eml", ".zip",
    "text/plain", "text/markdown", "application/xml", "text/xml", "application/vnd.iptc.g2.newsitem+xml",
    "application/nitf+xml", "application/json", "application/ninjs+json",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/html", "message/rfc822", "application/zip",
]  # fmt: skip


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        accept = ",".join(STORY_FILE_TYPES)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        kwargs.setdefault("allow_empty_file", True)  # reported per file by the parser, like any bad file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class StoryUploadForm(forms.Form):
    files = MultipleFileField(label=_("Story files"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        help_text = gettext(
            "Plain text (.txt), Markdown (.md), wire copy (NewsML-G2 or NITF .xml, ninjs .json), Word files "
            "(.docx), saved web pages (.html) or e-mails (.eml), one story a file, up to %(files)s at a time; "
            "or .zip archives of them, each of up to %(archive_files)s files and %(megabytes)s MB unpacked."
        )
        self.fields["files"].help_text = help_text % {
            "files": MAX_FILES_PER_UPLOAD,
            "archive_files": number_format(MAX_ARCHIVE_FILES, force_grouping=True),
            "megabytes": MAX_ARCHIVE_BYTES // 1_000_000,
        }

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES_PER_UPLOAD:
            message = ngettext(
                "Upload at most %(count)s file at a time.",
                "Upload at most %(count)s files at a time.",
                MAX_FILES_PER_UPLOAD,
            )
            raise forms.ValidationError(message, params={"count": MAX_FILES_PER_UPLOAD})
        return files


class StoryImportForm(forms.Form):
    """The preview's confirmation: the signed id of the files the preview read (``articles.staging``)."""

    preview = forms.CharField(widget=forms.HiddenInput)
    section = forms.ModelChoiceField(Section.objects.all(), required=False, empty_label=_("No section"))
    publish = forms.BooleanField(
        required=False,
        label=_("Publish now"),
        help_text=_("Leave unticked to save drafts for review in the page editor."),
    )

    def __init__(self, *args, user, can_publish, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not can_publish:
            del self.fields["publish"]

    def clean_preview(self):
        """The previewed import, still there and the user's."""
        try:
            return previewed_import(self.cleaned_data["preview"], self.user)
        except PreviewError as error:
            raise forms.ValidationError(str(error)) from None
