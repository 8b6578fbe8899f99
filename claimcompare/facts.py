"""Facts inside a claim, and how two facts compare.

Four finders read a claim's text and return frozen records whose half-open offsets point back
into that text (``text[fact.start:fact.end] == fact.text`` always):

* :func:`find_quantities` - counts and measures ("35 troops", "more than 1,000 people",
  "hundreds, probably thousands", "just hours"), never years or dates;
* :func:`find_dates` - dates as an interval of days, resolved against the publication date
  when the text is relative ("last April", "on Monday"), left unresolved when it is not given;
* :func:`find_sets` - coordinated actors with the relation and its target
  ("backed by Egypt and the United Arab Emirates");
* :func:`find_negation` - negation and hedging cues ("did not immediately confirm",
  "reportedly").

Four comparisons turn two such facts into a :class:`Verdict` (``agree``, ``compatible`` or
``conflict``) with a one-line explanation. They are symmetric: ``compare_x(a, b)`` and
``compare_x(b, a)`` give the same verdict with the values swapped.

Conventions (the "why" behind the verdicts):

* Numbers: each quantity is an interval. "more than 1,000" is [1000, inf) - the bound is kept
  inclusive because news rounds ("more than 1,000" vs "1,000" is not a contradiction); "about"
  and "some" are +/-10 %; "nearly" is [90 %, 100 %]; vague amounts have loose bounds
  ("hundreds" is [100, 1999]) so that they conflict only with figures far away. Disjoint
  intervals conflict; equal ones agree; overlapping ones are compatible. Different units are
  not compared (verdict ``compatible``, said so in the explanation).
* Dates: intervals of days; disjoint intervals conflict, equal ones agree, otherwise
  compatible. An unresolved date (relative, no publication date) is never guessed: it compares
  as ``compatible`` with the reason given.
* Sets: lists of backers or participants in news are rarely complete, so a set that names
  more or other members is ``compatible`` (the verdict lists what is shared and what each
  side adds). It is a ``conflict`` only when a side marks its list as exhaustive ("only",
  "alone", "solely") and the other names a member outside it, or when the same members are
  given opposite relations (backing vs opposing).
* Polarity: a claim negated on a predicate the other claim states is a ``negation``
  conflict; "did not (immediately) confirm" is non-commitment, not denial, and is only
  ``compatible``; a hedge on one side only ("reportedly") is a ``compatible`` ``hedge``.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ._common.data import data_rows
from ._common.text import stem
from ._dates import (
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
from ._numbers import NUMBER_WORD_RE, ONES, SCALES, parse_digits, words_value
from .claims.segment import ends_abbreviation
from .errors import ParameterError

__all__ = [
    "ActorSet",
    "Cue",
    "DateMention",
    "Member",
    "Quantity",
    "Verdict",
    "compare_dates",
    "compare_polarity",
    "compare_quantities",
    "compare_sets",
    "find_dates",
    "find_negation",
    "find_quantities",
    "find_sets",
]

logger = logging.getLogger(__name__)

APPROXIMATIONS = (
    "exact",
    "at least",
    "more than",
    "about",
    "up to",
    "less than",
    "only",
    "vague",
    "unspecified",
)
VERDICTS = ("agree", "compatible", "conflict")


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or measure in a text.

    Attributes
    ----------
    start, end : int
        Half-open character offsets; ``text`` is ``source[start:end]``.
    text : str
        The words, from the approximation cue (if any) to the unit (if any).
    value : float or None
        The number stated; None for vague amounts ("hundreds", "a number of", "just hours").
    low, high : float or None
        Inclusive bounds of what the phrase allows; None means unbounded.
    approximation : str
        One of ``exact``, ``at least``, ``more than``, ``about``, ``up to``, ``less than``,
        ``only``, ``vague`` or ``unspecified`` (a bare noun such as "troops", only reported
        when asked for through ``nouns``).
    unit : str or None
        The counted noun or unit as written ("troops", "kilometers", "hours"), or None.

    Examples
    --------
    >>> q = find_quantities("Ankara recently deployed 35 troops in Tripoli.")[0]
    >>> q.text, q.value, q.unit, q.approximation
    ('35 troops', 35.0, 'troops', 'exact')
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximation: str
    unit: str | None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period named in a text, with the interval of days it stands for.

    Attributes
    ----------
    start, end : int
        Half-open character offsets; ``text`` is ``source[start:end]``.
    text : str
        The words as written, including a leading "since", "until", "by", "before", "after"
        or "from" (which is also given in ``modifier``).
    earliest, latest : datetime.date or None
        First and last day the mention can mean; None when ``resolved`` is False.
    granularity : str
        ``day``, ``week``, ``month``, ``year`` or ``span`` (a stretch such as "in recent
        weeks").
    anchor : str
        ``absolute`` (fully written out), ``publication`` (resolved against the publication
        date) or ``event`` (relative to another event in the text: "months earlier").
    resolved : bool
        Whether ``earliest``/``latest`` are known.
    modifier : str or None
        ``since``, ``until``, ``by``, ``before``, ``after`` or ``from`` when the text says so.
    note : str
        Why a mention is unresolved, or how it was resolved.

    Examples
    --------
    >>> d = find_dates("They attacked last April.", published=dt.date(2020, 1, 10))[0]
    >>> d.text, d.earliest, d.latest, d.granularity
    ('last April', datetime.date(2019, 4, 1), datetime.date(2019, 4, 30), 'month')
    """

    start: int
    end: int
    text: str
    earliest: dt.date | None
    latest: dt.date | None
    granularity: str
    anchor: str
    resolved: bool
    modifier: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Member:
    """One actor in an :class:`ActorSet`: its span and the name used to compare it.

    Examples
    --------
    >>> Member(start=0, end=5, text="Egypt", name="Egypt").name
    'Egypt'
    """

    start: int
    end: int
    text: str
    name: str


@dataclass(frozen=True, slots=True)
class ActorSet:
    """Actors named together in a list or coordination.

    Attributes
    ----------
    start, end, text : int, int, str
        The list itself ("Egypt, the UAE and Russia").
    members : tuple of Member
        In text order.
    relation : str or None
        The relation word(s) as written ("backed by", "backing", "support"), if any.
    relation_start, relation_end : int or None
        Offsets of ``relation``.
    target : str or None
        Who the relation is about ("Haftar", "the GNA", "The rebels"), if stated.
    target_start, target_end : int or None
        Offsets of ``target``.
    exhaustive : bool
        True when the text marks the list as complete ("only", "solely", "alone").

    Examples
    --------
    >>> s = find_sets("Haftar is backed by Egypt and the United Arab Emirates.")[0]
    >>> [m.text for m in s.members], s.relation, s.target
    (['Egypt', 'United Arab Emirates'], 'backed by', 'Haftar')
    """

    start: int
    end: int
    text: str
    members: tuple[Member, ...]
    relation: str | None
    relation_start: int | None
    relation_end: int | None
    target: str | None
    target_start: int | None
    target_end: int | None
    exhaustive: bool = False

    @property
    def names(self) -> frozenset[str]:
        """Names of the members, as used for comparison."""
        return frozenset(m.name for m in self.members)


@dataclass(frozen=True, slots=True)
class Cue:
    """A negation or hedging cue.

    Attributes
    ----------
    start, end, text : int, int, str
        The cue words.
    kind : str
        ``negation`` or ``hedge``.
    category : str
        For negations ``negation`` (not, no, never...), ``failure`` (failed to), ``denial``
        (denied) or ``non-confirmation`` (did not immediately confirm, declined to comment);
        for hedges ``hedge``.

    Examples
    --------
    >>> [(c.text, c.category) for c in find_negation("He reportedly failed to win.")]
    [('reportedly', 'hedge'), ('failed to', 'failure')]
    """

    start: int
    end: int
    text: str
    kind: str
    category: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """How two facts compare.

    Attributes
    ----------
    verdict : str
        ``agree``, ``compatible`` (they can both be true, typically one is less precise) or
        ``conflict``.
    kind : str
        ``number``, ``date``, ``set``, ``negation`` or ``hedge``.
    value_a, value_b : str
        The two facts as written.
    explanation : str
        One line a reader understands.
    shared, only_a, only_b : tuple of str
        For sets: members both sides name, and what each side adds (sorted).

    Examples
    --------
    >>> a, b = find_quantities("35 troops"), find_quantities("70 troops")
    >>> compare_quantities(a[0], b[0]).verdict
    'conflict'
    """

    verdict: str
    kind: str
    value_a: str
    value_b: str
    explanation: str
    shared: tuple[str, ...] = ()
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Validation


def _check_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise ParameterError(f"{name} must be a str, got {type(text).__name__}")
    return text


def _check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    raise ParameterError(
        f"published must be a datetime.date or None, got {type(published).__name__}"
    )


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# --------------------------------------------------------------------------------------------
# Dates

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


def _date_record(
    text: str,
    start: int,
    end: int,
    interval: tuple[dt.date, dt.date] | None,
    granularity: str,
    anchor: str,
    modifier: str | None,
    note: str,
) -> DateMention:
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        earliest=interval[0] if interval else None,
        latest=interval[1] if interval else None,
        granularity=granularity,
        anchor=anchor,
        resolved=interval is not None,
        modifier=modifier,
        note=note,
    )


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


def _resolve_date(
    kind: str, match: re.Match[str], text: str, published: dt.date | None
) -> DateMention | None:
    groups = match.groupdict()
    core_start = match.start("core")
    mod = groups.get("mod")
    start = match.start("mod") if mod else core_start
    end = match.end("core")
    modifier = mod.lower() if mod else None
    # Only a cue close before the date makes it future: "will investigate the Jan. 6 attack"
    # names a past day.
    before = _sentence_before(text, start, width=40)
    future = bool(_FUTURE.search(before)) or modifier in ("until", "till")
    need = "relative to the publication date, which was not given"

    def rec(
        interval: tuple[dt.date, dt.date] | None, gran: str, anchor: str, note: str = ""
    ) -> DateMention:
        return _date_record(text, start, end, interval, gran, anchor, modifier, note)

    try:
        if kind in ("dmy", "mdy"):
            day = dt.date(int(groups["y"]), _month_number(groups["m"]), int(groups["d"]))
            return rec((day, day), "day", "absolute")
        if kind == "my":
            return rec(
                month_interval(int(groups["y"]), _month_number(groups["m"])), "month", "absolute"
            )
        if kind == "y":
            bare = not mod and not _PREP_BEFORE.search(text[:core_start])
            if bare and re.match(r"\s+[a-z]+s\b", text[end:]):
                return None  # "2000 troops": a count, not a year
            return rec(year_interval(int(groups["y"])), "year", "absolute")
        if kind in ("m_rely", "rel_m", "dm", "md", "m"):
            month = _month_number(groups["m"])
            # A bare month needs a preposition ("in April"): "Theresa May" is no date.
            if kind == "m" and not mod and not _PREP_BEFORE.search(text[:core_start]):
                return None
            if published is None:
                return rec(
                    None,
                    "day" if kind in ("dm", "md") else "month",
                    "publication",
                    f"no year given and {need}",
                )
            if kind in ("dm", "md"):
                near = resolve_month_day(month, int(groups["d"]), published, future=future)
                if near is None:
                    return None
                day = near
                return rec(
                    (day, day),
                    "day",
                    "publication",
                    "year taken from the publication date",
                )
            if kind == "m_rely":
                offset = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
                return rec(month_interval(published.year + offset, month), "month", "publication")
            if kind == "rel_m":
                rel = groups["rel"].lower()
                rel = {"past": "last", "coming": "next"}.get(rel, rel)
            else:
                rel = "future" if future else "past"
            y, m = resolve_month(month, published, rel=rel)
            note = "" if kind == "rel_m" else f"year taken as the {rel} occurrence"
            return rec(month_interval(y, m), "month", "publication", note)
        if kind == "rel_wd":
            if published is None:
                return rec(None, "day", "publication", need)
            rel = (groups.get("rel") or "").lower() or ("future" if future else "past")
            rel = {"past": "last"}.get(rel, rel)
            day = resolve_weekday(WEEKDAYS[groups["wd"].lower()], published, rel=rel)
            return rec((day, day), "day", "publication")
        if kind == "word":
            if groups["word"][0].isupper() and re.search(r"[A-Z][\w.]*\s+$", text[:start]):
                return None  # "USA Today"
            if published is None:
                return rec(None, "day", "publication", need)
            delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
            day = published + dt.timedelta(days=delta[groups["word"].lower()])
            return rec((day, day), "day", "publication")
        if kind == "rel_unit":
            if published is None:
                return rec(None, groups["unit"], "publication", need)
            unit = groups["unit"]
            n = {"last": 1, "past": 1, "this": 0, "next": -1, "coming": -1}[groups["rel"].lower()]
            if unit == "weekend":
                sat = resolve_weekday(5, published, rel="last" if n == 1 else "this")
                if n == -1:
                    sat = resolve_weekday(5, published, rel="next")
                return rec((sat, sat + dt.timedelta(days=1)), "weekend", "publication")
            lo, hi, gran = _shift(published, unit, n)
            return rec((lo, hi), gran, "publication")
        if kind == "ago":
            count = _count(groups["n"])
            if count is None or published is None:
                note = need if published is None else "the amount is vague"
                return rec(None, groups["unit"], "publication", note)
            lo, hi, gran = _shift(published, groups["unit"], count)
            return rec((lo, hi), gran, "publication")
        if kind == "recent":
            if published is None:
                return rec(None, "span", "publication", need)
            many = _count(groups.get("n")) if groups.get("n") else None
            unit = groups["unit"]
            days = {"day": 1, "week": 7, "month": 31, "year": 366}[unit]
            # "recent weeks" without a number: taken as up to about six of them.
            span = days * (many if many is not None else 6)
            return rec((published - dt.timedelta(days=span), published), "span", "publication")
        if kind == "event":
            return rec(None, "span", "event", "relative to another event in the text")
    except ValueError:  # impossible calendar dates such as "31 February 2020"
        return None
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
    text = _check_text(text)
    published = _check_published(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    present = {name for name, trigger in _TRIGGERS.items() if trigger.search(text)}
    for kind, pattern in _DATE_PATTERNS:
        if not _NEEDS[kind] <= present:
            continue  # cheap pre-check: most sentences hold no date at all
        for match in pattern.finditer(text):
            s, e = match.span()
            if _overlaps(s, e, taken):
                continue
            mention = _resolve_date(kind, match, text, published)
            if mention is None:
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
    found.sort(key=lambda d: (d.start, d.end))
    return found


# --------------------------------------------------------------------------------------------
# Quantities

_APPROX_RE = re.compile(
    r"(?P<cue>\b(?:more\s+than|over|in\s+excess\s+of|at\s+least|no\s+fewer\s+than|"
    r"no\s+less\s+than|about|around|some|roughly|approximately|an\s+estimated|estimated|"
    r"nearly|almost|close\s+to|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|less\s+than|"
    r"fewer\s+than|under|only|just|merely|a\s+mere))\s+$",
    re.IGNORECASE,
)
_APPROX_KIND = {
    "more than": "more than",
    "over": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "only": "only",
    "just": "only",
    "merely": "only",
    "a mere": "only",
}
_VAGUE: list[tuple[re.Pattern[str], float | None, float | None]] = [
    (re.compile(r"\btens\s+of\s+thousands\b", re.I), 10_000, 199_999),
    (re.compile(r"\bhundreds\s+of\s+thousands\b", re.I), 100_000, 1_999_999),
    (re.compile(r"\b(?:tens|hundreds)\s+of\s+millions\b", re.I), 10_000_000, 1_999_999_999),
    (re.compile(r"\bhundreds\b", re.I), 100, 1_999),
    (re.compile(r"\bthousands\b", re.I), 1_000, 19_999),
    (re.compile(r"\bmillions\b", re.I), 1_000_000, 19_999_999),
    (re.compile(r"\bbillions\b", re.I), 1_000_000_000, 19_999_999_999),
    (re.compile(r"\bdozens\b", re.I), 24, 199),
    (re.compile(r"\bscores\s+of\b", re.I), 40, 199),
    (re.compile(r"\ba\s+couple\s+of\b", re.I), 2, 3),
    (re.compile(r"\ba\s+few\b", re.I), 2, 9),
    (re.compile(r"\ba\s+handful\s+of\b", re.I), 2, 9),
    (re.compile(r"\bseveral\b", re.I), 3, 20),
    (re.compile(r"\ba\s+number\s+of\b", re.I), 2, None),
    (re.compile(r"\bnumerous\b", re.I), 3, None),
]
_BARE_TIME = re.compile(
    r"\b(?P<cue>just|only|mere|merely|within|for|a\s+matter\s+of|in\s+a\s+matter\s+of)\s+"
    r"(?P<unit>seconds|minutes|hours|days|weeks|months|years)\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(
    r"(?<![\w.,:/$£€-])(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b|\s?(?:m|bn|k)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?"
    r"(?![\w,.:]?\d)(?!st\b|nd\b|rd\b|th\b)(?!-\d)(?!/\d)"
)
_MERGE_GAP = re.compile(
    r"^\s*,?\s*(?:and\s+)?(?:probably|possibly|perhaps|maybe|likely|or\s+even|if\s+not|or)"
    r"\s*,?\s*$",
    re.IGNORECASE,
)
_UNIT_STOP = frozenset(
    "of in on at by for to from with into onto the a an was were is are has have had been be "
    "will would said say says who which that than per as or but while when if it its their "
    "his her them they he she we this these those".split()
)
_UNIT_ALIASES = {
    "km": "kilometer",
    "kms": "kilometer",
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "kilometers": "kilometer",
    "mi": "mile",
    "hrs": "hour",
    "hr": "hour",
    "mins": "minute",
    "min": "minute",
    "persons": "people",
    "person": "people",
    "percent": "percent",
    "%": "percent",
    "per cent": "percent",
    "%s": "percent",
}
_COUNT_NOUNS = frozenset(
    "people police personnel children men women staff militia cattle infantry".split()
)
_PRONOUN_UNITS = frozenset({"others", "more", "other", "of", "each", "apiece"})
_ONE_STOP = _UNIT_STOP | {"and", "another", "other", "based", "side", "thing", "way", "day", "time"}
_CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros"}
_RANK_BEFORE = re.compile(r"(?:\b[Nn]os?\.|#)\s*$")
_TIME_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|ET\b|EST\b|EDT\b)", re.I)
_NOT_PLURAL = frozenset({"news", "series", "species", "means", "headquarters", "this", "us"})
_WORD_AFTER = re.compile(r"(?:\s+|-)(?P<w>[A-Za-z][A-Za-z'’]*)")


def _find_unit(
    text: str, end: int, value: float | None, *, after_of: bool = False
) -> tuple[str | None, int]:
    """The counted noun after a number, and where it ends."""
    pos = end
    first: tuple[str, int] | None = None
    for i in range(4):
        match = _WORD_AFTER.match(text, pos)
        if match is None:
            break
        word = match.group("w")
        low = word.lower()
        if i == 0 and after_of and low == "of":
            pos = match.end()  # "hundreds of fighters"
            continue
        if low in _UNIT_STOP or low in _CALENDAR_NAMES:
            break
        if low in _UNIT_ALIASES or low in _COUNT_NOUNS:
            return word, match.end()
        if i == 0 and match.group(0).startswith("-") and word.islower():
            return word, match.end()  # "18-month", "450-kilometer"
        if (
            word.islower()
            and re.search(r"(?<![su])s$", low)
            and len(low) > 2
            and low not in _NOT_PLURAL
        ):
            return word, match.end()
        if i == 0 and word[0].isupper() and low.endswith("s") and not word.isupper():
            return word, match.end()  # "2,500 Afghans", "two Republicans"
        if first is None and word.islower() and low != "and":
            first = (word, match.end())
        pos = match.end()
    if first is not None and value == 1:
        return first
    return None, end


def _bounds(value: float, kind: str) -> tuple[float | None, float | None]:
    if kind in ("exact", "only"):
        return value, value
    if kind in ("more than", "at least"):
        return value, None
    if kind == "about":
        return value * 0.9, value * 1.1
    if kind == "nearly":
        return value * 0.9, value
    if kind in ("up to", "less than"):
        return 0.0, value
    raise AssertionError(kind)


def _number_spans(text: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, is_digits) of every number written in digits or words."""
    found: list[tuple[int, int, float, bool]] = []
    for match in _DIGIT_RE.finditer(text):
        num = match.group("num")
        if len(num) > 1 and num.startswith("0") and not num.startswith("0."):
            continue  # "0900": a time of day
        value = parse_digits(num)
        if value is None:
            continue
        scale = (match.group("scale") or "").strip().lower()
        value *= {"m": 1e6, "bn": 1e9, "k": 1e3}.get(scale, SCALES.get(scale, 1))
        found.append((match.start(), match.end(), value, True))
    for match in NUMBER_WORD_RE.finditer(text):
        words = match.group().split()
        value = words_value(words)
        if value is None:
            continue
        if match.group().lower() in SCALES:
            continue  # "million" alone: part of "one and a half million", not a number
        if match.group().lower() == "one":
            nxt = _WORD_AFTER.match(text, match.end())
            before = text[max(0, match.start() - 4) : match.start()].lower()
            if nxt is None or nxt.group("w").lower() in _ONE_STOP or before.endswith("no "):
                continue
            if not nxt.group("w").islower() or nxt.group(0).startswith("-"):
                continue
        found.append((match.start(), match.end(), value, False))
    return found


def find_quantities(text: str, *, nouns: Iterable[str] | None = None) -> list[Quantity]:
    """Find counts and measures in ``text``: numbers in digits or words, and vague amounts.

    Parameters
    ----------
    text : str
        The text to read.
    nouns : iterable of str, optional
        Plural nouns to report also when no number goes with them ("troops" in "Turkey
        rushed troops"), as ``approximation="unspecified"`` with no bounds, so that a claim
        that gives no figure can be compared with one that does.

    Returns
    -------
    list of Quantity
        In text order, non-overlapping. Years, dates, times of day and ordinals are left out.

    Examples
    --------
    >>> for q in find_quantities("More than 1,000 people have been killed and at least 5,000"):
    ...     print(q.text, "|", q.approximation, q.low, q.high)
    More than 1,000 people | more than 1000.0 None
    at least 5,000 | at least 5000.0 None
    >>> [(q.text, q.unit, q.value) for q in find_quantities("from five land and sea positions")]
    [('five land and sea positions', 'positions', 5.0)]
    >>> q = find_quantities("with hundreds, probably thousands, coming")[0]
    >>> q.text, q.low, q.high
    ('hundreds, probably thousands', 100, 19999)
    """
    text = _check_text(text)
    dates = [(d.start, d.end) for d in find_dates(text)]
    taken: list[tuple[int, int]] = list(dates)
    out: list[Quantity] = []

    # Vague amounts first: "hundreds of thousands" must not become a number "thousands".
    vague: list[Quantity] = []
    for pattern, low, high in _VAGUE:
        for match in pattern.finditer(text):
            s, e = match.span()
            if _overlaps(s, e, taken):
                continue
            unit, unit_end = _find_unit(text, e, None, after_of=True)
            if unit is not None and _overlaps(e, unit_end, taken):
                unit = None
            e2 = unit_end if unit else e
            taken.append((s, e2))
            vague.append(Quantity(s, e2, text[s:e2], None, low, high, "vague", unit))
    for match in _BARE_TIME.finditer(text):
        s, e = match.span()
        if _overlaps(s, e, taken):
            continue
        taken.append((s, e))
        unit = match.group("unit")
        vague.append(Quantity(s, e, text[s:e], None, 2, None, "vague", unit))
    out.extend(_merge_vague(text, sorted(vague, key=lambda q: q.start)))

    for s, e, value, _digits in sorted(_number_spans(text)):
        if _overlaps(s, e, taken):
            continue
        if _TIME_AFTER.match(text, e):
            continue  # "4 pm": a time of day
        if _RANK_BEFORE.search(text, max(0, s - 6), s):
            continue  # "the No. 2 Democrat", "#3": a rank, not a count
        currency = _CURRENCIES.get(text[s])
        cue = _APPROX_RE.search(text[max(0, s - 30) : s])
        kind = "exact"
        if cue is not None:
            kind = _APPROX_KIND[re.sub(r"\s+", " ", cue.group("cue").lower())]
            s = max(0, s - 30) + cue.start("cue")
        unit, unit_end = _find_unit(text, e, value)
        if unit is not None and _overlaps(e, unit_end, taken):
            unit = None
        if unit is not None and unit.lower() in _PRONOUN_UNITS:
            unit = None
        if text[e - 1] == "%" or re.search(r"per\s?cent$", text[s:e].lower()):
            unit = "percent"
        elif currency is not None:
            unit = currency  # "$400,000 and households": the money is the unit
        elif unit is not None:
            e = unit_end
        low, high = _bounds(value, kind)
        approximation = "about" if kind == "nearly" else kind
        taken.append((s, e))
        out.append(Quantity(s, e, text[s:e], value, low, high, approximation, unit))

    if nouns:
        wanted = sorted({n.strip() for n in nouns if n and n.strip()}, key=len, reverse=True)
        if wanted:
            bare = re.compile(r"\b(?:" + "|".join(map(re.escape, wanted)) + r")\b", re.I)
            for match in bare.finditer(text):
                s, e = match.span()
                if _overlaps(s, e, taken):
                    continue
                taken.append((s, e))
                out.append(Quantity(s, e, text[s:e], None, None, None, "unspecified", text[s:e]))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _merge_vague(text: str, vague: list[Quantity]) -> list[Quantity]:
    """Join "hundreds, probably thousands" into one quantity spanning both bounds."""
    merged: list[Quantity] = []
    for q in vague:
        if merged and _MERGE_GAP.match(text[merged[-1].end : q.start]):
            prev = merged[-1]
            low = (
                min(x for x in (prev.low, q.low) if x is not None)
                if (prev.low is not None or q.low is not None)
                else None
            )
            high = None if prev.high is None or q.high is None else max(prev.high, q.high)
            merged[-1] = Quantity(
                prev.start,
                q.end,
                text[prev.start : q.end],
                None,
                low,
                high,
                "vague",
                q.unit or prev.unit,
            )
            continue
        merged.append(q)
    return merged


# --------------------------------------------------------------------------------------------
# Sets of actors

_STOP_CAPS = frozenset(
    "The A An In On At By With Backed Supported Armed Funded And But Or Since Meanwhile However "
    "He She It They We I You His Her Its Their Our This That These Those After Before While As "
    "If When Then Also Both Neither Either Last Next Mr Mrs Ms Dr According Despite Under Over "
    "From For To Of Not No Yes Following Some Many Most All".split()
)
# Initials and titles keep a name whole: "George W. Bush", "Rep. Liz Cheney".
_NAME_WORD = (
    r"(?:(?:[A-Z]|Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Prof)\.(?= [A-Z])|"
    r"(?:(?:al|el|bin|ibn|de|van|von)-)?[A-Z](?:[\w-]|['’](?!s\b)\w|\.(?=[A-Z]))*)"
)
_NAME_RE = re.compile(
    rf"(?<![\w'’-]){_NAME_WORD}(?: +(?:(?:of|de|al|bin|el) +(?:the +)?)?{_NAME_WORD})*"
)
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ish|ese|yan|ern|ean|ic|can)|Israeli|Iraqi|Saudi|Emirati|Pakistani|"
    r"Yemeni|Omani|Kuwaiti|Qatari|Bahraini|Somali|Bangladeshi|Afghan|Thai|Greek|Dutch|French|"
    r"Swiss|Welsh|Czech|German)$"
)
# A two-member "list" ending in one of these is one organisation: "Food and Drug Administration".
_ORG_HEADS = frozenset(
    "Administration Prevention Protection Services Committee Department Affairs Agency Commission "
    "Institute Bureau Reform Development Association Office Council Ministry Authority "
    "Technology Research Sciences Industry Trade Welfare Society Company Co Corporation".split()
)
_CONNECT = re.compile(r"^\s*(?:,\s*|,?\s+(?P<and>and|or)\s+)(?:[Tt]he\s+)?$")
_REL_VERBS = (
    r"(?:back|support|arm|fund|financ|sponsor|aid|assist|endors|recogni[sz]|oppos|condemn|"
    r"critici[sz]|sanction|denounc|fight|attack|join|reject)"
)
_SUPPORTIVE = re.compile(
    r"^(?:back|support|arm|fund|financ|sponsor|aid|assist|endors|recogni|join)", re.I
)
_OPPOSING = re.compile(
    r"^(?:oppos|condemn|critici|sanction|denounc|fight|fought|attack|reject)", re.I
)
_REL_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|who|that|have|has|had|are|is|were|was|also|all|both|reportedly|"
    r"openly|militarily|strongly|jointly)\s+)*(?P<rel>" + _REL_VERBS + r"\w*)\b"
)
_REL_BEFORE = re.compile(
    r"(?P<rel>\b(?:" + _REL_VERBS + r"\w*)\s+(?:(?:only|solely|exclusively|militarily|"
    r"mainly|largely|openly|reportedly)\s+)?by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    rf"^ +(?:(?:militarily|openly) +)?(?P<t>(?:the +)?{_NAME_WORD}(?: +{_NAME_WORD})*"
    r"|the +[a-z]+)"
)
_TARGET_BEFORE = re.compile(
    rf"(?P<t>(?:[Tt]he +)?{_NAME_WORD}(?: +{_NAME_WORD})*(?:['’]s +[a-z]+)?|[Tt]he +[a-z]+)"
    r"(?:\s*,\s*|\s+(?:is|are|was|were|being|been|has\s+been|have\s+been|had\s+been|also|"
    r"reportedly|who\s+(?:is|are|was|were)))*\s*$"
)
_TARGET_FOLLOW = re.compile(
    rf"^ *, *(?P<t>(?:the +)?{_NAME_WORD}(?: +{_NAME_WORD})*(?:['’]s +[a-z]+)?)"
)
_CALENDAR_WORDS = frozenset({m.capitalize() for m in MONTHS} | {w.capitalize() for w in WEEKDAYS})


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NAME_RE.finditer(text):
        s, e = match.span()
        words = text[s:e].split()
        # Drop sentence starters and relation words glued to a name ("Backed", "The").
        while words and (words[0] in _STOP_CAPS or words[0].endswith("ly")):
            s = text.index(words[0], s) + len(words[0])
            s += len(text[s:e]) - len(text[s:e].lstrip())
            words = words[1:]
        if not words:
            continue
        # A weekday or month ends the name: "the House and Senate Saturday".
        tokens = list(re.finditer(r"\S+", text[s:e]))
        for i, token in enumerate(tokens[1:], start=1):
            if token.group().rstrip(".,") in _CALENDAR_WORDS:
                e = s + tokens[i - 1].end()
                break
        # A possessive belongs to what follows, not the name: "Haftar's forces".
        chunk = text[s:e]
        poss = re.search(r"['’]s$", chunk)
        if poss:
            e = s + poss.start()
        chunk = text[s:e].rstrip(".")
        e = s + len(chunk)
        if chunk and chunk not in _CALENDAR_WORDS:
            spans.append((s, e))
    return spans


def _default_name(member: str) -> str:
    return re.sub(r"\s+", " ", member).strip()


def find_sets(
    text: str,
    *,
    canonical: Callable[[str], str | None] | None = None,
    known_only: bool = False,
) -> list[ActorSet]:
    """Find actors named together ("Egypt, the UAE and Russia") with their relation and target.

    Parameters
    ----------
    text : str
        The text to read.
    canonical : callable str -> str or None, optional
        Maps a member's text to a canonical name so that aliases compare equal ("UAE" and
        "United Arab Emirates"); returning None keeps the text as written.
    known_only : bool, default False
        Keep only lists whose every member ``canonical`` recognises (returns a name for).
        Capitalised coordinations in news are often not lists of actors ("the Civil War and
        Reconstruction", "Jammu and Kashmir"); with an actor gazetteer this removes them.

    Returns
    -------
    list of ActorSet
        Lists of two or more capitalised names joined by "and"/"or" (with commas), in text
        order. Lists of nationality adjectives ("Turkish and Russian presidents") are left out.

    Examples
    --------
    >>> s = find_sets("with Egypt, the UAE and Russia backing Haftar, while Turkey and Qatar "
    ...               "support the GNA.")
    >>> [([m.text for m in x.members], x.relation, x.target) for x in s]
    [(['Egypt', 'UAE', 'Russia'], 'backing', 'Haftar'), (['Turkey', 'Qatar'], 'support', 'the GNA')]
    """
    text = _check_text(text)
    if canonical is not None and not callable(canonical):
        raise ParameterError(
            f"canonical must be a callable str -> str | None, got {type(canonical).__name__}"
        )
    if known_only and canonical is None:
        raise ParameterError("known_only=True needs canonical, a callable str -> str | None")
    names = _name_spans(text)
    chains: list[list[tuple[int, int, bool]]] = []  # (start, end, joined by and/or)
    for s, e in names:
        if chains:
            _, pe, _ = chains[-1][-1]
            gap = _CONNECT.match(text[pe:s])
            if gap is not None:
                chains[-1].append((s, e, bool(gap.group("and"))))
                continue
        chains.append([(s, e, False)])
    out: list[ActorSet] = []
    for chain in chains:
        last_and = max((i for i, (_, _, j) in enumerate(chain) if j), default=-1)
        if last_and < 1:
            continue
        chain = chain[: last_and + 1]
        texts = [text[s:e] for s, e, _ in chain]
        if any(_DEMONYM.match(t.split()[-1]) for t in texts):
            continue
        if len(chain) == 2 and texts[-1].split()[-1] in _ORG_HEADS:
            continue
        if known_only and canonical is not None and not all(canonical(t) for t in texts):
            continue
        out.append(_actor_set(text, chain, canonical))
    return out


def _actor_set(
    text: str,
    chain: list[tuple[int, int, bool]],
    canonical: Callable[[str], str | None] | None,
) -> ActorSet:
    start, end = chain[0][0], chain[-1][1]
    members = []
    for s, e, _ in chain:
        raw = text[s:e]
        name = canonical(raw) if canonical is not None else None
        members.append(Member(s, e, raw, name or _default_name(raw)))
    rel = rel_s = rel_e = None
    tgt = tgt_s = tgt_e = None
    after = _REL_AFTER.match(text[end:])
    before_text = text[max(0, start - 80) : start]
    offset = max(0, start - 80)
    before = _REL_BEFORE.search(before_text)
    if after is not None:
        rel_s, rel_e = end + after.start("rel"), end + after.end("rel")
        target = _TARGET_AFTER.match(text[rel_e:])
        if target is not None:
            tgt_s, tgt_e = rel_e + target.start("t"), rel_e + target.end("t")
    elif before is not None:
        rel_s, rel_e = offset + before.start("rel"), offset + before.end("rel")
        hs = max(0, rel_s - 80)
        target = _TARGET_BEFORE.search(text[hs:rel_s])
        if target is not None:
            tgt_s, tgt_e = hs + target.start("t"), hs + target.end("t")
        else:
            # "Backed by Egypt and the UAE, Haftar's forces ...": the target follows the list.
            follow = _TARGET_FOLLOW.match(text[end:])
            if follow is not None:
                tgt_s, tgt_e = end + follow.start("t"), end + follow.end("t")
    if rel_s is not None and rel_e is not None:
        rel = text[rel_s:rel_e]
    if tgt_s is not None and tgt_e is not None:
        tgt = text[tgt_s:tgt_e]
    exhaustive = bool(
        re.search(r"\b(?:only|solely|exclusively)\b[^.,;]{0,30}$", text[max(0, start - 40) : start])
        or re.match(r"^\s+(?:alone|only)\b", text[end:])
    )
    return ActorSet(
        start=start,
        end=end,
        text=text[start:end],
        members=tuple(members),
        relation=rel,
        relation_start=rel_s,
        relation_end=rel_e,
        target=tgt,
        target_start=tgt_s,
        target_end=tgt_e,
        exhaustive=exhaustive,
    )


# --------------------------------------------------------------------------------------------
# Negation and hedges

_NEG_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "negation",
        "non-confirmation",
        re.compile(
            r"\b(?:did|does|do|could|would|has|have|had|was|were|is|are)(?:\s+not|n['’]t)\s+"
            r"(?:(?:immediately|yet|independently|officially|publicly)\s+)?(?:be\s+)?"
            r"(?:confirm|comment|respond|verif|reach|acknowledg)\w*",
            re.I,
        ),
    ),
    (
        "negation",
        "non-confirmation",
        re.compile(r"\b(?:declined|refused)\s+to\s+(?:comment|confirm|say)\w*", re.I),
    ),
    ("negation", "failure", re.compile(r"\bfail(?:ed|s|ing)?\s+to\b", re.I)),
    ("negation", "denial", re.compile(r"\bden(?:y|ies|ied|ying)\b", re.I)),
    ("negation", "negation", re.compile(r"\bno\s+(?:one|longer)\b", re.I)),
    ("negation", "negation", re.compile(r"\bnot\b(?!\s+(?:only|just)\b)", re.I)),
    ("negation", "negation", re.compile(r"(?<=\w)n['’]t\b", re.I)),
    ("negation", "negation", re.compile(r"\bcannot\b", re.I)),
    ("negation", "negation", re.compile(r"\bno\b(?!\.\s*\d)", re.I)),
    (
        "negation",
        "negation",
        re.compile(r"\b(?:never|none|nobody|nothing|neither|nor|nowhere|without)\b", re.I),
    ),
]
_HEDGE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(
        r"\b(?:reportedly|apparently|allegedly|presumably|purportedly|supposedly|seemingly|"
        r"possibly|probably|perhaps|unconfirmed)\b",
        re.I,
    ),
    re.compile(r"\bthere\s+(?:have\s+been|has\s+been|were|are|was|is)\s+reports?\b", re.I),
    re.compile(r"\baccording\s+to\s+(?:unconfirmed\s+)?reports\b", re.I),
    re.compile(r"\b(?:appear|seem)(?:s|ed|ing)?\s+to\b", re.I),
    re.compile(r"\b(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to\b", re.I),
    re.compile(r"\b(?:may|might|could)\s+have\b", re.I),
]


def find_negation(text: str) -> list[Cue]:
    """Find negation cues ("not", "never", "failed to", "denied", "did not immediately
    confirm") and hedges ("reportedly", "apparently", "there have been reports").

    Returns
    -------
    list of Cue
        In text order, non-overlapping; a multi-word cue wins over the words inside it.

    Examples
    --------
    >>> [(c.text, c.kind, c.category)
    ...  for c in find_negation("The government did not immediately confirm the fall of Sirte.")]
    [('did not immediately confirm', 'negation', 'non-confirmation')]
    >>> [c.text for c in find_negation("Haftar apparently appeared to win; no one knows.")]
    ['apparently', 'appeared to', 'no one']
    """
    text = _check_text(text)
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for kind, category, pattern in _NEG_PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if _overlaps(s, e, taken):
                continue
            taken.append((s, e))
            out.append(Cue(s, e, text[s:e], kind, category))
    for pattern in _HEDGE_PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if _overlaps(s, e, taken):
                continue
            taken.append((s, e))
            out.append(Cue(s, e, text[s:e], "hedge", "hedge"))
    out.sort(key=lambda c: (c.start, c.end))
    return out


# --------------------------------------------------------------------------------------------
# Comparisons


def _norm_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.lower().strip()
    u = _UNIT_ALIASES.get(u, u)
    if u.endswith("ies") and len(u) > 4:
        u = u[:-3] + "y"
    elif u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        u = u[:-1]
    return _UNIT_ALIASES.get(u, u)


def _interval(q: Quantity) -> tuple[float, float]:
    low = -math.inf if q.low is None else q.low
    high = math.inf if q.high is None else q.high
    return low, high


def _close(x: float, y: float) -> bool:
    return x == y or (math.isfinite(x) and math.isfinite(y) and math.isclose(x, y, rel_tol=1e-9))


def _check_type(value: object, cls: type, name: str) -> None:
    if not isinstance(value, cls):
        raise ParameterError(f"{name} must be a {cls.__name__}, got {type(value).__name__}")


def compare_quantities(a: Quantity, b: Quantity) -> Verdict:
    """Compare two quantities that are meant to state the same fact.

    Returns
    -------
    Verdict
        ``kind="number"``. ``agree`` when both allow exactly the same values, ``conflict`` when
        no value fits both, otherwise ``compatible``. Quantities of different units are not
        compared (``compatible``, and the explanation says so).

    Examples
    --------
    >>> a = find_quantities("an operation that lasted only three hours")[0]
    >>> b = find_quantities("an operation that lasted just hours")[0]
    >>> v = compare_quantities(a, b)
    >>> v.verdict
    'compatible'
    >>> v.explanation
    "'only three hours' vs 'just hours': the figures overlap, one side is less precise"
    >>> q = find_quantities("Ankara deployed 35 troops", nouns=["troops"])[0]
    >>> r = find_quantities("Turkey rushed troops in", nouns=["troops"])[0]
    >>> compare_quantities(q, r).explanation
    "'35 troops' vs 'troops': same fact, one side is less precise"
    """
    _check_type(a, Quantity, "a")
    _check_type(b, Quantity, "b")
    ua, ub = _norm_unit(a.unit), _norm_unit(b.unit)
    head = f"{a.text!r} vs {b.text!r}"
    if ua is not None and ub is not None and ua != ub:
        return Verdict(
            "compatible",
            "number",
            a.text,
            b.text,
            f"{head}: different things counted ({a.unit} vs {b.unit}), not compared",
        )
    (la, ha), (lb, hb) = _interval(a), _interval(b)
    if _close(la, lb) and _close(ha, hb):
        same_kind = a.approximation == b.approximation or {a.approximation, b.approximation} <= {
            "exact",
            "only",
        }
        if same_kind:
            return Verdict("agree", "number", a.text, b.text, f"{head}: same figure")
    if (ha < lb and not _close(ha, lb)) or (hb < la and not _close(hb, la)):
        return Verdict("conflict", "number", a.text, b.text, f"{head}: the figures differ")
    if "unspecified" in (a.approximation, b.approximation):
        why = "same fact, one side is less precise"
    elif (la <= lb and hb <= ha) or (lb <= la and ha <= hb):
        why = "the figures overlap, one side is less precise"
    else:
        why = "the ranges overlap"
    return Verdict("compatible", "number", a.text, b.text, f"{head}: {why}")


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
    _check_type(a, DateMention, "a")
    _check_type(b, DateMention, "b")
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


def _family(relation: str | None) -> str | None:
    if relation is None:
        return None
    word = relation.split()[0]
    if _SUPPORTIVE.match(word):
        return "support"
    if _OPPOSING.match(word):
        return "oppose"
    return None


def compare_sets(a: ActorSet, b: ActorSet) -> Verdict:
    """Compare two sets of actors meant to state the same relation.

    Returns
    -------
    Verdict
        ``kind="set"`` with ``shared``, ``only_a`` and ``only_b``. ``agree`` for the same
        members; ``conflict`` when a side marks its list as exhaustive and the other names
        someone outside it, or the same members get opposite relations; else ``compatible``
        (news lists are rarely complete, so naming more or other members is not a
        contradiction).

    Examples
    --------
    >>> canon = {"UAE": "United Arab Emirates"}.get
    >>> a = find_sets("with Egypt, the UAE and Russia backing Haftar", canonical=canon)[0]
    >>> b = find_sets("backed by the United Arab Emirates, Egypt, and Jordan", canonical=canon)[0]
    >>> v = compare_sets(a, b)
    >>> v.verdict, v.shared, v.only_a, v.only_b
    ('compatible', ('Egypt', 'United Arab Emirates'), ('Russia',), ('Jordan',))
    """
    _check_type(a, ActorSet, "a")
    _check_type(b, ActorSet, "b")
    na, nb = a.names, b.names
    shared = tuple(sorted(na & nb))
    only_a, only_b = tuple(sorted(na - nb)), tuple(sorted(nb - na))
    parts = [f"shared: {', '.join(shared) or 'none'}"]
    if only_a:
        parts.append(f"only in a: {', '.join(only_a)}")
    if only_b:
        parts.append(f"only in b: {', '.join(only_b)}")
    detail = "; ".join(parts)

    def verdict(v: str, why: str) -> Verdict:
        return Verdict(v, "set", a.text, b.text, f"{why} ({detail})", shared, only_a, only_b)

    fa, fb = _family(a.relation), _family(b.relation)
    if shared and fa is not None and fb is not None and fa != fb:
        return verdict("conflict", f"opposite relations: {a.relation!r} vs {b.relation!r}")
    if (a.exhaustive and only_b) or (b.exhaustive and only_a):
        return verdict("conflict", "one side gives its list as complete, the other names more")
    if not only_a and not only_b:
        return verdict("agree", "same members")
    if not shared:
        return verdict("compatible", "no member in common")
    return verdict("compatible", "partly the same members, each list may be incomplete")


# Irregular past forms -> base form, so that "did not send" meets "sent" (English morphology,
# written here: the common irregular verbs of news reporting).
_IRREGULAR = {
    form: base
    for entry in (
        "begin:began,begun break:broke,broken bring:brought build:built buy:bought catch:caught "
        "choose:chose,chosen come:came do:did,done draw:drew,drawn drive:drove,driven "
        "eat:ate,eaten fall:fell,fallen feel:felt fight:fought find:found flee:fled "
        "fly:flew,flown forbid:forbade,forbidden freeze:froze,frozen get:got,gotten "
        "give:gave,given go:went,gone grow:grew,grown hang:hung hold:held keep:kept "
        "know:knew,known lead:led leave:left lend:lent lose:lost make:made mean:meant meet:met "
        "pay:paid ride:rode,ridden rise:rose,risen run:ran say:said see:saw,seen seek:sought "
        "sell:sold send:sent shake:shook,shaken shoot:shot shrink:shrank,shrunk sing:sang,sung "
        "sit:sat speak:spoke,spoken spend:spent stand:stood steal:stole,stolen "
        "strike:struck,stricken swear:swore,sworn take:took,taken teach:taught tell:told "
        "think:thought throw:threw,thrown understand:understood wake:woke,woken wear:wore,worn "
        "win:won write:wrote,written"
    ).split()
    for base, forms in [entry.split(":")]
    for form in forms.split(",")
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    low = word.lower()
    return stem(_IRREGULAR.get(low, low))


# "isn't" is read as "is" + "n't": the lazy first branch stops before "n't".
_TOKEN_RE = re.compile(r"[A-Za-z]+?(?=n['’]t\b)|[A-Za-z]+")
_NEGATION_WORDS = frozenset(
    "no not never none nobody nothing neither nor nowhere without cannot n t".split()
)
_FUNCTION_WORDS = _NEGATION_WORDS | frozenset(
    "be been being is are was were am has have had do does did will would shall should can could "
    "may might must ca wo immediately yet even also always ever still really actually officially "
    "the a an any one of to that this these those in on at for with by from and or as it its his "
    "her their he she they them we us our you your i me my who whom which what whose there here "
    "than then so such s just only very too some all both each every much many more most other "
    "another into onto upon about out up down if when where while how why".split()
)
_CLAUSE_BREAK = re.compile(
    r"[,;:!?()\[\]\"“”«»]|\.(?=\s|$)|\b(?:but|while|whereas|although|though|because|however|"
    r"unless|yet)\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
# A conjunct with its own auxiliary or negation is a clause of its own: "a clown is singing and
# people are not dancing"; "holding a sign and seeking money" shares its subject and auxiliary.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|will|would|can|could|shall|should|may|might|must|"
    r"do|does|did|there|no|not|never|nobody|none|nothing|cannot)\b|n['’]t\b",
    re.IGNORECASE,
)

#: Defaults of :func:`compare_polarity`, chosen on SICK train + trial (see
#: ``claimcompare._eval_conflicts.tune_polarity``), never on test data.
MIN_COVERAGE = 0.8
MIN_CONTEXT = 1.0


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    stem: str
    content: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        low = m.group().lower()
        out.append(_Token(m.start(), m.end(), m.group(), _stem(low), low not in _FUNCTION_WORDS))
    return out


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the clauses of ``text``, in order, covering every word.

    A clause ends at punctuation other than an apostrophe or hyphen, at a subordinating "but",
    "while", "although", "because"... and at an "and"/"or" whose conjunct has its own auxiliary
    or negation ("... is singing and people are not dancing"); an "and" between two nouns or two
    verbs that share the auxiliary ("holding a sign and seeking money") does not end a clause.
    The separators themselves belong to no clause; whitespace at either end is trimmed.

    Examples
    --------
    >>> text = "A clown is singing and people are not dancing, he said."
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['A clown is singing', 'people are not dancing', 'he said']
    >>> text = "A man is holding a sign and seeking money"
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['A man is holding a sign and seeking money']
    >>> text = "U.S. troops left Sirte. Turkey sent troops"
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['U.S. troops left Sirte', 'Turkey sent troops']
    """
    text = _check_text(text)
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.group() == "." and ends_abbreviation(text, m.start()):
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        s = start
        for m in _JOIN.finditer(text, start, end):
            if m.start() < s:
                continue
            if _FINITE.search(text, m.end(), end) and _TOKEN_RE.search(text, s, m.start()):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, end))
    trimmed = []
    for s, e in out:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = e - (len(chunk) - len(chunk.rstrip()))
        if s2 < e2 and _TOKEN_RE.search(text, s2, e2):
            trimmed.append((s2, e2))
    return trimmed


@dataclass(frozen=True, slots=True)
class _Reading:
    """A claim read for polarity: its tokens, clauses, cues and content stems."""

    text: str
    tokens: tuple[_Token, ...]
    clauses: tuple[tuple[int, int], ...]
    cues: tuple[Cue, ...]
    stems: frozenset[str]

    def clause_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.clauses:
            if s <= pos < e:
                return s, e
        return pos, pos

    def strong(self) -> list[Cue]:
        return [c for c in self.cues if c.kind == "negation" and c.category != "non-confirmation"]

    def scope(self, cue: Cue) -> list[_Token]:
        """Content words a negation cue governs: its clause (for a denial, what follows it)."""
        s, e = self.clause_of(cue.start)
        if cue.category == "denial":
            s = cue.end
        return [
            t
            for t in self.tokens
            if t.content and s <= t.start and t.end <= e and not (cue.start <= t.start < cue.end)
        ]

    def negated_at(self, pos: int) -> bool:
        s, e = self.clause_of(pos)
        return any(s <= c.start < e for c in self.strong())


def _read(text: str) -> _Reading:
    tokens = tuple(_tokens(text))
    return _Reading(
        text,
        tokens,
        tuple(clause_spans(text)),
        tuple(find_negation(text)),
        frozenset(t.stem for t in tokens if t.content),
    )


@lru_cache(maxsize=1)
def _opposites() -> dict[str, frozenset[str]]:
    """Stem -> stems of its opposites, from the shipped ``data/antonyms.csv``."""
    pairs: dict[str, set[str]] = {}
    for row in data_rows("antonyms.csv"):
        left = {_stem(w) for w in row["word_a"].split("|") if w}
        right = {_stem(w) for w in row["word_b"].split("|") if w}
        for x in left:
            pairs.setdefault(x, set()).update(right - left)
        for y in right:
            pairs.setdefault(y, set()).update(left - right)
    return {k: frozenset(v) for k, v in pairs.items() if v}


def antonym_pairs() -> list[tuple[str, str]]:
    """The opposite stems :func:`compare_polarity` knows, as sorted ``(stem, stem)`` pairs.

    Read from ``claimcompare/data/antonyms.csv`` (written by hand for this project; its header
    gives the provenance).

    Examples
    --------
    >>> ("fall", "rise") in antonym_pairs() and ("empti", "full") in antonym_pairs()
    True
    """
    return sorted({tuple(sorted((k, v))) for k, vs in _opposites().items() for v in vs})  # type: ignore[misc]


def _coverage(scope: list[_Token], stems: frozenset[str]) -> float:
    if not scope:
        return 0.0
    return sum(t.stem in stems for t in scope) / len(scope)


def _negation_conflict(
    side: _Reading, other: _Reading, min_coverage: float
) -> tuple[Cue, str] | None:
    """The first negation in ``side`` whose clause ``other`` states without negating it."""
    other_scopes = [{t.stem for t in other.scope(c)} for c in other.strong()]
    for cue in side.strong():
        scope = side.scope(cue)
        if not scope:
            continue
        stems = {t.stem for t in scope}
        if any(2 * len(stems & o) >= len(stems) for o in other_scopes):
            continue  # the other claim negates the same thing
        after = [t for t in scope if t.start >= cue.end]
        head = (after or scope)[0]
        if head.stem in other.stems and _coverage(scope, other.stems) >= min_coverage:
            return cue, head.text
    return None


def _clause_stems(reading: _Reading, token: _Token) -> set[str]:
    s, e = reading.clause_of(token.start)
    return {t.stem for t in reading.tokens if t.content and s <= t.start < e} - {token.stem}


def _antonym_conflict(a: _Reading, b: _Reading, min_context: float) -> tuple[str, str] | None:
    """Opposite words ("rose"/"fell") in clauses that otherwise say the same thing."""
    opposites = _opposites()
    found = []
    for ta in a.tokens:
        if not ta.content or ta.stem in b.stems or ta.stem not in opposites:
            continue
        for tb in b.tokens:
            if not tb.content or tb.stem not in opposites[ta.stem] or tb.stem in a.stems:
                continue
            if a.negated_at(ta.start) or b.negated_at(tb.start):
                continue  # "not full" against "empty" is agreement, not conflict
            ca, cb = _clause_stems(a, ta), _clause_stems(b, tb)
            shared = len(ca & cb)
            if shared and shared >= min_context * min(len(ca), len(cb)):
                found.append((min(ta.stem, tb.stem), max(ta.stem, tb.stem), ta.text, tb.text))
    if not found:
        return None
    best = min(found)
    return best[2], best[3]


def _check_fraction(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ParameterError(f"{name} must be a number between 0 and 1, got {value!r}")
    return float(value)


def compare_polarity(
    a: str,
    b: str,
    *,
    min_coverage: float = MIN_COVERAGE,
    min_context: float = MIN_CONTEXT,
) -> Verdict:
    """Compare the polarity and hedging of two claims about the same thing.

    A negation ("not", "no", "never", "nobody", "failed to", "denied") conflicts with the other
    claim when the other states the negated clause without negating it: the word the negation
    governs is in the other claim, and so are at least ``min_coverage`` of the clause's content
    words (the clause is the negation's own: "a clown is singing and people are not dancing"
    negates only the dancing). Opposite predicates from the shipped antonym list ("rose" /
    "fell", "accepted" / "rejected", "empty" / "full") in clauses that share at least
    ``min_context`` of their other content words conflict the same way; both are of kind
    ``negation``. A non-confirmation ("did not immediately confirm") against a statement is
    only ``compatible``; a negation of something the other claim does not state is
    ``compatible``. With the same polarity, a hedge on one side only ("reportedly") is a
    ``compatible`` ``hedge``; otherwise the two ``agree``.

    Parameters
    ----------
    a, b : str
        The two claims.
    min_coverage : float, default 0.8
        Share of the negated clause's content words (Snowball stems) the other claim must
        contain. 1.0: "there is no man running down the road" does not conflict with "a man is
        running", which says nothing about a road.
    min_context : float, default 1.0
        Share of the content words of the shorter of the two clauses holding the opposite
        words that the clauses must share.

    Examples
    --------
    >>> compare_polarity("An interior ministry worker was killed.",
    ...                  "No interior ministry worker was killed.").verdict
    'conflict'
    >>> v = compare_polarity("Oil prices rose on Monday.", "Oil prices fell on Monday.")
    >>> v.verdict, v.kind, v.explanation
    ('conflict', 'negation', "opposite predicates: 'rose' in a, 'fell' in b")
    >>> compare_polarity("There is no man running down the road", "A man is running").verdict
    'compatible'
    >>> v = compare_polarity("Militia members have reportedly seized Sirte.",
    ...                      "Libyan fighters have taken the city of Sirte.")
    >>> v.verdict, v.kind
    ('compatible', 'hedge')
    """
    a = _check_text(a, "a")
    b = _check_text(b, "b")
    min_coverage = _check_fraction(min_coverage, "min_coverage")
    min_context = _check_fraction(min_context, "min_context")
    ra, rb = _read(a), _read(b)
    negs = {k: [c for c in r.cues if c.kind == "negation"] for k, r in (("a", ra), ("b", rb))}
    va = ", ".join(c.text for c in negs["a"]) or "affirmed"
    vb = ", ".join(c.text for c in negs["b"]) or "affirmed"
    for side, other, r_side, r_other in (("a", "b", ra, rb), ("b", "a", rb, ra)):
        hit = _negation_conflict(r_side, r_other, min_coverage)
        if hit is not None:
            cue, head = hit
            why = f"{side} negates what {other} states ({cue.text!r} ... {head!r})"
            return Verdict("conflict", "negation", va, vb, why)
    opposite = _antonym_conflict(ra, rb, min_context)
    if opposite is not None:
        wa, wb = opposite
        why = f"opposite predicates: {wa!r} in a, {wb!r} in b"
        return Verdict("conflict", "negation", wa, wb, why)
    strong = {"a": ra.strong(), "b": rb.strong()}
    if bool(strong["a"]) != bool(strong["b"]):
        side, other = ("a", "b") if strong["a"] else ("b", "a")
        return Verdict(
            "compatible",
            "negation",
            va,
            vb,
            f"{side} has a negation ({', '.join(c.text for c in strong[side])}) "
            f"on something {other} does not state",
        )
    conf = {k: any(c.category == "non-confirmation" for c in v) for k, v in negs.items()}
    if conf["a"] != conf["b"]:
        side = "a" if conf["a"] else "b"
        return Verdict(
            "compatible",
            "negation",
            va,
            vb,
            f"{side} says it was not (yet) confirmed; the other states it",
        )
    hedges = {k: [c.text for c in r.cues if c.kind == "hedge"] for k, r in (("a", ra), ("b", rb))}
    if bool(hedges["a"]) != bool(hedges["b"]):
        side, other = ("a", "b") if hedges["a"] else ("b", "a")
        ha = ", ".join(hedges["a"]) or "no hedge"
        hb = ", ".join(hedges["b"]) or "no hedge"
        return Verdict(
            "compatible",
            "hedge",
            ha,
            hb,
            f"{side} hedges ({', '.join(hedges[side])}); {other} states it flatly",
        )
    polarity = "negated" if strong["a"] else "affirmed"
    return Verdict("agree", "negation", va, vb, f"both sides have it {polarity}")
