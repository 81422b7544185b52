"""Searches that find nothing are counted per (query, language) for editors; nothing else is."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest

from search.engines.database import DatabaseEngine
from search.models import ZeroResultQuery

from .corpus import corpus

NONSENSE = "qxzvjw blorft"
TABLE = ZeroResultQuery._meta.db_table


@pytest.fixture
def indexed_db(db, homes):
    DatabaseEngine().rebuild(corpus())


def rows():
    return {(r.query, r.language): r.count for r in ZeroResultQuery.objects.all()}


def test_the_page_and_the_api_count_the_same_miss(client, indexed_db):
    page = client.get("/en/search/", {"q": NONSENSE})
    assert "Nothing matched your search." in page.content.decode()
    assert rows() == {(NONSENSE, "en"): 1}

    api = client.get("/api/search/", {"q": "  QXZVJW   Blorft ", "lang": "en"})
    assert api.json()["total"] == 0
    assert rows() == {(NONSENSE, "en"): 2}

    client.get("/fr/search/", {"q": NONSENSE})
    client.get("/api/search/", {"q": NONSENSE, "lang": "es"})
    assert rows() == {(NONSENSE, "en"): 2, (NONSENSE, "fr"): 1, (NONSENSE, "es"): 1}
    entry = ZeroResultQuery.objects.get(language="en")
    assert entry.first_seen <= entry.last_seen


def test_searches_that_are_not_misses_record_nothing(client, indexed_db):
    found = client.get("/en/search/", {"q": "facilitation"})
    assert "Facilitation of village committees" in found.content.decode()
    assert client.get("/api/search/", {"q": "facilitation"}).json()["total"] > 0
    # Paging: only the first page of a search counts.
    assert client.get("/en/search/", {"q": NONSENSE, "page": "2"}).status_code == 200
    assert client.get("/api/search/", {"q": NONSENSE, "page": "2"}).json()["total"] == 0
    # No text: browsing, not searching.
    client.get("/en/search/", {"q": "   "})
    client.get("/api/search/", {"q": "", "country": "PE"})
    # Typing is not searching.
    assert client.get("/api/search/autocomplete/", {"q": NONSENSE}).json()["results"] == []
    # Words that exist, narrowed by filters to nothing: the filters found nothing.
    narrowed = client.get("/api/search/", {"q": "facilitation", "country": "PE"})
    assert narrowed.json()["total"] == 0

    assert rows() == {}


def test_a_first_miss_racing_another_counts_both(db):
    """Two first misses at once: the other request inserts between this one's UPDATE (no
    row yet) and INSERT; this INSERT fails on the unique constraint and counts by UPDATE,
    and the surrounding transaction is still usable (PostgreSQL aborts it otherwise)."""
    now = timezone.now()
    raced = []

    def other_request_inserts_after_the_update(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith("UPDATE") and TABLE in sql and not raced:
            raced.append(sql)
            ZeroResultQuery.objects.bulk_create(
                [
                    ZeroResultQuery(
                        query="qxzvjw", language="en", count=1, first_seen=now, last_seen=now
                    )
                ]
            )
        return result

    with connection.execute_wrapper(other_request_inserts_after_the_update):
        ZeroResultQuery.record("Qxzvjw", "en")

    assert raced
    assert rows() == {("qxzvjw", "en"): 2}


def test_old_entries_are_pruned(db):
    now = timezone.now()
    ZeroResultQuery.objects.bulk_create(
        [
            ZeroResultQuery(
                query=query,
                language="en",
                count=3,
                first_seen=now - datetime.timedelta(days=age),
                last_seen=now - datetime.timedelta(days=age),
            )
            for query, age in (("recent", 10), ("stale", 40))
        ]
    )

    out = io.StringIO()
    call_command("prune_zero_result_queries", "--days", "30", stdout=out)

    assert out.getvalue().startswith("1 deleted")

    assert rows() == {("recent", "en"): 3}
