"""Partner media isolation, through the admin as partners A and B and an editor.

Each partner has its own collection (made by onboarding) and may choose from the shared one;
editors see everything. Partner A never lists, chooses, downloads (when private), reuses or
uploads into partner B's media or the editors' own collection, and never reads B's draft
titles in the page chooser or a bulk-action confirmation.
"""

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission, Page
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest
import wagtail_factories

from hub.media_collections import (
    PARTNERS_COLLECTION,
    PRIVATE_COLLECTION,
    shared_collection,
)
from network.onboarding import onboard_partner
from tests.stories.conftest import make_story
from tests.stories.test_permissions import story_form

pytestmark = pytest.mark.django_db

NOT_YOURS = "You may only use images and documents from your own collection"


def collection_of(partner):
    partners = Collection.get_first_root_node().get_children().get(name=PARTNERS_COLLECTION)
    return partners.get_children().get(name=partner.title)


def document(title, collection):
    doc = get_document_model()(title=title, collection=collection)
    doc.file.save(f"{title.lower().replace(' ', '-')}.txt", ContentFile(title.encode()), False)
    doc.save()
    return doc


def image(title, collection):
    return wagtail_factories.ImageFactory(title=title, collection=collection)


@pytest.fixture
def media(site, users, settings, tmp_path):
    """Documents and images of A, B (one private), the shared and the editors' collection."""
    settings.MEDIA_ROOT = tmp_path
    # Collections are kept in name order: adding one moves the paths of those after it.
    editors_only = Collection.get_first_root_node().add_child(name="Board papers")
    alpha, beta = collection_of(site["alpha"]), collection_of(site["beta"])
    restriction = CollectionViewRestriction.objects.create(
        collection=editors_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    return {
        "a_doc": document("Alpha workplan", alpha),
        "b_doc": document("Beta budget", beta),
        "b_private": document("Beta salaries", beta.get_children().get(name=PRIVATE_COLLECTION)),
        "shared_doc": document("Shared glossary", shared_collection()),
        "editors_doc": document("Board minutes", editors_only),
        "a_image": image("Alpha pump", alpha),
        "b_image": image("Beta well", beta),
        "shared_image": image("Shared map", shared_collection()),
        "editors_only": editors_only,
    }


VISIBLE = {
    "partner_a": {"Alpha workplan", "Shared glossary"},
    "partner_b": {"Beta budget", "Beta salaries", "Shared glossary"},
    "editor": {
        "Alpha workplan",
        "Beta budget",
        "Beta salaries",
        "Shared glossary",
        "Board minutes",
    },
}
ALL_DOCUMENTS = set().union(*VISIBLE.values())
VISIBLE_IMAGES = {
    "partner_a": {"Alpha pump", "Shared map"},
    "partner_b": {"Beta well", "Shared map"},
    "editor": {"Alpha pump", "Beta well", "Shared map"},
}


@pytest.mark.parametrize("role", ["partner_a", "partner_b", "editor"])
def test_the_document_chooser_lists_only_choosable_documents(login, media, role):
    body = login(role).get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert {title for title in ALL_DOCUMENTS if title in body} == VISIBLE[role]


@pytest.mark.parametrize("role", ["partner_a", "partner_b", "editor"])
def test_the_admin_api_lists_only_choosable_media(login, media, role):
    client = login(role)
    documents = client.get("/admin/api/main/documents/").json()["items"]
    # The admin API leaves out view-restricted collections for anyone outside them.
    assert {item["title"] for item in documents} <= VISIBLE[role]
    assert {item["title"] for item in documents} >= VISIBLE[role] - {"Beta salaries"}
    images = client.get("/admin/api/main/images/").json()["items"]
    assert {item["title"] for item in images} == VISIBLE_IMAGES[role]


@pytest.mark.parametrize("role", ["partner_a", "partner_b", "editor"])
def test_the_image_chooser_lists_only_choosable_images(login, media, role):
    body = login(role).get(reverse("wagtailimages_chooser:choose")).content.decode()
    shown = {title for title in VISIBLE_IMAGES["editor"] if title in body}
    assert shown == VISIBLE_IMAGES[role]


@pytest.mark.parametrize(
    ("role", "allowed"), [("partner_a", False), ("partner_b", True), ("editor", True)]
)
def test_a_private_document_is_downloaded_only_by_its_partner_and_editors(
    login, media, role, allowed
):
    doc = media["b_private"]
    response = login(role).get(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert b"Beta salaries" not in response.content


def save_story(client, story, **fields):
    data = story_form("Alpha story", story.slug)
    data.update(fields)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    return client.post(url, data)


@pytest.mark.parametrize(
    ("role", "image_key", "allowed"),
    [
        ("partner_a", "b_image", False),
        ("partner_a", "a_image", True),
        ("partner_a", "shared_image", True),
        ("editor", "b_image", True),
    ],
)
def test_a_story_takes_only_a_choosable_hero_image(login, site, media, role, image_key, allowed):
    story = site["story"]
    chosen = media[image_key]
    response = save_story(login(role), story, hero_image=chosen.pk, hero_image_alt="A well")
    latest = Page.objects.get(pk=story.pk).specific.get_latest_revision_as_object()
    assert (latest.hero_image_id == chosen.pk) is allowed
    if not allowed:
        assert NOT_YOURS in response.content.decode()


def test_a_story_body_takes_no_foreign_image_or_document(login, site, media):
    story = site["story"]
    client = login("partner_a")
    revisions = story.revisions.count()
    blocks = [
        ("image", {"image": media["b_image"].pk, "alt_text": "A well", "caption": ""}),
        ("document", {"document": media["b_doc"].pk, "title": ""}),
    ]
    for block in blocks:
        response = save_story(client, story, **_body([block]))
        assert NOT_YOURS in response.content.decode()
    link = f'<p><a linktype="document" id="{media["editors_doc"].pk}">minutes</a></p>'
    response = save_story(client, story, **_body([("section", _section(link))]))
    assert NOT_YOURS in response.content.decode()
    assert story.revisions.count() == revisions
    # Its own and the shared media are fine.
    own = [("image", {"image": media["a_image"].pk, "alt_text": "A pump", "caption": ""})]
    save_story(client, story, **_body(own + [("document", {"document": media["shared_doc"].pk})]))
    assert story.revisions.count() == revisions + 1


def _section(html):
    return {"heading": "Links", "text": rich_text(html)}


def _body(blocks):
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data({"body": streamfield(blocks)})


@pytest.mark.parametrize(
    ("role", "target", "allowed"),
    [
        ("partner_a", "editors_only", False),
        ("partner_a", "beta", False),
        ("partner_a", "shared", False),
        ("partner_a", "alpha", True),
        ("editor", "editors_only", True),
    ],
)
def test_uploads_go_only_into_the_partners_own_collection(
    login, site, media, role, target, allowed
):
    collections = {
        "editors_only": media["editors_only"],
        "beta": collection_of(site["beta"]),
        "alpha": collection_of(site["alpha"]),
        "shared": shared_collection(),
    }
    collection = collections[target]
    login(role).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Uploaded notes",
            "file": SimpleUploadedFile("notes.txt", b"notes"),
            "collection": collection.pk,
        },
    )
    uploaded = get_document_model().objects.filter(title="Uploaded notes")
    assert uploaded.filter(collection=collection).exists() is allowed


@pytest.fixture
def beta_drafts(site):
    """A story B never published, and a live story of B's with a new title in draft."""
    draft = make_story(site["beta"], "Zephyrine unpublished plan", slug="beta-draft")
    draft.unpublish()
    live = site["beta_story"].specific
    live.title = "Zephyrine renamed in draft"
    live.save_revision()
    return draft


CHOOSER_SEES_DRAFTS = [("partner_a", False), ("partner_b", True), ("editor", True)]


@pytest.mark.parametrize(("role", "sees"), CHOOSER_SEES_DRAFTS)
def test_the_page_chooser_shows_no_one_elses_draft_titles(login, site, beta_drafts, role, sees):
    client = login(role)
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=[site["beta"].pk]))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Zephyrine"})
    for response in (browse, search):
        assert response.status_code == 200
        assert ("Zephyrine" in response.content.decode()) is sees
    # Live pages stay choosable under their live titles.
    if not sees:
        assert "Beta Learning Lab" in browse.content.decode() or "Beta story" in (
            browse.content.decode()
        )


@pytest.mark.parametrize(("role", "sees"), CHOOSER_SEES_DRAFTS)
def test_a_bulk_confirmation_names_only_pages_one_may_edit(login, site, beta_drafts, role, sees):
    for page in (beta_drafts, site["beta_story"]):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        response = login(role).get(f"{url}?id={page.pk}")
        assert response.status_code == 200
        assert ("Zephyrine" in response.content.decode()) is sees


def test_a_bulk_confirmation_names_only_media_one_may_edit(login, media):
    client = login("partner_a")
    for app, model, key in (
        ("wagtaildocs", "document", "b_doc"),
        ("wagtailimages", "image", "b_image"),
    ):
        url = reverse("wagtail_bulk_action", args=(app, model, "delete"))
        response = client.get(f"{url}?id={media[key].pk}")
        assert media[key].title not in response.content.decode()


def test_onboarding_makes_the_collections_and_running_it_again_completes_them(site, users):
    alpha = collection_of(site["alpha"])
    group = Group.objects.get(name="Partner: Alpha Budget Group")
    assert alpha.get_children().filter(name=PRIVATE_COLLECTION).exists()
    GroupCollectionPermission.objects.filter(group=group).delete()
    # The grants of earlier versions: everything, from the root collection.
    root = Collection.get_first_root_node()
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root,
            permission=Permission.objects.get(codename=codename),
        )
    onboard_partner("Alpha Budget Group")
    grants = GroupCollectionPermission.objects.filter(group=group)
    assert not grants.filter(collection=root).exists()
    assert set(grants.values_list("collection__name", flat=True)) == {
        "Alpha Budget Group",
        "Shared media",
    }


def test_the_migration_gives_existing_partners_their_collection(site, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from importlib import import_module

    from django.apps import apps

    group = Group.objects.get(name="Partner: Beta Learning Lab")
    collection_of(site["beta"]).get_descendants(inclusive=True).delete()
    uploaded = document("Old beta upload", Collection.get_first_root_node())
    uploaded.uploaded_by_user = users["partner_b"]
    uploaded.save()
    migration = import_module("hub.migrations.0005_partner_media_collections")
    migration.isolate_partner_media(apps, None)
    assert collection_of(site["beta"]).get_children().filter(name=PRIVATE_COLLECTION).exists()
    assert GroupCollectionPermission.objects.filter(
        group=group, collection=collection_of(site["beta"])
    ).exists()
    uploaded.refresh_from_db()
    assert uploaded.collection == collection_of(site["beta"])


@pytest.mark.parametrize(("role", "sees"), CHOOSER_SEES_DRAFTS)
def test_the_page_chooser_opens_and_returns_no_one_elses_draft(login, beta_drafts, role, sees):
    client = login(role)
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=[beta_drafts.pk]))
    assert (browse.status_code == 200) is sees
    chosen = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": beta_drafts.pk})
    assert chosen.status_code == 200
    assert ("Zephyrine" in chosen.content.decode()) is sees
