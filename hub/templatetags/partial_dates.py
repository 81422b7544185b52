"""``{% partial_date value precision %}``: a ``<time>`` element for a date known to the day,
the month or the year (``hub.partial_dates``)."""

from django import template
from django.utils.html import format_html

from hub import partial_dates

register = template.Library()


@register.simple_tag
def partial_date(date, precision="day"):
    if date is None:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        partial_dates.machine(date, precision),
        partial_dates.display(date, precision),
    )


@register.simple_tag
def partial_date_machine(date, precision="day"):
    """The machine form alone, for attributes (``article:published_time``)."""
    return partial_dates.machine(date, precision)
