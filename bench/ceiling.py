"""The practical ceiling for a Python server: the same article bytes, straight from memory.

``make bench`` serves this with the same gunicorn settings as the site and compares the site's
figures with it.
"""

import os
from pathlib import Path

BODY = Path(os.environ["CEILING_BODY_FILE"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def app(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
