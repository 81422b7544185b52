"""The partner and collaborative models now belong to the ``network`` app (``network 0001``).

Their tables stay where they are, under their ``hub_`` names; hub only forgets the models.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("hub", "0005_partner_media_collections"),
        ("network", "0001_initial"),
        ("stories", "0002_network_models"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CollaborativeActivity"),
                migrations.DeleteModel(name="CollaborativeMember"),
                migrations.DeleteModel(name="CollaborativeOutput"),
                migrations.DeleteModel(name="LearningCollaborativePage"),
                migrations.DeleteModel(name="CollaborativeIndexPage"),
                migrations.DeleteModel(name="PartnerProfilePage"),
                migrations.DeleteModel(name="PartnerIndexPage"),
            ],
            database_operations=[],
        ),
    ]
