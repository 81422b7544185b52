"""Calibrating ``MIN_SCORE`` of the sentence encoder on the demo content.

    .venv/bin/python manage.py load_demo_content      # once, on the database in use
    .venv/bin/python bench/semantic_calibration.py

Paraphrases of demo lessons, stories and resources in French, Spanish and English (written
without their words) against queries about nothing the hub holds. Prints, for each, the best
score of the expected document (over its translations) and its rank among translation
groups, and for each unrelated query its best score against any document: the threshold
belongs between the unrelated queries' best and the paraphrases that rank first. Run it
again after a model change (search/semantic/__init__.py records the last measurement).
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PARAPHRASES = [
    (
        "comment rédiger un seul rapport commun pour tous les membres du consortium",
        "One reporting approach for the whole consortium",
    ),
    ("ne pas arriver avec des solutions toutes faites", "Stop packaging solutions in advance"),
    (
        "séparer les groupes de formation du personnel et des partenaires",
        "Separate cohorts for staff and partners",
    ),
    (
        "évaluer nos propres façons de travailler et pas seulement les résultats",
        "Evaluate your own processes, not only results",
    ),
    ("revoir qui sont nos parties prenantes", "Revisit who your stakeholders are"),
    ("apprender junto a los socios durante varios años", "Learn alongside partners, over years"),
    (
        "prever la interpretación desde el diseño del evento",
        "Plan interpretation into the design from the start",
    ),
    (
        "un facilitador externo ayudó a mantener la reunión en orden",
        "Outside facilitation kept the day on track",
    ),
    ("cursos cortos diarios para gente ocupada", "Short daily nuggets keep busy people learning"),
    ("ser un amigo crítico y no un experto", "Act as a critical friend"),
    (
        "transmitir estrategias mediante formación estructurada",
        "Pass strategies on through structured training",
    ),
    ("intégrer l'inclusion dans la planification", "Make inclusion part of every plan"),
    (
        "faire le bilan avant de planifier la phase suivante",
        "Review the last phase before planning the next",
    ),
    (
        "una sola forma de informar para todo el consorcio",
        "One reporting approach for the whole consortium",
    ),
    (
        "séances virtuelles: une liste de vérification avant de commencer",
        "Checklist before a virtual session",
    ),
    (
        "plantilla de análisis FODA para una revisión del consorcio",
        "SWOT analysis template for a consortium review",
    ),
    ("planifier l'atelier e!quality en une journée", "Planning e!quality 2.0 in one day in Dhaka"),
    (
        "aprender a facilitar reuniones en línea unos minutos al día",
        "Learning to run good meetings online, a few minutes a day",
    ),
    (
        "repenser notre théorie du changement avec des partenaires",
        "Rethinking our theory of change with learning partners",
    ),
    (
        "how to sustain a network or close it well",
        "Topic 8: Sustaining a network, or closing it well",
    ),
    (
        "how partners in a consortium can report the same way",
        "One reporting approach for the whole consortium",
    ),
    (
        "bring people from outside to facilitate the workshop",
        "Outside facilitation kept the day on track",
    ),
    (
        "cómo incluir a las personas con discapacidad en la planificación",
        "Make inclusion part of every plan",
    ),
    (
        "apprendre un peu chaque jour quand on n'a pas le temps",
        "Short daily nuggets keep busy people learning",
    ),
    ("preguntar y escuchar en lugar de dar respuestas", "Act as a critical friend"),
]
UNRELATED = [
    "recette de gâteau au chocolat",
    "resultados del partido de fútbol de ayer",
    "how to fix a car engine",
    "qxzvjw",
    "weather tomorrow in Paris",
    "best smartphone 2024",
    "chat noir dort sur le canapé",
    "precio del petróleo hoy",
    "guitar chords for beginners",
    "le train de 8h15 est en retard",
    "tax return deadline",
    "zebra",
    "cheap flights to Madrid",
    "symptômes de la grippe chez l'enfant",
    "cómo plantar tomates en el jardín",
    "Champions League final score",
    "réparer une fuite sous l'évier",
    "mejores series de televisión",
    "knitting pattern for a scarf",
    "horaires d'ouverture de la piscine",
    "python list comprehension",
    "receta de paella valenciana",
    "dog training tips",
    "prix de l'immobilier à Lyon",
    "I need a plumber to repair the heating in my flat before winter",
    "quelle est la meilleure façon de cuire des pâtes al dente sans qu'elles collent",
    "¿cuál es el mejor momento para viajar a Japón para ver los cerezos en flor?",
    "history of the Roman empire",
    "how many calories in a banana",
    "comment apprendre à nager à 40 ans",
    "el precio de los billetes de avión ha subido",
    "mortgage interest rates",
    "wedding dress shops",
    "install printer driver windows",
    "la coupe du monde de rugby",
    "vacaciones en la playa con niños",
]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    import django

    django.setup()
    from search.indexing import all_documents
    from search.semantic.encoder import MIN_SCORE, MODEL, document_text, embed

    documents = list(all_documents())
    if not documents:
        raise SystemExit("No documents: load the demo content first (load_demo_content).")
    matrix = embed([document_text(document) for document in documents])
    group = [document.translation_key or document.id for document in documents]
    titles = {document.title: group[n] for n, document in enumerate(documents)}

    found = []
    scores = embed([text for text, _title in PARAPHRASES]) @ matrix.T
    for (text, title), row in zip(PARAPHRASES, scores, strict=True):
        order, ranked = row.argsort()[::-1], []
        for n in order:
            if group[n] not in ranked:
                ranked.append(group[n])
        want = titles[title]
        best = max(row[n] for n in range(len(documents)) if group[n] == want)
        rank = ranked.index(want) + 1
        found.append((best, rank))
        print(f"{best:5.2f}  rank {rank:<2}  {text}")
    unrelated = (embed(UNRELATED) @ matrix.T).max(axis=1)
    for text, best in sorted(zip(UNRELATED, unrelated, strict=True), key=lambda p: p[1]):
        print(f"{best:5.2f}  unrelated {text}")
    firsts = [best for best, rank in found if rank == 1]
    print(
        f"\n{MODEL}: {len(firsts)}/{len(found)} paraphrases rank their document first, "
        f"scoring {min(firsts):.2f} to {max(firsts):.2f} (median {statistics.median(firsts):.2f}); "
        f"unrelated queries score at most {unrelated.max():.2f} "
        f"(median {statistics.median(unrelated):.2f}). MIN_SCORE = {MIN_SCORE}."
    )


if __name__ == "__main__":
    main()
