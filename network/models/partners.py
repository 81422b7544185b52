"""Partner organisations: the index of the network and one profile page per partner.

A partner's case stories are children of its profile page, so Wagtail's tree permissions give
each partner group exactly its own pages (see ``network.onboarding``).

The tables keep the names they had when these models lived in ``hub`` (``db_table``), so
that moving them changed no table (``network/migrations/0001_initial.py``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField

from hub.models import HubPage

from .choices import OrganisationType


class PartnerIndexPage(HubPage):
    """The partners' section: the workflow "Editorial review" is attached here."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = HubPage.content_panels + [FieldPanel("intro")]
    translatable_fields = HubPage.translatable_fields + [TranslatableField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["network.PartnerProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner index page")
        db_table = "hub_partnerindexpage"

    def summary_text(self) -> str:
        return self.intro

    def partners(self):
        return (
            PartnerProfilePage.objects.child_of(self)
            .live()
            .public()
            .select_related("logo")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners()
        return context

    def structured_data(self, request=None) -> dict:
        return self.collection_page_data(request)


class PartnerProfilePage(HubPage):
    """One organisation of the network; the title is its name."""

    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=30, choices=OrganisationType.choices
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alternative text"),
        max_length=200,
        blank=True,
        help_text=_("Required with a logo: what a screen reader says, usually the name."),
    )
    headquarters_country = CountryField(_("headquarters country"), blank=True)
    countries = CountryField(_("countries of work"), multiple=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    body = RichTextField(_("about"), blank=True)
    themes = ParentalManyToManyField("hub.Theme", verbose_name=_("themes"), blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    contact_name = models.CharField(_("public contact name"), max_length=120, blank=True)

    content_panels = HubPage.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("organisation_type"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("headquarters_country"),
        FieldPanel("countries"),
        FieldPanel("themes"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("body"),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        SynchronizedField("acronym"),
        SynchronizedField("organisation_type"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
        SynchronizedField("headquarters_country"),
        SynchronizedField("countries"),
        SynchronizedField("website"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("themes"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_name"),
    ]
    parent_page_types = ["network.PartnerIndexPage"]
    subpage_types = ["stories.CaseStoryPage"]

    class Meta:
        verbose_name = _("partner profile page")
        db_table = "hub_partnerprofilepage"

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError(
                {"logo_alt": _("Describe the logo for people who cannot see it.")}
            )

    @property
    def display_name(self) -> str:
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def summary_text(self) -> str:
        return self.summary

    def published_stories(self):
        # The stories are the profile's children, of its one subpage type: named in
        # ``subpage_types`` rather than imported, so the network does not depend on stories.
        (story_model,) = self.allowed_subpage_models()
        return (
            story_model.objects.child_of(self).live().public().order_by("-publication_date", "-pk")
        )

    def memberships(self):
        """The live collaboratives this partner belongs to, each with the partner's role."""
        from .collaboratives import CollaborativeMember, LearningCollaborativePage

        visible = LearningCollaborativePage.objects.live().public().filter(locale=self.locale_id)
        return (
            CollaborativeMember.objects.filter(partner=self, collaborative__in=visible.values("pk"))
            .select_related("collaborative")
            .order_by("collaborative__title")
        )

    def get_context(self, request, *args, **kwargs):
        from hub.themes import localized_themes

        context = super().get_context(request, *args, **kwargs)
        stories = list(self.published_stories())
        for story in stories:
            story._partner = self  # the cards name the partner without a query each
        context["stories"] = stories
        context["memberships"] = self.memberships()
        context["theme_list"] = localized_themes(self.themes.all(), self.locale)
        return context

    def structured_data(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "url": self.website or self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
        }
        if self.acronym:
            data["alternateName"] = self.acronym
        if self.summary:
            data["description"] = self.summary
        if self.headquarters_country:
            data["address"] = {
                "@type": "PostalAddress",
                "addressCountry": self.headquarters_country.code,
            }
        if self.countries:
            data["areaServed"] = [country.code for country in self.countries]
        if self.contact_email:
            data["email"] = self.contact_email
        return data


def attach_partners(stories) -> None:
    """Give each story its publishing partner (its parent page) with one query for all."""
    stories = list(stories)
    if not stories:
        return
    steplen = stories[0].steplen
    parent_paths = {story.path[:-steplen] for story in stories}
    partners = {p.path: p for p in PartnerProfilePage.objects.filter(path__in=parent_paths)}
    for story in stories:
        story._partner = partners.get(story.path[:-steplen])
