"""A resource page: files per language named in their language, privacy of documents."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction, Page

import pytest

from resources.factories import ResourceFileFactory, ResourcePageFactory

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def test_offers_each_language_named_in_that_language(client, resource_index, make_document):
    english, french = make_document("Guide EN"), make_document("Guide FR")
    resource = ResourcePageFactory(parent=resource_index, title="Facilitation guide")
    ResourceFileFactory(page=resource, language="en", document=english)
    ResourceFileFactory(page=resource, language="fr", document=french)
    ResourceFileFactory(page=resource, language="es", link="https://example.org/guia")

    soup = soup_of(client.get(resource.url))
    links = soup.select(".resource-files a")
    assert [a.select_one("span[lang]").get_text() for a in links] == [
        "English",
        "Français",
        "Español",
    ]
    assert [a["hreflang"] for a in links] == ["en", "fr", "es"]
    assert links[1]["href"] == french.url
    assert links[2]["href"] == "https://example.org/guia"

    download = client.get(links[1]["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_private_collection_documents_are_not_served_anonymously(
    client, resource_index, make_document, django_user_model
):
    private = Collection.get_first_root_node().add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    members = Group.objects.create(name="Partners")
    restriction.groups.add(members)
    document = make_document("Internal", collection=private)
    resource = ResourcePageFactory(parent=resource_index)
    ResourceFileFactory(page=resource, language="en", document=document)

    link = soup_of(client.get(resource.url)).select_one(".resource-files a")["href"]
    anonymous = client.get(link)
    assert anonymous.status_code == 302
    assert "/login" in anonymous["Location"]

    member = django_user_model.objects.create_user("member", password="x")
    member.groups.add(members)
    client.force_login(member)
    assert client.get(link).status_code == 200


def test_facts_and_steps(client, resource_index, home):
    partner = home.add_child(instance=Page(title="Budget partnership", slug="ibp"))
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Action plan template",
        resource_type="template",
        audiences=["donors", "csos"],
        time_needed="45 minutes",
        licence="CC BY 4.0",
        publisher=partner,
        countries=["BD", "KE"],
        how_to_use=[("step", {"title": "Agree the goal", "text": "Write it down."})],
    )
    soup = soup_of(client.get(resource.url))
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in soup.select(".resource-facts dt")],
            [dd.get_text(strip=True) for dd in soup.select(".resource-facts dd")],
            strict=True,
        )
    )
    assert facts["For"] == "Donors, Civil society organisations"
    assert facts["Time needed"] == "45 minutes"
    assert facts["Publisher"] == "Budget partnership"
    assert facts["Countries"] == "Bangladesh, Kenya"
    assert soup.select_one(".resource-steps li strong").get_text() == "Agree the goal"
    assert soup.select_one(".resource-type").get_text(strip=True) == "Template"


def test_a_translation_keeps_the_files_and_facets(client, resource_index, locales, homes):
    french_index = resource_index.copy_for_translation(locales["fr"])
    french_index.save_revision().publish()
    resource = ResourcePageFactory(
        parent=resource_index, resource_type="template", audiences=["donors"], countries=["CO"]
    )
    ResourceFileFactory(page=resource, language="fr")
    ResourceFileFactory(page=resource, language="en")

    french = resource.copy_for_translation(locales["fr"])
    french.title = "Modèle"
    french.save_revision().publish()

    french.refresh_from_db()
    assert (french.resource_type, french.audiences) == ("template", ["donors"])
    assert [(f.language, f.locale_id) for f in french.files.order_by("sort_order")] == [
        ("fr", locales["fr"].pk),
        ("en", locales["fr"].pk),
    ]
    soup = soup_of(client.get(french.url))
    assert soup.html["lang"] == "fr"
    assert [a.get_text(strip=True) for a in soup.select(".resource-files a span[lang]")] == [
        "Français",
        "English",
    ]
