"""Who may do what: the editorial groups, the "Editorial review" workflow and partner onboarding.

All permission and workflow wiring of the hub lives here, so the admin view, the
``onboard_partner`` command, the demo loader and the tests share one definition.

- "Editors" add, edit and publish anywhere, approve the review task and read the "Searches
  with no results" report.
- "Translators" translate and publish translations only (``hub.translation.permissions``).
- "Partner: <name>" may add and edit pages below that partner's profile only; they cannot
  publish: their changes go through "Editorial review", attached to the partners' section.
  Their images and documents live in their own collection (``hub.media_collections``).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub.media_collections import ensure_editor_media, ensure_partner_media
from hub.translation.permissions import EDITORS, ensure_translators_group

from .invitations import send_invitation
from .models import OrganisationType, PartnerIndexPage, PartnerProfilePage

PARTNER_GROUP_PREFIX = "Partner: "
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Editors approve"

EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
PARTNER_PAGE_PERMISSIONS = ("add_page", "change_page")
# Model permissions beyond pages and media (migrations hubsearch 0004 and alerts 0001 grant
# the same).
EDITOR_PERMISSIONS = (("hubsearch", "view_zeroresultquery"), ("alerts", "view_followedsearch"))


class OnboardingError(Exception):
    """A partner cannot be onboarded; the message says why, for the command and the form."""


@dataclass
class OnboardingResult:
    profile: PartnerProfilePage
    group: Group
    user: object | None
    created_profile: bool
    created_user: bool
    invited: bool = False  # an invitation e-mail goes out once the transaction commits


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access():
    return _permission("wagtailadmin", "access_admin")


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_admin_access())
    return group


def ensure_editorial_setup() -> Workflow:
    """Create (or complete) the groups and the "Editorial review" workflow. Idempotent."""
    editors = _group(EDITORS)
    editors.permissions.add(*(_permission(*permission) for permission in EDITOR_PERMISSIONS))
    _grant_pages(editors, Page.get_first_root_node(), EDITOR_PAGE_PERMISSIONS)
    ensure_editor_media(editors)
    ensure_translators_group()

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in PartnerIndexPage.objects.all():
        attach_workflow(index, workflow)
    return workflow


def attach_workflow(page, workflow=None) -> None:
    workflow = workflow or Workflow.objects.get(name=WORKFLOW_NAME)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def partner_group_name(name: str) -> str:
    # auth.Group names are at most 150 characters.
    return f"{PARTNER_GROUP_PREFIX}{name}"[:150]


def partners_index(locale=None) -> PartnerIndexPage:
    locale = locale or Locale.get_default()
    index = PartnerIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise OnboardingError(
            "There is no partners section (a partner index page) to add the profile to."
        )
    return index


@transaction.atomic
def onboard_partner(
    name: str,
    email: str | None = None,
    organisation_type: str = OrganisationType.CSO,
    acronym: str = "",
    user=None,
    request=None,
    slug: str | None = None,
) -> OnboardingResult:
    """Profile page (a draft), partner group with its permissions, and optionally a user
    account, invited by e-mail to set its password (``network.invitations``).

    The profile is found by ``slug`` when one is given (``import_network``), otherwise by
    name or the slug the name gives."""
    name = " ".join(name.split())
    if not name:
        raise OnboardingError("The partner needs a name.")
    if not slugify(name):
        raise OnboardingError("The partner's name must contain letters or digits.")
    if organisation_type not in OrganisationType.values:
        raise OnboardingError(f"Unknown organisation type {organisation_type!r}.")
    ensure_editorial_setup()
    index = partners_index()
    profiles = PartnerProfilePage.objects.child_of(index)
    if slug:
        profile = profiles.filter(slug=slug).first()
    else:
        slug = slugify(name)[:255]
        profile = profiles.filter(title=name).first() or profiles.filter(slug=slug).first()
    created_profile = profile is None
    if created_profile:
        # A draft: an empty profile is not worth a visit. The partner fills it in (its edits
        # go through editorial review) and an editor publishes it.
        profile = PartnerProfilePage(
            title=name,
            slug=slug,
            acronym=acronym,
            organisation_type=organisation_type,
            live=False,
        )
        index.add_child(instance=profile)
        profile.save_revision(user=user)

    group = _group(partner_group_name(name))
    # The partner's pages in every language: the profile's existing translations now, and
    # translations made later through ``follow_profile_translations``.
    for page in profile.get_translations(inclusive=True):
        _grant_pages(group, page, PARTNER_PAGE_PERMISSIONS)
    ensure_partner_media(group, name)

    account, created_user, invited = None, False, False
    if email:
        User = get_user_model()
        account = User.objects.filter(email__iexact=email).first()
        if account is None:
            account = User(username=email.lower()[:150], email=email)
            # Nobody knows a password for it: the invitation lets the partner choose one.
            account.set_unusable_password()
            account.save()
            created_user = True
        account.groups.add(group)
        if created_user:
            # After the commit: an onboarding that fails sends nothing.
            transaction.on_commit(lambda: send_invitation(account, name, request))
            invited = True
    return OnboardingResult(profile, group, account, created_profile, created_user, invited)


def can_onboard(user) -> bool:
    """Editors and superusers onboard partners."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


def follow_profile_translations(sender, instance, created, **kwargs):
    """A new translation of a partner profile gets the same group permissions as its source.

    Connected to ``post_save`` of PartnerProfilePage in ``HubConfig.ready``: wagtail-localize
    creates translated profiles, and the partner must be able to write its stories there too.
    """
    if not created or kwargs.get("raw"):
        return
    granted = GroupPagePermission.objects.filter(
        page__translation_key=instance.translation_key
    ).exclude(page=instance)
    for group_id, permission_id in granted.values_list("group_id", "permission_id").distinct():
        GroupPagePermission.objects.get_or_create(
            group_id=group_id, page=instance, permission_id=permission_id
        )
