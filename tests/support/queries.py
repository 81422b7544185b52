"""Query-count checks every page type reuses: a page renders within a fixed number of SQL
queries, and that number does not grow with the content it shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str, *, status: int = 200) -> int:
    """Queries of a warm render: the first request fills per-process caches (site root,
    locales, content types), as on a server that has been up for a while."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return len(captured)


def assert_max_queries(client, url: str, limit: int, *, status: int = 200) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    sql = "\n".join(query["sql"] for query in captured.captured_queries)
    assert len(captured) <= limit, f"{url}: {len(captured)} queries (at most {limit}):\n{sql}"
    return len(captured)


def assert_queries_do_not_grow(client, url: str, grow, *, status: int = 200) -> int:
    """Count the queries of ``url``, call ``grow()`` to add content it shows, count again:
    the two counts must be equal (no query per item)."""
    before = count_queries(client, url, status=status)
    grow()
    after = count_queries(client, url, status=status)
    assert after == before, f"{url}: {before} queries before growing, {after} after"
    return after
