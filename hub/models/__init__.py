from .base import HubPage
from .home import HomeFeaturedItem, HomePage
from .taxonomy import Theme

__all__ = ["HomeFeaturedItem", "HomePage", "HubPage", "Theme"]
