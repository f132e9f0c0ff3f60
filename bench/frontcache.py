"""``make bench-frontcache``: what the recipe's front cache gives readers, against a static file server.

1. Builds a throwaway SQLite site in ``var/bench-frontcache/`` (migrate, ``collectstatic``,
   ``setup_newsroom``, the seeds imported and published) and serves it with gunicorn and
   production settings.
2. Starts Debian's varnishd with deploy/varnish/newsroom.vcl (its backend pointed at that
   gunicorn) and checks that the seed's article page is a Varnish hit.
3. Saves the same bytes to a file and serves it with Debian's nginx, which is as fast as an HTTP
   server gets on this machine: the ceiling.
4. Loads each with wrk (the same connections, threads and seconds) — and gunicorn alone with its
   reader cache warm, for comparison — then prints requests/s, latency and the ratio of each to
   nginx, and writes them as JSON.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

from bench.bench import bench_environment, gunicorn, load, manage  # noqa: E402

FOLDER = ROOT / "var" / "bench-frontcache"
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
RECIPE_BACKEND_PORT = '.port = "8080";'
APP_PORT, VARNISH_PORT, NGINX_PORT = 8108, 8109, 8110
VARNISHD, NGINX = "/usr/sbin/varnishd", "/usr/sbin/nginx"
NGINX_CONF = """\
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type "text/html; charset=utf-8";
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/www;
        location / {{ try_files /article.html =404; }}
    }}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--json", default=str(ROOT / "var" / "bench-frontcache.json"))
    args = parser.parse_args()
    for program in (VARNISHD, NGINX, shutil.which("wrk") or "wrk"):
        if not Path(program).exists():
            sys.exit(f"bench-frontcache needs {program}: apt-get install varnish nginx wrk")

    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    env = bench_environment(str(FOLDER), f"sqlite:///{FOLDER}/bench.sqlite3")
    try:
        for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0"),
                        ("setup_newsroom",), ("import_story", "--publish", "seeds/")):  # fmt: skip
            manage(env, *command, stdout=subprocess.DEVNULL)
        results = measure(env, args)
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)
    print_figures(results)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten to {args.json}")


def measure(env, args) -> dict:
    with ExitStack() as stack:
        app = gunicorn(env, "newsroom.wsgi", APP_PORT)
        stack.callback(app.terminate)
        front = stack.enter_context(varnish(APP_PORT, VARNISH_PORT))
        home = urllib.request.urlopen(front + "/").read().decode()
        article_path = re.search(r'class="card-headline"><a href="([^"]+)"', home)[1]
        body = fetch_hit(front + article_path)
        (FOLDER / "www").mkdir()
        (FOLDER / "www" / "article.html").write_bytes(body)
        ceiling = stack.enter_context(nginx(NGINX_PORT))
        if urllib.request.urlopen(ceiling + "/").read() != body:
            raise RuntimeError("nginx does not serve the article's bytes")
        runs = {
            "nginx, the same bytes from a file": load(ceiling + "/", args),
            "Varnish with the recipe's VCL, hit": load(front + article_path, args),
            "gunicorn alone, reader cache warm": load(f"http://127.0.0.1:{APP_PORT}{article_path}", args),
        }
    ceiling_rps = runs["nginx, the same bytes from a file"]["requests_per_second"]
    for run in runs.values():
        run["ratio_to_nginx"] = round(run["requests_per_second"] / ceiling_rps, 3)
    return {"article_bytes": len(body), "seconds": args.seconds, "connections": args.connections, "runs": runs}


def fetch_hit(url) -> bytes:
    """The page's bytes, once Varnish says it served them from its cache."""
    for _ in range(5):
        with urllib.request.urlopen(url) as response:
            body, cache = response.read(), response.headers.get("X-Cache")
        if cache == "hit":
            return body
    raise RuntimeError(f"Varnish never served {url} from its cache (X-Cache: {cache})")


@contextmanager
def varnish(backend_port, port):
    vcl = FOLDER / "newsroom.vcl"
    recipe = VCL.read_text()
    if RECIPE_BACKEND_PORT not in recipe:
        raise RuntimeError(f"{VCL} no longer names its backend as {RECIPE_BACKEND_PORT}")
    vcl.write_text(recipe.replace(RECIPE_BACKEND_PORT, f'.port = "{backend_port}";'))
    command = [VARNISHD, "-F", "-n", str(FOLDER / "varnish"), "-a", f"127.0.0.1:{port}", "-f", str(vcl),
               "-s", "malloc,256m", "-T", "none", "-j", "none"]  # fmt: skip
    with serving(command, port) as base:
        yield base


@contextmanager
def nginx(port):
    conf = FOLDER / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=FOLDER, port=port))
    with serving([NGINX, "-p", str(FOLDER), "-c", str(conf), "-g", "daemon off;"], port) as base:
        yield base


@contextmanager
def serving(command, port):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1).close()
                break
            except OSError as error:
                if getattr(error, "code", None):  # an HTTP error answer: the server is up
                    break
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited with code {process.returncode}") from error
                time.sleep(0.2)
        else:
            raise RuntimeError(f"{command[0]} did not answer on port {port}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def print_figures(results):
    print(f"\nFront cache bench: the seed's article page ({results['article_bytes']:,} bytes), "
          f"wrk, {results['connections']} connections, {results['seconds']} s each")  # fmt: skip
    print(f"{'server':<38}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'× nginx':>9}")
    for name, run in results["runs"].items():
        print(f"{name:<38}{run['requests_per_second']:>10,.0f}{run['p50_ms']:>9}{run['p99_ms']:>9}"
              f"{run['errors']:>8}{run['ratio_to_nginx']:>9.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
