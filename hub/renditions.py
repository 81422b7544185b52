"""Renditions made by the worker as soon as an image is saved, not by its first visitor.

A page showing a new image would otherwise resize it while the visitor waits, once per size
and format. ``TEMPLATE_RENDITIONS`` lists every filter spec the templates ask for (a test
reads the templates and fails when one is missing here); saving an image queues
``make_renditions``, which makes the missing ones. Idempotent: Wagtail keeps one rendition per
image and spec, and finds the existing ones on a second run. Only when a worker runs the
tasks (``TASKS_BACKEND=database``): in the request, it would make the editor who uploads wait
for sizes no page may ever use.
"""

from django.db import transaction
from django.db.models.signals import post_save

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from django_tasks import default_task_backend

from .tasks import retried_task

# includes/responsive_image.html: {% picture image format-{webp,jpeg} width-{400,800,1200} %}
PICTURE_SPECS = Filter.expand_spec("format-{webp,jpeg} width-{400,800,1200}")
TEMPLATE_RENDITIONS = [
    *PICTURE_SPECS,
    "width-1200",  # stories/case_story_page.html: og:image
    "width-1000",  # stories/case_story_page.html: hero
    "width-800",  # stories/blocks/image.html
    "max-240x120",  # network/partner_profile_page.html: logo
    "max-160x80",  # network/partner_index_page.html: logo
]


@retried_task(attempts=3, backoff=30)
def make_renditions(image_id: int) -> int:
    """Make the template renditions ``image_id`` lacks; how many specs it now has."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted meanwhile: nothing to make
        return 0
    return len(image.get_renditions(*TEMPLATE_RENDITIONS))


def image_saved(sender, instance, **kwargs):
    # Every save counts: a new file or focal point (Wagtail's own task) changes the crops.
    if default_task_backend.supports_defer:  # a worker runs the queue
        transaction.on_commit(lambda: make_renditions.enqueue(instance.pk))


def connect() -> None:
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="hub_renditions")
