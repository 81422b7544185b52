"""Search documents of the toolkit: one per resource, one per toolkit topic.

Built here, next to the models, in the one shape ``search.documents`` defines; facet values
are stable keys (type keys, audience keys, theme slugs, ISO codes, M49 codes, the publisher
partner's page slug). Toolkit topics are indexed as resources of type "guide": to a visitor
searching for help on a subject, a toolkit chapter is a guide, and it should surface beside
the stand-alone guides rather than in a kind of its own.
"""

from django.utils import translation
from django.utils.html import strip_tags

from hub.public_url import site_path
from hub.regions import region_codes_for
from search.documents import SearchDocument, register_documents, register_labels

from .choices import RESOURCE_TYPES
from .models import ResourcePage, ToolkitTopicPage


def _text(*parts) -> str:
    return " ".join(strip_tags(str(part)).strip() for part in parts if part).strip()


def _stream_text(stream) -> str:
    return " ".join(_text(block.render_as_block()) for block in stream)


@register_documents(
    ResourcePage,
    queryset=lambda: (
        ResourcePage.objects.live()
        .public()
        .select_related("locale", "publisher")
        .prefetch_related("themes")
    ),
)
def resource_documents(resource) -> list[SearchDocument]:
    countries = [country.code for country in resource.countries]
    # A draft or private partner page is not named anywhere public, search included.
    publisher = resource.visible_publisher
    return [
        SearchDocument(
            id=f"resource:{resource.pk}",
            source=f"resources.resourcepage:{resource.pk}",
            kind="resource",
            locale=resource.locale.language_code,
            title=resource.title,
            url=site_path(resource),
            summary=resource.summary,
            body=_text(
                _stream_text(resource.how_to_use), resource.nugget_body, resource.reflection_prompt
            ),
            date=resource.publication_date,
            countries=countries,
            regions=region_codes_for(countries),
            themes=[theme.slug for theme in resource.themes.all()],
            partners=[publisher.slug] if publisher else [],
            resource_types=[resource.resource_type],
            audiences=list(resource.audiences),
            display={
                "resource_type": resource.resource_type,
                "partner_name": publisher.title if publisher else "",
            },
            translation_key=str(resource.translation_key),
        )
    ]


@register_documents(
    ToolkitTopicPage,
    queryset=lambda: ToolkitTopicPage.objects.live().public().select_related("locale"),
)
def topic_documents(topic) -> list[SearchDocument]:
    toolkit = topic.get_parent()
    # "Topic 7: …" in the page's own language, whatever language the indexing request ran in.
    with translation.override(topic.locale.language_code):
        title = str(topic.numbered_title)
    return [
        SearchDocument(
            id=f"toolkittopic:{topic.pk}",
            source=f"resources.toolkittopicpage:{topic.pk}",
            kind="resource",
            locale=topic.locale.language_code,
            title=title,
            url=site_path(topic),
            summary=topic.intro,
            body=_text(_stream_text(topic.body), _stream_text(topic.key_takeaways)),
            # Undated: a topic is a chapter of a guide the editors keep current, and the day it
            # was first published on the hub says nothing about when it was written.
            resource_types=["guide"],
            display={"resource_type": "guide", "toolkit_title": toolkit.title},
            translation_key=str(topic.translation_key),
        )
    ]


@register_labels("resource_type", vocabulary=lambda: [key for key, _ in RESOURCE_TYPES])
def resource_type_labels(keys, language: str) -> dict[str, str]:
    names = dict(RESOURCE_TYPES)
    with translation.override(language):
        return {key: str(names[key]) for key in keys if key in names}
