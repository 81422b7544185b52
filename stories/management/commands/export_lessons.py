"""``manage.py export_lessons --format csv|jsonl [--output PATH]``: the lessons dataset, the
same rows and writer as the /data/ downloads, to a file or standard output."""

from django.core.management.base import BaseCommand

from stories.dataset import writer


class Command(BaseCommand):
    help = "Write every live, public lesson as CSV or JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(writer.FORMATS), default="csv")
        parser.add_argument("--output", help="A file to write; standard output if absent.")

    def handle(self, *args, format, output=None, **options):
        if output:
            with open(output, "wb") as out:
                writer.export(format, out)
            return
        writer.export(format, _Text(self.stdout))


class _Text:
    """The command's standard output, taking the writer's bytes."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data: bytes):
        self.stream.write(data.decode("utf-8"), ending="")
