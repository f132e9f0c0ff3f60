"""The README's two screenshots, cut from the end-to-end run's (``make e2e`` writes them to
var/e2e/screens/): the top of the front page and of a story at 1280 pixels wide, into
docs/screenshots/. ``make screenshots`` runs it."""

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]  # not tests.helpers', which needs Django's settings
SCREENS = ROOT / "var" / "e2e" / "screens"
README_SCREENSHOTS = ROOT / "docs" / "screenshots"
CUTS = {"home-1280.png": "front-page.png", "article-1280.png": "article.png"}
HEIGHT = 1500  # pixels from the top: what a reader sees in the first screens


def main():
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for screen, screenshot in CUTS.items():
        with Image.open(SCREENS / screen) as full_page:
            top = full_page.crop((0, 0, full_page.width, min(HEIGHT, full_page.height)))
            top.convert("RGB").save(README_SCREENSHOTS / screenshot, optimize=True)
        print(README_SCREENSHOTS / screenshot)


if __name__ == "__main__":
    main()
