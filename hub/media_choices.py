"""A page may only use images and documents its editor may choose.

Wagtail's choosers list only the media a user may choose (collection permissions), but the
edit form accepts any image or document id that is posted: a partner could set another
partner's image as its hero image, or link its private document from rich text. The page
form below checks every image and document the page refers to (foreign keys, rich text,
StreamField blocks, inline rows) against what the user may choose; what the page already
used before this edit stays allowed, so an editor's choice survives a partner's later edit.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

NOT_YOURS = _("You may only use images and documents from your own collection or the shared one.")


def _policies():
    return {model: policy_registry.get_by_type(model) for model in media_models()}


def media_models():
    return (get_image_model(), get_document_model())


def _references(model, values: dict):
    """(media model, id) for every image and document in ``values`` (field name → value)."""
    media = _policies()
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey) and field.related_model in media:
            if value is not None:
                yield field.related_model, getattr(value, "pk", value)
        elif isinstance(field, (RichTextField, StreamField)) and value:
            for target, pk, _path, _content_path in field.extract_references(value):
                if target in media:
                    yield target, int(pk)


def _instance_values(instance) -> dict:
    return {field.name: getattr(instance, field.name, None) for field in instance._meta.fields}


def _instance_references(instance, formsets) -> set:
    found = set(_references(type(instance), _instance_values(instance)))
    for name in formsets:
        related = getattr(instance, name, None)
        if related is None:
            continue
        for child in related.all():
            found.update(_references(type(child), _instance_values(child)))
    return found


def _not_choosable(user, references) -> set:
    refused = set()
    for model, policy in _policies().items():
        ids = {pk for target, pk in references if target is model}
        if ids:
            allowed = policy.instances_user_has_any_permission_for(user, ["choose"])
            ok = set(allowed.filter(pk__in=ids).values_list("pk", flat=True))
            refused.update((model, pk) for pk in ids - ok)
    return refused


class MediaChoiceForm(WagtailAdminPageForm):
    """The hub's page form: refuses media the user may not choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._media_before = _instance_references(self.instance, self.formsets)

    def _refused(self, model, values):
        references = set(_references(model, values)) - self._media_before
        return _not_choosable(self.for_user, references) if references else set()

    def is_valid(self):
        valid = super().is_valid()
        if not valid or self.for_user is None:
            return valid
        model = type(self.instance)
        for name in list(self.cleaned_data):
            if self._refused(model, {name: self.cleaned_data[name]}):
                self.add_error(name if name in self.fields else None, NOT_YOURS)
        for formset in self.formsets.values():
            for form in formset.forms:
                values = getattr(form, "cleaned_data", None) or {}
                if values.get("DELETE"):
                    continue
                for name in list(values):
                    if self._refused(formset.model, {name: values[name]}):
                        form.add_error(name, NOT_YOURS)
                        self.add_error(None, NOT_YOURS)
        return not self.errors
