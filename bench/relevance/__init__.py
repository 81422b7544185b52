"""The judged relevance set (stories, partners, queries) and its bench: `make bench-relevance`."""
