"""Every page type has a factory in its app's factories.py (tests build pages through them)."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

from wagtail.models import get_page_models

# The project's own apps: those whose code lives in this repository.
PROJECT_APPS = {
    config.label
    for config in apps.get_app_configs()
    if config.path.startswith(str(settings.BASE_DIR)) and "site-packages" not in config.path
}


def factory_models():
    models = set()
    for app in (apps.get_app_config(label).name for label in PROJECT_APPS):
        package = import_module(app)
        if not module_has_submodule(package, "factories"):
            continue
        module = import_module(f"{app}.factories")
        for value in vars(module).values():
            meta = getattr(value, "_meta", None)
            model = getattr(meta, "model", None)
            if model is not None and hasattr(value, "create"):
                models.add(model)
    return models


def test_every_page_type_has_a_factory():
    project_pages = {m for m in get_page_models() if m._meta.app_label in PROJECT_APPS}
    assert project_pages, "the project defines page types"
    assert project_pages - factory_models() == set()
