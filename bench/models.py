"""The comparison model: the bench's lessons as Wagtail's search backend sees them.

Wagtail's filters and facets work on single-valued fields, so a lesson's first country,
theme, partner and audience stand for its lists. No migrations: the bench creates the table
with ``migrate --run-syncdb`` in its own database.
"""

from django.db import models

from wagtail.search import index


class BenchLesson(index.Indexed, models.Model):
    doc_id = models.CharField(max_length=64)
    locale = models.CharField(max_length=8)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    year = models.IntegerField(null=True)
    country = models.CharField(max_length=8, blank=True)
    theme = models.CharField(max_length=40, blank=True)
    partner = models.CharField(max_length=40, blank=True)
    lesson_type = models.CharField(max_length=40, blank=True)
    audience = models.CharField(max_length=40, blank=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        *(
            index.FilterField(name)
            for name in (
                "locale",
                "kind",
                "year",
                "country",
                "theme",
                "partner",
                "lesson_type",
                "audience",
            )
        ),
    ]

    def __str__(self):
        return self.title
