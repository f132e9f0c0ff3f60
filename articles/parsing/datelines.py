"""Datelines opening a story: "WASHINGTON (AP) —", "LONDON —", "PARIS, 3 déc. (AFP) -",
"МОСКВА, 2 ноября. /ТАСС/.", "【ワシントン共同】"; the place, and the agency as the wire credit."""

import re

# "WASHINGTON (AP) —", "Strasbourg, 10 juil 2024 (AFP) -", "Nueva Delhi, 21 ene (EFE).-", "(CNN)",
# "Genève (ats)", "SACRAMENTO, California (KMAX, KOVR)".
AGENCY_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_][\w .,'’-]{0,60}?)?\s*\((?P<agency>[\w .,&'’-]{1,40})\)"
    r"\s*(?P<dash>[-–—]+|\.-|:)?\s*(?P<rest>.*)$"
)
# "МОСКВА, 2 ноября. /ТАСС/."
SLASH_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_][\w .,'’-]{0,60}?)\s*/(?P<agency>[^\W\d_][\w .&-]{0,30})/\.?\s*(?P<rest>.*)$"
)
# "LONDON —", "MOUNT OLIVE, N.C. —"
CAPITALS_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_](?:\w|[ .'’])*?(?:,\s*[\w.]+(?:\s[\w.]+)?)?)"
    r"(?:\s+[-–—]{1,2}|\s*—|\.(?=\s+[A-Z]))\s*(?P<rest>\S.*)$"
)
# "Málaga/Dos miembros de la Guardia Civil …": the place joined to the first word.
JOINED_DATELINE_RE = re.compile(
    r"^(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:\s[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?)/(?P<rest>[A-ZÁÉÍÓÚÑ¿¡\"“«][a-záéíóúñ].*)$"
)  # a place in ordinary case, then a sentence ("AC/DC will tour" is neither)
# Words that stand alone in capitals above a story and are no place.
KICKERS = frozenset(
    {"exclusive", "breaking", "update", "updated", "analysis", "opinion", "live", "watch", "video", "ends"}
)
# "* نيويورك رويترز:" — a place and an agency on a line of their own, after an asterisk.
STAR_DATELINE_RE = re.compile(r"^\*\s*(?P<place>[^\W\d_]+)\s+[-–]?\s*(?P<agency>[^\W\d_]+)\s*:(?P<rest>)$")
# "【ワシントン共同】"
BRACKET_DATELINE_RE = re.compile(r"^【(?P<place>[^】]*?)(?P<agency>[\u4e00-\u9fff]+)】\s*(?P<rest>.*)$")
DATELINE_DATE_RE = re.compile(r",\s*(?:\d{1,2}\.?\s+\w+\.?(?:\s+\d{4})?|\w+\.?\s+\d{1,2})\.?\s*$")
MAX_PLACE_WORDS = 5
MONTH_DAY_RE = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$")
PLACE_LINE_RE = re.compile(r"^[^\W\d_][\w .'’-]{1,30}(?:,\s*[\w.]+(?:\s[\w.]+)?)?$")
DATE_DATELINE_RE = re.compile(r"^(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*(?:--|[-–—])\s*(?P<rest>\S.*)$")
ABBREVIATED_PLACE_END_RE = re.compile(r"(?:^|[\s,])(?:[A-Z]\.){2,}$|,\s*[A-Z][a-z]{1,4}\.$")  # "N.C.", "Fla."


def read_dateline(text: str) -> tuple[str, str, str] | None:
    """(place, agency, the rest of the paragraph) of a dateline opening ``text``, or None."""
    for pattern in (
        BRACKET_DATELINE_RE, STAR_DATELINE_RE, SLASH_DATELINE_RE, AGENCY_DATELINE_RE, JOINED_DATELINE_RE,
        CAPITALS_DATELINE_RE,
    ):  # fmt: skip
        found = pattern.match(text)
        if not found:
            continue
        place = DATELINE_DATE_RE.sub("", (found["place"] or "").strip()).strip(" ,")
        place = "" if MONTH_DAY_RE.match(place) else place  # "Jan 30 (Reuters) -": dated, not placed
        place = place if ABBREVIATED_PLACE_END_RE.search(place) else place.rstrip(".")
        agency = found.groupdict().get("agency") or ""
        if len(place.split()) > MAX_PLACE_WORDS + place.count(","):
            continue
        if pattern is AGENCY_DATELINE_RE and not is_dateline_agency(agency, place, found["dash"]):
            continue
        if pattern in (CAPITALS_DATELINE_RE, SLASH_DATELINE_RE) and not is_capitals_place(place):
            continue
        return place, agency.strip(), found["rest"].strip()
    return None


def is_place_line(text: str) -> bool:
    """A place in capitals on a line of its own ("ATLANTA"), not a kicker ("EXCLUSIVE")."""
    return bool(PLACE_LINE_RE.match(text)) and is_capitals_place(text) and text.casefold() not in KICKERS


def is_capitals_place(place: str) -> bool:
    """A place printed in capitals, as datelines print it: "LONDON", "MOUNT OLIVE, N.C.", "McLEAN, Va."."""
    town = re.sub(r"^(?:Mc|Mac)(?=[A-Z])", "", place.split(",")[0])
    return len(town) >= 3 and town.isupper()


def is_dateline_agency(agency: str, place: str, dash: str | None) -> bool:
    """What stands in a dateline's brackets is an agency: short and named, before a dash (or
    alone, or after a place in capitals), never a clause ("Smith (R-Texas) said")."""
    words = agency.replace(",", " ").split()
    if not 1 <= len(words) <= 4 or not all(word[0].isupper() or (word.isalpha() and word.islower()) for word in words):
        return False
    return bool(dash) or not place or place.split(",")[0].isupper() or bool(re.fullmatch(r"[a-z]{2,5}", agency))
