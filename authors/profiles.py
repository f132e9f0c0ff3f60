"""What an author's profile holds beyond the bio: the kind of contributor, the web addresses
they are known by and the languages they work in. Pure rules, tested without a database."""

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributorType(models.TextChoices):
    """How a person writes for us; the label is what readers see on a non-staff author's page."""

    STAFF = "staff", _("Staff")
    FREELANCE = "freelance", _("Freelance")
    GUEST = "guest", _("Guest contributor")
    WIRE = "wire", _("Wire reporter")


PUBLIC_BY_DEFAULT = {ContributorType.STAFF, ContributorType.FREELANCE}


def is_public_by_default(contributor_type: str) -> bool:
    """Whether a new author of this type gets a public page unprompted: staff and freelancers do;
    a guest's or a wire reporter's page stays a draft until an editor publishes it."""
    return contributor_type in PUBLIC_BY_DEFAULT


class Platform(models.TextChoices):
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    X = "x", "X"
    LINKEDIN = "linkedin", "LinkedIn"
    THREADS = "threads", "Threads"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    GITHUB = "github", "GitHub"
    OTHER = "other", _("Other")


# Each known platform's own hosts; their subdomains (www., m., mobile.) are theirs too. Mastodon
# runs on any host, so a Mastodon address is known by its path instead.
PLATFORM_HOSTS = {
    Platform.BLUESKY: ("bsky.app",),
    Platform.X: ("x.com", "twitter.com"),
    Platform.LINKEDIN: ("linkedin.com",),
    Platform.THREADS: ("threads.net", "threads.com"),
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.FACEBOOK: ("facebook.com", "fb.com"),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
    Platform.TIKTOK: ("tiktok.com",),
    Platform.GITHUB: ("github.com",),
}
MASTODON_PATH = re.compile(r"/@\w+(@[\w.-]+\.\w+)?/?", re.ASCII)


def validate_https_url(url: str) -> None:
    """Only https:// addresses with a host: a profile or website link must not downgrade a reader."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise ValidationError(_("Enter an address that starts with https://."), code="https")


def validate_profile_url(platform: str, url: str) -> None:
    """``url`` as a profile on ``platform``: https, on the platform's own host (a Mastodon
    address may be on any host, but its path is the account's, /@name)."""
    validate_https_url(url)
    parts = urlsplit(url)
    name = Platform(platform).label
    if platform == Platform.MASTODON and not MASTODON_PATH.fullmatch(parts.path):
        raise ValidationError(
            _("A %(platform)s profile's address ends in /@name, as https://mastodon.social/@name does."),
            code="platform",
            params={"platform": name},
        )
    hosts = PLATFORM_HOSTS.get(platform, ())
    if hosts and not is_on_hosts(parts.hostname, hosts):
        raise ValidationError(
            _("A %(platform)s profile is on %(hosts)s."),
            code="platform",
            params={"platform": name, "hosts": " or ".join(hosts)},
        )


def is_on_hosts(hostname: str, hosts) -> bool:
    return any(hostname == host or hostname.endswith(f".{host}") for host in hosts)


class ProfileLink(NamedTuple):
    name: str  # the link's text: the platform's name, or the host for a website or "Other"
    url: str


def profile_link(platform: str, url: str) -> ProfileLink:
    if platform in PLATFORM_HOSTS or platform == Platform.MASTODON:
        return ProfileLink(str(Platform(platform).label), url)
    return ProfileLink(website_name(url), url)


def website_name(url: str) -> str:
    """A website as a link's text: its host, without "www."."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


# A BCP 47 language tag (RFC 5646) as newsrooms write them: a language, then an optional script,
# region and variants ("en", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419").
LANGUAGE_TAG = re.compile(
    r"""(?P<language>[a-z]{2,3})
    (-(?P<script>[a-z]{4}))?
    (-(?P<region>[a-z]{2}|\d{3}))?
    (?P<variants>(-([a-z\d]{5,8}|\d[a-z\d]{3}))*)""",
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)


def normalise_language_tag(tag: str) -> str:
    """A tag in its conventional case: "PT-br" is "pt-BR", "zh-hant" is "zh-Hant"."""
    match = LANGUAGE_TAG.fullmatch(tag.strip())
    if match is None:
        raise ValidationError(
            _("“%(tag)s” is not a language code such as en, es or pt-BR."), code="language", params={"tag": tag}
        )
    language, script, region, variants = match.group("language", "script", "region", "variants")
    parts = [language.lower(), script and script.title(), region and region.upper(), variants.lower()[1:]]
    return "-".join(part for part in parts if part)


def parse_languages(text: str) -> list[str]:
    """The language tags in an editor's "en, es, pt-BR", normalised, each once, in their order."""
    tags = [normalise_language_tag(tag) for tag in re.split(r"[,;\s]+", text) if tag]
    return list(dict.fromkeys(tags))


def normalise_languages(text: str) -> str:
    return ", ".join(parse_languages(text))


def validate_languages(text: str) -> None:
    parse_languages(text)
