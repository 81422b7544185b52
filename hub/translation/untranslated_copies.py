"""Untranslated copies never go live.

When a page is translated and its parent has no translation yet, Wagtail's
``copy_for_translation(copy_parents=True)`` (which wagtail-localize uses) creates the missing
ancestors as aliases of their source pages: copies in the target language that follow the
source and that Wagtail republishes each time the source is published. Live, such a copy shows
English content under French menus (``/fr/partners/<slug>/``) for a page nobody translated,
while the translation status report rightly calls it missing.

The hub keeps them offline: a page that is an alias of a page in another language is stored as
not live, when it is created and at every synchronisation. A translator turns it into a real
translation with wagtail-localize ("Translate this page"), which removes the alias link; that
translation goes live when it is published, like any other. Pages below an offline copy are
served as usual (Wagtail routes through draft ancestors) and breadcrumbs skip the copy
(``live_stand_in``).
"""

from django.db.models.signals import post_save

from wagtail.models import Page, get_page_models


def is_untranslated_copy(page) -> bool:
    """Whether ``page`` is an alias of a page in another language."""
    if page.alias_of_id is None:
        return False
    source_locale = (
        Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
    )
    return source_locale is not None and source_locale != page.locale_id


def keep_offline(sender, instance, **kwargs) -> None:
    # One query, and only when a live alias is saved: ordinary saves cost nothing.
    if instance.live and is_untranslated_copy(instance):
        Page.objects.filter(pk=instance.pk).update(live=False)
        # The same object travels on to ``page_published`` (search indexing, page cache).
        instance.live = False


def connect() -> None:
    for model in get_page_models():
        post_save.connect(
            keep_offline, sender=model, dispatch_uid=f"hub_untranslated_{model._meta.label_lower}"
        )
