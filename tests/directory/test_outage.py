"""When the database goes away mid-traffic, families get a calm 503 page, /healthz says 503, and the site
recovers by itself when the database is back: no restart."""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from core import localdb

ROOT = Path(__file__).resolve().parents[2]


def as_postgres(args):
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True)  # noqa: S603


@pytest.fixture
def throwaway_cluster():
    """A separate, tiny PostgreSQL cluster this test may stop and start at will."""
    folder = Path(tempfile.mkdtemp(prefix="tmhd-outage-", dir="/var/tmp"))  # noqa: S108 (postgres must reach it)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    bindir = localdb._bindir()
    pgdata = folder / "data"
    port = localdb._free_port()
    as_postgres([str(bindir / "initdb"), "-D", str(pgdata), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"

    def pg_ctl(*args):
        return as_postgres([str(bindir / "pg_ctl"), "-D", str(pgdata), "-l", str(folder / "log"), *args])

    pg_ctl("start", "-w", "-o", options)
    cluster = {
        "port": port,
        "start": lambda: pg_ctl("start", "-w", "-o", options),
        "stop": lambda: pg_ctl("stop", "-m", "immediate", "-w"),
    }
    yield cluster
    with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
        pg_ctl("stop", "-m", "immediate", "-w")
    shutil.rmtree(folder, ignore_errors=True)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(url, status, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(url)[0] == status:
                return True
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    return False


def server_log(server):
    if server.poll() is None:
        os.killpg(server.pid, 15)
    return server.communicate(timeout=10)[1].decode()[-3000:]


@pytest.mark.slow
def test_site_answers_503_while_the_database_is_down_and_recovers_without_a_restart(throwaway_cluster, tmp_path):
    database_url = f"postgres://postgres@127.0.0.1:{throwaway_cluster['port']}/postgres"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "s" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "CONN_MAX_AGE": "60",
    }
    for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    port = localdb._free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env={**env, "GUNICORN_ACCESSLOG": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(base + "/healthz", 200), "the server did not come up"
        assert get(base + "/")[0] == 200

        throwaway_cluster["stop"]()
        status, body = get(base + "/healthz")
        assert status == 503
        status, body = get(base + "/blog/")
        assert status == 503
        assert "back in a moment" in body.lower()
        assert "Traceback" not in body and "OperationalError" not in body
        assert "988" in body  # crisis resources still shown

        throwaway_cluster["start"]()
        assert wait_for(base + "/healthz", 200), "the site did not recover after the database came back"
        status, body = get(base + "/blog/")
        assert status == 200, server_log(server)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 15)
            server.wait(timeout=10)
