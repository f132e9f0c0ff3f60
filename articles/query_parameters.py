"""Query strings as readers send them: control characters are no text anyone searches for.

A NUL cannot even reach PostgreSQL (it refuses the statement), so a query parameter holding one
would answer 500. Newsroom's search leaves control characters out; the API refuses them with 400.
"""

import unicodedata


def is_control_character(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


def without_control_characters(text: str) -> str:
    return "".join(ch for ch in text if not is_control_character(ch))


def has_control_characters(query_dict) -> bool:
    """Whether any name or value in ``query_dict`` (``request.GET``) holds a control character."""
    return any(
        is_control_character(ch) for name, values in query_dict.lists() for text in (name, *values) for ch in text
    )
