"""Author profiles (website, social profiles, job title, beat, languages) and contributor types:
what the editor may enter, and what the author's page, the article's JSON-LD and the API say."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st
from wagtail.test.utils.form_data import querydict_from_html

from authors.models import AuthorPage, AuthorPageProfile
from authors.profiles import (
    PLATFORM_HOSTS,
    ContributorType,
    Platform,
    is_public_by_default,
    normalise_languages,
    validate_profile_url,
)

from .factories import ArticlePageFactory, AuthorPageFactory, AuthorPageProfileFactory, ImageFactory
from .helpers import edit_url, extract, json_ld_of_type, make_user, soup_of, unknown_schema_org_terms

HOSTILE = '"><script>alert(1)</script><b onmouseover="x">'
KNOWN_PLATFORMS = sorted(PLATFORM_HOSTS)
paths = st.from_regex(r"(/[A-Za-z0-9_.~-]{1,12}){0,3}/?", fullmatch=True)
usernames = st.from_regex(r"[A-Za-z0-9_]{1,20}", fullmatch=True)
foreign_hosts = st.from_regex(r"[a-z]{1,10}\.(org|io|example)", fullmatch=True)  # no platform's own


def refusal(platform, url) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_profile_url(platform, url)
    return " ".join(refused.value.messages)


@given(platform=st.sampled_from(KNOWN_PLATFORMS), data=st.data(), path=paths)
def test_profile_urls_on_the_platforms_own_hosts_are_accepted(platform, data, path):
    host = data.draw(st.sampled_from(PLATFORM_HOSTS[platform]))
    subdomain = data.draw(st.sampled_from(["", "www.", "m."]))

    validate_profile_url(platform, f"https://{subdomain}{host}{path}")


@given(platform=st.sampled_from(KNOWN_PLATFORMS), host=foreign_hosts, path=paths)
@example(platform=Platform.X, host="x.com.evil.example", path="/name")
@example(platform=Platform.BLUESKY, host="notbsky.app", path="/profile/name")
def test_a_profile_on_another_host_is_refused_naming_the_platform(platform, host, path):
    assert Platform(platform).label in refusal(platform, f"https://{host}{path}")


@given(platform=st.sampled_from(list(Platform)), data=st.data(), path=paths)
def test_a_profile_address_that_is_not_https_is_refused(platform, data, path):
    host = data.draw(st.sampled_from(PLATFORM_HOSTS.get(platform, ("mastodon.social",))))
    scheme = data.draw(st.sampled_from(["http", "ftp", "javascript", ""]))

    assert "https://" in refusal(platform, f"{scheme}://{host}/@name{path}")


@given(host=foreign_hosts, user=usernames, remote=st.none() | foreign_hosts)
def test_a_mastodon_profile_is_on_any_host_at_an_account_path(host, user, remote):
    account = f"/@{user}@{remote}" if remote else f"/@{user}"

    validate_profile_url(Platform.MASTODON, f"https://{host}{account}")


@given(host=foreign_hosts, path=paths)
@example(host="mastodon.social", path="/about")
def test_a_mastodon_address_that_is_not_an_account_is_refused(host, path):
    assert "Mastodon" in refusal(Platform.MASTODON, f"https://{host}{path}")


@given(host=foreign_hosts, path=paths)
def test_an_other_profile_may_be_any_https_address(host, path):
    validate_profile_url(Platform.OTHER, f"https://{host}{path}")


def test_the_editor_sees_the_refusal_on_the_address_field():
    profile = AuthorPageProfile(platform=Platform.BLUESKY, url="https://x.com/jane")

    with pytest.raises(ValidationError) as refused:
        profile.full_clean(exclude=["page"])

    assert refused.value.message_dict == {"url": ["A Bluesky profile is on bsky.app."]}


def test_languages_are_stored_as_normalised_language_codes(newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, languages="EN; es  PT-br, en, zh-hant-tw", live=True)

    author.refresh_from_db()
    assert author.languages == "en, es, pt-BR, zh-Hant-TW"


@pytest.mark.parametrize("text", ["english", "en, e", "pt_BR", "en-", "12"])
def test_text_that_is_not_language_codes_is_refused(text):
    with pytest.raises(ValidationError):
        normalise_languages(text)


def test_only_staff_and_freelancers_have_a_public_page_by_default():
    assert [is_public_by_default(kind) for kind in ContributorType] == [True, True, False, False]


@pytest.fixture
def reporter_with_profiles(newsroom):
    return AuthorPageFactory(
        parent=newsroom.author_index,
        title="Ana Ruiz",
        role="Courts reporter",
        beat="Courts and justice",
        languages="en, es",
        website="https://anaruiz.example/",
        photo=ImageFactory(),
        profiles=[
            AuthorPageProfileFactory.build(platform=Platform.MASTODON, url="https://journa.host/@anaruiz"),
            AuthorPageProfileFactory.build(
                platform=Platform.BLUESKY, url="https://bsky.app/profile/anaruiz.bsky.social"
            ),
        ],
        live=True,
    )


PROFILE_URLS = [
    "https://anaruiz.example/",
    "https://journa.host/@anaruiz",
    "https://bsky.app/profile/anaruiz.bsky.social",
]


def test_the_author_page_links_each_profile_by_platform_with_rel_me(client, reporter_with_profiles):
    soup = soup_of(client.get(reporter_with_profiles.url))

    assert [link["href"] for link in soup.select('head link[rel="me"]')] == PROFILE_URLS
    assert [(a.get_text(), a["href"]) for a in soup.select('.author-links a[rel="me"]')] == [
        ("anaruiz.example", PROFILE_URLS[0]),
        ("Mastodon", PROFILE_URLS[1]),
        ("Bluesky", PROFILE_URLS[2]),
    ]
    assert "Beat: Courts and justice" in soup.get_text()
    assert "Languages: English, Spanish" in soup.get_text()


def test_the_profile_page_json_ld_describes_the_person(client, reporter_with_profiles):
    profile = json_ld_of_type(extract(client, reporter_with_profiles.url), "ProfilePage")
    person = profile["mainEntity"]

    assert person["url"] == "http://localhost/authors/ana-ruiz/"
    assert person["sameAs"] == PROFILE_URLS
    assert person["image"].startswith("http://localhost/media/images/")
    assert person["jobTitle"] == "Courts reporter"
    assert person["knowsLanguage"] == ["en", "es"]
    assert person["knowsAbout"] == "Courts and justice"
    assert person["description"] == "Ana Ruiz writes about science."
    assert unknown_schema_org_terms(profile) == set()


def test_the_articles_author_is_the_same_person_without_the_bio(client, newsroom, reporter_with_profiles):
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[reporter_with_profiles], live=True)
    on_profile = json_ld_of_type(extract(client, reporter_with_profiles.url), "ProfilePage")["mainEntity"]

    [author] = json_ld_of_type(extract(client, article.url), "NewsArticle")["author"]

    assert author == {key: value for key, value in on_profile.items() if key != "description"}
    assert {"url", "sameAs", "image", "jobTitle"} <= author.keys()
    assert unknown_schema_org_terms(author) == set()


def test_the_published_profiles_show_until_a_draft_with_others_is_published(client, reporter_with_profiles):
    draft = reporter_with_profiles.get_latest_revision_as_object()
    draft.profiles = [AuthorPageProfileFactory.build(platform=Platform.GITHUB, url="https://github.com/anaruiz")]
    revision = draft.save_revision()

    assert "https://github.com/anaruiz" not in client.get(reporter_with_profiles.url).content.decode()
    revision.publish()
    shown = soup_of(client.get(reporter_with_profiles.url)).select('.author-links a[rel="me"]')
    assert [(a.get_text(), a["href"]) for a in shown] == [
        ("anaruiz.example", PROFILE_URLS[0]),
        ("GitHub", "https://github.com/anaruiz"),
    ]


def test_a_hostile_name_beat_and_link_stay_text(client, newsroom):
    author = AuthorPageFactory(
        parent=newsroom.author_index,
        title=f"Ana {HOSTILE}",
        beat=HOSTILE,
        role=HOSTILE,
        profiles=[AuthorPageProfileFactory.build(platform=Platform.OTHER, url=f"https://example.org/{HOSTILE}")],
        live=True,
    )

    html = client.get(author.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert [script["type"] for script in soup.select("script")] == ["application/ld+json"]
    assert soup.select("b") == []
    assert f"Beat: {HOSTILE}" in soup.get_text()
    assert soup.select_one('.author-links a[rel="me"]')["href"] == f"https://example.org/{HOSTILE}"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [("freelance", "Freelance"), ("guest", "Guest contributor"), ("wire", "Wire reporter")],
)
def test_the_author_page_says_what_kind_of_contributor_they_are(client, newsroom, kind, shown):
    author = AuthorPageFactory(parent=newsroom.author_index, contributor_type=kind, live=True)

    assert soup_of(client.get(author.url)).select_one(".contributor-type").get_text() == shown


def test_a_staff_author_page_names_no_contributor_type(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)

    assert soup_of(client.get(author.url)).select(".contributor-type") == []


def test_the_author_index_lists_guests_and_wire_reporters_after_the_journalists(client, newsroom):
    for title, kind in [
        ("Ann Guest", "guest"),
        ("Bea Staff", "staff"),
        ("Cal Free", "freelance"),
        ("Dee Wire", "wire"),
    ]:
        AuthorPageFactory(parent=newsroom.author_index, title=title, contributor_type=kind, live=True)

    soup = soup_of(client.get("/authors/"))
    [journalists, contributors] = soup.select(".author-list")

    assert [card.get_text(" ", strip=True) for card in journalists.select(".author-card")] == [
        "Bea Staff",
        "Cal Free Freelance",
    ]
    assert soup.select_one("#contributors-heading").get_text() == "Guest and wire contributors"
    assert [card.get_text(" ", strip=True) for card in contributors.select(".author-card")] == [
        "Ann Guest Guest contributor",
        "Dee Wire Wire reporter",
    ]


def test_a_guest_whose_page_is_unpublished_is_named_unlinked_on_the_article(client, newsroom):
    guest = AuthorPageFactory(
        parent=newsroom.author_index,
        title="Gus Guest",
        contributor_type="guest",
        role="Professor of law",
        website="https://gus.example/",
    )
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[guest], live=True)

    soup = soup_of(client.get(article.url))
    data = extract(client, article.url)

    assert " ".join(soup.select_one(".byline").get_text().split()) == "By Gus Guest"
    assert soup.select(".byline a") == []
    assert json_ld_of_type(data, "NewsArticle")["author"] == [{"@type": "Person", "name": "Gus Guest"}]


def test_the_api_gives_each_authors_profile_and_type(client, reporter_with_profiles):
    fields = "role,contributor_type,beat,languages,website,profiles"
    response = client.get(f"/api/v2/pages/?type=newsroom_authors.AuthorPage&fields={fields}")

    [author] = response.json()["items"]
    assert {name: author[name] for name in fields.split(",")} == {
        "role": "Courts reporter",
        "contributor_type": "staff",
        "beat": "Courts and justice",
        "languages": ["en", "es"],
        "website": "https://anaruiz.example/",
        "profiles": [
            {"platform": "mastodon", "url": "https://journa.host/@anaruiz"},
            {"platform": "bluesky", "url": "https://bsky.app/profile/anaruiz.bsky.social"},
        ],
    }


@pytest.fixture
def admin_client(client, newsroom):
    client.force_login(make_user("chief", superuser=True))
    return client


def author_form(client, author, **changes):
    """The author's editor as rendered, with ``changes``, as a browser would post it to publish."""
    data = querydict_from_html(client.get(edit_url(author)).content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return data


def test_the_editor_refuses_a_profile_off_its_platform_naming_it(admin_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ana Ruiz", live=True)
    profile = {"profiles-TOTAL_FORMS": "1", "profiles-0-platform": "bluesky", "profiles-0-url": "https://x.com/ana"}

    response = admin_client.post(edit_url(author), author_form(admin_client, author, **profile))

    assert response.status_code == 200  # the form again, with its errors
    assert "A Bluesky profile is on bsky.app." in soup_of(response).get_text()
    assert AuthorPage.objects.get(pk=author.pk).profile_links == []


def test_the_editor_publishes_a_profile_and_the_page_links_it(admin_client, client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ana Ruiz", live=True)
    profile = {
        "profiles-TOTAL_FORMS": "1",
        "profiles-0-platform": "bluesky",
        "profiles-0-url": "https://bsky.app/profile/ana.bsky.social",
        "languages": "ES, en-gb",
    }

    admin_client.post(edit_url(author), author_form(admin_client, author, **profile))
    admin_client.logout()

    soup = soup_of(client.get(author.url))
    assert [a["href"] for a in soup.select('.author-links a[rel="me"]')] == ["https://bsky.app/profile/ana.bsky.social"]
    assert AuthorPage.objects.get(pk=author.pk).languages == "es, en-GB"


def test_the_admins_author_listing_filters_by_contributor_type(admin_client, newsroom):
    for title, kind in [("Ann Guest", "guest"), ("Bea Staff", "staff"), ("Dee Wire", "wire")]:
        AuthorPageFactory(parent=newsroom.author_index, title=title, contributor_type=kind)

    response = admin_client.get(reverse("newsroom_authors:index"), {"contributor_type": "guest"})

    assert response.status_code == 200
    listed = soup_of(response).get_text()
    assert "Ann Guest" in listed
    assert "Bea Staff" not in listed
    assert "Dee Wire" not in listed


def test_the_preview_shows_the_drafts_profiles(admin_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ana Ruiz", live=True)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[author.pk])
    profile = {"profiles-TOTAL_FORMS": "1", "profiles-0-platform": "github", "profiles-0-url": "https://github.com/ana"}

    assert admin_client.post(preview_url, author_form(admin_client, author, **profile)).json()["is_valid"]
    shown = soup_of(admin_client.get(preview_url)).select('.author-links a[rel="me"]')

    assert [(a.get_text(), a["href"]) for a in shown] == [("GitHub", "https://github.com/ana")]
