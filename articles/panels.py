from wagtail.admin.panels import Panel


class StoryImportsPanel(Panel):
    """Read-only provenance in the page editor: every story file imported into the article."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom_articles/panels/story_imports.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["imports"] = self.instance.imports.all() if self.instance.pk else []
            return context
