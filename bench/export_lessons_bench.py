"""The lessons dataset's export at 10k and 100k lessons: time and peak memory.

    python -m bench.export_lessons_bench [--sizes 10000 100000] [--formats csv jsonl]

Generates lessons by bulk insert (stories four lessons each, under 60 partners, three
languages, a third of the stories translated, themes, countries, partners involved) on a
database of the bench's own (``BENCH_DATABASE_URL``, default an SQLite file in bench/out/),
then runs ``manage.py export_lessons`` in a fresh process per size and format, so that each
process's peak resident memory (``ru_maxrss``) is its own; a second run under ``tracemalloc``
gives the peak of Python allocations. Flat memory from 10k to 100k shows the export streams.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("BENCH_DATABASE_URL", f"sqlite:///{OUT / 'export.sqlite3'}")

LESSONS_PER_STORY = 4
PARTNERS = 60
COUNTRIES = ["KE", "UG", "TZ", "NG", "GH", "SN", "CO", "PE", "MX", "BD", "IN", "NP", "PH", "US"]
WORDS = [
    "community",
    "budget",
    "hearing",
    "council",
    "school",
    "water",
    "clinic",
    "women",
    "youth",
    "farmers",
]


def setup_django():
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()


def _text(rng, n) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def ensure_tree():
    """The home page, a partner index, partners and themes, made the ordinary way once."""
    from wagtail.models import Locale, Site

    from hub.factories import ThemeFactory
    from hub.models import Theme
    from network.factories import PartnerIndexPageFactory, PartnerProfilePageFactory
    from network.models import OrganisationType, PartnerProfilePage

    for code in ("fr", "es"):
        Locale.objects.get_or_create(language_code=code)
    if not Theme.objects.exists():
        for name in ("Education", "Health", "Water", "Budgets", "Agriculture", "Gender"):
            ThemeFactory(name=name)
    if PartnerProfilePage.objects.count() < PARTNERS:
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = PartnerIndexPageFactory(parent=home)
        types = list(OrganisationType.values)
        for n in range(PARTNERS):
            PartnerProfilePageFactory(
                parent=index, title=f"Bench partner {n}", organisation_type=types[n % len(types)]
            )
    return list(PartnerProfilePage.objects.order_by("pk"))


def generate(total: int, seed: int = 7) -> None:
    """Add stories and lessons by bulk insert until there are ``total`` lessons."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page

    from hub.models import Theme
    from stories.models import CaseStoryPage, Lesson, LessonKind

    partners = ensure_tree()
    existing = Lesson.objects.count()
    if existing >= total:
        return
    rng = random.Random(seed + existing)
    locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
    themes = list(Theme.objects.filter(locale_id=locales["en"]).values_list("pk", "slug"))
    content_type = ContentType.objects.get_for_model(CaseStoryPage)
    kinds, audiences = list(LessonKind.values), ["donors", "facilitators", "csos", "governments"]
    children = {p.pk: Page.objects.get(pk=p.pk).numchild for p in partners}
    stories_needed = -(-(total - existing) // LESSONS_PER_STORY)
    batch = 1000
    for start in range(0, stories_needed, batch):
        with transaction.atomic():
            pages, details, group = [], [], None
            for n in range(start, min(start + batch, stories_needed)):
                partner = partners[rng.randrange(len(partners))]
                children[partner.pk] += 1
                slug = f"story-{existing}-{n}"
                # A third of the stories is the translation of the one before it.
                translated = group is not None and n % 3 == 1
                group = group if translated else uuid.uuid4()
                language = rng.choice(["fr", "es"]) if translated else "en"
                pages.append(
                    Page(
                        title=_text(rng, 6),
                        draft_title="",
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(partner.path, partner.depth + 1, children[partner.pk]),
                        depth=partner.depth + 1,
                        numchild=0,
                        url_path=f"{partner.url_path}{slug}/",
                        live=True,
                        locale_id=locales[language],
                        translation_key=group,
                        first_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
                    )
                )
                details.append(
                    {
                        "countries": rng.sample(COUNTRIES, rng.randint(1, 3)),
                        "themes": rng.sample(themes, rng.randint(1, 2)),
                        "involved": rng.sample(partners, rng.randint(0, 2)),
                        "language": language,
                    }
                )
            Page.objects.bulk_create(pages)
            stories = [
                CaseStoryPage(
                    page_ptr_id=page.pk,
                    standfirst=_text(rng, 20),
                    publication_date=datetime.date(rng.randint(2015, 2025), 1, 1),
                    date_precision="year",
                    countries=detail["countries"],
                    body="[]",
                )
                for page, detail in zip(pages, details, strict=True)
            ]
            CaseStoryPage._base_manager.all()._insert(
                stories, fields=CaseStoryPage._meta.local_concrete_fields
            )
            CaseStoryPage.themes.through.objects.bulk_create(
                CaseStoryPage.themes.through(casestorypage_id=page.pk, theme_id=theme_pk)
                for page, detail in zip(pages, details, strict=True)
                for theme_pk, _slug in detail["themes"]
            )
            CaseStoryPage.partners_involved.through.objects.bulk_create(
                CaseStoryPage.partners_involved.through(
                    casestorypage_id=page.pk, partnerprofilepage_id=other.pk
                )
                for page, detail in zip(pages, details, strict=True)
                for other in detail["involved"]
            )
            Lesson.objects.bulk_create(
                Lesson(
                    story_id=page.pk,
                    locale_id=locales[detail["language"]],
                    translation_key=uuid.uuid4(),
                    sort_order=k,
                    headline=_text(rng, 8),
                    slug=f"lesson-{k}",
                    explanation=_text(rng, 60),
                    kind=rng.choice(kinds),
                    audiences=rng.sample(audiences, rng.randint(0, 2)),
                    themes=[slug for _pk, slug in rng.sample(themes, rng.randint(0, 1))],
                )
                for page, detail in zip(pages, details, strict=True)
                for k in range(LESSONS_PER_STORY)
            )
    for partner in partners:
        Page.objects.filter(pk=partner.pk).update(numchild=children[partner.pk])


def measure(fmt: str, traced: bool) -> dict:
    """Export once to a file; time, rows, bytes, peak memory of this process."""
    import resource
    import tracemalloc

    from django.core.management import call_command

    target = OUT / f"lessons.{fmt}"
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    call_command("export_lessons", "--format", fmt, "--output", str(target))
    seconds = time.perf_counter() - started
    result = {
        "seconds": seconds,
        "bytes": target.stat().st_size,
        "rows": sum(1 for _ in target.open("rb")) - (fmt == "csv"),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if traced:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result


def _run_measure(fmt: str, traced: bool) -> dict:
    command = [sys.executable, "-m", "bench.export_lessons_bench", "--measure", fmt]
    if traced:
        command.append("--traced")
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "jsonl"])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    setup_django()
    if args.measure:
        print(json.dumps(measure(args.measure, args.traced)))
        return

    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"database: {connection.vendor} · load: {os.getloadavg()}")
    print(
        "| lessons | format | generate s | export s | rows/s | MB written | peak RSS MB | "
        "peak traced MB |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sorted(args.sizes):
        started = time.perf_counter()
        generate(size)
        generated = time.perf_counter() - started
        for fmt in args.formats:
            plain = _run_measure(fmt, traced=False)
            traced = _run_measure(fmt, traced=True)
            print(
                f"| {plain['rows']:,} | {fmt} | {generated:.1f} | {plain['seconds']:.1f} | "
                f"{plain['rows'] / plain['seconds']:,.0f} | {plain['bytes'] / 2**20:.1f} | "
                f"{plain['maxrss_mb']:.0f} | {traced['traced_peak_mb']:.1f} |",
                flush=True,
            )
            generated = 0.0
    print(f"load at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
