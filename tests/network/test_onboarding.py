"""Onboarding a partner: command and admin form give the same groups and permissions."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowPage

import pytest

from network.models import PartnerIndexPage, PartnerProfilePage
from network.onboarding import onboard_partner

pytestmark = pytest.mark.django_db


def page_permissions(group):
    return sorted(
        (p.page_id, p.permission.codename) for p in GroupPagePermission.objects.filter(group=group)
    )


def test_command_creates_profile_group_permissions_and_user(network):
    out = StringIO()
    call_command("onboard_partner", "Gamma Collective", "--email", "g@example.org", stdout=out)
    profile = PartnerProfilePage.objects.get(title="Gamma Collective")
    assert not profile.live and profile.has_unpublished_changes  # a draft until published
    printed = out.getvalue()
    # The address visitors will use (WAGTAILADMIN_BASE_URL in tests), not the tree path.
    assert "Profile page: http://testserver/en/partners/gamma-collective/ (new, a draft" in printed
    assert "Partner slug (import_stories' 'partner:' key): gamma-collective" in printed
    assert "/home/" not in printed
    assert profile.get_parent().pk == network["partner_index"].pk
    group = Group.objects.get(name="Partner: Gamma Collective")
    assert page_permissions(group) == [(profile.pk, "add_page"), (profile.pk, "change_page")]
    user = get_user_model().objects.get(email="g@example.org")
    assert list(user.groups.all()) == [group]
    assert not user.has_usable_password()
    workflow = WorkflowPage.objects.get(page=network["partner_index"]).workflow
    assert workflow.name == "Editorial review"
    assert [t.specific.groups.get().name for t in workflow.tasks] == ["Editors"]

    call_command("onboard_partner", "Gamma Collective", stdout=StringIO())  # again: no duplicates
    assert PartnerProfilePage.objects.filter(title="Gamma Collective").count() == 1
    assert page_permissions(group) == [(profile.pk, "add_page"), (profile.pk, "change_page")]


def test_editors_publish_anywhere_and_translators_exist(network):
    editors = Group.objects.get(name="Editors")
    root = Page.get_first_root_node()
    assert {"add_page", "change_page", "publish_page"} <= {
        codename for page, codename in page_permissions(editors) if page == root.pk
    }
    assert Group.objects.filter(name="Translators").exists()


def test_command_without_partners_section_fails_clearly(home):
    assert not PartnerIndexPage.objects.exists()
    with pytest.raises(CommandError, match="no partners section"):
        call_command("onboard_partner", "Nowhere", stdout=StringIO())


def test_editor_onboards_a_partner_in_the_admin(client, network, editor):
    client.force_login(editor)
    url = reverse("hub_onboard_partner")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Delta Forum", "organisation_type": "network", "email": ""}
    )
    profile = PartnerProfilePage.objects.get(title="Delta Forum")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("wagtailadmin_pages:edit", args=(profile.pk,))
    assert profile.organisation_type == "network"
    assert Group.objects.filter(name="Partner: Delta Forum").exists()


def test_partner_users_cannot_onboard(client, network, partner_users):
    client.force_login(partner_users["alpha"])
    url = reverse("hub_onboard_partner")
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"name": "Sneaky", "organisation_type": "cso"})
    assert not PartnerProfilePage.objects.filter(title="Sneaky").exists()


def test_blank_names_are_refused(network):
    from network.onboarding import OnboardingError

    with pytest.raises(OnboardingError):
        onboard_partner("   ")
