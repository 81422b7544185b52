"""Asking to follow a search, confirming, unsubscribing.

Whatever the address, the visitor who asks sees the same page, and the address receives one
e-mail (a confirmation link, or a note that it already follows the search) unless it has had
its share today: nothing tells the visitor whether an address is subscribed. Nothing but the
confirmation is ever sent before the link is followed.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import limits, mail
from .digests import record_baseline
from .models import (
    CONFIRM_DAYS,
    FollowedSearch,
    Subscription,
    new_public_id,
    public_id_of,
    token_hash,
)


def request_subscription(email, query, language, frequency, request=None) -> None:
    email = email.strip().lower()
    if not limits.mail_allowed(email):
        return
    subscription = Subscription.objects.filter(
        email=email, search__language=language, search__query=query
    ).first()
    if subscription is not None and subscription.confirmed_at:
        mail.send_confirmation(subscription, token=None, request=request)
        return
    if subscription is None:
        if Subscription.objects.filter(email=email).count() >= limits.ADDRESS_SUBSCRIPTIONS:
            return
        subscription = _create(email, query, language, frequency)
        if subscription is None:
            return
    token = subscription.new_confirm_token()
    subscription.frequency = frequency
    subscription.confirm_sent_at = timezone.now()
    subscription.save()
    mail.send_confirmation(subscription, token, request)


def _create(email, query, language, frequency) -> Subscription | None:
    search, _created = FollowedSearch.objects.get_or_create(language=language, query=query)
    try:
        with transaction.atomic():
            return Subscription.objects.create(
                search=search, email=email, frequency=frequency, public_id=new_public_id()
            )
    except IntegrityError:  # the same request twice at once
        return None


def pending(token: str) -> Subscription | None:
    """The unconfirmed subscription a confirmation token names, while the link is valid."""
    since = timezone.now() - datetime.timedelta(days=CONFIRM_DAYS)
    return (
        Subscription.objects.filter(confirm_token_hash=token_hash(token), confirmed_at__isnull=True)
        .filter(confirm_sent_at__gte=since)
        .select_related("search")
        .first()
    )


def confirm(subscription: Subscription) -> None:
    """Confirmed from now: what already matches is not news, the next digest starts here."""
    now = timezone.now()
    with transaction.atomic():
        subscription.confirmed_at = now
        subscription.last_digest_at = now
        subscription.confirm_token_hash = ""
        subscription.save()
        record_baseline(subscription)


def unsubscribe(token: str) -> bool:
    """Forget the subscription (and its address); False when the token is not ours. A valid
    token whose subscription is already gone is fine: one-click may be clicked twice."""
    public_id = public_id_of(token)
    if public_id is None:
        return False
    Subscription.objects.filter(public_id=public_id).delete()
    return True
