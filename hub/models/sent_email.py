from django.db import models


class SentEmail(models.Model):
    """One row per e-mail the ``send_email`` task sent, by the key its sender gave it.

    Makes the task idempotent: a retry or a second run of the same call finds the key and
    sends nothing. Only the key and the time are kept, not the message (it may hold a
    one-time link).
    """

    key = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
