"""Stable keys of the resource facets, shared by models, filters and search documents.

The keys never change (URLs, search indexes and imports rely on them); the labels are
translated at render time. Audiences are shared with lessons: ``hub.audiences``.
"""

from django.utils.translation import gettext_lazy as _

RESOURCE_TYPES = [
    ("guide", _("Guide")),
    ("tool", _("Tool")),
    ("template", _("Template")),
    ("checklist", _("Checklist")),
    ("ecourse", _("E-course")),
    ("video", _("Video")),
    ("report", _("Report")),
    ("nugget", _("Learning nugget")),
]
NUGGET = "nugget"


def label(choices, key: str) -> str:
    return str(dict(choices).get(key, key))
