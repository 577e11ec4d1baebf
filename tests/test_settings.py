"""The settings fail closed: with DEBUG off they refuse to start without a real secret key and host names."""

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
