"""The development server (scripts/run: runserver, a thread per request) keeps to its connection budget under load:
many people clicking at once get their pages, and the server never holds more database connections than its pool.

CONNECTION_BUDGET_SECONDS (20 here) sets how long the load lasts; run the full minute by hand with
CONNECTION_BUDGET_SECONDS=60 .venv/bin/pytest tests/directory/test_connection_budget.py
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from core import localdb
from tests.blog.factories import PublishedPostFactory
from tests.providers.factories import PublishedProviderFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 50
POOL_MAX_SIZE = 10
SECONDS = float(os.environ.get("CONNECTION_BUDGET_SECONDS", "20"))


def database_url(application_name):
    """The test database's URL, with a name that tells the server's connections apart in pg_stat_activity."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return (
        f"postgres://{quote(db['USER'], safe='')}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        f"?application_name={application_name}"
    )


def server_connections(url, application_name):
    with psycopg.connect(url.split("?")[0], autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [application_name]
        ).fetchone()
    return row[0]


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return type(error).__name__


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if status_of(url) == 200:
            return True
        time.sleep(0.3)
    return False


def errors_in(log: Path) -> list[str]:
    """The distinct error lines of the server's log (runserver logs tracebacks there)."""
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return sorted({line.strip() for line in lines if "Error" in line or "Timeout" in line})[:20]


@pytest.fixture
def server_log(tmp_path):
    return tmp_path / "server.log"


@pytest.fixture
def run_server(server_log):
    """scripts/run's server (runserver, one thread per request) on a free port; stopped by its process group."""
    servers = []

    def start(url, **env):
        log = server_log.open("ab")
        port = localdb._free_port()
        environment = {**os.environ, "DATABASE_URL": url, "DEBUG": "true", "PAGE_CACHE_SECONDS": "0", **env}
        environment.pop("DATABASE_REPLICA_URL", None)
        server = subprocess.Popen(  # noqa: S603
            # --noreload: other people editing the working tree must not restart it mid-test.
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        servers.append((server, log))
        base = f"http://127.0.0.1:{port}"
        assert wait_for(base + "/healthz"), "the server did not come up"
        return base

    yield start
    for server, log in servers:
        if server.poll() is None:
            os.killpg(server.pid, 15)
            server.wait(timeout=20)
        log.close()


def test_fifty_people_clicking_at_once_get_every_page_within_the_pool(run_server, server_log):
    providers = PublishedProviderFactory.create_batch(5)
    post = PublishedPostFactory()
    name = f"budget-test-{os.getpid()}"
    url = database_url(name)
    base = run_server(url, DB_POOL_MAX_SIZE=str(POOL_MAX_SIZE))
    paths = [
        "/",
        "/search/",
        "/search/?near=02139",
        *(p.get_absolute_url() for p in providers),
        "/blog/",
        post.get_absolute_url(),
        "/about/",
        "/healthz",
    ]
    statuses, lock, peak = Counter(), threading.Lock(), [0]
    stop = time.monotonic() + SECONDS

    def client(offset):
        i = offset
        while time.monotonic() < stop:
            status = status_of(base + paths[i % len(paths)])
            with lock:
                statuses[status] += 1
            i += 1

    def watch():
        while time.monotonic() < stop:
            peak[0] = max(peak[0], server_connections(url, name))
            time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)] + [threading.Thread(target=watch)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failures = {status: count for status, count in statuses.items() if status != 200}
    assert failures == {}, f"{failures} of {sum(statuses.values())} requests: {errors_in(server_log)}"
    assert sum(statuses.values()) >= CLIENTS
    assert 0 < peak[0] <= POOL_MAX_SIZE, peak[0]
    assert server_connections(url, name) <= POOL_MAX_SIZE
