"""Media in S3-compatible object storage (hub/media_storage.py), against a real server.

Images are read by anyone straight from the bucket (or the CDN in front of it); documents
are private objects, reached only through Wagtail's serve view, which checks the
collection's privacy and then redirects to a signed URL that lives for a minute.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from hub.storage import storage_ready
from network.factories import PartnerIndexPageFactory, PartnerProfilePageFactory
from tests.security.test_uploads_and_media import png
from tests.support.object_storage import fetch, object_exists, unreachable_endpoint, use_storage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 Quillfeather budget notes"


def upload_image(client, title="Hand pump"):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("pump.png", png((240, 160)), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return get_image_model().objects.get(title=title)


def upload_document(client, collection, name="budget.txt", body=b"Quillfeather budget"):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            # What the browser claims is ignored: the name says what the object is.
            "file": SimpleUploadedFile(name, body, content_type="text/html"),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return get_document_model().objects.get(title=name)


def restricted_collection(name="Board papers"):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_uploaded_images_and_renditions_are_read_from_the_bucket(
    client, admin_client, home, object_storage
):
    image = upload_image(admin_client)
    rendition = image.get_rendition("fill-120x80|format-webp")
    bucket_url = f"{object_storage.endpoint}/{object_storage.bucket}/"
    assert image.file.name.startswith("original_images/")
    for url, kind in ((rendition.url, "image/webp"), (image.file.url, "image/png")):
        assert url.startswith(bucket_url), url
        response = fetch(url)  # anonymous, unsigned
        assert response.status_code == 200, url
        assert response.headers["Content-Type"] == kind
        assert "max-age" in response.headers["Cache-Control"]

    # Pages link the bucket, and their Content-Security-Policy allows it.
    partner = PartnerProfilePageFactory(
        parent=PartnerIndexPageFactory(parent=home), logo=image, logo_alt="Alpha"
    )
    page = client.get(partner.url)
    assert page.status_code == 200
    logo = image.get_rendition("max-240x120")
    assert f'src="{logo.url}"' in page.content.decode()
    assert f"img-src 'self' data: {object_storage.endpoint}" in page["Content-Security-Policy"]

    # An older /media/ link to an image is sent to the bucket; nothing else there is served.
    old = admin_client.get(f"/media/{rendition.file.name}")
    assert old.status_code == 302 and old["Location"] == rendition.url
    for path in ("/media/documents/budget.txt", "/media/images/../documents/budget.txt"):
        assert admin_client.get(path).status_code == 404


def test_a_document_is_a_private_object_served_through_a_signed_redirect(
    client, admin_client, object_storage
):
    document = upload_document(admin_client, Collection.get_first_root_node())
    key = document.file.name
    assert key.startswith("documents/") and object_exists(object_storage, key)
    # The object itself is never public, and pages link the serve view, not the bucket.
    assert fetch(f"{object_storage.endpoint}/{object_storage.bucket}/{key}").status_code == 403
    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, document.filename])

    served = client.get(document.url)
    assert served.status_code == 302
    signed = served["Location"]
    assert signed.startswith(f"{object_storage.endpoint}/{object_storage.bucket}/{key}?")
    assert "X-Amz-Expires=60" in signed
    download = fetch(signed)
    assert download.status_code == 200
    assert download.content == b"Quillfeather budget"
    assert download.headers["Content-Type"].startswith("text/plain")
    assert download.headers["Content-Disposition"].startswith("attachment; filename=budget")
    assert "public" not in served.get("Cache-Control", "")


def test_a_restricted_document_is_never_redirected_to_its_object(
    client, admin_client, object_storage
):
    document = upload_document(admin_client, restricted_collection(), name="minutes.pdf", body=PDF)
    served = client.get(document.url)
    assert served.status_code == 302
    assert "/login/" in served["Location"]
    assert object_storage.endpoint not in served["Location"]
    unsigned = f"{object_storage.endpoint}/{object_storage.bucket}/{document.file.name}"
    assert fetch(unsigned).status_code == 403

    # Signed in, the same link reaches the PDF (shown in the browser, as Wagtail serves it).
    signed = admin_client.get(document.url)["Location"]
    download = fetch(signed)
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["Content-Disposition"] == "inline"


def test_deleting_a_document_deletes_its_object(
    admin_client, object_storage, django_capture_on_commit_callbacks
):
    document = upload_document(admin_client, Collection.get_first_root_node())
    key = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    assert not object_exists(object_storage, key)


def test_two_uploads_with_one_name_keep_two_objects(admin_client, object_storage):
    root = Collection.get_first_root_node()
    first = upload_document(admin_client, root, name="notes.txt", body=b"first")
    first.title = "first notes"
    first.save()
    second = upload_document(admin_client, root, name="notes.txt", body=b"second")
    assert first.file.name != second.file.name
    assert fetch(admin_client.get(first.url)["Location"]).content == b"first"


def test_a_cdn_serves_images_and_never_documents(client, admin_client, object_storage, settings):
    use_storage(settings, object_storage.endpoint, public_url="https://media.example.org/")
    image = upload_image(admin_client)
    assert image.file.url.startswith("https://media.example.org/original_images/")
    document = upload_document(admin_client, Collection.get_first_root_node())
    signed = admin_client.get(document.url)["Location"]
    assert signed.startswith(object_storage.endpoint) and "Signature=" in signed
    page = client.get("/en/")
    assert "https://media.example.org" in page["Content-Security-Policy"]


def test_storage_readiness(object_storage, settings, caplog):
    assert storage_ready()
    assert storage_ready()  # the marker written by the first check is found
    down = unreachable_endpoint()
    use_storage(settings, down, timeout=1)
    assert not storage_ready()
    # The log says what failed, never with the keys.
    assert f'Object storage is not ready: Could not connect to the endpoint URL: "{down}' in (
        caplog.text
    )
    assert "hub-test-secret" not in caplog.text and "hub-test-key" not in caplog.text
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    assert storage_ready()


def test_pages_keep_rendering_while_the_storage_is_down(admin_client, object_storage, settings):
    image = upload_image(admin_client)
    known = image.get_rendition("width-100")
    use_storage(settings, unreachable_endpoint(), timeout=1)
    image = get_image_model().objects.get(pk=image.pk)
    html = Template("{% load wagtailimages_tags %}{% image a width-100 %}{% image a width-90 %}")
    rendered = html.render(Context({"a": image}))
    assert known.url in rendered  # a rendition made before: a link, no request to the storage
    assert "not-found" in rendered  # a new one cannot be made: Wagtail's placeholder, no error


def test_an_upload_the_storage_fails_says_so_and_saves_nothing(
    admin_client, object_storage, settings
):
    use_storage(settings, unreachable_endpoint(), timeout=1)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Pump while down",
            "file": SimpleUploadedFile("down.png", png((40, 40)), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 503
    assert "nothing was saved" in response.content.decode()
    assert not get_image_model().objects.filter(title="Pump while down").exists()
