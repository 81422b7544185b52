"""Languages as visitors read them: one way, for every app, to name a language code."""

from django.utils.text import capfirst
from django.utils.translation import get_language_info


def language_name(code: str) -> str:
    """A language named in that language ("Français", not "French"), as a reader of it
    looks for it in a list; the code itself for a language Django does not know."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return code
