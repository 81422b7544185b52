import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import ZeroResultQuery


class Command(BaseCommand):
    help = (
        'Delete the "Searches with no results" entries nobody has searched for in the last '
        "--days days (365 by default); run it from cron to keep visitors' queries no longer "
        "than needed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _by_model = ZeroResultQuery.objects.filter(last_seen__lt=cutoff).delete()
        self.stdout.write(f"{deleted} deleted (not searched for in the last {days} days).")
