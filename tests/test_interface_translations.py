"""Every interface string marked for translation has a French and a Spanish translation.

Runs ``makemessages`` on a copy of ``locale/``: a new string in a template or in Python code
that the catalogues do not translate yet fails here, naming the string.
"""

import shutil
from pathlib import Path

from django.conf import settings as project_settings
from django.core.management import call_command

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORE = [".venv/*", "tests/*", "bench/*", "node_modules/*", "static_collected/*", "media/*"]


MAIN = project_settings.LANGUAGE_CODE
TRANSLATED = [code for code, _ in project_settings.LANGUAGES if code != MAIN]


@pytest.mark.parametrize("language", TRANSLATED)
def test_interface_strings_are_all_translated(tmp_path, settings, monkeypatch, language):
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(ROOT)
    call_command("makemessages", locale=[language], ignore_patterns=IGNORE, verbosity=0)

    catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated strings: {untranslated}"
    assert fuzzy == [], f"{language}: fuzzy (unchecked) strings: {fuzzy}"
