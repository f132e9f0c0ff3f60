"""Debian's Chromium, driven by Playwright, for the tests that use the site as a person does."""

from contextlib import contextmanager

from playwright.sync_api import sync_playwright

from .helpers import CHROMIUM


@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()
