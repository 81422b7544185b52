"""A partner profile's page in another language, made the way a translator starts one.

Stories in French or Spanish live under the profile's French or Spanish page, so the importer
and ``onboard_partner --locales`` need that page to exist. When it does not, it is submitted
for translation through wagtail-localize (``TranslationCreator``), exactly as "Translate" in
the admin does: a draft in the target language, listed in the translation status report, which
a translator fills in and publishes. It is never published here: the hub promises that an
untranslated copy never goes live (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``).

A live story below that draft is still served: Wagtail routes through pages that are not live
and checks only the page it serves. Links to the profile from such a story go to a live
version of it instead (``hub.visibility.live_stand_in``).
"""

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator


def configured_language(code) -> bool:
    return str(code) in dict(settings.LANGUAGES)


def locale_for(code) -> Locale:
    """The Locale of a configured language, created if the admin has not added it yet."""
    if not configured_language(code):
        raise ValueError(f"{code!r} is not a configured language")
    return Locale.objects.get_or_create(language_code=str(code))[0]


def profile_in_locale(profile, locale, user=None):
    """``profile``'s page in ``locale``: the existing one, or a new draft translation.

    Missing sections above it (the partners index in that language) are made by
    wagtail-localize as it does for any page translated in the admin.
    """
    existing = profile.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    # Related objects (themes, images) are not submitted: the draft falls back to the
    # source's, and themes are translated on their own.
    TranslationCreator(user, [locale]).create_translations(profile, include_related_objects=False)
    return profile.get_translation(locale).specific


def add_profile_languages(profile, codes, user=None) -> list[tuple]:
    """``profile``'s page in each language of ``codes``: (code, page, created) for each.

    Raises OnboardingError, before anything is made, when a code is not a configured language.
    """
    from .onboarding import OnboardingError

    unknown = [code for code in codes if not configured_language(code)]
    if unknown:
        known = ", ".join(code for code, _name in settings.LANGUAGES)
        raise OnboardingError(f"Unknown language {', '.join(unknown)} (use one of {known}).")
    made = []
    for code in dict.fromkeys(codes):
        locale = locale_for(code)
        if locale == profile.locale:
            continue
        existing = profile.get_translation_or_none(locale)
        page = existing.specific if existing else profile_in_locale(profile, locale, user=user)
        made.append((code, page, existing is None))
    return made
