from django.core.management.base import BaseCommand, CommandError

from stories.importer import ImportFailed, StoryImporter


class Command(BaseCommand):
    help = (
        "Import case stories from Markdown files with YAML front matter (files or folders of "
        "*.md). Everything is checked first; if any file has a problem, nothing is written. "
        "Stories are drafts unless --publish is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--publish", action="store_true", help="Publish the stories.")

    def handle(self, *args, paths, publish, **options):
        try:
            report = StoryImporter().run(paths, publish=publish)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) found; nothing was imported."
            ) from failure
        state = "published" if publish else "saved as drafts"
        for name in ("created", "updated", "unchanged"):
            for path in getattr(report, name):
                self.stdout.write(f"{name}: {path}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} created, {len(report.updated)} updated ({state}), "
                f"{len(report.unchanged)} unchanged."
            )
        )
