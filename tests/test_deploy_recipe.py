"""The deployment recipe in deploy/: its environment file, systemd units, gunicorn and nginx
configuration, checked by the tools that will read them. (Varnish's VCL is run for real by
tests/test_front_cache.py, and the whole app tier by tests/scaleout/.)"""

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from .helpers import ROOT

DEPLOY = ROOT / "deploy"
INSTALL_DIR = "/srv/newsroom"  # where the units expect the checkout
ENVIRONMENT_READERS = {"os.environ.get", "env_flag", "env_list"}
BOTO3_CREDENTIALS = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}  # read by boto3, not by our code
ENV_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def variables_read(path: Path) -> set[str]:
    """The environment variables a module reads by name."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            if ast.unparse(node.func) in ENVIRONMENT_READERS and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(ast.literal_eval(node.slice))
    return names


def site_variables() -> set[str]:
    modules = [*(ROOT / "newsroom").glob("*.py"), DEPLOY / "gunicorn.conf.py"]
    return set().union(*map(variables_read, modules)) - {"DJANGO_SETTINGS_MODULE"}


def test_the_environment_file_lists_every_variable_the_site_reads():
    listed = set(ENV_LINE.findall((DEPLOY / "newsroom.env").read_text()))

    assert site_variables() - listed == set()
    assert listed - site_variables() - BOTO3_CREDENTIALS == set(), "the environment file names unknown variables"


def test_the_variable_reader_finds_the_forms_settings_use(tmp_path):
    module = tmp_path / "settings.py"
    module.write_text(
        'A = os.environ.get("ONE")\nB = os.environ["TWO"]\nC = env_flag("THREE")\nD = env_list("FOUR", "x")\n'
        'E = request.META.get("REMOTE_ADDR")'
    )

    assert variables_read(module) == {"ONE", "TWO", "THREE", "FOUR"}


def unit_commands():
    """(unit, argv) for each ExecStart of the systemd units."""
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                yield unit.name, shlex.split(line.removeprefix("ExecStart="))


@pytest.mark.parametrize(("unit", "argv"), list(unit_commands()), ids=lambda value: str(value)[:60])
def test_each_unit_runs_a_command_that_exists_with_options_it_takes(settings, unit, argv):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as the recipe's TASK_QUEUE
    program, *args = argv
    assert program.startswith(f"{INSTALL_DIR}/.venv/bin/"), "units run the checkout's own virtualenv"
    if args[:1] == ["manage.py"]:
        name, *options = args[1:]
        command = load_command_class(get_commands()[name], name)
        command.create_parser("manage.py", name).parse_args(options)  # exits on an option it does not know
    else:
        assert Path(program).name == "gunicorn"
        assert args == ["--config", "deploy/gunicorn.conf.py"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    """``systemd-analyze verify`` on the units as they are, the checkout standing in for /srv/newsroom."""
    for unit in (DEPLOY / "systemd").iterdir():
        (tmp_path / unit.name).write_text(unit.read_text().replace(INSTALL_DIR, str(ROOT)))
    instances = ["newsroom-web@8001.service", "newsroom-worker.service", "newsroom-scheduler.service"]
    result = subprocess.run(
        ["systemd-analyze", "verify", *instances, "newsroom-scheduler.timer"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_gunicorn_accepts_its_configuration():
    env = os.environ | {"DEBUG": "1", "GUNICORN_BIND": "127.0.0.1:0", "GUNICORN_WORKERS": "3"}
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "--check-config", "--print-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert re.search(r"^bind\s*=\s*\['127\.0\.0\.1:0'\]", result.stdout, re.MULTILINE)
    assert re.search(r"^workers\s*=\s*3$", result.stdout, re.MULTILINE)
    assert re.search(r"^wsgi_app\s*=\s*newsroom\.wsgi:application$", result.stdout, re.MULTILINE)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example.com"]
        + ["-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return certificate, key


@pytest.mark.skipif(
    not shutil.which("nginx") and not os.environ.get("NEWSROOM_TEST_REQUIRE_NGINX"),
    reason="nginx is not installed (apt-get install nginx)",
)
def test_nginx_accepts_both_sites(tmp_path):
    """``nginx -t`` on the two site files as they are, but for the certificate's paths."""
    certificate, key = self_signed_certificate(tmp_path)
    public = (DEPLOY / "nginx" / "newsroom-public.conf").read_text()
    public = public.replace("/etc/letsencrypt/live/news.example.com/fullchain.pem", str(certificate))
    public = public.replace("/etc/letsencrypt/live/news.example.com/privkey.pem", str(key))
    (tmp_path / "newsroom-public.conf").write_text(public)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{\n access_log off;\n include {DEPLOY}/nginx/newsroom-app.conf;\n"
        f" include {tmp_path}/newsroom-public.conf;\n}}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
