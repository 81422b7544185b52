"""Send the due digests of followed searches (run from cron or a worker, e.g. hourly)."""

from django.core.management.base import BaseCommand

from search.alerts.digests import send_search_alerts
from search.alerts.models import Frequency


class Command(BaseCommand):
    help = "Send each due, confirmed search alert a digest of its new lessons and stories."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency", choices=Frequency.values, help="only daily or only weekly alerts"
        )

    def handle(self, *args, frequency=None, **options):
        counts = send_search_alerts.call(frequency)
        self.stdout.write(
            "{digests} digests with {items} items sent to {subscriptions} due subscriptions; "
            "{failed} failed; {forgotten} unconfirmed forgotten.".format(**counts)
        )
        if counts["failed"]:
            raise SystemExit(1)
