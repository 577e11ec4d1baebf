"""Stateless app servers: media through STORAGES (S3 when a bucket is set), search reads on a replica."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections

from core.routers import ReplicaRouter, read_alias, reading_from_replica
from providers.models import Provider

ROOT = Path(__file__).resolve().parents[2]


def settings_value(expression, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DATABASE_REPLICA"))}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, **env, "DJANGO_SETTINGS_MODULE": "directory.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_media_is_stored_on_the_local_disk_by_default():
    assert settings_value('settings.STORAGES["default"]["BACKEND"]') == "django.core.files.storage.FileSystemStorage"


def test_setting_a_bucket_puts_media_on_s3_compatible_storage_and_allows_its_images():
    env = {"AWS_STORAGE_BUCKET_NAME": "tmhd-media", "AWS_S3_ENDPOINT_URL": "https://objects.example.net"}
    assert settings_value('settings.STORAGES["default"]["BACKEND"]', **env) == "storages.backends.s3.S3Storage"
    assert settings_value('settings.STORAGES["default"]["OPTIONS"]["bucket_name"]', **env) == "tmhd-media"
    img_src = settings_value('settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]', **env)
    assert "https://tmhd-media.s3.amazonaws.com" in img_src


def test_the_s3_backend_builds_public_urls_without_signatures(settings):
    from storages.backends.s3 import S3Storage

    storage = S3Storage(
        bucket_name="tmhd-media", custom_domain="media.example.org", location="media", querystring_auth=False
    )
    assert storage.url("providers/photos/abc.webp") == "https://media.example.org/media/providers/photos/abc.webp"


def test_a_replica_is_configured_from_the_environment_and_mirrors_the_primary_in_tests():
    env = {"DATABASE_REPLICA_URL": "postgres://reader@replica.internal:5432/directory"}
    assert settings_value('settings.DATABASES["replica"]["HOST"]', **env) == "replica.internal"
    assert settings_value('settings.DATABASES["replica"]["TEST"]["MIRROR"]', **env) == "default"


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")  # a replica alias only, never connected to
def test_router_reads_from_the_replica_only_inside_search_and_never_writes_there(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    router = ReplicaRouter()
    assert router.db_for_read(Provider) == "default"
    with reading_from_replica():
        assert router.db_for_read(Provider) == "replica"
        assert read_alias() == "replica"
        assert router.db_for_write(Provider) == "default"
    assert router.db_for_read(Provider) == "default"
    assert router.allow_migrate("replica", "providers") is False
    assert router.allow_migrate("default", "providers") is True


def test_without_a_replica_everything_reads_from_the_primary():
    assert "replica" not in connections.settings
    with reading_from_replica():
        assert read_alias() == "default"
        assert ReplicaRouter().db_for_read(Provider) == "default"


@pytest.mark.django_db
def test_sessions_live_in_the_database_so_any_app_server_can_serve_any_request(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
