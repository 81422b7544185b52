"""Where a reader finds what has not been translated into their language yet.

Each language has its own page tree (wagtail-localize), so a French resource index lists only
the resources translated into French. Rather than hide the others, a list names the other
languages' versions of the same page that hold more, with how many more.
"""


def untranslated_elsewhere(page, model) -> list[dict]:
    """``[{"page", "language", "count"}]``: translations of ``page`` with live, public
    ``model`` pages below them that have no translation below ``page``."""
    here = model.objects.descendant_of(page).live().public().values_list("translation_key")
    found = []
    for other in page.get_translations().live().public().select_related("locale"):
        count = (
            model.objects.descendant_of(other)
            .live()
            .public()
            .exclude(translation_key__in=here)
            .count()
        )
        if count:
            found.append({"page": other, "language": other.locale.language_code, "count": count})
    return sorted(found, key=lambda entry: -entry["count"])
