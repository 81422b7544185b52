"""Shared steps of the search alert tests: follow a search, read the links of an e-mail."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command

from search.alerts.models import Subscription
from stories.factories import LessonFactory
from tests.stories.conftest import make_story

# A made-up word: the text the factories generate never holds it, so only titles match.
SEARCH = "partner=alpha&q=hydrokiosk"


def follow(client, email, search=SEARCH, language="en", frequency="daily", **extra):
    return client.post(
        f"/{language}/search/follow/",
        {"email": email, "frequency": frequency, "search": search},
        **extra,
    )


def links(message) -> list[str]:
    return re.findall(r"https?://\S+/", message.body)


def confirm_link(message) -> str:
    return next(url for url in links(message) if "/follow/confirm/" in url)


def unsubscribe_link(message) -> str:
    return next(url for url in links(message) if "/follow/unsubscribe/" in url)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def confirm(client, message):
    return client.post(path_of(confirm_link(message)))


def publish_story(publish, partner, title, lessons=1, **kwargs):
    story = make_story(partner, title, lessons=0, **kwargs)
    for _n in range(lessons):
        LessonFactory(story=story, headline=f"{title}: lesson {_n + 1}")
    publish(lambda: story.save_revision().publish())
    return story


def run_digests(*args) -> list:
    """Send the due digests; the e-mails this run sent."""
    before = len(mail.outbox)
    call_command("send_search_alerts", *args, stdout=io.StringIO())
    return mail.outbox[before:]


def make_due():
    """Every subscription's last digest two periods ago, as if time had passed."""
    for subscription in Subscription.objects.exclude(last_digest_at=None):
        subscription.last_digest_at -= datetime.timedelta(days=8)
        subscription.save(update_fields=["last_digest_at"])
