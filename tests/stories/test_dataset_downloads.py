"""The downloads, the data dictionary and the licence on the story page: /data/lessons.csv
and .jsonl are streamed once per content version and kept, with an ETag; /en/data/ lists
every column."""

import csv
import io
import json
import re

from django.http import FileResponse, StreamingHttpResponse

import pytest

from stories.dataset import writer
from stories.dataset.columns import NAMES

from .dataset_content import built_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker) as built:
        yield built


@pytest.fixture(autouse=True)
def cache_dir(settings, tmp_path):
    settings.DATASET_CACHE_DIR = tmp_path / "dataset"
    return settings.DATASET_CACHE_DIR


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_is_utf8_with_a_bom_and_parses(client, content):
    response = client.get("/data/lessons.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lessons.csv"'
    data = body(response)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == NAMES
    assert len(rows) == 1 + 7
    assert any("Écouter d'abord" in row for row in rows)


def test_jsonl_has_one_object_per_line(client, content):
    lines = body(client.get("/data/lessons.jsonl")).decode().splitlines()
    assert len(lines) == 7
    assert all(tuple(json.loads(line)) == NAMES for line in lines)


def test_streamed_once_then_served_from_the_kept_file_until_a_publish(client, content, cache_dir):
    first = client.get("/data/lessons.jsonl")
    assert isinstance(first, StreamingHttpResponse) and not isinstance(first, FileResponse)
    streamed = body(first)
    (kept,) = cache_dir.glob("*/lessons.jsonl")
    assert kept.read_bytes() == streamed
    second = client.get("/data/lessons.jsonl")
    assert isinstance(second, FileResponse) and body(second) == streamed
    assert second["ETag"] == first["ETag"]
    assert client.get("/data/lessons.jsonl", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    story = content["colombia"]
    story.title = "Bogotá participatory budget"
    story.save_revision().publish()
    third = client.get("/data/lessons.jsonl", HTTP_IF_NONE_MATCH=first["ETag"])
    assert third.status_code == 200 and third["ETag"] != first["ETag"]
    assert b"Bogot\xc3\xa1 participatory budget" in body(third)


def test_an_interrupted_download_keeps_nothing(content, cache_dir):
    stream = writer.written_while_streaming("csv", version=1)
    next(stream)
    stream.close()  # what the server does when the visitor goes away
    assert not list(cache_dir.glob("*/*lessons.csv*"))


def test_a_spreadsheet_formula_is_not_run(client, content):
    lesson = content["ohio"].lessons.first()
    lesson.headline = "=HYPERLINK(1)"
    lesson.save()
    text = body(client.get("/data/lessons.csv")).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert b'"=HYPERLINK(1)"' in body(client.get("/data/lessons.jsonl"))


def test_only_get_is_allowed(client, content):
    assert client.post("/data/lessons.csv").status_code == 405
    assert client.get("/data/lessons.xlsx").status_code == 404


def test_data_dictionary_lists_every_column_and_links_the_downloads(client, content):
    assert client.get("/data/").status_code == 302
    response = client.get("/fr/data/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in NAMES:
        assert f'id="column-{name}"' in html
    assert 'href="http://testserver/data/lessons.csv"' in html
    assert 'href="http://testserver/data/lessons.jsonl"' in html
    assert 'href="http://testserver/api/lessons/"' in html
    assert '<html lang="fr"' in html and "Colonnes" in html


def test_story_page_and_json_ld_name_the_licence(client, content):
    html = client.get(content["listening"].url).content.decode()
    assert '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">' in html
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    french = client.get(content["french"].url).content.decode()
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in french  # synchronised


def test_all_rights_reserved_has_no_deed(client, content):
    story = content["lagos"]
    story.licence = "all-rights-reserved"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert 'rel="license"' not in html and '"license"' not in html


def test_the_default_licence_comes_from_settings(settings, content):
    from stories.models import CaseStoryPage

    settings.HUB_DEFAULT_LICENCE = "CC0-1.0"
    assert CaseStoryPage().licence == "CC0-1.0"
