"""Works the task queue (core.taskdb): every email the site sends is delivered here, never in a request.

Run one (or more) next to the web server: `scripts/run` starts one; in production a systemd unit keeps it running
(docs/deploy.md). SIGTERM or SIGINT lets the task in hand finish, then the worker stops.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks.utils import get_random_id

from core.taskdb import claim_next, prune_finished, run


class Command(BaseCommand):
    help = "Runs queued background tasks (emails) as they fall due, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="default", help="Comma-separated queues to work (default).")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at an empty queue.")
        parser.add_argument("--batch", action="store_true", help="Run the tasks due now, then stop.")

    def handle(self, *args, queue_name, interval, batch, **options):
        self.stopping = False
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, self.stop)
        queues, worker_id = queue_name.split(","), get_random_id()
        self.stdout.write(f"Task worker {worker_id} working queue(s) {', '.join(queues)}")
        ran, last_prune = 0, 0.0
        while not self.stopping:
            close_old_connections()  # a database restart between tasks is survived, not fatal
            try:
                record = claim_next(queues, worker_id)
            except Exception as error:  # the database is away: wait and look again
                self.stderr.write(f"Task queue unavailable: {error}")
                record = None
                if batch:
                    raise
            if record is not None:
                run(record)
                ran += 1
                continue
            if batch:
                break
            if time.monotonic() - last_prune > 3600:
                last_prune = time.monotonic()
                try:
                    prune_finished()
                except Exception as error:  # housekeeping only: never stops the worker
                    self.stderr.write(f"Could not prune finished tasks: {error}")
            time.sleep(interval)
        if batch:
            self.stdout.write(f"Ran {ran} task{'s' if ran != 1 else ''}.")

    def stop(self, signum, frame):
        self.stopping = True
