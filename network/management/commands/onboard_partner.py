from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from network.models import OrganisationType
from network.onboarding import OnboardingError, onboard_partner
from network.profile_translations import add_profile_languages


class Command(BaseCommand):
    help = (
        'Onboard a partner: its profile page under the partners section, a group "Partner: '
        '<name>" that may add and edit pages below that profile (not publish), and with --email '
        "a user account in that group. Running it again completes what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The organisation's name, as on its profile page.")
        parser.add_argument("--email", help="Create (or reuse) an account with this address.")
        parser.add_argument("--acronym", default="")
        parser.add_argument(
            "--type",
            dest="organisation_type",
            choices=OrganisationType.values,
            default=OrganisationType.CSO,
        )
        parser.add_argument(
            "--locales",
            nargs="+",
            default=[],
            metavar="CODE",
            help="Also give the profile a page in these languages (e.g. fr es): a draft "
            "translation for translators, as 'Translate' in the admin makes it.",
        )

    def handle(self, *args, name, email, acronym, organisation_type, locales, **options):
        try:
            with transaction.atomic():  # an unknown language leaves nothing behind
                result = onboard_partner(
                    name, email=email, acronym=acronym, organisation_type=organisation_type
                )
                translations = add_profile_languages(result.profile, locales)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        profile = result.profile
        if result.created_profile:
            state = "new, a draft: an editor publishes it once it is filled in"
        else:
            state = "already there" + ("" if profile.live else ", a draft")
        self.stdout.write(f"Profile page: {profile.get_full_url()} ({state})")
        self.stdout.write(f"Partner slug (import_stories' 'partner:' key): {profile.slug}")
        for code, page, created in translations:
            state = "draft translation created" if created else "already there"
            self.stdout.write(f"Profile in {code}: {page.get_full_url()} ({state})")
        self.stdout.write(f"Group: {result.group.name}")
        if result.user is not None:
            note = (
                f" (new: an invitation to set a password was e-mailed to {result.user.email})"
                if result.invited
                else ""
            )
            self.stdout.write(f"User: {result.user.get_username()}{note}")
        self.stdout.write(self.style.SUCCESS("Partner onboarded."))
