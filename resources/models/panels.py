"""Admin panels shared by the resource page types."""

from django.apps import apps

from wagtail.admin.panels import PageChooserPanel

PARTNER_PAGE_MODEL = "network.PartnerProfilePage"


class PartnerChooserPanel(PageChooserPanel):
    """A page chooser limited to partner profiles once that page type exists.

    The publisher is a plain foreign key to ``wagtailcore.Page`` so this app does not depend
    on the partner model's migrations; the chooser narrows itself when the model is there.
    """

    def __init__(self, field_name, **kwargs):
        kwargs.pop("page_type", None)
        super().__init__(field_name, **kwargs)

    def get_form_options(self):
        try:
            self.page_type = apps.get_model(PARTNER_PAGE_MODEL)
        except LookupError:
            self.page_type = None
        return super().get_form_options()
