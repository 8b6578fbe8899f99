"""Calendar arithmetic for date mentions: month, week and year intervals, relative days.

Why this is written here rather than taken from ``dateparser``: see docs/facts.md.
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "add_months",
    "month_interval",
    "resolve_month",
    "resolve_month_day",
    "resolve_weekday",
    "week_interval",
    "year_interval",
]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month.

    Examples
    --------
    >>> month_interval(2019, 4)
    (datetime.date(2019, 4, 1), datetime.date(2019, 4, 30))
    """
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def year_interval(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a year.

    Examples
    --------
    >>> year_interval(2014)
    (datetime.date(2014, 1, 1), datetime.date(2014, 12, 31))
    """
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_interval(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week holding ``day``.

    Examples
    --------
    >>> week_interval(dt.date(2020, 1, 7))
    (datetime.date(2020, 1, 6), datetime.date(2020, 1, 12))
    """
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months.

    Examples
    --------
    >>> add_months(2020, 1, -1)
    (2019, 12)
    """
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_month(month: int, published: dt.date, *, rel: str) -> tuple[int, int]:
    """(year, month) of a month named without a year, seen from ``published``.

    ``rel`` is ``"last"`` (the latest such month strictly before the publication month),
    ``"next"`` (the first strictly after), ``"this"`` (the publication year), ``"past"``
    (the latest not after the publication month: news tells of past events) or ``"future"``
    (the first not before it).

    Examples
    --------
    >>> resolve_month(4, dt.date(2020, 1, 7), rel="past")
    (2019, 4)
    >>> resolve_month(4, dt.date(2020, 5, 24), rel="last")
    (2020, 4)
    >>> resolve_month(1, dt.date(2020, 1, 10), rel="past")
    (2020, 1)
    """
    year = published.year
    if rel == "this":
        return year, month
    if rel in ("last", "past"):
        strict = rel == "last"
        if month < published.month or (month == published.month and not strict):
            return year, month
        return year - 1, month
    if rel in ("next", "future"):
        strict = rel == "next"
        if month > published.month or (month == published.month and not strict):
            return year, month
        return year + 1, month
    raise ValueError(f"rel must be one of last, next, this, past, future; got {rel!r}")


def resolve_month_day(
    month: int, day: int, published: dt.date, *, future: bool = False
) -> dt.date | None:
    """The date of "<month> <day>" seen from ``published``, or None if there is no such day.

    News mostly reports the past, so the latest such date up to a month after publication is
    taken (deadlines such as "by January 12" fall in that month); with ``future=True`` (the
    clause says "will", "is expected to"...) the first such date on or after publication.

    Examples
    --------
    >>> resolve_month_day(1, 12, dt.date(2020, 1, 10))
    datetime.date(2020, 1, 12)
    >>> resolve_month_day(1, 6, dt.date(2021, 10, 18))
    datetime.date(2021, 1, 6)
    >>> resolve_month_day(1, 6, dt.date(2021, 10, 18), future=True)
    datetime.date(2022, 1, 6)
    """
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if future:
        later = [d for d in candidates if d >= published]
        return min(later) if later else None
    horizon = published + dt.timedelta(days=31)
    earlier = [d for d in candidates if d <= horizon]
    return max(earlier) if earlier else None


def resolve_weekday(weekday: int, published: dt.date, *, rel: str) -> dt.date:
    """The date of a weekday named relative to ``published``.

    ``rel``: ``"past"`` (latest on or before publication), ``"last"`` (latest strictly
    before), ``"future"`` (first on or after), ``"next"`` (first strictly after) or
    ``"this"`` (in the publication week).

    Examples
    --------
    >>> resolve_weekday(0, dt.date(2020, 1, 7), rel="past")  # Monday, seen on a Tuesday
    datetime.date(2020, 1, 6)
    >>> resolve_weekday(3, dt.date(2020, 1, 7), rel="last")
    datetime.date(2020, 1, 2)
    """
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if rel == "past":
        return published - dt.timedelta(days=back)
    if rel == "last":
        return published - dt.timedelta(days=back or 7)
    if rel == "future":
        return published + dt.timedelta(days=forward)
    if rel == "next":
        return published + dt.timedelta(days=forward or 7)
    if rel == "this":
        return week_interval(published)[0] + dt.timedelta(days=weekday)
    raise ValueError(f"rel must be one of past, last, future, next, this; got {rel!r}")
