"""What every public page of the hub shares: meta description, social cards, structured data."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.media_choices import MediaChoiceForm
from hub.public_url import absolute_url, site_path
from hub.routing import route_below
from hub.visibility import HubPageQuerySet, restricted_paths

HubPageManager = PageManager.from_queryset(HubPageQuerySet)


class HubPage(Page):
    """Abstract base for the hub's page types.

    Page types fill ``summary_text()`` and ``structured_data()``; the base template reads them
    for the meta description, Open Graph tags and schema.org JSON-LD, so no page type repeats
    that markup.
    """

    objects = HubPageManager()
    # Refuses images and documents the editor may not choose (hub/media_choices.py).
    base_form_class = MediaChoiceForm

    # Loaded with the page when it is served (``hub.routing``), so that rendering it needs
    # no query per relation. Page types add the foreign keys their template shows.
    select_related_when_served = ("locale",)

    # Page types extend this list as they extend ``content_panels``: the slug is shared by
    # every translation (URLs and facet keys stay stable), the words are translated.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
    ]

    class Meta:
        abstract = True

    def get_full_url(self, request=None):
        """The page's absolute URL on the public address or the visitor's host
        (``hub.public_url``), not on the Site record's host and port: feeds, the sitemap,
        JSON-LD, canonical and hreflang links all come through here."""
        path = site_path(self, request)
        return absolute_url(path, request) if path else None

    full_url = property(get_full_url)

    def route(self, request, path_components):
        """Wagtail's walk down the tree, in one query for the whole way (``hub.routing``)."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def get_parent(self, update=False):
        """The parent routing found on the way down (Wagtail's walk keeps it the same way),
        or treebeard's answer."""
        ancestors = getattr(self, "route_ancestors", None)
        if ancestors and not update:
            return ancestors[-1]
        return super().get_parent(update)

    def summary_text(self) -> str:
        """Plain text that describes the page in one or two sentences."""
        return ""

    def meta_description(self) -> str:
        text = self.search_description or self.summary_text() or ""
        return Truncator(strip_tags(text).strip()).chars(160)

    def structured_data(self, request=None) -> dict | None:
        """A schema.org object for JSON-LD, or None."""
        return None

    def collection_page_data(self, request=None) -> dict:
        """schema.org ``CollectionPage``: the structured data of a listing page."""
        return {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }

    def permissions_for_user(self, user):
        """Wagtail's permission tester, with the hub's rule for changing privacy."""
        from hub.page_permissions import HubPagePermissionTester

        return HubPagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's answer, without its two queries when no restriction can apply.

        None applies when the site has no restriction at all, or when none sits on this
        page's path and no page on that path is an alias (an alias follows the restrictions
        of its original, wherever that is). The ancestors come from routing.
        """
        paths = restricted_paths()
        if not paths:
            return PageViewRestriction.objects.none()
        ancestors = getattr(self, "route_ancestors", None)
        if (
            ancestors is not None
            and self.alias_of_id is None
            and not any(page.alias_of_id for page in ancestors)
            and not self.path.startswith(paths)
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
