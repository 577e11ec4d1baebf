"""scripts/run's server: runserver with an accept queue long enough for many people connecting at once."""

from django.core.management import get_commands, load_command_class

from tests.directory.test_connection_budget import CLIENTS


def runserver_command():
    return load_command_class(get_commands()["runserver"], "runserver")


def test_runserver_is_the_one_with_the_longer_accept_queue():
    assert get_commands()["runserver"] == "core"
    # Django's own queue holds 10; the connection-budget test sends 50 people at once.
    assert runserver_command().server_cls.request_queue_size >= CLIENTS


def test_runserver_still_leaves_static_files_to_whitenoise():
    parser = runserver_command().create_parser("manage.py", "runserver")
    assert parser.get_default("use_static_handler") is False
