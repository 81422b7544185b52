"""Theme lookups shared by page types: themes shown in the reader's language, in one query.

Pages keep their theme relations on the source-language themes (the relation is synchronised
across translations), so a French page must look up the French names by the stable slug.
"""

from .models import Theme


def localized_themes(themes, locale) -> list[Theme]:
    """The given themes (objects or slugs) in ``locale``, falling back to the given ones."""
    themes = list(themes)
    slugs = [theme if isinstance(theme, str) else theme.slug for theme in themes]
    if not slugs:
        return []
    found = {t.slug: t for t in Theme.objects.filter(slug__in=slugs, locale=locale)}
    result = []
    for theme, slug in zip(themes, slugs, strict=True):
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
