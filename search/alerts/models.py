"""Followed searches and their e-mail subscriptions.

A ``FollowedSearch`` is one canonical search in one language (``canonical.py``); editors see
how many confirmed subscriptions follow each, never who. A ``Subscription`` holds an address
until it is unsubscribed (the row is then deleted). Its confirmation token is stored only as a
hash; the unsubscribe token is derived from ``public_id`` with the site's secret, so every
e-mail can carry it and a copy of the database alone cannot forge one. ``SentItem`` records
every item a subscription has seen (those already matching when it was confirmed, then each
digest's): a rerun of the digests never sends an item twice.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

# How long a confirmation link works; unconfirmed addresses are forgotten after it.
CONFIRM_DAYS = 7


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class FollowedSearchQuerySet(models.QuerySet):
    def with_followers(self):
        confirmed = Q(subscriptions__confirmed_at__isnull=False)
        return self.annotate(
            followers=Count("subscriptions", filter=confirmed),
            daily=Count("subscriptions", filter=confirmed & Q(subscriptions__frequency="daily")),
            weekly=Count("subscriptions", filter=confirmed & Q(subscriptions__frequency="weekly")),
        ).filter(followers__gt=0)


class FollowedSearch(models.Model):
    language = models.CharField(_("language"), max_length=10)
    query = models.TextField(_("search"), blank=True)  # canonical: sorted, urlencoded
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed search")
        verbose_name_plural = _("followed searches")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["language", "query"], name="alerts_search_unique")
        ]

    def __str__(self):
        return f"{self.language}: {self.query or '*'}"

    def path(self) -> str:
        with translation.override(self.language):
            path = reverse("search:page")
        return f"{path}?{self.query}" if self.query else path


class Subscription(models.Model):
    search = models.ForeignKey(
        FollowedSearch, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(max_length=254)  # lower-cased
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    public_id = models.CharField(max_length=32, unique=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_sent_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, db_index=True)
    # The watermark: when the last digest run looked at this subscription.
    last_digest_at = models.DateTimeField(null=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["search", "email"], name="alerts_subscription_unique")
        ]

    def __str__(self):
        return f"subscription {self.public_id}"

    def new_confirm_token(self) -> str:
        token = secrets.token_urlsafe(32)
        self.confirm_token_hash = token_hash(token)
        return token

    @property
    def unsubscribe_token(self) -> str:
        return f"{self.public_id}.{unsubscribe_signature(self.public_id)}"


def unsubscribe_signature(public_id: str) -> str:
    return salted_hmac("alerts.unsubscribe", public_id, algorithm="sha256").hexdigest()[:32]


def public_id_of(token: str) -> str | None:
    """The subscription id an unsubscribe token names, when its signature is right."""
    public_id, _dot, signature = token.partition(".")
    if public_id and constant_time_compare(signature, unsubscribe_signature(public_id)):
        return public_id
    return None


def new_public_id() -> str:
    return secrets.token_urlsafe(16)[:22]


class SentItem(models.Model):
    """An item a subscription has seen: sent in a digest, or already matching at confirmation
    (``digest_at`` empty)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="seen")
    key = models.CharField(max_length=255)  # the search document id, e.g. "lesson:12"
    digest_at = models.DateTimeField(null=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["subscription", "key"], name="alerts_sent_unique")
        ]

    def __str__(self):
        return self.key
