"""Organisations a story names that have no profile on the hub: kept as plain names on the
story (``other_organisations``), from the importer or the story form, shown beside the
partners involved without a link, and found by search."""

from io import StringIO
from textwrap import dedent
from urllib.parse import urlsplit

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from stories.models import CaseStoryPage

from .test_permissions import add_url, story_form

pytestmark = pytest.mark.django_db

STORY = """\
---
title: Hearings with the county
partner: alpha
date: 2024
standfirst: A county assembly opened its hearings.
partners:
  - beta
  - Nairobi County Assembly
  - Open Budgets Collaborative Secretariat
  - nairobi county assembly
---
Body.
"""


def run_import(tmp_path, text, *args, err=None):
    path = tmp_path / "hearings.md"
    path.write_text(dedent(text), encoding="utf-8")
    out, err = StringIO(), err or StringIO()
    call_command("import_stories", str(path), *args, stdout=out, stderr=err)
    return path, out.getvalue(), err.getvalue()


def facts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    label = soup.find("dt", string="Partners")
    return label.find_next_sibling("dd")


def test_imported_names_without_a_profile_are_kept_and_shown_without_a_link(
    tmp_path, network, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexing follows the commit
        path, out, err = run_import(tmp_path, STORY, "--publish")
    assert "1 created" in out
    assert f"{path}:8: no partner profile is called 'Nairobi County Assembly'" in err
    assert f"{path}:9: no partner profile is called 'Open Budgets" in err
    story = CaseStoryPage.objects.get(slug="hearings-with-the-county")
    assert [p.slug for p in story.partners_involved.all()] == ["beta"]
    assert story.other_organisation_names() == [
        "Nairobi County Assembly",
        "Open Budgets Collaborative Secretariat",
    ]
    partners = facts(client.get(story.url))
    assert [a.get_text() for a in partners.select("a")] == [
        "Alpha Budget Group",
        "Beta Learning Lab",
    ]
    assert partners.get_text() == (
        "Alpha Budget Group, Beta Learning Lab, Nairobi County Assembly, "
        "Open Budgets Collaborative Secretariat"
    )
    found = client.get("/api/search/", {"q": "Nairobi County Assembly"}).json()
    assert story.url in [urlsplit(r["url"]).path for r in found["results"]]

    _path, out, _err = run_import(tmp_path, STORY, "--publish")
    assert "1 unchanged" in out


def test_a_partner_named_as_its_profile_is_linked(tmp_path, network):
    run_import(tmp_path, STORY.replace("  - beta\n", "  - beta learning  lab\n"))
    draft = CaseStoryPage.objects.get().get_latest_revision_as_object()
    assert [p.slug for p in draft.partners_involved.all()] == ["beta"]


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("  - {name: Somebody}\n", ":8: each partner must be a slug or an organisation's name"),
        ("  - ''\n", ":8: each partner must be a slug or an organisation's name"),
        (f"  - {'x' * 201}\n", ":8: an organisation's name is at most 200 letters"),
    ],
)
def test_a_bad_organisation_is_refused_with_its_line(tmp_path, network, entry, reason):
    text = STORY.replace("  - Nairobi County Assembly\n", entry)
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        run_import(tmp_path, text, err=err)
    assert f"hearings.md{reason}" in err.getvalue()
    assert not CaseStoryPage.objects.exists()


def test_the_story_form_keeps_other_organisations(client, network, partner_users, editor):
    client.force_login(partner_users["alpha"])
    data = story_form("Working with the assembly", "assembly")
    data["other_organisations"] = "Nairobi County Assembly\n\n  Ministry of Finance  \n"
    response = client.post(add_url(network["alpha"]), data)
    assert response.status_code == 302
    story = CaseStoryPage.objects.get(slug="assembly")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    field = BeautifulSoup(edit.content, "html.parser").find(
        "textarea", attrs={"name": "other_organisations"}
    )
    assert "Ministry of Finance" in field.get_text()
    story.get_latest_revision().publish(user=editor)
    shown = facts(client.get(story.url)).get_text()
    assert shown == "Alpha Budget Group, Nairobi County Assembly, Ministry of Finance"
