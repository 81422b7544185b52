"""Benchmarks (never timed tests). ``bench`` is also a Django app, installed only by
``bench.settings``, holding the model Wagtail's own search backend indexes for comparison."""
