"""Writing checked network entries (``network.importer``) as pages: a new partner through
onboarding, then each page's fields, a revision when something differs, published on request.
An entry whose page says the same already is left alone."""

from django.utils.html import escape

from .models import CollaborativeMember, LearningCollaborativePage
from .onboarding import onboard_partner


def _outcome(page, created, changed, publish, user) -> str:
    """Save what changed as a revision (published on request); say what happened."""
    up_to_date = not publish or (page.live and not page.has_unpublished_changes)
    if not created and not changed:
        if up_to_date:
            return "unchanged"
        page.get_latest_revision().publish(user=user)
        return "updated"
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return "created" if created else "updated"


def _set(page, values) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed


def _set_themes(page, themes) -> bool:
    if {t.pk for t in page.themes.all()} == {t.pk for t in themes}:
        return False
    page.themes = themes
    return True


def _codes(countries) -> list[str]:
    return sorted(getattr(country, "code", country) for country in countries)


def write_partner(importer, entry, publish, user):
    """(profile page, outcome): a new slug is onboarded, then the profile gets its fields."""
    values = dict(entry.values)
    existing = importer.partners.get(entry.slug)
    if existing is None:
        result = onboard_partner(
            values["title"],
            organisation_type=values["organisation_type"],
            acronym=values["acronym"],
            user=user,
            slug=entry.slug,
        )
        page, created = result.profile, True
    else:
        page, created = existing.get_latest_revision_as_object(), False
    countries = values.pop("countries")
    headquarters = values.pop("headquarters_country")
    changed = _set(page, values)
    if _codes(page.countries) != countries:
        page.countries = countries
        changed = True
    if (page.headquarters_country.code or "") != headquarters:
        page.headquarters_country = headquarters
        changed = True
    changed = _set_themes(page, entry.themes) or changed
    return page, _outcome(page, created, changed, publish, user)


def _rich_text(purpose: str, questions: list[str]) -> tuple[str, str]:
    paragraphs = [" ".join(p.split()) for p in purpose.split("\n\n") if p.strip()]
    purpose_html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    items = "".join(f"<li>{escape(q)}</li>" for q in questions)
    return purpose_html, f"<ul>{items}</ul>" if items else ""


def write_collaborative(importer, entry, publish, user) -> str:
    values = dict(entry.values)
    existing = importer.collaboratives.get(entry.slug)
    if existing is None:
        page = LearningCollaborativePage(slug=entry.slug, title=values["title"], live=False)
        importer.collaborative_index.add_child(instance=page)
        created = True
    else:
        page, created = existing.get_latest_revision_as_object(), False
    host = values.pop("host")
    countries = values.pop("countries")
    values["purpose"], values["learning_questions"] = _rich_text(
        values["purpose"], values["learning_questions"]
    )
    values["host_partner_id"] = importer.partners[host].pk if host else None
    changed = _set(page, values)
    if _codes(page.countries) != countries:
        page.countries = countries
        changed = True
    changed = _set_themes(page, entry.themes) or changed
    members = [(importer.partners[slug].pk, role) for slug, role in entry.members]
    if [(m.partner_id, m.role) for m in page.members.all()] != members:
        page.members = [
            CollaborativeMember(partner_id=pk, role=role, sort_order=i)
            for i, (pk, role) in enumerate(members)
        ]
        changed = True
    return _outcome(page, created, changed, publish, user)
