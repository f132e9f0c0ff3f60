"""Whether an article may be published: the byline integrity check.

Every way of publishing asks this — the page editor's publish button, bulk publishing, the
moderation workflow's approval and the importer — and editors see the same list in the page
editor before they press publish.
"""


def publication_problems(article) -> list[str]:
    """What stops ``article`` (a page, or a draft from its latest revision) being published."""
    problems = []
    bylines = list(article.authors.all())
    if not bylines:
        problems.append("The byline is empty: add at least one author.")
    for byline in bylines:
        author = byline.author
        if not author.live and author.first_published_at is not None:
            problems.append(
                f"{author.title}'s author page is unpublished: publish it again, or take them off the byline."
            )
    if article.source_id and not article.is_source_confirmed:
        outlet = article.source.name
        problems.append(
            f"The importer found the credit to “{outlet}” in the text: check it, then tick “credit confirmed”."
        )
    if article.is_headline_proposed:
        problems.append("The headline was proposed by the importer: review it, then untick “headline proposed”.")
    return problems
