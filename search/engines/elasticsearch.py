"""The Elasticsearch engine: per-language indices behind aliases, facets by aggregation.

Every index update and query goes through the alias ``<prefix><lang>``; a rebuild fills new
indices ``<prefix><lang>_<version>`` and swaps all aliases in one atomic ``update_aliases``
call, so a failed rebuild leaves the old indices serving. Disjunctive facets: the selections
go to ``post_filter`` (they narrow the hits only) and each facet's aggregation is filtered by
every selection except its own (query bodies and responses: ``es_query``). Any transport or
server error becomes ``SearchUnavailable``.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings

from elastic_transport import TransportError
from elasticsearch import ApiError, helpers

from search.documents import SearchDocument
from search.engines import es_client, es_query
from search.engines.base import (
    AutocompleteHit,
    SearchEngine,
    SearchHit,
    SearchRequest,
    SearchResponse,
    SearchUnavailable,
    check_autocomplete,
)
from search.engines.es_schema import MAPPINGS, MAX_BUCKETS, index_settings
from search.engines.serialise import document_to_data
from search.languages import analysed

ERRORS = (TransportError, ApiError, helpers.BulkIndexError)
APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def split_apostrophes(text: str) -> str:
    """ "l'eau" and "partner's" as two words, as the database engines read them. Done before
    indexing rather than by an analysis char filter, which not every server speaking the
    protocol applies; the text as written travels beside it (``written``) for display."""
    return APOSTROPHE.sub("’ ", text)


SOURCE_FIELDS = ["*"]


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    capabilities = frozenset({"stemming", "highlight", "suggestion"})

    def __init__(self, url: str | None = None, prefix: str | None = None, **client_options):
        """The client comes from ``es_client`` (the settings: credentials, TLS, timeout,
        transport); ``client_options`` override them for a server of the caller's own."""
        self.url = url or settings.ELASTICSEARCH_URL
        self.prefix = prefix if prefix is not None else settings.SEARCH_INDEX_PREFIX
        self.client = es_client.get_client(self.url, **client_options)

    def alias(self, language: str) -> str:
        return f"{self.prefix}{language}"

    def all_aliases(self) -> str:
        return ",".join(self.alias(code) for code in analysed())

    def _call(self, what: str, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ERRORS as error:
            raise SearchUnavailable(f"Elasticsearch failed to {what}: {error}") from error

    # --- indices ---------------------------------------------------------------------------

    def _create_index(self, language: str, version: str) -> str:
        name = f"{self.alias(language)}_{version}"
        self.client.indices.create(index=name, settings=index_settings(language), mappings=MAPPINGS)
        return name

    def ensure_indices(self) -> None:
        def ensure():
            for language in analysed():
                if not self.client.indices.exists_alias(name=self.alias(language)):
                    name = self._create_index(language, _version())
                    self.client.indices.put_alias(index=name, name=self.alias(language))

        self._call("create its indices", ensure)

    # --- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[SearchDocument]) -> int:
        documents = list({doc.id: doc for doc in documents}.values())
        if not documents:
            return 0
        self.ensure_indices()
        keys = {doc.translation_key for doc in documents if doc.translation_key}
        groups = self._call("read translations", self._groups, keys)
        for doc in documents:
            if doc.translation_key:
                groups[doc.translation_key][doc.id] = doc.locale
        actions = [self._action(doc, groups) for doc in documents]
        actions += self._sibling_updates(groups, {doc.id for doc in documents})
        self._call("index documents", helpers.bulk, self.client, actions, refresh=True)
        return len(documents)

    def delete_source(self, source: str) -> int:
        self.ensure_indices()

        def delete():
            found = self.client.search(
                index=self.all_aliases(),
                query={"term": {"source": source}},
                source=["translation_key"],
                size=MAX_BUCKETS,
            )["hits"]["hits"]
            if not found:
                return 0
            self.client.delete_by_query(
                index=self.all_aliases(), query={"term": {"source": source}}, refresh=True
            )
            keys = {hit["_source"].get("translation_key") for hit in found} - {"", None}
            updates = self._sibling_updates(self._groups(keys), set())
            if updates:
                helpers.bulk(self.client, updates, refresh=True)
            return len(found)

        return self._call("delete documents", delete)

    def rebuild(self, documents: Iterable[SearchDocument], progress=None) -> int:
        documents = list({doc.id: doc for doc in documents}.values())
        groups: dict[str, dict[str, str]] = defaultdict(dict)
        for doc in documents:
            if doc.translation_key:
                groups[doc.translation_key][doc.id] = doc.locale
        version = _version()
        created: dict[str, str] = {}
        try:
            for language in analysed():
                created[language] = self._create_index(language, version)
            count = 0
            for ok, _ in helpers.streaming_bulk(
                self.client,
                (self._action(doc, groups, created.get(doc.locale)) for doc in documents),
                chunk_size=1000,
            ):
                count += ok
                if progress:
                    progress(1)
            self.client.indices.refresh(index=",".join(created.values()))
            current = self._aliased_indices()
            actions = [
                {"remove": {"index": index, "alias": alias}}
                for index, info in current.items()
                for alias in info.get("aliases", {})
            ]
            actions += [
                {"add": {"index": name, "alias": self.alias(language)}}
                for language, name in created.items()
            ]
            self.client.indices.update_aliases(actions=actions)
        except Exception as error:
            try:  # the old indices keep serving; drop the half-built ones
                if created:
                    self.client.indices.delete(
                        index=",".join(created.values()), ignore_unavailable=True
                    )
            except ERRORS:
                pass
            if isinstance(error, ERRORS):
                raise SearchUnavailable(f"Elasticsearch rebuild failed: {error}") from error
            raise
        old = [index for index in current if index not in created.values()]
        if old:
            self._call("delete old indices", self.client.indices.delete, index=",".join(old))
        return count

    def alias_targets(self) -> dict[str, str]:
        """{alias: index} as the cluster holds them now (the rebuild command reports them)."""
        current = self._call("read its aliases", self._aliased_indices)
        return {alias: index for index, info in current.items() for alias in info["aliases"]}

    def _aliased_indices(self) -> dict:
        """{index: {"aliases": {...}}} for the indices our aliases point at now."""
        current: dict = {}
        for language in analysed():
            alias = self.alias(language)
            if self.client.indices.exists_alias(name=alias):
                current.update(self.client.indices.get_alias(name=alias).body)
        return current

    def _action(self, doc: SearchDocument, groups, index: str | None = None) -> dict:
        if doc.locale not in analysed():
            raise ValueError(f"no search index for language {doc.locale!r}")
        body = document_to_data(doc)
        body["written"] = {name: body[name] for name in ("title", "summary", "body")}
        for name in ("title", "summary", "body"):
            body[name] = split_apostrophes(body[name])
        body["year"] = str(doc.year) if doc.year else None
        group = groups.get(doc.translation_key) if doc.translation_key else None
        body["available_locales"] = sorted(set(group.values())) if group else [doc.locale]
        return {
            "_op_type": "index",
            "_index": index or self.alias(doc.locale),
            "_id": doc.id,
            "_source": body,
        }

    def _groups(self, keys: set[str]) -> dict[str, dict[str, str]]:
        """translation_key -> {document id: locale} as the index holds them now."""
        groups: dict[str, dict[str, str]] = defaultdict(dict)
        if keys:
            hits = self.client.search(
                index=self.all_aliases(),
                query={"terms": {"translation_key": sorted(keys)}},
                source=["translation_key", "locale"],
                size=MAX_BUCKETS,
            )["hits"]["hits"]
            for hit in hits:
                groups[hit["_source"]["translation_key"]][hit["_id"]] = hit["_source"]["locale"]
        return groups

    def _sibling_updates(self, groups, skip: set[str]) -> list[dict]:
        return [
            {
                "_op_type": "update",
                "_index": self.alias(locale),
                "_id": doc_id,
                "doc": {"available_locales": sorted(set(members.values()))},
            }
            for members in groups.values()
            for doc_id, locale in members.items()
            if doc_id not in skip
        ]

    # --- reading ---------------------------------------------------------------------------

    def _indices(self, request: SearchRequest) -> str:
        if request.include_other_languages:
            return self.all_aliases()
        return self.alias(request.language)

    def search(self, request: SearchRequest) -> SearchResponse:
        body = es_query.build_query(request)
        result = self._call(
            "search",
            self.client.search,
            index=self._indices(request),
            ignore_unavailable=True,
            **body,
        ).body
        response = es_query.shape_response(request, result, engine=self.name)
        if request.rank_window and request.also_ids:
            found = self._call(
                "search",
                self.client.search,
                index=self._indices(request),
                ignore_unavailable=True,
                query=es_query.also_query(request),
                source=False,
                size=len(request.also_ids),
            )["hits"]["hits"]
            response.also_matched = [hit["_id"] for hit in found]
        return response

    def fetch(self, request: SearchRequest, doc_ids: list[str]) -> list[SearchHit]:
        if not doc_ids:
            return []
        query = request.query
        body = {"query": {"ids": {"values": list(doc_ids)}}, "size": len(doc_ids)}
        if query:
            body["query"] = {
                "bool": {"filter": body["query"], "should": [es_query.text_query(query)]}
            }
            body["highlight"] = es_query.HIGHLIGHT
        result = self._call(
            "fetch",
            self.client.search,
            index=self.all_aliases(),
            ignore_unavailable=True,
            **body,
        )
        hits = {hit["_id"]: es_query.shape_hit(hit, False) for hit in result["hits"]["hits"]}
        return [hits[doc_id] for doc_id in doc_ids if doc_id in hits]

    def autocomplete(self, text: str, language: str, limit: int = 8) -> list[AutocompleteHit]:
        terms = check_autocomplete(text, limit)
        if not terms:
            return []
        result = self._call(
            "autocomplete",
            self.client.search,
            index=self.alias(language),
            ignore_unavailable=True,
            query={
                "bool": {
                    "must": {
                        "match": {
                            "title.autocomplete": {
                                "query": " ".join(t.word for t in terms),
                                "operator": "and",
                            }
                        }
                    },
                    "filter": {"term": {"locale": language}},
                }
            },
            source=["id", "title", "url", "kind", "locale"],
            sort=["_score", {"id": "asc"}],
            size=limit,
        )
        return [
            AutocompleteHit(
                **{k: hit["_source"][k] for k in ("id", "title", "url", "kind", "locale")}
            )
            for hit in result["hits"]["hits"]
        ]

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except ERRORS:
            return False

    def count(self) -> int:
        result = self._call(
            "count", self.client.count, index=self.all_aliases(), ignore_unavailable=True
        )
        return result["count"]


def _version() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
