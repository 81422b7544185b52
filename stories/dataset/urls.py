"""The downloads, outside the language prefix: one file holds every language."""

from django.urls import re_path

from .views import lessons_download

urlpatterns = [
    re_path(r"^lessons\.(?P<fmt>csv|jsonl)$", lessons_download, name="lessons_download"),
]
