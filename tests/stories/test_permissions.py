"""Partner self-publishing through the admin, as real users with the Django test client.

Partner A writes a story with two lessons under its own profile and submits it to "Editorial
review"; nobody sees it until an editor approves. Partner A cannot touch partner B's pages and
cannot publish. Runs on SQLite and PostgreSQL alike (CI runs the suite on both).
"""

from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from stories.models import CaseStoryPage

from .conftest import make_story

pytestmark = pytest.mark.django_db


def story_form(title, slug, themes=()):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "standfirst": "How a budget group learned to listen first.",
            "publication_date": "2025-03-01",
            "date_precision": "day",
            "licence": "CC-BY-4.0",
            "hero_image_alt": "",
            "body": streamfield(
                [
                    (
                        "section",
                        {"heading": "The situation", "text": rich_text("<p>It began.</p>")},
                    ),
                ]
            ),
            "lessons": inline_formset(
                [
                    {
                        "headline": "Listen before you advise",
                        "slug": "",
                        "explanation": "Advice landed when it followed listening.",
                        "kind": "what-worked",
                        "audiences": ["donors", "csos"],
                        "themes": list(themes),
                    },
                    {
                        "headline": "Plan for interpretation",
                        "slug": "",
                        "explanation": "Interpretation needs time in the agenda.",
                        "kind": "recommendation",
                        "audiences": ["facilitators"],
                        "themes": [],
                    },
                ]
            ),
            "countries": ["BD"],
            "tags": "budgets, listening",
            "comments": inline_formset([]),
        }
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("stories", "casestorypage", parent.pk))


def test_partner_story_goes_through_review_before_it_is_live(
    client, network, partner_users, editor
):
    alpha = network["alpha"]
    client.force_login(partner_users["alpha"])
    data = story_form("Listening to budget users", "listening", themes=["education"])
    data["action-submit"] = "Submit to Editorial review"
    response = client.post(add_url(alpha), data)
    assert response.status_code == 302, response.content[:2000]

    story = CaseStoryPage.objects.child_of(alpha).get(slug="listening")
    assert not story.live
    latest = story.get_latest_revision_as_object()
    assert [lesson.headline for lesson in latest.lessons.all()] == [
        "Listen before you advise",
        "Plan for interpretation",
    ]
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"

    client.logout()
    assert client.get("/en/partners/alpha/listening/").status_code == 404
    assert "Listening to budget users" not in client.get("/en/stories/").content.decode()
    assert "Listening to budget users" not in client.get("/en/feeds/stories/rss/").content.decode()

    client.force_login(editor)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk)),
        {"comment": "Thank you"},
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live

    client.logout()
    page = client.get("/en/partners/alpha/listening/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="lesson-listen-before-you-advise"' in html
    assert 'id="lesson-plan-for-interpretation"' in html
    assert "Listening to budget users" in client.get("/en/stories/").content.decode()


def test_partner_cannot_publish_directly(client, network, partner_users):
    client.force_login(partner_users["alpha"])
    data = story_form("Published too soon", "too-soon")
    data["action-publish"] = "Publish"
    client.post(add_url(network["alpha"]), data)
    story = CaseStoryPage.objects.child_of(network["alpha"]).get(slug="too-soon")
    assert not story.live
    assert client.get("/en/partners/alpha/too-soon/").status_code == 404


def test_partner_cannot_add_a_story_under_another_partner(client, network, partner_users):
    client.force_login(partner_users["alpha"])
    response = client.post(add_url(network["beta"]), story_form("Not mine", "not-mine"))
    assert response.status_code in (302, 403)
    assert not CaseStoryPage.objects.filter(slug="not-mine").exists()


@pytest.mark.parametrize(
    ("route", "method"),
    [("edit", "get"), ("edit", "post"), ("move", "get"), ("delete", "get"), ("delete", "post")],
)
def test_partner_cannot_touch_another_partners_story(client, network, partner_users, route, method):
    story = make_story(network["beta"], "Beta's own story")
    client.force_login(partner_users["alpha"])
    url = reverse(f"wagtailadmin_pages:{route}", args=(story.pk,))
    data = story_form("Hijacked", story.slug) if route == "edit" else {}
    response = getattr(client, method)(url, data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.headers["Location"] != url
    story.refresh_from_db()
    assert story.title == "Beta's own story"
    assert story.live
    assert Page.objects.filter(pk=story.pk).exists()


def test_partner_cannot_move_own_story_to_another_partner(client, network, partner_users):
    story = make_story(network["alpha"], "Alpha's story")
    client.force_login(partner_users["alpha"])
    url = reverse("wagtailadmin_pages:move_confirm", args=(story.pk, network["beta"].pk))
    response = client.post(url)
    assert response.status_code in (302, 403)
    story.refresh_from_db()
    assert story.get_parent().pk == network["alpha"].pk


def test_partner_can_edit_own_story_but_not_publish_it(client, network, partner_users):
    story = make_story(network["alpha"], "Alpha's story")
    client.force_login(partner_users["alpha"])
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    assert client.get(url).status_code == 200
    data = story_form("Alpha's story, revised", story.slug)
    data["action-publish"] = "Publish"
    client.post(url, data)
    story.refresh_from_db()
    assert story.title == "Alpha's story"  # the live version is unchanged
    assert story.get_latest_revision_as_object().title == "Alpha's story, revised"
