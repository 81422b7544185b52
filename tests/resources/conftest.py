"""Fixtures of the toolkit and resources tests: a toolkit and a resource index under home."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
from bs4 import BeautifulSoup

from resources.factories import ResourceIndexPageFactory, ToolkitPageFactory
from resources.pdf import minimal_pdf


@pytest.fixture
def toolkit(home):
    return ToolkitPageFactory(parent=home, title="Toolkit", slug="toolkit")


@pytest.fixture
def resource_index(home):
    return ResourceIndexPageFactory(parent=home, title="Resources", slug="resources")


@pytest.fixture
def make_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def make(title="Guide", collection=None):
        document = get_document_model()(title=title)
        if collection is not None:
            document.collection = collection
        pdf = minimal_pdf(title)
        document.file.save(f"{title.lower()}.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
        return document

    return make


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")
