"""RSS 2.0 and Atom feeds of published stories: all, per partner, per collaborative, per theme.

Feeds list only live, public stories in the language of the URL, newest first; drafts and
pages behind a view restriction never appear.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale

from hub.models import Theme
from hub.routing import section_urls
from network.models import LearningCollaborativePage, PartnerProfilePage
from network.models.partners import attach_partners

from .models import CaseStoryPage

FEED_LENGTH = 30


def story_index_url(request) -> str:
    """The story index in the feed's language (the home page on a site without one)."""
    return section_urls(request).get("storyindexpage") or reverse("wagtail_serve", args=[""])


class StoryFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def locale(self):
        return Locale.get_active()

    def stories(self, obj):
        return CaseStoryPage.objects.live().public().filter(locale=self.locale())

    def items(self, obj):
        stories = list(self.stories(obj).order_by("-publication_date", "-pk")[:FEED_LENGTH])
        attach_partners(stories)
        return stories

    def title(self, obj):
        return _("Case stories · Knowledge Hub")

    def link(self, obj):
        return story_index_url(self.request)

    def description(self, obj):
        return _("New case stories and lessons learned from partners of the network.")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        moment = datetime.datetime.combine(item.publication_date, datetime.time(12))
        return timezone.make_aware(moment, datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        partner = item.get_partner()
        return partner.title if partner else None

    def item_categories(self, item):
        return [country.code for country in item.countries]


class PartnerStoryFeed(StoryFeed):
    def get_object(self, request, slug):
        self.request = request
        partner = (
            PartnerProfilePage.objects.live()
            .public()
            .filter(slug=slug, locale=self.locale())
            .first()
        )
        if partner is None:
            raise Http404
        return partner

    def stories(self, obj):
        return (
            super()
            .stories(obj)
            .filter(Q(path__startswith=obj.path) | Q(partners_involved=obj))
            .distinct()
        )

    def title(self, obj):
        return _("Case stories of %(partner)s") % {"partner": obj.title}

    def link(self, obj):
        return obj.get_url(request=self.request)


class CollaborativeStoryFeed(StoryFeed):
    def get_object(self, request, slug):
        self.request = request
        found = LearningCollaborativePage.objects.live().public()
        collaborative = found.filter(slug=slug, locale=self.locale()).first()
        if collaborative is None:
            raise Http404
        return collaborative

    def stories(self, obj):
        return super().stories(obj).filter(collaborative=obj)

    def title(self, obj):
        return _("Case stories of %(collaborative)s") % {"collaborative": obj.title}

    def link(self, obj):
        return obj.get_url(request=self.request)


class ThemeStoryFeed(StoryFeed):
    def get_object(self, request, slug):
        self.request = request
        theme = Theme.objects.filter(slug=slug, locale=self.locale()).first()
        theme = theme or Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise Http404
        return theme

    def stories(self, obj):
        return super().stories(obj).filter(themes__slug=obj.slug).distinct()

    def title(self, obj):
        return _("Case stories on %(theme)s") % {"theme": obj.name}

    def link(self, obj):
        return f"{story_index_url(self.request)}?theme={obj.slug}"


def atom(feed_class):
    """The same feed in Atom 1.0, which calls the description a subtitle."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
