"""Editors curate search promotions ("promoted results") alongside the toolkit.

Wagtail's default Editors group has no permission on search promotions, so the Settings menu
item stays hidden from them; this grants add, change and delete on them to that group.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailsearchpromotions", model="searchpromotion"
    )
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_searchpromotion",
            defaults={"name": f"Can {action} search promotion"},
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    editors.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions",
            codename__in=[f"{action}_searchpromotion" for action in ACTIONS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
