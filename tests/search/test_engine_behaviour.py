"""One behaviour suite for every engine: same documents in, same hits and counts out."""

import pytest

from search.engines import SearchRequest

from .corpus import doc, expected_facets, matches_filters

pytestmark = pytest.mark.engine


def ids(response):
    return {hit.document.id for hit in response.hits}


def in_language(documents, language="en"):
    return [d for d in documents if d.locale == language]


def test_empty_text_browses_everything_in_the_language_newest_first(indexed, documents):
    response = indexed.search(SearchRequest(page_size=50))

    english = in_language(documents)
    assert response.total == len(english)
    newest_first = sorted(english, key=lambda d: (-d.date.toordinal(), d.id))
    assert [hit.document.id for hit in response.hits] == [d.id for d in newest_first]


def test_hits_carry_the_whole_document(indexed, documents):
    hit = indexed.search(SearchRequest(text="budget")).hits[0]

    assert hit.document == next(d for d in documents if d.id == "story:4")


def test_every_word_must_match_somewhere_in_title_summary_or_body(indexed):
    # "water" is in titles and bodies; "clinics" only in one summary.
    assert ids(indexed.search(SearchRequest(text="water clinics"))) == {"lesson:2"}
    assert ids(indexed.search(SearchRequest(text="water"))) == {"lesson:2"}
    assert indexed.search(SearchRequest(text="water budget")).total == 0


def test_quoted_words_match_as_a_phrase(indexed):
    both_words = indexed.search(SearchRequest(text="health community"))
    phrase = indexed.search(SearchRequest(text='"community health"'))

    assert ids(both_words) == {"lesson:2", "lesson:3"}
    assert ids(phrase) == {"lesson:3"}
    assert ids(indexed.search(SearchRequest(text='"health community"'))) == set()


def test_a_trailing_star_matches_a_prefix(indexed):
    response = indexed.search(SearchRequest(text="facilit*"))

    # facilitation, facilitators, facilitating
    assert ids(response) == {"lesson:1", "resource:5"}


def test_accents_do_not_matter(indexed):
    with_accent = indexed.search(SearchRequest(text="santé", language="fr"))
    without = indexed.search(SearchRequest(text="SANTE", language="fr"))

    assert ids(with_accent) == ids(without) == {"lesson:8", "lesson:9"}


def test_stemming_where_the_engine_has_it(indexed):
    response = indexed.search(SearchRequest(text="committees"))

    if "stemming" in indexed.capabilities:
        assert ids(response) == {"lesson:1", "lesson:2"}
    else:  # exact words only: one title says "committees", bodies say "committee"
        assert ids(response) == {"lesson:1"}


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("water:", "water"),
        ("(water)", "water"),
        ("-clinics", "clinics"),
        ('"water', "water"),
        ("NEAR(water", "near water"),
        ("*", ""),
        ('""', ""),
    ],
)
def test_punctuation_is_not_syntax(indexed, noisy, clean):
    # No engine parser sees operators: punctuation is dropped, words are words.
    assert ids(indexed.search(SearchRequest(text=noisy, page_size=50))) == ids(
        indexed.search(SearchRequest(text=clean, page_size=50))
    )


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"country": ["KE"]},
        {"country": ["KE", "BD"]},
        {"country": ["KE"], "theme": ["health"]},
        {"country": ["KE"], "theme": ["health", "governance"], "kind": ["lesson"]},
        {"partner": ["amref"], "year": ["2019", "2020", "2021"]},
        {"audience": ["donors"], "region": ["014"]},
    ],
)
def test_facet_counts_are_disjunctive_and_equal_the_matching_documents(indexed, documents, filters):
    response = indexed.search(SearchRequest(filters=filters, page_size=100))

    english = in_language(documents)
    matching = [d for d in english if matches_filters(d, filters)]
    assert response.total == len(matching)
    assert ids(response) == {d.id for d in matching}
    expected = expected_facets(english, filters)
    for facet, counts in expected.items():
        assert response.facet_counts(facet) == {
            **counts,
            **{v: counts.get(v, 0) for v in filters.get(facet, [])},
        }, facet


def test_a_selection_keeps_the_other_values_of_its_facet_on_offer(indexed):
    response = indexed.search(SearchRequest(filters={"country": ["BD"]}))

    countries = {f.value: (f.count, f.selected) for f in response.facets["country"]}
    assert countries["BD"] == (2, True)
    assert countries["KE"] == (5, False)  # what choosing Kenya as well would give
    assert response.facet_counts("theme") == {"governance": 1}  # honours the country


def test_facets_follow_the_text(indexed, documents):
    response = indexed.search(SearchRequest(text="health", filters={"country": ["KE"]}))

    assert ids(response) == {"lesson:2", "lesson:3", "partner:7"}
    assert response.facet_counts("kind") == {"lesson": 2, "partner": 1}
    assert response.facet_counts("country") == {"KE": 3, "UG": 1}


def test_an_unknown_value_selects_nothing_but_stays_removable(indexed):
    response = indexed.search(SearchRequest(filters={"country": ["ZZ"]}))

    countries = [(f.value, f.count, f.selected) for f in response.facets["country"]]
    assert response.total == 0
    assert ("ZZ", 0, True) in countries
    assert ("KE", 5, False) in countries  # the country facet ignores its own selection
    assert response.facets["theme"] == []


def test_newest_sort_and_pages(indexed, documents):
    english = sorted(in_language(documents), key=lambda d: (-d.date.toordinal(), d.id))
    first = indexed.search(SearchRequest(sort="newest", page_size=3))
    second = indexed.search(SearchRequest(sort="newest", page_size=3, page=2))
    beyond = indexed.search(SearchRequest(sort="newest", page_size=3, page=5))

    assert [h.document.id for h in first.hits + second.hits] == [d.id for d in english[:6]]
    assert beyond.hits == [] and beyond.total == len(english)


def test_relevance_puts_title_matches_first(indexed):
    response = indexed.search(SearchRequest(text="savings"))

    assert [hit.document.id for hit in response.hits] == ["resource:5", "collaborative:6"]
    assert response.hits[0].score > response.hits[1].score


def test_other_languages_add_only_what_has_no_translation(indexed):
    only_english = indexed.search(SearchRequest(text="sante", language="en"))
    with_others = indexed.search(
        SearchRequest(text="sante", language="en", include_other_languages=True)
    )

    assert only_english.total == 0
    # lesson:8 is the French version of lesson:2, which exists in English: left out.
    assert ids(with_others) == {"lesson:9"}
    assert with_others.facet_counts("language") == {"fr": 1}


def test_snippets_mark_the_matched_words_in_escaped_html(indexed):
    committee = indexed.search(SearchRequest(text="weekly")).hits[0]
    markup = indexed.search(SearchRequest(text="organisation")).hits[0]

    assert "<mark>weekly</mark>" in committee.snippet
    # Text that looks like markup is escaped (or dropped, by ts_headline): never live HTML.
    assert "<mark>organisation</mark>" in markup.snippet
    assert "<b>" not in markup.snippet and "markup" in markup.snippet


def test_replacing_a_source_drops_its_removed_documents(indexed, documents):
    story = documents[3]  # story:4, source stories.casestorypage:4
    first = doc(41, "Hearing budgets aloud", source=story.source, countries=["UG"])
    second = doc(42, "Budgets on the wall", source=story.source, countries=["UG"])
    indexed.replace_source(story.source, [story, first, second])
    assert indexed.search(SearchRequest(text="budget*")).total == 3

    indexed.replace_source(story.source, [story, second])

    assert ids(indexed.search(SearchRequest(text="budget*"))) == {"story:4", "lesson:42"}
    assert indexed.search(SearchRequest(filters={"country": ["UG"]})).total == 3


def test_deleting_a_source_removes_all_its_documents(indexed, documents):
    before = indexed.count()

    removed = indexed.delete_source("stories.casestorypage:2")

    assert removed == 1
    assert indexed.count() == before - 1
    assert indexed.search(SearchRequest(text="clinics")).total == 0


def test_rebuild_replaces_the_whole_index(indexed, documents):
    assert indexed.rebuild(documents[:2]) == 2

    assert indexed.count() == 2
    assert indexed.search(SearchRequest()).total == 2


def test_autocomplete_offers_titles_in_the_language(indexed):
    english = indexed.autocomplete("facil", "en")
    two_words = indexed.autocomplete("clean wat", "en")
    french = indexed.autocomplete("ecol", "fr")

    assert [(h.id, h.title, h.url, h.kind) for h in english] == [
        ("lesson:1", "Facilitation of village committees", "/en/stories/1/", "lesson")
    ]
    assert [h.id for h in two_words] == ["lesson:2"]
    assert [h.title for h in french] == ["Écoles et santé au Sénégal"]
    assert indexed.autocomplete("", "en") == []
    assert len(indexed.autocomplete("c", "en", limit=1)) == 1


def test_did_you_mean_where_the_engine_has_it(indexed):
    response = indexed.search(SearchRequest(text="facilitaton"))

    assert response.total == 0
    if "suggestion" in indexed.capabilities:
        assert response.suggestion == "facilitation"
    else:
        assert response.suggestion is None


def test_ping_and_count(indexed, documents):
    assert indexed.ping() is True
    assert indexed.count() == len(documents)
