"""Sentence embeddings of the search documents (``search.semantic``), one row per document."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hubsearch", "0004_zero_result_queries"),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentVector",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("doc_id", models.CharField(max_length=255, unique=True)),
                ("source", models.CharField(db_index=True, max_length=255)),
                ("kind", models.CharField(max_length=20)),
                ("locale", models.CharField(max_length=10)),
                ("translation_key", models.CharField(blank=True, max_length=64)),
                ("model", models.CharField(max_length=64)),
                ("model_version", models.CharField(max_length=32)),
                ("text_hash", models.CharField(max_length=64)),
                ("vector", models.BinaryField()),
                ("updated", models.DateTimeField()),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["model", "model_version", "updated"], name="hubsearch_vec_model"
                    )
                ],
            },
        ),
    ]
