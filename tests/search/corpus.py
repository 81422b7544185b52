"""A small multilingual corpus for the engine behaviour suite, and a reference implementation
of the facet rules in plain Python that every engine's answers are compared with."""

import datetime

from search.documents import FACETS, SearchDocument


def doc(n: int, title: str, *, locale="en", kind="lesson", body="", summary="", key="", **lists):
    return SearchDocument(
        id=f"{kind}:{n}",
        source=lists.pop("source", f"stories.casestorypage:{n}"),
        kind=kind,
        locale=locale,
        title=title,
        url=f"/{locale}/stories/{n}/",
        summary=summary,
        body=body,
        date=lists.pop("date", datetime.date(2018 + n % 6, 1 + n % 12, 1)),
        translation_key=key,
        **lists,
    )


def corpus() -> list[SearchDocument]:
    return [
        doc(
            1,
            "Facilitation of village committees",
            key="k1",
            body="The committee met weekly with two facilitators from the district.",
            countries=["BD", "NP"],
            regions=["034"],
            themes=["governance"],
            partners=["brac"],
            lesson_types=["what-worked"],
            audiences=["facilitators"],
        ),
        doc(
            2,
            "Clean water for health posts",
            key="k2",
            summary="Water points near clinics.",
            body="Health workers from the community kept the water committee running.",
            countries=["KE"],
            regions=["014"],
            themes=["health", "water"],
            partners=["amref"],
            lesson_types=["recommendation"],
            audiences=["governments"],
        ),
        doc(
            3,
            "Girls' education and community health",
            key="k3",
            body="Schools linked with community health outreach.",
            countries=["KE", "UG"],
            regions=["014"],
            themes=["education", "health"],
            partners=["amref", "brac"],
            lesson_types=["what-to-change"],
            audiences=["donors"],
        ),
        doc(
            4,
            "Budget tracking by citizens",
            kind="story",
            key="k4",
            body="Citizens read the district budget aloud at public hearings.",
            countries=["UG"],
            regions=["014"],
            themes=["governance"],
            partners=["sema"],
        ),
        doc(
            5,
            "Mobile money for savings groups",
            kind="resource",
            key="k5",
            body="A guide for facilitating savings groups with mobile wallets.",
            countries=["KE", "TZ"],
            regions=["014"],
            themes=["finance"],
            partners=["sema"],
            resource_types=["guide"],
            audiences=["cso"],
        ),
        doc(
            6,
            "Learning together across borders",
            kind="collaborative",
            key="k6",
            body="Partners from Bangladesh and Kenya compare what they learned about savings.",
            countries=["BD", "KE"],
            regions=["014", "034"],
            collaboratives=["east-south"],
            partners=["amref", "brac"],
        ),
        doc(
            7,
            "Amref Health Africa",
            kind="partner",
            key="k7",
            body="An African health organisation; <b>not</b> markup.",
            countries=["KE"],
            regions=["014"],
            organisation_types=["ingo"],
            partners=["amref"],
        ),
        doc(
            8,
            "Les comités de santé communautaire",
            locale="fr",
            key="k2",
            body="Les agents de santé ont fait vivre le comité de l'eau.",
            countries=["KE"],
            regions=["014"],
            themes=["health", "water"],
            partners=["amref"],
            lesson_types=["recommendation"],
        ),
        doc(
            9,
            "Écoles et santé au Sénégal",
            locale="fr",
            key="k9",
            body="Éducation des filles et santé communautaire.",
            countries=["SN"],
            regions=["011"],
            themes=["education"],
            partners=["enda"],
            lesson_types=["what-worked"],
        ),
        doc(
            10,
            "Comités de agua en Perú",
            locale="es",
            key="k10",
            body="Las comunidades gestionan el agua potable.",
            countries=["PE"],
            regions=["005"],
            themes=["water"],
            partners=["care-peru"],
        ),
    ]


def matches_filters(document: SearchDocument, filters, skip=None) -> bool:
    return all(
        set(values) & set(document.facet_values(facet))
        for facet, values in filters.items()
        if facet != skip
    )


def expected_facets(documents, filters) -> dict[str, dict[str, int]]:
    """Disjunctive counts: each facet ignores its own selection and honours the others."""
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        values: dict[str, int] = {}
        for document in documents:
            if matches_filters(document, filters, skip=facet):
                for value in document.facet_values(facet):
                    values[value] = values.get(value, 0) + 1
        counts[facet] = values
    return counts
