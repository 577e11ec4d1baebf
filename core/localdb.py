"""The project-local PostgreSQL cluster used when DATABASE_URL is not set.

`python -m core.localdb start|stop|status|url` manages it. It lives in `.pgdata/` (git-ignored) and listens
on 127.0.0.1 at a free port written to `.pgdata/port`, so it never collides with a server on 5432. As root, the
cluster runs as the `postgres` user (initdb and pg_ctl refuse root); when that user cannot reach the checkout
(e.g. a checkout under a private home folder) the data goes to a per-checkout folder under /var/tmp instead.

Standard library only: the settings import `database_url()` before anything else is set up.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / ".pgdata"  # always in the checkout: holds the port and where the data lives
PORT_FILE = STATE_DIR / "port"
DATA_POINTER = STATE_DIR / "datadir"
DB_NAME = "directory"
DB_USER = "postgres"

# Development settings: durable enough for demo data, fast for tests.
SERVER_OPTIONS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "jit": "off",
    "shared_buffers": "256MB",
    "work_mem": "16MB",
    "max_connections": "100",
}


def database_url() -> str | None:
    """The URL of the local cluster, or None when it has never been started."""
    try:
        port = int(PORT_FILE.read_text().strip())
    except (OSError, ValueError):
        return None
    return f"postgres://{DB_USER}@127.0.0.1:{port}/{DB_NAME}"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    sys.exit("PostgreSQL server binaries not found: install the Debian package 'postgresql'.")


def _as_root() -> bool:
    return os.geteuid() == 0


def _run_as_owner(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    if _as_root():
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=False, **kwargs)  # noqa: S603


def _postgres_can_use(folder: Path) -> bool:
    probe = _run_as_owner(["test", "-w", str(folder), "-a", "-x", str(folder)], capture_output=True)
    return probe.returncode == 0


def _data_dir() -> Path:
    """Where the cluster's files live; decided once, then remembered in .pgdata/datadir."""
    if DATA_POINTER.exists():
        return Path(DATA_POINTER.read_text().strip())
    STATE_DIR.mkdir(exist_ok=True)
    chosen = STATE_DIR / "cluster"
    if _as_root():
        chosen.mkdir(exist_ok=True)
        shutil.chown(chosen, "postgres", "postgres")
        if not _postgres_can_use(chosen):
            chosen.rmdir()
            digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]  # noqa: S324 (a name, not security)
            chosen = Path("/var/tmp") / f"tmhd-pgdata-{digest}"  # noqa: S108
            chosen.mkdir(mode=0o700, exist_ok=True)
            shutil.chown(chosen, "postgres", "postgres")
    DATA_POINTER.write_text(str(chosen) + "\n")
    return chosen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pg_ctl(*args: str, capture: bool = True) -> subprocess.CompletedProcess:
    return _run_as_owner([str(_bindir() / "pg_ctl"), *args], capture_output=capture, text=True)


def is_running() -> bool:
    data = _data_dir()
    return (data / "pgdata" / "PG_VERSION").exists() and _pg_ctl("status", "-D", str(data / "pgdata")).returncode == 0


def start() -> None:
    data = _data_dir()
    pgdata = data / "pgdata"
    if not (pgdata / "PG_VERSION").exists():
        print(f"Creating the local PostgreSQL cluster in {pgdata}")
        result = _run_as_owner(
            [
                str(_bindir() / "initdb"),
                "-D",
                str(pgdata),
                "-U",
                DB_USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(f"initdb failed:\n{result.stdout}\n{result.stderr}")
    if not is_running():
        port = None
        with contextlib.suppress(OSError, ValueError):
            port = int(PORT_FILE.read_text())
        if port is None or not _port_is_free(port):
            port = _free_port()
        options = " ".join(f"-c {key}={value}" for key, value in SERVER_OPTIONS.items())
        # Sockets stay inside the cluster's folder, away from /var/run/postgresql.
        options += f" -p {port} -k {data}"
        started = time.monotonic()
        result = _pg_ctl("start", "-w", "-t", "60", "-D", str(pgdata), "-l", str(data / "server.log"), "-o", options)
        if result.returncode != 0:
            log = (data / "server.log").read_text()[-2000:] if (data / "server.log").exists() else ""
            sys.exit(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n{log}")
        PORT_FILE.write_text(f"{port}\n")
        print(f"Local PostgreSQL started on 127.0.0.1:{port} in {time.monotonic() - started:.1f}s")
    _ensure_database()


def _ensure_database() -> None:
    import psycopg  # only needed here; the settings import this module without it

    port = int(PORT_FILE.read_text())
    with psycopg.connect(host="127.0.0.1", port=port, user=DB_USER, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def stop() -> None:
    if not is_running():
        print("The local PostgreSQL cluster is not running.")
        return
    result = _pg_ctl("stop", "-m", "fast", "-D", str(_data_dir() / "pgdata"))
    print(result.stdout.strip() or result.stderr.strip())


def main(argv: list[str]) -> None:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        start()
    elif command == "stop":
        stop()
    elif command == "status":
        print(f"running at {database_url()}" if is_running() else "not running")
    elif command == "url":
        url = database_url()
        if not url:
            sys.exit("The local cluster has not been started yet: scripts/db start")
        print(url)
    else:
        sys.exit("usage: python -m core.localdb start|stop|status|url")


if __name__ == "__main__":
    main(sys.argv)
