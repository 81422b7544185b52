"""Demo loader for the network: the partners' and collaboratives' sections and their pages.

Runs after ``hub.demo`` (homes, themes) and before ``stories.demo`` (stories live under partner
profiles), in ``INSTALLED_APPS`` order. Reads ``content/demo/partners.yaml`` and
``collaboratives.yaml``; idempotent: a page gets a new revision only when its data file says
something different.
"""

import yaml

from hub.demo_loader import DEMO_DIR, publish_if_changed

from .models import (
    CollaborativeActivity,
    CollaborativeIndexPage,
    CollaborativeMember,
    LearningCollaborativePage,
    PartnerIndexPage,
    PartnerProfilePage,
)
from .onboarding import ensure_editorial_setup, onboard_partner

SECTIONS = {
    "partners": (
        PartnerIndexPage,
        "Partners",
        "The organisations of the demo network. The profiles are illustrative.",
    ),
    "collaboratives": (
        CollaborativeIndexPage,
        "Learning collaboratives",
        "Groups of partners that learn together over several years. Illustrative examples.",
    ),
}


def read(name):
    return yaml.safe_load((DEMO_DIR / name).read_text(encoding="utf-8"))


def ensure_section(home, slug, user):
    model, title, intro = SECTIONS[slug]
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = model(title=title, slug=slug, intro=intro, live=False)
        home.add_child(instance=page)
    return publish_if_changed(page, user=user, title=title, intro=intro)


def _publish(page, changed, user):
    if changed or not page.live:
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    return page


def _codes(countries):
    return sorted(getattr(country, "code", country) for country in countries)


def ensure_partner(index, entry, themes, user):
    page = PartnerProfilePage.objects.child_of(index).filter(slug=entry["slug"]).first()
    if page is None:
        page = PartnerProfilePage(slug=entry["slug"], title=entry["name"], live=False)
        index.add_child(instance=page)
    changed = False
    values = {
        "title": entry["name"],
        "acronym": entry.get("acronym", ""),
        "organisation_type": entry["type"],
        "summary": " ".join(entry.get("summary", "").split()),
        "website": entry.get("website", ""),
    }
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if (page.headquarters_country.code or "") != entry.get("headquarters", ""):
        page.headquarters_country = entry.get("headquarters", "")
        changed = True
    if _codes(page.countries) != sorted(entry.get("countries", [])):
        page.countries = entry.get("countries", [])
        changed = True
    wanted = [themes[slug] for slug in entry.get("themes", [])]
    if {t.pk for t in page.themes.all()} != {t.pk for t in wanted}:
        page.themes = wanted
        changed = True
    return _publish(page, changed, user)


def _paragraphs(text):
    return "".join(f"<p>{' '.join(line.split())}</p>" for line in [text] if text)


def _questions(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def ensure_collaborative(index, entry, partners, themes, user):
    page = LearningCollaborativePage.objects.child_of(index).filter(slug=entry["slug"]).first()
    if page is None:
        page = LearningCollaborativePage(slug=entry["slug"], title=entry["title"], live=False)
        index.add_child(instance=page)
    values = {
        "title": entry["title"],
        "summary": " ".join(entry.get("summary", "").split()),
        "purpose": _paragraphs(entry.get("purpose", "")),
        "learning_questions": _questions(entry.get("learning_questions", [])),
        "status": entry["status"],
        "start_date": entry.get("start"),
        "end_date": entry.get("end"),
        "host_partner_id": partners[entry["host"]].pk if entry.get("host") else None,
    }
    changed = False
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    wanted_themes = [themes[slug] for slug in entry.get("themes", [])]
    if {t.pk for t in page.themes.all()} != {t.pk for t in wanted_themes}:
        page.themes = wanted_themes
        changed = True
    members = [(partners[m["partner"]].pk, m["role"]) for m in entry.get("members", [])]
    if [(m.partner_id, m.role) for m in page.members.all()] != members:
        page.members = [
            CollaborativeMember(partner_id=pk, role=role, sort_order=i)
            for i, (pk, role) in enumerate(members)
        ]
        changed = True
    activities = [
        (a["date"], a["title"], a.get("place", ""), a["format"], a.get("languages", ""),
         " ".join(a.get("summary", "").split()))
        for a in entry.get("activities", [])
    ]  # fmt: skip
    existing = [
        (a.date, a.title, a.place, a.format, a.languages, a.summary) for a in page.activities.all()
    ]
    if existing != activities:
        page.activities = [
            CollaborativeActivity(
                date=d, title=t, place=p, format=f, languages=lang, summary=s, sort_order=i
            )
            for i, (d, t, p, f, lang, s) in enumerate(activities)
        ]
        changed = True
    return _publish(page, changed, user)


def load(ctx):
    """Sections, partners (each onboarded with its group) and collaboratives."""
    user = ctx.shared["admin"]
    home = ctx.shared["homes"]["en"]
    themes = ctx.shared["themes"]
    partner_index = ensure_section(home, "partners", user)
    collaborative_index = ensure_section(home, "collaboratives", user)
    ensure_editorial_setup()
    partners = {}
    for entry in read("partners.yaml"):
        partners[entry["slug"]] = ensure_partner(partner_index, entry, themes, user)
        onboard_partner(entry["name"], organisation_type=entry["type"])
    collaboratives = {
        entry["slug"]: ensure_collaborative(collaborative_index, entry, partners, themes, user)
        for entry in read("collaboratives.yaml")
    }
    ctx.shared.update(
        partner_index=partner_index,
        partners=partners,
        collaborative_index=collaborative_index,
        collaboratives=collaboratives,
    )
    ctx.say(f"Network: {len(partners)} partners, {len(collaboratives)} learning collaboratives.")
