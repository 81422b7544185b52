"""The case story's admin form, made for a partner filling it in.

- Themes (the story's and each lesson's) are offered in the page's language only: the same theme
  exists once per language, and a list mixing "Education", "Éducation" and "Educación" reads as
  three themes.
- "Partners involved" offers the other partners' profiles in the story's language, never the
  publishing partner itself.
- Countries are a list of checkboxes with a filter box (``CountryChecklist``): 249 names in a
  Ctrl-click list were the form's hardest part; without JavaScript the list still works.
"""

from django import forms

from hub.media_choices import MediaChoiceForm
from hub.models import Theme
from network.models import PartnerProfilePage


class CountryChecklist(forms.CheckboxSelectMultiple):
    """Checkboxes in a scrolling box, with a filter field that narrows them as one types."""

    # Under the app: form widgets render with the app template folders, not templates/.
    template_name = "stories/widgets/country_checklist.html"

    class Media:
        css = {"all": ["hub/admin/country-checklist.css"]}
        js = ["hub/admin/country-checklist.js"]


class CaseStoryForm(MediaChoiceForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page, parent = self.instance, self.parent_page
        locale_id = page.locale_id or (parent.locale_id if parent else None)
        themes = Theme.objects.filter(locale_id=locale_id).order_by("name")
        if "themes" in self.fields:
            self.fields["themes"].queryset = themes
        if "partners_involved" in self.fields:
            publisher = parent if page.pk is None else page.get_parent()
            self.fields["partners_involved"].queryset = (
                PartnerProfilePage.objects.filter(locale_id=locale_id)
                .exclude(pk=getattr(publisher, "pk", None))
                .order_by("title")
            )
        if "countries" in self.fields:
            field = self.fields["countries"]
            field.widget = CountryChecklist(choices=field.choices)
        theme_keys = list(themes.values_list("slug", "name"))
        for form in self.formsets["lessons"].forms if "lessons" in self.formsets else []:
            if "themes" in form.fields:
                form.fields["themes"].choices = theme_keys
        if "lessons" in self.formsets:
            empty = self.formsets["lessons"].empty_form
            if "themes" in empty.fields:
                empty.fields["themes"].choices = theme_keys
