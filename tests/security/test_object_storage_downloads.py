"""The permission matrix's downloads, with media in object storage (hub/media_storage.py).

Every role gets the answer the matrix gives it for each restricted document; an allowed
download is a redirect to a signed URL that the bucket answers with the file, and a refused
one never names the bucket. The object itself answers no one without a signature. All
cells in one test: they share one site, and the matrix's own tests cover the local files.
"""

from django.urls import reverse

import pytest

from tests.security.media_checks import b_media, private_document
from tests.security.test_permission_matrix import MATRIX, ROLES
from tests.support.object_storage import fetch

pytestmark = pytest.mark.django_db

TARGETS = ("b_private", "login", "editors")


def served(client, document, allowed, endpoint):
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    if not allowed:
        assert response.status_code in (302, 403)
        assert endpoint not in response.get("Location", "")
        if response.status_code == 302:
            assert "/login/" in response["Location"]
        return
    assert response.status_code == 302
    assert response["Location"].startswith(endpoint)
    download = fetch(response["Location"])
    assert download.status_code == 200
    assert download.content == document.file.storage.open(document.file.name).read()


def test_downloads_from_object_storage_follow_the_matrix(site, users, login, object_storage):
    documents = {
        "b_private": b_media("b_private"),
        "login": private_document(site, "login"),
        "editors": private_document(site, "editors"),
    }
    for target in TARGETS:
        document = documents[target]
        unsigned = f"{object_storage.endpoint}/{object_storage.bucket}/{document.file.name}"
        assert fetch(unsigned).status_code == 403
        for role, allowed in zip(ROLES, MATRIX[("download", target)], strict=True):
            served(login(role), document, allowed, object_storage.endpoint)
