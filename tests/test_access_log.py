"""The production server's access log never writes down what a family searched for or where they are: gunicorn's
default line holds the client's address, the whole URL (the words, ZIP code or street typed), the referrer and the
browser; ours keeps the time, the path, the status, the size and the time taken (gunicorn.conf.py)."""

import datetime
import runpy
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger

ROOT = Path(__file__).resolve().parent.parent


def access_line(path, query, **headers):
    """The line gunicorn writes for one request, with the settings of the project's gunicorn.conf.py (loaded as
    gunicorn loads a config file: its names that are gunicorn settings)."""
    cfg = Config()
    for name, value in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items():
        if name in cfg.settings:
            cfg.set(name, value)
    logger = Logger(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?{query}",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.7",
        "HTTP_REFERER": headers.get("referer", "-"),
        "HTTP_USER_AGENT": headers.get("agent", "-"),
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=5120)
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", "198.51.100.9")])
    took = datetime.timedelta(milliseconds=42)
    return cfg.access_log_format % logger.atoms_wrapper_class(logger.atoms(response, request, environ, took))


def test_a_search_is_logged_without_its_words_place_or_who_asked():
    line = access_line(
        "/search/",
        "q=intrusive+thoughts&near=12+Oak+Ave%2C+Somerville%2C+MA",
        referer="https://directory.example.org/?q=postpartum",
        agent="Mozilla/5.0 (iPhone)",
    )
    assert '"GET /search/" 200 5120 42ms' in line
    for private in ("intrusive", "Oak", "Somerville", "203.0.113.7", "198.51.100.9", "iPhone", "postpartum"):
        assert private not in line
