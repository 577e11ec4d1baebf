"""The settings fail closed: with DEBUG off they refuse to start without a real secret key and host names. Database
connections come from a bounded pool sized from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import django; from django.conf import settings; django.setup(); print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "directory.settings"},
        capture_output=True,
        text=True,
    )


def test_development_defaults_start():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DEBUG": "0", "ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"DEBUG": "0", "ALLOWED_HOSTS": "example.org", "SECRET_KEY": "short"}, "SECRET_KEY"),
        (
            {
                "DEBUG": "0",
                "ALLOWED_HOSTS": "example.org",
                "SECRET_KEY": "django-insecure-development-only-never-use-in-production",
            },
            "SECRET_KEY",
        ),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_safe_settings(env, message):
    result = load_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_starts_with_a_real_secret_and_hosts():
    result = load_settings(DEBUG="false", SECRET_KEY="k" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def database_settings(**env):
    """settings.DATABASES as a fresh process reads them from `env`."""
    ours = ("DB_POOL", "CONN_MAX_AGE", "DATABASE_REPLICA_URL")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    code = "import json; from django.conf import settings; print(json.dumps(settings.DATABASES))"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, **env, "DJANGO_SETTINGS_MODULE": "directory.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_connections_come_from_a_bounded_pool_by_default():
    default = database_settings()["default"]
    assert default["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 10, "timeout": 5}
    assert default["CONN_MAX_AGE"] == 0  # Django's pool refuses persistent connections
    assert default["CONN_HEALTH_CHECKS"]  # the pool checks a connection before lending it


def test_the_pool_size_comes_from_the_environment_for_the_replica_too():
    databases = database_settings(
        DB_POOL_MAX_SIZE="4", DB_POOL_TIMEOUT="3", DATABASE_REPLICA_URL="postgres://reader@replica.example/directory"
    )
    for alias in ("default", "replica"):
        assert databases[alias]["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 4, "timeout": 3}
    assert database_settings(DB_POOL_MAX_SIZE="1")["default"]["OPTIONS"]["pool"]["min_size"] == 1


def test_without_the_pool_connections_persist_for_conn_max_age():
    default = database_settings(DB_POOL="off", CONN_MAX_AGE="30")["default"]
    assert "pool" not in default.get("OPTIONS", {})
    assert default["CONN_MAX_AGE"] == 30
    assert database_settings(DB_POOL="off")["default"]["CONN_MAX_AGE"] == 60
