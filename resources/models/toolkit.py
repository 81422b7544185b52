"""A curated toolkit and its numbered topics ("Topic 7: Recommendations for donors")."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import HubPage
from hub.visibility import is_public, page_queryset, restricted_paths

from ..blocks import RelatedPageBlock, TakeawayBlock, TopicBodyBlock
from ..elsewhere import untranslated_elsewhere


@dataclass(frozen=True)
class NumberedTopic:
    number: int
    page: "ToolkitTopicPage"


class ToolkitPage(HubPage):
    """A toolkit: an introduction and the table of contents of its topics.

    Topics are the toolkit's children, so editors order them by dragging them in the page
    explorer and the numbers follow: nothing stores a number that could go stale.
    """

    standfirst = models.CharField(_("standfirst"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = HubPage.content_panels + [FieldPanel("standfirst"), FieldPanel("intro")]
    search_fields = HubPage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("intro"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("standfirst"),
        TranslatableField("intro"),
    ]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["resources.ToolkitTopicPage", "resources.NuggetSeriesPage"]

    class Meta:
        verbose_name = _("toolkit")

    def summary_text(self) -> str:
        return self.standfirst

    def numbered_topics(self) -> list[NumberedTopic]:
        """The live topics in tree order with their numbers; one query whatever the size.

        Numbers count every live topic, so a topic keeps its number for everyone; topics
        behind a view restriction are numbered but left out of the public contents.
        """
        topics = ToolkitTopicPage.objects.child_of(self).live().defer_streamfields()
        private = restricted_paths()
        return [
            NumberedTopic(number, topic)
            for number, topic in enumerate(topics.order_by("path"), start=1)
            if is_public(topic, private)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.numbered_topics()
        context["elsewhere"] = untranslated_elsewhere(self, ToolkitTopicPage)
        return context

    def structured_data(self, request=None) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.meta_description(),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }


class ToolkitTopicPage(HubPage):
    """One topic of a toolkit, numbered by its position among its live siblings."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("One or two sentences on what the topic covers."),
    )
    body = StreamField(TopicBodyBlock(), verbose_name=_("body"), blank=True)
    key_takeaways = StreamField(TakeawayBlock(), verbose_name=_("key takeaways"), blank=True)
    related = StreamField(
        RelatedPageBlock(),
        verbose_name=_("related resources and stories"),
        blank=True,
        help_text=_("Resources, case stories or other pages to read next, in this order."),
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("key_takeaways"),
        FieldPanel("related"),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("key_takeaways"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("key_takeaways"),
        SynchronizedField("related"),
    ]

    parent_page_types = ["resources.ToolkitPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit topic")

    @cached_property
    def _live_siblings(self) -> tuple[list, list]:
        """The live topics before and after this one in tree order, numbered: one query.

        Numbers count every live topic (1 + the live topics before it), so the neighbours'
        links need no query of their own for "Topic 3".
        """
        siblings = ToolkitTopicPage.objects.sibling_of(self, inclusive=False).live()
        siblings = list(siblings.defer_streamfields().order_by("path"))
        before = [topic for topic in siblings if topic.path < self.path]
        after = [topic for topic in siblings if topic.path > self.path]
        for number, topic in enumerate(before, start=1):
            topic.number = number
        first_after = len(before) + (2 if self.live else 1)
        for number, topic in enumerate(after, start=first_after):
            topic.number = number
        return before, after

    @cached_property
    def number(self) -> int:
        return len(self._live_siblings[0]) + 1

    @cached_property
    def previous_topic(self):
        """The nearest topic before this one that visitors can see."""
        return next((t for t in reversed(self._live_siblings[0]) if is_public(t)), None)

    @cached_property
    def next_topic(self):
        return next((t for t in self._live_siblings[1] if is_public(t)), None)

    @property
    def numbered_title(self) -> str:
        return _("Topic %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def summary_text(self) -> str:
        return self.intro

    def related_pages(self):
        """The curated pages that are live and public, in the editor's order.

        The chooser blocks fetch their pages in one query; one more drops drafts and
        private pages, which a curated link must never reveal.
        """
        chosen = [block.value for block in self.related if block.value is not None]
        public = set(
            page_queryset()
            .filter(pk__in=[page.pk for page in chosen])
            .live()
            .public()
            .values_list("pk", flat=True)
        )
        return [page for page in chosen if page.pk in public]

    def structured_data(self, request=None) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": self.title,
            "position": self.number,
            "description": self.meta_description(),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "isPartOf": {"@type": "CreativeWork", "name": self.get_parent().title},
        }
