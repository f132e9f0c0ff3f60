from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import ArticlePage, Correction
from .readiness import latest_revision_problems, publication_problems
from .views import ImportStoriesView, import_permissions


class ImportStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        can_import, _ = import_permissions(request.user)
        return can_import


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("newsroom/import/", ImportStoriesView.as_view(), name="newsroom_import_stories")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportStoriesMenuItem("Import stories", reverse("newsroom_import_stories"), icon_name="upload", order=250)


@hooks.register("before_publish_page")
def refuse_to_publish_an_unfinished_article(request, page):
    """The page editor saved the draft; publishing waits until the byline checks pass."""
    if isinstance(page, ArticlePage) and (problems := publication_problems(page)):
        messages.error(request, problems_message("The article was saved as a draft but not published.", problems))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_edit_page")
def explain_a_refused_approval(request, page):
    """The editor pressed Approve in the page editor, but the article as saved cannot be published:
    the approval task approved nothing (``ArticleApprovalTask``). Say why, and stay in the editor."""
    action = request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name")
    article = page.specific
    if action != "approve" or not isinstance(article, ArticlePage):
        return None
    if not (problems := latest_revision_problems(article)):
        return None
    messages.error(request, problems_message("Not approved, and nothing was published.", problems))
    return redirect("wagtailadmin_pages:edit", page.pk)


def problems_message(lead, problems):
    """``lead`` and each problem, linking to the field in the page editor that fixes it."""
    links = format_html_join(" ", '<a href="#{}">{}</a>', ((p.editor_anchor, p.message) for p in problems))
    return format_html("{} {}", lead, links)


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_unfinished_articles(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    unfinished = [page for page in objects if isinstance(page.specific, ArticlePage)]
    unfinished = [page for page in unfinished if latest_revision_problems(page.specific)]
    if unfinished:
        titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in unfinished)
        messages.error(request, f"Nothing was published: {titles} cannot be published yet. Open each to see why.")
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))
    return None


class CorrectionCreateView(CreateView):
    def get_initial_form_instance(self):
        """ "Add a correction" from an article's editor starts with that article chosen."""
        instance = super().get_initial_form_instance()
        article_id = self.request.GET.get("article", "")
        article = ArticlePage.objects.filter(pk=article_id).first() if article_id.isdigit() else None
        if article is None:
            return instance
        instance = instance or self.model()
        instance.article = article
        return instance


class CorrectionViewSet(SnippetViewSet):
    model = Correction
    icon = "warning"
    add_view_class = CorrectionCreateView
    list_display = ["article", "kind", "published_at"]
    list_filter = ["kind"]
    search_fields = ["text"]


register_snippet(CorrectionViewSet)
