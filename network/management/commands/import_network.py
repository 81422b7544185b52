from django.core.management.base import BaseCommand, CommandError

from network.importer import ImportFailed, NetworkImporter


class Command(BaseCommand):
    help = (
        "Create or update partner profiles and learning collaboratives, with members and "
        "roles, from a YAML file (see content/network-example.yaml). Everything is checked "
        "first; if anything is wrong, nothing is written. Entries are matched by slug; new "
        "partners are onboarded. Pages are drafts unless --publish is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE.yaml")
        parser.add_argument("--publish", action="store_true", help="Publish the pages.")

    def handle(self, *args, path, publish, **options):
        try:
            report = NetworkImporter().run(path, publish=publish)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) found; nothing was imported."
            ) from failure
        for name in ("created", "updated", "unchanged"):
            for entry in getattr(report, name):
                self.stdout.write(f"{name}: {entry}")
        state = "published" if publish else "saved as drafts"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} created, {len(report.updated)} updated ({state}), "
                f"{len(report.unchanged)} unchanged."
            )
        )
