"""The story index's filters: plain GET parameters, validated; unknown values become notices.

Every parameter takes one value. A value that is unknown or malformed is dropped with a
notice the page shows, so a mistyped or stale link still gives a useful page and never a 500.
"""

import datetime
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from django_countries import countries as country_names

from hub import regions
from hub.models import Theme
from network.models import LearningCollaborativePage, PartnerProfilePage

FILTER_NAMES = ("country", "region", "theme", "partner", "collaborative", "year")
FILTER_LABELS = {
    "country": _("Country"),
    "region": _("Region"),
    "theme": _("Theme"),
    "partner": _("Partner"),
    "collaborative": _("Learning collaborative"),
    "year": _("Year"),
}


class StoryFilters:
    def __init__(self, params, locale):
        self.locale = locale
        self.values: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.notices: list[str] = []
        self._objects: dict[str, object] = {}
        for name in FILTER_NAMES:
            raw = (params.get(name) or "").strip()
            if raw:
                getattr(self, f"_check_{name}")(raw[:100])

    def _reject(self, name, raw):
        self.notices.append(
            _("The filter %(name)s=“%(value)s” is not known and was ignored.")
            % {"name": name, "value": raw}
        )

    def _accept(self, name, value, label, obj=None):
        self.values[name] = value
        self.labels[name] = str(label)
        if obj is not None:
            self._objects[name] = obj

    def _check_country(self, raw):
        code = raw.upper()
        if code in dict(country_names):
            self._accept("country", code, country_names.name(code))
        else:
            self._reject("country", raw)

    def _check_region(self, raw):
        if raw.isdigit() and regions.is_region(raw):
            self._accept("region", raw, regions.region_name(raw, self.locale.language_code))
        else:
            self._reject("region", raw)

    def _check_theme(self, raw):
        theme = Theme.objects.filter(slug=raw, locale=self.locale).first()
        theme = theme or Theme.objects.filter(slug=raw).first()
        if theme:
            self._accept("theme", raw, theme.name)
        else:
            self._reject("theme", raw)

    def _check_partner(self, raw):
        # Live, public pages only: a restricted page's slug must not reveal its title.
        found = PartnerProfilePage.objects.live().public().filter(slug=raw, locale=self.locale)
        partner = found.first()
        if partner:
            self._accept("partner", raw, partner.title, partner)
        else:
            self._reject("partner", raw)

    def _check_collaborative(self, raw):
        found = LearningCollaborativePage.objects.live().public()
        found = found.filter(slug=raw, locale=self.locale)
        collaborative = found.first()
        if collaborative:
            self._accept("collaborative", raw, collaborative.title, collaborative)
        else:
            self._reject("collaborative", raw)

    def _check_year(self, raw):
        if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= datetime.date.today().year + 1:
            self._accept("year", raw, raw)
        else:
            self._reject("year", raw)

    def apply(self, stories):
        values = self.values
        if "country" in values:
            # Codes are two letters joined by commas, so a substring match is exact.
            stories = stories.filter(countries__contains=values["country"])
        if "region" in values:
            codes = regions.countries_in(values["region"])
            stories = stories.filter(reduce(or_, (Q(countries__contains=c) for c in codes)))
        if "theme" in values:
            stories = stories.filter(themes__slug=values["theme"]).distinct()
        if "partner" in values:
            partner = self._objects["partner"]
            stories = stories.filter(
                Q(path__startswith=partner.path)
                # The relation is synchronised: a translated story may hold the source pages.
                | Q(partners_involved__translation_key=partner.translation_key)
            ).distinct()
        if "collaborative" in values:
            stories = stories.filter(collaborative=self._objects["collaborative"])
        if "year" in values:
            stories = stories.filter(publication_date__year=int(values["year"]))
        return stories

    @property
    def active(self) -> list[tuple[str, str, str]]:
        """(name, value, label) of each filter in use, with the link that removes it."""
        return [
            (name, self.labels[name], self.querystring(without=name))
            for name in FILTER_NAMES
            if name in self.values
        ]

    def querystring(self, without=None) -> str:
        return urlencode({k: v for k, v in self.values.items() if k != without})

    def _partner_options(self, stories) -> list[tuple[str, str]]:
        """Partners with at least one of these stories (published or involved), each with
        how many: a partner without stories would only lead to "no story matches"."""
        paths, involved = {}, {}
        for pk, path, key in stories.values_list(
            "pk", "path", "partners_involved__translation_key"
        ):
            paths[pk] = path
            if key:
                involved.setdefault(key, set()).add(pk)
        partners = (
            PartnerProfilePage.objects.live()
            .public()
            .filter(locale=self.locale)
            .order_by("title")
            .values_list("slug", "title", "path", "translation_key")
        )
        options = []
        for slug, title, path, key in partners:
            found = {pk for pk, story_path in paths.items() if story_path.startswith(path)}
            found |= involved.get(key, set())
            if found:
                options.append((slug, f"{title} ({len(found)})"))
        return options

    def form_fields(self, stories) -> list[dict]:
        """The select boxes of the filter form, offering only values that find something."""
        codes, years = set(), set()
        # Countries and years in one pass over two small columns of the stories.
        for value, published in stories.values_list("countries", "publication_date"):
            # values_list skips the field's conversion: the raw column is "BD,KE".
            items = value.split(",") if isinstance(value, str) else value or []
            codes.update(getattr(c, "code", c) for c in items if c)
            years.add(published.year)
        language = self.locale.language_code
        used_themes = Theme.objects.filter(
            locale=self.locale, slug__in=stories.values("themes__slug")
        ).order_by("name")
        options = {
            "country": sorted(
                ((code, country_names.name(code)) for code in codes), key=lambda x: x[1]
            ),
            # An outline in tree order, indented with no-break spaces (a <select> has no
            # other way to show levels): Africa, Sub-Saharan Africa, Eastern Africa.
            "region": [
                (code, "\u00a0\u00a0" * regions.level(code) + regions.region_name(code, language))
                for code in regions.in_tree_order(regions.region_codes_for(codes), language)
            ],
            "theme": list(used_themes.values_list("slug", "name")),
            "partner": self._partner_options(stories),
            "collaborative": list(
                LearningCollaborativePage.objects.live()
                .public()
                .filter(locale=self.locale)
                .order_by("title")
                .values_list("slug", "title")
            ),
            "year": [(str(year), str(year)) for year in sorted(years, reverse=True)],
        }
        return [
            {
                "name": name,
                "label": FILTER_LABELS[name],
                "options": options[name],
                "selected": self.values.get(name, ""),
            }
            for name in FILTER_NAMES
        ]
