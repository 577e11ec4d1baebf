"""runserver (scripts/run's server) with room for many people connecting at once.

Django's development server keeps 10 connections waiting to be accepted. When more arrive together, Linux drops
their handshakes and each browser waits a second or more before trying again; under fifty people clicking at once
a few waited past 30 seconds. A longer queue costs nothing. Everything else is whitenoise's runserver (which leaves
static files to WhiteNoise), so this app comes before whitenoise.runserver_nostatic in INSTALLED_APPS.
"""

from django.core.servers.basehttp import WSGIServer
from whitenoise.runserver_nostatic.management.commands.runserver import Command as NoStaticRunserverCommand


class RoomyWSGIServer(WSGIServer):
    request_queue_size = 1024  # Linux caps it at net.core.somaxconn (4096 on our machines)


class Command(NoStaticRunserverCommand):
    server_cls = RoomyWSGIServer
