"""Partners who were onboarded before media isolation get their own collection.

They held their media permissions on the root collection (every partner's and editor's
images and documents); onboarding now gives each partner group its own collection and the
shared one, and this runs the same code for the groups that exist, then moves what their
members uploaded into the root collection to the partner's own collection. A new database has no
partner groups yet: nothing to do.
"""

from django.db import migrations

PARTNER_GROUP_PREFIX = "Partner: "


def isolate_partner_media(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    groups = list(Group.objects.filter(name__startswith=PARTNER_GROUP_PREFIX))
    if not groups:
        return
    # The onboarding code itself, so that the collections are exactly those it makes; it
    # needs the tree methods of the real Collection model (historical models lack them).
    from django.contrib.auth.models import Group as LiveGroup

    from hub.media_collections import ensure_editor_media, ensure_partner_media

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    editors = LiveGroup.objects.filter(name="Editors").first()
    if editors is not None:
        ensure_editor_media(editors)
    root = Collection.get_first_root_node()
    for group in LiveGroup.objects.filter(pk__in=[group.pk for group in groups]):
        own = ensure_partner_media(group, group.name.removeprefix(PARTNER_GROUP_PREFIX))
        # What the partner's people uploaded into the root collection moves to the partner's
        # own, so that they can still choose it.
        for model in (get_image_model(), get_document_model()):
            model.objects.filter(collection=root, uploaded_by_user__groups=group).update(
                collection=own
            )


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0004_home_featured_items"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(isolate_partner_media, migrations.RunPython.noop)]
