import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "skip_link", "search_label"),
    [
        ("en", "Skip to content", "Search"),
        ("fr", "Aller au contenu", "Rechercher"),
        ("es", "Ir al contenido", "Buscar"),
    ],
)
def test_home_page_renders_in_each_language(client, homes, code, skip_link, search_label):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == code
    assert soup.select_one("a.skip-link").get_text(strip=True) == skip_link
    assert soup.select_one("main#main h1").get_text(strip=True) == homes[code].title
    assert soup.select_one(".search-box button").get_text(strip=True) == search_label


def test_root_redirects_by_accept_language(client, homes):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-CO,es;q=0.9").headers["Location"] == "/es/"


def test_language_switcher_links_only_live_translations(client, home, locales):
    draft = home.copy_for_translation(locales["fr"])  # a draft copy: must not be offered
    assert not draft.live
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert soup.select(".language-switcher a") == []  # only English exists
    draft.save_revision().publish()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    links = {a["hreflang"]: a.get_text(strip=True) for a in soup.select(".language-switcher a")}
    assert links == {"en": "English", "fr": "Français"}
    alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"en", "fr"}


def test_admin_login_is_served(client):
    assert client.get("/admin/login/").status_code == 200


def test_home_page_carries_its_json_ld_as_a_script_element(client, homes):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert '"inLanguage": "fr"' in scripts[0].string


def test_the_favicon_is_served_from_the_site_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
