"""The one way the site sends email: a task, `deliver_email`, run by the worker (`manage.py db_worker`).

Nothing here talks to the mail server inside a request: a request only stores the email (an outbox row:
core.models.QueuedEmail, or a family's providers.enquiries.ContactMessage) and, once its transaction commits,
enqueues this task with the row's label and id. The task row holds no text of the email, only where to find it.
"""

from django.apps import apps
from django_tasks import task


@task()
def deliver_email(model_label: str, pk: int, due: str) -> str:
    """Tries to send one outbox row (see core.outbox.OutboxItem.deliver); `due` names the try this task is for."""
    item = apps.get_model(model_label).objects.filter(pk=pk).first()
    if item is None:
        return "gone"
    return item.deliver(due)
