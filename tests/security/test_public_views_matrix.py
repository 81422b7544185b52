"""The public, read-only views outside the page tree, for every role: the JSON API and its
description answer everyone alike, to GET only, and show nothing that is not public."""

import pytest

from .test_permission_matrix import ROLES

pytestmark = pytest.mark.django_db
Y = True

#                                     anonymous partner_a partner_b translator editor admin
MATRIX = {
    "/api/":                          (Y, Y, Y, Y, Y, Y),
    "/api/schema/":                   (Y, Y, Y, Y, Y, Y),
    "/api/search/?q=story":           (Y, Y, Y, Y, Y, Y),
    "/api/search/autocomplete/?q=al": (Y, Y, Y, Y, Y, Y),
}  # fmt: skip


@pytest.mark.parametrize(
    ("url", "role", "allowed"),
    [
        pytest.param(url, role, allowed, id=f"{url}-{role}")
        for url, row in MATRIX.items()
        for role, allowed in zip(ROLES, row, strict=True)
    ],
)
def test_public_views_matrix(url, role, allowed, site, login):
    client = login(role)
    assert (client.get(url).status_code == 200) is allowed
    # Read-only for everyone, signed in or not: any other method is refused.
    for method in (client.post, client.put, client.delete):
        assert method(url).status_code == 405, (url, role, method.__name__)


def test_the_description_names_no_page(site, login):
    """The description lists fixed keys only (kinds, ISO and M49 codes, choices), never a
    partner, collaborative or theme, public or not: their keys come from answers."""
    text = login("editor").get("/api/schema/").content.decode()
    for key in ("alpha", "beta", "alpha-story"):
        assert f'"{key}"' not in text
