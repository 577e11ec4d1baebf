"""Project-wide fixtures: a throwaway MEDIA_ROOT for every test, locmem email, and the browser harness."""

import os

import pytest
from django.db.models.signals import post_migrate

# live_server tests call the ORM from Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    # The in-process vocabulary cache must not carry terms from one test's database state to the next.
    from providers.taxonomy import Vocabulary

    Vocabulary.clear()
    yield
    Vocabulary.clear()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Whole-page caching is tested on its own (tests/directory/test_pagecache.py); elsewhere every response is fresh.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _reseed_vocabulary(sender, using="default", **kwargs):
    # Browser (transactional) tests end with a flush that empties every table, including the vocabulary seeded by
    # migration 0003, and pytest may run them before other database tests. The flush then sends post_migrate: put
    # the vocabulary back so every later test finds the same terms.
    if sender.label != "providers":
        return
    from importlib import import_module

    from django.apps import apps

    from providers.taxonomy import ProviderType

    if not ProviderType.objects.using(using).exists():
        # The flush keeps the id sequences going: restart them, so term ids stay as small as a real directory's
        # (a listing's packed facet words grow with its largest term id; providers migration 0007).
        from django.core.management.color import no_style
        from django.db import connections

        from providers.taxonomy import VOCABULARIES

        with connections[using].cursor() as cursor:
            for statement in connections[using].ops.sequence_reset_sql(no_style(), list(VOCABULARIES.values())):
                cursor.execute(statement)
        import_module("providers.migrations.0003_search_configuration_and_vocabulary").seed(apps, None)


post_migrate.connect(_reseed_vocabulary, dispatch_uid="tests.reseed_vocabulary")


def _resync_founders_group(sender, using="default", **kwargs):
    # The same flush empties the Founders group made by migration providers.0005: put it back, with the
    # permissions post_migrate has just recreated (each app's in turn, so the last call sees them all).
    from providers.founders import sync_founders_group

    sync_founders_group()


post_migrate.connect(_resync_founders_group, dispatch_uid="tests.resync_founders_group")
