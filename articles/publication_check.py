"""Whether an article may be published: the byline integrity check, the copy's terms, a credit
on every image and a sponsored story's sponsor.

Every way of publishing asks this — the page editor's publish button, bulk publishing, the
moderation workflow's approval and the importer — and editors see the same list in the page
editor before they press publish. Each problem names the field that fixes it, so the editor's
messages can link there.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from .credits import byline_credits
from .embargo import embargo_end_text, goes_live_before_embargo
from .labels import sponsor_missing
from .licences import credited_licence
from .metadata import credit_line
from .models.withdrawals import Withdrawal, WithdrawalKind


@dataclass(frozen=True)
class PublicationProblem:
    message: str
    field: str  # the article's field that fixes it

    def __str__(self):
        return self.message

    @property
    def editor_anchor(self):
        """The field's element in the page editor: Django's id for a field's input, Wagtail's for the
        list of an inline panel's forms (the byline)."""
        return f"id_{self.field}-FORMS" if self.field == "credits" else f"id_{self.field}"


def publication_problems(article) -> list[PublicationProblem]:
    """What stops ``article`` (a page, or a draft from its latest revision) being published."""
    problems = []
    writers = byline_credits(article)
    if not writers:
        problems.append(PublicationProblem(gettext("The byline is empty: add at least one author."), "credits"))
    for credit in writers:
        author = credit.author
        if not author.live and author.first_published_at is not None:
            message = gettext(
                "%(name)s's author page is unpublished: publish it again, or take them off the byline."
            ) % {"name": author.title}
            problems.append(PublicationProblem(message, "credits"))
    if article.source_id and not article.is_source_confirmed:
        message = gettext(
            "The importer found the credit to “%(outlet)s” in the text: check it, then tick “credit confirmed”."
        ) % {"outlet": article.source.name}
        problems.append(PublicationProblem(message, "is_source_confirmed"))
    problems += rights_problems(article)
    if article.is_headline_proposed:
        message = gettext("The headline was proposed by the importer: review it, then untick “headline proposed”.")
        problems.append(PublicationProblem(message, "is_headline_proposed"))
    if (licence := credited_licence(article)) and not licence.allows_publication:
        problems.append(PublicationProblem(not_for_publication_message(article), "licence"))
    if sponsor_missing(article):
        message = gettext("The story is labelled Sponsored but names no sponsor: readers must be told who paid for it.")
        problems.append(PublicationProblem(message, "sponsor_name"))
    return problems + uncredited_image_problems(article)


def publication_warnings(article) -> list[PublicationProblem]:
    """What an editor should know before publishing ``article``, without stopping it: a writer in
    the byline with no bio (the article's footer then shows only their name)."""
    message = gettext("%(name)s has no bio: readers see only the name under the story.")
    return [
        PublicationProblem(message % {"name": credit.author.title}, "credits")
        for credit in byline_credits(article)
        if not credit.author.has_bio
    ]


def uncredited_image_problems(article) -> list[PublicationProblem]:
    """An image shown without a credit: neither the article (or the body block) nor the image record gives one."""
    problems = []
    if article.lead_image and not credit_line(article.lead_image, article.lead_image_credit):
        message = gettext("The lead image “%(image)s” has no credit: give it one here, or on the image.")
        problems.append(PublicationProblem(message % {"image": article.lead_image.title}, "lead_image_credit"))
    for block in article.body:
        image = block.value["image"] if block.block_type == "image" else None
        if image and not credit_line(image, block.value["credit"]):
            message = gettext(
                "The image “%(image)s” in the body has no credit: give it one in its block, or on the image."
            )
            problems.append(PublicationProblem(message % {"image": image.title}, "body"))
    return problems


def rights_problems(article) -> list[PublicationProblem]:
    """A withdrawn story stays withdrawn until restored; an embargoed one goes live no sooner
    than its embargo (saving the article schedules it so: this catches any way round that)."""
    problems = []
    if article.pk and (withdrawal := Withdrawal.objects.filter(article_id=article.pk).first()):
        problems.append(PublicationProblem(withdrawn_message(withdrawal.kind), "title"))
    if goes_live_before_embargo(article):
        message = gettext("Embargoed until %(time)s: it may not go live sooner. Save it to schedule it for then.")
        problems.append(PublicationProblem(message % {"time": embargo_end_text(article)}, "embargo_until"))
    return problems


def withdrawn_message(kind: str) -> str:
    return {
        WithdrawalKind.WITHDRAW: gettext("The story is withdrawn: restore it before publishing it again."),
        WithdrawalKind.KILL: gettext("The story is killed: restore it before publishing it again."),
        WithdrawalKind.TAKEDOWN: gettext("The story is taken down: restore it before publishing it again."),
    }[kind]


def not_for_publication_message(article) -> str:
    if article.licence:
        return gettext("The story's licence says “not for publication”: choose another, if you may publish it.")
    message = gettext(
        "“%(outlet)s” sends its copy not for publication: publish it only with the outlet's permission, "
        "and choose the licence it gives under Rights."
    )
    return message % {"outlet": article.source.name}


def latest_revision_problems(article) -> list[PublicationProblem]:
    """What stops the latest revision of ``article`` (the page record) going live: the revision
    that Wagtail publishes when a workflow is approved (``wagtail.workflows.publish_workflow_state``)
    and when pages are published in bulk."""
    return publication_problems(article.get_latest_revision_as_object())
