import time

from django.core.management.base import BaseCommand, CommandError

from search.engines import SearchUnavailable, es_client, get_engine, indexing_engines
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es_client import redact
from search.indexing import all_documents
from search.semantic import store as vectors
from search.semantic.encoder import MODEL, MODEL_VERSION, enabled


class ProgressBar:
    """A one-line bar on stderr, redrawn at most every 2%: no dependency, no flood."""

    def __init__(self, stream, total: int, label: str, width: int = 30):
        self.stream, self.total, self.label, self.width = stream, max(total, 1), label, width
        self.done, self.drawn = 0, -1

    def __call__(self, step: int = 1) -> None:
        self.done += step
        percent = min(100, self.done * 100 // self.total)
        if percent // 2 != self.drawn // 2 or self.done >= self.total:
            self.drawn = percent
            filled = self.width * percent // 100
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}", ending="")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("")


class Command(BaseCommand):
    help = (
        "Rebuild the public search index from every indexable model: the database engine, "
        "and Elasticsearch too when ELASTICSEARCH_URL is set (or the one named by --engine), "
        "then the sentence embeddings of the documents whose text or model changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=["database", "elasticsearch"])
        parser.add_argument(
            "--embeddings",
            action="store_true",
            help="Only the sentence embeddings (e.g. after a model change); not the engines.",
        )

    def handle(self, *args, engine=None, embeddings=False, **options):
        try:
            engines = [] if embeddings else [get_engine(engine)] if engine else indexing_engines()
        except Exception as error:  # e.g. --engine elasticsearch without ELASTICSEARCH_URL
            raise CommandError(f"Cannot use the {engine} engine: {redact(str(error))}") from error
        # Every cluster answers before any work starts: one clear line, not a half rebuild.
        for search_engine in engines:
            if isinstance(search_engine, ElasticsearchEngine):
                self.check_cluster(search_engine)
        started = time.perf_counter()
        documents = list(all_documents())
        collected = time.perf_counter() - started
        for search_engine in engines:
            is_elasticsearch = isinstance(search_engine, ElasticsearchEngine)
            before = self.aliases(search_engine) if is_elasticsearch else {}
            start = time.perf_counter()
            bar = ProgressBar(self.stderr, len(documents), f"{search_engine.name}:")
            try:
                count = search_engine.rebuild(documents, progress=bar)
            except SearchUnavailable as error:
                raise CommandError(self.explain(search_engine, error)) from error
            finally:
                bar.close()
            seconds = collected + time.perf_counter() - start
            rate = count / seconds if seconds > 0 else 0
            self.stdout.write(
                f"Indexed {count} documents into {search_engine.name} in {seconds:.2f} s "
                f"({rate:.0f} documents/s)."
            )
            if is_elasticsearch:
                self.report_indices(before, self.aliases(search_engine))
        self.embed(documents, collected)

    def embed(self, documents, collected: float) -> None:
        bar = ProgressBar(self.stderr, len(documents), "embeddings:")
        try:
            report = vectors.synchronise(documents, progress=bar)
        finally:
            bar.close()
        if not enabled():
            self.stdout.write(
                f"Semantic search is off (SEARCH_SEMANTIC): {report.deleted} vectors removed."
            )
            return
        seconds = collected + report.seconds
        self.stdout.write(
            f"Embedded {report.embedded} of {report.documents} documents with {MODEL} "
            f"{MODEL_VERSION} in {seconds:.2f} s ({report.embedded / max(seconds, 1e-9):.0f} "
            f"documents/s, {report.processes} embedding process"
            f"{'es' if report.processes > 1 else ''}); "
            f"{report.documents - report.embedded} unchanged, {report.deleted} removed."
        )

    def check_cluster(self, search_engine) -> None:
        try:
            found = es_client.check(search_engine.client, search_engine.url)
        except SearchUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Elasticsearch at {es_client.describe(search_engine.url)}: {found}.")

    def aliases(self, search_engine) -> dict[str, str]:
        try:
            return search_engine.alias_targets()
        except SearchUnavailable as error:
            raise CommandError(self.explain(search_engine, error)) from error

    def explain(self, search_engine, error: SearchUnavailable) -> str:
        cause = error.__cause__
        if isinstance(search_engine, ElasticsearchEngine) and cause is not None:
            return es_client.explain(cause, search_engine.url)
        return redact(str(error))

    def report_indices(self, before: dict[str, str], after: dict[str, str]) -> None:
        swapped = ", ".join(f"{alias} -> {index}" for alias, index in sorted(after.items()))
        self.stdout.write(f"Built and swapped in: {swapped}.")
        dropped = sorted(set(before.values()) - set(after.values()))
        if dropped:
            self.stdout.write(f"Dropped the indices they replaced: {', '.join(dropped)}.")
