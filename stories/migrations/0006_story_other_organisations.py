from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_story_licence"),
    ]

    operations = [
        migrations.AddField(
            model_name="casestorypage",
            name="other_organisations",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Organisations without a profile on the hub, one name per line, e.g. "
                    "“Nairobi County Assembly”. They are shown as names, without a link."
                ),
                verbose_name="other organisations involved",
            ),
        ),
    ]
