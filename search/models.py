"""Tables of the database search engine.

``IndexedDocument`` holds one ``SearchDocument`` per row (its full form in ``data``, so a hit
needs no other query); ``DocumentFacet`` holds one row per (document, facet, key), which is
what facet counts group over. The full-text side lives next to them and is created by the
migrations for the database in use: an FTS5 table ``hubsearch_fts`` (rowid = document id) on
SQLite, a ``search_vector`` tsvector column with a GIN index on PostgreSQL.

``ZeroResultQuery`` is not part of the index: it counts the queries that found nothing, for
the editors' "Searches with no results" report.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


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


class IndexedWord(models.Model):
    """A word (folded, as written, not stemmed) and how many indexed documents hold it: the
    vocabulary that spelling suggestions draw on, kept by the database engine as it indexes
    (whichever engine answers searches)."""

    word = models.CharField(max_length=64, primary_key=True)
    documents = models.IntegerField()

    def __str__(self):
        return self.word


def query_key(text: str) -> str:
    """The query as the "Search terms" report and promotions store it.

    Wagtail's normalising cuts a query to the column's 255 characters *before* lower-casing
    it, and a few characters lower-case to two ("İ" to "i" and a combining dot), so one pass
    can exceed the column; saving then cuts it again, the next identical search looks for
    the longer text, misses, and collides with the stored row. Normalising until nothing
    changes gives the text that is stored.
    """
    key = normalise_query_string(text)
    while (again := normalise_query_string(key)) != key:
        key = again
    return key


class ZeroResultQuery(models.Model):
    """A query visitors typed that found nothing, per language: what the hub lacks, or how
    visitors name what it has. Wagtail's "Search terms" report counts queries but not their
    results, so editors could not tell these apart from the ones that work."""

    query = models.CharField(_("query"), max_length=MAX_QUERY_STRING_LENGTH)
    language = models.CharField(_("language"), max_length=10)
    count = models.PositiveIntegerField(_("searches"), default=0)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")
        # Only the report reads these rows; the search writes them.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language"], name="hubsearch_zero_result_query_language"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.language})"

    @classmethod
    def record(cls, text: str, language: str) -> None:
        """Count one more search for ``text`` in ``language``.

        The increment is one UPDATE with ``F()``, so concurrent searches never lose a count;
        only a query's first miss also INSERTs. Two first misses racing: the loser's INSERT
        hits the unique constraint (in a savepoint, so an enclosing transaction survives on
        PostgreSQL) and it counts with the UPDATE instead.
        """
        query = query_key(" ".join(text.split()))
        if not query:
            return
        now = timezone.now()
        rows = cls.objects.filter(query=query, language=language)
        if rows.update(count=F("count") + 1, last_seen=now):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    query=query, language=language, count=1, first_seen=now, last_seen=now
                )
        except IntegrityError:
            rows.update(count=F("count") + 1, last_seen=now)


class DocumentVector(models.Model):
    """The sentence embedding of one search document (``search.semantic``), kept beside the
    index rather than in it, so that every engine ranks by the same vectors.

    A row exists only while its document is indexed, hence only for live, public content.
    ``model`` and ``model_version`` say what made the vector: vectors of another model are
    ignored and replaced by the next rebuild. ``text_hash`` identifies the embedded text, so
    a publish that does not change a document's text does not embed it again.
    """

    doc_id = models.CharField(max_length=255, unique=True)
    source = models.CharField(max_length=255, db_index=True)
    kind = models.CharField(max_length=20)
    locale = models.CharField(max_length=10)
    translation_key = models.CharField(max_length=64, blank=True)
    model = models.CharField(max_length=64)
    model_version = models.CharField(max_length=32)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()  # float32, little-endian, L2-normalised
    updated = models.DateTimeField()

    class Meta:
        indexes = [
            # Whether the vectors changed: count and newest of one model's rows.
            models.Index(fields=["model", "model_version", "updated"], name="hubsearch_vec_model"),
        ]

    def __str__(self):
        return self.doc_id
