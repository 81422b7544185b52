"""The site's public URLs, one sample per page type and language, for checks and benchmarks.

Browser and accessibility tests, the page-weight budget and ``make bench-pages`` all walk the
same list, so a new page type is covered the moment the demo content has one live page of
it. Views that are not Wagtail pages (search, filtered listings) register a path template:

    register_sample_path("search", "/{lang}/search/?q=water")
"""

from dataclasses import dataclass

from django.conf import settings

_EXTRA_PATHS: dict[str, str] = {}


@dataclass(frozen=True)
class PublicURL:
    label: str  # "homepage", "storypage", "search"...
    language: str
    path: str

    @property
    def id(self) -> str:
        return f"{self.label}-{self.language}"


def register_sample_path(label: str, template: str) -> None:
    """Add a non-page view to the sample; ``{lang}`` is replaced by each language code."""
    _EXTRA_PATHS[label] = template


def sample_urls(languages: list[str] | None = None) -> list[PublicURL]:
    """One live page visitors can see of each page type in each language, then the views.

    Private pages (view restrictions) are left out: the sample is what anonymous visitors
    reach. The order is stable: page types by name, then languages as in settings.
    """
    from wagtail.models import Page, PageViewRestriction, get_page_models

    codes = languages or [code for code, _name in settings.LANGUAGES]
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    urls = []
    for model in sorted(get_page_models(), key=lambda m: m._meta.model_name):
        if model is Page or model._meta.abstract:
            continue
        for code in codes:
            pages = model.objects.live().filter(locale__language_code=code).order_by("path")
            for prefix in restricted:
                pages = pages.exclude(path__startswith=prefix)
            page = pages.first()
            if page is not None:
                urls.append(PublicURL(model._meta.model_name, code, page.get_url(None)))
    for label, template in sorted(_EXTRA_PATHS.items()):
        urls.extend(PublicURL(label, code, template.format(lang=code)) for code in codes)
    return urls
