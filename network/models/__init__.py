from .choices import ActivityFormat, CollaborativeStatus, MemberRole, OrganisationType
from .collaboratives import (
    CollaborativeActivity,
    CollaborativeIndexPage,
    CollaborativeMember,
    CollaborativeOutput,
    LearningCollaborativePage,
)
from .partners import PartnerIndexPage, PartnerProfilePage

__all__ = [
    "ActivityFormat",
    "CollaborativeActivity",
    "CollaborativeIndexPage",
    "CollaborativeMember",
    "CollaborativeOutput",
    "CollaborativeStatus",
    "LearningCollaborativePage",
    "MemberRole",
    "OrganisationType",
    "PartnerIndexPage",
    "PartnerProfilePage",
]
