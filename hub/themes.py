"""Theme lookups shared by page types: themes shown in the reader's language, in one query.

Pages keep their theme relations on the source-language themes (the relation is synchronised
across translations), so a French page must look up the French names by the stable slug.
The themes are a short list that every page shows, so all of them are remembered across
requests (``hub.remembered``; saving or deleting a theme makes them stale at once).
"""

from .models import Theme
from .remembered import remember


def themes_by_locale() -> dict[int, dict[str, Theme]]:
    """Every theme, by locale id and slug."""

    def load():
        found = {}
        for theme in Theme.objects.all():
            found.setdefault(theme.locale_id, {})[theme.slug] = theme
        return found

    return remember("themes", load)


def localized_themes(themes, locale) -> list[Theme]:
    """The given themes (objects or slugs) in ``locale``, falling back to the given ones."""
    themes = list(themes)
    if not themes:
        return []
    found = themes_by_locale().get(getattr(locale, "pk", locale), {})
    result = []
    for theme in themes:
        slug = theme if isinstance(theme, str) else theme.slug
        match = found.get(slug) or (None if isinstance(theme, str) else theme)
        if match is not None and match not in result:
            result.append(match)
    return sorted(result, key=lambda t: t.name)


def theme_choices():
    """(slug, name) of the source-language themes, for checkbox lists of theme keys."""
    from wagtail.models import Locale

    try:
        locale = Locale.get_default()
    except Locale.DoesNotExist:
        return []
    return list(Theme.objects.filter(locale=locale).values_list("slug", "name"))
