"""Searches with no results: one row per (normalised query, language), for editors' report.

The view permission is granted to the Editors group here (Wagtail's migrations create that
group; ``network.onboarding.ensure_editorial_setup`` grants it too), so an existing site
gets the report without re-running the editorial setup. Permissions are created after
migrations by Django, hence the ``get_or_create`` of the permission row.
"""

from django.db import migrations, models

EDITORS = "Editors"
CODENAME = "view_zeroresultquery"


def grant_editors(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="hubsearch", model="zeroresultquery"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can view search with no results"},
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(permission)


def revoke_editors(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="hubsearch", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hubsearch", "0003_facet_keys"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # The Editors group.
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.CreateModel(
            name="ZeroResultQuery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("query", models.CharField(max_length=255, verbose_name="query")),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="searches")),
                ("first_seen", models.DateTimeField(verbose_name="first seen")),
                ("last_seen", models.DateTimeField(db_index=True, verbose_name="last seen")),
            ],
            options={
                "verbose_name": "search with no results",
                "verbose_name_plural": "searches with no results",
                "default_permissions": ("view",),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("query", "language"), name="hubsearch_zero_result_query_language"
                    )
                ],
            },
        ),
        migrations.RunPython(grant_editors, revoke_editors),
    ]
