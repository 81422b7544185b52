"""Judging ranked stories against the judged set: recall@10, MRR, nDCG@10, and the tables.

Judgement is at story level: a ranked list of hits becomes a ranked list of distinct stories
(a lesson counts for its story, at the rank of the first hit of that story), and the first
ten stories are judged. A query's ``first`` story has gain 2 in nDCG, its other relevant
stories gain 1; MRR is the reciprocal rank of the first relevant story of any kind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CUTOFF = 10
KINDS = ("keywords", "question", "absent", "misspelling", "cross-language", "facets")


@dataclass
class Judged:
    query: dict
    ranked: list[str]  # distinct story slugs, best first
    recall: float
    reciprocal_rank: float
    ndcg: float
    first_ok: bool | None  # None when the query names no first story


def judge(query: dict, ranked: list[str]) -> Judged:
    relevant = set(query["relevant"])
    top = ranked[:CUTOFF]
    recall = len(relevant & set(top)) / len(relevant)
    rank = next((i + 1 for i, slug in enumerate(top) if slug in relevant), None)
    first = query.get("first")
    return Judged(
        query=query,
        ranked=ranked,
        recall=recall,
        reciprocal_rank=1 / rank if rank else 0.0,
        ndcg=ndcg(top, relevant, first),
        first_ok=None if not first else bool(top) and top[0] == first,
    )


def gain(slug: str, relevant: set[str], first: str | None) -> int:
    if slug == first:
        return 2
    return 1 if slug in relevant else 0


def ndcg(top: list[str], relevant: set[str], first: str | None) -> float:
    dcg = sum(gain(s, relevant, first) / math.log2(i + 2) for i, s in enumerate(top))
    ideal = sorted((gain(s, relevant, first) for s in relevant), reverse=True)[:CUTOFF]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def summary(results: list[Judged]) -> dict:
    firsts = [r.first_ok for r in results if r.first_ok is not None]
    n = len(results) or 1
    return {
        "queries": len(results),
        "recall": sum(r.recall for r in results) / n,
        "mrr": sum(r.reciprocal_rank for r in results) / n,
        "ndcg": sum(r.ndcg for r in results) / n,
        "first": (sum(firsts) / len(firsts)) if firsts else None,
        "first_n": len(firsts),
    }


def by_kind(results: list[Judged]) -> dict[str, dict]:
    rows = {"all": summary(results)}
    for kind in KINDS:
        chosen = [r for r in results if r.query["kind"] == kind]
        if chosen:
            rows[kind] = summary(chosen)
    return rows


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _first(row: dict) -> str:
    return "–" if row["first"] is None else f"{row['first']:.2f} ({row['first_n']})"


def engine_table(title: str, runs: dict[str, dict[str, dict]]) -> str:
    """One engine: a row per kind, the figures of each run (as configured, keyword alone)."""
    labels = list(runs)
    head = "| kind | queries | " + " | ".join(
        f"recall@10 {label} | MRR {label} | nDCG@10 {label} | first {label}" for label in labels
    )
    lines = [f"### {title}", "", head + " |", "| --- | ---: |" + " ---: |" * 4 * len(labels)]
    for kind in runs[labels[0]]:
        cells = []
        for label in labels:
            row = runs[label][kind]
            cells += [_number(row["recall"]), _number(row["mrr"]), _number(row["ndcg"])]
            cells.append(_first(row))
        queries = runs[labels[0]][kind]["queries"]
        lines.append(f"| {kind} | {queries} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_table(rows: list[tuple[str, str, dict]]) -> str:
    """Every engine and run on one line each: overall figures and the two hard kinds."""
    lines = [
        "| engine | ranking | recall@10 | MRR | nDCG@10 | first | cross-language recall | "
        "misspelling recall |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for engine, label, kinds in rows:
        overall = kinds["all"]
        cross = kinds.get("cross-language", {}).get("recall")
        typo = kinds.get("misspelling", {}).get("recall")
        lines.append(
            f"| {engine} | {label} | {_number(overall['recall'])} | {_number(overall['mrr'])} | "
            f"{_number(overall['ndcg'])} | {_first(overall)} | {_number(cross)} | {_number(typo)} |"
        )
    return "\n".join(lines)
