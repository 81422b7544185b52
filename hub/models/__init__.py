from .base import HubPage
from .home import HomeFeaturedItem, HomePage
from .sent_email import SentEmail
from .taxonomy import Theme

__all__ = ["HomeFeaturedItem", "HomePage", "HubPage", "SentEmail", "Theme"]
