"""A WebSub hub for the tests: a real HTTP server, in a thread of the test process, that records the
form of every POST it is sent and answers 204 No Content as hubs do. A hanging hub takes each
connection and never answers, as a hub that is down behind a live load balancer does."""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Hub:
    url: str
    notices: list[dict[str, list[str]]] = field(default_factory=list)  # each POST's form, in order
    released: threading.Event = field(default_factory=threading.Event)  # a hanging hub's requests may end

    def topics(self) -> list[str]:
        """Every feed the hub was told of, in order, as often as it was told."""
        return [url for notice in self.notices for url in notice.get("hub.url", [])]

    def forget(self):
        self.notices.clear()


def handler_for(hub: Hub, hanging: bool):
    class HubRequestHandler(BaseHTTPRequestHandler):
        def do_POST(self):
            form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
            form["content-type"] = [self.headers.get("Content-Type", "")]
            hub.notices.append(form)
            if hanging:
                hub.released.wait(30)
            self.send_response(204)
            self.end_headers()

        def log_message(self, format, *args):  # the tests' output stays the tests'
            pass

    return HubRequestHandler


@contextmanager
def running_hub(hanging=False):
    """A hub on a free port of 127.0.0.1, stopped afterwards."""
    hub = Hub(url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(hub, hanging))
    server.daemon_threads = True
    hub.url = f"http://127.0.0.1:{server.server_port}/hub"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        hub.released.set()
        server.shutdown()
        server.server_close()
