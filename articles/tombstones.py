"""What a withdrawn story's address answers: 410 Gone, with the public notice in the site's design.
A withdrawn story keeps its headline and byline there; a killed or taken-down one shows neither."""

from django.template.response import TemplateResponse

from newsroom_core.page_mixin import layout_context


def tombstone_response(request, article, withdrawal):
    context = {"page": article, "withdrawal": withdrawal, **layout_context()}
    if withdrawal.keeps_headline:
        context["meta"] = article.get_metadata(request)
    response = TemplateResponse(request, "newsroom_articles/tombstone.html", context, status=410)
    response.reader_cache_tag = "page"
    return response
