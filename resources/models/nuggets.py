"""Learning nugget series: nuggets in a day-by-day order, with "next nugget" links and RSS.

A nugget is a ``ResourcePage`` of type "nugget"; a series orders nuggets through an inline,
so editors reorder days by dragging, a nugget can stand alone (no series) and the day
numbers are derived from the order, never stored.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from hub.models import HubPage

from ..choices import NUGGET
from .resource import ResourcePage


@dataclass(frozen=True)
class NuggetDay:
    day: int
    nugget: ResourcePage


@dataclass(frozen=True)
class SeriesPosition:
    """Where a nugget sits in its series, for its "Day 2 of 5" line and "next nugget" link."""

    series: "NuggetSeriesPage"
    day: int
    total: int
    previous: ResourcePage | None
    next: ResourcePage | None


class NuggetSeriesPage(RoutablePageMixin, HubPage):
    """A sequence of learning nuggets to follow one a day, with its own RSS feed at feed/."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = HubPage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", label=_("Nuggets, day by day"), min_num=0),
    ]
    search_fields = HubPage.search_fields + [index.SearchField("intro")]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("intro"),
        SynchronizedField("items"),
    ]

    parent_page_types = ["resources.ResourceIndexPage", "resources.ToolkitPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning nugget series")

    def days(self) -> list[NuggetDay]:
        """Live, public nuggets in the editor's order, numbered from day 1 (two queries)."""
        ids = list(self.items.order_by("sort_order").values_list("nugget_id", flat=True))
        visible = {
            page.pk: page
            for page in ResourcePage.objects.filter(pk__in=ids, resource_type=NUGGET)
            .live()
            .public()
        }
        nuggets = [visible[pk] for pk in ids if pk in visible]
        return [NuggetDay(day, nugget) for day, nugget in enumerate(nuggets, start=1)]

    @property
    def feed_url(self) -> str:
        return self.url + self.reverse_subpage("feed")

    def summary_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.intro)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = self.days()
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import NuggetSeriesFeed

        return NuggetSeriesFeed(self)(request)


class NuggetSeriesItem(TranslatableMixin, Orderable):
    """One day of a series: which nugget. The order of the rows is the order of the days."""

    series = ParentalKey(NuggetSeriesPage, on_delete=models.CASCADE, related_name="items")
    nugget = models.ForeignKey(
        ResourcePage,
        verbose_name=_("learning nugget"),
        on_delete=models.CASCADE,
        related_name="series_items",
        limit_choices_to={"resource_type": NUGGET},
    )

    panels = [PageChooserPanel("nugget", page_type="resources.ResourcePage")]
    translatable_fields = [SynchronizedField("nugget")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("day")
        verbose_name_plural = _("days")


def series_position(nugget: ResourcePage) -> SeriesPosition | None:
    """The first live, public series that includes this nugget, and its place in it."""
    series = (
        NuggetSeriesPage.objects.live()
        .public()
        .filter(items__nugget=nugget)
        .order_by("path")
        .first()
    )
    if series is None:
        return None
    days = series.days()
    for index_, entry in enumerate(days):
        if entry.nugget.pk == nugget.pk:
            return SeriesPosition(
                series=series,
                day=entry.day,
                total=len(days),
                previous=days[index_ - 1].nugget if index_ > 0 else None,
                next=days[index_ + 1].nugget if index_ + 1 < len(days) else None,
            )
    return None
