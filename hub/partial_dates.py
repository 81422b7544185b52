"""Dates known to the day, the month or only the year.

Stories migrated from old blogs and reports often say only "2019" or "March 2021". The hub keeps
what is known instead of inventing a day: a date (the first day of the period, so that lists
sort by it; a year-only story comes after the dated stories of that year in "newest first") and
its precision, which decides how it is shown ("2019", "March 2021", "13 June 2024") and what
``<time datetime>`` and JSON-LD say ("2019", "2021-03", valid HTML and ISO 8601).
"""

import datetime
import re

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse(value) -> tuple[datetime.date, str]:
    """``2019``, ``"2021-03"`` or ``"2024-06-13"`` (or a date) as (date, precision).

    Raises ValueError, in words a person can act on, for anything else.
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    match = _PARTIAL.match(str(value).strip())
    if not match:
        raise ValueError("a date is YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            return datetime.date(year, month, day), DatePrecision.DAY
        if month is not None:
            return datetime.date(year, month, 1), DatePrecision.MONTH
        return datetime.date(year, 1, 1), DatePrecision.YEAR
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None


def display(date: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """The date as the active language writes it, to its precision."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(date, "YEAR_MONTH_FORMAT")
    return formats.date_format(date, "DATE_FORMAT")


def machine(date: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """The date for ``<time datetime>`` and JSON-LD: 2019, 2021-03 or 2024-06-13."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
