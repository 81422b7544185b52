"""A model field for a short list of choice keys (audiences of a lesson or a resource, a
lesson's themes).

The keys are stable and synchronised across translations, so a join table per row would buy
nothing but queries, and ``ArrayField`` would tie the project to PostgreSQL. They are stored
as one string wrapped in commas (",donors,csos,") so that ``contains=",donors,"``
(``KeyListField.lookup``) filters on exactly one key on SQLite and PostgreSQL alike. Reading
also accepts the unwrapped form ("donors,csos") that lessons stored before ``stories 0003``,
which revisions and translation sources saved then still hold. The admin shows checkboxes.
"""

from django import forms
from django.core import exceptions
from django.db import models


class KeyListField(models.CharField):
    def __init__(self, *args, choice_source=None, **kwargs):
        # choice_source: a function returning choices read from the database (themes); it is
        # called only when a form is built, never at import or in migrations. Fields with
        # fixed ``choices`` store their keys in that order and refuse unknown ones.
        self.choice_source = choice_source
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

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
        if isinstance(value, list | tuple):
            return [str(item) for item in value if item]
        if not value:
            return []
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        keys = self.to_python(value)
        if self.choices:
            keys = [key for key, _label in self.flatchoices if key in keys]
        return f",{','.join(keys)}," if keys else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        # Dynamic choices (themes) are checked by the form field, against the database.
        if self.choices:
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
        return forms.TypedMultipleChoiceField(
            choices=self.choice_source or self.choices or [],
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
