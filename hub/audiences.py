"""Who a lesson or a resource is written for.

One list for both, with the same stable keys (URLs, search indexes and imports rely on them),
so that one audience facet covers lessons and resources; labels are translated at render time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    DONORS = "donors", _("Donors")
    FACILITATORS = "facilitators", _("Facilitators")
    CSOS = "csos", _("Civil society organisations")
    GOVERNMENTS = "governments", _("Governments")

    @classmethod
    def labels_of(cls, keys) -> list[str]:
        """The labels of the known keys, in the order given."""
        return [cls(key).label for key in keys if key in cls.values]
