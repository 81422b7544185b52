"""Generated lessons with realistic shapes: Zipf-like word and value frequencies, several
countries and themes per item, three languages, mostly lessons. Seeded: every run is the same."""

from __future__ import annotations

import datetime
import random
from bisect import bisect
from itertools import accumulate

from search.documents import SearchDocument

DOMAIN = [
    "community",
    "health",
    "water",
    "sanitation",
    "education",
    "girls",
    "school",
    "teachers",
    "facilitation",
    "facilitator",
    "committee",
    "budget",
    "citizens",
    "savings",
    "groups",
    "mobile",
    "money",
    "women",
    "youth",
    "farmers",
    "agriculture",
    "climate",
    "resilience",
    "learning",
    "network",
    "partners",
    "donors",
    "government",
    "district",
    "village",
    "training",
    "mentoring",
    "leadership",
    "accountability",
    "advocacy",
    "nutrition",
    "maternal",
    "clinic",
    "volunteers",
    "monitoring",
    "evaluation",
    "data",
    "feedback",
    "participation",
    "dialogue",
    "trust",
    "local",
    "ownership",
    "capacity",
    "funding",
    "grants",
    "reporting",
    "flexibility",
    "adaptation",
    "peer",
    "exchange",
    "visits",
    "radio",
    "phones",
    "digital",
    "literacy",
    "markets",
    "livelihoods",
    "cooperative",
    "land",
    "rights",
    "justice",
    "violence",
    "protection",
    "disability",
    "inclusion",
    "refugees",
    "migration",
    "emergency",
    "recovery",
    "housing",
    "energy",
    "solar",
    "forest",
    "fisheries",
    "health",
    "workers",
    "hygiene",
    "latrines",
    "boreholes",
    "irrigation",
]
KINDS = (
    ["lesson"] * 70 + ["story"] * 15 + ["resource"] * 10 + ["collaborative"] * 3 + ["partner"] * 2
)
LOCALES = ["en"] * 7 + ["fr"] * 2 + ["es"]
COUNTRIES = [
    "BD",
    "KE",
    "UG",
    "TZ",
    "NP",
    "IN",
    "PK",
    "SN",
    "ML",
    "BF",
    "NE",
    "GH",
    "NG",
    "ET",
    "RW",
    "MW",
    "ZM",
    "ZW",
    "MZ",
    "CD",
    "CM",
    "CI",
    "GN",
    "SL",
    "LR",
    "PE",
    "BO",
    "CO",
    "EC",
    "GT",
    "HN",
    "NI",
    "SV",
    "MX",
    "BR",
    "HT",
    "PH",
    "ID",
    "KH",
    "LA",
    "MM",
    "VN",
    "AF",
    "YE",
    "SO",
    "SS",
    "SD",
    "LB",
    "JO",
    "SY",
    "TN",
    "MA",
    "EG",
    "ZA",
    "NA",
    "BW",
    "LS",
    "MG",
    "KG",
    "TJ",
]
REGIONS = ["014", "034", "011", "017", "005", "013", "035", "145", "015", "018", "030", "143"]
THEMES = [
    "health",
    "water",
    "education",
    "governance",
    "finance",
    "agriculture",
    "climate",
    "gender",
    "youth",
    "protection",
    "livelihoods",
]
PARTNERS = [f"partner-{n}" for n in range(300)]
COLLABORATIVES = [f"collaborative-{n}" for n in range(20)]
ORG_TYPES = ["cso", "cbo", "ingo", "government", "research", "network", "donor", "learning"]
RESOURCE_TYPES = ["guide", "tool", "template", "checklist", "e-course", "video", "report", "nugget"]
LESSON_TYPES = ["what-worked", "what-to-change", "recommendation"]
AUDIENCES = ["donors", "facilitators", "cso", "governments"]


_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def zipf_choice(rng: random.Random, values: list, skew: float = 1.1):
    """Value i with weight 1/(i+1)^skew: a few common values and a long tail."""
    key = (len(values), skew)
    if key not in _CUMULATIVE:
        _CUMULATIVE[key] = list(accumulate(1 / (i + 1) ** skew for i in range(len(values))))
    cumulative = _CUMULATIVE[key]
    return values[bisect(cumulative, rng.random() * cumulative[-1])]


def some(rng, values, low, high, skew=1.1):
    return sorted({zipf_choice(rng, values, skew) for _ in range(rng.randint(low, high))})


STOPWORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "with",
    "on",
    "that",
    "by",
    "is",
    "was",
    "as",
    "from",
    "at",
    "their",
    "they",
    "we",
    "it",
    "this",
    "be",
    "were",
    "are",
    "our",
    "have",
    "which",
    "or",
    "an",
    "not",
    "more",
    "all",
    "has",
    "but",
    "when",
    "who",
    "how",
    "what",
    "also",
    "can",
]


def vocabulary(size: int = 6000) -> list[str]:
    """Ranked words as text has them: function words first, then the domain's words spread
    through a long tail of rarer ones (so "education" is in a few % of lessons, not all)."""
    rng = random.Random(7)
    letters = "abcdefghiklmnoprstuvy"
    tail = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)}
    )
    rng.shuffle(tail)
    words = list(STOPWORDS)
    for index, word in enumerate(DOMAIN):
        words += tail[index * 6 : index * 6 + 6] + [word]
    return words + tail[len(DOMAIN) * 6 :]


def sentence(rng, words, length) -> str:
    return " ".join(zipf_choice(rng, words, 1.0) for _ in range(length)).capitalize() + "."


def lessons(n: int, seed: int = 42) -> list[SearchDocument]:
    rng = random.Random(seed)
    words = vocabulary()
    documents = []
    for i in range(n):
        kind = rng.choice(KINDS)
        countries = some(rng, COUNTRIES, 1, 3)
        documents.append(
            SearchDocument(
                id=f"{kind}:{i}",
                source=f"bench.item:{i // 3}",
                kind=kind,
                locale=rng.choice(LOCALES),
                title=sentence(rng, words, rng.randint(4, 9))[:-1],
                url=f"/bench/{i}/",
                summary=sentence(rng, words, rng.randint(12, 25)),
                body=" ".join(sentence(rng, words, rng.randint(8, 20)) for _ in range(6)),
                date=datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5800)),
                countries=countries,
                regions=some(rng, REGIONS, 1, 2),
                themes=some(rng, THEMES, 1, 3),
                collaboratives=some(rng, COLLABORATIVES, 0, 1),
                partners=some(rng, PARTNERS, 1, 2),
                organisation_types=some(rng, ORG_TYPES, 1, 1) if kind == "partner" else [],
                resource_types=some(rng, RESOURCE_TYPES, 1, 1) if kind == "resource" else [],
                lesson_types=some(rng, LESSON_TYPES, 1, 1) if kind == "lesson" else [],
                audiences=some(rng, AUDIENCES, 1, 2),
                translation_key=f"t{i // 2}",
            )
        )
    return documents


FILTER_FACETS = ["country", "theme", "partner", "lesson_type", "audience", "year"]


def queries(documents: list[SearchDocument], count: int = 200, seed: int = 3) -> list[dict]:
    """Mixed queries: one or two common words (some as a prefix or a phrase) and two filters
    on different facets, with values drawn from the documents themselves."""
    rng = random.Random(seed)
    english = [d for d in documents if d.locale == "en"]
    result = []
    for _ in range(count):
        word = DOMAIN[min(int(rng.expovariate(1 / 15)), len(DOMAIN) - 1)]
        shape = rng.random()
        if shape < 0.6:
            text = word
        elif shape < 0.8:
            text = f"{word} {rng.choice(DOMAIN[:30])}"
        else:
            text = word[: max(4, len(word) - 3)] + "*"
        sample = rng.choice(english)
        facets = rng.sample([f for f in FILTER_FACETS if sample.facet_values(f)], 2)
        filters = {f: [sample.facet_values(f)[0]] for f in facets}
        result.append({"text": text, "filters": filters})
    return result


def wide_queries(documents: list[SearchDocument], count: int = 20, seed: int = 5) -> list[dict]:
    """One common word and one wide filter, "this year or later" from a year that keeps about
    half of the documents: the shape the shared measurements of Wagtail's backends used
    (``filter(year__gte=Y).search(word)``), where a large candidate set is what costs."""
    rng = random.Random(seed)
    years = sorted({d.year for d in documents if d.year})
    ordered = sorted(d.year for d in documents if d.year)
    median = ordered[len(ordered) // 2]
    result = []
    for _ in range(count):
        word = DOMAIN[min(int(rng.expovariate(1 / 10)), len(DOMAIN) - 1)]
        since = rng.choice([y for y in years if y <= median][-3:])
        selected = [str(y) for y in years if y >= since]
        result.append(
            {"text": word, "filters": {"year": selected}, "wagtail_filters": {"year__gte": since}}
        )
    return result
