"""Instructions of Python a page takes, whatever the machine's speed: a figure two sessions can compare.

    .venv/bin/python bench/instructions.py --database bench_search_100000 "/search/?near=60614" /providers/<slug>/
    .venv/bin/python bench/instructions.py --page-cache /providers/<slug>/     # a page served from the cache

For each address, runs valgrind's callgrind twice over an in-process render (Django's test client, DEBUG off, the
page rendered once first, as a warm worker would), once with N more renders and once with none, and prints the
difference per render. It counts the server's Python side only: PostgreSQL's work runs in its own process and is
not counted. It empties the page cache first. Slow (valgrind runs the interpreter ~50 times slower): about a minute
an address on an ordinary day.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PY = str(ROOT / ".venv" / "bin" / "python")


def render(path: str, times: int) -> None:
    """The child: render `path` once, then `times` more (under callgrind)."""
    import gc

    import django

    django.setup()
    from django.core.cache import caches
    from django.test import Client

    caches["pages"].clear()  # both runs start alike: the first render fills the page cache when it is on
    client = Client()
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path}: {response.status_code}")
    gc.freeze()  # as gunicorn.conf.py does once a worker has served its first requests
    for _ in range(times):
        client.get(path)


def instructions(path: str, times: int, env: dict) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(  # noqa: S603
            [
                shutil.which("valgrind") or "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={folder}/callgrind.out",
                PY,
                __file__,
                "--render",
                str(times),
                path,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode or not found:
        sys.exit(out.stderr[-2000:])
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="Addresses to render, e.g. /search/?near=60614")
    parser.add_argument("--database", help="A database on the local cluster (default: the site's own).")
    parser.add_argument("--renders", type=int, default=5, help="Renders counted (default 5).")
    parser.add_argument("--page-cache", action="store_true", help="Serve from the page cache (off by default).")
    parser.add_argument("--render", type=int, help=argparse.SUPPRESS)  # the child, under valgrind
    args = parser.parse_args()
    if args.render is not None:  # the environment is the parent's
        render(args.paths[0], args.render)
        return
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "directory.settings",
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": "instructions-" + "k" * 40,
        "ALLOWED_HOSTS": "testserver",
        "PAGE_CACHE_SECONDS": "60" if args.page_cache else "0",
    }
    if not shutil.which("valgrind"):
        sys.exit("valgrind is needed: apt-get install valgrind")
    if args.database:
        from core import localdb

        env["DATABASE_URL"] = (localdb.database_url() or "").rsplit("/", 1)[0] + f"/{args.database}"
    for path in args.paths:
        per_page = (instructions(path, args.renders, env) - instructions(path, 0, env)) / args.renders
        print(f"{per_page / 1e6:8.1f} M instructions a page  {path}", flush=True)


if __name__ == "__main__":
    main()
