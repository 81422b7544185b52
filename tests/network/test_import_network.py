"""``import_network``: partners and collaboratives from one YAML file, checked first (every
problem as ``file:line: reason``, nothing written), created or updated by slug, unchanged on
a rerun."""

from io import StringIO
from pathlib import Path
from textwrap import dedent

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client

from wagtail.models import Page

import pytest

from hub.factories import ThemeFactory
from network.models import LearningCollaborativePage, PartnerProfilePage

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "network-example.yaml"

GOOD = """\
partners:
  - slug: gamma
    name: Gamma Collective
    type: cbo
    countries: [KE, UG]
    themes: [education]
  - slug: alpha
    name: Alpha Budget Group
    type: ingo
    summary: Budget work in Bangladesh.
collaboratives:
  - slug: learning-together
    title: Learning Together
    status: forming
    start: 2025-01-01
    host: gamma
    learning_questions: ["What works?"]
    members:
      - {partner: gamma, role: learning-hub}
      - {partner: beta, role: member}
      - {partner: alpha, role: funder}
"""


def run(tmp_path, text, *args):
    path = tmp_path / "network.yaml"
    path.write_text(dedent(text), encoding="utf-8")
    out, err = StringIO(), StringIO()
    try:
        call_command("import_network", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return path, out.getvalue(), err.getvalue() + str(error)
    return path, out.getvalue(), err.getvalue()


def test_creates_and_updates_by_slug_then_changes_nothing(tmp_path, network):
    _path, out, err = run(tmp_path, GOOD)
    assert not err
    assert out.splitlines()[:-1] == [
        "created: partner gamma",
        "created: collaborative learning-together",
        "updated: partner alpha",
    ]
    gamma = PartnerProfilePage.objects.get(slug="gamma")
    assert not gamma.live  # a new profile is a draft, as onboarding makes it
    draft = gamma.get_latest_revision_as_object()
    assert (draft.title, draft.organisation_type) == ("Gamma Collective", "cbo")
    assert sorted(c.code for c in draft.countries) == ["KE", "UG"]
    assert [t.slug for t in draft.themes.all()] == ["education"]
    assert Group.objects.filter(name="Partner: Gamma Collective").exists()
    alpha = PartnerProfilePage.objects.get(slug="alpha").get_latest_revision_as_object()
    assert (alpha.organisation_type, alpha.summary) == ("ingo", "Budget work in Bangladesh.")
    together = LearningCollaborativePage.objects.get(slug="learning-together")
    together = together.get_latest_revision_as_object()
    assert [(m.partner.slug, m.role) for m in together.members.all()] == [
        ("gamma", "learning-hub"),
        ("beta", "member"),
        ("alpha", "funder"),
    ]
    assert together.host_partner.slug == "gamma"
    assert together.learning_questions == "<ul><li>What works?</li></ul>"

    revisions = sum(page.revisions.count() for page in Page.objects.all())
    _path, out, _err = run(tmp_path, GOOD)
    assert out.splitlines()[-1] == "0 created, 0 updated (saved as drafts), 3 unchanged."
    assert sum(page.revisions.count() for page in Page.objects.all()) == revisions


def test_publish_puts_the_pages_online(tmp_path, network):
    run(tmp_path, GOOD, "--publish")
    visitor = Client()
    assert visitor.get("/en/partners/gamma/").status_code == 200
    page = visitor.get("/en/collaboratives/learning-together/").content.decode()
    assert "Gamma Collective" in page and "Beta Learning Lab" in page
    _path, out, _err = run(tmp_path, GOOD, "--publish")
    assert "3 unchanged" in out


def test_the_example_file_imports(network):
    ThemeFactory(name="Social accountability", slug="social-accountability")
    out = StringIO()
    call_command("import_network", str(EXAMPLE), stdout=out, stderr=StringIO())
    assert "3 created" in out.getvalue()
    assert PartnerProfilePage.objects.filter(slug="open-ledger-lab").exists()


BAD = """\
partners:
  - slug: gamma
    name: Gamma Collective
    type: cooperative
    colour: green
  - slug: delta
    type: cso
  - slug: gamma
    name: Another Gamma
    type: cso
collaboratives:
  - title: Learning Together
    members:
      - {partner: gamma, role: learning-hub}
      - {partner: nobody, role: member}
"""


def test_every_problem_is_reported_with_its_line_and_nothing_is_written(tmp_path, network):
    path, out, err = run(tmp_path, BAD)
    assert f"{path}:4: unknown organisation type 'cooperative' (use cso, cbo," in err
    assert f"{path}:5: unknown partner key 'colour'" in err
    assert f"{path}:6: 'name' is missing" in err
    assert f"{path}:8: duplicate slug 'gamma' (also line 2)" in err
    assert f"{path}:15: unknown member 'nobody': no partner has this slug" in err
    assert "5 problem(s) found; nothing was imported." in err
    assert not PartnerProfilePage.objects.filter(slug="gamma").exists()
    assert not LearningCollaborativePage.objects.filter(slug="learning-together").exists()
    assert not Group.objects.filter(name__startswith="Partner: Gamma").exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("partners:\n  - name: a: b\n", ":2: the file is not valid YAML"),
        ("people: []\n", ":1: unknown key 'people' (use partners, collaboratives)"),
        ("partners: gamma\n", ":1: 'partners' must be a list"),
        ("- gamma\n", ":1: the file must have 'partners' or 'collaboratives'"),
        (
            "partners:\n  - {name: Beta Learning Lab, slug: beta-2, type: cso}\n",
            ":2: another partner is called 'Beta Learning Lab' already (slug 'beta')",
        ),
        (
            "collaboratives:\n  - {title: T, start: 2025-02-30}\n",
            ":2: 'start' must be a date like 2024-06-13",
        ),
        (
            "collaboratives:\n  - title: T\n    members: [{partner: beta, role: boss}]\n",
            ":3: unknown member role 'boss'",
        ),
    ],
)
def test_a_bad_file_says_why_in_plain_words(tmp_path, network, text, reason):
    path, _out, err = run(tmp_path, text)
    assert f"{path}{reason}" in err
    assert "nothing was imported" in err
