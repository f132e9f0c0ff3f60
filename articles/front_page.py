"""The front page: the lead story (the first an editor pinned, else the newest), the other pinned
stories, the latest stories, and a block of the newest stories of each section in the editors'
order; over it, while it lasts, the breaking-news banner. No story shows twice.

Built from the first page of the news index's latest stories (``listing``), whose "Older" link
goes on to the plain listing; the pinned and section stories come in one fetch, so the page's
queries do not grow with its sections.
"""

from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from newsroom_core.pagination import NEWEST_FIRST, ListingPage

from .models import ArticlePage, NewsroomSettings, PinnedStory
from .models.front_page import SECTION_BLOCK_STORIES
from .navigation import site_navigation

NEWEST_FIRST_EXPRESSIONS = [F(name.lstrip("-")).desc() for name in NEWEST_FIRST]  # NEWEST_FIRST, for a window


@dataclass(frozen=True)
class SectionBlock:
    name: str
    url: str
    articles: list


@dataclass(frozen=True)
class BreakingNews:
    text: str
    url: str


@dataclass(frozen=True)
class FrontPage:
    lead: ArticlePage | None
    top: list  # the other pinned stories
    latest: list  # the listing's first page, less the stories above
    sections: list[SectionBlock]
    breaking: BreakingNews | None


def build_front_page(news_index, request, listing: ListingPage) -> FrontPage:
    visible = news_index.articles()  # asks which pages are private once; every query below reuses it
    pins = PinnedStory.objects.filter(page=news_index).order_by("sort_order")
    pinned_ids = list(dict.fromkeys(pins.values_list("article", flat=True)))  # a story pinned twice shows once
    shown = set(pinned_ids) | {article.pk for article in listing}
    block_ids = section_block_ids(visible, exclude=shown)
    site_settings = NewsroomSettings.for_request(request)
    banner_id = site_settings.breaking_news_story_id if site_settings.breaking_news_is_on() else None
    wanted = [*pinned_ids, *block_ids, *([banner_id] if banner_id else [])]
    fetched = {article.pk: article for article in visible.filter(pk__in=wanted)}
    pinned = [fetched[pk] for pk in pinned_ids if pk in fetched]  # a pin readers may not see is skipped
    latest = [article for article in listing if article.pk not in pinned_ids]
    if not pinned and latest:
        pinned, latest = [latest[0]], latest[1:]
    return FrontPage(
        lead=pinned[0] if pinned else None,
        top=pinned[1:],
        latest=latest,
        sections=section_blocks(request, [fetched[pk] for pk in block_ids]),
        breaking=breaking_news(site_settings, fetched.get(banner_id)),
    )


def section_block_ids(visible, exclude) -> list[int]:
    """The ids of each section's newest stories among ``visible`` not shown above, newest first."""
    ranked = (
        visible.prefetch_related(None)
        .filter(section__isnull=False)
        .exclude(pk__in=exclude)
        .annotate(rank=Window(RowNumber(), partition_by=F("section"), order_by=NEWEST_FIRST_EXPRESSIONS))
        .filter(rank__lte=SECTION_BLOCK_STORIES)
    )
    return list(ranked.order_by(*NEWEST_FIRST).values_list("pk", flat=True))


def section_blocks(request, articles) -> list[SectionBlock]:
    """A block per section with stories, in the editors' order of sections (the navigation's)."""
    by_section = {}
    for article in articles:
        by_section.setdefault(article.section.slug, []).append(article)
    return [
        SectionBlock(link.name, link.url, by_section[link.slug])
        for link in site_navigation(request).sections
        if link.slug in by_section
    ]


def breaking_news(site_settings: NewsroomSettings, story: ArticlePage | None) -> BreakingNews | None:
    """The banner, while it is on; ``story`` is its story if readers may see it (else None)."""
    if not site_settings.breaking_news_is_on():
        return None
    if site_settings.breaking_news_story_id and story is None:
        return None  # its story is not (or no longer) one readers may see
    return BreakingNews(site_settings.breaking_news, story.url if story else "")
