"""Wire files through the importer: a NewsML-G2 or NITF correction (the same GUID, a later version)
updates the article the first version made, and the canceled item withdraws it."""

import pytest

from articles.importing import ImportOptions, ImportOutcome, import_file
from articles.models import ArticlePage, Withdrawal

from .helpers import FORMATS_DIR

VERSIONS = {
    "newsml-g2": (
        "newsml-g2-afp-text-harbour-v1.xml",
        "newsml-g2-afp-text-harbour-v2-correction.xml",
        "newsml-g2-afp-canceled-harbour-kill.xml",
        "not five as first reported",
    ),
    "nitf": (
        "nitf-ap-text-launch-v1.xml",
        "nitf-ap-text-launch-v2-correction.xml",
        "nitf-ap-canceled-launch-kill.xml",
        "not Friday as first reported",
    ),
}


def import_sample(name, newsroom):
    report = import_file(name, (FORMATS_DIR / name).read_bytes(), newsroom, ImportOptions(publish=True))
    assert report.error == ""
    return report.result


@pytest.mark.parametrize("wire_format", sorted(VERSIONS))
def test_wire_correction_updates_the_same_article_and_the_kill_withdraws_it(newsroom, wire_format):
    first, corrected, canceled, correction = VERSIONS[wire_format]

    created = import_sample(first, newsroom)
    updated = import_sample(corrected, newsroom)
    stale = import_sample(first, newsroom)  # version 1 again, after version 2: changes nothing
    withdrawn = import_sample(canceled, newsroom)

    article = ArticlePage.objects.get()
    assert [created.outcome, updated.outcome, stale.outcome, withdrawn.outcome] == [
        ImportOutcome.CREATED,
        ImportOutcome.UPDATED,
        ImportOutcome.UNCHANGED,
        ImportOutcome.WITHDRAWN,
    ]
    assert created.article.pk == updated.article.pk == withdrawn.article.pk == article.pk
    assert correction in str(article.body)
    assert Withdrawal.objects.filter(article=article).exists() and not article.live
