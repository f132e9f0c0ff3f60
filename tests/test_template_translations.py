"""Every word a reader or editor sees in Newsroom's templates is marked for translation."""

import re
from html.parser import HTMLParser

import pytest
from django.template.base import Lexer, TokenType

from .helpers import ROOT

TEMPLATES = sorted(
    path
    for folder in ("articles/templates", "authors/templates", "templates")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in (".html", ".txt", ".xml")
)
# The attributes whose values people read or hear (screen readers announce labels and alt texts).
READ_ATTRIBUTES = {"aria-label", "aria-description", "title", "alt", "placeholder"}
# A tag's literal argument that is words for readers: description="…", previous_label="…".
WORDS_ARGUMENT_RE = re.compile(r"\b\w*(?:description|title|label|text)=\"([^\"]*)\"")
WORD_RE = re.compile(r"[^\W\d_]{2,}")
NOT_WORDS = {"RSS", "SHA"}  # names of formats, the same in every language
UNTRANSLATED_BLOCKS = {"comment": "endcomment", "blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}


class ReadText(HTMLParser):
    """The text an HTML fragment shows, and the values of its read attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.in_code = [], False

    def handle_starttag(self, tag, attrs):
        self.in_code = tag in ("script", "style")
        self.parts += [value or "" for name, value in attrs if name in READ_ATTRIBUTES]

    def handle_endtag(self, tag):
        self.in_code = False

    def handle_data(self, data):
        if not self.in_code:
            self.parts.append(data)


def unmarked_words(source: str) -> list[str]:
    """The words of ``source`` (a template) that are neither inside a translate tag nor a
    ``{% blocktranslate %}`` block: in its text, its read attributes and its tags' words arguments."""
    outside, closing, found = [], None, []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            command = token.split_contents()[0]
            if closing is None and command in UNTRANSLATED_BLOCKS:
                closing = UNTRANSLATED_BLOCKS[command]
            elif command == closing:
                closing = None
            elif closing is None and command not in ("translate", "trans"):
                found += WORDS_ARGUMENT_RE.findall(token.contents)
            outside.append(" ")  # a tag stands for a value, never for words
        elif token.token_type == TokenType.TEXT and closing is None:
            outside.append(token.contents)
        elif token.token_type == TokenType.VAR and closing is None:
            outside.append(" ")
    reader = ReadText()
    reader.feed("".join(outside))
    reader.close()
    return [word for part in [*reader.parts, *found] for word in WORD_RE.findall(part) if word not in NOT_WORDS]


def test_newsroom_ships_templates_to_check():
    assert len(TEMPLATES) > 40


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_template_marks_its_visible_words_for_translation(path):
    assert unmarked_words(path.read_text()) == []


@pytest.mark.parametrize(
    "source",
    [
        "<p>No articles yet.</p>",
        '<ul aria-label="Tags"></ul>',
        '<input placeholder="Headlines, stories">',
        "{% if query %}Search: {{ query }}{% endif %}",
        '{% include "x.html" with description="Every correction, newest first." %}',
        '{% include "x.html" with previous_label="Previous" %}',
    ],
)
def test_unmarked_words_finds_words_left_unmarked(source):
    assert unmarked_words(source)


@pytest.mark.parametrize(
    "source",
    [
        '<p>{% translate "No articles yet." %}</p>',
        "<ul aria-label=\"{% translate 'Tags' %}\"></ul>",
        "{% blocktranslate with query=query %}Search: {{ query }}{% endblocktranslate %}",
        '<a href="{{ url }}" class="button button-secondary">{{ title }}</a> · 1 %',
        "{% comment %}Notes for developers.{% endcomment %}<script>let words = 1;</script>",
        '<li><a href="{{ feed_url }}">RSS</a></li>',
    ],
)
def test_unmarked_words_passes_marked_text_and_markup(source):
    assert unmarked_words(source) == []
