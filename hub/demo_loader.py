"""The machinery behind ``load_demo_content``: each app contributes a ``demo`` module.

An app's ``demo.load(ctx)`` must be idempotent: it looks things up by stable keys and changes
nothing that is already as it should be, so running the command twice changes nothing.
Apps run in ``INSTALLED_APPS`` order (hub, stories, resources, search), so later apps can rely
on what earlier ones created through ``ctx``. Work that needs everything in place (translating
pages of every app, then indexing) is handed to ``ctx.defer`` and runs afterwards, in the
order it was deferred.
"""

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

DEMO_DIR = Path(settings.BASE_DIR) / "content" / "demo"


@dataclass
class DemoContext:
    stdout: object
    style: object
    shared: dict = field(default_factory=dict)
    deferred: list = field(default_factory=list)

    def say(self, message: str) -> None:
        self.stdout.write(message)

    def defer(self, step) -> None:
        """Run ``step(ctx)`` after every app's ``load``."""
        self.deferred.append(step)


def demo_modules():
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            yield import_module(f"{app_config.name}.demo")


def set_if_changed(obj, **values) -> bool:
    """Assign values that differ; report whether anything did (so callers save only then)."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def publish_if_changed(page, user=None, **values):
    """Update a page's fields and publish a revision only when something changed."""
    if set_if_changed(page, **values) or not page.live:
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    return page
