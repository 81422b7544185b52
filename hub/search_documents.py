"""Facet labels of what every app shares: themes, in the reader's language."""

from search.documents import register_labels

from .remembered import locale_ids
from .themes import themes_by_locale


@register_labels("theme")
def theme_labels(keys, language):
    # From the themes every page remembers (hub.themes): no query.
    labels = {}
    locale_id = locale_ids().get(language)
    keys = set(keys)
    for by_slug in themes_by_locale().values():
        for slug, theme in by_slug.items():
            if slug in keys and (slug not in labels or theme.locale_id == locale_id):
                labels[slug] = theme.name
    return labels
