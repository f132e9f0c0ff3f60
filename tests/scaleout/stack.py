"""The production stack of deploy/, started on this machine for the scale-out tests: a PostgreSQL
database of the tests' own, Redis, an S3-compatible server, two gunicorn app servers with
deploy/gunicorn.conf.py, nginx with deploy/nginx/newsroom-app.conf in front of them, and the task
worker. The recipe's files are used as they are, but for the ports, which are free ones here."""

import getpass
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import redis

from ..helpers import EDITOR, ROOT
from ..object_storage_server import ACCESS_KEY, REGION, SECRET_KEY, new_bucket, object_storage_server
from ..serving import START_SECONDS, free_port

POSTGRES = {"host": "127.0.0.1", "port": "5432", "user": os.environ.get("PGUSER") or getpass.getuser()}
REDIS_URL = "redis://127.0.0.1:6379/12"  # flushed before the stack starts
RECIPE_APP_PORTS = ("127.0.0.1:8001", "127.0.0.1:8002")
RECIPE_BALANCER = "127.0.0.1:8080"


@dataclass
class Stack:
    env: dict
    balancer: str  # http://127.0.0.1:<port>, nginx
    servers: list  # [AppServer, AppServer]
    folder: Path
    bucket: object
    worker: subprocess.Popen = field(repr=False, default=None)

    def manage(self, *args, **kwargs):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, text=True,
            capture_output=True, timeout=180, **kwargs,
        )  # fmt: skip


@dataclass
class AppServer:
    base: str
    process: subprocess.Popen

    def stop(self, sig=signal.SIGKILL):
        """Stop gunicorn's master and its workers at once, as a crashed machine would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=30)


def production_env(folder: Path, database: str, endpoint_url: str, bucket: str, hosts: list[str]) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}}
    return env | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "scale-out-tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": ",".join(hosts),
        "DATABASE_URL": f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{database}",
        "REDIS_URL": REDIS_URL,
        "TASK_QUEUE": "database",
        "BEHIND_TLS_PROXY": "1",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": endpoint_url,
        "MEDIA_S3_REGION": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "WAGTAILADMIN_BASE_URL": hosts[0],
        "GUNICORN_WORKERS": "2",
    }


@contextmanager
def postgres_database():
    name = f"newsroom_scaleout_{os.getpid()}"
    options = ["--host", POSTGRES["host"], "--port", POSTGRES["port"], "--username", POSTGRES["user"]]
    subprocess.run(["dropdb", "--if-exists", *options, name], check=True)
    subprocess.run(["createdb", *options, name], check=True)
    try:
        yield name
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", *options, name], check=False)


def start_process(stack: ExitStack, command, env, folder: Path, name: str) -> subprocess.Popen:
    """A process in a session of its own (so all its children stop with it), logging to ``folder``."""
    log = stack.enter_context((folder / f"{name}.log").open("w+"))
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    stack.callback(stop_process, process)
    process.log = log
    return process


def stop_process(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def app_tier_conf(folder: Path, app_ports: list[int], balancer_port: int) -> Path:
    """deploy/nginx/newsroom-app.conf on this machine's free ports, in an nginx.conf of the tests' own."""
    site = (ROOT / "deploy" / "nginx" / "newsroom-app.conf").read_text()
    for recipe_address, port in zip(RECIPE_APP_PORTS, app_ports, strict=True):
        site = site.replace(f"server {recipe_address} ", f"server 127.0.0.1:{port} ")
    site = site.replace(f"listen {RECIPE_BALANCER};", f"listen 127.0.0.1:{balancer_port};")
    (folder / "newsroom-app.conf").write_text(site)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/nginx-error.log;\nworker_processes 1;\nevents {{}}\n"
        f"http {{\n access_log off;\n include {folder}/newsroom-app.conf;\n}}\n"
    )
    return conf


def prepare_site(stack: Stack, site_url: str):
    """The README's release steps, then the seed published and an editor to sign in as."""
    collecting = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=stack.env
    )
    stack.manage("migrate", "--noinput", "-v0")
    stack.manage("setup_newsroom", "--site-url", site_url)
    stack.manage("import_story", "--publish", "seeds/")
    stack.manage(
        "shell", "-c",
        f"from django.contrib.auth.models import User; User.objects.create_superuser({EDITOR[0]!r}, 'e@example.com', "
        f"{EDITOR[1]!r})",
    )  # fmt: skip
    assert collecting.wait(timeout=180) == 0


@contextmanager
def production_stack():
    """The whole stack, ready: the seed published (and indexed by the worker), both servers answering."""
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        redis.Redis.from_url(REDIS_URL).flushdb()
        database = stack.enter_context(postgres_database())
        endpoint_url = stack.enter_context(object_storage_server())
        bucket = stack.enter_context(new_bucket(endpoint_url))
        app_ports, balancer_port = [free_port(), free_port()], free_port()
        hosts = [f"http://127.0.0.1:{port}" for port in (*app_ports, balancer_port)]
        env = production_env(folder, database, endpoint_url, bucket.name, hosts)
        scaleout = Stack(env=env, balancer=hosts[2], servers=[], folder=folder, bucket=bucket)
        prepare_site(scaleout, hosts[2])
        for index, port in enumerate(app_ports):
            command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
            server_env = env | {"GUNICORN_BIND": f"127.0.0.1:{port}"}
            process = start_process(stack, command, server_env, folder, f"app-{index}")
            scaleout.servers.append(AppServer(hosts[index], process))
        nginx_command = ["nginx", "-p", str(folder), "-c", str(app_tier_conf(folder, app_ports, balancer_port))]
        nginx = start_process(stack, [*nginx_command, "-g", "daemon off;"], env, folder, "nginx")
        worker_command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
        scaleout.worker = start_process(stack, worker_command, env, folder, "worker")
        for server in (*scaleout.servers, AppServer(hosts[2], nginx)):
            wait_until_serving(server)
        yield scaleout


def wait_until_serving(server: AppServer):
    """Until ``server`` answers the front page as the TLS proxy would ask for it."""
    request = urllib.request.Request(server.base + "/", headers={"X-Forwarded-Proto": "https"})
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and server.process.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.HTTPError, OSError):
            time.sleep(0.2)
    server.process.log.seek(0)
    raise AssertionError(f"{server.base} did not serve the front page:\n{server.process.log.read()[-3000:]}")
