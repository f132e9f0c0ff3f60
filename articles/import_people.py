"""The people a story names, found among the author pages or created there: the only code that
makes author pages from story files (``articles.importing`` calls it)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from authors.models import AuthorIndexPage, AuthorPage
from authors.profiles import ContributorType
from newsroom_core.names import normalise_name
from newsroom_core.rich_text_conversion import text_to_html

from .credits import PARSED_ROLES, CreditRole
from .import_options import ImportOptions
from .look_alikes import look_alike_author, look_alike_message
from .parsing import WIRE, Author, Story


class KnownAuthors:
    """The author pages met in one import run, by normalised name, with whether each has a bio."""

    def __init__(self):
        self.pages: dict[str, tuple[AuthorPage, bool]] = {}

    def find(self, key: str) -> tuple[AuthorPage | None, bool]:
        return self.pages.get(key, (None, False))

    def remember_on_commit(self, key: str, page: AuthorPage, has_bio: bool):
        """Remembered only once the story's transaction commits: a failed story leaves nothing behind."""
        transaction.on_commit(lambda: self.pages.update({key: (page, has_bio)}))


def story_credits(
    story: Story, author_index: AuthorIndexPage, known_authors: KnownAuthors, options: ImportOptions
) -> list[tuple[AuthorPage, str]]:
    """(author page, ``CreditRole``) for each person the story credits, in order: its writers, then
    the credit lines' people in their roles. A person named twice in one role is credited once. The
    people new to the site are wire reporters if the story is wire copy, else staff."""
    people = [(author, CreditRole.WRITER) for author in story.authors]
    people += [(Author(person.name), PARSED_ROLES[person.role]) for person in story.contributors]
    kind = ContributorType.WIRE if story.source_relationship == WIRE else ContributorType.STAFF
    credits = {}
    for person, role in people:
        page = author_page_for(person, author_index, known_authors, options, new_as=kind)
        credits.setdefault((page.pk, role), (page, role))
    return list(credits.values())


def author_page_for(
    author: Author,
    author_index: AuthorIndexPage,
    known_authors: KnownAuthors,
    options: ImportOptions,
    new_as: str = ContributorType.STAFF,
) -> AuthorPage:
    """The author's page, from this run's memory when nothing about it needs changing."""
    key = normalise_name(author.name)
    known_page, has_bio = known_authors.find(key)
    if known_page is not None and (not author.bio or (has_bio and not options.update_bios)):
        return known_page
    page = find_or_create_author(author, author_index, options, new_as=new_as)
    known_authors.remember_on_commit(key, page, has_bio or bool(author.bio))
    return page


def find_or_create_author(
    author: Author, author_index: AuthorIndexPage, options=ImportOptions(), new_as: str = ContributorType.STAFF
) -> AuthorPage:
    """The author page for a byline name, matched by its normalised form; created as a draft if new,
    of the contributor type ``new_as`` (a page found keeps the type an editor gave it).

    A bio from the file fills an empty bio but never replaces one an editor wrote, unless
    ``update_bios`` says so. On a live author page the new bio goes live only as the import
    publishes: at once, at the scheduled time, or (a draft import) not until an editor publishes it.
    """
    user = options.user
    page = AuthorPage.objects.child_of(author_index).filter(name_key=normalise_name(author.name)).first()
    if page is None and (look_alike := look_alike_author(author.name, author_index)):
        raise ValidationError(look_alike_message(author.name, look_alike.title))
    if page is None:
        bio = text_to_html(author.bio) if author.bio else ""
        page = AuthorPage(title=author.name, bio=bio, contributor_type=new_as, live=False)
        author_index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        return page
    if author.bio:
        draft, bio = page.get_latest_revision_as_object(), text_to_html(author.bio)
        if draft.bio != bio and (options.update_bios or not draft.bio):
            draft.bio = bio
            if page.live and options.publish:
                draft.go_live_at = options.go_live_at
            revision = draft.save_revision(user=user, log_action=True)
            if page.live and options.publish:
                revision.publish(user=user)
            page.refresh_from_db()
    return page
