"""The address sign-in throttling counts failures against, directly and behind proxies."""

import pytest
from django.test import RequestFactory

from newsroom.client_ip import client_ip

READER, SPOOFED, PROXY = "203.0.113.7", "198.51.100.1", "127.0.0.1"


def request_from(remote_addr, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/admin/login/", REMOTE_ADDR=remote_addr, **headers)


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.SECURE_PROXY_SSL_HEADER = None

    assert client_ip(request_from(READER, forwarded=SPOOFED)) == READER


def test_behind_one_proxy_the_last_entry_is_the_reader(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_HOPS = 1

    assert client_ip(request_from(PROXY, forwarded=f"{SPOOFED}, {READER}")) == READER


@pytest.mark.parametrize("spoofed", ["", f"{SPOOFED}, ", f"{SPOOFED}, 10.0.0.1, "])
def test_behind_the_deploy_recipe_the_reader_is_three_hops_back(settings, spoofed):
    """nginx (TLS) adds the reader, Varnish adds nginx, the app tier's nginx adds Varnish: every
    reader would be 127.0.0.1, one lockout for the whole world, if only the last entry counted."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_HOPS = 3

    assert client_ip(request_from(PROXY, forwarded=f"{spoofed}{READER}, {PROXY}, {PROXY}")) == READER


def test_a_chain_shorter_than_the_hops_gives_its_first_entry(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_HOPS = 3

    assert client_ip(request_from(PROXY, forwarded=f"{READER}, {PROXY}")) == READER
