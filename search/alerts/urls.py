"""Routes of feeds and alerts, under the search page in each language (search/urls.py)."""

from django.urls import path

from . import views
from .feeds import AtomSearchFeed, SearchFeed

urlpatterns = [
    path("search/feed/rss/", SearchFeed(), name="feed_rss"),
    path("search/feed/atom/", AtomSearchFeed(), name="feed_atom"),
    path("search/follow/", views.follow, name="alerts_follow"),
    path("search/follow/confirm/<str:token>/", views.confirm_page, name="alerts_confirm"),
    path(
        "search/follow/unsubscribe/<str:token>/",
        views.unsubscribe_page,
        name="alerts_unsubscribe",
    ),
]
