"""The "Translation status" admin report: HTML table with filters, and the same as CSV."""

import csv

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from .status import STATES, build_rows, page_kind_choices

REPORT_PERMISSION = "wagtail_localize.submit_translation"


def _partner_choices():
    try:
        partner_model = apps.get_model("network", "PartnerProfilePage")
    except LookupError:
        return []
    partners = partner_model.objects.filter(locale=Locale.get_default()).order_by("title")
    return [(str(pk), title) for pk, title in partners.values_list("pk", "title")]


class StatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["locale"].choices = everything + list(settings.LANGUAGES)
        self.fields["kind"].choices = everything + page_kind_choices() + [("theme", _("Theme"))]
        self.fields["partner"].choices = everything + _partner_choices()
        self.fields["state"].choices = everything + list(STATES.items())


def translation_status(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    form = StatusFilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    within_path = None
    if chosen.get("partner"):
        partner_pages = Page.objects.filter(pk=chosen["partner"])
        within_path = partner_pages.values_list("path", flat=True).first()
    locales, rows = build_rows(
        locale_codes=[chosen["locale"]] if chosen.get("locale") else None,
        kind=chosen.get("kind") or None,
        within_path=within_path,
        state=chosen.get("state") or None,
    )
    if request.GET.get("format") == "csv":
        return _csv_response(locales, rows)
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "hub/admin/translation_status.html",
        {
            "form": form,
            "locales": locales,
            "rows": rows,
            "csv_query": query.urlencode(),
            "header_title": _("Translation status"),
        },
    )


def _csv_response(locales, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    codes = [locale.language_code for locale in locales]
    writer.writerow(["title", "type", "source language", *codes])
    for row in rows:
        cells = [row.cells[code] for code in codes]
        writer.writerow(
            [row.title, row.kind, row.source_language]
            + [
                cell.state if cell.total is None else f"{cell.state} ({cell.done}/{cell.total})"
                for cell in cells
            ]
        )
    return response
