import datetime

from django.utils.text import slugify

import factory
import wagtail_factories

from .models import (
    ActivityFormat,
    CollaborativeActivity,
    CollaborativeIndexPage,
    CollaborativeMember,
    CollaborativeStatus,
    LearningCollaborativePage,
    MemberRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerProfilePage,
)


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
