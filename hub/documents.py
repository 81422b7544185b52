"""Search documents of the network's pages (partners, collaboratives) and facet labels.

Label resolvers turn the stable facet keys documents carry into words in the reader's language.
"""

from django.utils import translation

from search.documents import SearchDocument, register_labels

from .memo import locale_ids
from .models import LearningCollaborativePage, OrganisationType, PartnerProfilePage
from .regions import region_codes_for
from .themes import themes_by_locale


def partner_documents(partner) -> list[SearchDocument]:
    countries = [country.code for country in partner.countries]
    return [
        SearchDocument(
            id=f"partner:{partner.pk}",
            source=f"hub.partnerprofilepage:{partner.pk}",
            kind="partner",
            locale=partner.locale.language_code,
            title=partner.title,
            url=partner.get_full_url() or "",
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


def collaborative_documents(collaborative) -> list[SearchDocument]:
    members = collaborative.member_list()
    countries = collaborative.country_codes(members)
    return [
        SearchDocument(
            id=f"collaborative:{collaborative.pk}",
            source=f"hub.learningcollaborativepage:{collaborative.pk}",
            kind="collaborative",
            locale=collaborative.locale.language_code,
            title=collaborative.title,
            url=collaborative.get_full_url() or "",
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


def _by_slug(items, keys, language):
    """{slug: name}, preferring the requested language and falling back to any other."""
    keys = set(keys)
    labels = {}
    locale_id = locale_ids().get(language)
    for item in items:
        if item.slug in keys and (item.slug not in labels or item.locale_id == locale_id):
            labels[item.slug] = item.name if hasattr(item, "name") else item.title
    return labels


@register_labels("theme")
def theme_labels(keys, language):
    # From the themes every page remembers (hub.themes), in the database's order (by name).
    themes = [theme for by_slug in themes_by_locale().values() for theme in by_slug.values()]
    return _by_slug(sorted(themes, key=lambda theme: theme.name), keys, language)


@register_labels("partner")
def partner_labels(keys, language):
    keys = list(keys)
    return _by_slug(PartnerProfilePage.objects.live().filter(slug__in=keys), keys, language)


@register_labels("collaborative")
def collaborative_labels(keys, language):
    keys = list(keys)
    pages = LearningCollaborativePage.objects.live().filter(slug__in=keys)
    return _by_slug(pages, keys, language)


@register_labels("organisation_type")
def organisation_type_labels(keys, language):
    with translation.override(language):
        return {
            key: str(OrganisationType(key).label) for key in keys if key in OrganisationType.values
        }
