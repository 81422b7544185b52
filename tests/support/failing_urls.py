"""A URL that always fails, for the controls of the robustness checks."""

from django.urls import path


def boom(request):
    raise RuntimeError("a deliberate server error")


urlpatterns = [path("boom/", boom)]
