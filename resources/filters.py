"""Filtering the resource index through GET parameters.

Every parameter may repeat (``?type=guide&type=tool``): values of one parameter widen the
list (OR), different parameters narrow it (AND). Unknown values are dropped and reported in
a notice, never an error. The work is a fixed number of queries whatever the number of
resources: option lists come from one query each, the page of results is fetched with its
related rows prefetched.
"""

from dataclasses import dataclass, field

from django.conf import global_settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _

from hub.audiences import Audience
from hub.fields import KeyListField
from hub.languages import language_name
from hub.models import Theme
from hub.visibility import page_queryset

from .choices import RESOURCE_TYPES
from .models import ResourceFile, ResourcePage

PARAMETERS = ("type", "audience", "theme", "language", "partner")
KNOWN_LANGUAGES = {code for code, _name in global_settings.LANGUAGES}


@dataclass
class Option:
    value: str
    label: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    legend: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> list[str]:
        return [option.value for option in self.options if option.selected]


class ResourceFilters:
    def __init__(self, index_page, params):
        self.index = index_page
        self.params = params
        self.notices: list[str] = []
        self.base = index_page.resources()

    def _facets(self) -> list[Facet]:
        themes = Theme.objects.filter(locale_id=self.index.locale_id).order_by("name")
        languages = sorted(
            set(
                ResourceFile.objects.filter(page__in=self.base.values("pk")).values_list(
                    "language", flat=True
                )
            )
        )
        # Only live, public partner pages: a draft partner's name must not leak.
        partners = (
            page_queryset()
            .filter(pk__in=self.base.values("publisher_id"))
            .live()
            .public()
            .order_by("title")
        )
        choices = {
            "type": (_("Type"), [(key, str(name)) for key, name in RESOURCE_TYPES]),
            "audience": (_("Audience"), [(key, str(name)) for key, name in Audience.choices]),
            "theme": (_("Theme"), [(theme.slug, theme.name) for theme in themes]),
            "language": (_("Language"), [(code, language_name(code)) for code in languages]),
            "partner": (_("Partner"), [(page.slug, page.title) for page in partners]),
        }
        facets = []
        for name in PARAMETERS:
            legend, options = choices[name]
            requested = [value for value in self.params.getlist(name) if value != ""]
            known = {value for value, _label in options}
            if name == "language":
                # A real language with no resources yet is a valid, empty choice.
                known |= KNOWN_LANGUAGES & set(requested)
            unknown = [value for value in requested if value not in known]
            if unknown:
                self.notices.append(
                    _("Ignored unknown %(filter)s: %(values)s.")
                    % {"filter": legend.lower(), "values": ", ".join(unknown[:5])}
                )
            chosen = set(requested) & known
            facet = Facet(name, legend, [Option(v, lab, v in chosen) for v, lab in options])
            for value in sorted(chosen - {v for v, _lab in options}):
                facet.options.append(Option(value, language_name(value), True))
            facets.append(facet)
        return facets

    def _filtered(self, facets: list[Facet]):
        queryset = self.base
        selected = {facet.name: facet.selected for facet in facets}
        if selected["type"]:
            queryset = queryset.filter(resource_type__in=selected["type"])
        if selected["audience"]:
            condition = Q()
            for key in selected["audience"]:
                condition |= Q(audiences__contains=KeyListField.lookup(key))
            queryset = queryset.filter(condition)
        if selected["theme"]:
            queryset = queryset.filter(
                pk__in=ResourcePage.themes.through.objects.filter(
                    theme__slug__in=selected["theme"]
                ).values("resourcepage_id")
            )
        if selected["language"]:
            queryset = queryset.filter(
                pk__in=ResourceFile.objects.filter(language__in=selected["language"]).values(
                    "page_id"
                )
            )
        if selected["partner"]:
            queryset = queryset.filter(publisher__slug__in=selected["partner"])
        return queryset

    def context(self, per_page: int) -> dict:
        facets = self._facets()
        queryset = (
            self._filtered(facets)
            .select_related("locale", "publisher")
            .prefetch_related("files")
            .order_by("title", "pk")
        )
        paginator = Paginator(queryset, per_page)
        page_number = self.params.get("page", "1")
        if not page_number.isdigit() or not 1 <= int(page_number) <= paginator.num_pages:
            if page_number != "1":
                self.notices.append(_("That page of results does not exist; showing the first."))
            page_number = 1
        results = paginator.page(page_number)
        query = self.params.copy()
        query.pop("page", None)
        return {
            "facets": facets,
            "resources": results,
            "filter_notices": self.notices,
            "filtered": any(facet.selected for facet in facets),
            "filter_query": query.urlencode(),
        }
