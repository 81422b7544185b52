"""One behaviour suite for every engine: same documents in, same hits and counts out."""

from dataclasses import replace

import pytest

from search.engines import SearchRequest

from .corpus import doc, expected_facets, matches_filters

pytestmark = pytest.mark.engine


def ask(**params) -> SearchRequest:
    """A request in one language: most rules here are about one language's documents; the
    default (every language, one document per translation group) has tests of its own."""
    params.setdefault("include_other_languages", False)
    return SearchRequest(**params)


def ids(response):
    return {hit.document.id for hit in response.hits}


def in_language(documents, language="en"):
    return [d for d in documents if d.locale == language]


def test_empty_text_browses_everything_in_the_language_newest_first(indexed, documents):
    response = indexed.search(ask(page_size=50))

    english = in_language(documents)
    assert response.total == len(english)
    newest_first = sorted(english, key=lambda d: (-d.date.toordinal(), d.id))
    assert [hit.document.id for hit in response.hits] == [d.id for d in newest_first]


def test_hits_carry_the_whole_document(indexed, documents):
    hit = indexed.search(ask(text="budget")).hits[0]

    assert hit.document == next(d for d in documents if d.id == "story:4")


def test_every_word_must_match_somewhere_in_title_summary_or_body(indexed):
    # "water" is in titles and bodies; "clinics" only in one summary.
    assert ids(indexed.search(ask(text="water clinics"))) == {"lesson:2"}
    assert ids(indexed.search(ask(text="water"))) == {"lesson:2"}
    assert indexed.search(ask(text="water budget")).total == 0


def test_quoted_words_match_as_a_phrase(indexed):
    both_words = indexed.search(ask(text="health community"))
    phrase = indexed.search(ask(text='"community health"'))

    assert ids(both_words) == {"lesson:2", "lesson:3"}
    assert ids(phrase) == {"lesson:3"}
    assert ids(indexed.search(ask(text='"health community"'))) == set()


def test_a_trailing_star_matches_a_prefix(indexed):
    response = indexed.search(ask(text="facilit*"))

    # facilitation, facilitators, facilitating
    assert ids(response) == {"lesson:1", "resource:5"}


def test_accents_do_not_matter(indexed):
    with_accent = indexed.search(ask(text="santé", language="fr"))
    without = indexed.search(ask(text="SANTE", language="fr"))

    assert ids(with_accent) == ids(without) == {"lesson:8", "lesson:9"}


def test_words_are_stemmed_in_the_documents_language(indexed):
    # One title says "committees", a body "committee"; French "comités" and "comité".
    assert ids(indexed.search(ask(text="committees"))) == {"lesson:1", "lesson:2"}
    assert ids(indexed.search(ask(text="comite", language="fr"))) == {"lesson:8"}
    assert ids(indexed.search(ask(text="facilitators"))) >= {"lesson:1"}


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
    assert ids(indexed.search(ask(text=noisy, page_size=50))) == ids(
        indexed.search(ask(text=clean, page_size=50))
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
    response = indexed.search(ask(filters=filters, page_size=100))

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
    response = indexed.search(ask(filters={"country": ["BD"]}))

    countries = {f.value: (f.count, f.selected) for f in response.facets["country"]}
    assert countries["BD"] == (2, True)
    assert countries["KE"] == (5, False)  # what choosing Kenya as well would give
    assert response.facet_counts("theme") == {"governance": 1}  # honours the country


def test_facets_follow_the_text(indexed, documents):
    response = indexed.search(ask(text="health", filters={"country": ["KE"]}))

    assert ids(response) == {"lesson:2", "lesson:3", "partner:7"}
    assert response.facet_counts("kind") == {"lesson": 2, "partner": 1}
    assert response.facet_counts("country") == {"KE": 3, "UG": 1}


def test_an_unknown_value_selects_nothing_but_stays_removable(indexed):
    response = indexed.search(ask(filters={"country": ["ZZ"]}))

    countries = [(f.value, f.count, f.selected) for f in response.facets["country"]]
    assert response.total == 0
    assert ("ZZ", 0, True) in countries
    assert ("KE", 5, False) in countries  # the country facet ignores its own selection
    assert response.facets["theme"] == []


def test_newest_sort_and_pages(indexed, documents):
    english = sorted(in_language(documents), key=lambda d: (-d.date.toordinal(), d.id))
    first = indexed.search(ask(sort="newest", page_size=3))
    second = indexed.search(ask(sort="newest", page_size=3, page=2))
    beyond = indexed.search(ask(sort="newest", page_size=3, page=5))

    assert [h.document.id for h in first.hits + second.hits] == [d.id for d in english[:6]]
    assert beyond.hits == [] and beyond.total == len(english)


def test_relevance_puts_title_matches_first(indexed):
    response = indexed.search(ask(text="savings"))

    assert [hit.document.id for hit in response.hits] == ["resource:5", "collaborative:6"]
    assert response.hits[0].score > response.hits[1].score


def test_other_languages_add_only_what_has_no_translation(indexed):
    only_english = indexed.search(ask(text="sante", language="en"))
    by_default = indexed.search(SearchRequest(text="sante", language="en"))

    assert only_english.total == 0
    # lesson:8 is the French version of lesson:2, which exists in English: left out.
    assert ids(by_default) == {"lesson:9"}
    assert by_default.facet_counts("language") == {"fr": 1}


def test_every_language_by_default_one_document_per_translation_group(indexed, documents):
    response = indexed.search(SearchRequest(language="fr", page_size=50))

    # French where it exists (lesson:8 stands for k2), the rest in their own language.
    expected = {d.id for d in documents if d.translation_key != "k2"} | {"lesson:8"}
    assert ids(response) == expected
    assert response.total == len(expected)
    assert sum(response.facet_counts("language").values()) == len(expected)


def test_a_translation_added_later_takes_its_groups_place(indexed, documents):
    spanish = doc(11, "Salud y comités del agua", locale="es", key="k9", body="Salud.")
    indexed.index([spanish])

    spanish_view = ids(indexed.search(SearchRequest(language="es", page_size=50)))
    english_view = ids(indexed.search(SearchRequest(language="en", page_size=50)))
    assert "lesson:11" in spanish_view and "lesson:9" not in spanish_view
    # English visitors get the group once, in the preferred language of those it has.
    assert "lesson:9" in english_view and "lesson:11" not in english_view

    indexed.delete_source(spanish.source)
    assert "lesson:9" in ids(indexed.search(SearchRequest(language="es", page_size=50)))


def test_a_share_of_the_words_is_enough_and_more_words_rank_higher(indexed):
    # No document speaks of elephants: two words of three are enough.
    response = indexed.search(ask(text="community health elephants"))

    assert ids(response) == {"lesson:2", "lesson:3"}
    # lesson:3 holds both words in its title; lesson:2 only in its body.
    assert response.hits[0].document.id == "lesson:3"
    assert indexed.search(ask(text="water elephants")).total == 0  # two words: both needed


def test_a_plus_sign_or_quotes_make_a_word_required(indexed):
    assert indexed.search(ask(text="community health +elephants")).total == 0
    assert indexed.search(ask(text='community health "elephants"')).total == 0
    assert ids(indexed.search(ask(text="+community health elephants"))) == {
        "lesson:2",
        "lesson:3",
    }


def test_every_word_a_query_counts_can_be_found(engine):
    # "down" is a stop word in some servers' own lists: the index must still hold it, since
    # the query counts it (two words: both needed).
    engine.rebuild(
        [doc(61, "Bring the budget down to the districts"), doc(62, "Budget of the districts")]
    )

    assert ids(engine.search(ask(text="budget down"))) == {"lesson:61"}


def test_documents_holding_more_of_the_words_rank_first(engine):
    engine.rebuild(
        [
            doc(63, "Savings groups", summary="Savings groups.", body="Savings groups. " * 8),
            doc(64, "A guide", body="Savings groups keep water committees and clinics going."),
        ]
    )

    # Three words, two needed: lesson:63 holds two, in its title and often; lesson:64 all
    # three, once each, in its body.
    response = engine.search(ask(text="savings groups water"))

    assert [hit.document.id for hit in response.hits] == ["lesson:64", "lesson:63"]


def test_a_word_is_matched_in_every_languages_stemming(engine):
    # "sociaux" is French for "social": its French stem finds the English document.
    engine.rebuild([doc(65, "Social audits of public works")])

    response = engine.search(SearchRequest(text="audits sociaux", language="fr"))

    assert ids(response) == {"lesson:65"}


def test_elision_and_possessives_are_not_required_words(indexed):
    assert ids(indexed.search(ask(text="l'eau", language="fr"))) == {"lesson:8"}
    assert ids(indexed.search(ask(text="the committee's facilitators"))) >= {"lesson:1"}


def test_documents_found_by_meaning_join_the_result_set(indexed):
    request = SearchRequest(
        text="elephants",
        also_ids=("lesson:9", "lesson:2"),
        rank_window=20,
        filters={"country": ["SN"]},
    )
    response = indexed.search(request)

    # Counted and faceted like keyword matches; only those passing the filters.
    assert response.total == 1
    assert response.also_matched == ["lesson:9"]
    assert response.ranked == []
    assert response.facet_counts("country") == {"KE": 1, "SN": 1}


def test_documents_found_by_meaning_may_come_while_the_words_are_searched(indexed):
    # search.service scans the vectors in a thread and hands the engine a call that waits for
    # them: the answer is the one the ids would have given with the request, each document
    # counted once (lesson:2 holds "water" and is near too; lesson:404 is not indexed).
    request = SearchRequest(text="water", rank_window=20)
    near = ("lesson:9", "lesson:2", "lesson:404")
    calls = []

    def nearest():
        calls.append(near)
        return near

    late = indexed.search_beside(request, nearest)
    early = indexed.search(replace(request, also_ids=near))

    assert calls == [near]
    keyword = {doc_id for doc_id, _ in early.ranked}
    assert "lesson:2" in keyword and "lesson:9" not in keyword
    assert late.total == early.total == len(keyword | {"lesson:9"})
    assert sorted(late.also_matched) == sorted(early.also_matched) == ["lesson:2", "lesson:9"]
    assert late.ranked == early.ranked
    assert late.facets == early.facets


def test_fetch_answers_hits_in_the_order_asked_with_snippets(indexed):
    request = SearchRequest(text="water")
    hits = indexed.fetch(request, ["lesson:10", "lesson:2", "lesson:404"])

    assert [h.document.id for h in hits] == ["lesson:10", "lesson:2"]
    assert "<mark>" in hits[1].snippet


def test_snippets_mark_the_matched_words_in_escaped_html(indexed):
    committee = indexed.search(ask(text="weekly")).hits[0]
    markup = indexed.search(ask(text="organisation")).hits[0]

    assert "<mark>weekly</mark>" in committee.snippet
    # Text that looks like markup is escaped (or dropped, by ts_headline): never live HTML.
    assert "<mark>organisation</mark>" in markup.snippet
    assert "<b>" not in markup.snippet and "markup" in markup.snippet


def test_replacing_a_source_drops_its_removed_documents(indexed, documents):
    story = documents[3]  # story:4, source stories.casestorypage:4
    first = doc(41, "Hearing budgets aloud", source=story.source, countries=["UG"])
    second = doc(42, "Budgets on the wall", source=story.source, countries=["UG"])
    indexed.replace_source(story.source, [story, first, second])
    assert indexed.search(ask(text="budget*")).total == 3

    indexed.replace_source(story.source, [story, second])

    assert ids(indexed.search(ask(text="budget*"))) == {"story:4", "lesson:42"}
    assert indexed.search(ask(filters={"country": ["UG"]})).total == 3


def test_deleting_a_source_removes_all_its_documents(indexed, documents):
    before = indexed.count()

    removed = indexed.delete_source("stories.casestorypage:2")

    assert removed == 1
    assert indexed.count() == before - 1
    assert indexed.search(ask(text="clinics")).total == 0


def test_rebuild_replaces_the_whole_index(indexed, documents):
    assert indexed.rebuild(documents[:2]) == 2

    assert indexed.count() == 2
    assert indexed.search(ask()).total == 2


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


def test_did_you_mean_replaces_only_the_unknown_words(indexed):
    response = indexed.search(ask(text="facilitaton"))

    assert response.total == 0
    assert response.suggestion == "facilitation"
    assert indexed.search(ask(text="Village facilitaton")).suggestion == "Village facilitation"
    assert indexed.search(ask(text="village")).suggestion is None


def test_ping_and_count(indexed, documents):
    assert indexed.ping() is True
    assert indexed.count() == len(documents)


def test_control_characters_in_content_never_forge_a_highlight(engine):
    forged = doc(60, "Markers \x02mk\x03 inside", body="A body with \x02mk\x03 and more mk text.")
    engine.rebuild([forged])

    hit = engine.search(ask(text="mk")).hits[0]

    assert "\x02" not in hit.document.title and "\x03" not in hit.document.body
    assert "<mark><mark>" not in hit.snippet and hit.snippet.count("<mark>") == hit.snippet.count(
        "</mark>"
    )
