"""What kind of story an article is — news, opinion, analysis, review, explainer, satire or sponsored
— and what each kind is called, to readers and to schema.org.

``ArticleMetadata.label`` holds an article's label for the page, the feeds, the JSON-LD and the
API; the cards of a listing read it with ``label_of``. News is the default and is never shown: a
label marks the stories that are not plain reporting. A sponsored story always names its sponsor
above the headline, and the publication check refuses one without a sponsor.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


class ContentLabel(models.TextChoices):
    NEWS = "news", _("News")
    OPINION = "opinion", _("Opinion")
    ANALYSIS = "analysis", _("Analysis")
    REVIEW = "review", _("Review")
    EXPLAINER = "explainer", _("Explainer")
    SATIRE = "satire", _("Satire")
    SPONSORED = "sponsored", _("Sponsored")


SCHEMA_TYPES = {
    ContentLabel.NEWS: "NewsArticle",
    ContentLabel.OPINION: "OpinionNewsArticle",
    ContentLabel.ANALYSIS: "AnalysisNewsArticle",
    ContentLabel.REVIEW: "ReviewNewsArticle",
    ContentLabel.EXPLAINER: "BackgroundNewsArticle",
    ContentLabel.SATIRE: "SatiricalArticle",
    ContentLabel.SPONSORED: "AdvertiserContentArticle",
}
SPONSORED_BY = _("Sponsored by %(sponsor)s")


@dataclass(frozen=True)
class Label:
    """An article's label as readers and machines get it; the sponsor only for a sponsored story."""

    key: str  # a ContentLabel value
    sponsor_name: str = ""
    sponsor_url: str = ""
    is_sponsor_outside: bool = True  # the sponsor's address is on another site than the article's

    @property
    def text(self) -> str:
        """ "Opinion", "Sponsored": what a card, a feed's category and the API call it."""
        return str(ContentLabel(self.key).label)

    @property
    def schema_type(self) -> str:
        return SCHEMA_TYPES[ContentLabel(self.key)]

    @property
    def is_shown(self) -> bool:
        """Every label but News is shown to readers and carried as a feed category."""
        return self.key != ContentLabel.NEWS

    @property
    def is_sponsored(self) -> bool:
        return self.key == ContentLabel.SPONSORED

    @property
    def notice(self) -> str:
        """As text: "Opinion"; "Sponsored by Acme" (a sponsored story without a sponsor yet: "Sponsored")."""
        if self.is_sponsored and self.sponsor_name:
            return str(SPONSORED_BY % {"sponsor": self.sponsor_name})
        return self.text

    @property
    def notice_html(self) -> SafeString:
        """The notice above the headline: the sponsor's name linked to its site, ``rel="sponsored"``."""
        if not (self.is_sponsored and self.sponsor_name and self.sponsor_url):
            return conditional_escape(self.notice)
        rel = "sponsored noopener" if self.is_sponsor_outside else "sponsored"
        link = format_html('<a href="{}" rel="{}">{}</a>', self.sponsor_url, rel, self.sponsor_name)
        return mark_safe(conditional_escape(SPONSORED_BY) % {"sponsor": link})  # our sentence around an escaped link


def label_of(article, site_url: str = "") -> Label:
    """``article``'s label; ``site_url`` (the article's own address will do) tells whether the
    sponsor's link leaves the site."""
    key = article.label if article.label in ContentLabel.values else ContentLabel.NEWS
    if key != ContentLabel.SPONSORED:
        return Label(key)
    name, url = article.sponsor_name.strip(), article.sponsor_url.strip()
    outside = not site_url or urlsplit(url).netloc.casefold() != urlsplit(site_url).netloc.casefold()
    return Label(key, name, url, is_sponsor_outside=outside)


def sponsor_missing(article) -> bool:
    """A sponsored story that does not say who paid for it: never published so."""
    return article.label == ContentLabel.SPONSORED and not article.sponsor_name.strip()
