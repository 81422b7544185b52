"""Demo loading ends here: index what the other apps made (after their deferred steps too)."""

from django.core.management import call_command
from django.core.management.base import CommandError


def load(ctx) -> None:
    ctx.defer(rebuild)


def rebuild(ctx) -> None:
    try:
        call_command("rebuild_search_index", stdout=ctx.stdout, stderr=ctx.stdout)
    except CommandError as error:  # an unreachable cluster must not lose the demo content
        ctx.say(f"The search index was not rebuilt: {error}")
