"""The lessons dataset's rows: every column for a story with two lessons in two languages,
the same rows in CSV, JSON Lines, the API and ``export_lessons``, never a draft or private
lesson."""

import csv
import io
import json

from django.core.management import call_command

import pytest

from stories.dataset.columns import NAMES

from .dataset_content import FRENCH_HEADLINES, HIDDEN_WORDS, built_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield  # the rows are read back through the commands and views below


def export(fmt: str) -> str:
    out = io.StringIO()
    call_command("export_lessons", "--format", fmt, stdout=out)
    return out.getvalue()


def jsonl_rows(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def rows(content):
    found = jsonl_rows(export("jsonl"))
    return {row["headline"]: row for row in found}


def test_a_story_with_two_lessons_in_two_languages(rows):
    english = rows["Listen first"]
    french = rows[FRENCH_HEADLINES["Listen first"]]
    base = "http://testserver"
    assert list(english) == list(NAMES)
    assert english["language"] == "en" and french["language"] == "fr"
    assert english["lesson_group"] == french["lesson_group"]
    assert english["lesson_id"] != french["lesson_id"]
    assert english["story_group"] == french["story_group"]
    assert english["url"] == f"{base}/en/partners/alpha/listening-first/#lesson-listen-first"
    assert french["url"] == f"{base}/fr/partners/alpha/listening-first/#lesson-listen-first"
    assert english["story_url"] == f"{base}/en/partners/alpha/listening-first/"
    assert english["story_translations"] == [f"{base}/fr/partners/alpha/listening-first/"]
    assert french["story_translations"] == [english["story_url"]]
    assert french["story_title"] == "Écouter d'abord, puis agir"
    assert english["explanation"] == "Why listen first mattered."
    assert (english["kind"], english["kind_label"]) == ("what-worked", "What worked")
    assert (french["kind"], french["kind_label"]) == ("what-worked", "Ce qui a fonctionné")
    assert english["audiences"] == ["donors", "csos"]
    assert english["audience_labels"] == ["Donors", "Civil society organisations"]
    # The lesson's own themes with its story's, names in the row's language.
    assert english["themes"] == ["education", "health"]
    assert english["theme_labels"] == ["Education", "Health"]
    assert french["theme_labels"] == ["Éducation", "Health"]
    assert (english["story_date"], english["story_date_precision"]) == ("2021-03", "month")
    assert english["story_language"] == "en"
    assert english["partner"] == "alpha" and english["partner_name"] == "Alpha Budget Group"
    assert (english["partner_type"], english["partner_type_label"]) == (
        "cso",
        "Civil society organisation (CSO)",
    )
    assert english["involved_partners"] == ["beta"]
    assert english["involved_partner_names"] == ["Beta Learning Lab"]
    assert english["involved_partner_types"] == ["research"]
    assert english["countries"] == ["KE"] and english["country_names"] == ["Kenya"]
    # Every M49 level: Africa, Sub-Saharan Africa, Eastern Africa.
    assert english["regions"] == ["002", "014", "202"]
    assert english["region_names"][0] == "Africa"
    assert "Afrique" in french["region_names"][0]
    assert english["collaborative"] == "open-budgets"
    assert english["collaborative_name"] == "Open Budgets Collaborative"
    assert english["licence"] == "CC-BY-SA-4.0"
    assert english["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    second = rows["Publish the minutes"]
    assert second["story_id"] == english["story_id"] and second["audiences"] == ["governments"]
    assert second["themes"] == ["education"]


def test_every_other_story_takes_the_default_licence(rows):
    assert rows["Ask the council"]["licence"] == "CC-BY-4.0"
    assert rows["Ask the council"]["story_date"] == "2019-05-02"
    assert rows["Ask the council"]["collaborative"] is None


def test_csv_opens_in_a_spreadsheet_with_the_same_rows(content, rows):
    text = export("csv")
    assert text.startswith("\ufeff")
    found = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(found) == len(rows)
    french = next(row for row in found if row["headline"] == FRENCH_HEADLINES["Listen first"])
    assert list(french) == list(NAMES)
    assert french["audiences"] == "donors; csos"
    assert french["regions"] == "002; 014; 202"
    assert french["collaborative_name"] == "Open Budgets Collaborative"
    assert french["lesson_id"] == str(rows[french["headline"]]["lesson_id"])


def test_the_command_writes_a_file(content, tmp_path):
    target = tmp_path / "lessons.csv"
    call_command("export_lessons", "--format", "csv", "--output", str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf" + b"lesson_id,lesson_group,")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_drafts_and_private_lessons_are_never_exported(content, fmt, client):
    texts = [export(fmt), b"".join(client.get(f"/data/lessons.{fmt}").streaming_content).decode()]
    texts.append(client.get("/api/lessons/", {"page_size": 100}).content.decode())
    for text in texts:
        assert "Listen first" in text
        for word in HIDDEN_WORDS:
            assert word not in text
        assert "Draft story" not in text and "Private story" not in text
