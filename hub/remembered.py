"""Small lookups every public page repeats, kept across requests until the content changes.

Every page render needs the same few rows: the home page in the visitor's language, the
pages on a URL's way down from it, the locales, the themes. They change
rarely, and whenever they do, the content version goes up (``hub.content_version``: publish,
unpublish, move, delete, and any save of a site, locale or theme). Keying the remembered
values on that version makes a change visible at once in every server process, because the
version lives in the shared cache; the values themselves sit in the default cache (per
process without Redis, which is fine: a stale process simply looks them up again under the
new version).

Only values that are the same for every visitor belong here: nothing about users or view
restrictions (``hub.visibility`` keeps those to one request).
"""

from django.core.cache import cache

from .content_version import current_version

# A safety net only: the version is what makes values stale.
MEMO_SECONDS = 10 * 60


def remember(name: str, compute, *, keep=None):
    """The value of ``compute()`` for the current content version, computed once (or each
    time, for values ``keep(value)`` declines)."""
    key = f"hub:memo:{current_version()}:{name}"
    hit = cache.get(key)
    if hit is not None:
        return hit[0]
    value = compute()
    if keep is None or keep(value):
        cache.set(key, (value,), MEMO_SECONDS)  # a tuple, so that None is remembered too
    return value


def locale_ids() -> dict[str, int]:
    """The id of each content locale, by language code."""
    from wagtail.models import Locale

    return remember("locales", lambda: dict(Locale.objects.values_list("language_code", "pk")))
