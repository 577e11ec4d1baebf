"""Search benchmark: the production-like server over a seeded directory, a fixed set of searches over HTTP.

    .venv/bin/python bench/search.py --providers 100000            # seeds bench_search_100000 once, then reuses it
    .venv/bin/python bench/search.py --providers 1000 --repeat 30
    .venv/bin/python bench/search.py --database bench_100k          # an existing seeded database, as it is
    .venv/bin/python bench/search.py --providers 100000 --explain   # and EXPLAIN ANALYZE the slowest search
    .venv/bin/python bench/search.py --database bench_search_100000 --baseline /tmp/before  # a checkout beside
    .venv/bin/python bench/search.py --database bench_search_100000 --baseline /tmp/before \
        --baseline-database bench_before   # when the change migrates: seeded by the baseline's own code

Seeds (or reuses) a dedicated database with `seed_demo --providers N`, starts gunicorn through scripts/serve (DEBUG
off, no access log, the whole-page cache off so the search itself is timed) on a free loopback port, and requests
each search sequentially: concurrent warm-up requests first (every worker has its connection and vocabulary), then
--repeat timed ones. Prints p50/p95 per search and overall, the SQL statements per page (X-Search-Queries, sent
only with SEARCH_DEBUG_QUERY_COUNT=1), the page's HTML size and the gunicorn workers' resident memory; stops the
server by its process group. Results go to bench/results/ as JSON. Before and after, it times a fixed Python loop
and a fixed SQL statement (machine_speed), so figures from machines of different speed can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"

# (name, query string). TYPO is replaced by a real surname from the database with one letter dropped.
SEARCHES = [
    ("no filters", ""),
    ("near a ZIP", "near=02139"),
    ("near + 3 filters", "near=02139&concern=birth-trauma&payment=medicaid&language=es"),
    ("telehealth in a state", "near=Austin%2C+TX&format=telehealth"),
    ("free text", "q=EMDR"),
    ("free text + filters", "q=birth+trauma&near=60601&type=therapist&accepting=1"),
    ("sorted by distance", "near=10001&sort=distance"),
    ("deep page", "near=10001&page=12"),
    ("deep page, nationwide", "sort=name&page=200"),
    ("no results", "near=59001&concern=nicu&language=asl&payment=tricare"),
    ("typo'd name", "q=TYPO"),
    ("broad free text", "q=postpartum"),
    ("city, state", "near=Los+Angeles%2C+CA&radius=10"),
    ("nationwide filter", "concern=perinatal-anxiety&practice=consent-before-touch"),
    ("crisis words", "q=intrusive+thoughts&near=98101"),
    ("whole state", "near=California"),  # the largest state: its offices and telehealth licensed there
]
STATUS_RE = re.compile(r'id="search-status"[^>]*>([\d,]+) provider')


def local_server_url() -> str:
    """The project-local PostgreSQL cluster's server URL, started first if it is not running (as scripts/run does)."""
    for command in ("start", "url"):
        out = subprocess.run(  # noqa: S603  (our own interpreter and module)
            [str(PYTHON), "-m", "core.localdb", command], cwd=ROOT, capture_output=True, text=True
        )
        if out.returncode:
            sys.exit(f"The local PostgreSQL cluster could not be used:\n{out.stdout}{out.stderr}")
    return out.stdout.strip().rsplit("/", 1)[0]


def sql(url: str, query: str, params=(), autocommit=True):
    import psycopg

    with psycopg.connect(url, autocommit=autocommit) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else None


def published(url: str) -> int | None:
    try:
        return sql(url, "SELECT count(*) FROM providers_provider WHERE status = 'published'")[0][0]
    except Exception:  # noqa: BLE001  (no such table: not seeded yet)
        return None


def manage(database_url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare(server: str, name: str, providers: int | None) -> str:
    """The database URL, seeded with `providers` published listings unless it already holds exactly that many."""
    url = f"{server}/{name}"
    exists = sql(f"{server}/postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [name])
    count = published(url) if exists else None
    if providers is None or count == providers:
        print(f"Using {name}: {count:,} published listings", flush=True)
        manage(url, "migrate", "--no-input", "-v", "0")
        sql(url, "VACUUM (ANALYZE) providers_provider, providers_office")  # after any migration's rewrite
        return url
    print(f"Seeding {name} with {providers:,} listings (seed_demo)...", flush=True)
    started = time.monotonic()
    sql(f"{server}/postgres", f'DROP DATABASE IF EXISTS "{name}"')
    sql(f"{server}/postgres", f'CREATE DATABASE "{name}"')
    manage(url, "migrate", "--no-input", "-v", "0")
    manage(url, "seed_demo", "--providers", str(providers))
    # As autovacuum would soon after a bulk load: statistics, and a clean visibility map for the copies.
    sql(url, "VACUUM (ANALYZE) providers_provider, providers_office")
    print(f"Seeded in {time.monotonic() - started:.0f} s", flush=True)
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int, root: Path = ROOT) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SEARCH_DEBUG_QUERY_COUNT": "1",
        # The whole-page cache (providers.pagecache) would answer repeated URLs without searching at all:
        # this benchmark measures the search itself.
        "PAGE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen([str(root / "scripts" / "serve")], cwd=root, env=env, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("The server exited while starting.")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    stop_server(process)
    sys.exit("The server did not answer within 90 s.")


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn and its workers: our own process group only
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fetch(port: int, query: str) -> tuple[float, bytes, dict]:
    url = f"http://127.0.0.1:{port}/search/" + (f"?{query}" if query else "")
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
        return (time.perf_counter() - started) * 1000, body, dict(response.headers)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def warm(port: int, queries) -> None:
    """Concurrent requests reach every worker (its connection, its vocabulary), so the figures are the steady state,
    not a worker's first request."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) * 4) as pool:
        list(pool.map(lambda query: fetch(port, query), list(queries) * (os.cpu_count() or 1) * 4))


def measure(ports: list[int], searches, repeat: int) -> list[list[dict]]:
    """Each search `repeat` times on each server, one request at a time; with two servers (--baseline) their
    requests alternate, first one then the other, so both meet the machine in the same state."""
    for port in ports:
        warm(port, [query for _, query in searches])
    rows = [[] for _ in ports]
    for name, query in searches:
        samples = [{"times": [], "queries": [], "size": 0, "total": None} for _ in ports]
        for port in ports:
            warm(port, [query])
        for turn in range(repeat):
            order = list(range(len(ports)))
            for i in order if turn % 2 == 0 else reversed(order):
                elapsed, body, headers = fetch(ports[i], query)
                sample = samples[i]
                sample["times"].append(elapsed)
                sample["queries"].append(int(headers.get("X-Search-Queries", "-1")))
                sample["size"] = max(sample["size"], len(body))
                match = STATUS_RE.search(body.decode())
                sample["total"] = int(match.group(1).replace(",", "")) if match else None
        for i, sample in enumerate(samples):
            times, queries = sample["times"], sample["queries"]
            rows[i].append(
                {
                    "search": name,
                    "query": query,
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(percentile(times, 0.95), 1),
                    "max_ms": round(max(times), 1),
                    "queries": statistics.median_low(queries),
                    "queries_max": max(queries),
                    "html_kb": round(sample["size"] / 1024, 1),
                    "results": sample["total"],
                    "times": [round(t, 2) for t in times],
                }
            )
        line = "  ".join(f"p50 {r[-1]['p50_ms']:>7.1f} ms  p95 {r[-1]['p95_ms']:>7.1f} ms" for r in rows)
        print(f"  {name:<24} {line}", flush=True)
    return rows


def compare(baseline: list[dict], current: list[dict]) -> None:
    """The two servers side by side: p50 and p95 of each search, and the change."""
    print(f"\n| {'search':<24} | p50 baseline | p50 this | change | p95 baseline | p95 this | change |")
    print(f"|{'-' * 26}|--------------|----------|--------|--------------|----------|--------|")
    pairs = [*zip(baseline, current, strict=True), ({"times": all_times(baseline)}, {"times": all_times(current)})]
    for before, after in pairs:
        name = before.get("search", "all searches")
        b50, a50 = statistics.median(before["times"]), statistics.median(after["times"])
        b95, a95 = percentile(before["times"], 0.95), percentile(after["times"], 0.95)
        print(
            f"| {name:<24} | {b50:>12.1f} | {a50:>8.1f} | {(a50 - b50) / b50:>+6.0%} "
            f"| {b95:>12.1f} | {a95:>8.1f} | {(a95 - b95) / b95:>+6.0%} |"
        )


def all_times(rows: list[dict]) -> list[float]:
    return [t for row in rows for t in row["times"]]


def report(title: str, rows: list[dict]) -> None:
    everything = all_times(rows)
    print(f"\n{title}")
    print(f"| {'search':<24} | results | p50 ms | p95 ms | queries (max) | HTML KB |")
    print(f"|{'-' * 26}|---------|--------|--------|---------------|---------|")
    for row in rows:
        results = f"{row['results']:,}" if row["results"] is not None else "?"
        print(
            f"| {row['search']:<24} | {results:>7} | {row['p50_ms']:>6.1f} | {row['p95_ms']:>6.1f} "
            f"| {row['queries']:>6} ({row['queries_max']:>3}) | {row['html_kb']:>7.1f} |"
        )
    print(
        f"| {'all searches':<24} | {'':>7} | {statistics.median(everything):>6.1f} "
        f"| {percentile(everything, 0.95):>6.1f} | {max(r['queries'] for r in rows):>6} "
        f"({max(r['queries_max'] for r in rows):>3}) "
        f"| {max(r['html_kb'] for r in rows):>7.1f} |"
    )


def typo_name(database_url: str) -> str:
    """A longer surname from the directory with a letter dropped near its end: "Whitfield" -> "Whitfeld"."""
    rows = sql(
        database_url,
        "SELECT split_part(display_name, ' ', 2) FROM providers_provider WHERE status = 'published'"
        " AND display_name ~ '^[A-Za-z]+ [A-Za-z]{8,}$' ORDER BY id LIMIT 1",
    )
    surname = rows[0][0] if rows else "Whitfield"
    return surname[:-3] + surname[-2:]


def machine_speed(database_url: str) -> dict:
    """How fast this machine is right now, so figures from different machines (or moments: a shared host's speed
    varies) can be compared: the best of five runs of a fixed pure-Python loop, and of a fixed PostgreSQL
    statement (docs/performance.md gives them with each table)."""
    import psycopg

    def loop():
        total = 0
        for i in range(2_000_000):
            total += i
        return total

    python_ms, sql_ms = [], []
    with psycopg.connect(database_url, autocommit=True) as conn:
        for _ in range(5):
            start = time.perf_counter()
            loop()
            python_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            conn.execute("SELECT sum(i) FROM generate_series(1, 2000000) i").fetchone()
            sql_ms.append((time.perf_counter() - start) * 1000)
    return {"python_loop_ms": round(min(python_ms), 1), "postgresql_sum_ms": round(min(sql_ms), 1)}


def worker_memory_mb(master_pid: int) -> list[float]:
    """Resident memory (RSS) of each gunicorn worker: scripts/serve execs gunicorn, so its pid is the master's."""
    out = subprocess.run(["ps", "-o", "rss=", "--ppid", str(master_pid)], capture_output=True, text=True)  # noqa: S603,S607
    return sorted(round(int(rss) / 1024, 1) for rss in out.stdout.split())


def explain(database_url: str, query: str) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the search's statement, built by the same code the page uses."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "directory.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict

    from directory.search import session, statement
    from directory.search.criteria import PER_PAGE
    from directory.search.filters import SearchFilterSet

    search = SearchFilterSet(QueryDict(query)).search()
    built = statement.build(search, connection, facets=True, with_total=True, offset=0, limit=PER_PAGE)
    session.configure(connection)
    print(f"\nEXPLAIN ANALYZE for /search/?{query}")
    with connection.cursor() as cursor:
        cursor.execute(built.sql, built.params)  # warm, as a server that has run a while would be
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + built.sql, built.params)
        print("\n" + "\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--providers", type=int, default=100_000, help="Published listings to seed.")
    parser.add_argument("--database", help="Use this existing database as it is (no seeding).")
    parser.add_argument("--repeat", type=int, default=20, help="Timed requests per search.")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the slowest search.")
    parser.add_argument(
        "--baseline",
        help="Another checkout (e.g. a git worktree of an earlier commit) served beside this one on the same database,"
        " requests alternating: a change measured on a machine whose speed drifts.",
    )
    parser.add_argument(
        "--baseline-database",
        help="The database the baseline serves, when the change alters the schema: seeded by the baseline's own code"
        " with the same seed_demo (docs/performance.md); unapplying the change's migrations on a copy can leave"
        " columns stored unlike a fresh database.",
    )
    args = parser.parse_args()

    server = local_server_url()
    name = args.database or f"bench_search_{args.providers}"
    database_url = prepare(server, name, None if args.database else args.providers)
    searches = [(n, q.replace("TYPO", typo_name(database_url))) for n, q in SEARCHES]
    results = {"database": name, "providers": published(database_url), "cpus": os.cpu_count()}
    results["machine_before"] = machine_speed(database_url)
    roots = [Path(args.baseline).resolve(), ROOT] if args.baseline else [ROOT]
    ports = [free_port() for _ in roots]
    urls = [f"{server}/{args.baseline_database}", database_url] if args.baseline_database else [database_url] * 2
    if args.baseline_database:
        sql(urls[0], "VACUUM (ANALYZE) providers_provider, providers_office")
    processes = []
    try:
        for root, port, url in zip(roots, ports, urls[-len(roots) :], strict=True):
            print(f"\nServer on 127.0.0.1:{port} from {root} on {url.rsplit('/', 1)[-1]}", flush=True)
            processes.append(start_server(url, port, root))
        measured = measure(ports, searches, args.repeat)
        results["searches"] = measured[-1]
        results["worker_rss_mb"] = worker_memory_mb(processes[-1].pid)
    finally:
        for process in processes:
            stop_server(process)
    results["machine_after"] = machine_speed(database_url)
    print(f"\n{results['providers']:,} published listings, {args.repeat} requests per search, one at a time")
    report("PostgreSQL, counts computed every request (the whole directory's kept per change)", results["searches"])
    if args.baseline:
        results["baseline"] = {"root": str(roots[0]), "searches": measured[0]}
        report(f"Baseline: {roots[0]}, its requests alternating with these", measured[0])
        compare(measured[0], measured[-1])
    print(f"\nResident memory per gunicorn worker after the run: {results['worker_rss_mb']} MB")
    before, after = results["machine_before"], results["machine_after"]
    print(
        f"Machine speed (best of 5; lower is faster), before / after: Python loop {before['python_loop_ms']} / "
        f"{after['python_loop_ms']} ms, PostgreSQL sum {before['postgresql_sum_ms']} / {after['postgresql_sum_ms']} ms"
    )
    out = ROOT / "bench" / "results" / f"search-{results['providers']}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(f"\nWritten to {out.relative_to(ROOT)}")
    if args.explain:
        slowest = max(results["searches"], key=lambda row: row["p95_ms"])
        explain(database_url, slowest["query"])


if __name__ == "__main__":
    main()
