import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found
from wagtail.models import Site

from articles.content_language import active_language, language_attributes
from articles.credits import byline_credits
from articles.feed_formats import FEED_FORMATS
from articles.front_page import build_front_page
from articles.labels import label_of
from articles.language_links import alternates, language_switcher
from articles.metadata import (
    Publisher,
    author_name_html,
    build_publisher,
    byline_author,
    byline_html,
    copyright_notice_for,
    credits_line_html,
    site_title,
)
from articles.models import NewsroomSettings
from articles.navigation import Navigation, site_navigation
from articles.renditions import FEED_IMAGE_SPEC, picture_specs
from articles.republishing import republication_html
from articles.rich_text import reader_html
from articles.urls.feeds import feed_url
from newsroom_core.reader_formats import join_reader_names, reader_date

register = template.Library()

# Inside <script>, "</script>" or "<!--" would end or bend the element: escape the characters.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``data`` as a JSON-LD script element that no text inside it can break out of.

    ASCII-only JSON also escapes U+2028 and U+2029, which end a line in older JavaScript.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=True).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def newsroom_language_attributes(language):
    """` lang="fr"` (and `dir`) on an element holding a story's own words, where the story's
    ``language`` is not the page's: ``<h1{{ meta.language|newsroom_language_attributes }}>``."""
    return language_attributes(language, active_language())


@register.filter
def newsroom_richtext(value):
    """Rich text for readers: ``{{ page.bio|newsroom_richtext }}`` (see ``articles.rich_text``)."""
    return reader_html(value)


@register.filter
def newsroom_byline_html(authors):
    """``{{ meta.authors|newsroom_byline_html }}``: "A, B and C", each name linking to the author's page."""
    return byline_html(authors)


@register.filter
def newsroom_byline_text(article):
    """``{{ article|newsroom_byline_text }}``: the article's authors' names, "A, B and C", as text.

    In a listing, load the bylines with the articles (``ArticlePage.objects.for_listing()``).
    """
    return join_reader_names([credit.author.title for credit in byline_credits(article)])


@register.filter
def newsroom_credits_html(credits):
    """``{{ meta.credits|newsroom_credits_html }}``: "Additional reporting by A. Photos by B.", each name
    linking to the person's page where it has one."""
    return credits_line_html(credits)


@register.filter
def newsroom_label(article):
    """``{{ article|newsroom_label }}``: what kind of story a card's article is (``articles.labels.Label``)."""
    return label_of(article)


@register.filter
def html_datetime(value):
    """A date and time for a ``<time datetime>`` attribute: HTML allows at most three digits of a
    second's fraction, so the microseconds Django's "c" format prints are dropped."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.filter
def newsroom_time(value, precision="date"):
    """``{{ when|newsroom_time }}``: a ``<time>`` element, the date as readers read it and machines
    parse it, in the active language (``newsroom_core.reader_formats.reader_date``);
    ``{{ when|newsroom_time:"datetime" }}`` shows the time too."""
    return format_html('<time datetime="{}">{}</time>', html_datetime(value), reader_date(value, precision))


@register.filter
def newsroom_author_name(author, address="relative"):
    """``{{ author|newsroom_author_name }}`` (a ``BylineAuthor``): the name, linked to the author's page
    where it has one; ``:"absolute"`` links the page's full address, for feeds."""
    return author_name_html(author.name, author.full_url if address == "absolute" else author.url)


@register.inclusion_tag("newsroom_articles/includes/feed_links.html", takes_context=True)
def feed_links(context, kind, title=None, slug=None):
    """``<link rel="alternate">`` for each format of a feed: kind is latest, author, section, tag or corrections.

    The latest articles' feeds are titled with the site's name unless ``title`` is given.
    """
    title = title or site_title(site_of(context))
    return {
        "feeds": [
            (generator.media_type, f"{title} ({generator.label})", feed_url(kind, name, slug))
            for name, generator in FEED_FORMATS.items()
        ]
    }


@register.inclusion_tag("newsroom_articles/includes/byline.html", takes_context=True)
def newsroom_byline(context, article):
    """``{% newsroom_byline article %}``: "By A, B and C", each name linking to the author's page.

    In a listing, load the bylines with the articles (``ArticlePage.objects.for_listing()``).
    """
    request = context.get("request")
    return {"authors": [byline_author(credit.author, request) for credit in byline_credits(article)]}


@register.inclusion_tag("newsroom_articles/includes/copyright_footer.html", takes_context=True)
def newsroom_copyright(context, article=None):
    """``{% newsroom_copyright %}``: the site's copyright notice; ``{% newsroom_copyright article %}``:
    the article's own notice, else the site's."""
    request = context.get("request")
    if request is not None:
        site_settings = NewsroomSettings.for_request(request)  # kept on the request: one query a page at most
    else:
        site_settings = NewsroomSettings.for_site(site_of(context, article))
    return {"notice": copyright_notice_for(article, site_settings) if article else site_settings.copyright_notice}


@register.simple_tag(takes_context=True)
def newsroom_publisher(context) -> Publisher | None:
    """``{% newsroom_publisher as publisher %}``: who publishes the site (``articles.metadata.Publisher``),
    with ``publisher.policies``, the live policy pages its settings name (each with ``title`` and
    ``url``), for a footer; ``publisher.corrections_policy``, one of them or None. None without a site."""
    site = site_of(context)
    if site is None:
        return None
    request = context.get("request")
    site_settings = NewsroomSettings.for_request(request) if request is not None else NewsroomSettings.for_site(site)
    return build_publisher(site, site_settings)


@register.inclusion_tag("newsroom_articles/includes/republish_box.html", takes_context=True)
def newsroom_republish_box(context, article, meta):
    """``{% newsroom_republish_box page meta %}``: the "Republish this story" box, with the story as
    HTML to copy (``articles.republishing``); nothing when its licence does not allow republishing."""
    html = republication_html(article, meta, site_of(context, article))
    return {"rights": meta.rights, "republication_html": html}


@register.simple_tag
def newsroom_picture(image, name, **attrs):
    """``{% newsroom_picture image "card" sizes="…" alt="" loading="lazy" %}``: a ``<picture>`` of
    ``image`` in the formats and widths ``articles.renditions.PICTURES`` names for ``name`` (AVIF
    and WebP sources, a JPEG ``<img>`` with its width and height), from the renditions made at publish."""
    if not image:
        return ""
    # As Wagtail's own tags: an image whose file is gone shows as "not found", not as an error.
    renditions = get_renditions_or_not_found(image, picture_specs(name))
    return Picture(renditions, attrs).__html__()


@register.simple_tag
def newsroom_feed_image(image, alt=""):
    """An image in a feed item's HTML: one ``<img>`` (``FEED_IMAGE_SPEC``), as feed readers show images."""
    return get_rendition_or_not_found(image, FEED_IMAGE_SPEC).img_tag({"alt": alt}) if image else ""


@register.simple_tag(takes_context=True)
def newsroom_front_page(context, news_index, listing):
    """``{% newsroom_front_page page articles as front %}``: the front page of ``news_index`` built
    on the first page of its latest stories (``articles.front_page.FrontPage``)."""
    return build_front_page(news_index, context["request"], listing)


@register.simple_tag(takes_context=True)
def newsroom_navigation(context):
    """``{% newsroom_navigation as nav %}``: what a site's header and footer link to
    (``articles.navigation.Navigation``): ``nav.sections``, ``nav.authors_url``,
    ``nav.corrections_url``, ``nav.feed_url``; empty without a request."""
    request = context.get("request")
    return site_navigation(request) if request is not None else Navigation(home_url="", sections=())


@register.inclusion_tag("newsroom_articles/includes/language_switcher.html", takes_context=True)
def newsroom_language_switcher(context):
    """``{% newsroom_language_switcher %}``: the site's languages, each linking to the page in that
    language where it is translated, else to that language's home; nothing on a site in one."""
    request = context.get("request")
    links = language_switcher(context.get("page"), request) if request is not None else []
    return {"languages": links}


@register.inclusion_tag("newsroom_articles/includes/alternate_languages.html", takes_context=True)
def newsroom_alternate_languages(context):
    """``{% newsroom_alternate_languages %}``, in the head: the ``hreflang`` links to the page in
    each other language it is published in, and to itself (``articles.language_links``)."""
    request, page = context.get("request"), context.get("page")
    return {"alternates": alternates(page, request) if request is not None and page is not None else []}


@register.simple_tag(takes_context=True)
def newsroom_sections(context):
    """``{% newsroom_sections as sections %}``: the site's sections in the editors' order, each with
    its ``name`` and the ``url`` of its listing, for a site's navigation."""
    request = context.get("request")
    return site_navigation(request).sections if request is not None else ()


@register.inclusion_tag("newsroom_articles/includes/section_label.html", takes_context=True)
def newsroom_section_label(context, section):
    """``{% newsroom_section_label article.section %}``: the section's name, linking to its listing."""
    request = context.get("request")
    url = site_navigation(request).section_url(section) if request is not None and section else ""
    return {"section": section, "url": url}


@register.simple_tag(takes_context=True)
def newsroom_metadata(context, article):
    """``{% newsroom_metadata article as meta %}``: the article's byline authors, source credit,
    corrections and copyright as its page shows them (``articles.metadata.ArticleMetadata``), for
    Newsroom's includes in a host's own templates."""
    return article.get_metadata(context.get("request"))


def site_of(context, article=None) -> Site | None:
    """The request's site; without a request (an e-mail, say) the article's, else the default site."""
    request = context.get("request")
    if request is not None:
        return Site.find_for_request(request)
    return (article and article.get_site()) or Site.objects.filter(is_default_site=True).first()
