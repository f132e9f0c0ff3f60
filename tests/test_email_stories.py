"""E-mails read as stories: the subject as the headline, the text or HTML part read by the text rules,
what the mail program added left out, a story attached to a cover note, and hostile messages."""

import base64
import io
import quopri
from email.message import EmailMessage

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parsing import StoryFormatError, read_story_file
from articles.parsing.formats.email_messages import clean_subject, read_email

from .helpers import FORMATS_DIR

LEDE = (
    "The harbour bridge reopened on Tuesday after a year of repairs, the city said, and cyclists were the first "
    "to cross it in the morning rush."
)
SECOND = "Engineers replaced all 240 cables and the deck, at a cost of 40 million, and the work finished early."
STORY = f"By Jane Doe\n\n{LEDE}\n\n{SECOND}\n\nJane Doe \u2709\n\n© 2026 Harbour Post\n"


def message(text=STORY, *, subject="Harbour bridge reopens after a year", html=None, sender="Desk <desk@example.org>"):
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "news@example.com"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 1 Dec 2026 08:12:40 +0000"
    mail["Message-ID"] = "<1@example.org>"
    if text is not None:
        mail.set_content(text)
    if html is not None:
        if text is None:
            mail.set_content(html, subtype="html")
        else:
            mail.add_alternative(html, subtype="html")
    return mail


def read(mail) -> object:
    data = mail if isinstance(mail, bytes) else mail.as_bytes()
    return read_story_file("message.eml", data, 10_000_000)[0]


@pytest.mark.parametrize(
    ("subject", "headline"),
    [
        ("Fwd: Bridge reopens", "Bridge reopens"),
        ("FW: RE: Fwd: Bridge reopens", "Bridge reopens"),
        ("[regional-desk] Re: Bridge reopens", "Bridge reopens"),
        ("AW: WG: Brücke wieder offen", "Brücke wieder offen"),
        ("Re[2]: Bridge reopens", "Bridge reopens"),
        ("Bridge reopens: what changes", "Bridge reopens: what changes"),
    ],
)
def test_email_subject_tags_are_taken_off_the_headline(subject, headline):
    assert clean_subject(subject) == headline


def test_email_subject_is_the_headline_of_a_text_without_one():
    story = read(message())

    assert story.headline == "Harbour bridge reopens after a year"
    assert not story.is_headline_proposed
    assert story.paragraphs == (LEDE, SECOND)
    assert [author.name for author in story.authors] == ["Jane Doe"]
    assert story.copyright.holder == "Harbour Post"


def test_email_gmail_forward_leaves_out_the_forwarders_note_and_the_header_block():
    story = read((FORMATS_DIR / "eml-gmail-forward-orchard-hostel.eml").read_bytes())
    text = " ".join(story.paragraphs)

    assert story.headline == "Orchard workers' hostel opens in Te Awa"
    assert "Passing this on" not in text and "Forwarded message" not in text and "aroha.walker@" not in text
    assert [author.name for author in story.authors] == ["Aroha Walker"]


def test_email_apple_mail_forward_takes_the_original_subject():
    forwarded = (
        "See below.\n\nBegin forwarded message:\n\nFrom: Jane Doe <jane@example.net>\nSubject: Harbour bridge reopens"
        f"\nDate: 3 December 2026 at 10:12:44 GMT\nTo: desk@example.org\n\n{STORY}"
    )

    story = read(message(forwarded, subject="Fwd: story"))

    assert story.headline == "Harbour bridge reopens"
    assert story.paragraphs == (LEDE, SECOND)


def test_email_outlook_reply_header_block_in_html_is_left_out():
    html = (
        "<html><body><div class=WordSection1><p class=MsoNormal>For Sunday.</p>"
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class=MsoNormal><b>From:</b> Jane Doe '
        "&lt;jane@example.net&gt;<br><b>Sent:</b> Tuesday, December 1, 2026 9:14 AM<br><b>To:</b> Desk<br>"
        "<b>Subject:</b> Harbour bridge reopens</p></div>"
        f"<p class=MsoNormal>By Jane Doe</p><p class=MsoNormal>{LEDE}</p><p class=MsoNormal><i>{SECOND}</i></p>"
        "</div></body></html>"
    )

    story = read(message(None, subject="FW: Harbour bridge reopens", html=html))

    assert story.headline == "Harbour bridge reopens"
    assert story.paragraphs == (LEDE, f"*{SECOND}*")
    assert story.markup == "markdown"


def test_email_html_part_keeps_emphasis_and_links():
    html = (
        f'<div dir="ltr"><div>{LEDE}</div><div><br></div><div>See <a href="https://example.org/r">the <b>report</b>'
        f"</a>.</div><div><br></div><div>{SECOND}</div></div>"
    )

    story = read(message(None, html=html))

    assert story.paragraphs == (LEDE, "See [the **report**](https://example.org/r).", SECOND)


def test_email_plain_part_is_preferred_to_the_html_one():
    story = read(message(html="<p>Something else entirely, written only for the HTML part of the message.</p>"))

    assert story.paragraphs == (LEDE, SECOND)


def test_email_signature_sent_from_and_quoted_reply_are_left_out():
    text = (
        f"{LEDE}\n\n{SECOND}\n\nSent from my iPhone\n\nOn Tue, 1 Dec 2026 at 08:00, Desk <desk@example.org> wrote:\n"
        "> Can you file by noon?\n\n-- \nJane Doe\nFreelance reporter | +64 21 555 0101\n"
    )

    story = read(message(text, sender="Jane Doe <jane@example.net>"))

    assert story.paragraphs == (LEDE, SECOND)


def test_email_sender_is_the_author_only_when_the_text_names_none():
    unsigned = read(message(f"{LEDE}\n\n{SECOND}\n", sender='"Jane Doe" <jane@example.net>'))
    signed = read(message(sender="Regional Desk <desk@example.org>"))
    address_only = read(message(f"{LEDE}\n\n{SECOND}\n", sender="jane@example.net"))

    assert [author.name for author in unsigned.authors] == ["Jane Doe"]
    assert any("Jane Doe, is taken as the author" in warning for warning in unsigned.warnings)
    assert [author.name for author in signed.authors] == ["Jane Doe"]
    assert address_only.authors == ()


def test_email_forwarded_senders_name_is_the_author_not_the_forwarders():
    forwarded = (
        "---------- Forwarded message ---------\nFrom: Aroha Walker <aroha@example.net>\nDate: Mon, 30 Nov 2026\n"
        f"Subject: Bridge reopens\nTo: <desk@example.org>\n\n\n{LEDE}\n\n{SECOND}\n"
    )

    story = read(message(forwarded, subject="Fwd: Bridge reopens", sender="Sam <sam@example.com>"))

    assert [author.name for author in story.authors] == ["Aroha Walker"]


def test_email_quoted_printable_and_base64_in_other_charsets_are_decoded():
    for encoding in ("quoted-printable", "base64"):
        raw = (
            "From: Desk <desk@example.org>\nTo: news@example.com\nSubject: =?iso-8859-1?q?Caf=E9_reopens?=\n"
            f"Date: Tue, 1 Dec 2026 08:12:40 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\n"
            f"Content-Transfer-Encoding: {encoding}\n\n"
        ).encode()
        body = f"{LEDE} “Good,” she said.\n\n{SECOND}\n".replace("“", '"').replace("”", '"') + "Café."
        payload = body.encode("iso-8859-1")
        payload = base64.encodebytes(payload) if encoding == "base64" else quopri.encodestring(payload)

        story = read(raw + payload)

        assert story.headline == "Café reopens"
        assert story.paragraphs[-1].endswith("Café.")


def test_email_format_flowed_lines_are_joined_again():
    words = LEDE.split(" ")
    flowed = " \n".join([" ".join(words[:8]), " ".join(words[8:16]), " ".join(words[16:])]) + f"\n\n{SECOND}\n"
    mail = message(flowed)
    mail.set_param("format", "flowed")

    story = read(mail)

    assert story.paragraphs == (LEDE, SECOND)


def test_email_story_attached_to_a_cover_note_is_read_instead():
    mail = message("Hi, my piece is attached. Thanks!\n")
    mail.add_attachment(
        f"Harbour bridge reopens\n\n{STORY}".encode(), maintype="text", subtype="plain", filename="bridge.txt"
    )

    story = read(mail)

    assert story.headline == "Harbour bridge reopens"
    assert story.paragraphs == (LEDE, SECOND)
    assert any("read as a cover note: the story is in bridge.txt" in warning for warning in story.warnings)


def test_email_word_attachment_is_read_by_the_word_reader():
    story = read((FORMATS_DIR / "eml-outlook-docx-attachment-tram-depot.eml").read_bytes())

    assert story.headline == "Old tram depot to become a food market"
    assert "**covered food market**" in story.paragraphs[0]
    assert story.language == "en-IE"


def test_email_with_a_story_in_its_text_does_not_read_the_attachment():
    mail = message()
    mail.add_attachment(b"Another story entirely.", maintype="text", subtype="plain", filename="other.txt")

    story = read(mail)

    assert story.paragraphs == (LEDE, SECOND)
    assert "the attached other.txt was not read" in story.warnings


def test_email_with_no_text_and_no_story_attached_is_refused():
    mail = message("")
    mail.add_attachment(b"\x89PNG....", maintype="image", subtype="png", filename="photo.png")

    with pytest.raises(StoryFormatError) as refused:
        read(mail)

    assert str(refused.value) == "the message has no text, and no story file attached (.txt, .md or .docx)"


def test_email_content_language_and_keywords_headers_are_kept():
    mail = message()
    mail["Content-Language"] = "pt-BR, en"
    mail["Keywords"] = "transport, bridges"

    story = read(mail)

    assert (story.language, story.keywords) == ("pt-BR", ("transport", "bridges"))


def test_email_html_scripts_and_javascript_links_do_not_survive():
    html = (
        f'<p>{LEDE}<script>alert(1)</script> <a href="javascript:alert(2)">Click</a></p><style>p{{}}</style>'
        f"<p>{SECOND}</p>"
    )

    story = read(message(None, html=html))

    assert "alert" not in " ".join(story.paragraphs) and "javascript" not in " ".join(story.paragraphs)


def test_email_attachment_that_is_a_broken_word_file_is_refused_in_one_line():
    mail = message("See attached.")
    mail.add_attachment(b"PK\x03\x04broken", maintype="application", subtype="octet-stream", filename="story.docx")

    with pytest.raises(StoryFormatError) as refused:
        read(mail)

    assert str(refused.value).startswith("a damaged Word file")


def word_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Harbour bridge reopens", style="Title")
    document.add_paragraph(LEDE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_email_with_a_word_attachment_and_no_text_gets_the_sender_as_author():
    mail = message(None, html="<p></p>", sender="Jane Doe <jane@example.net>")
    mail.add_attachment(word_bytes(), maintype="application", subtype="octet-stream", filename="bridge.docx")

    story = read(mail)

    assert story.headline == "Harbour bridge reopens"
    assert [author.name for author in story.authors] == ["Jane Doe"]


MESSAGE_HEAD = b"From: Jane <jane@example.org>\r\nSubject: Bridge\r\nDate: Tue, 1 Dec 2026 08:12:40 +0000\r\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_email_reader_gives_a_story_or_a_one_line_refusal_for_any_bytes(data):
    try:
        story, _ = read_email("message.eml", MESSAGE_HEAD + data)
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: text/html; charset=x-unknown\r\n",
                "Content-Transfer-Encoding: base64\r\n", "\r\n", "--b\r\n", "--b--\r\n", "=?utf-8?b?////?=",
                "Content-Disposition: attachment; filename=s.docx\r\n", "From: <@>\r\n", "> quoted\r\n", "-- \r\n",
                "---------- Forwarded message ---------\r\n", "Subject: Re: [x] \r\n", "PK\x03\x04", LEDE, "\r\n\r\n",
            ]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_email_reader_survives_mime_soup(pieces):
    try:
        story, _ = read_email("message.eml", MESSAGE_HEAD + "".join(pieces).encode("utf-8"))
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


def test_email_saved_with_a_mailbox_from_line_is_read():
    data = (
        b"From jane@example.net Tue Dec  1 08:12:40 2026\n" + message(sender="Jane Doe <jane@example.net>").as_bytes()
    )

    story = read(data)

    assert story.headline == "Harbour bridge reopens after a year"
    assert story.paragraphs == (LEDE, SECOND)


def test_email_forwarded_as_an_attachment_reads_the_attached_message():
    outer = message("FYI", subject="FW: story", sender="Desk <desk@example.org>")
    outer.add_attachment(message(sender="Jane Doe <jane@example.net>"))

    story = read(outer)

    assert story.headline == "Harbour bridge reopens after a year"
    assert story.paragraphs == (LEDE, SECOND)


def test_email_attached_inside_messages_too_deep_is_refused():
    mail = message()
    for _ in range(5):
        outer = message("FYI")
        outer.add_attachment(mail)
        mail = outer

    with pytest.raises(StoryFormatError, match=r"^messages attached inside messages more than 3 deep$"):
        read(mail)


@pytest.mark.parametrize(
    "marker",
    ["________________________________", "-----Original Message-----"],
)
def test_email_outlook_plain_text_forward_block_is_left_out(marker):
    forwarded = (
        f"Can we run this?\n\n{marker}\nFrom: Jane Doe <jane@example.net>\nSent: Tuesday, December 1, 2026 9:14 AM\n"
        f"To: Desk <desk@example.org>\nSubject: Harbour bridge reopens\n\n{STORY}"
    )

    story = read(message(forwarded, subject="FW: Harbour bridge reopens"))

    assert story.headline == "Harbour bridge reopens"
    assert story.paragraphs == (LEDE, SECOND)
    assert [author.name for author in story.authors] == ["Jane Doe"]
