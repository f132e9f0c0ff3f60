"""Copyright lines: "© 2026 Newsmax. All rights reserved." — the holder is the first legal name,
the rest the statement."""

import re

from .dates import YEAR_RE
from .names import MAX_NAME_WORDS, is_name_like
from .story import Copyright

MAX_HOLDER_LENGTH = 100
COPYRIGHT_RE = re.compile(
    r"^(?:(?:©|\(c\))\s*copyright\b|copyright\b\s*(?:©|\(c\))?|©|\(c\))\s*"
    r"(?:(?P<first>\d{4})\s*[-–]\s*)?(?P<year>\d{4})?\s*,?\s*(?:by\s+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
RIGHTS_RE = re.compile(
    r"\b(?:all rights reserved|some rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|все права защищены|"
    r"جميع الحقوق محفوظة)\b",
    re.IGNORECASE,
)
# Where the holder's legal name ends: "Guardian News and Media Limited or its affiliated companies",
# "USA TODAY, a Gannett company", "dpa (www.dpa.de)", "SZ vom 15.05.2019/vit", or a sentence's end.
HOLDER_END_RE = re.compile(
    r"\s+or\s+its\s+affiliated\s+companies\b|,?\s+a\s+division\s+of\b|,?\s+an?\s+(?:[\w.&-]+\s+){1,4}company\b|\s*\((?:www\.|https?://)[^)]*\)"
    r"|\s+vom\s+\d|(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<!\bCorp)(?<!\bSt)\.\s+(?=\S)|\s+\d{4}\b",
    re.IGNORECASE,
)
ABBREVIATION_END_RE = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Plc|S\.A|[A-Z])\.$")
SITE_BEFORE_COPYRIGHT_RE = re.compile(r"^\S+\s+(?=©)")


def is_owner_line(text: str) -> bool:
    """A company's name alone under a copyright notice ("Grupo RBS")."""
    return len(text.split()) <= MAX_NAME_WORDS and is_name_like(text) and not parse_copyright(text)


def parse_copyright(line: str) -> Copyright | None:
    """A copyright line: "© 2026 Newsmax. All rights reserved.", "Copyright 2007 by United Press
    International", "© EFE 2019. …", "Yahoo!-ABC News Network | © 2016 ABC News Internet Ventures.",
    or the rights alone ("Todos los derechos reservados."). The holder is the first legal name;
    what follows is the statement."""
    if RIGHTS_RE.match(line):
        return Copyright(holder="", statement=line)
    if " | " in line and not COPYRIGHT_RE.match(line):
        line = line.rsplit(" | ", 1)[1]
    elif found := SITE_BEFORE_COPYRIGHT_RE.match(line):  # "Citylab.com © 2019 The Atlantic Monthly Group"
        line = line[found.end() :]
    match = COPYRIGHT_RE.match(line)
    if not match:
        return None
    rest = match["rest"].strip()
    rights = RIGHTS_RE.search(rest)
    if not (match["year"] or rights or line[0] in "©("):
        return None  # "Copyright lawyers say…" is a sentence, not a notice
    holder, statement = (rest[: rights.start()], rest[rights.start() :]) if rights else (rest, "")
    if end := HOLDER_END_RE.search(holder):
        holder, statement = holder[: end.start()], f"{holder[end.start() :].strip(' .,;/')} {statement}".strip()
    year = match["year"] or ((found := YEAR_RE.search(statement)) and found[0])
    if end and end[0].strip().isdigit() and statement.startswith(end[0].strip()):
        statement = statement[len(end[0].strip()) :].strip(" .,")  # "© EFE 2019. …": the year, not a statement
    holder = holder.strip(" ,;-–—")
    if holder.endswith(".") and (not ABBREVIATION_END_RE.search(holder) or re.search(r"/[A-Z]\.$", holder)):
        holder = holder[:-1].rstrip()
    if not holder or len(holder) > MAX_HOLDER_LENGTH:
        return None
    return Copyright(holder=holder, year=int(year) if year else None, statement=statement.strip())
