"""Search by meaning, across languages: multilingual sentence embeddings of the search
documents, the documents nearest to a text, and related lessons on story pages.

- ``encoder``: the model (multilingual Universal Sentence Encoder v3), loaded once per
  process on first use; what text of a document is embedded.
- ``store``: the vectors in ``DocumentVector`` rows, written beside every engine update
  (``search.indexing``) and by ``rebuild_search_index``.
- ``index``: every vector of the current model in one in-process matrix; ``nearest()``.
- ``related``: related lessons for a story page.

``SEARCH_SEMANTIC = False`` turns it all off: no model is loaded, nothing is embedded,
``nearest()`` and ``related_lessons()`` answer ``[]``.

Calibrating ``MIN_SCORE`` (0.22 for use-multilingual-v3; ``bench/semantic_calibration.py``
repeats the measurement on the demo content): 25 French, Spanish and English paraphrases of
demo lessons, stories and resources, written without their words, against 36 queries about
nothing the hub holds (recipes, sport, travel, plumbing, in the three languages). Every
unrelated query scored at most 0.20 against every document (median of their best scores
0.12). The paraphrases whose document ranked first scored 0.22 to 0.61 (median 0.37); the
four that scored below 0.20 did not rank their document first anyway. So 0.22 drops all the
unrelated queries and loses no hit the model ranks first. Scores are model-specific: after a
model change, measure again. On a much larger corpus the best unrelated score grows (more
documents to be close by chance); the keyword ranking stays the stronger signal for words
that occur in a document, and the fusion should weigh semantic-only hits accordingly.

Moving to Elasticsearch's own vector search when one process can no longer hold the matrix:
index the stored vectors in a ``dense_vector`` field (512 dimensions, cosine) of the same
documents and ask a ``knn`` query with the facet filters as its ``filter``; the stored rows
are what a reindex reads, so nothing is embedded again.
"""

from search.semantic.encoder import MIN_SCORE, MODEL, MODEL_VERSION, embed, enabled
from search.semantic.index import nearest
from search.semantic.related import related_lessons

__all__ = ["MIN_SCORE", "MODEL", "MODEL_VERSION", "embed", "enabled", "nearest", "related_lessons"]
