"""The page editor's read-only panels for articles: provenance, the publication checklist, corrections."""

from wagtail.admin.panels import Panel

from .embargo import embargo_end_text, is_embargoed
from .publication_check import publication_problems, publication_warnings


class StoryImportsPanel(Panel):
    """Read-only provenance in the page editor: every story file imported into the article."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom_articles/panels/story_imports.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["imports"] = self.instance.imports.all() if self.instance.pk else []
            return context


class PublicationChecklistPanel(Panel):
    """What still stops the article being published, shown before the editor presses publish."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom_articles/panels/publication_checklist.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["problems"] = publication_problems(self.instance)
            context["warnings"] = publication_warnings(self.instance)
            context["embargo_end"] = embargo_end_text(self.instance) if is_embargoed(self.instance) else ""
            return context


class CorrectionsPanel(Panel):
    """The article's corrections, which are added and edited as their own records."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom_articles/panels/corrections.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["corrections"] = self.instance.corrections.all() if self.instance.pk else []
            return context
