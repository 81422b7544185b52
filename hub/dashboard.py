"""The admin dashboard as each role needs it.

A partner lands on "Write a case story" (straight into the add form below its profile), then
its pages by state (drafts, in review, published) and the published ones that still lack a
translation. Editors get the latest stories and the searches that found nothing, beside
Wagtail's own moderation queue. Each panel costs a handful of queries, whatever the tree's size.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState

from .translation.permissions import EDITORS

SHOWN = 5  # pages per list; the rest are counted


def partner_profiles(user):
    """The partner profiles whose groups ``user`` belongs to, in the default language first."""
    from network.models import PartnerProfilePage
    from network.onboarding import PARTNER_GROUP_PREFIX

    granted = GroupPagePermission.objects.filter(
        group__in=user.groups.filter(name__startswith=PARTNER_GROUP_PREFIX),
        permission__codename="add_page",
    ).values("page_id")
    default = Locale.get_default()
    profiles = list(PartnerProfilePage.objects.filter(pk__in=granted).select_related("locale"))
    return sorted(profiles, key=lambda page: (page.locale_id != default.pk, page.title))


def _listing(pages) -> dict:
    return {"pages": pages[:SHOWN], "more": max(0, len(pages) - SHOWN)}


class PartnerPanel(Component):
    name = "hub_partner"
    template_name = "hub/admin/dashboard_partner.html"
    order = 50  # first: above Wagtail's panels

    def __init__(self, profiles):
        self.profiles = profiles

    def get_context_data(self, parent_context):
        profile = self.profiles[0]
        below = Q(pk__in=[])
        for page in self.profiles:
            below |= Q(path__startswith=page.path, depth__gt=page.depth)
        pages = list(Page.objects.filter(below).order_by("-latest_revision_created_at"))
        page_type = ContentType.objects.get_for_model(Page)
        in_review = set(
            WorkflowState.objects.active()
            .filter(base_content_type=page_type, object_id__in=[str(p.pk) for p in pages])
            .values_list("object_id", flat=True)
        )
        reviewing = [p for p in pages if str(p.pk) in in_review]
        drafts = [
            p
            for p in pages
            if str(p.pk) not in in_review and (not p.live or p.has_unpublished_changes)
        ]
        published = [p for p in pages if p.live]
        return {
            **parent_context.flatten(),
            "profile": profile,
            "write_url": reverse(
                "wagtailadmin_pages:add", args=("stories", "casestorypage", profile.pk)
            ),
            "drafts": _listing(drafts),
            "in_review": _listing(reviewing),
            "published": _listing(published),
            "untranslated": _listing(self._untranslated([profile, *published])),
        }

    @staticmethod
    def _untranslated(pages) -> list[tuple[Page, list[str]]]:
        """Live pages with the languages they have no live page in."""
        codes = [code for code, _name in settings.LANGUAGES]
        live = Page.objects.live().filter(translation_key__in=[p.translation_key for p in pages])
        present: dict = {}
        for key, code in live.values_list("translation_key", "locale__language_code"):
            present.setdefault(key, set()).add(code)
        result = []
        for page in pages:
            if page.live:
                missing = [c for c in codes if c not in present.get(page.translation_key, ())]
                if missing:
                    result.append((page, missing))
        return result


class EditorPanel(Component):
    name = "hub_editor"
    template_name = "hub/admin/dashboard_editor.html"
    order = 230  # below the moderation queue

    def get_context_data(self, parent_context):
        from search.models import ZeroResultQuery
        from stories.models import CaseStoryPage

        stories = (
            CaseStoryPage.objects.live()
            .select_related("locale")
            .order_by("-last_published_at")[:SHOWN]
        )
        stories = list(stories)
        steplen = Page.steplen
        parents = Page.objects.in_bulk([s.path[:-steplen] for s in stories], field_name="path")
        return {
            **parent_context.flatten(),
            "stories": [(story, parents.get(story.path[:-steplen])) for story in stories],
            "zero_results": ZeroResultQuery.objects.order_by("-count", "-last_seen")[:SHOWN],
            "zero_results_url": reverse("hubsearch_zero_results"),
        }


def add_panels(request, panels) -> None:
    """``construct_homepage_panels``: the partner's panel, or the editors'."""
    user = request.user
    if user.is_superuser or user.groups.filter(name=EDITORS).exists():
        panels.append(EditorPanel())
        return
    profiles = partner_profiles(user)
    if profiles:
        panels.append(PartnerPanel(profiles))
