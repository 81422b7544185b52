from django.urls import path

from .views import lessons_api

urlpatterns = [path("", lessons_api, name="lessons_api")]
