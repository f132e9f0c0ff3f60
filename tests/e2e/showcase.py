"""A desk's first day, for the tests that look at the whole site as readers see it (Lighthouse, the
screenshots, axe-core and the Nu Html Checker): the seed and the English real-world stories published
across the sections, one story in Arabic among them, lead images with captions and credits, an
author with a photo, tags, a correction, a pinned lead, a breaking-news banner and a story
withdrawn with its notice.

Run inside the site's own settings, as ``manage.py shell`` runs it (``python manage.py shell -c
"from tests.e2e.showcase import dress; dress()"``), which prints the paths of the pages to look
at. The images are made with Pillow, so nothing is fetched.
"""

import io
import json
import random
from datetime import timedelta

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model
from wagtail.models import Site

from articles.models import ArticlePage, Correction, NewsroomSettings, PinnedStory
from articles.withdrawals import withdraw_article
from authors.models import AuthorPage

from ..helpers import ROOT, STORIES_DIR

SEED = ROOT / "seeds" / "000_3581a14dfa9c6e0e.txt"
REAL_WORLD = ROOT / "tests" / "realworld"
ARABIC = "language_arabic.txt"  # one of the parser's own stories, right to left on an English site
STORIES = {  # file (see story_file): section, in the order they are published (the last is the newest)
    "en-accesswdun-ap-affluenza-teen.txt": "World",
    "en-accesswdun-ap-kemp-budget.txt": "Politics",
    "en-businessstandard-ani-trump-drug.txt": "World",
    "en-chicagotribune-energy-climate.txt": "Politics",
    "en-cnn-trump-transition.txt": "Politics",
    "en-dailyangle-wnd-dailymail-astronaut.txt": "Science",
    "en-donaldjtrumppolls-newsmax-burgess-cartels.txt": "Politics",
    "en-donaldjtrumppolls-newsmax-kemp-abrams.txt": "Politics",
    "en-donaldjtrumppolls-newsmax-scott-brown.txt": "Sport",
    "en-guardian-standing-rock.txt": "World",
    "en-heraldsun-surveillance-laws.txt": "Politics",
    "en-islandpacket-ap-atlanta-school.txt": "World",
    "en-kalw-ziklag-your-call.txt": "Politics",
    "en-lincolndailynews-ap-military-extremism.txt": "World",
    "en-montegoblitz-wired-hutchins.txt": "Science",
    "en-npg-cbssacramento-traffic-sign.txt": "Politics",
    "en-npr-roof-verdict.txt": "World",
    "en-personalliberty-upi-edwards-trial.txt": "Politics",
    "en-reuters-newsml-gold-safe-haven.txt": "Business",
    "en-reuters-newsml-shutdown-parks.txt": "Politics",
    "en-reviewjournal-ap-gannett-evacuation.txt": "World",
    "en-rnz-benghazi-council.txt": "World",
    "en-rochesterfirst-wroc-northeast-police.txt": "World",
    "en-talk103fm-reuters-imf-uk.txt": "Business",
    "en-tripod-upi-teen-gun-photo.txt": "World",
    "en-washingtonpost-tunisia-museum.txt": "World",
    "en-whio-ap-rodman-summit.txt": "Sport",
    "en-whio-cmg-rolling-stones-tour.txt": "Culture",
    "en-wtop-ap-texas-execution.txt": "World",
    "en-thetimesau-conversation-kiwi-fighter.txt": "Politics",
    "en-yahooau-aap-kiwis-ukraine.txt": "World",
    ARABIC: "World",  # the thirteenth newest: on the front page and World's, without a lead image
    "en-cnnmoney-ohare-strike.txt": "Business",
    "en-jimbakker-reuters-jobs-report.txt": "Business",
    "en-kcrg-ap-rolling-stones-tour.txt": "Culture",
    "en-inreuters-airasia-search.txt": "World",
    "en-reuters-fed-rates.txt": "Business",
    "en-webmd-peanut-allergy.txt": "Science",
    "en-arstechnica-minecraft-exploit.txt": "Science",
    "en-dailypopulous-atlantic-candyland.txt": "Culture",
    "en-yahoo-ap-progress-cargo-ship.txt": "Science",
    "en-citylab-atlantic-neon.txt": "Culture",
    "en-natgeouk-redonda-goats.txt": "Science",
}
SEED_SECTION = "World"
WITHDRAWAL_NOTICE = "We have withdrawn this story: it misquoted the minister. We apologise for the error."
WITH_IMAGES = 8  # the newest stories (the seed among them) get a lead image
AUTHOR = "Solange Reyner"
TAG = "space"  # the seed's, and this story's:
TAGGED_TOO = "en-yahoo-ap-progress-cargo-ship.txt"
CORRECTION = "An earlier version of this article gave the wrong date for the crew's return."
BREAKING = "The space station's crew is safe after a day of warnings"


def dress():
    """Build the day, and print the paths of the pages the tests look at, as JSON."""
    print(json.dumps(build()))


def build() -> dict[str, str]:
    for name, section in STORIES.items():
        call_command("import_story", str(story_file(name)), publish=True, section=section, stdout=io.StringIO())
    call_command("import_story", str(SEED), publish=True, section=SEED_SECTION, stdout=io.StringIO())
    seed = ArticlePage.objects.get(imports__file_name__endswith=SEED.name)
    others = ArticlePage.objects.live().exclude(pk=seed.pk).order_by("-pk")
    newest_first = [seed.pk, *others.values_list("pk", flat=True)]
    # Each change is a revision published from the page as it is now, so none undoes another.
    for pk in (seed.pk, ArticlePage.objects.get(imports__file_name__endswith=TAGGED_TOO).pk):
        publish_with(pk, lambda article: article.tags.add(TAG))
    for number, pk in enumerate(newest_first[:WITH_IMAGES]):
        publish_with(pk, lambda article, number=number: illustrate(article, number))
    spread_over_the_day(newest_first)
    Correction.objects.create(article=seed, text=CORRECTION)
    author = AuthorPage.objects.get(title=AUTHOR)
    give_a_photo(author)
    news_index = seed.get_parent().specific
    PinnedStory.objects.create(page=news_index, article=seed, sort_order=0)
    news_index.save_revision().publish()
    withdrawn = ArticlePage.objects.get(pk=newest_first[-1])  # the day's oldest story, taken back
    withdraw_article(withdrawn, "withdraw", reason="It misquoted the minister.", notice=WITHDRAWAL_NOTICE)
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.breaking_news, settings.breaking_news_story = BREAKING, seed
    settings.breaking_news_until = timezone.now() + timedelta(days=1)
    settings.save()
    return {
        "home": "/",
        "article": seed.get_url(),
        "article in Arabic": ArticlePage.objects.get(imports__file_name__endswith=ARABIC).get_url(),
        "section": news_index.get_url() + news_index.reverse_subpage("section", args=[seed.section.slug]),
        "tag": news_index.get_url() + news_index.reverse_subpage("tag", args=[TAG]),
        "author": author.get_url(),
        "authors": author.get_parent().get_url(),
        "corrections": news_index.get_url() + news_index.reverse_subpage("corrections"),
        "search": reverse("newsroom_search:search"),
        "search results": reverse("newsroom_search:search") + "?q=space",
        "withdrawn": withdrawn.get_url(),
    }


def story_file(name):
    """The real-world corpus's English stories ("en-…"); the others are the parser's own test stories."""
    return REAL_WORLD / name if name.startswith("en-") else STORIES_DIR / name


def publish_with(pk, change):
    article = ArticlePage.objects.get(pk=pk)
    change(article)
    article.save_revision().publish()


def spread_over_the_day(newest_first):
    """Stories twenty minutes apart, in ``newest_first``'s order (ids): listings in the order a
    desk published them. Written straight to the pages, after every revision is published."""
    now = timezone.now()
    for steps, pk in enumerate(newest_first):
        ArticlePage.objects.filter(pk=pk).update(first_published_at=now - timedelta(minutes=20 * steps))


def illustrate(article, number):
    article.lead_image = image(f"Photo for {article.title[:60]}", landscape(number))
    article.lead_image_caption = f"The scene on the day of the story ({article.section})."
    article.lead_image_credit = "Newsroom staff photographer"


def give_a_photo(author):
    author.photo = image(f"Portrait of {author.title}", portrait())
    author.role = "Senior writer"
    author.save_revision().publish()


def image(title, picture):
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85)
    stored = get_image_model()(title=title, file=ImageFile(data, name=f"{title[:40]}.jpg"))
    stored.file_size = len(data.getvalue())
    stored.save()
    return stored


def landscape(seed, size=(1600, 900)):
    """A sky over hills, in colours of its own: something with the texture of a photograph."""
    rng = random.Random(seed)
    width, height = size
    picture = PillowImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    top, bottom = [tuple(rng.randrange(40, 230) for _ in range(3)) for _ in range(2)]
    for y in range(height):
        colour = tuple(round(a + (b - a) * y / height) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun = (rng.randrange(width // 5, width * 4 // 5), rng.randrange(height // 8, height // 3))
    draw.ellipse([sun[0] - 70, sun[1] - 70, sun[0] + 70, sun[1] + 70], fill=(250, 235, 190))
    for layer in range(4):
        shade = tuple(max(0, channel - 45 * (layer + 1)) for channel in bottom)
        base = height * (0.55 + 0.11 * layer)
        ridge = [(x, base - 60 * abs(rng.gauss(0, 1))) for x in range(0, width + 100, 100)]
        draw.polygon([(0, height), *ridge, (width, height)], fill=shade)
    return picture.filter(ImageFilter.GaussianBlur(1.5))


def portrait(size=(600, 600)):
    picture = PillowImage.new("RGB", size, (196, 206, 214))
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.ellipse([width * 0.32, height * 0.18, width * 0.68, height * 0.56], fill=(120, 92, 78))
    draw.ellipse([width * 0.15, height * 0.6, width * 0.85, height * 1.3], fill=(52, 70, 96))
    return picture.filter(ImageFilter.GaussianBlur(2))
