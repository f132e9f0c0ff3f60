"""The moderation rules the admin enforces: an article goes live only when the publication check
passes, whichever way it is published (the page editor, a workflow approval, bulk publishing).
``articles.wagtail_hooks`` registers each of these with Wagtail; the approval step itself is
``ArticleApprovalTask`` (``articles.models.workflow``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from wagtail.admin.utils import get_valid_next_url_from_request

from .embargo import embargo_end_text, is_embargoed
from .models import ArticlePage
from .publication_check import latest_revision_problems, publication_problems, publication_warnings


def refuse_to_publish_an_unfinished_article(request, page):
    """The page editor saved the draft; publishing waits until the byline checks pass."""
    if isinstance(page, ArticlePage) and (problems := publication_problems(page)):
        lead = gettext("The article was saved as a draft but not published.")
        messages.error(request, problems_message(lead, problems))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def explain_a_refused_approval(request, page):
    """The editor pressed Approve in the page editor, but the article as saved cannot be published:
    the approval task approved nothing (``ArticleApprovalTask``). Say why, and stay in the editor."""
    action = request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name")
    article = page.specific
    if action != "approve" or not isinstance(article, ArticlePage):
        return None
    if not (problems := latest_revision_problems(article)):
        return None
    messages.error(request, problems_message(gettext("Not approved, and nothing was published."), problems))
    return redirect("wagtailadmin_pages:edit", page.pk)


def explain_an_embargo(request, page):
    """Publishing an embargoed story scheduled it (Wagtail says so): say for when, and why."""
    article = page.specific
    if "action-publish" in request.POST and isinstance(article, ArticlePage) and is_embargoed(article):
        message = gettext("Embargoed until %(time)s: it goes live then, not before.")
        messages.warning(request, message % {"time": embargo_end_text(article)})


def mention_publication_warnings(request, page):
    """The article was published; say what the editor may want to finish (a writer without a bio)."""
    article = page.specific
    is_published = "action-publish" in request.POST and isinstance(article, ArticlePage) and article.live
    if is_published and (warnings := publication_warnings(article)):
        messages.warning(request, problems_message(gettext("Published."), warnings))


def problems_message(lead, problems):
    """``lead`` and each problem, linking to the field in the page editor that fixes it."""
    links = format_html_join(" ", '<a href="#{}">{}</a>', ((p.editor_anchor, p.message) for p in problems))
    return format_html("{} {}", lead, links)


def refuse_to_bulk_publish_unfinished_articles(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    unfinished = [page for page in objects if isinstance(page.specific, ArticlePage)]
    unfinished = [page for page in unfinished if latest_revision_problems(page.specific)]
    if unfinished:
        titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in unfinished)
        message = gettext("Nothing was published: %(titles)s cannot be published yet. Open each to see why.")
        messages.error(request, message % {"titles": titles})
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))
    return None
