from django.core.management.base import BaseCommand
from django.db import transaction

from hub.demo_loader import DemoContext, demo_modules


class Command(BaseCommand):
    help = (
        "Load the illustrative demo network: locales, site tree, admin account, themes, "
        "partners, stories and toolkit. Safe to run again: it changes nothing the second time."
    )

    def handle(self, *args, **options):
        ctx = DemoContext(stdout=self.stdout, style=self.style)
        # One transaction: a failure part-way leaves the database as it was.
        with transaction.atomic():
            for module in demo_modules():
                module.load(ctx)
            for step in ctx.deferred:
                step(ctx)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
