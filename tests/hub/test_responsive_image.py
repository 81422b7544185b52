"""The shared responsive-image include: WebP and JPEG renditions, srcset, size, lazy loading."""

from django.template import Context, Template

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def render(**context):
    template = Template(
        '{% include "includes/responsive_image.html" with image=image sizes=sizes '
        "alt=alt eager=eager %}"
    )
    defaults = {"sizes": None, "alt": None, "eager": False}
    return BeautifulSoup(template.render(Context({**defaults, **context})), "html.parser")


@pytest.fixture
def photo():
    return wagtail_factories.ImageFactory(
        title="Hand pump",
        description="A woman filling a jerrycan at a hand pump",
        file__width=1600,
        file__height=1000,
    )


def widths(srcset: str) -> list[str]:
    return [candidate.split()[-1] for candidate in srcset.split(", ")]


def test_renders_webp_sources_and_a_sized_lazy_jpeg(photo):
    soup = render(image=photo)
    source = soup.select_one("picture > source")
    assert source["type"] == "image/webp"
    assert widths(source["srcset"]) == ["400w", "800w", "1200w"]
    assert all(".format-webp" in url for url in source["srcset"].split(", "))
    assert source["sizes"] == "(min-width: 72rem) 68rem, 100vw"

    img = soup.select_one("picture > img")
    assert widths(img["srcset"]) == ["400w", "800w", "1200w"]
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("400", "250")  # keeps the 16:10 ratio
    assert img["loading"] == "lazy"
    assert img["alt"] == "A woman filling a jerrycan at a hand pump"


def test_alt_and_sizes_can_be_given_and_the_top_image_loads_eagerly(photo):
    soup = render(image=photo, alt="", sizes="100vw", eager=True)
    img = soup.select_one("img")
    assert img["alt"] == ""
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert soup.select_one("source")["sizes"] == "100vw"


def test_no_image_renders_nothing():
    assert str(render(image=None)).strip() == ""
