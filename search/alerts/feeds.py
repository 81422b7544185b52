"""RSS 2.0 and Atom feeds of any search: its newest matching results, as the page finds them.

The feed takes the search page's parameters (text, facets, ``all_languages``); it always
lists the first page sorted newest first. The index holds only live, public content, so a
feed can show nothing else. Parameters that are not a search answer 400 in plain words.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from hub.public_url import absolute_url
from search.service import run_search

from .canonical import InvalidSearch, canonical_query, describe, parse_search
from .models import FollowedSearch

FEED_LENGTH = 30


class SearchFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        try:
            self.search = parse_search(request.GET, translation.get_language())
        except InvalidSearch as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def items(self):
        request = dataclasses.replace(self.search, sort="newest", page_size=FEED_LENGTH)
        return [hit.document for hit in run_search(request, log=False).response.hits]

    def title(self):
        label = describe(self.search)
        if label:
            return _("Search: %(search)s · Knowledge Hub") % {"search": label}
        return _("Newest in the Knowledge Hub")

    def link(self):
        followed = FollowedSearch(language=self.search.language, query=canonical_query(self.search))
        return absolute_url(followed.path(), self.request)

    def description(self):
        return _("The newest results of a search of the Knowledge Hub.")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.url, self.request)

    def item_pubdate(self, item):
        if item.date is None:
            return None
        moment = datetime.datetime.combine(item.date, datetime.time(12))
        return timezone.make_aware(moment, datetime.UTC)

    def item_author_name(self, item):
        return item.display.get("partner_name") or None

    def item_categories(self, item):
        return [item.kind, *item.countries]


class AtomSearchFeed(SearchFeed):
    feed_type = Atom1Feed
    subtitle = SearchFeed.description
