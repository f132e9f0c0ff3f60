import base64

from django import forms
from django.core import signing

from .models import Section

MAX_FILES_PER_UPLOAD = 20
SIGNING_SALT = "newsroom.import-stories"
PREVIEW_MAX_AGE = 60 * 60  # seconds an editor has between the preview and the import


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain,text/markdown"}))
        kwargs.setdefault("allow_empty_file", True)  # reported per file by the parser, like any bad file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class StoryUploadForm(forms.Form):
    files = MultipleFileField(
        label="Story files",
        help_text=f"Plain text (.txt) or Markdown (.md), one story a file, up to {MAX_FILES_PER_UPLOAD} at a time.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(f"Upload at most {MAX_FILES_PER_UPLOAD} files at a time.")
        return files


class StoryImportForm(forms.Form):
    """The preview's confirmation: the files read (signed, so the import is what was previewed)."""

    stories = forms.CharField(widget=forms.HiddenInput)
    section = forms.ModelChoiceField(Section.objects.all(), required=False, empty_label="No section")
    publish = forms.BooleanField(
        required=False, label="Publish now", help_text="Leave unticked to save drafts for review in the page editor."
    )

    def __init__(self, *args, user, can_publish, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not can_publish:
            del self.fields["publish"]

    @classmethod
    def sign(cls, files, user):
        """A token carrying the previewed files' names and bytes: no server-side state needed."""
        payload = {"user": user.pk, "files": [[name, base64.b64encode(data).decode()] for name, data in files]}
        return signing.dumps(payload, salt=SIGNING_SALT, compress=True)

    def clean_stories(self):
        try:
            payload = signing.loads(self.cleaned_data["stories"], salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
        except signing.SignatureExpired:
            raise forms.ValidationError("This preview is over an hour old; upload the files again.") from None
        except signing.BadSignature:
            raise forms.ValidationError("The previewed files could not be read back; upload them again.") from None
        if payload["user"] != self.user.pk:
            raise forms.ValidationError("This preview belongs to another user; upload the files again.")
        return [(name, base64.b64decode(data)) for name, data in payload["files"]]
