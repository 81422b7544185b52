"""Demo translations, made the way translators make them: through wagtail-localize.

``content/demo/translations.yaml`` lists pages (parents first) with their strings in French and
Spanish, keyed by the English source text. Each page is submitted for translation, its strings
are filled, and the translation is published: the French story of the demo is a real
wagtail-localize translation, so the translation status report and the sync work on it.
"""

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import yaml

from hub.demo_loader import DEMO_DIR

TRANSLATIONS_FILE = DEMO_DIR / "translations.yaml"


def load_translations(ctx) -> None:
    entries = yaml.safe_load(TRANSLATIONS_FILE.read_text(encoding="utf-8"))
    locales, user = ctx.shared["locales"], ctx.shared["admin"]
    made = 0
    for entry in entries:
        page = Page.objects.get(locale=locales["en"], url_path=f"/home{entry['page']}").specific
        for code in ("fr", "es"):
            # Keyed by the text with its spaces normalised: a paragraph wrapped over several
            # lines in the file is one line in the page.
            words = {_plain(string["en"]): _plain(string[code]) for string in entry["strings"]}
            made += translate_page(page, locales[code], words, user)
    ctx.say(f"Translations: {made} pages published in French and Spanish.")


def _plain(text) -> str:
    return " ".join(str(text).split())


def translate_page(page, locale, words: dict[str, str], user) -> bool:
    """Translate ``page`` into ``locale`` with ``words``; False when already done (idempotent)."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live and existing.alias_of_id is None:
        return False
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = words.get(_plain(segment.string.data))
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    # Saved as a draft, then published here and now: wagtail-localize would publish on commit,
    # after the demo command (and never inside a test transaction).
    translation.save_target(user=user, publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish(user=user, log_action=False)
    return True
