"""The permission matrix: who may do what to which page, through the real admin views.

Every cell of ``MATRIX`` is one test: a role (logged in with the Django test client as a real
user made the way the hub makes them) performs one action on one page type through the admin's
HTTP views, and the test checks what happened to the page, not only the status code. A denied
request may answer 403 or Wagtail's redirect to the dashboard/login; either way nothing changes.

Partner A owns the "Alpha" profile and the story under it; partner B owns neither. Partners
edit their own pages but publishing goes through editorial review; translators work on
translations only; editors do everything a page allows; the admin is a superuser.
"""

from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import Translation

import pytest

from tests.security.media_checks import check_download, check_media
from tests.security.privacy_checks import check_change_privacy, check_restrict
from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "partner_a", "partner_b", "translator", "editor", "admin"]
Y, N = True, False

# Page types: the key in the ``site`` fixture of conftest.py.
# "partner" = partner A's profile, "story" = a case story on it, "collaborative" = a learning
# collaborative (belongs to no partner), "resource", "topic" = a toolkit topic, "home";
# "draft_story" = a story on partner A's profile that was never published.
#
#                                  anonymous partner_a partner_b translator editor admin
MATRIX = {
    ("view_draft", "partner"):        (N, Y, N, Y, Y, Y),
    ("view_draft", "story"):          (N, Y, N, Y, Y, Y),
    ("view_draft", "collaborative"):  (N, N, N, Y, Y, Y),
    ("view_draft", "resource"):       (N, N, N, Y, Y, Y),
    ("view_draft", "topic"):          (N, N, N, Y, Y, Y),
    ("edit", "partner"):              (N, Y, N, N, Y, Y),
    ("edit", "story"):                (N, Y, N, N, Y, Y),
    ("edit", "collaborative"):        (N, N, N, N, Y, Y),
    ("edit", "resource"):             (N, N, N, N, Y, Y),
    ("edit", "topic"):                (N, N, N, N, Y, Y),
    ("edit", "home"):                 (N, N, N, N, Y, Y),
    ("publish", "partner"):           (N, N, N, N, Y, Y),
    ("publish", "story"):             (N, N, N, N, Y, Y),
    ("publish", "collaborative"):     (N, N, N, N, Y, Y),
    ("publish", "resource"):          (N, N, N, N, Y, Y),
    ("publish", "topic"):             (N, N, N, N, Y, Y),
    ("publish", "home"):              (N, N, N, N, Y, Y),
    # Partners cannot publish, so Wagtail lets them delete or move only pages in their
    # subtree that are not live: never their live profile or live stories.
    ("delete", "partner"):            (N, N, N, N, Y, Y),
    ("delete", "draft_story"):        (N, Y, N, N, Y, Y),
    ("delete", "story"):              (N, N, N, N, Y, Y),
    ("delete", "collaborative"):      (N, N, N, N, Y, Y),
    ("delete", "resource"):           (N, N, N, N, Y, Y),
    ("delete", "topic"):              (N, N, N, N, Y, Y),
    # Editors hold "bulk delete" from the root, but a home page (a whole language's site)
    # is refused to everyone but administrators (hub/wagtail_hooks.py).
    ("delete", "home"):               (N, N, N, N, N, Y),
    ("move", "partner"):              (N, N, N, N, Y, Y),
    ("move", "story"):                (N, N, N, N, Y, Y),
    ("move", "collaborative"):        (N, N, N, N, Y, Y),
    ("move", "resource"):             (N, N, N, N, Y, Y),
    ("move", "topic"):                (N, N, N, N, Y, Y),
    # The home page may live only at the root: no one may move it below another page.
    ("move", "home"):                 (N, N, N, N, N, N),
    ("translate", "partner"):         (N, N, N, Y, Y, Y),
    ("translate", "story"):           (N, N, N, Y, Y, Y),
    ("translate", "collaborative"):   (N, N, N, Y, Y, Y),
    ("translate", "resource"):        (N, N, N, Y, Y, Y),
    ("translate", "topic"):           (N, N, N, Y, Y, Y),
    ("edit_translation", "partner"):  (N, Y, N, Y, Y, Y),
    ("edit_translation", "story"):    (N, Y, N, Y, Y, Y),
    ("edit_translation", "collaborative"): (N, N, N, Y, Y, Y),
    ("edit_translation", "resource"): (N, N, N, Y, Y, Y),
    ("edit_translation", "topic"):    (N, N, N, Y, Y, Y),
    # Privacy follows the right to edit, never the translators' publish rights; "translation"
    # is the French translation of partner A's story, a draft (hub/page_permissions.py).
    # A restriction applies at once, so on a live page only those who may publish it lift
    # or change one; partners may restrict their live pages, never make them public.
    ("change_privacy", "partner"):    (N, N, N, N, Y, Y),
    ("change_privacy", "story"):      (N, N, N, N, Y, Y),
    ("change_privacy", "draft_story"): (N, Y, N, N, Y, Y),
    ("change_privacy", "translation"): (N, Y, N, N, Y, Y),
    ("change_privacy", "collaborative"): (N, N, N, N, Y, Y),
    ("change_privacy", "resource"):   (N, N, N, N, Y, Y),
    ("change_privacy", "topic"):      (N, N, N, N, Y, Y),
    ("change_privacy", "home"):       (N, N, N, N, Y, Y),
    ("restrict", "partner"):          (N, Y, N, N, Y, Y),
    ("restrict", "story"):            (N, Y, N, N, Y, Y),
    ("restrict", "collaborative"):    (N, N, N, N, Y, Y),
    # Media (hub/media_collections.py): "b_document" and "b_image" are partner B's, in B's
    # collection; "b_private" is in B's private collection; "editors" is a collection only
    # editors work in. "list" = the document chooser shows it; "use" = set it as the hero
    # image of partner A's story; "upload" = add a document into that collection.
    ("list", "b_document"):           (N, N, Y, N, Y, Y),
    ("use", "b_image"):               (N, N, N, N, Y, Y),
    ("upload", "editors"):            (N, N, N, N, Y, Y),
    ("upload", "b_collection"):       (N, N, Y, N, Y, Y),
    ("download", "b_private"):        (N, N, Y, N, Y, Y),
    ("download", "login"):            (N, Y, Y, Y, Y, Y),
    ("download", "editors"):          (N, N, N, N, Y, Y),
}  # fmt: skip

CASES = [
    pytest.param(action, target, role, allowed, id=f"{action}-{target}-{role}")
    for (action, target), row in MATRIX.items()
    for role, allowed in zip(ROLES, row, strict=True)
]

DRAFT_TITLE = "Zanzibarquill draft title"


def denied(response):
    """403, or Wagtail's redirect away (to the login page or the dashboard)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        "/login/" in response["Location"] or response["Location"].rstrip("/") == "/admin"
    )


def with_draft(page):
    """Give ``page`` a draft revision with a distinctive title (the live title stays)."""
    page = page.specific
    live_title = page.title
    page.title = DRAFT_TITLE
    page.save_revision()
    page.title = live_title
    return page


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def check_view_draft(client, page, allowed, site):
    page = with_draft(page)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if allowed:
        assert response.status_code == 200
        assert DRAFT_TITLE in response.content.decode()
    else:
        assert denied(response), response.status_code
    # The public URL of a page with a draft shows the live version, to everybody.
    public = client.get(page.url)
    assert public.status_code == 200
    assert DRAFT_TITLE not in public.content.decode()


def check_edit(client, page, allowed, site):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    if allowed:
        assert response.status_code == 200
        assert 'name="title"' in response.content.decode()
        return
    assert denied(response), response.status_code
    revisions = page.revisions.count()
    response = client.post(url, {"title": DRAFT_TITLE, "slug": page.slug, "action-publish": "1"})
    assert denied(response), response.status_code
    assert page.revisions.count() == revisions
    assert live_title(page) != DRAFT_TITLE


def check_publish(client, page, allowed, site, target, role):
    """Publishing the latest revision through the admin's bulk "publish" action, and (for
    those who may not) through the edit view's publish button too."""
    page = with_draft(page)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(f"{url}?id={page.pk}&next=/admin/", {})
    assert response.status_code in (200, 302, 403)
    assert (live_title(page) == DRAFT_TITLE) is allowed
    may_edit = MATRIX.get(("edit", target), (N,) * len(ROLES))[ROLES.index(role)]
    if not allowed and not may_edit:
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {"title": DRAFT_TITLE, "slug": page.slug, "action-publish": "1"},
        )
        assert live_title(page) != DRAFT_TITLE


def check_delete(client, page, allowed, site):
    parent = page.get_parent()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    exists = Page.objects.filter(pk=page.pk).exists()
    assert exists is not allowed
    if not allowed:
        assert denied(response), response.status_code
        assert Page.objects.get(pk=page.pk).get_parent().pk == parent.pk
        assert Page.objects.get(pk=page.pk).live == page.live


def move_destination(target, site):
    """A parent the page type may have, other than its own; for the home page, which may
    live only at the root, a page below the root."""
    from network.factories import CollaborativeIndexPageFactory, PartnerIndexPageFactory
    from resources.factories import ResourceIndexPageFactory, ToolkitPageFactory

    home = site["home"]
    make = {
        "partner": lambda: PartnerIndexPageFactory(parent=home, slug="partners-2"),
        "story": lambda: site["beta"],
        "collaborative": lambda: CollaborativeIndexPageFactory(parent=home, slug="together-2"),
        "resource": lambda: ResourceIndexPageFactory(parent=home, slug="r2"),
        "topic": lambda: ToolkitPageFactory(parent=home, slug="t2"),
        "home": lambda: site["partner_index"],
    }
    return make[target]()


def check_move(client, page, allowed, site, target):
    destination = move_destination(target, site)
    parent = page.get_parent()
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    )
    new_parent = Page.objects.get(pk=page.pk).get_parent()
    if allowed:
        assert new_parent.pk == destination.pk
    else:
        assert denied(response), response.status_code
        assert new_parent.pk == parent.pk


def check_translate(client, page, allowed, site):
    french = site["locales"]["fr"]
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [french.pk]},
    )
    made = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=french
    ).exists()
    assert made is allowed
    if not allowed:
        assert denied(response), response.status_code
        assert page.get_translation_or_none(french) is None


def french_translation(page, site, admin):
    """The French translation of ``page`` and its ancestors, made by the admin."""
    french = site["locales"]["fr"]
    staff = Client()
    staff.force_login(admin)
    ancestors = [p for p in page.get_ancestors().specific() if p.depth > 1]
    for ancestor in [*ancestors[1:], page]:  # the French home exists already
        if ancestor.get_translation_or_none(french) is None:
            staff.post(
                reverse("wagtail_localize:submit_page_translation", args=[ancestor.pk]),
                {"locales": [french.pk]},
            )
    return page.get_translation(french)


def check_edit_translation(client, page, allowed, site, admin):
    """Open the translation editor of the French translation (made by the admin)."""
    target = french_translation(page, site, admin)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    if allowed:
        assert response.status_code == 200
        assert "wagtail-localize" in response.content.decode().lower() or (
            'name="title"' not in response.content.decode()
        )
    else:
        assert denied(response), response.status_code


CHECKS = {
    "view_draft": check_view_draft,
    "edit": check_edit,
    "delete": check_delete,
    "translate": check_translate,
}


def draft_story(site):
    story = make_story(site["alpha"], "Alpha draft", slug="alpha-draft")
    story.unpublish()
    return Page.objects.get(pk=story.pk)


@pytest.mark.parametrize(("action", "target", "role", "allowed"), CASES)
def test_permission_matrix(
    action, target, role, allowed, site, users, login, homes, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    if target == "draft_story":
        site[target] = draft_story(site)
    client = login(role)
    if action in ("list", "use", "upload") or target == "b_private":
        check_media(client, action, target, allowed, site)
    elif action == "download":
        check_download(client, target, allowed, site)
    elif action == "publish":
        check_publish(client, site[target], allowed, site, target, role)
    elif action == "edit_translation":
        check_edit_translation(client, site[target], allowed, site, users["admin"])
    elif action == "change_privacy":
        if target == "translation":
            site[target] = french_translation(site["story"], site, users["admin"])
        check_change_privacy(client, site[target], allowed)
    elif action == "restrict":
        check_restrict(client, site[target], allowed)
    elif action == "move":
        check_move(client, site[target], allowed, site, target)
    else:
        CHECKS[action](client, site[target], allowed, site)


def test_translators_see_source_drafts_and_revisions_but_cannot_revert(site, users, login):
    """Translators hold "change" from the root, so that they may work in every language's tree
    (``hub.translation.permissions``); its hooks refuse them the edit view of a source page,
    not its previews. A translator therefore reads any source page's unpublished draft, its
    revisions and their comparison (what changed, to translate next); reverting to an old
    revision goes through the edit view and is refused."""
    first = site["story"].specific.save_revision()  # the live content, as a revision
    story = with_draft(site["story"])
    latest = story.get_latest_revision()
    client = login("translator")

    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    revision = client.get(reverse("wagtailadmin_pages:revisions_view", args=[story.pk, latest.pk]))
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, first.pk, latest.pk])
    )
    for response in (draft, revision):
        assert response.status_code == 200
        assert DRAFT_TITLE in response.content.decode()
    assert compare.status_code == 200
    assert DRAFT_TITLE in compare.content.decode()

    revisions = story.revisions.count()
    revert = client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[story.pk, first.pk]),
        {"title": "Reverted", "slug": story.slug, "action-publish": "1"},
    )
    assert denied(revert), revert.status_code
    assert story.revisions.count() == revisions
    assert live_title(story) == "Alpha story"
