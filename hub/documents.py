"""Search documents of the network's pages (partners, collaboratives) and facet labels.

Label resolvers turn the stable facet keys documents carry into words in the reader's language.
"""

from django.utils import translation

from wagtail.models import Locale

from search.documents import SearchDocument, register_labels

from .models import LearningCollaborativePage, OrganisationType, PartnerProfilePage, Theme
from .regions import region_codes_for


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


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def _by_slug(queryset, keys, language):
    """{slug: name}, preferring the requested language and falling back to any other."""
    keys = list(keys)
    labels = {}
    locale = _locale(language)
    for item in queryset.filter(slug__in=keys):
        if item.slug not in labels or (locale and item.locale_id == locale.pk):
            labels[item.slug] = item.name if hasattr(item, "name") else item.title
    return labels


@register_labels("theme")
def theme_labels(keys, language):
    return _by_slug(Theme.objects.all(), keys, language)


@register_labels("partner")
def partner_labels(keys, language):
    return _by_slug(PartnerProfilePage.objects.live(), keys, language)


@register_labels("collaborative")
def collaborative_labels(keys, language):
    return _by_slug(LearningCollaborativePage.objects.live(), keys, language)


@register_labels("organisation_type")
def organisation_type_labels(keys, language):
    with translation.override(language):
        return {
            key: str(OrganisationType(key).label) for key in keys if key in OrganisationType.values
        }
