"""The permission matrix's media actions (hub/media_collections.py), as partner B's media
meets each role: list it in the chooser, use it as a hero image, upload beside it, download it."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from tests.security.test_partner_media import document, image, save_story


def partner_b_collection():
    partners = Collection.get_first_root_node().get_children().get(name="Partners")
    return partners.get_children().get(name="Beta Learning Lab")


def b_media(target):
    beta = partner_b_collection()
    if target == "b_image":
        return image("Beta well", beta)
    if target == "b_private":
        return document("Beta salaries", beta.get_children().get(name="Private"))
    return document("Beta budget", beta)


def check_media(client, action, target, allowed, site):
    if action == "download":
        item = b_media(target)
        response = client.get(reverse("wagtaildocs_serve", args=[item.pk, item.filename]))
        assert (response.status_code == 200) is allowed
    elif action == "list":
        b_media(target)
        response = client.get(reverse("wagtaildocs_chooser:choose"))
        assert ("Beta budget" in response.content.decode()) is allowed
    elif action == "use":
        item = b_media(target)
        save_story(client, site["story"], hero_image=item.pk, hero_image_alt="A well")
        latest = Page.objects.get(pk=site["story"].pk).specific.get_latest_revision_as_object()
        assert (latest.hero_image_id == item.pk) is allowed
    else:  # upload
        if target == "editors":
            collection = Collection.get_first_root_node().add_child(name="Board papers")
        else:
            collection = partner_b_collection()
        client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Uploaded notes",
                "file": ContentFile(b"notes", name="notes.txt"),
                "collection": collection.pk,
            },
        )
        uploaded = get_document_model().objects.filter(title="Uploaded notes")
        assert uploaded.filter(collection=collection).exists() is allowed


def private_document(site, restriction):
    collection = Collection.get_first_root_node().add_child(name=f"Private {restriction}")
    view = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=(
            CollectionViewRestriction.LOGIN
            if restriction == "login"
            else CollectionViewRestriction.GROUPS
        ),
    )
    if restriction == "editors":
        view.groups.add(Group.objects.get(name="Editors"))
    document = get_document_model()(title="Board minutes", collection=collection)
    document.file.save("minutes.txt", ContentFile(b"Quillfeather private minutes"), save=False)
    document.save()
    return document


def check_download(client, restriction, allowed, site):
    document = private_document(site, restriction)
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    if allowed:
        assert response.status_code == 200
        assert b"Quillfeather" in b"".join(response.streaming_content)
    else:
        assert response.status_code in (302, 403)
        assert b"Quillfeather" not in response.content
