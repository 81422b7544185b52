from django.urls import include, path

from search.api import autocomplete_api, search_api

urlpatterns = [
    path("search/", search_api, name="search_api"),
    path("search/autocomplete/", autocomplete_api, name="search_autocomplete"),
    path("lessons/", include("stories.dataset.api_urls")),
]
