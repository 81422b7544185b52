"""Take offline the untranslated copies that went live before the hub kept them offline
(``hub.translation.untranslated_copies``): aliases of a page in another language."""

from django.db import migrations
from django.db.models import F


def take_offline(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(live=True, alias_of__isnull=False).exclude(
        locale_id=F("alias_of__locale_id")
    ).update(live=False)


class Migration(migrations.Migration):
    dependencies = [("hub", "0006_network_models_moved")]

    operations = [migrations.RunPython(take_offline, migrations.RunPython.noop, elidable=True)]
