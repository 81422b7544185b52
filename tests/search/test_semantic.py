"""Search by meaning: the real sentence encoder, its vectors following publishing, and the
nearest documents to a text in another language."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import numpy as np
import pytest

from search.models import DocumentVector
from search.semantic import MODEL, MODEL_VERSION, embed, encoder, nearest
from stories.factories import CaseStoryPageFactory, LessonFactory
from stories.models import CaseStoryPage
from tests.stories.conftest import network  # noqa: F401  (fixture reuse)

pytestmark = pytest.mark.django_db

LESSONS = {
    "budget": (
        "Invite residents to shape the budget",
        "Residents who helped decide how the municipal budget was spent trusted the council "
        "more and kept coming back to the public hearings.",
    ),
    "water": (
        "Train village water committees to repair pumps",
        "Committees that learned to repair their hand pumps kept the water flowing for years "
        "after the project ended.",
    ),
    "radio": (
        "Use community radio to reach farmers",
        "A weekly radio programme in the local language reached far more farmers than the "
        "printed leaflets did.",
    ),
}
# Same-language decoys for the French query: French lessons about something else.
FRENCH_LESSONS = {
    "teachers": (
        "Observer les classes avant de former les enseignants",
        "Les formateurs qui ont passé une semaine dans les écoles ont adapté leurs modules aux "
        "vraies difficultés des enseignants.",
    ),
    "savings": (
        "Des groupes d'épargne gérés par les femmes",
        "Les groupes d'épargne tenus par les femmes du village ont financé de petits commerces "
        "sans passer par la banque.",
    ),
}


@pytest.fixture
def partners(network):  # noqa: F811  (the fixture imported above)
    return network


def story_with(parent, title, lessons, publish):
    story = CaseStoryPageFactory(parent=parent, title=title, standfirst=title)
    for headline, explanation in lessons:
        LessonFactory(story=story, headline=headline, explanation=explanation)
    story = CaseStoryPage.objects.get(pk=story.pk)
    publish(lambda: story.save_revision().publish())
    return story


def lesson_ids(story) -> dict[str, str]:
    return {lesson.headline: f"lesson:{lesson.pk}" for lesson in story.lessons.all()}


def vectors_of(story) -> set[str]:
    source = f"stories.casestorypage:{story.pk}"
    return set(DocumentVector.objects.filter(source=source).values_list("doc_id", flat=True))


def test_vectors_are_unit_length_and_made_by_the_named_model(semantic):
    vectors = embed(["Budget hearings", "Audiences publiques sur le budget"])
    assert vectors.shape == (2, 512) and vectors.dtype.name == "float32"
    assert abs(float((vectors * vectors).sum(axis=1).min()) - 1) < 1e-5
    assert (MODEL, MODEL_VERSION) == ("use-multilingual-v3", "0.2.1")


def test_a_french_paraphrase_finds_its_english_lesson_first(partners, semantic, publish):
    english = story_with(partners["alpha"], "Working with communities", LESSONS.values(), publish)
    story_with(partners["beta"], "Former et épargner", FRENCH_LESSONS.values(), publish)
    ids = lesson_ids(english)

    hits = nearest("associer les habitants aux décisions sur le budget de la commune")
    assert hits[0][0] == ids[LESSONS["budget"][0]]
    hits = nearest("comités que reparan ellos mismos las bombas de agua", kinds=["lesson"])
    assert hits[0][0] == ids[LESSONS["water"][0]]
    assert all(doc_id.startswith("lesson:") for doc_id, _score in hits)
    assert [score for _id, score in hits] == sorted((score for _id, score in hits), reverse=True)


def test_unrelated_queries_find_nothing(partners, semantic, publish):
    story_with(partners["alpha"], "Working with communities", LESSONS.values(), publish)
    story_with(partners["beta"], "Former et épargner", FRENCH_LESSONS.values(), publish)

    for text in ("recette de gâteau au chocolat", "resultados del partido de fútbol", "zebra"):
        assert nearest(text) == [], text
    assert nearest("   ") == []
    assert len(nearest("recette de gâteau au chocolat", min_score=-1, k=3)) == 3


def test_vectors_follow_publish_unpublish_and_delete(partners, semantic, publish):
    story = story_with(partners["alpha"], "Working with communities", LESSONS.values(), publish)
    ids = set(lesson_ids(story).values())
    assert vectors_of(story) == {f"story:{story.pk}", *ids}
    before = dict(DocumentVector.objects.values_list("doc_id", "updated"))

    # Publishing again unchanged embeds nothing; editing one lesson re-embeds that lesson (the
    # story's embedded text, its title, standfirst and opening, did not change).
    publish(lambda: CaseStoryPage.objects.get(pk=story.pk).save_revision().publish())
    assert dict(DocumentVector.objects.values_list("doc_id", "updated")) == before
    story = CaseStoryPage.objects.get(pk=story.pk)
    radio = story.lessons.get(headline=LESSONS["radio"][0])
    radio.explanation = "Farmers called the weekly programme to ask the agronomist questions."
    radio.save()
    publish(lambda: story.save_revision().publish())
    after = dict(DocumentVector.objects.values_list("doc_id", "updated"))
    changed = {doc_id for doc_id in after if after[doc_id] != before[doc_id]}
    assert changed == {f"lesson:{radio.pk}"}
    assert nearest("agronome répond aux questions des paysans")[0][0] == f"lesson:{radio.pk}"

    publish(CaseStoryPage.objects.get(pk=story.pk).unpublish)
    assert vectors_of(story) == set()
    assert nearest("associer les habitants au budget", min_score=-1) == []

    publish(lambda: CaseStoryPage.objects.get(pk=story.pk).save_revision().publish())
    assert len(vectors_of(story)) == 4
    publish(CaseStoryPage.objects.get(pk=story.pk).delete)
    assert DocumentVector.objects.count() == 0


def test_drafts_and_private_stories_have_no_vectors(partners, semantic, publish):
    draft = CaseStoryPageFactory(parent=partners["alpha"], title="Draft", live=False)
    LessonFactory(story=draft, headline=LESSONS["budget"][0], explanation=LESSONS["budget"][1])
    publish(CaseStoryPage.objects.get(pk=draft.pk).save_revision)
    private = story_with(partners["beta"], "Private", [LESSONS["water"]], publish)
    assert vectors_of(private)

    publish(
        PageViewRestriction.objects.create,
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert vectors_of(private) == set() and vectors_of(draft) == set()
    assert nearest("réparer les pompes à eau", min_score=-1, kinds=["story", "lesson"]) == []
    call_command("rebuild_search_index", verbosity=0)
    assert vectors_of(private) == set() and vectors_of(draft) == set()
    assert DocumentVector.objects.filter(kind__in=["story", "lesson"]).count() == 0


def test_turned_off_nothing_is_embedded_and_nothing_found(partners, semantic, publish, settings):
    story = story_with(partners["alpha"], "Working with communities", [LESSONS["budget"]], publish)
    assert vectors_of(story)
    settings.SEARCH_SEMANTIC = False
    model = encoder._encoder  # whatever earlier tests loaded, nothing loads it now

    story = CaseStoryPage.objects.get(pk=story.pk)
    story.title = "Working with residents"
    publish(lambda: story.save_revision().publish())
    assert vectors_of(story) == set()  # no vector may outlive the text it was made from
    assert nearest("associer les habitants au budget") == []
    call_command("rebuild_search_index", verbosity=0)
    assert DocumentVector.objects.count() == 0
    assert encoder._encoder is model


def test_rebuild_reembeds_the_vectors_of_another_model(partners, semantic, publish):
    story = story_with(partners["alpha"], "Working with communities", LESSONS.values(), publish)
    budget = lesson_ids(story)[LESSONS["budget"][0]]
    DocumentVector.objects.update(model="an-older-model", vector=b"\0" * 2048)
    assert nearest("associer les habitants au budget", min_score=-1) == []  # not comparable

    out = StringIO()
    call_command("rebuild_search_index", "--embeddings", stdout=out)
    # The story and its three lessons again, and the partners' pages for the first time.
    assert "Embedded 7 of 7 documents with use-multilingual-v3 0.2.1" in out.getvalue()
    assert set(DocumentVector.objects.values_list("model", flat=True)) == {MODEL}
    assert nearest("associer les habitants au budget")[0][0] == budget

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Embedded 0 of 7 documents" in out.getvalue()  # nothing changed


def test_a_refresh_after_publishing_holds_what_a_full_load_holds(partners, semantic, publish):
    from search.semantic import index

    first = story_with(partners["alpha"], "Working with communities", LESSONS.values(), publish)
    before = index.current_index()
    story_with(partners["beta"], "Former et épargner", FRENCH_LESSONS.values(), publish)
    publish(CaseStoryPage.objects.get(pk=first.pk).unpublish)

    fingerprint = index._fingerprint()
    refreshed, full = index.load(fingerprint, before), index.load(fingerprint)
    assert sorted(refreshed.doc_ids) == sorted(full.doc_ids)
    for doc_id, row in full.rows.items():
        assert (refreshed.matrix[refreshed.rows[doc_id]] == full.matrix[row]).all()
        assert refreshed.sources[refreshed.rows[doc_id]] == full.sources[row]
    assert members(refreshed) == members(full) and members(full)
    assert index.current_index().fingerprint == fingerprint


def members(vectors) -> dict[str, list[str]]:
    """Translation key -> its documents, as an index looks them up."""
    return {key: sorted(vectors.doc_ids[r] for r in rows) for key, rows in vectors.groups.items()}


def test_a_large_rebuild_embeds_in_a_process_per_core_the_same_vectors(semantic, monkeypatch):
    from search.semantic import store
    from search.semantic.encoder import document_text
    from tests.search.corpus import doc

    titles = [*(h for h, _ in LESSONS.values()), *(h for h, _ in FRENCH_LESSONS.values())]
    documents = [doc(n, title) for n, title in enumerate(titles, start=1)]
    # Small numbers stand in for a large rebuild: three batches of two, two processes.
    monkeypatch.setattr(store, "PARALLEL_FROM", 1)
    monkeypatch.setattr(store, "BATCH", 2)
    monkeypatch.setattr(store, "available_cores", lambda: 2)

    report = store.synchronise(documents)

    assert (report.processes, report.embedded, report.written) == (2, 5, 5)
    stored = dict(DocumentVector.objects.values_list("doc_id", "vector"))
    here = embed([document_text(document) for document in documents])
    for document, vector in zip(documents, here, strict=True):
        assert np.allclose(np.frombuffer(stored[document.id], dtype="<f4"), vector, atol=1e-6)
