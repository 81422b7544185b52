from .base import HubPage
from .choices import ActivityFormat, CollaborativeStatus, MemberRole, OrganisationType
from .collaboratives import (
    CollaborativeActivity,
    CollaborativeIndexPage,
    CollaborativeMember,
    CollaborativeOutput,
    LearningCollaborativePage,
)
from .home import HomePage
from .partners import PartnerIndexPage, PartnerProfilePage
from .taxonomy import Theme

__all__ = [
    "ActivityFormat",
    "CollaborativeActivity",
    "CollaborativeIndexPage",
    "CollaborativeMember",
    "CollaborativeOutput",
    "CollaborativeStatus",
    "HomePage",
    "HubPage",
    "LearningCollaborativePage",
    "MemberRole",
    "OrganisationType",
    "PartnerIndexPage",
    "PartnerProfilePage",
    "Theme",
]
