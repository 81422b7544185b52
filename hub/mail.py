"""E-mail through the task worker: ``queue_email`` returns at once, the worker sends.

The SMTP server may be slow or briefly down; neither should hold a request or lose a message.
``send_email`` is retried (``hub.tasks``) and idempotent: every message carries a key made
when it is queued, and a key already sent is not sent again (``SentEmail``), so a retry or a
task run twice never sends twice. A crash between the SMTP server's acceptance and the row's
write would send once more on the retry: at least once, never silently lost.
"""

import uuid

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from .models import SentEmail
from .tasks import retried_task


@retried_task(attempts=5, backoff=60)
def send_email(key: str, subject: str, body: str, to: list[str], from_email=None) -> bool:
    """Send one plain-text message unless ``key`` was sent already; True when sent now."""
    if SentEmail.objects.filter(key=key).exists():
        return False
    EmailMessage(subject, body, from_email, to).send()
    try:
        with transaction.atomic():
            SentEmail.objects.create(key=key)
    except IntegrityError:  # another worker sent the same key meanwhile
        pass
    return True


def queue_email(subject: str, body: str, to: list[str], from_email=None):
    """Queue a message for the worker (sent at once with the immediate backend)."""
    return send_email.enqueue(uuid.uuid4().hex, subject, body, list(to), from_email)
