from django.urls import path, reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import publishing
from .import_job_views import ImportJobView
from .models import ArticlePage, Correction
from .permissions import import_permissions
from .views import ImportStoriesView
from .withdrawal_views import WithdrawArticleView, withdrawal_button_label
from .withdrawals import RESTORE_ACTION, WITHDRAW_ACTION


class ImportStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        can_import, _ = import_permissions(request.user)
        return can_import


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("newsroom/import/", ImportStoriesView.as_view(), name="newsroom_import_stories"),
        path("newsroom/import/jobs/<int:pk>/", ImportJobView.as_view(), name="newsroom_import_job"),
        path("newsroom/withdraw/<int:pk>/", WithdrawArticleView.as_view(), name="newsroom_withdraw_article"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportStoriesMenuItem(_("Import stories"), reverse("newsroom_import_stories"), icon_name="upload", order=250)


@hooks.register("register_page_header_buttons")
def withdrawal_button(page, user, view_name, next_url=None):
    if label := withdrawal_button_label(page, user):
        yield PageMenuItem(label, reverse("newsroom_withdraw_article", args=[page.pk]), "warning", 55, page=page)


@hooks.register("register_log_actions")
def register_withdrawal_log_actions(actions):
    @actions.register_action(WITHDRAW_ACTION)
    class Withdrawn(LogFormatter):
        label = _("Withdraw story")

        def format_message(self, log_entry):
            kind = log_entry.data.get("kind", "withdraw")
            action = {
                "withdraw": pgettext("withdrawal action", "Withdraw"),
                "kill": pgettext("withdrawal action", "Kill"),
                "takedown": pgettext("withdrawal action", "Takedown"),
            }.get(kind, kind.capitalize())
            return gettext("%(action)s: %(reason)s") % {"action": action, "reason": log_entry.data.get("reason", "")}

    @actions.register_action(RESTORE_ACTION)
    class Restored(LogFormatter):
        label = _("Restore withdrawn story")
        message = _("Restored after its withdrawal, as a draft")


hooks.register("before_publish_page", publishing.refuse_to_publish_an_unfinished_article)
hooks.register("after_edit_page", publishing.explain_an_embargo)
hooks.register("after_create_page", publishing.explain_an_embargo)
hooks.register("after_edit_page", publishing.mention_publication_warnings)
hooks.register("after_create_page", publishing.mention_publication_warnings)
hooks.register("after_edit_page", publishing.explain_a_refused_approval)
hooks.register("before_bulk_action", publishing.refuse_to_bulk_publish_unfinished_articles)


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
