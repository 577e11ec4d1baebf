"""Production-like gunicorn settings, each overridable from the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# cores + 1: a request is mostly CPU (here or in PostgreSQL on the same cores), so more workers only contend. Under
# bench/load.py at 100,000 listings on 2 cores: 3 workers 285 req/s (search p95 301 ms), 5 workers 273 (333 ms),
# 8 workers 247 (387 ms). With the database on another machine, try more.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycling guards against slow leaks.
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log (benchmarks)
# What a family searched for, and from where, is never written down (the about page promises no IP address is kept):
# the time, the method, the path without its query string (no words, ZIP code or address), the status, the size and
# the milliseconds taken. gunicorn's default line has the client's address, the whole URL, referrer and browser.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# gunicorn 27 opens a control socket in the home folder by default; the site does not need it.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "directory.wsgi:application"


def post_request(worker, req, environ, resp):
    """After a worker's 1st, 2nd, 4th ... 1024th request, moves what it has built so far (modules, compiled
    templates, the vocabulary, URL patterns) out of the cyclic garbage collector's reach (gc.freeze). A full
    collection then walks only what requests create: ~5 ms instead of ~50 ms, paid by one request in a hundred or
    so, which made a search's p95 (docs/performance.md). What is frozen is never collected: nothing of a request's
    outlives it, so only the worker's own lasting objects are."""
    if worker.nr <= 1024 and worker.nr & (worker.nr - 1) == 0:
        gc.freeze()
