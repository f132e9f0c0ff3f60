"""gunicorn for one Newsroom app server: ``gunicorn -c deploy/gunicorn.conf.py``.

Every app server is the same and keeps nothing of its own: the database, the cache (Redis) and the
media (object storage) are shared, so nginx can send any request to any of them. The address and
the number of worker processes come from the environment, so one systemd template runs several.
"""

import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Two processes per core, plus one, as gunicorn's documentation suggests for synchronous workers.
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
timeout = 30  # a request still running after this is killed, and logged
graceful_timeout = 20  # on stop or restart, requests in flight get this long to finish
keepalive = 5  # nginx keeps connections to the app servers open between requests
max_requests, max_requests_jitter = 2000, 200  # each process is replaced now and then, not all at once
accesslog = "-"
errorlog = "-"
# nginx, on this machine, is the only client; it says which scheme the reader used.
forwarded_allow_ips = "127.0.0.1"
