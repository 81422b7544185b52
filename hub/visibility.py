"""Which pages anonymous visitors may see, with the view restrictions read once per request.

Wagtail reads every view restriction each time a queryset calls ``.public()`` and twice more
when it serves a page (the page's ancestors, then their restrictions): a listing page asked
the database for the same handful of rows four or five times. Here the restricted paths are
read once per public request and reused by every ``.public()`` and by the serve-time check.

They are deliberately not kept across requests: a restriction must take effect at the very
next request, and a value remembered from inside an unfinished transaction could wrongly
open a private page. Outside a request (commands, the admin, tests calling code directly)
nothing is kept at all.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

from asgiref.local import Local

from .middleware import admin_prefix
from .request_scope import scoped

_request = Local()


def request_scope():
    """Keep the restricted paths for the duration of one request."""
    return scoped(_request, "paths")


class VisibilityScopeMiddleware:
    """Public requests read the restricted paths once (``request_scope``); the admin, where
    editors change restrictions and then look at the result, always reads them afresh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(admin_prefix()):
            return self.get_response(request)
        with request_scope():
            return self.get_response(request)


def _forget(**_kwargs) -> None:
    _request.paths = None


post_save.connect(_forget, sender=PageViewRestriction, dispatch_uid="hub_visibility_saved")
post_delete.connect(_forget, sender=PageViewRestriction, dispatch_uid="hub_visibility_deleted")
post_page_move.connect(_forget, dispatch_uid="hub_visibility_moved")  # paths change


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages that carry a view restriction (login, group, password)."""
    paths = getattr(_request, "paths", None)
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        if getattr(_request, "active", False):
            _request.paths = paths
    return paths


def is_public(page, restricted=None) -> bool:
    """Whether no view restriction covers ``page`` (on itself or an ancestor), live or not:
    the meaning of Wagtail's ``PageQuerySet.public()``. ``restricted``: the paths, when the
    caller has read them once for many pages."""
    paths = restricted_paths() if restricted is None else tuple(restricted)
    return not page.path.startswith(paths)


def is_visible(page, restricted=None) -> bool:
    """Whether anonymous visitors may open ``page``: live, and public."""
    return page.live and is_public(page, restricted)


class HubPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, with ``public()`` and ``not_public()`` reading the
    restrictions through ``restricted_paths()``: same pages, fewer queries."""

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            # A restricted page and everything below it; the same set as Wagtail's
            # descendant_of_q(restriction.page, inclusive=True).
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


def page_queryset():
    """``Page.objects`` with the hub's ``public()``, for listings that mix page types."""
    from wagtail.models import Page

    return HubPageQuerySet(Page).order_by("path")


def live_stand_in(page):
    """``page`` if visitors can open it, else a live version of it in another language
    (the default language first), else None."""
    return live_stand_ins([page])[0]


def live_stand_ins(pages) -> list:
    """``live_stand_in`` for several pages (breadcrumbs) in at most one query."""
    waiting = [page for page in pages if page is not None and not page.live]
    if not waiting:
        return list(pages)
    candidates = (
        page_queryset()
        .live()
        .public()
        .filter(translation_key__in={page.translation_key for page in waiting})
        .select_related("locale")
    )
    best = {}
    # The default language first, then any: one live version per translation key.
    for candidate in sorted(
        candidates, key=lambda p: p.locale.language_code != settings.LANGUAGE_CODE
    ):
        best.setdefault(candidate.translation_key, candidate)
    return [page if page is None or page.live else best.get(page.translation_key) for page in pages]
