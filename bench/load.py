"""Load test: the production-like gunicorn server over a seeded directory, driven by wrk from other processes.

    .venv/bin/python bench/load.py [--providers 100000] [--seconds 60] [--connections 32]

Seeds (or reuses) a dedicated database with `seed_demo --providers N`, starts gunicorn with DEBUG off on a free
loopback port, and runs one wrk process per kind of request at the same time (home, search with varied filters,
profile, blog, /healthz), splitting the connections by a realistic mix. Prints requests/s and p50/p95/p99 per
kind, the search:/healthz throughput ratio, and the count of non-2xx responses (must be zero). Loopback only;
bounded in time; stops everything it started.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import localdb  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
# Share of the 32 connections per kind of request.
MIX = {"search": 12, "profile": 8, "home": 4, "blog": 4, "healthz": 4}
SEARCHES = [
    "/search/",
    "/search/?near={zip}",
    "/search/?near={zip}&radius=50",
    "/search/?near={zip}&concern=postpartum-depression&payment=medicaid&format=in-person",
    "/search/?near={zip}&format=telehealth",
    "/search/?q=birth+trauma",
    "/search/?q=emdr&near={zip}",
    "/search/?near={zip}&sort=distance&accepting=1",
    "/search/?type=doula&near={zip}&radius=100",
    "/search/?language=es&near={zip}",
    "/search/?concern=perinatal-ocd&modality=cbt",
    "/search/?near={zip}&page=3",
    "/search/?q=whitfeld",
    "/search/?near={zip}&practice=consent-before-touch&practice=virtual-first-visit",
]
METRO_ZIPS = [
    "02139",
    "10001",
    "60614",
    "94110",
    "98103",
    "30308",
    "78701",
    "80203",
    "19103",
    "55408",
    "97214",
    "85004",
    "33131",
    "20009",
    "48201",
    "63108",
    "27601",
    "37203",
    "84101",
    "96813",
]


def ensure_database(url: str, providers: int) -> None:
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    # Each run starts with no cached page: pages a run before left (within their expiry) would lift its hit rate.
    clear = "from django.core.cache import caches; caches['pages'].clear()"
    subprocess.run([PY, "manage.py", "shell", "-c", clear], cwd=ROOT, env=env, check=True)  # noqa: S603
    with psycopg.connect(url) as conn:
        count = conn.execute("SELECT count(*) FROM providers_provider WHERE status = 'published'").fetchone()[0]
    if count < providers * 0.9:
        print(f"Seeding {providers:,} providers into {name} …", flush=True)
        subprocess.run(  # noqa: S603
            [PY, "manage.py", "seed_demo", "--providers", str(providers), "--force"], cwd=ROOT, env=env, check=True
        )


def url_lists(url: str, folder: Path) -> dict[str, Path]:
    import psycopg

    rng = random.Random(7)
    with psycopg.connect(url) as conn:
        slugs = [
            r[0]
            for r in conn.execute(
                "SELECT slug FROM providers_provider WHERE status = 'published' ORDER BY random() LIMIT 2000"
            )
        ]
        posts = [r[0] for r in conn.execute("SELECT slug FROM blog_post WHERE status = 'published'")]
        # Families search from many places: 200 ZIP codes where listings have offices, and the big metros.
        zips = METRO_ZIPS + [
            r[0]
            for r in conn.execute(
                "SELECT zip_code FROM (SELECT DISTINCT zip_code FROM providers_office) AS z"
                " ORDER BY md5(zip_code) LIMIT 200"
            )
        ]
    lists = {
        "search": [s.format(zip=rng.choice(zips)) for s in SEARCHES for _ in range(150)],
        "profile": [f"/providers/{slug}/" for slug in slugs],
        "home": ["/", "/about/"],
        "blog": ["/blog/"] + [f"/blog/{slug}/" for slug in posts],
        "healthz": ["/healthz"],
    }
    files = {}
    for kind, paths in lists.items():
        rng.shuffle(paths)
        files[kind] = folder / f"{kind}.txt"
        files[kind].write_text("\n".join(paths) + "\n")
    return files


def start_server(url: str, static_root: Path) -> tuple[subprocess.Popen, str]:
    port = localdb._free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "load-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "GUNICORN_ACCESSLOG": "",
        "STATIC_ROOT": str(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):  # noqa: S310 (loopback)
                return server, base
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("gunicorn did not start")


def warm_up(base: str, files: dict[str, Path]) -> None:
    for path_file in files.values():
        for path in path_file.read_text().split()[:15]:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310 (loopback)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database-url", default=None, help="default: database bench_<N> on the local cluster")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    if not args.database_url:
        localdb.start()  # the project-local cluster, started if it is not running (as scripts/run does)
    url = args.database_url or (localdb.database_url() or "").rsplit("/", 1)[0] + f"/bench_{args.providers // 1000}k"
    ensure_database(url, args.providers)

    folder = Path(tempfile.mkdtemp(prefix="tmhd-load-"))
    files = url_lists(url, folder)
    server, base = start_server(url, folder / "static")
    try:
        warm_up(base, files)
        total = sum(MIX.values())
        runs = {}
        for kind, share in MIX.items():
            connections = max(1, round(args.connections * share / total))
            runs[kind] = subprocess.Popen(  # noqa: S603
                [
                    shutil.which("wrk"),
                    "-t1",
                    f"-c{connections}",
                    f"-d{args.seconds}s",
                    "--timeout",
                    "10s",
                    "-s",
                    str(ROOT / "bench" / "wrk_report.lua"),
                    base,
                ],
                env={**os.environ, "WRK_PATHS": str(files[kind])},
                stdout=subprocess.PIPE,
                text=True,
            )
        results = {}
        for kind, process in runs.items():
            output, _ = process.communicate(timeout=args.seconds + 60)
            line = [x for x in output.splitlines() if x.startswith("{")][-1]
            results[kind] = json.loads(line)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"\n{args.providers:,} providers · {args.seconds} s · {args.connections} connections · "
        f"gunicorn {os.cpu_count()} cores\n"
    )
    print(
        f"{'kind':<10}{'conns':>6}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'cached':>8}"
    )
    for kind, r in results.items():
        connections = max(1, round(args.connections * MIX[kind] / sum(MIX.values())))
        print(
            f"{kind:<10}{connections:>6}{r['requests']:>10}{r['rps']:>9.1f}{r['p50'] / 1000:>9.1f}"
            f"{r['p95'] / 1000:>9.1f}{r['p99'] / 1000:>9.1f}{r['non2xx'] + r['socket_errors']:>9}"
            f"{r['cache_hits'] / max(r['requests'], 1):>8.0%}"
        )
    all_rps = sum(r["rps"] for r in results.values())
    errors = sum(r["non2xx"] + r["socket_errors"] for r in results.values())
    ratio = results["search"]["rps"] / results["healthz"]["rps"]
    print(f"\ntotal {all_rps:.1f} req/s · search:/healthz throughput {ratio:.2f} · non-2xx responses {errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
