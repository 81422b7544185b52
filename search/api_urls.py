from django.urls import include, path

from search.api import autocomplete_api, search_api
from search.api_docs import api_reference, api_schema

urlpatterns = [
    path("", api_reference, name="api_reference"),
    path("schema/", api_schema, name="api_schema"),
    path("search/", search_api, name="search_api"),
    path("search/autocomplete/", autocomplete_api, name="search_autocomplete"),
    path("lessons/", include("stories.dataset.api_urls")),
]
