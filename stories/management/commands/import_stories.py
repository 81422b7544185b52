from django.core.management.base import BaseCommand, CommandError

from stories.importer import ImportFailed, StoryImporter


class Command(BaseCommand):
    help = (
        "Import case stories from Markdown files with YAML front matter (files or folders of "
        "*.md). Everything is checked first; if any file has a problem, nothing is written. "
        "Stories are drafts unless --publish is given. What the editor cannot hold (raw HTML, "
        "unsafe links) is dropped and reported as a warning; warnings do not stop the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--publish", action="store_true", help="Publish the stories.")

    def handle(self, *args, paths, publish, **options):
        try:
            report = StoryImporter().run(paths, publish=publish)
        except ImportFailed as failure:
            self._warn(failure.warnings)
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) found; nothing was imported."
            ) from failure
        self._warn(report.warnings)
        state = "published" if publish else "saved as drafts"
        for name in ("created", "updated", "unchanged"):
            for path in getattr(report, name):
                self.stdout.write(f"{name}: {path}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} created, {len(report.updated)} updated ({state}), "
                f"{len(report.unchanged)} unchanged, {len(report.warnings)} warning(s)."
            )
        )

    def _warn(self, warnings):
        for warning in warnings:
            self.stderr.write(self.style.WARNING(str(warning)))
