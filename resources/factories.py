"""Factories for every page type of the toolkit and resources (tests build pages with them)."""

from wagtail.models import Locale

import factory
import wagtail_factories

from .choices import NUGGET
from .models import (
    NuggetSeriesItem,
    NuggetSeriesPage,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ToolkitPage,
    ToolkitTopicPage,
)


class ToolkitPageFactory(wagtail_factories.PageFactory):
    title = "Collaborative learning toolkit"
    standfirst = factory.Faker("sentence")

    class Meta:
        model = ToolkitPage


class ToolkitTopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic title {n}")
    intro = factory.Faker("sentence")

    class Meta:
        model = ToolkitTopicPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    resource_type = "guide"
    audiences = factory.LazyFunction(lambda: ["facilitators"])
    summary = factory.Faker("sentence")

    class Meta:
        model = ResourcePage


class NuggetPageFactory(ResourcePageFactory):
    title = factory.Sequence(lambda n: f"Nugget {n}")
    resource_type = NUGGET
    nugget_body = "<p>One idea that fits a phone screen.</p>"
    reflection_prompt = "What will you try at your next meeting?"


class ResourceFileFactory(factory.django.DjangoModelFactory):
    """A file or link of a resource; give ``document`` for a file, else it is a link."""

    page = factory.SubFactory(ResourcePageFactory)
    language = "en"
    link = factory.LazyAttribute(
        lambda file: "" if file.document else f"https://example.org/{file.language}.pdf"
    )
    document = None
    locale = factory.LazyAttribute(lambda file: file.page.locale)

    class Meta:
        model = ResourceFile


class NuggetSeriesPageFactory(wagtail_factories.PageFactory):
    title = "Facilitating virtual meetings"

    class Meta:
        model = NuggetSeriesPage


class NuggetSeriesItemFactory(factory.django.DjangoModelFactory):
    series = factory.SubFactory(NuggetSeriesPageFactory)
    nugget = factory.SubFactory(NuggetPageFactory)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NuggetSeriesItem
