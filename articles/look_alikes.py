"""Author names that look like another author's but are written with other letters: never a new page silently."""

import unicodedata

from django.utils.translation import gettext

from authors.models import AuthorIndexPage, AuthorPage
from newsroom_core.names import name_skeleton, normalise_name


def look_alike_author(name: str, author_index: AuthorIndexPage) -> AuthorPage | None:
    """An author page whose name looks like ``name`` but is another name: "Solange Reyner" spelled
    with a Cyrillic "a" (U+0430), beside the real one. Importing never creates such a page silently."""
    look_alikes = AuthorPage.objects.child_of(author_index).filter(name_skeleton=name_skeleton(name))
    return look_alikes.exclude(name_key=normalise_name(name)).first()


def look_alike_message(name: str, existing: str) -> str:
    letters = ", ".join(
        f"“{ch}” ({unicodedata.name(ch, 'unnamed').lower()})" for ch in dict.fromkeys(name) if ch not in existing
    )
    message = gettext(
        "“%(name)s” looks like the author “%(existing)s” but is written with other letters (%(letters)s): "
        "correct the byline, or add that author's page in the admin first if they are someone else"
    )
    return message % {"name": name, "existing": existing, "letters": letters}
