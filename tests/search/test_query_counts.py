"""A search request costs a fixed number of SQL queries, however many documents match and
however many partners and themes their facets name (labels are looked up once per facet)."""

import pytest

from hub.factories import ThemeFactory
from network.factories import PartnerProfilePageFactory
from search.engines.database import DatabaseEngine
from search.indexing import all_documents
from stories.factories import CaseStoryPageFactory, LessonFactory
from tests.stories.conftest import network  # noqa: F401  (partners, collaborative, index)
from tests.support.queries import assert_max_queries, assert_queries_do_not_grow

PAGE = "/en/search/?q=budget"
API = "/api/search/?q=budget&lang=en"
COUNTRIES = ["BD", "KE", "NP", "PE", "SN", "UG"]


def add_budget_work(network, numbers):  # noqa: F811
    """A partner per number with its own theme and country, a story and two lessons."""
    for n in numbers:
        theme = ThemeFactory(name=f"Budget theme {n}", slug=f"budget-theme-{n}")
        partner = PartnerProfilePageFactory(
            parent=network["partner_index"],
            title=f"Budget partner {n}",
            countries=[COUNTRIES[n % len(COUNTRIES)]],
            themes=[theme],
        )
        story = CaseStoryPageFactory(
            parent=partner, title=f"Budget story {n}", countries=partner.countries, themes=[theme]
        )
        for lesson in range(2):
            LessonFactory(story=story, headline=f"Budget lesson {n}.{lesson}")
    DatabaseEngine().rebuild(all_documents())


@pytest.fixture
def small(network):  # noqa: F811
    add_budget_work(network, range(2))
    return network


# The engine's 5 at most (on SQLite: the candidates' keys, the keys' names, the ranked page,
# the suggestion's words, the page's documents),
# Wagtail's "Search terms" hit 3, one label query per facet naming themes, partners or
# collaboratives 3 (PostgreSQL stems "budget" into "Open Budgets", so it finds the
# collaborative too); the page adds the editors' promotions 2.
@pytest.mark.parametrize(("url", "limit"), [(PAGE, 13), (API, 11)])
def test_a_search_needs_few_queries(client, small, url, limit):
    assert_max_queries(client, url, limit)


@pytest.mark.parametrize("url", [PAGE, API])
def test_a_search_costs_the_same_for_more_results(client, small, url):
    assert_queries_do_not_grow(client, url, lambda: add_budget_work(small, range(2, 30)))
