"""The content the two-server test and benchmark serve, written by ``manage.py shell``:

    manage.py shell -c "from bench.server_site import build; build(stories=20)"

A partner with ``stories`` published case stories (indexed for search as a publish indexes
them), each with a draft revision that adds one word no published page holds (its
``new_word``), and an administrator who may publish. Prints one line of JSON describing it.
"""

import json

EDITOR = ("servers-editor", "a long password for the servers bench")


def new_word(n: int) -> str:
    """A made-up word per story, found nowhere until that story's draft is published."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "zorbl" + "".join(letters[int(digit)] for digit in f"{n:04d}")


def build(stories: int = 1) -> None:
    # Imported here: the load generators import EDITOR without Django set up.
    from django.contrib.auth import get_user_model

    from wagtail.models import Site

    from network.factories import PartnerIndexPageFactory, PartnerProfilePageFactory
    from stories.factories import CaseStoryPageFactory, LessonFactory, StoryIndexPageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    partners = PartnerIndexPageFactory(parent=home)
    StoryIndexPageFactory(parent=home)
    partner = PartnerProfilePageFactory(parent=partners, title="Alpha Budget Group", slug="alpha")
    partner.save_revision().publish()
    made = []
    for n in range(stories):
        story = CaseStoryPageFactory(parent=partner, title=f"Budget hearings, district {n}")
        LessonFactory(story=story, headline=f"Hearings need a venue {n}")
        story.save_revision().publish()  # indexed once committed, as an editor's publish is
        story.title = f"Budget hearings, district {n}, {new_word(n)}"
        story.save_revision()  # the draft an editor publishes later
        made.append({"id": story.pk, "path": story.url, "new_word": new_word(n)})
    get_user_model().objects.create_superuser(EDITOR[0], "editor@example.org", EDITOR[1])
    print(json.dumps({"partner": partner.url, "stories": made}))
