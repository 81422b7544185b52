"""The vocabulary of indexed words (``IndexedWord``): kept by the database engine as it
writes documents, read for spelling suggestions on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from rapidfuzz.distance import OSA

from search.analysis import Phrase, Query, corrected
from search.engines.dialect import WORDS

MAX_WORD = 64


def add_words(cursor, counts: Counter) -> None:
    """How many documents hold each word, moved by ``counts`` (negative: documents removed)."""
    rows = sorted((w, n) for w, n in counts.items() if n and len(w) <= MAX_WORD)
    iterator = iter(rows)
    while batch := list(islice(iterator, 1000)):
        cursor.executemany(
            f"INSERT INTO {WORDS} (word, documents) VALUES (%s, %s) ON CONFLICT (word) "
            f"DO UPDATE SET documents = {WORDS}.documents + excluded.documents",
            batch,
        )
    if any(n < 0 for _, n in rows):
        cursor.execute(f"DELETE FROM {WORDS} WHERE documents <= 0")


def suggestion(cursor, text: str, query: Query) -> str | None:
    """``text`` with each word the index has never seen replaced by the closest word it
    has; None when every word is known or nothing is close."""
    words = [p.word for p in query.parts if not isinstance(p, Phrase) and not p.prefix]
    if not words:
        return None
    cursor.execute(
        f"SELECT word FROM {WORDS} WHERE word IN ({', '.join(['%s'] * len(words))})", words
    )
    known = {row[0] for row in cursor.fetchall()}
    fixes = {}
    for word in words:
        if word in known or len(word) < 4 or word.isdigit():
            continue
        # A slip of the keyboard: one letter wrong, missing, extra or two swapped (two in
        # words of seven letters or more), not another word: "socail" is "social",
        # "transparancy" is "transparency", "apps" is not "appris".
        allowed = 1 if len(word) < 7 else 2
        cursor.execute(
            f"SELECT word, documents FROM {WORDS} WHERE word >= %s AND word < %s "
            "AND LENGTH(word) BETWEEN %s AND %s",
            [word[0], word[0] + "\uffff", len(word) - allowed, len(word) + allowed],
        )
        candidates = [
            (OSA.distance(word, other, score_cutoff=allowed), -count, other)
            for other, count in cursor.fetchall()
        ]
        close = sorted(c for c in candidates if c[0] <= allowed)
        if close:
            fixes[word] = close[0][2]
    return corrected(text, fixes) if fixes else None
