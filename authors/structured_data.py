"""schema.org JSON-LD for an author's page."""

from newsroom_core.rich_text_conversion import html_to_text
from newsroom_core.schema_org import SCHEMA_ORG, person


def profile_page(author, full_url: str) -> dict:
    """An author page: a ProfilePage about the Person."""
    about = person(author.title, full_url)
    if author.role:
        about["jobTitle"] = author.role
    if author.bio:
        about["description"] = html_to_text(author.bio)
    return {"@context": SCHEMA_ORG, "@type": "ProfilePage", "url": full_url, "mainEntity": about}
