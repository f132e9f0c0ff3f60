"""The version of everything readers can see, from which caches and feeds take their validators."""

import bisect
import uuid
from datetime import datetime
from functools import cached_property

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from .site_settings import NewsroomSettings


class ContentVersion(models.Model):
    """A counter that moves whenever anything a reader can see may have changed.

    Feeds and the reader cache derive their ETag, Last-Modified and cache keys from it, so a
    conditional request costs at most one query and no cache is ever served stale. It lives in
    the database, so every app server and the import command see the same version; readers get
    it through ``articles.caching.content_version``, which keeps a copy in the cache.

    Time changes what readers see too: a page's expiry, a scheduled revision's go-live time. The
    version keeps the next of those times (``upcoming_changes``, worked out at each bump), and its
    ``token`` moves as each one passes, without a write and without waiting for
    ``publish_scheduled``.
    """

    MAX_UPCOMING_CHANGES = 100

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    upcoming_changes = models.JSONField(
        default=list, blank=True, help_text=_("The next expiry and go-live times (ISO 8601), soonest first.")
    )
    shared_token = models.CharField(
        max_length=32,
        blank=True,
        help_text=_(
            "New whenever something every article shows beside its own revision changes: author pages, "
            "sections, outlets, copyright notices, settings, corrections, images, sites, privacy."
        ),
    )

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"version {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls):
        """The version, from the row migration 0011 creates and every bump moves.

        Without the row (a flushed database) an unsaved version stands in, changed now: its token
        is new each time it is read, so nothing cached before is served; the next bump saves one.
        """
        return cls.objects.order_by("pk").first() or cls(
            upcoming_changes=upcoming_change_times(), shared_token=uuid.uuid4().hex
        )

    @property
    def token(self):
        """Unique to this version even if the database is restored and the number goes back, and
        to each stretch of time between its upcoming changes."""
        passed = bisect.bisect_right(self.upcoming_times, timezone.now())
        if passed == len(self.upcoming_times) == self.MAX_UPCOMING_CHANGES:  # past the last one known
            passed = f"{passed}.{int(timezone.now().timestamp()) // 60}"
        return f"{self.number}.{int(self.changed_at.timestamp() * 1_000_000)}.{passed}"

    @cached_property
    def upcoming_times(self) -> list[datetime]:
        return [datetime.fromisoformat(time) for time in self.upcoming_changes]

    def seconds_until_next_change(self) -> float | None:
        now = timezone.now()
        return next(((time - now).total_seconds() for time in self.upcoming_times if time > now), None)

    @classmethod
    def bump(cls, article_only=False):
        """Move the version. ``article_only``: the change was to one article's own live content
        (published, unpublished, moved, deleted, scheduled), so what is built from another article's
        revision and ``shared_token`` (a feed item) stays good; anything else gets a new token."""
        changes = {"number": models.F("number") + 1, "changed_at": timezone.now()}
        changes["upcoming_changes"] = upcoming_change_times()
        if not article_only:
            changes["shared_token"] = uuid.uuid4().hex
        if not cls.objects.update(**changes):
            cls.objects.create(number=1, upcoming_changes=changes["upcoming_changes"], shared_token=uuid.uuid4().hex)


def upcoming_change_times() -> list[str]:
    """When time next changes what readers see: live pages' expiry, scheduled revisions' go-live,
    live articles' embargo ending, the end of a breaking-news banner."""
    now = timezone.now()
    expiries = Page.objects.live().filter(expire_at__gt=now).values_list("expire_at", flat=True)
    go_lives = Revision.objects.filter(approved_go_live_at__gt=now).values_list("approved_go_live_at", flat=True)
    banners_end = NewsroomSettings.objects.filter(breaking_news_until__gt=now).values_list(
        "breaking_news_until", flat=True
    )
    embargoes_end = (
        Page.objects.live()
        .filter(articlepage__embargo_until__gt=now)
        .values_list("articlepage__embargo_until", flat=True)
    )
    times = sorted({*expiries, *go_lives, *banners_end, *embargoes_end})[: ContentVersion.MAX_UPCOMING_CHANGES]
    return [time.isoformat() for time in times]
