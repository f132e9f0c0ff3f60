"""Helpers the tests share: the project's paths, people in the newsroom's groups, and the admin used
as a person would."""

import functools
import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import extruct
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree
from PIL import Image
from rdflib.namespace import SDO
from referencing import Registry, Resource
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from articles.models import NewsroomSettings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
SEED_FILE = SEEDS_DIR / "000_3581a14dfa9c6e0e.txt"
STORIES_DIR = Path(__file__).resolve().parent / "stories"
HOSTILE_DIR = Path(__file__).resolve().parent / "hostile"
FORMATS_DIR = Path(__file__).resolve().parent / "formats"
REALWORLD_DIR = Path(__file__).resolve().parent / "realworld"
NINJS_SCHEMAS = [
    Path(__file__).resolve().parent / "schemas" / name for name in ("ninjs-schema_2.2.json", "GeoJSON-schema.json")
]
NEWSML_G2_SCHEMA = Path(__file__).resolve().parent / "schemas" / "NewsML-G2_2.35-spec-All-Power.xsd"
IMPORT_URL = "/admin/newsroom/import/"
# A short story of the file format, for the tests of what stands around a story (advisories, rights).
HARBOUR_STORY = (
    "Harbour bridge to reopen\n"
    "By Jane Doe\n"
    "Officials said on Tuesday that the harbour bridge would reopen next month after repairs.\n"
    "Engineers found cracks in two of the supports during a routine inspection.\n"
    "© 2026 City Times. All rights reserved.\n"
)
# The end-to-end tests' browser, checkers and people.
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EDITOR = ("desk-editor", "e2e-editor-password")
REPORTER = ("field-reporter", "e2e-reporter-password")
SEED_URL = "http://localhost/russia-is-threatening-to-leave-an-american-astronaut-stranded-in-space/"
ATOM_SCHEMA = Path(__file__).resolve().parent / "validators" / "atom.rnc"
# Where jing is missing the Atom schema tests skip, but not in CI (.ci/run sets the variable): there they fail.
requires_jing = pytest.mark.skipif(
    not shutil.which("jing") and not os.environ.get("NEWSROOM_TEST_REQUIRE_JING"),
    reason="jing is not installed (apt-get install jing); .ci/run installs it and requires this test",
)

# The catalogues are gathered afresh with GNU gettext's xgettext and msgmerge, as `make messages` does:
# where they are missing that test skips, but not in CI, which installs them (Debian's gettext).
requires_gettext = pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("NEWSROOM_TEST_REQUIRE_GETTEXT"),
    reason="GNU gettext is not installed (apt-get install gettext); .ci/run installs it and requires this test",
)


def restore_wagtail_roots():
    """Wagtail's default locale, root page and root collection, which its migrations create and the
    flush after a transactional test empties (pytest-django runs those tests last, so only they can
    start from an empty database). Each comes back only when missing."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def messages_of(response):
    """The messages the admin shows, as text (they may hold links)."""
    return [BeautifulSoup(str(message), "html.parser").get_text() for message in response.context["messages"]]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_editor_form(client, page, action, **changes):
    """Submit the page editor as a person would: the form as rendered, with ``changes`` and a button."""
    html = client.get(edit_url(page)).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A ticked checkbox without a value attribute is sent as "on" by browsers (the helper sends "").
    for checkbox in BeautifulSoup(html, "html.parser").select("#page-edit-form input[type=checkbox][checked]"):
        data[checkbox["name"]] = checkbox.get("value", "on")
    # The body's StreamField is drawn by JavaScript, so it is not in the HTML: post it as the browser would.
    blocks = page.get_latest_revision_as_object().body
    body = streamfield([(block.block_type, rich_text(block.value.source)) for block in blocks])
    for name, value in nested_form_data({"body": body}).items():
        data[name] = value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    data[action] = action
    return client.post(edit_url(page), data, follow=True)


def log_in(page, site, user):
    """Sign in to the admin in the browser (Playwright's ``page``) as ``user``, (username, password)."""
    page.goto(f"{site}/admin/login/")
    page.fill("input[name=username]", user[0])
    page.fill("input[name=password]", user[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")


def extract(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(response.content.decode(), base_url=url, syntaxes=["json-ld", "opengraph"])


def json_ld_of_type(data, schema_type):
    [found] = [item for item in data["json-ld"] if item.get("@type") == schema_type]
    return found


def atom_schema_errors(feed: bytes, tmp_path) -> str:
    """What jing finds wrong with an Atom feed against RFC 4287's schema: "" when it is valid."""
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(feed)
    result = subprocess.run(["jing", "-c", str(ATOM_SCHEMA), str(feed_file)], capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def ninjs_schema_errors(document: dict) -> list[str]:
    """What IPTC's ninjs 2.2 JSON schema (with the GeoJSON schema it refers to, and formats checked)
    finds wrong with ``document``: [] when it is valid."""
    schemas = [json.loads(path.read_text()) for path in NINJS_SCHEMAS]
    registry = Registry().with_resources(
        (schema["$id"].rstrip("#"), Resource.from_contents(schema)) for schema in schemas
    )
    ninjs = next(schema for schema in schemas if schema["$id"].startswith("http://www.iptc.org/std/ninjs/"))
    validator = Draft202012Validator(ninjs, registry=registry, format_checker=FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


@functools.cache
def newsml_g2_schema():
    return etree.XMLSchema(etree.parse(str(NEWSML_G2_SCHEMA)))


def newsml_g2_schema_errors(document: bytes) -> list[str]:
    """What IPTC's NewsML-G2 2.35 schema (Power conformance) says is wrong with ``document``; [] if valid.
    The schema is read from tests/schemas/ (a copy of shared/validators/iptc/newsml-g2/specification/)."""
    schema = newsml_g2_schema()
    if schema.validate(etree.fromstring(document)):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def unknown_schema_org_terms(node) -> set[str]:
    """Every type and property in JSON-LD ``node`` that schema.org's vocabulary (as rdflib ships it) lacks."""
    if isinstance(node, list):
        return set().union(*map(unknown_schema_org_terms, node))
    if not isinstance(node, dict):
        return set()
    types = node.get("@type", [])
    terms = [key for key in node if not key.startswith("@")] + (types if isinstance(types, list) else [types])
    unknown = {term for term in terms if term not in SDO.__annotations__}
    return unknown.union(*map(unknown_schema_org_terms, node.values()))


def open_graph(data):
    return data["opengraph"][0]["properties"]


def clear_caches():
    for alias in ("default", "renditions"):
        caches[alias].clear()


def queries_for(client, url, **headers):
    """Queries of one anonymous request for a page or feed nobody has asked for yet.

    The site-wide caches (Wagtail's site paths, the site and its settings) are warmed by another
    page first, as they are on any site that has served a reader.
    """
    clear_caches()
    client.get("/authors/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304), url
    return [query["sql"] for query in queries.captured_queries]


def make_user(username, *, superuser=False, page_permissions=(), news_index=None):
    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username, f"{username}@example.com", "password")
    user = user_model.objects.create_user(username, f"{username}@example.com", "password")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=news_index, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def preview(client, *files):
    return client.post(IMPORT_URL, {"files": [upload(name, data) for name, data in files]})


def preview_token(preview_response):
    return soup_of(preview_response).select_one("input[name=preview]")["value"]


def confirm(client, preview_response, **fields):
    return client.post(IMPORT_URL, {"preview": preview_token(preview_response), **fields})


def set_site_rights(site, licence, licence_page=""):
    """Give ``site``'s own stories ``licence`` (a ``Licence``) by default, as an editor does under Settings."""
    site_settings = NewsroomSettings.for_site(site)
    site_settings.licence, site_settings.licence_page = licence, licence_page
    site_settings.save()


def import_story_text(tmp_path, text, *options, name="story.txt") -> str:
    """``manage.py import_story`` on ``text`` written to a file called ``name``: what it printed."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_story", *options, str(path), stdout=out, stderr=out)
    return out.getvalue()


def newsboat_items(feed_url, folder) -> list[tuple[str, str]]:
    """(title, author) of each item newsboat keeps after reloading ``feed_url`` into ``folder``'s cache."""
    urls, cache = folder / "urls", folder / "cache.db"
    urls.write_text(f"{feed_url}\n")
    (folder / "config").write_text("")
    subprocess.run(
        ["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(folder / "config"), "-x", "reload"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    with sqlite3.connect(cache) as database:
        return database.execute("SELECT title, author FROM rss_item").fetchall()


def photo_xmp(*, credit="", creators=(), rights="", source="", web_statement="", licensor_url="", caption=""):
    """An XMP packet shaped as IPTC's reference photos and Photoshop write it: simple properties
    as attributes of rdf:Description, dc:creator a sequence, dc:rights and dc:description language
    alternatives, the PLUS licensor a structure in a sequence."""

    def alt(name, text):
        item = f'<rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
        return f"<{name}><rdf:Alt>{item}</rdf:Alt></{name}>" if text else ""

    attributes = {"photoshop:Credit": credit, "photoshop:Source": source, "xmpRights:WebStatement": web_statement}
    people = "".join(f"<rdf:li>{escape(name)}</rdf:li>" for name in creators)
    licensor = (
        '<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource">'
        f"<plus:LicensorURL>{escape(licensor_url)}</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>"
        if licensor_url
        else ""
    )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
        ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"'
        + "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items() if value)
        + ">"
        + (f"<dc:creator><rdf:Seq>{people}</rdf:Seq></dc:creator>" if people else "")
        + alt("dc:rights", rights)
        + alt("dc:description", caption)
        + licensor
        + '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def iptc_segment(datasets) -> bytes:
    """A JPEG APP13 segment holding IIM ``datasets`` ((record, number), bytes) in Photoshop's 8BIM
    resource 0x0404, where IPTC's reference photos and every photo desk's tools keep them."""
    iim = b"".join(struct.pack(">BBBH", 0x1C, *dataset, len(value)) + value for dataset, value in datasets)
    resource = b"8BIM" + struct.pack(">HHI", 0x0404, 0, len(iim)) + iim + b"\0" * (len(iim) % 2)
    payload = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def photo_jpeg(*, xmp: str = "", iptc=(), size=(640, 480)) -> bytes:
    """A JPEG photo carrying ``xmp`` (a packet, as ``photo_xmp`` writes) and IIM ``iptc`` datasets."""
    out = io.BytesIO()
    Image.new("RGB", size, (40, 90, 140)).save(out, "JPEG", **({"xmp": xmp.encode()} if xmp else {}))
    data = out.getvalue()
    return data[:2] + iptc_segment(iptc) + data[2:] if iptc else data


def jpeg_upload(name, data):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")
