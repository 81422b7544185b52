import datetime

from django.utils.text import slugify

from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    ActivityFormat,
    CollaborativeActivity,
    CollaborativeIndexPage,
    CollaborativeMember,
    CollaborativeStatus,
    HomePage,
    LearningCollaborativePage,
    MemberRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerProfilePage,
    Theme,
)


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Knowledge Hub"
    standfirst = factory.Faker("sentence")

    class Meta:
        model = HomePage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    locale = factory.LazyFunction(lambda: Locale.get_default())

    class Meta:
        model = Theme


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerProfilePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    organisation_type = OrganisationType.CSO
    summary = factory.Faker("sentence")
    headquarters_country = "KE"
    countries = ["KE"]

    class Meta:
        model = PartnerProfilePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save_revision().publish()


class CollaborativeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Learning collaboratives"
    slug = "collaboratives"

    class Meta:
        model = CollaborativeIndexPage


class LearningCollaborativePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Learning collaborative {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = factory.Faker("sentence")
    status = CollaborativeStatus.ACTIVE

    class Meta:
        model = LearningCollaborativePage


class CollaborativeMemberFactory(factory.django.DjangoModelFactory):
    role = MemberRole.MEMBER

    class Meta:
        model = CollaborativeMember


class CollaborativeActivityFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2024, 6, 13)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    format = ActivityFormat.IN_PERSON

    class Meta:
        model = CollaborativeActivity
