"""Tables of the database search engine.

``IndexedDocument`` holds one ``SearchDocument`` per row (its full form in ``data``, so a hit
needs no other query); ``DocumentFacet`` holds one row per (document, facet, key), which is
what facet counts group over. The full-text side lives next to them and is created by the
migrations for the database in use: an FTS5 table ``hubsearch_fts`` (rowid = document id) on
SQLite, a ``search_vector`` tsvector column with a GIN index on PostgreSQL.
"""

from django.db import models


class IndexedDocument(models.Model):
    doc_id = models.CharField(max_length=255, unique=True)
    source = models.CharField(max_length=255, db_index=True)
    kind = models.CharField(max_length=20)
    locale = models.CharField(max_length=10)
    translation_key = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    date = models.DateField(null=True)
    data = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["locale", "date"], name="hubsearch_doc_locale_date"),
        ]

    def __str__(self):
        return self.doc_id


class DocumentFacet(models.Model):
    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=32)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [
            # Counting: rows of the matching documents, grouped by (facet, value).
            models.Index(fields=["document", "facet", "value"], name="hubsearch_fv_doc"),
            # Filtering: the documents holding one key.
            models.Index(fields=["facet", "value", "document"], name="hubsearch_fv_value"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
