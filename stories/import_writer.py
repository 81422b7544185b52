"""Writing checked stories (``stories.importer``) as pages: the body's sections, quote and
results as StreamField blocks, the lessons, and a revision (published on request). A story
already imported from the same file content is left alone."""

import re
import uuid

from django.utils.text import slugify

from network.profile_translations import locale_for, profile_in_locale

from .markdown_text import to_rich_text
from .models import CaseStoryPage, Lesson


def slug_for(data) -> str:
    return slugify(str(data.get("slug") or data["title"]))[:255]


def _sections(body_markdown: str) -> list[dict]:
    """One section block per "## Heading"; text before the first heading has no heading."""
    parts = re.split(r"(?m)^## +(.*)$", body_markdown.strip())
    chunks = [("", parts[0])] + list(zip(parts[1::2], parts[2::2], strict=True))
    blocks = []
    for heading, text in chunks:
        if not heading.strip() and not text.strip():
            continue
        blocks.append(
            {"type": "section", "value": {"heading": heading.strip(), "text": to_rich_text(text)}}
        )
    return blocks


def body_blocks(story) -> list[dict]:
    blocks = _sections(story.body_markdown)
    quote = story.data.get("quote")
    if quote:
        blocks.append(
            {
                "type": "quote",
                "value": {
                    "quote": str(quote["text"]).strip(),
                    "speaker_name": str(quote.get("name", "")),
                    "speaker_role": str(quote.get("role", "")),
                    "speaker_organisation": str(quote.get("organisation", "")),
                },
            }
        )
    if story.data.get("results"):
        blocks.append(
            {
                "type": "results",
                "value": {"heading": "Results", "items": _list_items(story.data["results"])},
            }
        )
    return blocks


def _list_items(values) -> list[dict]:
    """ListBlock items in Wagtail's block format (each with an id): wagtail-localize offers
    only items stored this way for translation. Ids derive from the text, so re-importing an
    unchanged file keeps them."""
    return [
        {
            "type": "item",
            "value": str(value),
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{i}:{value}")),
        }
        for i, value in enumerate(values)
    ]


def write_story(story, publish=False, user=None) -> str:
    data = story.data
    slug = slug_for(data)
    locale = locale_for(story.language)
    if story.partner is None:
        story.partner = profile_in_locale(story.partner_source, locale, user=user)
    page = CaseStoryPage.objects.child_of(story.partner).filter(slug=slug).first()
    if page is not None:
        latest = page.get_latest_revision_as_object()
        up_to_date = latest.import_fingerprint == story.fingerprint
        if up_to_date and (not publish or (page.live and not page.has_unpublished_changes)):
            return "unchanged"
        page = latest
    outcome = "created" if page is None else "updated"
    if page is None:
        page = CaseStoryPage(slug=slug, live=False, locale=locale)
    page.title = str(data["title"])
    page.standfirst = str(data["standfirst"]).strip()
    page.publication_date, page.date_precision = data["date"], story.date_precision
    page.source_url = str(data.get("source_url") or "")
    page.countries = [str(code).upper() for code in data.get("countries") or []]
    page.collaborative = story.collaborative
    page.body = body_blocks(story)
    page.import_fingerprint = story.fingerprint
    page.lessons = [
        Lesson(
            locale=locale,
            headline=str(item["headline"]),
            slug=slugify(str(item.get("slug") or item["headline"]))[:80],
            explanation=str(item["explanation"]).strip(),
            kind=item["kind"],
            audiences=list(item.get("audiences") or []),
            themes=[str(slug) for slug in item.get("themes") or []],
            sort_order=position,
        )
        for position, item in enumerate(data.get("lessons") or [])
    ]
    page.themes = story.themes
    page.partners_involved = story.partners_involved
    page.other_organisations = "\n".join(story.other_organisations)
    page.tags.set([str(tag) for tag in data.get("tags") or []])
    if outcome == "created":
        story.partner.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return outcome
