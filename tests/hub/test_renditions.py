"""The worker makes every rendition a template asks for (hub.renditions)."""

import re
from pathlib import Path

from wagtail.images.models import Filter

from hub.renditions import TEMPLATE_RENDITIONS

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
IMAGE_TAG = re.compile(r"{%\s*(image|picture)\s+\S+\s+((?:[a-z]+-[\w{},]+\s*)+)")


def specs_in_templates() -> set[str]:
    found = set()
    for template in TEMPLATES.rglob("*.html"):
        for _tag, specs in IMAGE_TAG.findall(template.read_text()):
            found.update(Filter.expand_spec(specs.split()))
    return found


def test_every_template_rendition_is_made_in_advance():
    in_templates = specs_in_templates()
    assert "width-800" in in_templates  # the pattern reads the templates
    assert in_templates <= set(TEMPLATE_RENDITIONS)
