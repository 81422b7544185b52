"""The columns of the lessons dataset, in order: name, type and meaning.

One list for everything that shows the shape of a row: the CSV header, the keys of a JSON
row, the data dictionary page and the OpenAPI schema. A "list" column is a JSON array, and in
the CSV its values joined with ``LIST_SEPARATOR``; the ``*_labels``/``*_names`` lists follow
the order of the keys beside them. Labels are in the lesson's own language.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LIST_SEPARATOR = "; "

STRING, INTEGER, LIST = "string", "integer", "list"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    meaning: Promise
    format: Promise | str = ""
    nullable: bool = False


COLUMNS = (
    Column("lesson_id", INTEGER, _("The lesson's identifier in this language."), _("Number")),
    Column(
        "lesson_group",
        STRING,
        _("The same for every translation of one lesson: rows with equal values are one lesson."),
        _("UUID"),
    ),
    Column("language", STRING, _("The language of the lesson."), _("Language code: en, fr, es")),
    Column("url", STRING, _("The lesson on the hub: its story's page, at the lesson."), "URL"),
    Column("headline", STRING, _("What was learned, in one sentence.")),
    Column("explanation", STRING, _("What happened and why it matters."), _("Plain text")),
    Column("kind", STRING, _("The kind of lesson."), "what-worked, what-to-change, recommendation"),
    Column("kind_label", STRING, _("The kind of lesson, in words.")),
    Column("audiences", LIST, _("Who the lesson is for."), _("Keys")),
    Column("audience_labels", LIST, _("Who the lesson is for, in words.")),
    Column("themes", LIST, _("Themes of the lesson and of its story."), _("Keys")),
    Column("theme_labels", LIST, _("The themes' names.")),
    Column(
        "story_id", INTEGER, _("The identifier of the story the lesson comes from."), _("Number")
    ),
    Column("story_group", STRING, _("The same for every translation of the story."), _("UUID")),
    Column("story_title", STRING, _("The title of the story.")),
    Column("story_url", STRING, _("The story's page."), "URL"),
    Column(
        "story_date",
        STRING,
        _("When the story was first published, as precisely as it is known."),
        _("ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY"),
    ),
    Column("story_date_precision", STRING, _("How much of the date is known."), "day, month, year"),
    Column(
        "story_language", STRING, _("The language of the story."), _("Language code: en, fr, es")
    ),
    Column(
        "story_translations",
        LIST,
        _("The story's page in each of its other languages."),
        _("URLs"),
    ),
    Column(
        "partner",
        STRING,
        _("The partner that published the story."),
        _("Key (the partner's address on the hub)"),
        nullable=True,
    ),
    Column("partner_name", STRING, _("The publishing partner's name."), nullable=True),
    Column(
        "partner_type",
        STRING,
        _("The publishing partner's type of organisation."),
        _("Key"),
        nullable=True,
    ),
    Column(
        "partner_type_label",
        STRING,
        _("The publishing partner's type of organisation, in words."),
        nullable=True,
    ),
    Column("involved_partners", LIST, _("Other partners involved in the story."), _("Keys")),
    Column("involved_partner_names", LIST, _("The involved partners' names.")),
    Column(
        "involved_partner_types",
        LIST,
        _("Each involved partner's type of organisation, in the same order."),
        _("Keys"),
    ),
    Column(
        "countries", LIST, _("Countries the story took place in."), _("ISO 3166-1 alpha-2 codes")
    ),
    Column("country_names", LIST, _("The countries' names.")),
    Column(
        "regions",
        LIST,
        _(
            "Every UN M49 region the countries belong to, at every level: continent, "
            "sub-region and intermediate region (002 Africa, 202 Sub-Saharan Africa, "
            "014 Eastern Africa)."
        ),
        _("M49 codes"),
    ),
    Column("region_names", LIST, _("The regions' names.")),
    Column(
        "collaborative",
        STRING,
        _("The learning collaborative the story came from."),
        _("Key"),
        nullable=True,
    ),
    Column("collaborative_name", STRING, _("The learning collaborative's name."), nullable=True),
    Column(
        "licence",
        STRING,
        _("The terms under which the story and its lessons may be reused."),
        _("SPDX identifier, or all-rights-reserved"),
    ),
    Column("licence_url", STRING, _("The licence's text."), "URL", nullable=True),
)

NAMES = tuple(column.name for column in COLUMNS)
LIST_COLUMNS = frozenset(column.name for column in COLUMNS if column.type == LIST)
