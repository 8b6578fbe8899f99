"""Dates and periods in a text as intervals of days, and how two of them compare.

:func:`find_dates` resolves relative mentions ("last April", "on Monday") against the
publication date and leaves them unresolved without it; :func:`compare_dates` gives a
:class:`~claimcompare.facts.Verdict` (see docs/facts.md for the conventions).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._calendar import (
    MONTHS,
    WEEKDAYS,
    add_months,
    month_interval,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    week_interval,
    year_interval,
)
from ._checks import check_published, check_text, check_type, overlaps
from ._number_words import ONES
from .records import DateMention, Verdict

__all__ = ["compare_dates", "find_dates"]

_NEEDS_PUBLICATION = "relative to the publication date, which was not given"

_MONTH_WORDS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTH = rf"(?P<m>{_MONTH_WORDS})"
_WD_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?<![\d,.$£€])(?P<y>1[89]\d\d|20\d\d|21\d\d)(?!\d|,\d|\.\d)"
_DAY = r"(?<![\d:])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_MOD = r"(?:(?P<mod>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Ff]rom)\s+)?"
_WDPRE = rf"(?:{_WD_WORDS},?\s+)?"
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"a\s+few|some)"
)
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|In|since|Since|by|By|until|Until|till|from|From|to|before|Before|after|After|"
    r"during|During|of|through|between|and|or|early|Early|late|Late|mid|Mid|end\s+of|"
    r"beginning\s+of)\s+|\bmid-)$"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:expected|due|scheduled|set|going|to)\s+to|(?:is|are)\s+"
    r"to|upcoming|plans?\s+to|next)\b",
    re.IGNORECASE,
)

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"{_MOD}(?P<core>{_WDPRE}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})")),
    ("mdy", re.compile(rf"{_MOD}(?P<core>{_WDPRE}{_MONTH}\s+{_DAY},?\s+{_YEAR})")),
    ("my", re.compile(rf"{_MOD}(?P<core>{_MONTH},?\s+(?:of\s+)?{_YEAR})")),
    (
        "m_rely",
        re.compile(rf"{_MOD}(?P<core>{_MONTH}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year)\b"),
    ),
    (
        "rel_m",
        re.compile(
            rf"{_MOD}(?P<core>(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+{_MONTH})"
        ),
    ),
    ("dm", re.compile(rf"{_MOD}(?P<core>{_WDPRE}{_DAY}\s+(?:of\s+)?{_MONTH})(?!\w)")),
    ("md", re.compile(rf"{_MOD}(?P<core>{_WDPRE}{_MONTH}\s+{_DAY})(?![\w:])")),
    ("m", re.compile(rf"{_MOD}(?P<core>{_MONTH})(?!\w)")),
    (
        "rel_wd",
        re.compile(
            rf"{_MOD}(?P<core>(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)?(?P<wd>{_WD_WORDS}))"
            r"(?![\w,]\s*\d)"
        ),
    ),
    ("word", re.compile(r"(?P<core>\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b)")),
    (
        "rel_unit",
        re.compile(
            r"(?P<core>\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|"
            r"[Cc]oming)\s+(?P<unit>week|weekend|month|year)\b)"
        ),
    ),
    (
        "ago",
        re.compile(rf"(?P<core>\b(?P<n>{_NUMWORD})\s+(?P<unit>day|week|month|year)s?\s+ago\b)"),
    ),
    (
        "recent",
        re.compile(
            r"(?P<core>\b(?:[Ii]n\s+|[Oo]ver\s+|[Dd]uring\s+)?(?:recent|the\s+past|the\s+last)\s+"
            rf"(?:(?P<n>{_NUMWORD})\s+)?(?P<unit>day|week|month|year)s\b)"
        ),
    ),
    (
        "event",
        re.compile(
            rf"(?P<core>\b(?:(?P<n>{_NUMWORD})\s+)?(?P<unit>day|week|month|year)s?\s+"
            r"(?P<dir>earlier|later|before|afterwards?|after)\b)"
        ),
    ),
    ("y", re.compile(rf"{_MOD}(?P<core>(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\s-])?{_YEAR})")),
]

_TRIGGERS = {
    "digit": re.compile(r"\d"),
    "month": re.compile(_MONTH_WORDS),
    "weekday": re.compile(_WD_WORDS),
    "word": re.compile(r"(?i)yesterday|today|tomorrow|tonight"),
    "unit": re.compile(r"(?i)day|week|month|year"),
}
_NEEDS: dict[str, frozenset[str]] = {
    "dmy": frozenset({"digit", "month"}),
    "mdy": frozenset({"digit", "month"}),
    "my": frozenset({"digit", "month"}),
    "m_rely": frozenset({"month"}),
    "rel_m": frozenset({"month"}),
    "dm": frozenset({"digit", "month"}),
    "md": frozenset({"digit", "month"}),
    "m": frozenset({"month"}),
    "rel_wd": frozenset({"weekday"}),
    "word": frozenset({"word"}),
    "rel_unit": frozenset({"unit"}),
    "ago": frozenset({"unit"}),
    "recent": frozenset({"unit"}),
    "event": frozenset({"unit"}),
    "y": frozenset({"digit"}),
}

_SMALL_NUMBERS = {"a": 1, "an": 1, **{w: n for w, n in ONES.items() if 1 <= n <= 12}}


def _sentence_before(text: str, start: int, width: int = 80) -> str:
    chunk = text[max(0, start - width) : start]
    cut = max(chunk.rfind(". "), chunk.rfind("\n"), chunk.rfind("? "), chunk.rfind("! "))
    return chunk[cut + 1 :] if cut >= 0 else chunk


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _count(token: str | None) -> int | None:
    if token is None:
        return 1
    token = re.sub(r"\s+", " ", token.lower())
    if token.isdigit():
        return int(token)
    return _SMALL_NUMBERS.get(token)


def _shift(day: dt.date, unit: str, n: int) -> tuple[dt.date, dt.date, str]:
    """Interval of the day/week/month/year ``n`` units before ``day`` (negative: after)."""
    if unit == "day":
        target = day - dt.timedelta(days=n)
        return target, target, "day"
    if unit == "week":
        return (*week_interval(day - dt.timedelta(weeks=n)), "week")
    if unit == "month":
        y, m = add_months(day.year, day.month, -n)
        return (*month_interval(y, m), "month")
    return (*year_interval(day.year - n), "year")


@dataclass(frozen=True)
class _Match:
    """A date pattern's match, with what resolving it needs: the text around it, its span
    (from the modifier, if any), whether its clause speaks of the future, the publication date.
    """

    text: str
    groups: dict[str, Any]
    start: int
    end: int
    core_start: int
    modifier: str | None
    future: bool
    published: dt.date | None

    @classmethod
    def of(cls, match: re.Match[str], text: str, published: dt.date | None) -> _Match:
        groups = match.groupdict()
        mod = groups.get("mod")
        start = match.start("mod") if mod else match.start("core")
        modifier = mod.lower() if mod else None
        # Only a cue close before the date makes it future: "will investigate the Jan. 6
        # attack" names a past day.
        before = _sentence_before(text, start, width=40)
        future = bool(_FUTURE.search(before)) or modifier in ("until", "till")
        return cls(
            text, groups, start, match.end("core"), match.start("core"), modifier, future, published
        )

    @property
    def month(self) -> int:
        return _month_number(self.groups["m"])

    def after_preposition(self) -> bool:
        """Whether a modifier or a preposition ("in", "early", "mid-") comes before the date."""
        return self.modifier is not None or bool(_PREP_BEFORE.search(self.text[: self.core_start]))

    def record(
        self,
        interval: tuple[dt.date, dt.date] | None,
        granularity: str,
        anchor: str,
        note: str = "",
    ) -> DateMention:
        return DateMention(
            start=self.start,
            end=self.end,
            text=self.text[self.start : self.end],
            earliest=interval[0] if interval else None,
            latest=interval[1] if interval else None,
            granularity=granularity,
            anchor=anchor,
            resolved=interval is not None,
            modifier=self.modifier,
            note=note,
        )

    def unresolved(self, granularity: str, note: str = _NEEDS_PUBLICATION) -> DateMention:
        """The mention left unresolved: it is relative and the publication date is missing."""
        return self.record(None, granularity, "publication", note)


def _day_month_year(m: _Match) -> DateMention:
    day = dt.date(int(m.groups["y"]), m.month, int(m.groups["d"]))
    return m.record((day, day), "day", "absolute")


def _month_year(m: _Match) -> DateMention:
    return m.record(month_interval(int(m.groups["y"]), m.month), "month", "absolute")


def _year(m: _Match) -> DateMention | None:
    if not m.after_preposition() and re.match(r"\s+[a-z]+s\b", m.text[m.end :]):
        return None  # "2000 troops": a count, not a year
    return m.record(year_interval(int(m.groups["y"])), "year", "absolute")


def _month_day(m: _Match) -> DateMention | None:
    """ "January 12", "12 January": the nearest such day (see ``resolve_month_day``)."""
    month = m.month
    if m.published is None:
        return m.unresolved("day", f"no year given and {_NEEDS_PUBLICATION}")
    day = resolve_month_day(month, int(m.groups["d"]), m.published, future=m.future)
    if day is None:
        return None
    return m.record((day, day), "day", "publication", "year taken from the publication date")


def _month_of_relative_year(m: _Match) -> DateMention:
    """ "April last year", "April of next year"."""
    month = m.month
    if m.published is None:
        return m.unresolved("month", f"no year given and {_NEEDS_PUBLICATION}")
    offset = {"last": -1, "this": 0, "next": 1}[m.groups["rel"].lower()]
    return m.record(month_interval(m.published.year + offset, month), "month", "publication")


def _relative_month(m: _Match) -> DateMention:
    """ "last April", "this coming May"."""
    month = m.month
    if m.published is None:
        return m.unresolved("month", f"no year given and {_NEEDS_PUBLICATION}")
    rel = m.groups["rel"].lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    y, mo = resolve_month(month, m.published, rel=rel)
    return m.record(month_interval(y, mo), "month", "publication")


def _month(m: _Match) -> DateMention | None:
    """ "in April": the latest April, or the next one in a future clause."""
    month = m.month
    # A bare month needs a preposition ("in April"): "Theresa May" is no date.
    if not m.after_preposition():
        return None
    if m.published is None:
        return m.unresolved("month", f"no year given and {_NEEDS_PUBLICATION}")
    rel = "future" if m.future else "past"
    y, mo = resolve_month(month, m.published, rel=rel)
    return m.record(
        month_interval(y, mo), "month", "publication", f"year taken as the {rel} occurrence"
    )


def _weekday(m: _Match) -> DateMention:
    if m.published is None:
        return m.unresolved("day")
    rel = (m.groups.get("rel") or "").lower() or ("future" if m.future else "past")
    rel = {"past": "last"}.get(rel, rel)
    day = resolve_weekday(WEEKDAYS[m.groups["wd"].lower()], m.published, rel=rel)
    return m.record((day, day), "day", "publication")


def _day_word(m: _Match) -> DateMention | None:
    """ "yesterday", "today", "tonight", "tomorrow"."""
    word = m.groups["word"]
    if word[0].isupper() and re.search(r"[A-Z][\w.]*\s+$", m.text[: m.start]):
        return None  # "USA Today"
    if m.published is None:
        return m.unresolved("day")
    delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    day = m.published + dt.timedelta(days=delta[word.lower()])
    return m.record((day, day), "day", "publication")


def _relative_unit(m: _Match) -> DateMention:
    """ "last week", "this month", "next weekend"."""
    unit = m.groups["unit"]
    if m.published is None:
        return m.unresolved(unit)
    n = {"last": 1, "past": 1, "this": 0, "next": -1, "coming": -1}[m.groups["rel"].lower()]
    if unit == "weekend":
        sat = resolve_weekday(5, m.published, rel="last" if n == 1 else "this")
        if n == -1:
            sat = resolve_weekday(5, m.published, rel="next")
        return m.record((sat, sat + dt.timedelta(days=1)), "weekend", "publication")
    lo, hi, gran = _shift(m.published, unit, n)
    return m.record((lo, hi), gran, "publication")


def _ago(m: _Match) -> DateMention:
    """ "three days ago", "a year ago"."""
    count = _count(m.groups["n"])
    if count is None or m.published is None:
        note = _NEEDS_PUBLICATION if m.published is None else "the amount is vague"
        return m.unresolved(m.groups["unit"], note)
    lo, hi, gran = _shift(m.published, m.groups["unit"], count)
    return m.record((lo, hi), gran, "publication")


def _recent(m: _Match) -> DateMention:
    """ "in recent weeks", "over the past three months": a span ending on publication."""
    if m.published is None:
        return m.unresolved("span")
    many = _count(m.groups.get("n")) if m.groups.get("n") else None
    days = {"day": 1, "week": 7, "month": 31, "year": 366}[m.groups["unit"]]
    # "recent weeks" without a number: taken as up to about six of them.
    span = days * (many if many is not None else 6)
    return m.record((m.published - dt.timedelta(days=span), m.published), "span", "publication")


def _event_relative(m: _Match) -> DateMention:
    """ "two days later", "months earlier": relative to another event, never resolved."""
    return m.record(None, "span", "event", "relative to another event in the text")


#: How each kind of :data:`_DATE_PATTERNS` match becomes a mention (None: not a date).
_RESOLVERS: dict[str, Callable[[_Match], DateMention | None]] = {
    "dmy": _day_month_year,
    "mdy": _day_month_year,
    "my": _month_year,
    "m_rely": _month_of_relative_year,
    "rel_m": _relative_month,
    "dm": _month_day,
    "md": _month_day,
    "m": _month,
    "rel_wd": _weekday,
    "word": _day_word,
    "rel_unit": _relative_unit,
    "ago": _ago,
    "recent": _recent,
    "event": _event_relative,
    "y": _year,
}


def _resolve_date(
    kind: str, match: re.Match[str], text: str, published: dt.date | None
) -> DateMention | None:
    try:
        return _RESOLVERS[kind](_Match.of(match, text, published))
    except ValueError:  # impossible calendar dates such as "31 February 2020"
        return None


def find_dates(text: str, *, published: dt.date | None = None) -> list[DateMention]:
    """Find dates and periods in ``text``, resolving relative ones against ``published``.

    Parameters
    ----------
    text : str
        The text to read.
    published : datetime.date or None
        Publication date. Without it, mentions that need it ("last April", "on Monday",
        "January 12") are returned with ``resolved=False`` and a note saying why.

    Returns
    -------
    list of DateMention
        In text order, non-overlapping.

    Notes
    -----
    A month without a year is taken as its latest occurrence not after the publication month
    ("In April" in January 2020 is April 2019), or the next one when the clause speaks of the
    future ("will", "is expected to"); "last April" is the latest April strictly before the
    publication month. A month and day without a year is the nearest such date. A weekday is
    its latest occurrence on or before the publication day ("on Monday"), strictly before with
    "last", the next one in a future clause.

    Examples
    --------
    >>> pub = dt.date(2020, 1, 7)
    >>> [(d.text, d.earliest.isoformat(), d.granularity)
    ...  for d in find_dates("In April, he attacked. Last Thursday, MPs voted.", published=pub)]
    [('April', '2019-04-01', 'month'), ('Last Thursday', '2020-01-02', 'day')]
    >>> d = find_dates("They voted on Monday.")[0]
    >>> d.resolved, d.note
    (False, 'relative to the publication date, which was not given')
    """
    text = check_text(text)
    published = check_published(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    present = {name for name, trigger in _TRIGGERS.items() if trigger.search(text)}
    for kind, pattern in _DATE_PATTERNS:
        if not _NEEDS[kind] <= present:
            continue  # cheap pre-check: most sentences hold no date at all
        for match in pattern.finditer(text):
            s, e = match.span()
            if overlaps(s, e, taken):
                continue
            mention = _resolve_date(kind, match, text, published)
            if mention is None:
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
    found.sort(key=lambda d: (d.start, d.end))
    return found


def _fmt_interval(d: DateMention) -> str:
    if d.earliest is None or d.latest is None:
        return "unresolved"
    if d.granularity == "month":
        return d.earliest.strftime("%Y-%m")
    if d.granularity == "year":
        return str(d.earliest.year)
    if d.earliest == d.latest:
        return d.earliest.isoformat()
    return f"{d.earliest.isoformat()}..{d.latest.isoformat()}"


def compare_dates(a: DateMention, b: DateMention) -> Verdict:
    """Compare two date mentions that are meant to date the same event.

    Examples
    --------
    >>> a = find_dates("In April, he launched an offensive", published=dt.date(2020, 1, 7))[0]
    >>> b = find_dates("launched an offensive last April", published=dt.date(2020, 1, 10))[0]
    >>> v = compare_dates(a, b)
    >>> v.verdict, v.explanation
    ('agree', "'April' (2019-04) vs 'last April' (2019-04): same time")
    """
    check_type(a, DateMention, "a")
    check_type(b, DateMention, "b")
    head = f"{a.text!r} ({_fmt_interval(a)}) vs {b.text!r} ({_fmt_interval(b)})"
    if not (a.resolved and b.resolved):
        missing = " and ".join(side for side, d in (("a", a), ("b", b)) if not d.resolved)
        notes = "; ".join(sorted({d.note for d in (a, b) if not d.resolved and d.note}))
        return Verdict(
            "compatible",
            "date",
            a.text,
            b.text,
            f"{head}: cannot compare, {missing} unresolved ({notes})",
        )
    assert a.earliest and a.latest and b.earliest and b.latest
    if a.earliest == b.earliest and a.latest == b.latest:
        return Verdict("agree", "date", a.text, b.text, f"{head}: same time")
    if a.latest < b.earliest or b.latest < a.earliest:
        return Verdict("conflict", "date", a.text, b.text, f"{head}: different times")
    if (a.earliest <= b.earliest and b.latest <= a.latest) or (
        b.earliest <= a.earliest and a.latest <= b.latest
    ):
        why = "same time, one side is less precise"
    else:
        why = "the periods overlap"
    return Verdict("compatible", "date", a.text, b.text, f"{head}: {why}")
