"""Finding the page for a URL in two queries, however deep it sits.

Wagtail walks the tree one level at a time (a query for the child, another for its specific
fields) after looking up the Site, the active Locale and the home page's specific row: a
case story four levels down cost nine queries before its template started. The hub does
the same walk in two queries:

- the Site for the host and the home page in the visitor's language are remembered across
  requests (``hub.memo``: a publish, move or site change makes them stale at once);
- one query fetches every page on the URL's way down, matched on ``url_path`` (each page's
  slugs from the site root, kept up to date by Wagtail) and checked link by link against
  the tree paths, together with the pages above the site root;
- one query loads the page's own fields with the relations its template shows
  (``select_related_when_served``).

The pages on the way are kept on the served page as ``route_ancestors``: breadcrumbs and the
view-restriction check read them instead of asking again. Whenever Wagtail's own walk would
do something else — a page on the way with its own ``route()`` (a routable page), a gap or
an inconsistency in the URL paths — routing hands over to that page's ``route()`` at that
point, so the result is always the one Wagtail would give.

The results go where Wagtail looks for them (``request._wagtail_site`` and
``request._wagtail_route_for_request``, its documented per-request caches), and Wagtail's
``serve`` view does the rest: hooks, view restrictions, ``page.serve()``.
"""

import hashlib

from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from .memo import remember
from .middleware import admin_prefix
from .visibility import request_scope


def find_site(request):
    """``Site.find_for_request`` (same matching rules), remembered per host and port."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    digest = hashlib.sha256(f"{hostname}\n{port}".encode()).hexdigest()[:32]

    def lookup():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return remember(f"site:{digest}", lookup)


def localized_root(site):
    """The site's home page in the active language, as ``site.root_page.localized``."""
    language = translation.get_language() or ""
    return remember(f"root:{site.pk}:{language}", lambda: site.root_page.localized)


def route(request, path: str):
    """Wagtail's ``Page.route_for_request``: a RouteResult, or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        return route_from(localized_root(site), request, components)
    except Http404:
        return None


def _routes_itself(model) -> bool:
    """Whether pages of ``model`` decide their own sub-URLs (or the model is gone)."""
    return model is None or model.route is not Page.route


def route_from(root, request, components):
    if not components or _routes_itself(root.specific_class):
        return _specific(root).route(request, components)
    steplen = root.steplen
    above_root = [root.path[:end] for end in range(steplen, len(root.path), steplen)]
    # The url_path of each page on the way down: /home/partners/, /home/partners/ibp/ ...
    url_paths = [
        root.url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)
    ]
    found = Page.objects.filter(
        Q(path__in=above_root) | Q(slug__in=set(components), url_path__in=url_paths)
    ).order_by("path")
    ancestors = [page for page in found if page.path in above_root]
    by_url_path = {}
    for page in found:
        if page.path not in above_root:
            by_url_path.setdefault(page.url_path, []).append(page)

    steps = [root]
    for url_path in url_paths:
        matches = by_url_path.get(url_path, [])
        if len(matches) != 1 or matches[0].path[:-steplen] != steps[-1].path:
            break  # not found, or not where the tree says: Wagtail's walk decides
        steps.append(matches[0])
        if _routes_itself(matches[0].specific_class):
            break
    page = _specific(steps[-1])
    page.route_ancestors = ancestors + steps[:-1]
    if len(steps) > 1:
        page._cached_parent_obj = steps[-2]  # what Wagtail's walk leaves for get_parent()
    return page.route(request, components[len(steps) - 1 :])


def _specific(page):
    """The page as its own type, with the relations its template shows."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    related = getattr(model, "select_related_when_served", ())
    try:
        return model._default_manager.select_related(*related).get(pk=page.pk)
    except model.DoesNotExist as error:  # deleted since the first query
        raise Http404 from error


class PageRoutingMiddleware:
    """Public requests: the restricted paths kept for the request (``hub.visibility``),
    the Site from memory, and Wagtail's page serving routed as above. The admin is left
    to Wagtail as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(admin_prefix()):
            return self.get_response(request)
        with request_scope():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(admin_prefix()):
            return None
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = route(request, path)
        return None
