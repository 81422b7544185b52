"""A model field for a short list of choice keys (a lesson's audiences, its themes).

Stored as comma-separated keys in one column, like django-countries' ``multiple=True``: the
values are stable keys synchronised across translations, so a join table per inline would buy
nothing but queries. The admin shows checkboxes.
"""

from django import forms
from django.db import models


class KeyListField(models.CharField):
    def __init__(self, *args, choice_source=None, **kwargs):
        # choice_source: a function returning choices read from the database (themes); it is
        # called only when a form is built, never at import or in migrations.
        self.choice_source = choice_source
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(item) for item in value if item]
        if not value:
            return []
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def validate(self, value, model_instance):
        # Choices may be dynamic (themes); the form field checks each key against them.
        if not self.blank and not value:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choice_source or self.choices or [],
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
