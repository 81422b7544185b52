"""What one partner does not see of another in the admin: drafts in the page chooser, media
in the admin API. (Media choosers, listings and uploads follow the collection permissions of
``hub.media_collections``; the page form refuses foreign media, ``hub.media_choices``.)
"""

from django.db.models import F, Q

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry


@hooks.register("construct_page_chooser_queryset")
def choose_only_published_or_own_pages(pages, request):
    """A page someone else is still drafting is not shown in the page chooser (its title is
    the draft's): only live pages whose live title is the latest one, and pages the user may
    edit anyway. Editors and translators, who may edit every page, see all."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    # A list of ids, not a condition on draft_title: the chooser's search runs the queryset
    # through the search backend, which filters on indexed fields only.
    hidden = list(
        Page.objects.filter(Q(live=False) | ~Q(draft_title=F("title")))
        .exclude(pk__in=editable.values("pk"))
        .values_list("pk", flat=True)
    )
    return pages.exclude(pk__in=hidden) if hidden else pages


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
