"""The admin sign-in is throttled (django-axes): guessing passwords stops after a few tries."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", "the-right-password")


def sign_in(client, password, **headers):
    return client.post(LOGIN, {"username": "editor", "password": password}, **headers)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_saying_why(client, editor):
    wrong = [sign_in(client, f"guess-{n}").status_code for n in range(5)]

    refused = sign_in(client, "the-right-password")

    assert wrong == [200, 200, 200, 200, 429]  # the form again, "wrong password", until the fifth
    assert refused.status_code == 429
    assert "Signing in is paused" in refused.content.decode()
    assert client.get("/admin/").status_code == 302  # not signed in


def test_the_pause_ends_by_itself(client, editor):
    for n in range(5):
        sign_in(client, f"guess-{n}")

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in(client, "the-right-password").status_code == 302


def test_an_administrator_lifts_the_pause_at_once(client, editor):
    for n in range(5):
        sign_in(client, f"guess-{n}")

    call_command("axes_reset_username", "editor", stdout=io.StringIO())

    assert sign_in(client, "the-right-password").status_code == 302


def test_another_address_may_still_sign_in(client, editor):
    for n in range(5):
        sign_in(client, f"guess-{n}", REMOTE_ADDR="203.0.113.9")

    assert sign_in(client, "the-right-password", REMOTE_ADDR="198.51.100.7").status_code == 302
