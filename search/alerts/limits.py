"""Limits on following searches, so the form cannot be used to flood an inbox or the tables.

Per client address: a few follow requests an hour (cache counters: one key per client and
hour, cheap whatever the load), answered with a 429 page. Per e-mail address: a few
confirmation e-mails a day and a bounded number of subscriptions; past those the visitor
sees the same neutral page as always and nothing is sent, so the limit tells nothing about
the address either.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils import timezone

CLIENT_REQUESTS_PER_HOUR = 10
ADDRESS_MAILS_PER_DAY = 3
ADDRESS_SUBSCRIPTIONS = 20


def _count(key: str, timeout: int) -> int:
    """Add one to the counter ``key`` and return it (the first call starts its timeout)."""
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout)
        return 1


def client_allowed(address: str | None) -> bool:
    hour = timezone.now().strftime("%Y%m%d%H")
    return _count(f"alerts:client:{address or 'unknown'}:{hour}", 3600) <= CLIENT_REQUESTS_PER_HOUR


def _address_key(email: str) -> str:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return f"alerts:mail:{digest}:{timezone.now():%Y%m%d}"


def mail_allowed(email: str) -> bool:
    """Whether one more e-mail may go to ``email`` today (and count it)."""
    return _count(_address_key(email), 86400) <= ADDRESS_MAILS_PER_DAY
