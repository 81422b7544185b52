"""A model field holding several keys from a fixed list of choices, on any database.

Audiences are a handful of fixed keys, so a join table would cost a query per listing for
nothing, and ``ArrayField`` would tie the project to PostgreSQL. The keys are stored as one
string wrapped in commas (",donors,csos,") so ``contains=",donors,"`` filters exactly on
SQLite and PostgreSQL alike (see ``MultipleChoiceField.lookup``).
"""

from django import forms
from django.core import checks, exceptions
from django.db import models


class MultipleChoiceField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not self.choices:
            errors.append(checks.Error("MultipleChoiceField needs choices.", obj=self))
        return errors

    def _check_choices(self):
        # CharField's check would reject a list default against the choices; ours are keys.
        return []

    @staticmethod
    def lookup(key: str) -> str:
        """The ``contains`` value that matches one key and nothing else."""
        return f",{key},"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        keys = self.to_python(value)
        valid = [key for key, _label in self.flatchoices]
        keys = [key for key in valid if key in keys]  # choice order, no repeats
        return f",{','.join(keys)}," if keys else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {key for key, _label in self.flatchoices}
        unknown = [key for key in self.to_python(value) if key not in valid]
        if unknown:
            raise exceptions.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(unknown)},
            )
        if not self.blank and not value:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for name in ("max_length", "empty_value", "choices_form_class", "coerce"):
            defaults.pop(name, None)
        return form_class(**defaults)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs
