"""Index updates follow publishing: live public pages are found, everything else is not.

No content page type is indexable on this branch's own, so the tests make the home page
type indexable for their duration (the registry is the same one content apps use)."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, PageViewRestriction

import pytest

from hub.factories import HomePageFactory
from hub.models import HomePage
from search import documents as registry
from search.documents import SearchDocument
from search.engines import SearchRequest, get_engine
from search.indexing import source_of

pytestmark = pytest.mark.django_db


def page_documents(page):
    return [
        SearchDocument(
            id=f"story:{page.pk}",
            source=source_of(page),
            kind="story",
            locale=page.locale.language_code,
            title=page.title,
            url=page.url_path,
            summary=page.standfirst,
        )
    ]


@pytest.fixture
def indexable_pages(monkeypatch):
    indexable = registry.Indexable(page_documents, lambda: HomePage.objects.all())
    monkeypatch.setattr(registry, "_indexable", {HomePage: indexable})


@pytest.fixture
def section(home, indexable_pages, publish):
    page = HomePageFactory.build(title="Stories section", slug="section", live=False)
    home.add_child(instance=page)
    publish(lambda: page.save_revision().publish())
    return page


def found(text):
    return [hit.document.title for hit in get_engine().search(SearchRequest(text=text)).hits]


def new_page(parent, title, slug):
    page = HomePageFactory.build(title=title, slug=slug, live=False)
    parent.add_child(instance=page)
    return page


def test_publishing_indexes_and_drafts_stay_out(section, publish):
    page = new_page(section, "Clean water committees", "water")
    assert found("water") == []

    publish(lambda: page.save_revision().publish())
    assert found("water") == ["Clean water committees"]

    page.title = "Draft title about sanitation"
    publish(page.save_revision)
    assert found("sanitation") == []
    assert found("water") == ["Clean water committees"]


def test_unpublishing_removes(section, publish):
    page = new_page(section, "Savings groups", "savings")
    publish(lambda: page.save_revision().publish())

    publish(HomePage.objects.get(pk=page.pk).unpublish)

    assert found("savings") == []


def test_private_sections_leave_the_index_and_come_back(section, publish):
    page = new_page(section, "Budget hearings", "budget")
    publish(lambda: page.save_revision().publish())

    restriction = publish(
        PageViewRestriction.objects.create,
        page=section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert found("budget") == []
    assert found("stories") == []

    publish(restriction.delete)
    assert found("budget") == ["Budget hearings"]


def test_moving_reindexes_the_subtree_with_its_new_urls(home, section, publish):
    other = new_page(home, "Other section", "other")
    publish(lambda: other.save_revision().publish())
    page = new_page(section, "Mobile money", "money")
    publish(lambda: page.save_revision().publish())

    publish(Page.objects.get(pk=section.pk).move, other, pos="last-child")

    (hit,) = get_engine().search(SearchRequest(text="mobile")).hits
    assert hit.document.url.endswith("/other/section/money/")


def test_deleting_a_section_removes_its_pages(section, publish):
    page = new_page(section, "Girls education", "girls")
    publish(lambda: page.save_revision().publish())

    publish(Page.objects.get(pk=section.pk).delete)

    assert found("girls") == []
    assert found("stories") == []


def test_rebuild_command_indexes_only_live_public_pages(section, publish):
    live = new_page(section, "Live lesson", "live")
    publish(lambda: live.save_revision().publish())
    new_page(section, "Draft lesson", "draft")
    get_engine().rebuild([])
    output = StringIO()

    call_command("rebuild_search_index", "--engine", "database", stdout=output, stderr=StringIO())

    assert found("lesson") == ["Live lesson"]
    # home, section, live lesson (drafts never)
    assert "Indexed 3 documents into database" in output.getvalue()
    assert "documents/s)" in output.getvalue()


def test_loading_the_demo_builds_the_index(monkeypatch):
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "a-long-demo-password")
    output = StringIO()

    call_command("load_demo_content", stdout=output)

    assert "Indexed" in output.getvalue() and "documents/s" in output.getvalue()
