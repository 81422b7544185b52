"""Every page type has a factory in its app's factories.py (tests build pages through them)."""

from importlib import import_module

from django.utils.module_loading import module_has_submodule

from wagtail.models import get_page_models


def factory_models():
    models = set()
    for app in ("hub", "stories", "resources", "search"):
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
    project_pages = {
        m for m in get_page_models() if m._meta.app_label in {"hub", "stories", "resources"}
    }
    assert project_pages, "the project defines page types"
    assert project_pages - factory_models() == set()
