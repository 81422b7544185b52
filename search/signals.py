"""Wagtail and Django signals -> indexing tasks. Connected in ``SearchConfig.ready``."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import (
    enqueue_after_commit,
    index_object,
    index_page_tree,
    is_indexable_model,
    remove_from_index,
    source_of,
)


def page_changed(sender, instance, **kwargs):
    if is_indexable_model(instance.specific_class):
        enqueue_after_commit(index_object, instance.specific_class._meta.label, instance.pk)


def page_moved(sender, instance, **kwargs):
    # The URLs of the page and all its descendants changed, and so may their privacy.
    enqueue_after_commit(index_page_tree, instance.pk)


def page_deleted(sender, instance, **kwargs):
    # Sent for every page of a deleted subtree, as base Page rows and as specific rows.
    if isinstance(instance, Page) and is_indexable_model(instance.specific_class):
        enqueue_after_commit(remove_from_index, [source_of(instance)])


def restriction_changed(sender, instance, **kwargs):
    enqueue_after_commit(index_page_tree, instance.page_id)


def object_saved(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_indexable_model(type(instance)):
        enqueue_after_commit(index_object, type(instance)._meta.label, instance.pk)


def object_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_indexable_model(type(instance)):
        enqueue_after_commit(remove_from_index, [source_of(instance)])


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="hubsearch_published")
    page_unpublished.connect(page_changed, dispatch_uid="hubsearch_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="hubsearch_moved")
    post_delete.connect(page_deleted, dispatch_uid="hubsearch_page_deleted")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="hubsearch_r1")
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="hubsearch_r2"
    )
    # Indexable models that are not pages (none yet; snippets could be) follow saves.
    post_save.connect(object_saved, dispatch_uid="hubsearch_saved")
    post_delete.connect(object_deleted, dispatch_uid="hubsearch_deleted")
