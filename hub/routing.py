"""Finding the page for a URL in two queries, however deep it sits.

Wagtail walks the tree one level at a time (a query for the child, another for its specific
fields) after looking up the Site, the active Locale and the home page's specific row: a
case story four levels down cost nine queries before its template started. The hub's
``serve`` view does the same walk in two queries:

- the Site for the host (``Site.find_for_request``), the home page in the visitor's language
  and the pages on a URL's way down are remembered across requests (``hub.remembered``: a
  publish, move or site change makes them stale at once). Finding the pages on the way is
  one query, matched on ``url_path`` (each page's slugs from the site root, kept up to date
  by Wagtail) and checked link by link against the tree paths, together with the pages
  above the site root;
- one query loads the page's own fields with the relations its template shows
  (``select_related_when_served``).

The descent is the hub's base page's ``route()`` (``HubPage.route`` calls ``route_below``),
so it is also what Wagtail's own routing uses. The pages on the way are kept on the served
page as ``route_ancestors``: breadcrumbs, ``get_parent()`` and the view-restriction check
read them instead of asking again. Whenever Wagtail's own walk would do something else — a
page on the way with its own ``route()`` (a routable page), a gap or an inconsistency in the
URL paths — routing hands over to Wagtail's walk or to that page's ``route()`` at that
point, so the result is always the one Wagtail would give.
"""

import hashlib

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import hooks
from wagtail.models import Locale, Page, Site

from .remembered import remember


def serve(request, path):
    """Wagtail's page view (``wagtail.views.serve``: the same hooks in the same order),
    routing from the remembered home page instead of looking it up again."""
    site = current_site(request)
    if site is None:
        raise Http404
    home = localized_home(site)
    if home is None:  # no home in this language: never another language's pages instead
        raise Http404
    components = [component for component in path.split("/") if component]
    page, args, kwargs = home.route(request, components)

    def serve_page(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve_page = wrap(serve_page)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return serve_page(page, request, args, kwargs)


def current_site(request):
    """``Site.find_for_request``, remembered per host and port."""
    hostname = split_domain_port(request.get_host())[0]
    digest = hashlib.sha256(f"{hostname}\n{request.get_port()}".encode()).hexdigest()[:32]
    return remember(f"site:{digest}", lambda: Site.find_for_request(request))


def localized_home(site):
    """The site's home page in the active language, live or not, or None when that language
    has none.

    Not Wagtail's ``root_page.localized``: it falls back to the default language's home
    when the language's own is offline or missing, and ``/fr/...`` then served English
    pages under French menus. Routing goes down the language's own tree instead, the way
    it goes through any page that is not live: an offline home answers 404 at ``/fr/``,
    a live page below it is still served, and a page with no version in that language
    is not found. (A redirect to ``/en/...`` was the alternative; it would send a French
    visitor to an English page they did not ask for, after one request more, and the
    English page's path is not the French one's when slugs are translated.)
    """
    language = translation.get_language() or ""

    def load():
        root = site.root_page
        if not language:
            return _specific(root)
        try:
            locale = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            return None  # a configured language the admin has not added as a locale
        home = root if locale.pk == root.locale_id else root.get_translation_or_none(locale)
        return _specific(home) if home is not None else None

    return remember(f"root:{site.pk}:{language}", load)


def section_urls(request) -> dict[str, str]:
    """The URL of each main section (a live page right below the home page) in the active
    language, by page type (``"storyindexpage"``), so that links to sections follow their
    slugs and translations."""
    site = current_site(request)
    if site is None:
        return {}
    language = translation.get_language() or ""

    def load():
        urls = {}
        # With no home in this language (its pages answer 404), the menus of its other
        # views (search) lead to the default language's sections.
        home = localized_home(site) or site.root_page
        for page in home.get_children().live().order_by("path"):
            model = page.specific_class
            if model is not None:
                urls.setdefault(model._meta.model_name, page.relative_url(site))
        return urls

    return remember(f"sections:{site.pk}:{language}", load)


def _routes_itself(model) -> bool:
    """Whether pages of ``model`` decide their own sub-URLs (or the model is gone)."""
    from .models.base import HubPage

    return model is None or model.route not in (Page.route, HubPage.route)


def route_below(root, request, components):
    """``root.route(request, components)`` for a URL below ``root``, Wagtail's result."""
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()[:32]
    above_root, below = remember(
        f"route:{root.pk}:{digest}",
        lambda: _pages_on_the_way(root, components),
        # Only ways down to a page: addresses nobody published (or made-up sub-URLs of a
        # routable page) must not fill the cache.
        keep=lambda found: len(found[1]) == len(components),
    )
    if not below:  # not found, or not where the tree says: Wagtail's walk decides
        return Page.route(root, request, components)
    page = _specific(below[-1])
    page.route_ancestors = [*above_root, root, *below[:-1]]
    remaining = components[len(below) :]
    if remaining and not _routes_itself(page.specific_class):
        return Page.route(page, request, remaining)  # a gap in the URL paths below it
    return page.route(request, remaining)


def _pages_on_the_way(root, components):
    """The pages above ``root``, and those below it on the URL's way down, in one query."""
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

    below, parent = [], root
    for url_path in url_paths:
        matches = by_url_path.get(url_path, [])
        if len(matches) != 1 or matches[0].path[:-steplen] != parent.path:
            break
        parent = matches[0]
        below.append(parent)
        if _routes_itself(parent.specific_class):
            break
    return ancestors, below


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
