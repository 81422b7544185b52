"""Keeping the index in step with the content: documents of public objects, and the tasks
the signals enqueue (django-tasks: the worker runs them, or the immediate backend at once;
each is retried, ``hub.tasks``, and idempotent: it replaces what its source contributed).

A page reaches the index only while it is live and neither it nor an ancestor carries a view
restriction; anything else removes its documents. The source key of an object
("stories.casestorypage:42") names everything it contributed, so re-indexing replaces all of
it: a lesson deleted from a story disappears with the story's next publish.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.apps import apps
from django.db import transaction

from wagtail.models import Page

from hub.tasks import retried_task
from hub.visibility import is_visible, restricted_paths
from search.documents import SearchDocument, documents_for, indexable_models, rebuild_queryset
from search.engines import SearchUnavailable, indexing_engines
from search.semantic import store as vectors

logger = logging.getLogger(__name__)


def source_of(obj) -> str:
    """The source key of an indexable object; pages use their specific model."""
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    return f"{model._meta.label_lower}:{obj.pk}"


def is_indexable_model(model) -> bool:
    return model is not None and any(issubclass(model, m) for m in indexable_models())


def is_indexable(obj, restricted=None) -> bool:
    """Pages while visitors may open them (``hub.visibility.is_visible``); other objects always."""
    return not isinstance(obj, Page) or is_visible(obj, restricted)


def documents_of(obj, restricted=None) -> list[SearchDocument]:
    return documents_for(obj) if is_indexable(obj, restricted) else []


def all_documents() -> Iterator[SearchDocument]:
    """Every document a full rebuild indexes."""
    restricted = restricted_paths()
    for model in indexable_models():
        for obj in rebuild_queryset(model):
            yield from documents_of(obj, restricted)


def _for_each_engine(action: str, function) -> None:
    for engine in indexing_engines():
        try:
            function(engine)
        except SearchUnavailable as error:
            # Publishing must not fail because a search cluster is down; a rebuild repairs.
            logger.warning("search index %s skipped on %s: %s", action, engine.name, error)


def update_object(obj) -> None:
    """Make the index hold exactly the current public documents of ``obj``."""
    documents = documents_of(obj)
    sources = {source_of(obj)} | {doc.source for doc in documents}

    def apply(engine):
        for source in sources:
            engine.delete_source(source)
        engine.index(documents)

    _for_each_engine(f"update of {source_of(obj)}", apply)
    # Beside the engines, not in one (every engine ranks by the same vectors), and in a task
    # of its own: the model's seconds of work neither delay the words' index nor fail it.
    embed_object.enqueue(type(obj)._meta.label, obj.pk, sorted(sources))


def remove_sources(sources: list[str]) -> None:
    def apply(engine):
        for source in sources:
            engine.delete_source(source)

    _for_each_engine("removal", apply)
    vectors.delete_sources(sources)


# --- tasks (arguments are JSON: model labels and primary keys) ----------------------------


@retried_task()
def index_object(model_label: str, pk: int) -> None:
    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        remove_sources([f"{model._meta.label_lower}:{pk}"])
        return
    update_object(obj.specific if isinstance(obj, Page) else obj)


@retried_task()
def index_page_tree(page_pk: int) -> None:
    """Re-index a page and its descendants (after a move or a change of view restriction)."""
    root = Page.objects.filter(pk=page_pk).first()
    if root is None:
        return
    for page in Page.objects.descendant_of(root, inclusive=True).specific():
        if is_indexable_model(type(page)):
            update_object(page)


@retried_task()
def embed_object(model_label: str, pk: int, sources: list[str]) -> int:
    """Make the vectors of ``sources`` those of the object's current public documents."""
    obj = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
    documents = documents_of(obj.specific if isinstance(obj, Page) else obj) if obj else []
    return vectors.replace_sources(sources, documents)


@retried_task()
def remove_from_index(sources: list[str]) -> None:
    remove_sources(sources)


def enqueue_after_commit(task_, *args) -> None:
    """Run once the change is committed, so the task reads what was saved."""
    transaction.on_commit(lambda: task_.enqueue(*args))
