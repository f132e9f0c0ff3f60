"""The headless API: Wagtail's API v2 pages endpoint, for readers' eyes only.

``/api/v2/pages/?type=newsroom_articles.ArticlePage&author=<slug>&section=<slug>&tag=<slug>``
"""

from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from .embargo import embargoed
from .expiry import expired
from .models import ArticlePage
from .query_parameters import has_control_characters
from .withdrawn_api import withdrawn_answer

ARTICLE_FILTERS = {
    "author": "credits__author__slug",
    "section": "section__slug",
    "tag": "tags__slug",
}


class ArticleFilter(BaseFilterBackend):
    """``?author=``, ``?section=`` and ``?tag=`` by slug, on ``type=newsroom_articles.ArticlePage``."""

    def filter_queryset(self, request, queryset, view):
        wanted = {name: request.GET[name] for name in ARTICLE_FILTERS if name in request.GET}
        if not wanted:
            return queryset
        if queryset.model._meta.label != "newsroom_articles.ArticlePage":
            raise BadRequestError("author, section and tag filters need type=newsroom_articles.ArticlePage")
        for name, value in wanted.items():
            queryset = queryset.filter(**{ARTICLE_FILTERS[name]: value})
        return queryset.distinct()


def before_search(backends, backend):
    """``backends`` with ``backend`` just before Wagtail's search filter: a search's results
    cannot be filtered further, so the search stays after every filter."""
    position = backends.index(SearchFilter)
    return [*backends[:position], backend, *backends[position:]]


class NewsroomPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, answered from the reader cache like a page (``articles.caching``):
    JSON only, so each URL has one answer that the reader cache and a front cache can keep (with
    the browsable HTML view too, every answer would vary by ``Accept``)."""

    renderer_classes = [JSONRenderer]
    filter_backends = before_search(PagesAPIViewSet.filter_backends, ArticleFilter)
    # Wagtail's ?site= picks another site's pages; this API answers for the request's site only.
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"site"}).union(ARTICLE_FILTERS)

    def get_base_queryset(self):
        """Live, public pages of the request's site, as Wagtail gives them, less those hidden for now."""
        return self.public_pages(Page)

    def public_pages(self, model):
        """``model``'s live, public pages of the request's site, less those hidden for now: expired, embargoed.

        Every view (listing, detail, find) starts here, so the query string is checked here too.
        They are left out by id, not by ``expire_at`` and ``embargo_until``: a search may only filter
        on indexed fields, and ``expire_at`` is not one of Wagtail's ``Page`` search fields.
        """
        if "site" in self.request.GET:
            raise BadRequestError("site: this API answers for the site it is asked on only")
        if has_control_characters(self.request.GET):
            raise BadRequestError("query parameters may not hold control characters")
        return get_public_pages_queryset(self.request, model).exclude(pk__in=self.hidden_page_ids)

    @cached_property
    def hidden_page_ids(self) -> list[int]:
        """Live pages readers may not see yet or any more — past their expiry time, or embargoed —
        asked once per request (a view serves one request)."""
        embargoed_articles = Q(pk__in=ArticlePage.objects.filter(embargoed()).values("pk"))
        hidden = Page.objects.live().filter(expired() | embargoed_articles)  # any page expires; articles are embargoed
        return list(hidden.order_by().values_list("pk", flat=True))

    def find_object(self, queryset, request):
        """As Wagtail finds a page by ``html_path``, and a withdrawn story too: its detail answers 410."""
        found = super().find_object(queryset, request)
        site = Site.find_for_request(request)
        if found is not None or "html_path" not in request.GET or site is None:
            return found
        parts = [part for part in request.GET["html_path"].split("/") if part]
        try:
            page, _, kwargs = site.root_page.specific.route(request, parts)
        except Http404:
            return None
        return page if "withdrawal" in kwargs else None

    def detail_view(self, request, pk):
        """A story withdrawn from this site answers 410 Gone with its notice, so partners who took it learn of it."""
        try:
            return super().detail_view(request, pk)
        except Http404:
            if gone := withdrawn_answer(request, pk):
                return gone
            raise

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.reader_cache_tag = "api"
        return response

    def get_queryset(self):
        """With ``type=newsroom_articles.ArticlePage``, the articles asked for directly (Wagtail
        asks for those whose id is among every public page's, which made SQLite sort all of them
        for each page of 20), with everything their fields read (byline, section, credit,
        copyright, tags, corrections, image, locale) fetched in a fixed number of queries, as the
        page and the feeds fetch them: 20 items cost what 1 does."""
        queryset = super().get_queryset()
        if queryset.model is ArticlePage:
            queryset = self.public_pages(ArticlePage).for_reading().select_related("locale")
        return queryset


api_router = WagtailAPIRouter("newsroom_api")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
