"""Media in S3-compatible object storage: public images, private documents.

With ``MEDIA_S3_BUCKET`` set (README: "Object storage"), every upload goes to one bucket.
Wagtail writes originals to ``original_images/``, renditions to ``images/`` and documents to
``documents/``. Images are public in Wagtail (no collection privacy applies to them), so
the two image folders are written readable by anyone and their URLs point straight at the
bucket or the CDN in front of it (``MEDIA_S3_PUBLIC_URL``). Everything else is private: it
is written without a public grant and its URL is signed for a minute. Documents are only
linked through Wagtail's serve view (``/documents/<id>/<name>``), which checks the
collection's view restrictions before it redirects to that signed URL; a signed URL is
never on a page, and a document key is never public.
"""

import mimetypes
import posixpath
import urllib.parse

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from hub.storage import PUBLIC_FOLDERS

# Renditions are named after their image file and operations: a changed image gets new names.
PUBLIC_MAX_AGE = 60 * 60 * 24 * 7


def is_public(name: str) -> bool:
    return name.split("/", 1)[0] in PUBLIC_FOLDERS


def content_type(name: str) -> str:
    """From the file name, as Wagtail types a document; never what the uploader claimed."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def download_disposition(name: str) -> str:
    """Wagtail's Content-Disposition of a served document: inline for the types it lists
    (PDF by default), otherwise a download under the document's file name."""
    inline = getattr(settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"])
    if content_type(name) in inline:
        return "inline"
    quoted = urllib.parse.quote(posixpath.basename(name))
    return f"attachment; filename={quoted}; filename*=UTF-8''{quoted}"


class MediaStorage(S3Storage):
    """django-storages' S3 storage with public image folders and signed private URLs.

    Options beyond django-storages' own: ``public_url`` (where the image folders are read:
    a CDN, or by default the bucket's own address), ``public_acl`` (the grant written on
    image objects; ``None`` when a bucket policy makes the two folders readable instead)
    and ``timeout`` (seconds to connect and to read, so that a storage outage fails fast).
    """

    object_storage = True  # what hub.storage asks, without importing boto3 in local mode
    file_overwrite = False  # two uploads named "report.pdf" must not share one object
    querystring_auth = True  # everything private is signed...
    querystring_expire = 60  # ...for a minute: long enough to follow a redirect

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "public_url": None,
            "public_acl": "public-read",
            "timeout": 5.0,
        }

    def __init__(self, **options):
        super().__init__(**options)
        # Never a custom domain for the whole bucket: it would give documents unsigned URLs.
        self.custom_domain = None
        self.client_config = Config(
            connect_timeout=self.timeout,
            read_timeout=self.timeout,
            retries={"max_attempts": 2, "mode": "standard"},
            signature_version="s3v4",
            s3={"addressing_style": "path" if self.endpoint_url else "auto"},
        )
        self.public_url = (self.public_url or self._bucket_url()).rstrip("/")

    def _bucket_url(self) -> str:
        if self.endpoint_url:
            return f"{self.endpoint_url.rstrip('/')}/{self.bucket_name}"
        return f"https://{self.bucket_name}.s3.{self.region_name or 'us-east-1'}.amazonaws.com"

    def get_object_parameters(self, name):
        params = {**super().get_object_parameters(name), "ContentType": content_type(name)}
        if is_public(name):
            params["CacheControl"] = f"public, max-age={PUBLIC_MAX_AGE}"
            if self.public_acl:
                params["ACL"] = self.public_acl
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        name = self._normalize_name(clean_name(name))
        if is_public(name):
            return f"{self.public_url}/{filepath_to_uri(name)}"
        signed = {
            "ResponseContentType": content_type(name),
            "ResponseContentDisposition": download_disposition(name),
            "ResponseCacheControl": "private, no-store",
            **(parameters or {}),
        }
        return super().url(name, signed, expire, http_method)

    def _open(self, name, mode="rb"):
        # An unreachable storage reads as a missing file (OSError): Wagtail then shows its
        # "image not found" rendition instead of failing the whole page.
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            raise OSError(f"Object storage: cannot open {name}: {error}") from error
