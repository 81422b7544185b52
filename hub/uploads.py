"""Upload limits for documents (images use Wagtail's own ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``).

Wagtail has no size limit for documents; this form base (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)
adds one, so the single and the multiple uploader refuse a file above
``DOCUMENT_MAX_UPLOAD_SIZE`` with a message that gives both sizes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        # Only a newly uploaded file: editing the title of an older, larger one stays possible.
        if file and "file" in self.changed_data and file.size > limit:
            raise ValidationError(
                _("This file is too big (%(size)s). Documents may be at most %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            )
        return file
