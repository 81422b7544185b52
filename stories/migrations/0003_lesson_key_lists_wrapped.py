"""Lessons store their audiences and themes as resources store theirs: ",donors,csos,".

``hub.fields.KeyListField`` is now the one key-list field; it writes keys wrapped in commas so
that ``contains=",key,"`` matches exactly one key. Rows saved before held "donors,csos": each is
read (both forms parse the same) and written back in the wrapped form. Backwards, the commas
around are taken off again.
"""

from django.db import migrations

FIELDS = ["audiences", "themes"]


def wrap(apps, schema_editor):
    Lesson = apps.get_model("stories", "Lesson")
    lessons = list(Lesson.objects.only("pk", *FIELDS))
    # bulk_update writes each value through the field, which wraps the keys.
    Lesson.objects.bulk_update(lessons, FIELDS, batch_size=500)


def unwrap(apps, schema_editor):
    Lesson = apps.get_model("stories", "Lesson")
    quote = schema_editor.quote_name
    # Plain SQL: the field itself would wrap the keys again.
    sql = (
        f"UPDATE {quote(Lesson._meta.db_table)} SET {quote('audiences')} = %s,"
        f" {quote('themes')} = %s WHERE {quote('id')} = %s"
    )
    with schema_editor.connection.cursor() as cursor:
        for lesson in Lesson.objects.only("pk", *FIELDS):
            cursor.execute(sql, [",".join(lesson.audiences), ",".join(lesson.themes), lesson.pk])


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_network_models")]

    operations = [migrations.RunPython(wrap, unwrap)]
