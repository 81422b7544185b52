"""RSS for a learning nugget series, so a network can deliver one nugget a day."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.rich_text import expand_db_html


class NuggetSeriesFeed(Feed):
    """The series' live, public nuggets in day order (built per series page)."""

    feed_type = Rss201rev2Feed

    def __init__(self, series):
        super().__init__()
        self.series = series
        # Django reads ``language`` as a plain attribute, never calls it.
        self.language = series.locale.language_code

    def title(self):
        return self.series.title

    def link(self):
        return self.series.url

    def description(self):
        return self.series.summary_text()

    def items(self):
        return self.series.days()

    def item_title(self, item):
        return _("Day %(day)s: %(title)s") % {"day": item.day, "title": item.nugget.title}

    def item_link(self, item):
        return item.nugget.url

    # The guid is the item's link (Django's default), made absolute with the request's host
    # like every other link in the feed.
    item_guid_is_permalink = True

    def item_description(self, item):
        nugget = item.nugget
        parts = [expand_db_html(nugget.nugget_body) if nugget.nugget_body else nugget.summary]
        if nugget.reflection_prompt:
            parts.append(
                format_html(
                    "<p><strong>{}</strong> {}</p>", _("To reflect on:"), nugget.reflection_prompt
                )
            )
        return "".join(parts)

    def item_pubdate(self, item):
        return item.nugget.first_published_at
