"""Images under ``/media/``, in every environment and either storage; documents never.

Uploaded files live in MEDIA_ROOT, or in a bucket (hub/media_storage.py): images and their
renditions (public, like every Wagtail image) and documents (which may sit in a private
collection). Serving the whole folder would hand out private documents to anyone who
guesses a file name, so only the two image folders are served, and only image files;
documents go through Wagtail's serve view (``/documents/``), which checks the collection's
view restrictions. With object storage, pages link images at the bucket (or its CDN)
directly; an older ``/media/`` image link is redirected there, never a document's.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

from hub.storage import PUBLIC_FOLDERS, is_object_storage

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
# Renditions are named after their image file and operations: a changed image gets new names.
MAX_AGE = 60 * 60 * 24 * 7


@require_safe
def image_file(request, folder, path):
    if folder not in PUBLIC_FOLDERS:
        raise Http404
    try:
        file = Path(safe_join(Path(settings.MEDIA_ROOT) / folder, path))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    content_type, _encoding = mimetypes.guess_type(file.name)
    # Image types only: never an SVG or HTML file that could run script on the site's origin.
    if content_type not in IMAGE_TYPES:
        raise Http404
    if is_object_storage():
        # safe_join above refused any way out of the folder; the key stays inside it.
        key = f"{folder}/{file.relative_to(Path(settings.MEDIA_ROOT) / folder).as_posix()}"
        response = HttpResponseRedirect(default_storage.url(key))
    elif file.is_file():
        response = FileResponse(file.open("rb"), content_type=content_type)
    else:
        raise Http404
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
