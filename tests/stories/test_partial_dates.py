"""Stories known only to the month or the year: imported as such, shown as such everywhere
(page, cards, search results, API, JSON-LD), sorted after the dated stories of their period;
the original publication is kept and linked."""

import json
from textwrap import dedent

from django.core.management import call_command
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from hub import partial_dates
from stories.models import CaseStoryPage

pytestmark = pytest.mark.django_db

STORY = """\
---
title: {title}
partner: alpha
date: {date}
standfirst: What the partner tried.
{extra}
---
Body.
"""


def import_story(tmp_path, publish, title, date, extra=""):
    path = tmp_path / f"{title}.md"
    path.write_text(dedent(STORY.format(title=title, date=date, extra=extra)), encoding="utf-8")
    publish(call_command, "import_stories", str(path), "--publish", stdout=None)
    return CaseStoryPage.objects.get(title=title)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2019, ("2019-01-01", "year", "2019", "2019")),
        ("2021-03", ("2021-03-01", "month", "March 2021", "2021-03")),
        ("2024-06-13", ("2024-06-13", "day", "13 June 2024", "2024-06-13")),
    ],
)
def test_parse_display_and_machine_forms(value, expected):
    date, precision = partial_dates.parse(value)
    with translation.override("en"):
        shown = partial_dates.display(date, precision)
    assert (date.isoformat(), precision, shown, partial_dates.machine(date, precision)) == expected
    with translation.override("fr"):
        assert partial_dates.display(*partial_dates.parse("2021-03")) == "mars 2021"


def test_a_year_only_story_is_shown_as_a_year_everywhere(client, tmp_path, network, publish):
    story = import_story(
        tmp_path,
        publish,
        "Old blog post",
        "2019",
        extra="source_url: https://www.example.org/blog/old-post",
    )
    assert (story.publication_date.isoformat(), story.date_precision) == ("2019-01-01", "year")
    html = BeautifulSoup(client.get(story.url).content, "html.parser")
    facts = html.select_one(".story-facts").get_text(" ", strip=True)
    assert "Published 2019" in facts and "January" not in facts
    assert html.select_one(".story-facts time")["datetime"] == "2019"
    source = html.find("a", href="https://www.example.org/blog/old-post")
    assert source.get_text() == "example.org"
    assert "Originally published at" in facts
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["datePublished"] == "2019"
    assert data["isBasedOn"] == "https://www.example.org/blog/old-post"

    result = client.get("/api/search/", {"q": "old blog post"}).json()["results"][0]
    assert result["date"] == "2019"
    page = BeautifulSoup(client.get("/en/search/?q=old+blog+post").content, "html.parser")
    assert page.select_one(".search-result time").get_text() == "2019"
    cards = BeautifulSoup(client.get("/en/stories/").content, "html.parser")
    assert cards.select_one(".story-card time").get_text() == "2019"


def test_newest_first_puts_a_year_after_the_dated_stories_of_that_year(
    client, tmp_path, network, publish
):
    import_story(tmp_path, publish, "Only the year", "2023")
    import_story(tmp_path, publish, "March story", "2023-03")
    import_story(tmp_path, publish, "Dated story", "2023-06-13")
    html = BeautifulSoup(client.get("/en/stories/").content, "html.parser")
    titles = [a.get_text(strip=True) for a in html.select(".story-card h3 a")]
    assert titles == ["Dated story", "March story", "Only the year"]
