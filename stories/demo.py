"""Demo stories: the story index, then the stories through the importer (the network is loaded
before, by ``network.demo``).

The stories are Markdown files in ``content/demo/stories/`` loaded by the same importer as
``manage.py import_stories --publish``, so the demo exercises what partners use.
"""

from hub.demo_loader import DEMO_DIR, publish_if_changed

from .importer import StoryImporter
from .models import StoryIndexPage

STORIES_DIR = DEMO_DIR / "stories"


def ensure_story_index(home, user):
    page = StoryIndexPage.objects.child_of(home).filter(slug="stories").first()
    if page is None:
        page = StoryIndexPage(title="Case stories", slug="stories", live=False)
        home.add_child(instance=page)
    return publish_if_changed(
        page,
        user=user,
        title="Case stories",
        intro="What partners tried, what happened and what they learned. Illustrative examples.",
    )


def load(ctx):
    ctx.shared["story_index"] = ensure_story_index(ctx.shared["homes"]["en"], ctx.shared["admin"])
    report = StoryImporter().run([STORIES_DIR], publish=True)
    ctx.say(
        f"Stories: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged."
    )
