"""Lessons saved before ``stories 0003`` ("donors,csos") are rewritten in the one key-list
form (",donors,csos,"), so that filtering on one key finds them; and back again.

Transactional (migrations cannot run inside a test's transaction on SQLite), with the data
the migrations made restored first (the site and its home page).
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from hub.fields import KeyListField
from stories.factories import LessonFactory
from stories.models import Lesson

from .conftest import make_story

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def stored(lesson):
    """The columns as the database holds them, past the field's conversion."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT audiences, themes FROM {Lesson._meta.db_table} WHERE id = %s", [lesson.pk]
        )
        return cursor.fetchone()


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target or executor.loader.graph.leaf_nodes())


def with_audience(key):
    return list(Lesson.objects.filter(audiences__contains=KeyListField.lookup(key)))


def test_lesson_keys_are_wrapped_forwards_and_unwrapped_backwards(network):
    story = make_story(network["alpha"], "Alpha story", lessons=0)
    lesson = LessonFactory(story=story, audiences=["csos", "donors"], themes=["education"])
    assert stored(lesson) == (",donors,csos,", ",education,")

    migrate([("stories", "0002_network_models")])
    assert stored(lesson) == ("donors,csos", "education")
    assert with_audience("csos") == []

    migrate(None)
    assert stored(lesson) == (",donors,csos,", ",education,")
    assert with_audience("csos") == [lesson]
    assert Lesson.objects.get(pk=lesson.pk).themes == ["education"]
