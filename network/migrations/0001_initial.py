"""The network's models, moved here from ``hub`` without touching a table.

The tables keep their names (``db_table``), so this migration changes the database in two ways
only: the content types of the moved models are renamed from ``hub`` to ``network`` (pages,
revisions, page and model permissions, workflow states, log entries and translation sources
all point at those rows, so they follow), and the search documents' source keys, which name the
model (``hub.partnerprofilepage:<pk>``), follow too. ``hub 0006`` forgets the models on its side.
An Elasticsearch index keeps the old keys until ``rebuild_search_index``.
"""

import django.db.models.deletion
import django_countries.fields
import modelcluster.fields
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Substr

MOVED = [
    "collaborativeactivity",
    "collaborativeindexpage",
    "collaborativemember",
    "collaborativeoutput",
    "learningcollaborativepage",
    "partnerindexpage",
    "partnerprofilepage",
]
SEARCH_SOURCES = ["partnerprofilepage", "learningcollaborativepage"]


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        moving = ContentType.objects.filter(app_label=old, model=model)
        if moving.exists():
            # A row under the new label can only be an empty leftover (the model lived in the
            # old app until now): drop it so the renamed row, which everything points at, wins.
            ContentType.objects.filter(app_label=new, model=model).delete()
            moving.update(app_label=new)
    ContentType.objects.clear_cache()
    for name in ("IndexedDocument", "DocumentVector"):
        rows = apps.get_model("hubsearch", name).objects
        for model in SEARCH_SOURCES:
            prefix = f"{old}.{model}:"
            rows.filter(source__startswith=prefix).update(
                source=Concat(Value(f"{new}.{model}:"), Substr("source", len(prefix) + 1))
            )


def forwards(apps, schema_editor):
    _relabel(apps, "hub", "network")


def backwards(apps, schema_editor):
    _relabel(apps, "network", "hub")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("hub", "0005_partner_media_collections"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("hubsearch", "0006_analysis_and_vocabulary"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CollaborativeIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'collaborative index page',
                        'db_table': 'hub_collaborativeindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='PartnerIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'partner index page',
                        'db_table': 'hub_partnerindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='PartnerProfilePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('acronym', models.CharField(blank=True, max_length=30, verbose_name='acronym')),
                        ('organisation_type', models.CharField(choices=[('cso', 'Civil society organisation (CSO)'), ('cbo', 'Community-based organisation (CBO)'), ('ingo', 'International NGO'), ('government', 'Government agency'), ('research', 'Research institute'), ('network', 'Network'), ('funder', 'Donor or funder'), ('learning-partner', 'Learning partner')], max_length=30, verbose_name='organisation type')),
                        ('logo_alt', models.CharField(blank=True, help_text='Required with a logo: what a screen reader says, usually the name.', max_length=200, verbose_name='logo alternative text')),
                        ('headquarters_country', django_countries.fields.CountryField(blank=True, max_length=2, verbose_name='headquarters country')),
                        ('countries', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='countries of work')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('summary', models.TextField(blank=True, max_length=500, verbose_name='summary')),
                        ('body', wagtail.fields.RichTextField(blank=True, verbose_name='about')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='public contact e-mail')),
                        ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='public contact name')),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, to='hub.theme', verbose_name='themes')),
                    ],
                    options={
                        'verbose_name': 'partner profile page',
                        'db_table': 'hub_partnerprofilepage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='LearningCollaborativePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, max_length=500, verbose_name='summary')),
                        ('purpose', wagtail.fields.RichTextField(blank=True, verbose_name='purpose')),
                        ('learning_questions', wagtail.fields.RichTextField(blank=True, help_text="The collaborative's learning agenda.", verbose_name='learning questions')),
                        ('theory_of_change', wagtail.fields.RichTextField(blank=True, verbose_name='theory of change')),
                        ('status', models.CharField(choices=[('forming', 'Forming'), ('active', 'Active'), ('completed', 'Completed')], default='active', max_length=20, verbose_name='status')),
                        ('start_date', models.DateField(blank=True, null=True, verbose_name='start date')),
                        ('end_date', models.DateField(blank=True, null=True, verbose_name='end date')),
                        ('countries', django_countries.fields.CountryField(blank=True, help_text='Leave empty to use the countries of work of the members.', max_length=746, multiple=True, verbose_name='countries')),
                        ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, to='hub.theme', verbose_name='themes')),
                        ('host_partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='hosted_collaboratives', to='network.partnerprofilepage', verbose_name='host partner')),
                    ],
                    options={
                        'verbose_name': 'learning collaborative page',
                        'db_table': 'hub_learningcollaborativepage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='CollaborativeOutput',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                        ('collaborative', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='outputs', to='network.learningcollaborativepage')),
                    ],
                    options={
                        'verbose_name': 'related page',
                        'db_table': 'hub_collaborativeoutput',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='CollaborativeActivity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('date', models.DateField(verbose_name='date')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                        ('format', models.CharField(choices=[('in-person', 'In person'), ('virtual', 'Virtual'), ('blended', 'Blended')], max_length=20, verbose_name='format')),
                        ('languages', models.CharField(blank=True, help_text='For example "English, French".', max_length=200, verbose_name='languages')),
                        ('summary', models.TextField(blank=True, verbose_name='summary')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('collaborative', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='network.learningcollaborativepage')),
                    ],
                    options={
                        'verbose_name': 'activity',
                        'verbose_name_plural': 'activities',
                        'db_table': 'hub_collaborativeactivity',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='CollaborativeMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('role', models.CharField(choices=[('learning-hub', 'Learning hub'), ('member', 'Member'), ('cluster-partner', 'Cluster partner'), ('learning-partner', 'Learning partner'), ('funder', 'Funder'), ('facilitator', 'Facilitator')], max_length=30, verbose_name='role')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('collaborative', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='network.learningcollaborativepage')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='collaborative_memberships', to='network.partnerprofilepage', verbose_name='partner')),
                    ],
                    options={
                        'verbose_name': 'member',
                        'db_table': 'hub_collaborativemember',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
