"""Demo content of the network itself: locales, home pages, the admin account and themes."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale, Site

import yaml

from .demo_loader import DEMO_DIR, publish_if_changed, set_if_changed
from .models import HomePage, Theme
from .translation.demo import load_translations

HOME_TEXT = {
    "en": {
        "title": "Knowledge Hub",
        "standfirst": (
            "What partners in learning networks tried, what happened and what they learned, "
            "in one place. The demo content is illustrative."
        ),
    },
    "fr": {
        "title": "Pôle de connaissances",
        "standfirst": (
            "Ce que les partenaires des réseaux d'apprentissage ont essayé, ce qui s'est passé "
            "et ce qu'ils en ont appris, réunis en un seul endroit. Le contenu de démonstration "
            "est illustratif."
        ),
    },
    "es": {
        "title": "Centro de conocimiento",
        "standfirst": (
            "Lo que probaron los socios de las redes de aprendizaje, lo que pasó y lo que "
            "aprendieron, en un solo lugar. El contenido de demostración es ilustrativo."
        ),
    },
}


def load(ctx):
    locales = ensure_locales()
    ctx.shared["locales"] = locales
    ctx.shared["admin"] = ensure_admin(ctx)
    ctx.shared["homes"] = ensure_home_pages(locales, ctx.shared["admin"])
    ctx.shared["themes"] = ensure_themes(locales)
    ctx.say(f"Themes: {Theme.objects.filter(locale=locales['en']).count()} in each language.")
    ctx.defer(load_translations)


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def ensure_admin(ctx):
    User = get_user_model()
    user = User.objects.filter(username="admin").first()
    if user:
        return user
    password = os.environ.get("HUB_ADMIN_PASSWORD")
    generated = not password
    if generated:
        password = secrets.token_urlsafe(12)
    user = User.objects.create_superuser("admin", "admin@example.org", password)
    if generated:
        # Shown once: it is stored only as a hash.
        ctx.say(ctx.style.WARNING(f"Admin account created: admin / {password} (shown only once)"))
    else:
        ctx.say("Admin account created with the password from HUB_ADMIN_PASSWORD.")
    return user


def ensure_home_pages(locales, user) -> dict[str, HomePage]:
    site = Site.objects.get(is_default_site=True)
    english = site.root_page.specific
    homes = {"en": english}
    for code, locale in locales.items():
        page = english if code == "en" else english.get_translation_or_none(locale)
        if page is None:
            page = english.copy_for_translation(locale)
        homes[code] = publish_if_changed(page.specific, user=user, **HOME_TEXT[code])
    return homes


def ensure_themes(locales) -> dict[str, Theme]:
    entries = yaml.safe_load((DEMO_DIR / "themes.yaml").read_text(encoding="utf-8"))
    themes = {}
    for entry in entries:
        source = Theme.objects.filter(slug=entry["key"], locale=locales["en"]).first()
        if source is None:
            source = Theme.objects.create(slug=entry["key"], locale=locales["en"], **entry["en"])
        elif set_if_changed(source, **entry["en"]):
            source.save()
        for code, locale in locales.items():
            if code == "en":
                continue
            translated = source.get_translation_or_none(locale)
            if translated is None:
                translated = source.copy_for_translation(locale)
            if set_if_changed(translated, **entry[code]) or translated.pk is None:
                translated.save()
        themes[entry["key"]] = source
    return themes
