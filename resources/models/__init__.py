"""Page types of the toolkit and resources, one module per concern."""

from .nuggets import NuggetSeriesItem, NuggetSeriesPage, series_position
from .resource import ResourceFile, ResourceIndexPage, ResourcePage
from .toolkit import ToolkitPage, ToolkitTopicPage

__all__ = [
    "NuggetSeriesItem",
    "NuggetSeriesPage",
    "ResourceFile",
    "ResourceIndexPage",
    "ResourcePage",
    "ToolkitPage",
    "ToolkitTopicPage",
    "series_position",
]
