"""Unknown language prefixes are a 404 in the visitor's language, not a redirect."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/de/", "/xx/", "/de/stories/", "/pt-br/"])
def test_unknown_language_prefix_is_a_404_in_the_visitors_language(client, homes, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html


def test_known_prefixes_and_neutral_routes_are_untouched(client, homes):
    assert client.get("/en/").status_code == 200
    assert client.get("/fr/").status_code == 200
    assert client.get("/api/search/").status_code == 200
    assert client.get("/stories/").status_code == 302  # no prefix: Django adds one


def test_a_missing_page_is_a_404_page_in_its_language(client, homes):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
