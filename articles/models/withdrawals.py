"""A story taken back from readers after it ran: killed, taken down or withdrawn, with why and a notice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class WithdrawalKind(models.TextChoices):
    WITHDRAW = "withdraw", _("Withdrawn")  # an editorial decision: the notice keeps headline and byline
    KILL = "kill", _("Killed")  # it must not be used at all (a legal risk, a wrong name): no headline, no byline
    TAKEDOWN = "takedown", _("Taken down")  # on a takedown request (rights, a court): no headline, no byline


DEFAULT_NOTICES = {
    WithdrawalKind.WITHDRAW: _("This story has been withdrawn by the editors."),
    WithdrawalKind.KILL: _("This story has been withdrawn and is no longer available."),
    WithdrawalKind.TAKEDOWN: _("This story has been taken down and is no longer available."),
}


class Withdrawal(models.Model):
    """The withdrawal of one article, while it lasts: restoring the article deletes it (the audit
    log keeps both). Kept beside the page, not on it, so no revision can bring the story back."""

    article = models.OneToOneField("ArticlePage", on_delete=models.CASCADE, related_name="withdrawal")
    kind = models.CharField(max_length=10, choices=WithdrawalKind.choices, default=WithdrawalKind.WITHDRAW)
    reason = models.TextField(help_text=_("Why, for the desk and the audit log; readers never see it."))
    notice = models.TextField(
        _("public notice"),
        help_text=_("What readers see at the story's address and in the feeds, instead of the story."),
    )
    withdrawn_at = models.DateTimeField(default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"

    @property
    def public_label(self) -> str:
        """What readers are told happened: "kill" is the desk's word, not theirs."""
        return gettext("Taken down") if self.kind == WithdrawalKind.TAKEDOWN else gettext("Withdrawn")

    @property
    def public_title(self) -> str:
        """The title readers see at the story's address and in the feeds, instead of the story's."""
        if self.keeps_headline:
            return gettext("%(label)s: %(headline)s") % {"label": self.public_label, "headline": self.article.title}
        return gettext("Story taken down") if self.kind == WithdrawalKind.TAKEDOWN else gettext("Story withdrawn")

    @property
    def notice_html(self) -> str:
        """The public notice as paragraphs, one a line, escaped."""
        return format_html_join("", "<p>{}</p>", ((line,) for line in self.notice.splitlines() if line.strip()))

    @property
    def keeps_headline(self) -> bool:
        """Whether readers still see what was withdrawn: a killed or taken-down story is not named."""
        return self.kind == WithdrawalKind.WITHDRAW
