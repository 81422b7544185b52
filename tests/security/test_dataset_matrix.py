"""The open data for every role: the lessons API, the downloads and the data dictionary are
public and the same for everyone; drafts and private stories are in none of them, even for
the people who may read those stories in the admin."""

import pytest

from .test_no_leaks import SECRETS, hidden  # noqa: F401  (the hidden stories fixture)
from .test_permission_matrix import ROLES

pytestmark = pytest.mark.django_db
Y = True

#                          anonymous partner_a partner_b translator editor admin
MATRIX = {
    "/api/lessons/":       (Y, Y, Y, Y, Y, Y),
    "/data/lessons.csv":   (Y, Y, Y, Y, Y, Y),
    "/data/lessons.jsonl": (Y, Y, Y, Y, Y, Y),
    "/en/data/":           (Y, Y, Y, Y, Y, Y),
}  # fmt: skip


def text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_open_data_matrix(role, hidden, login, settings, tmp_path):  # noqa: F811
    """One test per role, every address in it: the setup (a site, six users) is the cost."""
    settings.DATASET_CACHE_DIR = tmp_path
    client = login(role)
    for url, row in MATRIX.items():
        response = client.get(url)
        assert (response.status_code == 200) is row[ROLES.index(role)], url
        body = text(response)
        if url != "/en/data/":  # the dictionary describes the data; it lists no lessons
            assert "Visible story" in body, url
        for word in SECRETS.values():
            assert word not in body, (url, word)
