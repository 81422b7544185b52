"""Translation status: every translatable page and theme, by locale, in a fixed number of queries.

wagtail-localize reports translations one by one; translators and editors asked instead for
one table that answers "what is missing, what is half done, what went stale". A cell's state:

- ``source``: the language the item was written in (a Colombian partner's story is a Spanish
  source; its English page is a translation);
- ``missing``: no page in that language, or only a synchronised alias (an untranslated copy);
- ``in_progress``: a translation exists but not every string is translated, or it is unpublished;
- ``translated``: every string translated and published;
- ``out_of_date``: the source was published again after the translation was last synced.

Snippets have no publishing history, so a theme can be missing, in progress or translated but
never reported out of date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from hub.models import Theme

STATES = {
    "source": _("Source"),
    "missing": _("Missing"),
    "in_progress": _("In progress"),
    "translated": _("Translated"),
    "out_of_date": _("Out of date"),
}


@dataclass
class Cell:
    state: str
    done: int | None = None
    total: int | None = None
    edit_url: str = ""
    translate_url: str = ""
    sync_url: str = ""
    changes_url: str = ""

    @property
    def label(self):
        return STATES[self.state]


@dataclass
class Row:
    title: str
    kind: str
    kind_key: str
    source_language: str
    path: str
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass
class _Item:
    """One instance (a page or a theme in one locale)."""

    pk: int
    key: str
    locale_id: int
    title: str
    live: bool
    unpublished_changes: bool
    alias: bool
    published_at: datetime | None
    kind_key: str
    path: str
    is_page: bool


def _page_items() -> list[_Item]:
    rows = (
        Page.objects.filter(depth__gt=1)
        .order_by("path")
        .values_list(
            "pk",
            "translation_key",
            "locale_id",
            "title",
            "live",
            "has_unpublished_changes",
            "alias_of_id",
            "last_published_at",
            "content_type_id",
            "path",
        )
    )
    return [
        _Item(
            pk,
            str(key),
            loc,
            title,
            live,
            changes,
            alias is not None,
            published,
            str(ct),
            path,
            True,
        )
        for pk, key, loc, title, live, changes, alias, published, ct, path in rows
    ]


def _theme_items() -> list[_Item]:
    rows = Theme.objects.order_by("slug").values_list("pk", "translation_key", "locale_id", "name")
    return [
        _Item(pk, str(key), loc, name, True, False, False, None, "theme", "", False)
        for pk, key, loc, name in rows
    ]


def _progress(source_ids) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Segments per source, and translated segments per (source, locale): two grouped queries."""
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(n=Count("pk"))
    )
    done = {
        (source_id, locale_id): n
        for source_id, locale_id, n in StringTranslation.objects.filter(
            has_error=False,
            translation_of__segments__source_id__in=source_ids,
            translation_of__segments__context_id=F("context_id"),
        )
        .values_list("translation_of__segments__source_id", "locale_id")
        .annotate(n=Count("pk"))
    }
    return totals, done


def build_rows(
    locale_codes=None, kind=None, within_path=None, state=None
) -> tuple[list, list[Row]]:
    """The status table: (locales shown, rows). Filters narrow rows; the query count is fixed."""
    locales = list(Locale.objects.order_by("pk"))
    by_id = {locale.pk: locale for locale in locales}
    default = Locale.get_default()
    shown = [loc for loc in locales if not locale_codes or loc.language_code in locale_codes]

    items = _page_items() + _theme_items()
    groups: dict[str, dict[int, _Item]] = defaultdict(dict)
    for item in items:
        groups[item.key][item.locale_id] = item

    sources = {
        str(key): (pk, locale_id, updated)
        for pk, key, locale_id, updated in TranslationSource.objects.filter(
            object_id__in=list(groups)
        ).values_list("pk", "object_id", "locale_id", "last_updated_at")
    }
    translations = {
        (source_id, locale_id): pk
        for pk, source_id, locale_id in Translation.objects.filter(
            source_id__in=[s[0] for s in sources.values()], enabled=True
        ).values_list("pk", "source_id", "target_locale_id")
    }
    totals, done = _progress([s[0] for s in sources.values()])
    kinds = _page_kinds({item.kind_key for item in items if item.is_page})

    rows = []
    stale: dict[int, tuple[datetime, list[Cell]]] = {}
    for key, instances in groups.items():
        source = sources.get(key)
        if source:
            source_locale_id = source[1]
        elif default.pk in instances:
            source_locale_id = default.pk
        else:
            source_locale_id = min(instances, key=lambda loc: instances[loc].pk)
        origin = instances.get(source_locale_id) or next(iter(instances.values()))
        kind_key, kind_label = kinds.get(origin.kind_key, ("theme", _("theme")))
        if kind and kind_key != kind:
            continue
        if within_path and not any(i.path.startswith(within_path) for i in instances.values()):
            continue
        row = Row(
            title=origin.title,
            kind=str(kind_label),
            kind_key=kind_key,
            source_language=by_id[source_locale_id].language_code,
            path=origin.path,
        )
        for locale in shown:
            row.cells[locale.language_code] = _cell(
                origin,
                instances.get(locale.pk),
                locale,
                source_locale_id,
                source,
                translations,
                totals,
                done,
            )
        if state and not any(cell.state == state for cell in row.cells.values()):
            continue
        outdated = [cell for cell in row.cells.values() if cell.state == "out_of_date"]
        if outdated and origin.is_page:
            stale[origin.pk] = (source[2], outdated)
        rows.append(row)
    _link_changes(stale)
    return shown, rows


def _cell(origin, item, locale, source_locale_id, source, translations, totals, done) -> Cell:
    if locale.pk == source_locale_id:
        return Cell("source", edit_url=_edit_url(origin))
    submit_url = _submit_url(origin)
    if item is None or item.alias:
        return Cell("missing", translate_url=submit_url)
    translation_id = translations.get((source[0], locale.pk)) if source else None
    if translation_id is None:
        # Translated by hand, outside wagtail-localize: its state is its publishing state.
        state = "translated" if item.live and not item.unpublished_changes else "in_progress"
        return Cell(state, edit_url=_edit_url(item))
    total = totals.get(source[0], 0)
    finished = done.get((source[0], locale.pk), 0)
    sync_url = reverse("wagtail_localize:update_translations", args=[source[0]])
    stale = origin.published_at is not None and origin.published_at > source[2]
    if stale:
        state = "out_of_date"
    elif finished < total or not item.live or item.unpublished_changes:
        state = "in_progress"
    else:
        state = "translated"
    return Cell(state, finished, total, edit_url=_edit_url(item), sync_url=sync_url)


def _link_changes(stale: dict[int, tuple[datetime, list[Cell]]]) -> None:
    """Give out-of-date cells a link comparing the source at its last sync with it now.

    One query over the revisions of the stale sources only.
    """
    if not stale:
        return
    synced_revision: dict[int, tuple[datetime, int]] = {}
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in stale])
    for pk, object_id, created_at in revisions.values_list("pk", "object_id", "created_at"):
        page_id = int(object_id)
        synced_at = stale[page_id][0]
        best = synced_revision.get(page_id)
        if created_at <= synced_at and (best is None or created_at > best[0]):
            synced_revision[page_id] = (created_at, pk)
    for page_id, (_synced_at, cells) in stale.items():
        if page_id in synced_revision:
            url = reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page_id, synced_revision[page_id][1], "latest"],
            )
            for cell in cells:
                cell.changes_url = url


def _page_kinds(content_type_ids) -> dict[str, tuple[str, str]]:
    """Content type id -> ("app_label.model", verbose name), in one query."""
    return {
        str(ct.pk): (f"{ct.app_label}.{ct.model}", str(ct.model_class()._meta.verbose_name))
        for ct in ContentType.objects.filter(pk__in=content_type_ids)
    }


def page_kind_choices() -> list[tuple[str, str]]:
    """Every translatable page type of the hub, for the report's filter."""
    from wagtail.models import get_page_models

    return sorted(
        (f"{model._meta.app_label}.{model._meta.model_name}", str(model._meta.verbose_name))
        for model in get_page_models()
        if model is not Page
    )


def _edit_url(item: _Item) -> str:
    if item.is_page:
        return reverse("wagtailadmin_pages:edit", args=[item.pk])
    return reverse("wagtailsnippets_hub_theme:edit", args=[item.pk])


def _submit_url(item: _Item) -> str:
    if item.is_page:
        return reverse("wagtail_localize:submit_page_translation", args=[item.pk])
    return reverse("wagtail_localize:submit_snippet_translation", args=["hub", "theme", item.pk])
