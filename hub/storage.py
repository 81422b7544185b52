"""Which media storage the hub runs on, and whether it answers (for ``/readyz``).

Local files in MEDIA_ROOT, or object storage (hub/media_storage.py) when ``MEDIA_S3_BUCKET``
is set. Nothing here imports boto3: a hub on local files never loads it.
"""

import logging
import sys
import urllib.parse

from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)

# Wagtail's renditions and original images: public, in either storage. Nothing else is.
PUBLIC_FOLDERS = ("images", "original_images")
# Answered by storage_ready(): its existence proves the bucket is there and readable.
READY_MARKER = "health/ready"


def is_object_storage() -> bool:
    return getattr(default_storage, "object_storage", False)


def public_origin() -> str | None:
    """Scheme and host the public images come from, when not from the site (for the CSP)."""
    if not is_object_storage():
        return None
    parts = urllib.parse.urlsplit(default_storage.public_url)
    return f"{parts.scheme}://{parts.netloc}"


def storage_ready() -> bool:
    """Whether uploads can be stored and read: always for local files; for object storage,
    whether a HEAD of the marker key is answered. The first check writes the marker, which
    also proves the bucket exists (a HEAD on a missing bucket answers 404, as a missing key
    does). Cheap enough for a health check every few seconds; never raises."""
    if not is_object_storage():
        return True
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        if not default_storage.exists(READY_MARKER):
            default_storage.bucket.Object(READY_MARKER).put(Body=b"", ContentType="text/plain")
    except (BotoCoreError, ClientError) as error:
        logger.warning("Object storage is not ready: %s", error)
        return False
    return True


class StorageUnavailableMiddleware:
    """An upload (or any request) that the object storage fails gets a 503 page saying that
    nothing was saved, not a server error: Django writes a file before its row, so no
    half-saved image or document is left behind. Logged in one line, without the keys."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Only object storage raises botocore's errors; with local files it is never loaded.
        errors = sys.modules.get("botocore.exceptions")
        if errors is None or not isinstance(exception, errors.BotoCoreError | errors.ClientError):
            return None
        from django.template.response import TemplateResponse

        logger.warning("Object storage failed %s %s: %s", request.method, request.path, exception)
        response = TemplateResponse(request, "hub/storage_unavailable.html", status=503)
        response["Retry-After"] = "60"
        return response.render()
