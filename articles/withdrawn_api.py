"""What the API answers for a story withdrawn from the site: 410 Gone, with the withdrawal."""

from rest_framework.response import Response
from wagtail.models import Site

from .models import ArticlePage


def withdrawn_answer(request, pk) -> Response | None:
    """The withdrawal of article ``pk`` of the request's site, if its readers are to be told of it
    (``withdrawn_from_readers``), else None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    withdrawn = ArticlePage.objects.withdrawn_from_readers().in_any_language_of(site)
    article = withdrawn.filter(pk=pk).first() if str(pk).isdigit() else None
    if article is None:
        return None
    withdrawal = article.withdrawal
    data = {
        "id": article.pk,
        "meta": {"type": "newsroom_articles.ArticlePage", "html_url": article.get_full_url(request)},
        "withdrawn": {
            "kind": withdrawal.kind,
            "notice": withdrawal.notice,
            "title": withdrawal.public_title,
            "withdrawn_at": withdrawal.withdrawn_at.isoformat(),
        },
    }
    if withdrawal.keeps_headline:
        data["title"] = article.title
    return Response(data, status=410)
