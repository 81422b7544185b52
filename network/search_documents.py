"""Search documents of the network's pages (partners, collaboratives) and their facet labels.

Label resolvers turn the stable facet keys documents carry into words in the reader's language.
"""

from django.utils import translation

from hub.public_url import site_path
from hub.regions import region_codes_for
from search.documents import SearchDocument, register_documents, register_labels

from .models import LearningCollaborativePage, OrganisationType, PartnerProfilePage


@register_documents(
    PartnerProfilePage, queryset=lambda: PartnerProfilePage.objects.live().public().specific()
)
def partner_documents(partner) -> list[SearchDocument]:
    countries = [country.code for country in partner.countries]
    return [
        SearchDocument(
            id=f"partner:{partner.pk}",
            source=f"network.partnerprofilepage:{partner.pk}",
            kind="partner",
            locale=partner.locale.language_code,
            title=partner.title,
            url=site_path(partner),
            summary=partner.summary,
            body=partner.body,
            countries=countries,
            regions=region_codes_for(countries),
            themes=[theme.slug for theme in partner.themes.all()],
            partners=[partner.slug],
            organisation_types=[partner.organisation_type],
            display={"acronym": partner.acronym},
            translation_key=str(partner.translation_key),
        )
    ]


@register_documents(
    LearningCollaborativePage,
    queryset=lambda: LearningCollaborativePage.objects.live().public().specific(),
)
def collaborative_documents(collaborative) -> list[SearchDocument]:
    members = collaborative.member_list()
    countries = collaborative.country_codes(members)
    return [
        SearchDocument(
            id=f"collaborative:{collaborative.pk}",
            source=f"network.learningcollaborativepage:{collaborative.pk}",
            kind="collaborative",
            locale=collaborative.locale.language_code,
            title=collaborative.title,
            url=site_path(collaborative),
            summary=collaborative.summary,
            body=" ".join([collaborative.purpose, collaborative.learning_questions]),
            date=collaborative.start_date,
            countries=countries,
            regions=region_codes_for(countries),
            themes=[theme.slug for theme in collaborative.themes.all()],
            collaboratives=[collaborative.slug],
            partners=[member.partner.slug for member in members],
            organisation_types=[member.partner.organisation_type for member in members],
            translation_key=str(collaborative.translation_key),
        )
    ]


def _by_slug(queryset, keys, language, name="title"):
    """{slug: name}, preferring the requested language and falling back to any other: one
    query, whatever the number of keys (a search page resolves every facet value at once)."""
    keys = list(keys)
    if not keys:
        return {}
    labels = {}
    rows = queryset.filter(slug__in=keys).values_list("slug", "locale__language_code", name)
    for slug, code, label in rows:
        if slug not in labels or code == language:
            labels[slug] = label
    return labels


@register_labels("partner")
def partner_labels(keys, language):
    keys = list(keys)
    # Live and public only: a restricted or draft profile's title is not a label anyone sees,
    # and its slug is an unknown value.
    pages = PartnerProfilePage.objects.live().public().filter(slug__in=keys)
    return _by_slug(pages, keys, language)


@register_labels("collaborative")
def collaborative_labels(keys, language):
    keys = list(keys)
    pages = LearningCollaborativePage.objects.live().public().filter(slug__in=keys)
    return _by_slug(pages, keys, language)


@register_labels("organisation_type", vocabulary=lambda: OrganisationType.values)
def organisation_type_labels(keys, language):
    with translation.override(language):
        return {
            key: str(OrganisationType(key).label) for key in keys if key in OrganisationType.values
        }
