import datetime

from django.utils.text import slugify

import factory
import wagtail_factories

from .models import CaseStoryPage, Lesson, LessonKind, StoryIndexPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"

    class Meta:
        model = StoryIndexPage


class CaseStoryPageFactory(wagtail_factories.PageFactory):
    """A story; create it with ``parent=<PartnerProfilePage>``."""

    title = factory.Sequence(lambda n: f"Case story {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    standfirst = factory.Faker("sentence")
    publication_date = datetime.date(2024, 6, 13)
    countries = ["KE"]

    class Meta:
        model = CaseStoryPage


class LessonFactory(factory.django.DjangoModelFactory):
    headline = factory.Sequence(lambda n: f"Lesson number {n}")
    slug = factory.LazyAttribute(lambda lesson: slugify(lesson.headline))
    explanation = factory.Faker("paragraph")
    kind = LessonKind.WHAT_WORKED
    audiences = ["donors"]
    # In the order made, as the editor's form and the importer number them: lessons without
    # a number come back in whatever order the database finds them.
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Lesson
