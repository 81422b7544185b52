"""Learning collaboratives: groups of partners that learn together over time.

Members are an inline (partner + role) rather than a plain many-to-many, because the role is
what readers need ("learning hub", "funder") and it belongs to the membership, not the partner.

The tables keep the names they had when these models lived in ``hub`` (``db_table``), so
that moving them changed no table (``network/migrations/0001_initial.py``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField

from hub.models import HubPage
from hub.visibility import is_visible, page_queryset

from .choices import ActivityFormat, CollaborativeStatus, MemberRole
from .partners import attach_partners


class CollaborativeIndexPage(HubPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = HubPage.content_panels + [FieldPanel("intro")]
    translatable_fields = HubPage.translatable_fields + [TranslatableField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["network.LearningCollaborativePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("collaborative index page")
        db_table = "hub_collaborativeindexpage"

    def summary_text(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collaboratives"] = (
            LearningCollaborativePage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class LearningCollaborativePage(HubPage):
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    purpose = RichTextField(_("purpose"), blank=True)
    learning_questions = RichTextField(
        _("learning questions"), blank=True, help_text=_("The collaborative's learning agenda.")
    )
    theory_of_change = RichTextField(_("theory of change"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CollaborativeStatus.choices,
        default=CollaborativeStatus.ACTIVE,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    host_partner = models.ForeignKey(
        "network.PartnerProfilePage",
        verbose_name=_("host partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_collaboratives",
    )
    themes = ParentalManyToManyField("hub.Theme", verbose_name=_("themes"), blank=True)
    countries = CountryField(
        _("countries"),
        multiple=True,
        blank=True,
        help_text=_("Leave empty to use the countries of work of the members."),
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("host_partner"),
        InlinePanel("members", heading=_("Members"), label=_("member")),
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("learning_questions"),
                FieldPanel("theory_of_change"),
            ],
            heading=_("Learning agenda"),
        ),
        FieldPanel("themes"),
        FieldPanel("countries"),
        InlinePanel("activities", heading=_("Activities"), label=_("activity")),
        InlinePanel("outputs", heading=_("Related resources"), label=_("related page")),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("learning_questions"),
    ]
    translatable_fields = HubPage.translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("purpose"),
        TranslatableField("learning_questions"),
        TranslatableField("theory_of_change"),
        SynchronizedField("status"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("host_partner"),
        SynchronizedField("themes"),
        SynchronizedField("countries"),
        TranslatableField("members"),
        TranslatableField("activities"),
        TranslatableField("outputs"),
    ]
    parent_page_types = ["network.CollaborativeIndexPage"]
    subpage_types = []
    select_related_when_served = ("locale", "host_partner")

    class Meta:
        verbose_name = _("learning collaborative page")
        db_table = "hub_learningcollaborativepage"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date comes before the start date.")})

    def summary_text(self) -> str:
        return self.summary

    def member_list(self):
        """Members with their partner pages, in editor order (one query)."""
        # pk breaks ties: members added in code (not dragged in the editor) share a sort_order.
        members = self.members.all().select_related("partner").order_by("sort_order", "pk")
        return [m for m in members if m.partner_id]

    def country_codes(self, members=None) -> list[str]:
        """The countries set on the page, or else the members' countries of work."""
        if self.countries:
            return sorted(country.code for country in self.countries)
        codes = set()
        for member in members if members is not None else self.member_list():
            codes.update(country.code for country in member.partner.countries)
        return sorted(codes)

    def published_stories(self):
        # Stories name their collaborative: the reverse relation, with no import of stories.
        return self.stories.live().public().order_by("-publication_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from django_countries import countries as country_names

        from hub.themes import localized_themes

        context = super().get_context(request, *args, **kwargs)
        members = self.member_list()
        # Members and host are named only when visitors may see their profile.
        context["members"] = [m for m in members if is_visible(m.partner)]
        host = self.host_partner
        context["host_partner"] = host if host and is_visible(host) else None
        context["country_list"] = [(c, country_names.name(c)) for c in self.country_codes(members)]
        context["activity_list"] = self.activities.all()
        visible = page_queryset().live().public()
        context["output_list"] = visible.filter(
            pk__in=[o.page_id for o in self.outputs.all()]
        ).specific()
        stories = list(self.published_stories())
        attach_partners(stories)
        context["stories"] = stories
        context["theme_list"] = localized_themes(self.themes.all(), self.locale)
        return context

    def structured_data(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Project",
            "name": self.title,
            "url": self.get_full_url(request),
            "description": self.summary,
        }
        if self.start_date:
            data["foundingDate"] = self.start_date.isoformat()
        return data


class CollaborativeMember(TranslatableMixin, Orderable):
    collaborative = ParentalKey(
        LearningCollaborativePage, on_delete=models.CASCADE, related_name="members"
    )
    partner = models.ForeignKey(
        "network.PartnerProfilePage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="collaborative_memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=MemberRole.choices)

    panels = [FieldPanel("partner"), FieldPanel("role")]
    translatable_fields = [SynchronizedField("partner"), SynchronizedField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("member")
        db_table = "hub_collaborativemember"


class CollaborativeActivity(TranslatableMixin, Orderable):
    collaborative = ParentalKey(
        LearningCollaborativePage, on_delete=models.CASCADE, related_name="activities"
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=ActivityFormat.choices)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_('For example "English, French".')
    )
    summary = models.TextField(_("summary"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("format")]),
        FieldPanel("title"),
        FieldPanel("place"),
        FieldPanel("languages"),
        FieldPanel("summary"),
    ]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("title"),
        TranslatableField("place"),
        SynchronizedField("format"),
        TranslatableField("languages"),
        TranslatableField("summary"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("activity")
        db_table = "hub_collaborativeactivity"
        verbose_name_plural = _("activities")


class CollaborativeOutput(TranslatableMixin, Orderable):
    """A resource or other page the collaborative produced (stories link themselves)."""

    collaborative = ParentalKey(
        LearningCollaborativePage, on_delete=models.CASCADE, related_name="outputs"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]
    translatable_fields = [SynchronizedField("page")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related page")
        db_table = "hub_collaborativeoutput"
