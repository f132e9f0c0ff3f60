"""What the API answers for a story withdrawn from the site: 410 Gone, with the withdrawal."""

from rest_framework.response import Response
from wagtail.models import Site

from .models import Withdrawal


def withdrawn_answer(request, pk) -> Response | None:
    """The withdrawal of the public article ``pk`` of the request's site, or None if there is none."""
    site = Site.find_for_request(request)
    withdrawal = Withdrawal.objects.select_related("article").filter(article_id=pk).first()
    if withdrawal is None or site is None:
        return None
    article = withdrawal.article
    if not article.is_descendant_of(site.root_page) or article.get_view_restrictions().exists():
        return None  # another site's, or never public: nothing to tell
    data = {
        "id": article.pk,
        "meta": {"type": "newsroom_articles.ArticlePage", "html_url": article.get_full_url(request)},
        "withdrawn": {
            "kind": withdrawal.kind,
            "notice": withdrawal.notice,
            "withdrawn_at": withdrawal.withdrawn_at.isoformat(),
        },
    }
    if withdrawal.keeps_headline:
        data["title"] = article.title
    return Response(data, status=410)
