"""Digests: each due, confirmed subscription gets the new lessons and stories of its search.

"New" means matching now, never seen by the subscription (``SentItem``: what matched at
confirmation, and everything sent since), and (re)published after the subscription was
confirmed. Each subscription is handled in its own transaction: its items are recorded and its
watermark moved in the same commit as the e-mail is sent, so a run that stops half-way
leaves the rest to the next run and a rerun sends nothing twice.

The search is scanned newest first, up to ``SCAN`` items; a lesson dated long before the
newest ``SCAN`` matches of its search is not announced.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from django_tasks import task

from hub.public_url import absolute_url
from search.service import run_search

from . import mail
from .canonical import search_from_query
from .models import CONFIRM_DAYS, Frequency, SentItem, Subscription

logger = logging.getLogger(__name__)

DIGEST_KINDS = ("lesson", "story")
PAGE_SIZE = 100
SCAN = 300
PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A run at the same hour each day finds yesterday's digest a few minutes short of a day.
SLACK = datetime.timedelta(hours=2)


def digest_request(subscription):
    request = search_from_query(subscription.search.query, subscription.search.language)
    kinds = request.filters.get("kind") or DIGEST_KINDS
    kinds = tuple(kind for kind in kinds if kind in DIGEST_KINDS)
    if not kinds:
        return None
    filters = {**request.filters, "kind": kinds}
    return dataclasses.replace(request, filters=filters, sort="newest", page_size=PAGE_SIZE)


def matching_documents(subscription) -> list:
    """The newest documents the subscription's search finds (lessons and stories only)."""
    request = digest_request(subscription)
    if request is None:
        return []
    found = []
    for page in range(1, SCAN // PAGE_SIZE + 1):
        response = run_search(dataclasses.replace(request, page=page), log=False).response
        found += [hit.document for hit in response.hits]
        if page * PAGE_SIZE >= response.total:
            break
    return found


def record_baseline(subscription) -> None:
    """Everything the search finds at confirmation counts as seen."""
    SentItem.objects.bulk_create(
        [
            SentItem(subscription=subscription, key=doc.id)
            for doc in matching_documents(subscription)
        ],
        ignore_conflicts=True,
    )


def page_pk(document) -> int:
    """The page a lesson or story document comes from ("stories.casestorypage:12")."""
    return int(document.source.rsplit(":", 1)[1])


def new_items(subscription) -> list:
    documents = matching_documents(subscription)
    keys = [doc.id for doc in documents]
    seen = set(subscription.seen.filter(key__in=keys).values_list("key", flat=True))
    unseen = [doc for doc in documents if doc.id not in seen]
    published = Page.objects.filter(
        pk__in={page_pk(doc) for doc in unseen}, last_published_at__gt=subscription.confirmed_at
    )
    fresh = set(published.values_list("pk", flat=True)) if unseen else set()
    return [doc for doc in unseen if page_pk(doc) in fresh]


def item(document) -> dict:
    return {
        "title": document.title,
        "url": absolute_url(document.url),
        "summary": document.summary,
        "kind": document.kind,
        "story_title": document.display.get("story_title", ""),
        "partner_name": document.display.get("partner_name", ""),
        "date": document.date,
    }


def send_one(subscription_pk: int, now) -> int:
    """Send one subscription's digest if it has news; the number of items sent."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .select_related("search")
            .filter(pk=subscription_pk, confirmed_at__isnull=False)
            .first()
        )
        if subscription is None or not is_due(subscription, now):
            return 0
        documents = new_items(subscription)
        if documents:
            SentItem.objects.bulk_create(
                [SentItem(subscription=subscription, key=d.id, digest_at=now) for d in documents]
            )
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
        if documents:
            # Last: if sending fails, the transaction rolls back and the next run retries.
            mail.send_digest(subscription, [item(document) for document in documents])
        return len(documents)


def is_due(subscription, now) -> bool:
    last = subscription.last_digest_at
    return last is None or last <= now - PERIODS[subscription.frequency] + SLACK


def due(frequency: str | None, now):
    subscriptions = Subscription.objects.filter(confirmed_at__isnull=False)
    if frequency:
        subscriptions = subscriptions.filter(frequency=frequency)
    late = Q()
    for period, length in PERIODS.items():
        late |= Q(frequency=period, last_digest_at__lte=now - length + SLACK)
    return subscriptions.filter(late | Q(last_digest_at__isnull=True))


def forget_unconfirmed(now) -> int:
    """Addresses never confirmed are not kept past the confirmation link's life."""
    limit = now - datetime.timedelta(days=CONFIRM_DAYS)
    stale = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=limit)
    return stale.delete()[0]


@task()
def send_search_alerts(frequency: str | None = None) -> dict:
    """Every due digest; returns counts for the command and the logs."""
    now = timezone.now()
    counts = {"subscriptions": 0, "digests": 0, "items": 0, "failed": 0}
    for pk in list(due(frequency, now).order_by("pk").values_list("pk", flat=True)):
        counts["subscriptions"] += 1
        try:
            sent = send_one(pk, now)
        except Exception:
            logger.exception("search alert digest of subscription %s failed", pk)
            counts["failed"] += 1
            continue
        counts["digests"] += bool(sent)
        counts["items"] += sent
    counts["forgotten"] = forget_unconfirmed(now)
    return counts
