"""What a process that embeds for a large rebuild runs (``search.semantic.store.embedders``).

Apart from ``search.semantic``, whose package imports the models: a spawned process reads
these two functions' names before Django is set up, and ``start`` sets it up first.
"""


def start() -> None:
    import django

    django.setup()

    from search.semantic.encoder import pin_blas_threads

    pin_blas_threads()


def embed(texts: list[str]):
    from search.semantic.encoder import embed

    return embed(texts)
