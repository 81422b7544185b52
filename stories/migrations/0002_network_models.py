"""Stories point at the partner and collaborative models in their new app (``network 0001``).

The tables and their constraints stay as they are: only Django's idea of the target moves.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0001_initial"),
        ("stories", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='casestorypage',
                    name='collaborative',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='stories', to='network.learningcollaborativepage', verbose_name='learning collaborative'),
                ),
                migrations.AlterField(
                    model_name='casestorypage',
                    name='partners_involved',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Other partners of a consortium story; the publishing partner is its parent.', related_name='stories_involved_in', to='network.partnerprofilepage', verbose_name='partners involved'),
                ),
            ],
            database_operations=[],
        ),
    ]
