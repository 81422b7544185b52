"""The Translators group: translate and publish translations, never touch source pages.

Wagtail's page permissions follow the tree, and every language has its own tree, so they
cannot say "translations only": a Spanish page is a source when a Colombian partner wrote it
and a translation when it came from English. Translators therefore get edit and publish
permission on every tree, and the hooks below refuse them any page that is not the target of
a wagtail-localize translation (and any creation, move, copy or deletion).
"""

from django.contrib.auth.models import Group, Permission
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import Translation

TRANSLATORS = "Translators"
EDITORS = "Editors"
TRANSLATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("hub", "change_theme"),
]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def ensure_translators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    for app_label, codename in TRANSLATOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    root = Page.get_first_root_node()
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def is_translator_only(user) -> bool:
    """A translator with no broader role (superusers and editors keep their full rights)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and EDITORS not in names


def is_translation_target(obj) -> bool:
    """True when wagtail-localize translates this object from a page in another language."""
    return Translation.objects.filter(
        source__object_id=obj.translation_key,
        target_locale_id=obj.locale_id,
        enabled=True,
    ).exists()


def forbidden(request, reason):
    # A real 403 (Wagtail turns PermissionDenied into a redirect to the dashboard, which hides
    # from the translator why nothing happened).
    return TemplateResponse(request, "hub/admin/forbidden.html", {"reason": reason}, status=403)


def _refuse_unless_translation(request, obj):
    if is_translator_only(request.user) and not is_translation_target(obj):
        return forbidden(request, _("Translators may only edit translations, not source content."))
    return None


def _refuse(request, *args, **kwargs):
    if is_translator_only(request.user):
        return forbidden(request, _("Translators may not create, move, copy or delete pages."))
    return None


@hooks.register("before_edit_page")
def translators_edit_only_translations(request, page):
    return _refuse_unless_translation(request, page)


@hooks.register("before_edit_snippet")
def translators_edit_only_translated_snippets(request, instance):
    if hasattr(instance, "translation_key"):
        return _refuse_unless_translation(request, instance)
    return None


@hooks.register("before_unpublish_page")
def translators_unpublish_only_translations(request, page):
    return _refuse_unless_translation(request, page)


for _hook in ("before_create_page", "before_delete_page", "before_move_page", "before_copy_page"):
    hooks.register(_hook, _refuse)


@hooks.register("before_bulk_action")
def translators_no_bulk_actions(request, action_type, objects, action_class_instance):
    # ``action_type`` names the action ("publish", "delete", "move"...), not the model: the
    # bulk action's model says whether pages are concerned.
    model = getattr(action_class_instance, "model", None)
    if model is not None and issubclass(model, Page):
        return _refuse(request)
    return None
