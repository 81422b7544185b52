"""The licences a story and its lessons may be shared under, keyed by SPDX identifier.

The key is what the dataset and the API carry (a machine can read "CC-BY-4.0" without a
lookup table); the label is what a visitor reads; the deed is the licence's human-readable
summary, linked from the story page and given as ``license`` in its JSON-LD. A new story
takes ``HUB_DEFAULT_LICENCE``; the field is synchronised across translations, since a
translation cannot be shared under other terms than its source.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ALL_RIGHTS_RESERVED = "all-rights-reserved"


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("CC BY 4.0 (Attribution)")
    CC_BY_SA = "CC-BY-SA-4.0", _("CC BY-SA 4.0 (Attribution, ShareAlike)")
    CC_BY_NC = "CC-BY-NC-4.0", _("CC BY-NC 4.0 (Attribution, NonCommercial)")
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", _("CC BY-NC-SA 4.0 (Attribution, NonCommercial, ShareAlike)")
    CC_BY_ND = "CC-BY-ND-4.0", _("CC BY-ND 4.0 (Attribution, NoDerivatives)")
    CC_BY_NC_ND = (
        "CC-BY-NC-ND-4.0",
        _("CC BY-NC-ND 4.0 (Attribution, NonCommercial, NoDerivatives)"),
    )
    CC0 = "CC0-1.0", _("CC0 1.0 (public domain dedication)")
    RESERVED = ALL_RIGHTS_RESERVED, _("All rights reserved")


_DEEDS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def default_licence() -> str:
    """``HUB_DEFAULT_LICENCE``: a callable, so that the migration does not freeze it."""
    return settings.HUB_DEFAULT_LICENCE


def deed_url(key: str) -> str:
    """The licence's deed, or "" when there is none (all rights reserved)."""
    return _DEEDS.get(key, "")


def label(key: str) -> str:
    return str(Licence(key).label) if key in Licence.values else key


def short_name(key: str) -> str:
    """The name a licence is known by ("CC BY 4.0"), the label without its explanation."""
    return label(key).split(" (")[0]
