"""Demo toolkit, resources and a learning nugget series (illustrative, in English).

Loaded from ``content/demo/toolkit.yaml`` and ``content/demo/resources.yaml``. Idempotent:
pages are found by slug under their parent and republished only when something differs.
PDF documents are generated in code (``resources.pdf``) so no binary file is committed.
Publishers are the demo network's partner profiles, found by slug (lowercase acronyms: ibp,
glp, r4d, iid, global-integrity ...): the stories app loads the network before this app runs.
"""

import json

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection

import yaml

from hub.audiences import Audience
from hub.demo_loader import DEMO_DIR, set_if_changed
from hub.models import HomePage
from hub.models.home import HomeFeaturedItem
from network.models import PartnerProfilePage

from .choices import NUGGET
from .models import (
    NuggetSeriesItem,
    NuggetSeriesPage,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ToolkitPage,
    ToolkitTopicPage,
)
from .pdf import minimal_pdf

COLLECTION_NAME = "Demo resources"
FEATURED = ["virtual-meeting-toolkit", "action-plan-template"]
# What makes two inline rows the same, for deciding whether a page changed.
INLINE_KEYS = {"files": ("language", "document_id", "link"), "items": ("nugget_id",)}
NUGGET_DEFAULTS = {
    "audiences": ["facilitators"],
    "themes": ["facilitation"],
    "publisher": "glp",
    "time_needed": "2 minutes",
    "format": "Text for a phone screen",
    "licence": "CC BY 4.0",
}


def load(ctx):
    user = ctx.shared["admin"]
    home = ctx.shared["homes"]["en"]
    loader = Loader(user=user, themes=ctx.shared["themes"])
    data = yaml.safe_load((DEMO_DIR / "resources.yaml").read_text(encoding="utf-8"))
    index = loader.page(
        home,
        ResourceIndexPage,
        data["index"]["slug"],
        title=data["index"]["title"],
        intro=data["index"]["intro"].strip(),
    )
    resources = {entry["slug"]: loader.resource(index, entry) for entry in data["resources"]}
    nuggets = [
        loader.resource(index, {**NUGGET_DEFAULTS, **entry, "type": NUGGET})
        for entry in data["series"]["nuggets"]
    ]
    series = data["series"]
    loader.page(
        index,
        NuggetSeriesPage,
        series["slug"],
        title=series["title"],
        intro=series["intro"].strip(),
        inlines={"items": [NuggetSeriesItem(nugget=nugget) for nugget in nuggets]},
    )
    toolkit_data = yaml.safe_load((DEMO_DIR / "toolkit.yaml").read_text(encoding="utf-8"))
    toolkit = loader.toolkit(home, toolkit_data, resources)
    loader.feature(home, [resources[slug] for slug in FEATURED])
    ctx.defer(feature_translations)
    ctx.say(
        f"Toolkit: {ToolkitTopicPage.objects.child_of(toolkit).count()} topics; "
        f"resources: {ResourcePage.objects.descendant_of(index).count()} "
        f"({len(nuggets)} learning nuggets)."
    )


def feature_translations(ctx):
    """Feature the French and Spanish versions of the featured resources on those home pages:
    deferred, since the translations are made after every app has loaded its pages."""
    loader = Loader(user=ctx.shared["admin"], themes=ctx.shared["themes"])
    for code, home in ctx.shared["homes"].items():
        if code == "en":
            continue
        translated = ResourcePage.objects.filter(slug__in=FEATURED, locale_id=home.locale_id)
        by_slug = {page.slug: page for page in translated}
        pages = [by_slug[slug] for slug in FEATURED if slug in by_slug]
        if pages:
            loader.feature(HomePage.objects.get(pk=home.pk), pages)


def partner_id(slug: str | None) -> int | None:
    """The id of the English partner profile with this slug (None without a publisher)."""
    if not slug:
        return None
    partners = PartnerProfilePage.objects.filter(slug=slug, locale__language_code="en")
    return partners.values_list("pk", flat=True).first()


class Loader:
    def __init__(self, user, themes):
        self.user = user
        self.themes = themes
        self._collection = None

    # --- documents ---------------------------------------------------------------------------

    def collection(self) -> Collection:
        if self._collection is None:
            root = Collection.get_first_root_node()
            found = root.get_children().filter(name=COLLECTION_NAME).first()
            self._collection = found or root.add_child(name=COLLECTION_NAME)
        return self._collection

    def document(self, title: str):
        Document = get_document_model()
        document = Document.objects.filter(title=title, collection=self.collection()).first()
        if document is None:
            document = Document(title=title, collection=self.collection())
            pdf = minimal_pdf(title, ("Illustrative demo document of the Knowledge Hub.",))
            document.file.save(f"{slugify(title)}.pdf", ContentFile(pdf), save=False)
            document.file_size = len(pdf)
            document.save()
        return document

    # --- pages -------------------------------------------------------------------------------

    def page(self, parent, model, slug, streams=None, m2m=None, inlines=None, **fields):
        """Create or update a page and publish only when something differs."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug, locale=parent.locale, **fields)
            changed = True
        else:
            changed = set_if_changed(page, **fields)
        for name, blocks in (streams or {}).items():
            changed |= self._set_stream(page, name, blocks)
        for name, objects in (m2m or {}).items():
            if created or {obj.pk for obj in getattr(page, name).all()} != {
                obj.pk for obj in objects
            }:
                setattr(page, name, objects)
                changed = True
        for name, children in (inlines or {}).items():
            changed |= self._set_inline(page, name, children)
        if created:
            parent.add_child(instance=page)
        if changed or not page.live or page.latest_revision_id is None:
            revision = page.save_revision(user=self.user, log_action=False)
            revision.publish(user=self.user, log_action=False)
        return page

    @staticmethod
    def _set_stream(page, name, blocks) -> bool:
        stream_block = page._meta.get_field(name).stream_block
        wanted = []
        for block_type, value in blocks:
            child = stream_block.child_blocks[block_type]
            wanted.append((block_type, child.get_prep_value(child.to_python(value))))
        current = getattr(page, name)
        have = [(item["type"], item["value"]) for item in current.raw_data] if current else []
        if have == wanted:
            return False
        setattr(page, name, json.dumps([{"type": t, "value": v} for t, v in wanted]))
        return True

    @staticmethod
    def _set_inline(page, name, children) -> bool:
        """Replace an inline's rows when their content (INLINE_KEYS) or order differs."""
        keys = INLINE_KEYS[name]

        def row(obj):
            return tuple(getattr(obj, attname) for attname in keys)

        if page.pk:
            existing = getattr(page, name).order_by("sort_order")
            if [row(obj) for obj in existing] == [row(obj) for obj in children]:
                return False
        for order, child in enumerate(children):
            child.locale = page.locale
            child.sort_order = order
        setattr(page, name, children)
        return True

    def resource(self, index, entry) -> ResourcePage:
        files = []
        for item in entry.get("files", []):
            if "pdf" in item:
                files.append(
                    ResourceFile(language=item["language"], document=self.document(item["pdf"]))
                )
            else:
                files.append(ResourceFile(language=item["language"], link=item["link"]))
        is_nugget = entry["type"] == NUGGET
        steps = [
            ("step", {"title": s["title"], "text": s.get("text", "")})
            for s in entry.get("steps", [])
        ]
        return self.page(
            index,
            ResourcePage,
            entry["slug"],
            title=entry["title"],
            resource_type=entry["type"],
            # Stored in the choices' order, so compare in that order too.
            audiences=[key for key in Audience.values if key in entry["audiences"]],
            summary=" ".join(entry["summary"].split()),
            publication_date=entry.get("published"),
            time_needed=entry.get("time_needed", ""),
            format=entry.get("format", ""),
            licence=entry.get("licence", ""),
            # Compared by id: a Page and its PartnerProfilePage are never == to each other.
            publisher_id=partner_id(entry.get("publisher")),
            countries=sorted(entry.get("countries", [])),
            nugget_body=entry.get("body", "") if is_nugget else "",
            reflection_prompt=entry.get("prompt", "") if is_nugget else "",
            streams={"how_to_use": steps},
            m2m={"themes": [self.themes[key] for key in entry.get("themes", [])]},
            inlines={"files": files},
        )

    def toolkit(self, home, data, resources) -> ToolkitPage:
        meta = data["toolkit"]
        toolkit = self.page(
            home,
            ToolkitPage,
            meta["slug"],
            title=meta["title"],
            standfirst=" ".join(meta["standfirst"].split()),
            intro=meta["intro"].strip(),
        )
        for topic in data["topics"]:
            self.page(
                toolkit,
                ToolkitTopicPage,
                topic["slug"],
                title=topic["title"],
                intro=" ".join(topic["intro"].split()),
                streams={
                    "body": [(block["type"], block["value"]) for block in topic["body"]],
                    "key_takeaways": [("takeaway", text) for text in topic["takeaways"]],
                    "related": [("page", resources[slug].pk) for slug in topic["related"]],
                },
            )
        return toolkit

    def feature(self, home, pages):
        """Feature demo resources on a home page (kept if editors change them)."""
        if home.featured_items.exists():
            return
        home.featured_items = [HomeFeaturedItem(page=page, locale=home.locale) for page in pages]
        home.save_revision(user=self.user, log_action=False).publish(
            user=self.user, log_action=False
        )
