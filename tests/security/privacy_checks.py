"""The permission matrix's privacy checks: making a restricted page public, and restricting
a live public one, through Wagtail's privacy dialog (``hub/page_permissions.py``)."""

from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from search.engines import SearchRequest, get_engine


def denied(response):
    """403, or Wagtail's redirect away (to the login page or the dashboard)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        "/login/" in response["Location"] or response["Location"].rstrip("/") == "/admin"
    )


def in_public_search(page):
    hits = get_engine().search(SearchRequest(text=page.title, language="en")).hits
    return any(hit.document.source.endswith(f":{page.pk}") for hit in hits)


def check_change_privacy(client, page, allowed):
    """Open the privacy dialog of a login-restricted page and make the page public; those
    who may not also try a password. A refused change leaves the page restricted: anonymous
    visitors are sent to log in and public search does not find it."""
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    response = client.get(url)
    if allowed:
        assert response.status_code == 200
        assert "restriction_type" in response.content.decode()
    else:
        assert denied(response), response.status_code
    attempts = [{"restriction_type": "none"}]
    if not allowed:
        attempts.append({"restriction_type": "password", "password": "letmein"})
    for data in attempts:
        response = client.post(url, data)
        if not allowed:
            assert denied(response), response.status_code
    restrictions = PageViewRestriction.objects.filter(page=page)
    if allowed:
        assert not restrictions.exists()
        return
    assert [r.restriction_type for r in restrictions] == [PageViewRestriction.LOGIN]
    if page.live:
        visitor = Client().get(page.url)
        assert visitor.status_code == 302 and "login" in visitor["Location"]
        assert not in_public_search(page)


def check_restrict(client, page, allowed):
    """Make a live public page visible to logged-in users only: visitors are then sent to log
    in. Those who may not leave it public."""
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    response = client.post(url, {"restriction_type": "login"})
    visitor = Client().get(page.url)
    if allowed:
        assert response.status_code == 200
        assert visitor.status_code == 302 and "login" in visitor["Location"]
    else:
        assert denied(response), response.status_code
        assert visitor.status_code == 200
        assert not PageViewRestriction.objects.filter(page=page).exists()
