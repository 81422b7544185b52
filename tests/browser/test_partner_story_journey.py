"""A new partner's whole way in a real browser: an editor onboards it in the admin, the
invitation e-mail's link sets a password, the partner signs in, writes a story with two
lessons (countries from the checklist's filter and themes, all on the Content tab) and submits
it; the editor approves it; a visitor finds it in search.

The other browser tests read the shared demo server, so this one writes only things of its
own (a partner with a name nobody else uses) and takes them away again. It runs in a module
fixture, before pytest-django opens the test's transaction: the server must commit what the
people do (on SQLite it shares this thread's connection), so that the invitation and the
search index, sent and updated after each commit, happen as they do in production. The
locmem outbox is one list for the process, which the server's threads share.
"""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

from tests.support.demo import DEMO_ADMIN_PASSWORD

from .conftest import DESKTOP, PHONE, SCREENSHOTS

PARTNER = "Quillmere Listening Circle"
EMAIL = "quillmere@example.org"
PASSWORD = "a-Long-and-new-passphrase-9"
TITLE = "Quillmere hears the river villages"
LESSONS = [
    ("Walk the river before the meeting", "what-worked"),
    ("Book interpreters a month ahead", "recommendation"),
]


def sign_in(page, server, username, password):
    page.goto(f"{server}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def onboard(page, server):
    """The editor (the demo's administrator) onboards the partner in the admin."""
    sign_in(page, server, "admin", DEMO_ADMIN_PASSWORD)
    page.goto(f"{server}/admin/partners/onboard/")
    page.fill("input[name=name]", PARTNER)
    page.fill("input[name=email]", EMAIL)
    page.click("main form button[type=submit]")
    page.get_by_text("is onboarded").wait_for()


def set_password(page, server):
    (invitation,) = [m for m in mail.outbox if EMAIL in m.to]
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", invitation.body)[0]
    page.goto(server + urlsplit(link).path)
    page.fill("input[name=new_password1]", PASSWORD)
    page.fill("input[name=new_password2]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")
    page.wait_for_load_state()


def write_story(page, server):
    sign_in(page, server, EMAIL, PASSWORD)
    page.click('a[data-action="write-story"]')
    page.wait_for_selector("#id_title")
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", "A listening circle met villages where the river floods.")
    page.fill("#id_publication_date", "2025-03-01")
    checklist = page.locator("[data-hub-checklist-filter]")
    for country in ("Kenya", "Uganda"):
        checklist.fill(country)
        page.get_by_label(country, exact=True).check()
    page.locator("input[name=themes]").first.check()
    for n, (headline, kind) in enumerate(LESSONS):
        page.get_by_role("button", name=re.compile("Add lesson", re.I)).click()
        page.wait_for_selector(f"#id_lessons-{n}-headline")
        page.fill(f"#id_lessons-{n}-headline", headline)
        page.select_option(f"#id_lessons-{n}-kind", kind)
        page.fill(f"#id_lessons-{n}-explanation", f"{headline}: what the circle learned.")
    open_actions(page)
    page.click('button[name="action-submit"]')
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))


def open_actions(page):
    """The edit form's footer menu (save, submit, approve...)."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def approve(page, server):
    """The editor, still signed in, opens the story from the review queue and approves it."""
    page.goto(f"{server}/admin/")
    review = page.locator("a", has_text=TITLE).first
    review.click()
    page.wait_for_selector("#id_title")
    open_actions(page)
    page.get_by_role("button", name=re.compile("^Approve", re.I)).first.click()
    page.wait_for_load_state()


@pytest.fixture(scope="module")
def journey(site_server, browser, django_db_blocker):
    mail.outbox = []
    seen = {}
    contexts = [browser.new_context(viewport=DESKTOP) for _person in range(3)]
    editor, partner, visitor = (context.new_page() for context in contexts)
    try:
        onboard(editor, site_server)
        set_password(partner, site_server)
        write_story(partner, site_server)
        approve(editor, site_server)
        visitor.goto(f"{site_server}/en/search/?q=Quillmere+river+villages")
        visitor.get_by_role("link", name=TITLE).first.click()
        visitor.wait_for_selector("h1")
        seen["url"] = visitor.url
        seen["html"] = visitor.content()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
            visitor.set_viewport_size(size)
            shot = SCREENSHOTS / f"partner-journey-story-{name}.png"
            visitor.screenshot(path=shot, full_page=True)
        yield seen
    finally:
        for context in contexts:
            context.close()
        with django_db_blocker.unblock():
            forget_the_partner()


def forget_the_partner():
    """Take away what the journey made, so that later tests see the demo as it was."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wagtail.models import Collection

    from network.models import PartnerProfilePage

    for profile in PartnerProfilePage.objects.filter(title=PARTNER):
        profile.delete()
    get_user_model().objects.filter(email=EMAIL).delete()
    Group.objects.filter(name__endswith=PARTNER).delete()
    for collection in Collection.objects.filter(name=PARTNER):
        collection.get_descendants(inclusive=True).delete()


def test_a_new_partner_writes_a_story_visitors_find(journey):
    assert "/en/partners/" in journey["url"]
    html = journey["html"]
    assert TITLE in html
    for headline, _kind in LESSONS:
        assert headline in html
    assert "Kenya" in html and "Uganda" in html
