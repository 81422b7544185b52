"""The one search document shape, and the registry through which content apps feed it.

Content apps know nothing of engines: each app's ``search_documents.py`` registers the
function that builds a model's ``SearchDocument`` objects (``register_documents``);
``search/`` turns them into an index. A
story page, for example, yields one document for the story and one per lesson.

Facet values are stable keys (ISO 3166 codes, M49 codes, slugs, choice values); labels are
looked up in the visitor's language only when a page or API response is rendered, through the
label resolvers apps register with ``register_labels``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("story", "lesson", "resource", "collaborative", "partner")

# Public facet name (URL parameter) -> document field holding its keys. Order is display order.
FACETS: dict[str, str] = {
    "kind": "kind",
    "country": "countries",
    "region": "regions",
    "theme": "themes",
    "collaborative": "collaboratives",
    "partner": "partners",
    "organisation_type": "organisation_types",
    "resource_type": "resource_types",
    "lesson_type": "lesson_types",
    "audience": "audiences",
    "language": "locale",
    "year": "year",
}
LIST_FIELDS = (
    "countries",
    "regions",
    "themes",
    "collaboratives",
    "partners",
    "organisation_types",
    "resource_types",
    "lesson_types",
    "audiences",
)


@dataclass
class SearchDocument:
    """One indexable item in one language.

    ``id`` is unique across the index ("lesson:<pk>"); ``source`` names the object that owns
    the document ("stories.casestorypage:<pk>"): re-indexing a source replaces all of its
    documents, so a lesson removed from a story disappears from search with the next publish.
    """

    id: str
    source: str
    kind: str
    locale: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    date: datetime.date | None = None
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    collaboratives: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    organisation_types: list[str] = field(default_factory=list)
    resource_types: list[str] = field(default_factory=list)
    lesson_types: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    # What a result shows besides the title: e.g. {"story_title": ..., "partner_name": ...}.
    display: dict[str, str] = field(default_factory=dict)
    # Ties translations of one item together (Wagtail's translation_key), for "other languages".
    translation_key: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}")
        from search.analysis import strip_controls

        for name in ("title", "summary", "body"):
            setattr(self, name, strip_controls(getattr(self, name)))
        for name in LIST_FIELDS:
            setattr(self, name, sorted({str(value) for value in getattr(self, name) if value}))

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def facet_values(self, facet: str) -> list[str]:
        value = getattr(self, FACETS[facet])
        if isinstance(value, list):
            return value
        return [] if value is None else [str(value)]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["year"] = self.year
        return data


# --- registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indexable:
    """How one model reaches the index."""

    documents: Callable[[Any], list[SearchDocument]]
    queryset: Callable[[], Iterable]


_indexable: dict[type, Indexable] = {}
_labels: dict[str, Callable[[Iterable[str], str], dict[str, str]]] = {}
_vocabularies: dict[str, Callable[[], Iterable[str]]] = {}


def register_documents(model: type, *, queryset: Callable[[], Iterable]):
    """Decorator registering ``documents(instance) -> list[SearchDocument]`` for ``model``.

    The documents are those of one instance in its own language; ``queryset()`` returns every
    instance a full rebuild indexes (live and public, all languages). Pages are also checked
    for live status and view restrictions before indexing (``search.indexing``). Each app
    registers its models, and its facet labels (``register_labels``), in its
    ``search_documents.py``, which its ``AppConfig.ready()`` imports.
    """

    def decorator(build):
        _indexable[model] = Indexable(build, queryset)
        return build

    return decorator


def indexable_models() -> list[type]:
    return list(_indexable)


def _registration(model: type) -> Indexable:
    return next(_indexable[cls] for cls in model.__mro__ if cls in _indexable)


def documents_for(obj) -> list[SearchDocument]:
    """The documents of ``obj`` (a specific page or another registered object)."""
    return list(_registration(type(obj)).documents(obj))


def rebuild_queryset(model: type) -> Iterable:
    """Every instance of ``model`` a full rebuild indexes."""
    return _registration(model).queryset()


def register_labels(facet: str, *, vocabulary: Callable[[], Iterable[str]] | None = None):
    """Decorator registering ``resolver(keys, language) -> {key: label}`` for a facet.

    A facet whose keys are a fixed list (choices in code, not pages) also gives
    ``vocabulary() -> keys``: the API's description lists them (``search.openapi``).
    """
    if facet not in FACETS:
        raise ValueError(f"unknown facet {facet!r}")

    def decorator(resolver):
        _labels[facet] = resolver
        if vocabulary is not None:
            _vocabularies[facet] = vocabulary
        return resolver

    return decorator


def label_resolver(facet: str):
    return _labels.get(facet)


def facet_vocabulary(facet: str) -> list[str] | None:
    """The fixed keys of a facet, or None when its keys are open (slugs of pages)."""
    vocabulary = _vocabularies.get(facet)
    return None if vocabulary is None else list(vocabulary())
