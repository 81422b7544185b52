"""Feeds and e-mail alerts of a search are public: every role may read a feed, ask to follow a
search, confirm and unsubscribe with the links it was sent; none needs to be logged in, and
none learns more than another (the report of followers is in test_admin_views_matrix.py)."""

from django.core import mail

import pytest

from search.alerts.models import Subscription
from tests.search.alerts_helpers import confirm, follow, path_of, unsubscribe_link

from .test_permission_matrix import ROLES

pytestmark = pytest.mark.django_db
Y = True

#                   anonymous partner_a partner_b translator editor admin
MATRIX = {
    "search_feed":  (Y, Y, Y, Y, Y, Y),
    "follow":       (Y, Y, Y, Y, Y, Y),
    "confirm":      (Y, Y, Y, Y, Y, Y),
    "unsubscribe":  (Y, Y, Y, Y, Y, Y),
}  # fmt: skip


def act(client, action) -> bool:
    if action == "search_feed":
        response = client.get("/en/search/feed/atom/", {"q": "water", "country": "KE"})
        return response.status_code == 200 and b"<feed" in response.content
    answer = follow(client, "reader@example.org")
    if action == "follow":
        return answer.status_code == 200 and len(mail.outbox) == 1
    confirm(client, mail.outbox[0])
    if action == "confirm":
        return Subscription.objects.filter(confirmed_at__isnull=False).exists()
    client.post(path_of(unsubscribe_link(mail.outbox[0])))
    return not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("action", "role", "allowed"),
    [
        pytest.param(action, role, allowed, id=f"{action}-{role}")
        for action, row in MATRIX.items()
        for role, allowed in zip(ROLES, row, strict=True)
    ],
)
def test_alerts_matrix(action, role, allowed, users, login):
    assert act(login(role), action) is allowed
