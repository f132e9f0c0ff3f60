"""Logging filters for the example site's settings."""

import logging
import time


class CacheOutageFilter(logging.Filter):
    """Turns django-redis's "Exception ignored" errors into one short warning every ``seconds``.

    With Redis unreachable every cache call fails, several times a request: the first failure
    says so, the rest of the outage stays quiet until ``seconds`` have passed.
    """

    def __init__(self, seconds=300):
        super().__init__()
        self.seconds = seconds
        self.last_logged_at = None

    def filter(self, record):
        now = time.monotonic()
        if self.last_logged_at is not None and now - self.last_logged_at < self.seconds:
            return False
        self.last_logged_at = now
        error = record.exc_info[1] if record.exc_info else None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "The cache is unreachable (%s): pages are served without it until it answers again."
        record.args = (error.__cause__ or error if error else "no answer",)
        record.exc_info = record.exc_text = None
        return True
