from .base import HubPage
from .home import HomePage
from .taxonomy import Theme

__all__ = ["HomePage", "HubPage", "Theme"]
