"""Resources (guides, tools, templates, learning nuggets ...) and the index that lists them."""

from django import forms
from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField

from hub.audiences import Audience
from hub.fields import KeyListField
from hub.languages import language_name
from hub.models import HubPage

from ..blocks import HowToUseBlock
from ..choices import NUGGET, RESOURCE_TYPES, label
from ..elsewhere import untranslated_elsewhere


class ResourceIndexPage(HubPage):
    """Lists the resources below it, filtered by GET parameters (see ``resources.filters``)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = HubPage.content_panels + [FieldPanel("intro")]
    search_fields = HubPage.search_fields + [index.SearchField("intro")]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("intro"),
    ]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["resources.ResourcePage", "resources.NuggetSeriesPage"]
    per_page = 12

    class Meta:
        verbose_name = _("resource index")

    def summary_text(self) -> str:
        return strip_tags(self.intro)

    def resources(self):
        return ResourcePage.objects.descendant_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from ..filters import ResourceFilters

        context = super().get_context(request, *args, **kwargs)
        context.update(ResourceFilters(self, request.GET).context(per_page=self.per_page))
        context["elsewhere"] = untranslated_elsewhere(self, ResourcePage)
        return context


class ResourcePage(HubPage):
    """One resource, with its files or links in each language it exists in.

    Facet fields (type, audiences, themes, countries, publisher) hold stable keys and are
    synchronised across translations; what a reader reads is translated.
    """

    resource_type = models.CharField(_("resource type"), max_length=20, choices=RESOURCE_TYPES)
    audiences = KeyListField(_("audiences"), max_length=200, choices=Audience.choices)
    summary = models.TextField(_("summary"), max_length=600)
    # The publisher's date, not the hub's: a report from 2019 added to the hub today is still
    # a 2019 report, and the search's Year facet and result cards must say so. Optional because
    # some older material carries no date; an undated resource shows none rather than a guess.
    publication_date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("When the publisher released it, not when it was added here."),
    )
    how_to_use = StreamField(HowToUseBlock(), verbose_name=_("how to use it"), blank=True)
    time_needed = models.CharField(
        _("time needed"), max_length=100, blank=True, help_text=_("For example: 30 minutes")
    )
    format = models.CharField(
        _("format"), max_length=100, blank=True, help_text=_("For example: PDF, 12 pages")
    )
    licence = models.CharField(
        _("licence"), max_length=100, blank=True, help_text=_("For example: CC BY 4.0")
    )
    publisher = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation that publishes the resource."),
    )
    themes = ParentalManyToManyField("hub.Theme", verbose_name=_("themes"), blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    nugget_body = RichTextField(
        _("nugget text"),
        blank=True,
        max_length=1500,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Learning nuggets only: a short text that fits a phone screen."),
    )
    reflection_prompt = models.TextField(
        _("reflection prompt"),
        blank=True,
        max_length=300,
        help_text=_("Learning nuggets only: a question the reader takes away."),
    )

    content_panels = HubPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("audiences"),
                FieldPanel("summary"),
                FieldPanel("publication_date"),
            ],
            heading=_("About"),
        ),
        InlinePanel("files", label=_("Files and links by language"), min_num=0),
        FieldPanel("how_to_use"),
        MultiFieldPanel(
            [FieldPanel("time_needed"), FieldPanel("format"), FieldPanel("licence")],
            heading=_("Practicalities"),
        ),
        MultiFieldPanel(
            [FieldPanel("nugget_body"), FieldPanel("reflection_prompt")],
            heading=_("Learning nugget"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("publisher", page_type="network.PartnerProfilePage"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
            ],
            heading=_("Publisher and taxonomy"),
        ),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("nugget_body"),
        index.SearchField("reflection_prompt"),
        index.FilterField("resource_type"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        SynchronizedField("resource_type"),
        SynchronizedField("audiences"),
        TranslatableField("summary"),
        SynchronizedField("publication_date"),
        TranslatableField("how_to_use"),
        TranslatableField("time_needed"),
        TranslatableField("format"),
        TranslatableField("licence"),
        SynchronizedField("publisher"),
        SynchronizedField("themes"),
        SynchronizedField("countries"),
        TranslatableField("nugget_body"),
        TranslatableField("reflection_prompt"),
        SynchronizedField("files"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    select_related_when_served = ("locale", "publisher")

    class Meta:
        verbose_name = _("resource")

    @property
    def is_nugget(self) -> bool:
        return self.resource_type == NUGGET

    @property
    def resource_type_label(self) -> str:
        return label(RESOURCE_TYPES, self.resource_type)

    def audience_labels(self) -> list[str]:
        return Audience.labels_of(self.audiences)

    @property
    def visible_publisher(self):
        """The publishing partner's page when visitors may see it (live, not restricted):
        a draft or private profile is named nowhere public."""
        from hub.visibility import is_visible

        publisher = self.publisher if self.publisher_id else None
        if publisher is None or not is_visible(publisher):
            return None
        return publisher

    def visible_files(self):
        """Files and links in editor order; documents come with the same query."""
        return [
            file
            for file in self.files.select_related("document").order_by("sort_order")
            if file.document_id or file.link
        ]

    def theme_names(self) -> list[str]:
        """Theme names in this page's language (themes are keyed by slug across locales)."""
        from hub.themes import themes_by_locale

        slugs = [theme.slug for theme in self.themes.all()]
        names = themes_by_locale().get(self.locale_id, {})
        return [names[slug].name if slug in names else slug for slug in slugs]

    def get_context(self, request, *args, **kwargs):
        from .nuggets import series_position

        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.visible_files()
        context["theme_names"] = self.theme_names()
        if self.is_nugget:
            context["series_position"] = series_position(self)
        return context

    def clean(self):
        super().clean()
        has_nugget_text = strip_tags(self.nugget_body or "").strip()
        if not self.is_nugget and (self.reflection_prompt or has_nugget_text):
            raise ValidationError(
                {"reflection_prompt": _("Only learning nuggets have a nugget text and prompt.")}
            )

    def summary_text(self) -> str:
        return self.summary

    def structured_data(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": self.title,
            "description": self.meta_description(),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "learningResourceType": self.resource_type_label,
        }
        if self.publication_date:
            data["datePublished"] = self.publication_date.isoformat()
        if self.licence:
            data["license"] = self.licence
        if self.time_needed:
            data["timeRequired"] = self.time_needed
        if self.visible_publisher:
            data["publisher"] = {"@type": "Organization", "name": self.visible_publisher.title}
        return data


class ResourceFile(TranslatableMixin, Orderable):
    """The resource in one language: an uploaded document or a link elsewhere.

    Documents are served through Wagtail's document view, so a file in a private
    collection stays private; the language is a code, named in its own language on screen.
    """

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(
        _("language"), max_length=10, choices=global_settings.LANGUAGES, default="en"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Instead of a document."))

    panels = [FieldPanel("language"), FieldPanel("document"), FieldPanel("link")]
    translatable_fields = [
        SynchronizedField("language"),
        SynchronizedField("document"),
        SynchronizedField("link"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("file or link")
        verbose_name_plural = _("files and links")

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.link):
            raise ValidationError(_("Give either a document or a link, one of the two."))

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def href(self) -> str:
        return self.document.url if self.document_id else self.link

    def __str__(self):
        return f"{self.language}: {self.document or self.link}"
