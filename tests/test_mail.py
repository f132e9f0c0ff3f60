"""Mail: the SMTP server read from the environment, and Wagtail's moderation notifications delivered
through a real SMTP server to the Editors and to the reporter who submitted."""

import io
import os
import re
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from articles.models import ArticlePage
from newsroom.mail import SmtpServer, parse_email_url

from .helpers import ROOT, SEED_FILE, post_editor_form
from .serving import SmtpInbox, free_port

SEED_TITLE = "Russia is threatening to leave an American astronaut stranded in space"


@pytest.mark.parametrize(
    ("url", "server"),
    [
        (
            "smtp://desk%40news.example.com:p%40ss%2Fword@mail.example.com:587/?tls=True",
            SmtpServer("mail.example.com", 587, "desk@news.example.com", "p@ss/word", use_tls=True),
        ),
        ("smtp://mail.example.com?tls=true", SmtpServer("mail.example.com", 587, use_tls=True)),
        ("smtp://mail.example.com", SmtpServer("mail.example.com", 25)),
        ("smtps://u:p@mail.example.com", SmtpServer("mail.example.com", 465, "u", "p", use_ssl=True)),
        ("smtp://mail.example.com:2525/?ssl=1", SmtpServer("mail.example.com", 2525, use_ssl=True)),
    ],
)
def test_an_email_url_names_the_smtp_server(url, server):
    assert parse_email_url(url) == server


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://mail.example.com", "must start with smtp:// or smtps://"),
        ("mail.example.com:587", "must start with smtp:// or smtps://"),
        ("smtp://mail.example.com?tsl=True", "unknown option tsl='True'"),
        ("smtp://mail.example.com?tls=maybe", "unknown option tls='maybe'"),
        ("smtps://mail.example.com?tls=True", "TLS (STARTTLS) or SSL, not both"),
        ("smtp://mail.example.com:port", "Port could not be cast"),
        ("smtp://:587", "needs a host name"),
    ],
)
def test_an_email_url_that_cannot_be_read_exactly_is_refused(url, reason):
    with pytest.raises(ImproperlyConfigured, match=re.escape(reason)):
        parse_email_url(url)


def mail_settings(**environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_") and key != "DEBUG"}
    code = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT, env=env | {"DJANGO_SETTINGS_MODULE": "newsroom.settings", **environment},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_debug_without_mail_settings_prints_mail_on_the_console():
    assert mail_settings(DEBUG="1").stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"


def test_mail_goes_to_the_smtp_server_an_email_url_names():
    result = mail_settings(EMAIL_URL="smtp://desk:secret@mail.example.com:587/?tls=True", DEBUG="1")

    assert result.stdout.split() == ["newsroom.mail.SmtpBackend", "mail.example.com", "587", "desk", "True"]


def test_mail_goes_to_the_smtp_server_the_email_variables_name():
    result = mail_settings(EMAIL_HOST="mail.example.com", EMAIL_HOST_USER="desk", EMAIL_USE_TLS="1")

    assert result.stdout.split() == ["newsroom.mail.SmtpBackend", "mail.example.com", "587", "desk", "True"]


def test_an_email_url_and_an_email_host_together_are_refused():
    result = mail_settings(EMAIL_URL="smtp://mail.example.com", EMAIL_HOST="other.example.com")

    assert result.returncode != 0
    assert "Set EMAIL_URL or EMAIL_HOST, not both." in result.stderr


@pytest.fixture
def inbox(settings):
    """Django's SMTP backend pointed at a real SMTP server of the test's own."""
    server = SmtpInbox(free_port()).start()
    settings.EMAIL_BACKEND = "newsroom.mail.SmtpBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "Newsroom <newsroom@news.example.com>"
    yield server
    server.stop()


def submit_the_seed(client, reporter):
    """Import the seed as a draft and submit it for moderation as ``reporter``: (article, response)."""
    call_command("import_story", str(SEED_FILE), stdout=io.StringIO())
    article = ArticlePage.objects.get()
    client.force_login(reporter)
    return article, post_editor_form(
        client, article, "action-submit", is_headline_proposed=None, is_source_confirmed="on"
    )


@pytest.fixture
def submitted(client, reporter, editor, inbox):
    """The seed draft, submitted for moderation by the reporter, ready for an editor's decision."""
    article, _ = submit_the_seed(client, reporter)
    return article, WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def decide(client, editor, article, state, action, **data):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, state.current_task_state.pk])
    client.post(url, data)


def test_a_submitted_article_is_announced_to_the_editors_by_mail(submitted, inbox):
    article, _state = submitted

    [(recipients, message)] = inbox.received
    assert recipients == ["editor@example.com"]
    assert message["Subject"] == (
        f'The page "{SEED_TITLE}" has been submitted for approval in moderation stage "Editor approval"'
    )
    assert message["From"] == "Newsroom <newsroom@news.example.com>"
    assert f"http://127.0.0.1:8000/admin/pages/{article.pk}/edit/" in message.get_content()


def test_the_reporter_is_told_by_mail_when_an_editor_approves(client, editor, submitted, inbox):
    article, state = submitted

    decide(client, editor, article, state, "approve", comment="Checked.")

    assert ArticlePage.objects.get().live
    recipients, message = inbox.received[-1]
    assert len(inbox.received) == 2  # the editors' notice of the submission, then this one
    assert recipients == ["reporter@example.com"]
    assert message["Subject"] == f'The page "{SEED_TITLE}" has been approved in "Newsroom moderation".'


def test_the_reporter_is_told_by_mail_when_an_editor_requests_changes(client, editor, submitted, inbox):
    article, state = submitted

    decide(client, editor, article, state, "reject", comment="Please confirm the second source.")

    assert not ArticlePage.objects.get().live
    recipients, message = inbox.received[-1]
    assert len(inbox.received) == 2
    assert recipients == ["reporter@example.com"]
    assert message["Subject"] == f'The page "{SEED_TITLE}" has been rejected during "Newsroom moderation".'
    assert 'The following comment was left: "Please confirm the second source."' in message.get_content()


def test_moderation_goes_on_when_the_mail_server_does_not_answer(client, reporter, editor, settings, caplog):
    settings.EMAIL_BACKEND = "newsroom.mail.SmtpBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there

    article, response = submit_the_seed(client, reporter)

    assert response.status_code == 200
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert "Mail connection error, notification sending skipped" in caplog.text


def test_moderation_goes_on_when_the_mail_server_refuses_to_sign_in(client, reporter, editor, inbox, settings, caplog):
    """A mail server that answers but refuses the login (here it offers no AUTH at all) is a mail
    problem, not the editor's: the submission is saved and the notification skipped (it was a 500)."""
    settings.EMAIL_BACKEND = "newsroom.mail.SmtpBackend"
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "newsroom", "wrong password"

    article, response = submit_the_seed(client, reporter)

    assert response.status_code == 200
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert "Mail connection error, notification sending skipped" in caplog.text
    assert inbox.received == []
