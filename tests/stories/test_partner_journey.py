"""A new partner's whole way, through the admin as real people with the test client: onboarded
by an editor, invited by e-mail, sets a password, signs in, writes a story with two lessons
(countries and themes on the Content tab), submits it; an editor approves; visitors find it."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest
from bs4 import BeautifulSoup

from network.models import PartnerProfilePage
from stories.models import CaseStoryPage

from .test_permissions import story_form

pytestmark = pytest.mark.django_db
PASSWORD = "a-Long-and-new-passphrase-9"


def test_onboarding_to_a_story_visitors_find(
    client, network, homes, editor, django_capture_on_commit_callbacks
):
    publish_on_commit = django_capture_on_commit_callbacks
    client.force_login(editor)
    with publish_on_commit(execute=True):
        client.post(
            reverse("hub_onboard_partner"),
            {"name": "Gamma Collective", "organisation_type": "cso", "email": "g@example.org"},
        )
    profile = PartnerProfilePage.objects.get(title="Gamma Collective")
    profile.get_latest_revision().publish(user=editor)  # the editor publishes the profile

    (invitation,) = mail.outbox
    link = urlsplit(re.search(r"https?://\S+/password_reset/confirm/\S+/", invitation.body)[0])
    partner = Client()
    form = partner.get(link.path)
    partner.post(form.headers["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert partner.login(username="g@example.org", password=PASSWORD)

    dashboard = BeautifulSoup(partner.get(reverse("wagtailadmin_home")).content, "html.parser")
    add_url = dashboard.select_one('a[data-action="write-story"]')["href"]
    data = story_form("Gamma hears the district", "gamma-hears", themes=["education"])
    data.update({"countries": ["KE", "UG"], "themes": [network["education"].pk]})
    data["action-submit"] = "Submit to Editorial review"
    with publish_on_commit(execute=True):
        assert partner.post(add_url, data).status_code == 302
    story = CaseStoryPage.objects.get(slug="gamma-hears")
    assert Client().get(story.url).status_code == 404  # in review: nobody sees it yet

    state = WorkflowState.objects.get(object_id=str(story.pk))
    with publish_on_commit(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(story.pk, "approve", state.current_task_state.pk),
            ),
            {"comment": "Thank you"},
        )
    visitor = Client()
    page = visitor.get(story.url)
    assert page.status_code == 200
    assert 'id="lesson-listen-before-you-advise"' in page.content.decode()
    found = visitor.get("/api/search/", {"q": "listen before you advise", "country": "UG"}).json()
    assert story.url in [urlsplit(r["url"]).path.split("#")[0] for r in found["results"]]
    lesson = next(r for r in found["results"] if r["kind"] == "lesson")
    assert visitor.get(urlsplit(lesson["url"]).path).status_code == 200
