from django.urls import path

from search.alerts.urls import urlpatterns as alert_urls
from search.views import search_page

app_name = "search"
urlpatterns = [path("search/", search_page, name="page"), *alert_urls]
