"""Every interface string marked for translation has a French and a Spanish translation.

Runs ``makemessages`` on a copy of ``locale/``: a new string in a template or in Python code
that the catalogues do not translate yet fails here, naming the string. ``makemessages``
writes to the ``locale/`` nearest above each source file, so it runs in a scratch tree whose
source folders are links to the project's and whose ``locale/`` is the copy: the project's
catalogues are never touched.
"""

import shutil
from pathlib import Path

from django.conf import settings as project_settings
from django.core.management import call_command

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORE = [".venv/*", "tests/*", "bench/*", "node_modules/*", "static_collected/*", "media/*"]
NOT_SOURCE = {"locale", ".git", ".venv", "tests", "bench", "node_modules", "static_collected"}


MAIN = project_settings.LANGUAGE_CODE
TRANSLATED = [code for code, _ in project_settings.LANGUAGES if code != MAIN]


@pytest.mark.parametrize("language", TRANSLATED)
def test_interface_strings_are_all_translated(tmp_path, settings, monkeypatch, language):
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    for entry in ROOT.iterdir():
        if entry.is_dir() and entry.name not in NOT_SOURCE and not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry, target_is_directory=True)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages", locale=[language], ignore_patterns=IGNORE, symlinks=True, verbosity=0
    )

    catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated strings: {untranslated}"
    assert fuzzy == [], f"{language}: fuzzy (unchecked) strings: {fuzzy}"
