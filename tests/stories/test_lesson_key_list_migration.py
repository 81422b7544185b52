"""Lessons saved before ``stories 0003`` ("donors,csos") are rewritten in the one key-list
form (",donors,csos,"), so that filtering on one key finds them; and back again.

The migration's functions run on the historical models of its own state, inside the test's
transaction (the migration only changes rows).
"""

from importlib import import_module

from django.db import connection
from django.db.migrations.loader import MigrationLoader

import pytest

from hub.fields import KeyListField
from stories.factories import LessonFactory
from stories.models import Lesson

from .conftest import make_story

pytestmark = pytest.mark.django_db

MIGRATION = ("stories", "0003_lesson_key_lists_wrapped")
migration = import_module(f"stories.migrations.{MIGRATION[1]}")


def stored(lesson):
    """The columns as the database holds them, past the field's conversion."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT audiences, themes FROM {Lesson._meta.db_table} WHERE id = %s", [lesson.pk]
        )
        return cursor.fetchone()


def run(function):
    apps = MigrationLoader(connection).project_state(MIGRATION).apps
    function(apps, connection.schema_editor())


def with_audience(key):
    return list(Lesson.objects.filter(audiences__contains=KeyListField.lookup(key)))


def test_lesson_keys_are_wrapped_forwards_and_unwrapped_backwards(network):
    story = make_story(network["alpha"], "Alpha story", lessons=0)
    lesson = LessonFactory(story=story, audiences=["csos", "donors"], themes=["education"])
    assert stored(lesson) == (",donors,csos,", ",education,")

    run(migration.unwrap)
    assert stored(lesson) == ("donors,csos", "education")
    assert with_audience("csos") == []
    assert Lesson.objects.get(pk=lesson.pk).audiences == ["donors", "csos"]

    run(migration.wrap)
    assert stored(lesson) == (",donors,csos,", ",education,")
    assert with_audience("csos") == [lesson]
    assert Lesson.objects.get(pk=lesson.pk).themes == ["education"]
