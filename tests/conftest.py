"""Project-wide fixtures: a throwaway MEDIA_ROOT for every test, locmem email, and the browser harness."""

import os
from unittest import mock

import pytest
from django.db.models.signals import post_migrate

# live_server tests call the ORM from Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _site_language():
    # A request to a Spanish page leaves Spanish active in the test's thread (LocaleMiddleware activates a language
    # and nothing deactivates it): a test that then reads a model's English wording would depend on the test before.
    from django.utils import translation

    yield
    translation.deactivate()


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


class TaskWorker:
    """Works the task queue in the test's process, as `manage.py db_worker` would."""

    def run(self) -> int:
        from django.test import TestCase
        from django_tasks_db.management.commands.db_worker import Worker

        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,  # stop once nothing is due
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
            excluded_queue_names=[],
        )
        # A try that fails schedules the next one on commit: inside the test's transaction, run those callbacks.
        # The worker closes idle connections between tasks, which would end the test's transaction: not here.
        with (
            TestCase.captureOnCommitCallbacks(execute=True),
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        ):
            worker.run()
        return worker._run_tasks

    def pending(self):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="READY")  # due or not yet


@pytest.fixture
def task_worker(settings):
    """Emails go through the real queue (the settings' database backend) and are sent only by task_worker.run()."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return TaskWorker()


@pytest.fixture(autouse=True)
def _tasks_at_once(request, settings):
    # Tests about something other than delivery run each task as it is enqueued (django-tasks' immediate backend);
    # those about delivery ask for `task_worker` and keep the database backend the site uses.
    if "task_worker" not in request.fixturenames:
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _on_commit_outside_transactions_runs_at_once():
    # In production, code outside any transaction (a view sending a verification link) is in autocommit, so its
    # on_commit callbacks run at once. A test wraps everything in its own transaction, which would hold them back
    # forever; here they run at once as in production. Callbacks registered inside the code's own atomic blocks
    # still wait, for django_capture_on_commit_callbacks, exactly as before.
    from django.db import transaction

    real_on_commit = transaction.on_commit

    def on_commit(func, using=None, robust=False):
        blocks = transaction.get_connection(using).atomic_blocks
        if all(getattr(block, "_from_testcase", False) for block in blocks):
            return func()
        return real_on_commit(func, using=using, robust=robust)

    # Not monkeypatch: a test's monkeypatch.undo() would take this away too.
    with mock.patch.object(transaction, "on_commit", on_commit):
        yield


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
        # (a listing's tallies grow with its largest term id; providers migration 0019).
        from django.core.management.color import no_style
        from django.db import connections

        from providers.taxonomy import VOCABULARIES

        with connections[using].cursor() as cursor:
            for statement in connections[using].ops.sequence_reset_sql(no_style(), list(VOCABULARIES.values())):
                cursor.execute(statement)
        import_module("providers.migrations.0003_search_configuration_and_vocabulary").seed(_KindlessPayments(), None)
        import_module("providers.migrations.0015_fees_and_plans").seed_plans(apps, None)
        import_module("providers.migrations.0013_spanish_names").seed_spanish(apps, None)
        import_module("providers.migrations.0014_right_fit").seed(apps, None)
        import_module("providers.migrations.0017_spanish_names_for_the_right_fit").seed_spanish(apps, None)
        import_module("providers.migrations.0023_plans_way_to_pay").name_ways_to_pay(apps, None)


post_migrate.connect(_reseed_vocabulary, dispatch_uid="tests.reseed_vocabulary")


def _empty_the_cache(sender, **kwargs):
    # The same flush leaves the database caches' tables (no model owns them): rate-limit counts and stored search counts
    # a browser test committed would meet later tests (a contact form refused at its first message). Empty them too.
    if sender.label != "providers":
        return
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


post_migrate.connect(_empty_the_cache, dispatch_uid="tests.empty_the_cache")


class _KindlessPayments:
    """Today's models for migration 0003's seed, whose payment options had a kind: its insurance plans are
    InsurancePlan terms since providers 0015 (seeded there), and the ways to pay have no kind any more."""

    def get_model(self, app_label, model_name):
        from django.apps import apps

        model = apps.get_model(app_label, model_name)
        return _KindlessModel(model) if model_name == "PaymentOption" else model


class _KindlessModel:
    def __init__(self, model):
        self.objects = self
        self.model = model

    def update_or_create(self, defaults=None, **lookup):
        defaults = dict(defaults or {})
        if defaults.pop("kind", "method") == "plan":
            return None, False
        return self.model.objects.update_or_create(defaults=defaults, **lookup)


def _resync_founders_group(sender, using="default", **kwargs):
    # The same flush empties the Founders group made by migration providers.0005: put it back, with the
    # permissions post_migrate has just recreated (each app's in turn, so the last call sees them all).
    from providers.founders import sync_founders_group

    sync_founders_group()


post_migrate.connect(_resync_founders_group, dispatch_uid="tests.resync_founders_group")
