"""The corrections feed: every correction, clarification and update the site publishes, newest
first, each linking to its story, in the formats of ``articles.feed_formats``
(``/feeds/corrections/rss/``, ``atom/``, ``json/``). Its page is the news index's ``corrections/``.
"""

from html import escape

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext
from wagtail.models import Site

from newsroom_core.app_settings import newsroom_setting

from .feed_formats import FeedAuthor
from .metadata import site_title
from .models import Correction, NewsIndexPage, NewsroomSettings
from .websub import hub_urls, topic_url
from .xml_text import xml_text


class CorrectionsFeed(Feed):
    def __init__(self, feed_type):
        self.feed_type = feed_type

    def get_object(self, request):
        self.request = request
        self.site = Site.find_for_request(request)
        self.news_index = NewsIndexPage.for_site(self.site)
        return None

    def items(self):
        if self.news_index is None:
            return Correction.objects.none()
        return self.news_index.corrections()[: newsroom_setting("FEED_ITEMS")]

    def title(self):
        return xml_text(gettext("Corrections · %(site)s") % {"site": site_title(self.site)})

    def link(self):
        if self.news_index is None:
            return self.site.root_url + "/"
        return self.news_index.get_full_url(self.request) + self.news_index.reverse_subpage("corrections")

    def description(self):
        message = gettext("Every correction, clarification and update %(site)s publishes.")
        return xml_text(message % {"site": site_title(self.site)})

    def feed_url(self):
        return topic_url(self.site, self.request)

    def feed_extra_kwargs(self, obj):
        return {"hubs": hub_urls()}

    def feed_copyright(self):
        notice = NewsroomSettings.for_request(self.request).copyright_notice
        return xml_text(notice.text) if notice else None

    def item_title(self, correction: Correction):
        title = gettext("%(kind)s: %(headline)s") % {
            "kind": correction.get_kind_display(),
            "headline": correction.article.title,
        }
        return xml_text(title)

    def item_link(self, correction: Correction):
        return correction.article.get_full_url(self.request) + "#corrections"

    def item_description(self, correction: Correction):
        return xml_text(escape(correction.text))

    def item_guid(self, correction: Correction):
        # The story's own id (its translation key) and the correction's number: stable through edits.
        return f"urn:uuid:{correction.article.translation_key}#correction-{correction.pk}"

    def item_guid_is_permalink(self, correction: Correction):
        return False

    def item_pubdate(self, correction: Correction):
        return correction.published_at

    def item_updateddate(self, correction: Correction):
        return correction.published_at

    def item_categories(self, correction: Correction):
        return [correction.get_kind_display()]

    def item_extra_kwargs(self, correction: Correction):
        """The keys every Newsroom format writes (``articles.feed_formats``): a correction has its
        text, its kind and its story, is in its story's language, is signed by the newsroom, and has
        no credit, rights, image, licence or label."""
        text, newsroom = xml_text(correction.text), xml_text(site_title(self.site))
        return {
            "content_html": f"<p>{escape(text)}</p>",
            "authors": [FeedAuthor(newsroom)],
            "byline": newsroom,  # the newsroom itself corrects the record
            "summary_text": text,
            "source_name": "",
            "source_url": "",
            "rights": None,
            "image": None,
            "licence": None,
            "label": None,
            "corrections": [],
            "language": correction.article.content_language,
        }
