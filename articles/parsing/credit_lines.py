"""Lines that credit people or come from the web page, not the story: "Additional reporting by …",
"Photos by …", "… contributed to this report.", "Click here for updates", contact lines and a
wire desk's initials."""

import re

from .names import DEGREES, NAME_SEPARATOR_RE, is_institution, is_name_like, is_person_name
from .story import Contributor

CONTRIBUTOR_ROLES = {
    "additional reporting": "additional reporting", "reporting": "reporting", "photo": "photography",
    "photos": "photography", "photograph": "photography", "photographs": "photography",
    "photography": "photography", "video": "video", "graphics": "graphics", "edited": "editing",
    "editing": "editing", "translated": "translation", "translation": "translation", "research": "research",
    "reviewed": "review", "writing": "contributing",
}  # fmt: skip
CREDIT_PHRASES = {
    "additional reporting": "Additional reporting", "photography": "Photos", "video": "Video",
    "graphics": "Graphics", "editing": "Editing", "translation": "Translation", "research": "Research",
    "review": "Reviewed",
}  # fmt: skip
CREDIT_PART_RE = re.compile(
    r"^(?P<role>additional\s+reporting|reporting|photos?|photographs?|photography|video|graphics|edited|editing|"
    r"translated|translation|research|reviewed|writing)\s*(?:by\b|:)\s*(?P<names>.+)$",
    re.IGNORECASE,
)
CONTRIBUTED_RE = re.compile(
    r"^[-–—]*\s*(?P<names>.+?)\s+contributed\s+(?:to\s+)?(?:this\s+(?:report|story|article)|reporting)\.?$",
    re.IGNORECASE,
)
PLACE_AFTER_NAME_RE = re.compile(r"\s+(?:in|from)\s+[A-Z].*$")
# A title before a credited name: "AP writers", "Associated Press writer", "Aerospace Writer", "CNN's".
TITLE_PREFIX_RE = re.compile(
    r"^(?:[\w.&'’-]+\s+){0,3}?(?:writers?|reporters?|correspondents?|editors?|photographers?)\s+|^[\w.&-]+['’]s\s+",
    re.IGNORECASE,
)
# "AP writer Jane Doe reported this story in Mexico City and John Roe reported from Houston."
REPORTED_FROM_RE = re.compile(
    r"(?:^|\s+and\s+)(?P<names>[^;]+?)\s+reported\s+(?:this\s+(?:story|report)\s+)?(?:in|from)\s+"
    r"[A-Z][\w .,'’-]*?(?=\s+and\s+|\.?$)"
)
# A credit that ends the last paragraph instead of standing on its own line: "… monument open. (Reporting by
# Joseph Ax; Editing by Frank McGurty)".
TRAILING_CREDIT_RE = re.compile(
    r"^(?P<text>.*\S)\s+(?P<credit>\((?:reporting|additional reporting|writing|editing)\b[^()]*\))$", re.I
)
# Sentences of a credit line, not the initials in a name ("E. Eduardo Castillo").
CREDIT_SENTENCE_SPLIT_RE = re.compile(r"(?<=[a-z]\.)\s+(?=[A-Z])")
# The desk's initials a wire story ends with ("asl/tib/pid/cac", "(SDA/mf ba)"), or the agency alone ("AFP").
SIGN_OFF_RE = re.compile(
    r"^\(?[A-Za-z]{2,5}(?:/[a-z]{1,5}(?:\s[a-z]{1,5})*)+\)?$|^[A-Z]{2,6}$|^[A-Z][\w.&-]*\s\([A-Z][\w .]{1,30}\)$"
)
# A web page's links and notes copied with the story: "Click here for updates on this story", "Original Article".
WEB_LINE_RE = re.compile(
    r"^(?:click here\b.{0,60}|original article|read (?:the )?(?:original|more|full) (?:article|story)\b.{0,40}|"
    r"please note: this content carries\b.*|advertisement|"
    r"(?:story|article) continues (?:below|after) (?:this |the )?(?:advertisement|ad)|"
    r"more: .{0,60}|related: .{0,80}|about the authors?|check back\b.{0,100}|"
    r"(?:texto anterior|próximo texto|previous|next)(?::.{0,100})?|índice|index|"
    r"(?:with|com|con|avec|mit) (?:news )?(?:agencies|agências|agencias|agences|Agenturen)(?: \w+)?\.?|"
    r"[_*=~#-]{2,})$",  # … and a rule drawn with underscores or dashes
    re.IGNORECASE,
)
CONTACT_LINE_RE = re.compile(
    r"^(?:twitter|x|e-?mail|email me|follow|contact)\b(?=.*@)\S*(?:\s+\S+){0,8}$|^\S+@\S+\.\w+$", re.IGNORECASE
)  # "Twitter: @jane", "Email jane@example.com // Twitter @jane", "jane@example.com"


def is_web_furniture(line: str) -> bool:
    """Links and notes of the web page the story was copied from: "Click here for updates", "Texto
    Anterior | Próximo Texto | Índice" (a row of a few short links)."""
    if WEB_LINE_RE.match(line):
        return True
    links = line.split(" | ")
    return len(links) >= 3 and all(len(link.split()) <= 3 and not re.search(r"[\d.!?]", link) for link in links)


def contributor_credits(line: str) -> list[Contributor]:
    """The people a credit line names with their roles: "(Reporting by A; Additional reporting by
    B in Washington; Editing by C)", "Photos by D", "Photograph: E", "F contributed to this report.",
    "AP writer G reported this story in Mexico City." (writers named under "Reporting by" come back
    with the role "reporting"). [] for any other line."""
    text = line.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    credits = []
    for sentence in CREDIT_SENTENCE_SPLIT_RE.split(text):
        found = sentence_credits(sentence)
        if not found:
            return []
        credits += found
    return credits


def sentence_credits(sentence: str) -> list[Contributor]:
    if found := CONTRIBUTED_RE.match(sentence):
        return [Contributor(name, "contributing") for name in credited_people(found["names"])]
    if reporters := [match["names"] for match in REPORTED_FROM_RE.finditer(sentence)]:
        if REPORTED_FROM_RE.sub("", sentence).strip(" ."):
            return []
        return [Contributor(name, "contributing") for names in reporters for name in credited_people(names)]
    credits = []
    for part in re.split(r"\s*;\s*", sentence.rstrip(".")):
        found = CREDIT_PART_RE.match(part)
        people = credited_people(found["names"]) if found else []
        if not people:
            return []
        role = CONTRIBUTOR_ROLES[re.sub(r"\s+", " ", found["role"].casefold())]
        credits += [Contributor(name, role) for name in people]
    return credits


def credited_people(names: str) -> list[str]:
    """The people in a credit: "Jason Lange in Washington and Ann Saphir", "AP writers Elizabeth
    Rivera in Guadalajara, Mexico; Emily Schmall in Fort Worth, Texas", "Ed Marshall, Redonda
    Restoration Programme", "Hansa D. Bhargava, MD". Titles, places, institutions and degrees are
    not people; [] unless every name left reads as one."""
    people = []
    for group in re.split(r"\s*;\s*(?:and\s+)?", names.strip(" .")):
        tokens = NAME_SEPARATOR_RE.split(group)
        after_place = False
        for index in range(0, len(tokens), 2):
            part = TITLE_PREFIX_RE.sub("", tokens[index].strip(" ."))
            name = PLACE_AFTER_NAME_RE.sub("", part).strip(" .")
            if after_place and tokens[index - 1].strip() == "," and not is_person_name(name):
                continue  # "… in Cape Canaveral, Florida": the place goes on
            after_place, part = bool(PLACE_AFTER_NAME_RE.search(part)), name
            if part and part not in DEGREES and not is_institution(part):
                people.append(part)
    return people if people and all(is_name_like(person) for person in people) else []


def credit_line(person: Contributor) -> str:
    if person.role == "contributing":
        return f"{person.name} contributed to this report."
    return f"{CREDIT_PHRASES[person.role]} by {person.name}"
