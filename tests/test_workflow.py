"""The desk's workflow in the Wagtail admin: roles, moderation and the byline integrity check."""

import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState

from articles.models import ArticleApprovalTask, ArticlePage
from articles.roles import EDITORS, REPORTERS

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory
from .helpers import SEED_FILE, edit_url, messages_of, post_editor_form


@pytest.fixture
def seed_draft(newsroom):
    call_command("import_story", str(SEED_FILE), stdout=io.StringIO())
    return ArticlePage.objects.get()


def test_setup_newsroom_creates_the_roles_and_workflow_once(newsroom):
    reporters_permissions = Group.objects.get(name=REPORTERS).permissions.count()

    call_command("setup_newsroom", stdout=io.StringIO())

    assert Group.objects.get(name=REPORTERS).permissions.count() == reporters_permissions
    publishing = GroupPagePermission.objects.filter(group__name=EDITORS, permission__codename="publish_page")
    # On the news index and the authors index, in each language the site publishes in.
    assert publishing.count() == 2 * len(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert not GroupPagePermission.objects.filter(group__name=REPORTERS, permission__codename="publish_page").exists()
    task = ArticleApprovalTask.objects.get()
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]
    assert newsroom.news_index.get_workflow().name == "Newsroom moderation"


def test_reporter_cannot_publish_from_the_page_editor(client, reporter, seed_draft):
    client.force_login(reporter)

    response = post_editor_form(client, seed_draft, "action-publish", is_headline_proposed=None)

    assert response.status_code == 200
    assert not ArticlePage.objects.get().live


def test_reporter_cannot_bulk_publish(client, reporter, seed_draft):
    client.force_login(reporter)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={seed_draft.pk}"

    client.post(url, {"include_descendants": False})

    assert not ArticlePage.objects.get().live


def test_reporter_submits_for_moderation_and_an_editor_approves_and_publishes(client, reporter, editor, seed_draft):
    client.force_login(reporter)
    post_editor_form(client, seed_draft, "action-submit", is_headline_proposed=None, is_source_confirmed="on")
    state = WorkflowState.objects.get(object_id=str(seed_draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not ArticlePage.objects.get().live

    client.force_login(editor)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[seed_draft.pk, "approve", task_state.pk])
    client.post(url, {"comment": "Checked."})

    assert ArticlePage.objects.get().live


def test_approval_is_not_offered_while_the_article_is_unfinished(reporter, editor, seed_draft):
    task = ArticleApprovalTask.objects.get()

    actions = [name for name, _label, _needs_data in task.get_actions(seed_draft, editor)]

    assert actions == ["reject"]


def test_editor_sees_what_is_missing_before_publishing(client, editor, seed_draft):
    client.force_login(editor)

    html = client.get(edit_url(seed_draft)).content.decode()

    assert "Not ready to publish yet." in html
    assert "The headline was proposed by the importer" in html
    assert "The importer found the credit to “Fox News” in the text" in html


def test_publishing_an_unfinished_article_is_refused_saying_why(client, editor, seed_draft):
    client.force_login(editor)

    response = post_editor_form(client, seed_draft, "action-publish", title="Russia threatens to strand astronaut")

    article = ArticlePage.objects.get()
    messages = messages_of(response)
    assert not article.live
    assert article.get_latest_revision_as_object().title == "Russia threatens to strand astronaut"  # draft kept
    assert any("not published" in message and "headline was proposed" in message for message in messages)


def test_editor_publishes_once_headline_and_credit_are_reviewed(client, editor, seed_draft):
    client.force_login(editor)

    post_editor_form(client, seed_draft, "action-publish", is_headline_proposed=None, is_source_confirmed="on")

    assert ArticlePage.objects.get().live


def test_an_article_without_an_author_cannot_be_published(client, editor, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, title="No byline")
    client.force_login(editor)

    post_editor_form(client, article, "action-publish")

    assert not ArticlePage.objects.get().live


def test_an_author_whose_page_was_unpublished_blocks_publishing(client, editor, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Gone Author", live=True)
    author.unpublish()
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author])
    client.force_login(editor)

    response = post_editor_form(client, article, "action-publish")

    assert not ArticlePage.objects.get().live
    messages = messages_of(response)
    assert any("Gone Author's author page is unpublished" in message for message in messages)


def test_bulk_publishing_an_unfinished_article_is_refused(client, editor, seed_draft):
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={seed_draft.pk}"

    response = client.post(url, {"include_descendants": False}, follow=True)

    assert not ArticlePage.objects.get().live
    assert "cannot be published yet" in response.content.decode()


def test_import_with_publish_refuses_a_story_without_a_byline(newsroom, tmp_path):
    story = tmp_path / "no-byline.txt"
    story.write_text("Officials said on Tuesday that the harbour bridge would reopen next month.\n")
    out = io.StringIO()

    call_command("import_story", "--publish", str(story), stdout=out)

    assert "not published: The byline is empty" in out.getvalue()
    assert not ArticlePage.objects.get().live


def test_revisions_keep_every_import_and_edit_and_can_be_compared(client, editor, seed_draft, tmp_path):
    changed = tmp_path / SEED_FILE.name
    changed.write_bytes(SEED_FILE.read_bytes().replace(b"355-day", b"355 day"))
    call_command("import_story", str(changed), stdout=io.StringIO())
    client.force_login(editor)
    post_editor_form(client, seed_draft, "action-save", title="Edited headline")

    revisions = list(ArticlePage.objects.get().revisions.order_by("pk"))
    assert len(revisions) == 3
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[seed_draft.pk, revisions[0].pk, revisions[2].pk])
    response = client.get(compare)
    assert response.status_code == 200
    assert "Edited headline" in response.content.decode()


def test_only_editors_are_offered_publishing_in_the_import_view(client, reporter, editor):
    def publish_checkboxes(user):
        client.force_login(user)
        upload = SimpleUploadedFile(SEED_FILE.name, SEED_FILE.read_bytes(), content_type="text/plain")
        response = client.post("/admin/newsroom/import/", {"files": [upload]})
        assert response.status_code == 200
        return len(BeautifulSoup(response.content, "html.parser").select("input[name=publish]"))

    assert publish_checkboxes(reporter) == 0
    assert publish_checkboxes(editor) == 1


def test_approval_is_not_offered_from_the_workflow_views_either(reporter, editor, seed_draft):
    task = ArticleApprovalTask.objects.get()
    generic_page = Page.objects.get(pk=seed_draft.pk)  # what Wagtail's workflow action views pass

    actions = [name for name, _label, _needs_data in task.get_actions(generic_page, editor)]

    assert actions == ["reject"]


def test_a_refused_bulk_publish_returns_only_to_an_address_on_this_site(client, editor, seed_draft):
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={seed_draft.pk}"

    elsewhere = client.post(url + "&next=https://evil.example/", {"include_descendants": False})
    here = client.post(url + "&next=/admin/pages/", {"include_descendants": False})

    assert elsewhere["Location"] == reverse("wagtailadmin_explore_root")
    assert here["Location"] == "/admin/pages/"


def submit_for_moderation(client, reporter, article, **changes):
    client.force_login(reporter)
    post_editor_form(client, article, "action-submit", **changes)
    return WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def approve_in_the_editor(client, article, **changes):
    """The editor's Approve button in the page editor: it saves the form, then approves."""
    return post_editor_form(client, article, "action-workflow-action", **{"workflow-action-name": "approve"}, **changes)


def test_an_editor_who_fixes_a_submitted_story_then_approves_publishes_the_fix(client, reporter, editor, seed_draft):
    state = submit_for_moderation(client, reporter, seed_draft)  # proposed headline, unconfirmed credit
    client.force_login(editor)
    post_editor_form(
        client, seed_draft, "action-save", title="Russia threatens to strand astronaut", is_headline_proposed=None,
        is_source_confirmed="on",
    )  # fmt: skip
    task = ArticleApprovalTask.objects.get()
    assert "approve" in [name for name, _label, _modal in task.get_actions(ArticlePage.objects.get(), editor)]

    url = reverse("wagtailadmin_pages:workflow_action", args=[seed_draft.pk, "approve", state.current_task_state.pk])
    response = client.post(url, follow=True)

    article = ArticlePage.objects.get()
    assert response.status_code == 200
    assert "do not have permission" not in response.content.decode()
    assert article.live
    assert article.title == "Russia threatens to strand astronaut"
    assert not article.has_unpublished_changes


def test_an_editor_who_fixes_and_approves_in_one_go_from_the_page_editor_publishes_the_fix(
    client, reporter, editor, seed_draft
):
    submit_for_moderation(client, reporter, seed_draft, is_headline_proposed=None, is_source_confirmed="on")
    client.force_login(editor)

    approve_in_the_editor(client, seed_draft, title="Russia threatens to strand astronaut")

    article = ArticlePage.objects.get()
    assert article.live
    assert article.title == "Russia threatens to strand astronaut"


def test_an_editor_who_empties_the_byline_and_approves_is_refused_and_nothing_goes_live(
    client, reporter, editor, seed_draft
):
    state = submit_for_moderation(client, reporter, seed_draft, is_headline_proposed=None, is_source_confirmed="on")
    client.force_login(editor)

    response = approve_in_the_editor(client, seed_draft, **{"credits-0-DELETE": "1"})

    article = ArticlePage.objects.get()
    assert not article.live
    assert response.redirect_chain[-1][0] == edit_url(seed_draft)
    assert any("Not approved, and nothing was published. The byline is empty" in m for m in messages_of(response))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not article.get_latest_revision_as_object().credits.exists()  # the edit is kept as a draft


def test_an_approval_of_a_story_that_changed_since_the_page_was_drawn_publishes_nothing(
    client, reporter, editor, seed_draft
):
    state = submit_for_moderation(client, reporter, seed_draft, is_headline_proposed=None, is_source_confirmed="on")
    draft = seed_draft.get_latest_revision_as_object()
    draft.authors = []
    draft.save_revision(user=reporter)  # the byline goes after the editor's dashboard offered Approve
    client.force_login(editor)

    url = reverse("wagtailadmin_pages:workflow_action", args=[seed_draft.pk, "approve", state.current_task_state.pk])
    client.post(url)

    assert not ArticlePage.objects.get().live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_refused_publish_links_each_problem_to_the_field_that_fixes_it(client, editor, seed_draft):
    client.force_login(editor)

    response = post_editor_form(client, seed_draft, "action-publish")

    soup = BeautifulSoup(response.content, "html.parser")
    anchors = {link["href"] for link in soup.select(".messages a[href^='#']")}
    assert anchors == {"#id_is_headline_proposed", "#id_is_source_confirmed"}
    for anchor in anchors:
        assert soup.find(id=anchor[1:]), anchor  # the panel is on the page
    checklist = {link["href"] for link in soup.select(".help-warning a[href^='#']")}
    assert checklist == anchors


def test_the_headline_proposed_help_text_does_not_say_the_file_had_none(client, editor, newsroom, tmp_path):
    story = tmp_path / "with-headline.txt"
    story.write_text("Harbour bridge reopens\nBy Jane Doe\nThe harbour bridge reopened to traffic on Tuesday.\n")
    call_command("import_story", str(story), stdout=io.StringIO())
    client.force_login(editor)

    html = client.get(edit_url(ArticlePage.objects.get())).content.decode()

    assert "had no headline, so one was drawn" not in html
    assert "when a story file has no headline" in html


def test_an_empty_byline_links_to_the_byline_in_the_page_editor(client, editor, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, title="No byline")
    client.force_login(editor)

    response = post_editor_form(client, article, "action-publish")

    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one(".messages a[href^='#']")
    assert link.get_text() == "The byline is empty: add at least one author."
    assert soup.find(id=link["href"][1:])


def test_a_lead_image_without_a_credit_blocks_publishing_until_the_article_gives_one(client, editor, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=[author], lead_image=ImageFactory(title="Quay", credit="")
    )
    client.force_login(editor)

    response = post_editor_form(client, article, "action-publish")

    assert not ArticlePage.objects.get().live
    assert any("The lead image “Quay” has no credit" in message for message in messages_of(response))

    post_editor_form(client, article, "action-publish", lead_image_credit="Port authority")

    assert ArticlePage.objects.get().live


def test_an_uncredited_body_image_is_on_the_list_of_what_stops_publishing(client, editor, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    body = [("image", {"image": ImageFactory(title="Crowd", credit=""), "caption": "The crowd", "credit": ""})]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], body=body)
    client.force_login(editor)

    html = client.get(edit_url(article)).content.decode()

    assert "The image “Crowd” in the body has no credit" in html


def test_an_image_credited_on_its_record_may_be_published(client, editor, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=[author], lead_image=ImageFactory(credit="Jane Doe/Reuters")
    )
    client.force_login(editor)

    post_editor_form(client, article, "action-publish")

    assert ArticlePage.objects.get().live
