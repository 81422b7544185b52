"""Story feeds. Included inside ``i18n_patterns``: each feed is per language (/en/feeds/...)."""

from django.urls import path

from . import feeds
from .dataset.views import data_page

FEEDS = {
    "": feeds.StoryFeed,
    "partner/<slug:slug>/": feeds.PartnerStoryFeed,
    "collaborative/<slug:slug>/": feeds.CollaborativeStoryFeed,
    "theme/<slug:slug>/": feeds.ThemeStoryFeed,
}
NAMES = {"": "all", "partner/": "partner", "collaborative/": "collaborative", "theme/": "theme"}

urlpatterns = [path("data/", data_page, name="data_page")]
for prefix, feed_class in FEEDS.items():
    name = NAMES[prefix.split("<")[0]]
    urlpatterns += [
        path(f"feeds/stories/{prefix}rss/", feed_class(), name=f"story-feed-{name}-rss"),
        path(
            f"feeds/stories/{prefix}atom/", feeds.atom(feed_class)(), name=f"story-feed-{name}-atom"
        ),
    ]
