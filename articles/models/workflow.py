"""The moderation workflow's approval step for articles."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page

from ..publication_check import latest_revision_problems
from .pages import ArticlePage


class ArticleApprovalTask(AbstractGroupApprovalTask):
    """Group approval that will not approve an article whose byline, credit or headline is unfinished.

    Approving publishes the article's latest revision, whoever saved it — the reporter who
    submitted it, or the editor who fixed it in moderation — so that is the revision judged, by the
    same checks as the publish button. Approval is offered only once it passes; an approval that
    arrives anyway (the editor changed the article in the same request, or it changed since the
    page was drawn) approves and publishes nothing, and the editor is sent to the page editor,
    whose checklist says why.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # The workflow views pass the generic page; the check needs the article itself.
        article = obj.specific if isinstance(obj, Page) else obj
        if isinstance(article, ArticlePage) and latest_revision_problems(article):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        article = task_state.workflow_state.content_object.specific
        if action_name == "approve" and isinstance(article, ArticlePage) and latest_revision_problems(article):
            return reverse("wagtailadmin_pages:edit", args=[article.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve articles that are ready to publish"

    class Meta:
        verbose_name = _("article approval task")
