from django.utils.text import slugify

from wagtail.models import Locale

import factory
import wagtail_factories

from .models import HomePage, Theme


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
