"""Where partners' images and documents live, and who may see and use them.

Wagtail grants media permissions per collection (``GroupCollectionPermission``), inherited by
the collections below. The hub's tree:

- the root: editors add, change and choose everything;
- "Shared media": every partner may choose from it (editors put public media there);
- "Partners" › "<partner name>": that partner's own collection, where its group uploads
  and chooses; below it "Private", which only the partner's group and editors may download
  (a view restriction, checked by Wagtail's document serve view).

A partner therefore never lists, chooses or uploads into another partner's collection or
the editors' own ones. Onboarding makes the collections; running it again completes them.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

SHARED_COLLECTION = "Shared media"
PARTNERS_COLLECTION = "Partners"
PRIVATE_COLLECTION = "Private"

EDITOR_MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Partners upload and choose media in their own collection; changing media others uploaded
# stays with editors.
PARTNER_MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
SHARED_MEDIA_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
)
MEDIA_APPS = ("wagtailimages", "wagtaildocs")


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def child_collection(parent: Collection, name: str) -> Collection:
    # Collection names are at most 255 characters.
    name = name[:255]
    found = parent.get_children().filter(name=name).first()
    return found or parent.add_child(name=name)


def grant(group: Group, collection: Collection, permissions) -> None:
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def shared_collection() -> Collection:
    return child_collection(Collection.get_first_root_node(), SHARED_COLLECTION)


def partners_collection() -> Collection:
    return child_collection(Collection.get_first_root_node(), PARTNERS_COLLECTION)


def ensure_editor_media(editors: Group) -> None:
    grant(editors, Collection.get_first_root_node(), EDITOR_MEDIA_PERMISSIONS)


def ensure_partner_media(group: Group, name: str) -> Collection:
    """The partner's collection (and its private one) with the group's permissions, the
    shared collection to choose from, and no media permission anywhere else. Idempotent."""
    own = child_collection(partners_collection(), name)
    private = child_collection(own, PRIVATE_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=private).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group, *Group.objects.filter(name="Editors"))
    # Earlier versions granted partners their media permissions on the root collection (that
    # is, on everything); grants an administrator made on other collections are left alone.
    GroupCollectionPermission.objects.filter(
        group=group,
        collection=Collection.get_first_root_node(),
        permission__content_type__app_label__in=MEDIA_APPS,
    ).delete()
    grant(group, own, PARTNER_MEDIA_PERMISSIONS)
    grant(group, shared_collection(), SHARED_MEDIA_PERMISSIONS)
    return own
