"""Facet labels for lesson kinds and audiences, in the requested language."""

from django.utils import translation

from hub.audiences import Audience
from search.documents import register_labels

from .models import LessonKind


def _choice_labels(choices, keys, language):
    with translation.override(language):
        return {key: str(choices(key).label) for key in keys if key in choices.values}


@register_labels("lesson_type")
def lesson_type_labels(keys, language):
    return _choice_labels(LessonKind, keys, language)


@register_labels("audience")
def audience_labels(keys, language):
    return _choice_labels(Audience, keys, language)
