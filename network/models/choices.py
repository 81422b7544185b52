"""Choice lists of the network, keyed by stable values used in facets, imports and URLs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    CSO = "cso", _("Civil society organisation (CSO)")
    CBO = "cbo", _("Community-based organisation (CBO)")
    INGO = "ingo", _("International NGO")
    GOVERNMENT = "government", _("Government agency")
    RESEARCH = "research", _("Research institute")
    NETWORK = "network", _("Network")
    FUNDER = "funder", _("Donor or funder")
    LEARNING_PARTNER = "learning-partner", _("Learning partner")


class CollaborativeStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class MemberRole(models.TextChoices):
    LEARNING_HUB = "learning-hub", _("Learning hub")
    MEMBER = "member", _("Member")
    CLUSTER_PARTNER = "cluster-partner", _("Cluster partner")
    LEARNING_PARTNER = "learning-partner", _("Learning partner")
    FUNDER = "funder", _("Funder")
    FACILITATOR = "facilitator", _("Facilitator")


class ActivityFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    BLENDED = "blended", _("Blended")
