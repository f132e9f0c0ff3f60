"""How author names are compared (the same person whatever the case, spacing or accents) and joined."""

import unicodedata


def normalise_name(name: str) -> str:
    """Fold a name for comparison: "Solange  RÉYNER" and "solange reyner" give the same key."""
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_accents.casefold().split())


def join_names(names) -> str:
    """Names the way a byline prints them: "A", "A and B", "A, B and C"."""
    if len(names) < 3:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
