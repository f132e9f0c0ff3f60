"""The SMTP server the site sends mail through, read from one ``EMAIL_URL``.

``smtp://user:password@host:587/?tls=True`` (STARTTLS), ``smtps://user:password@host`` (TLS from
the start, port 465 unless given), ``smtp://host`` (plain, port 25). A user name or password
holding ``@``, ``:`` or ``/`` is percent-encoded (``%40``, ``%3A``, ``%2F``).
"""

import smtplib
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.smtp import EmailBackend

SCHEMES = {"smtp": False, "smtps": True}  # scheme: whether TLS starts with the connection (SSL)
URL_FLAGS = {"true": True, "1": True, "false": False, "0": False}


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False

    def __post_init__(self):
        if self.use_tls and self.use_ssl:
            raise ImproperlyConfigured("Mail: use TLS (STARTTLS) or SSL, not both.")
        if not self.host:
            raise ImproperlyConfigured("Mail: the SMTP server needs a host name.")


def default_smtp_port(*, use_tls, use_ssl):
    """The port a mail server listens on for each kind of connection (RFC 8314, RFC 6409)."""
    if use_ssl:
        return 465
    return 587 if use_tls else 25


def parse_email_url(url) -> SmtpServer:
    """The SMTP server an ``EMAIL_URL`` names; a URL it cannot read exactly is refused, not guessed."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme or url!r}.")
    options = {"tls": False, "ssl": SCHEMES[parts.scheme]}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in options or value.lower() not in URL_FLAGS:
            raise ImproperlyConfigured(f"EMAIL_URL: unknown option {name}={value!r} (tls or ssl, True or False).")
        options[name] = URL_FLAGS[value.lower()]
    try:
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL: {error}.") from error
    return SmtpServer(
        host=parts.hostname or "",
        port=port or default_smtp_port(use_tls=options["tls"], use_ssl=options["ssl"]),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=options["tls"],
        use_ssl=options["ssl"],
    )


class SmtpBackend(EmailBackend):
    """Django's SMTP backend, but a server that answers and then refuses us (the login, STARTTLS) is
    a ``ConnectionError``: Wagtail's notifier skips the mail and logs it, as for a server that does
    not answer, instead of failing the editor's request after the moderation step is saved."""

    def open(self):
        try:
            return super().open()
        except smtplib.SMTPException as error:
            self.close()
            raise ConnectionError(f"the mail server {self.host}:{self.port} refused the connection: {error}") from error
