from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# One address for every language: the sitemaps list the pages of all of them, partners and the
# API read each story's own language from the story.
urlpatterns += [
    path("", include("articles.urls.sitemaps")),
    path("api/v2/", include("articles.urls.api")),
    path("", include("articles.urls.syndication")),
]
# The reader's pages, feeds and search in each language the site publishes in: the default
# language's at the root, the others' under their prefix (/fr/, /fr/feeds/latest/rss/ …).
urlpatterns += i18n_patterns(
    path("", include("articles.urls.feeds")),
    path("", include("articles.urls.search")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
