"""Upload limits, and what the site serves from MEDIA_ROOT: image files (originals and
renditions) in every environment, documents never (only through Wagtail's serve view)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
import wagtail_factories
from PIL import Image as PILImage

from tests.security.test_partner_media import collection_of, document

pytestmark = pytest.mark.django_db


def png(size=(400, 400)) -> bytes:
    buffer = io.BytesIO()
    # Noise compresses badly, so the file is as large as the test needs.
    PILImage.effect_noise(size, 100).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1000)
def test_a_too_large_document_is_refused_with_a_clear_message(login, site, users, media_root):
    collection = collection_of(site["alpha"])
    response = login("partner_a").post(
        reverse("wagtaildocs:add"),
        {
            "title": "Huge report",
            "file": SimpleUploadedFile("huge.pdf", b"x" * 2000),
            "collection": collection.pk,
        },
    )
    assert "This file is too big (2.0\xa0KB). Documents may be at most 1000\xa0bytes." in (
        response.content.decode()
    )
    assert not get_document_model().objects.filter(title="Huge report").exists()
    # The multiple uploader uses the same form.
    response = login("partner_a").post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("huge.pdf", b"x" * 2000), "collection": collection.pk},
    )
    assert "too big" in response.content.decode()
    assert not get_document_model().objects.filter(title="huge.pdf").exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=5000)
def test_a_too_large_image_is_refused_with_a_clear_message(login, site, users, media_root):
    response = login("partner_a").post(
        reverse("wagtailimages:add"),
        {
            "title": "Huge photo",
            "file": SimpleUploadedFile("huge.png", png(), content_type="image/png"),
            "collection": collection_of(site["alpha"]).pk,
        },
    )
    assert "too big" in response.content.decode()
    assert not get_image_model().objects.filter(title="Huge photo").exists()


def test_limits_come_from_the_environment(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.DOCUMENT_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


@override_settings(DEBUG=False)
def test_images_are_served_and_documents_are_not(client, site, users, media_root):
    image = wagtail_factories.ImageFactory(title="Pump")
    rendition = image.get_rendition("fill-120x80|format-webp")
    for url in (rendition.url, image.file.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/")
        assert b"".join(response.streaming_content)
    private = site["beta"]  # any partner: its Private collection is restricted
    doc = document("Beta salaries", collection_of(private).get_children().get(name="Private"))
    # The file under MEDIA_URL is never served; Wagtail's serve view refuses a visitor.
    assert client.get(doc.file.url).status_code == 404
    served = client.get(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))
    assert served.status_code in (302, 403)
    assert client.get(doc.url).status_code in (302, 403)


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/secret.txt",
        "/media/documents/secret.txt",
        "/media/images/page.html",
        "/media/images/missing.png",
        "/media/original_images/%2e%2e/documents/secret.txt",
    ],
)
def test_nothing_else_is_served_from_the_media_folder(client, media_root, path):
    (media_root / "documents").mkdir()
    (media_root / "documents" / "secret.txt").write_text("the-private-document-text")
    (media_root / "images").mkdir()
    (media_root / "images" / "page.html").write_text("<script>alert(1)</script>")
    response = client.get(path)
    assert response.status_code == 404
    # The 404 page may name the address asked for; never the file's content.
    assert b"the-private-document-text" not in response.content
    assert b"<script>alert" not in response.content
