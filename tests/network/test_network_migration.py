"""A database built before the network app existed keeps its partners and collaboratives.

The database is taken back to the migrations of the hub before the move (``network 0001``
and everything that depends on it unapplied), filled through the historical models the way
that hub stored things, then migrated forward; the checks go through today's models.
Transactional (migrations cannot run inside a test's transaction on SQLite), with the data
the migrations made restored first (the site and its home page).
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page, Revision

import pytest

from network.models import LearningCollaborativePage, PartnerProfilePage
from search.models import IndexedDocument

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def empty_search_index():
    """The flush after a transactional test empties the tables of models only: SQLite's
    full-text table would keep this test's rows and count them in later searches."""
    yield
    from search.engines.database import DatabaseEngine

    DatabaseEngine().rebuild([])


def migrate_to_before_the_move():
    """Unapply the move and whatever depends on it; return the historical apps."""
    executor = MigrationExecutor(connection)
    executor.migrate([("network", None)])
    executor.loader.build_graph()
    graph = executor.loader.graph
    # Squashed migrations are recorded under the names they replace: keep the graph's own.
    applied = [
        key for key in MigrationRecorder(connection).applied_migrations() if key in graph.nodes
    ]
    return executor.loader.project_state(applied).apps


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


class OldTree:
    """Pages added the way treebeard stores them, with the pre-move models and content types."""

    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        site = apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
        self.home = apps.get_model("wagtailcore", "Page").objects.get(pk=site.root_page_id)

    def content_type(self, app_label, model):
        return self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def add(self, parent, model_name, **fields):
        model = self.apps.get_model("hub", model_name)
        Page = self.apps.get_model("wagtailcore", "Page")
        step = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        page = model.objects.create(
            path=f"{parent.path}{step + 1:04d}",
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            content_type=self.content_type("hub", model_name.lower()),
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            draft_title=fields["title"],
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
            **fields,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        return page


def build_old_network(apps):
    """A partner with a revision, a group allowed to edit it, a collaborative it hosts and
    belongs to, and its search document: what a site running the earlier hub holds."""
    tree = OldTree(apps)
    index = tree.add(tree.home, "PartnerIndexPage", title="Partners", slug="partners")
    partner = tree.add(
        index,
        "PartnerProfilePage",
        title="Alpha Budget Group",
        slug="alpha",
        organisation_type="cso",
        summary="Budget work in Dhaka.",
    )
    partner_type = tree.content_type("hub", "partnerprofilepage")
    revision = apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=partner_type,
        base_content_type=tree.content_type("wagtailcore", "page"),
        object_id=str(partner.pk),
        object_str=partner.title,
        created_at=timezone.now(),
        content={
            "pk": partner.pk,
            "title": partner.title,
            "slug": partner.slug,
            "content_type": partner_type.pk,
            "organisation_type": "cso",
            "summary": "Budget work in Dhaka, as last saved.",
        },
    )
    apps.get_model("wagtailcore", "Page").objects.filter(pk=partner.pk).update(
        latest_revision=revision, live_revision=revision
    )
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.create(name="Partner: Alpha Budget Group")
    apps.get_model("wagtailcore", "GroupPagePermission").objects.create(
        group=group,
        page_id=partner.pk,
        permission=Permission.objects.get(
            content_type=tree.content_type("wagtailcore", "page"), codename="change_page"
        ),
    )
    group.permissions.add(
        Permission.objects.get_or_create(
            content_type=partner_type,
            codename="change_partnerprofilepage",
            defaults={"name": "Can change partner profile page"},
        )[0]
    )
    collaboratives = tree.add(
        tree.home, "CollaborativeIndexPage", title="Collaboratives", slug="collaboratives"
    )
    collaborative = tree.add(
        collaboratives,
        "LearningCollaborativePage",
        title="Open Budgets Collaborative",
        slug="open-budgets",
        host_partner_id=partner.pk,
    )
    apps.get_model("hub", "CollaborativeMember").objects.create(
        collaborative_id=collaborative.pk,
        partner_id=partner.pk,
        role="funder",
        locale_id=partner.locale_id,
        sort_order=0,
    )
    apps.get_model("hubsearch", "IndexedDocument").objects.create(
        doc_id=f"partner:{partner.pk}",
        source=f"hub.partnerprofilepage:{partner.pk}",
        kind="partner",
        locale="en",
        title=partner.title,
        data={},
    )
    return {"partner": partner.pk, "group": group.pk, "collaborative": collaborative.pk}


def test_partners_and_collaboratives_survive_the_move_to_the_network_app(client):
    old = build_old_network(migrate_to_before_the_move())
    migrate_to_the_latest()

    page = Page.objects.get(pk=old["partner"])
    assert page.specific_class is PartnerProfilePage
    assert page.content_type.app_label == "network"
    assert not ContentType.objects.filter(app_label="hub", model="partnerprofilepage").exists()
    partner = page.specific
    assert partner.summary == "Budget work in Dhaka."

    revision = Revision.objects.get(pk=partner.latest_revision_id)
    saved = revision.as_object()
    assert isinstance(saved, PartnerProfilePage)
    assert saved.summary == "Budget work in Dhaka, as last saved."

    permission = GroupPagePermission.objects.get(group_id=old["group"])
    assert (permission.page_id, permission.permission.codename) == (partner.pk, "change_page")
    person = get_user_model().objects.create_user("amina", password="not-used-here")
    person.groups.add(old["group"])
    assert person.has_perm("network.change_partnerprofilepage")
    assert partner.permissions_for_user(person).can_edit()

    collaborative = LearningCollaborativePage.objects.get(pk=old["collaborative"])
    assert collaborative.host_partner == partner
    assert [(m.partner, m.role) for m in collaborative.member_list()] == [(partner, "funder")]

    document = IndexedDocument.objects.get(doc_id=f"partner:{partner.pk}")
    assert document.source == f"network.partnerprofilepage:{partner.pk}"

    response = client.get(partner.url)
    assert response.status_code == 200
    assert "Budget work in Dhaka." in response.content.decode()
    assert "Open Budgets Collaborative" in response.content.decode()
    response = client.get(collaborative.url)
    assert response.status_code == 200
    assert "Alpha Budget Group" in response.content.decode()
