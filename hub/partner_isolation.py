"""What one partner does not see of another in the admin: drafts in the page chooser, media
in the admin API. (Media choosers, listings and uploads follow the collection permissions of
``hub.media_collections``; the page form refuses foreign media, ``hub.media_choices``.)
"""

from django.db.models import F, Q
from django.http import Http404
from django.urls import path

from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry


def hidden_page_ids(user) -> list[int]:
    """Pages someone else is still drafting, which ``user`` may not edit: their admin title
    is the draft's. Never published, or live with a newer title in draft."""
    if user.is_superuser:
        return []
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    return list(
        Page.objects.filter(Q(live=False) | ~Q(draft_title=F("title")))
        .exclude(pk__in=editable.values("pk"))
        .values_list("pk", flat=True)
    )


@hooks.register("construct_page_chooser_queryset")
def choose_only_published_or_own_pages(pages, request):
    """The page chooser (browse and search) leaves out pages someone else is still drafting.
    Editors and translators, who may edit every page, see all."""
    # A list of ids, not a condition on draft_title: the chooser's search runs the queryset
    # through the search backend, which filters on indexed fields only.
    hidden = hidden_page_ids(request.user)
    return pages.exclude(pk__in=hidden) if hidden else pages


@require_admin_access
def browse_pages(request, parent_page_id):
    """The chooser's browse view, refusing to open a hidden page (it would show its title)."""
    if parent_page_id in hidden_page_ids(request.user):
        raise Http404
    return BrowseView.as_view()(request, parent_page_id=parent_page_id)


@require_admin_access
def chosen_pages(request):
    """The chooser's "chosen" answer, without the titles of hidden pages."""
    hidden = {str(pk) for pk in hidden_page_ids(request.user)}
    query = request.GET.copy()
    query.setlist("id", [pk for pk in query.getlist("id") if pk not in hidden])
    request.GET = query
    return ChosenMultipleView.as_view()(request)


# Placed before Wagtail's admin URLs in hub/urls.py, under the same paths.
chooser_urls = [
    path("admin/choose-page/<int:parent_page_id>/", browse_pages),
    path("admin/choose-page/chosen-multiple/", chosen_pages),
]


class ChoosableMediaMixin:
    """The admin API lists only the images or documents the user may choose: Wagtail's own
    endpoints list everything outside view-restricted collections to every admin user."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableDocumentsAPIViewSet(ChoosableMediaMixin, DocumentsAdminAPIViewSet):
    pass


class ChoosableImagesAPIViewSet(ChoosableMediaMixin, ImagesAdminAPIViewSet):
    pass


# After Wagtail's own hooks (order 0), which register the unrestricted endpoints.
@hooks.register("construct_admin_api", order=100)
def restrict_media_endpoints(router):
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
