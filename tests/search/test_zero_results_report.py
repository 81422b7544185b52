"""The "Searches with no results" report: editors and superusers read and download it, partners
and translators neither see it in the menu nor open it."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from hub.translation.permissions import ensure_translators_group
from network.onboarding import onboard_partner
from search.models import ZeroResultQuery
from tests.stories.conftest import network  # noqa: F401  (partners need the network)

REPORT = "/admin/reports/searches-with-no-results/"


@pytest.fixture
def misses(db):
    now = timezone.now()

    def miss(query, language, count, days_ago):
        seen = now - datetime.timedelta(days=days_ago)
        return ZeroResultQuery(
            query=query, language=language, count=count, first_seen=seen, last_seen=seen
        )

    ZeroResultQuery.objects.bulk_create(
        [miss("budjet", "fr", 2, 1), miss("old gap", "en", 5, 9), miss("qxzvjw", "en", 5, 1)]
    )


def user_in(*groups, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser("root", "root@example.org", "pw")
    user = User.objects.create_user(groups[0].name.lower()[:20], "u@example.org", "pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor(db):
    return user_in(Group.objects.get(name="Editors"))


def test_a_new_site_lets_its_editors_read_the_report(db):
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(
        content_type__app_label="hubsearch", codename="view_zeroresultquery"
    ).exists()


def test_editors_read_the_misses_most_searched_first(client, editor, misses):
    client.force_login(editor)
    assert REPORT in client.get("/admin/").content.decode()

    html = client.get(REPORT).content.decode()
    assert "Searches with no results" in html
    # By count, then the most recent first among equal counts.
    assert html.index("qxzvjw") < html.index("old gap") < html.index("budjet")

    french = client.get(REPORT, {"language": "fr"}).content.decode()
    assert "budjet" in french and "qxzvjw" not in french
    searched = client.get(REPORT, {"q": "gap"}).content.decode()
    assert "old gap" in searched and "qxzvjw" not in searched


def test_the_csv_download_holds_the_rows(client, editor, misses):
    client.force_login(editor)

    response = client.get(REPORT, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert table[0] == ["Query", "Language", "Searches", "First seen", "Last seen"]
    assert [row[:3] for row in table[1:]] == [
        ["qxzvjw", "en", "5"],
        ["old gap", "en", "5"],
        ["budjet", "fr", "2"],
    ]
    spreadsheet = client.get(REPORT, {"export": "xlsx"})
    assert spreadsheet.status_code == 200
    assert "spreadsheetml" in spreadsheet["Content-Type"]


def test_superusers_read_the_report(client, misses):
    client.force_login(user_in(superuser=True))

    assert "qxzvjw" in client.get(REPORT).content.decode()


@pytest.mark.parametrize("role", ["partner", "translator"])
def test_partners_and_translators_are_refused(client, network, misses, role):  # noqa: F811
    if role == "partner":
        user = onboard_partner(network["alpha"].title, email="alpha@example.org").user
    else:
        user = user_in(ensure_translators_group())
    client.force_login(user)

    assert client.get("/admin/").status_code == 200
    assert REPORT not in client.get("/admin/").content.decode()
    for params in ({}, {"export": "csv"}):
        response = client.get(REPORT, params)
        # Wagtail's denial: back to the dashboard with a message, nothing of the report.
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert b"qxzvjw" not in response.content
    results = client.get(REPORT + "results/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert results.status_code == 403
