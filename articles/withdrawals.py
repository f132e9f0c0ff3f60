"""Taking a story back from readers, and giving it back: the one place both happen.

Withdrawing unpublishes the article through Wagtail (so every channel built on "live" drops it,
the caches move and the front cache is purged), cancels any scheduled publication, and records
who, when, why and what readers are told; the story's address then answers 410 Gone with the
notice (``articles.tombstones``) and the feeds carry the withdrawal as the item's last update.
Only someone who may publish the article may withdraw or restore it. Restoring removes the
withdrawal and leaves the story a draft, for an editor to publish again deliberately.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from wagtail.log_actions import log

from .models import DEFAULT_NOTICES, ArticlePage, Withdrawal, WithdrawalKind

WITHDRAW_ACTION, RESTORE_ACTION = "newsroom.withdraw", "newsroom.restore"


def check_may_withdraw(article: ArticlePage, user) -> None:
    if user is not None and not article.permissions_for_user(user).can_publish():
        raise PermissionDenied("only an editor who may publish this story may withdraw or restore it")


def withdraw_article(article: ArticlePage, kind: str, reason: str, notice: str = "", user=None) -> Withdrawal:
    """Take ``article`` from readers; ``notice`` (what readers are told) defaults to the kind's."""
    check_may_withdraw(article, user)
    if not reason.strip():
        raise ValidationError({"reason": gettext("Say why the story is withdrawn: the audit log keeps it.")})
    with transaction.atomic():
        article = ArticlePage.objects.select_for_update().get(pk=article.pk)
        if Withdrawal.objects.filter(article=article).exists():
            raise ValidationError(gettext("“%(headline)s” is already withdrawn."), params={"headline": article.title})
        withdrawal = Withdrawal.objects.create(
            article=article,
            kind=WithdrawalKind(kind),
            reason=reason.strip(),
            notice=notice.strip() or str(DEFAULT_NOTICES[kind]),  # in the editor's language
            withdrawn_by=user,
        )
        article.revisions.update(approved_go_live_at=None)  # nothing scheduled brings it back
        if article.live:
            article.unpublish(user=user, log_action=True)
        elif article.go_live_at:
            article.go_live_at = None
            article.save(update_fields=["go_live_at"], clean=False)
        log(instance=article, action=WITHDRAW_ACTION, user=user, data=withdrawal_data(withdrawal))
    return withdrawal


def restore_article(article: ArticlePage, user=None) -> None:
    """Lift the withdrawal of ``article``: it stays a draft until an editor publishes it again."""
    check_may_withdraw(article, user)
    with transaction.atomic():
        withdrawal = Withdrawal.objects.select_for_update().filter(article=article).first()
        if withdrawal is None:
            raise ValidationError(gettext("“%(headline)s” is not withdrawn."), params={"headline": article.title})
        data = withdrawal_data(withdrawal)
        withdrawal.delete()
        log(instance=article, action=RESTORE_ACTION, user=user, data=data)


def withdrawal_data(withdrawal: Withdrawal) -> dict:
    return {"kind": withdrawal.kind, "reason": withdrawal.reason, "notice": withdrawal.notice}
