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
from search.documents import SearchDocument, register_labels

from .choices import RESOURCE_TYPES


def _text(*parts) -> str:
    return " ".join(strip_tags(str(part)).strip() for part in parts if part).strip()


def _stream_text(stream) -> str:
    return " ".join(_text(block.render_as_block()) for block in stream)


class ResourceDocuments:
    """Search document methods of ``ResourcePage``."""

    def search_documents(self) -> list[SearchDocument]:
        countries = [country.code for country in self.countries]
        # A draft or private partner page is not named anywhere public, search included.
        publisher = self.visible_publisher
        return [
            SearchDocument(
                id=f"resource:{self.pk}",
                source=f"resources.resourcepage:{self.pk}",
                kind="resource",
                locale=self.locale.language_code,
                title=self.title,
                url=site_path(self),
                summary=self.summary,
                body=_text(_stream_text(self.how_to_use), self.nugget_body, self.reflection_prompt),
                date=self.publication_date,
                countries=countries,
                regions=region_codes_for(countries),
                themes=[theme.slug for theme in self.themes.all()],
                partners=[publisher.slug] if publisher else [],
                resource_types=[self.resource_type],
                audiences=list(self.audiences),
                display={
                    "resource_type": self.resource_type,
                    "partner_name": publisher.title if publisher else "",
                },
                translation_key=str(self.translation_key),
            )
        ]

    @classmethod
    def search_queryset(cls):
        return (
            cls.objects.live()
            .public()
            .select_related("locale", "publisher")
            .prefetch_related("themes")
        )


class TopicDocuments:
    """Search document methods of ``ToolkitTopicPage``."""

    def search_documents(self) -> list[SearchDocument]:
        toolkit = self.get_parent()
        # "Topic 7: …" in the page's own language, whatever language the indexing request ran in.
        with translation.override(self.locale.language_code):
            title = str(self.numbered_title)
        return [
            SearchDocument(
                id=f"toolkittopic:{self.pk}",
                source=f"resources.toolkittopicpage:{self.pk}",
                kind="resource",
                locale=self.locale.language_code,
                title=title,
                url=site_path(self),
                summary=self.intro,
                body=_text(_stream_text(self.body), _stream_text(self.key_takeaways)),
                # Undated: a topic is a chapter of a guide the editors keep current, and the day
                # it was first published on the hub says nothing about when it was written.
                resource_types=["guide"],
                display={"resource_type": "guide", "toolkit_title": toolkit.title},
                translation_key=str(self.translation_key),
            )
        ]

    @classmethod
    def search_queryset(cls):
        return cls.objects.live().public().select_related("locale")


@register_labels("resource_type")
def resource_type_labels(keys, language: str) -> dict[str, str]:
    names = dict(RESOURCE_TYPES)
    with translation.override(language):
        return {key: str(names[key]) for key in keys if key in names}
