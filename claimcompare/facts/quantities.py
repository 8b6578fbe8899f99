"""Counts and measures in a text as intervals, and how two of them compare.

:func:`find_quantities` reads numbers in digits or words and vague amounts ("hundreds",
"just hours"), never years or dates; :func:`compare_quantities` gives a
:class:`~claimcompare.facts.Verdict` (see docs/facts.md for the conventions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ._calendar import MONTHS, WEEKDAYS
from ._checks import check_text, check_type, overlaps
from ._number_words import NUMBER_WORD_RE, SCALES, parse_digits, words_value
from .dates import find_dates
from .records import Quantity, Verdict

__all__ = ["compare_quantities", "find_quantities", "normalize_unit"]

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
    text = check_text(text)
    taken: list[tuple[int, int]] = [(d.start, d.end) for d in find_dates(text)]
    # Vague amounts first: "hundreds of thousands" must not become a number "thousands".
    out = _merge_vague(text, _vague_quantities(text, taken))
    out += _figures(text, taken)
    if nouns:
        out += _bare_nouns(text, taken, nouns)
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _vague_quantities(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """ "hundreds of fighters", "just hours", in text order; their spans go into ``taken``."""
    vague: list[Quantity] = []
    for pattern, low, high in _VAGUE:
        for match in pattern.finditer(text):
            s, e = match.span()
            if overlaps(s, e, taken):
                continue
            unit, unit_end = _find_unit(text, e, None, after_of=True)
            if unit is not None and overlaps(e, unit_end, taken):
                unit = None
            e2 = unit_end if unit else e
            taken.append((s, e2))
            vague.append(Quantity(s, e2, text[s:e2], None, low, high, "vague", unit))
    for match in _BARE_TIME.finditer(text):
        s, e = match.span()
        if overlaps(s, e, taken):
            continue
        taken.append((s, e))
        unit = match.group("unit")
        vague.append(Quantity(s, e, text[s:e], None, 2, None, "vague", unit))
    return sorted(vague, key=lambda q: q.start)


def _figures(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers with their approximation cue and unit, leaving out times of day and ranks."""
    out: list[Quantity] = []
    for s, e, value, _digits in sorted(_number_spans(text)):
        if overlaps(s, e, taken):
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
        if unit is not None and (overlaps(e, unit_end, taken) or unit.lower() in _PRONOUN_UNITS):
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
    return out


def _bare_nouns(text: str, taken: list[tuple[int, int]], nouns: Iterable[str]) -> list[Quantity]:
    """The ``nouns`` asked for, where no figure goes with them ("Turkey rushed troops")."""
    wanted = sorted({n.strip() for n in nouns if n and n.strip()}, key=len, reverse=True)
    if not wanted:
        return []
    out: list[Quantity] = []
    bare = re.compile(r"\b(?:" + "|".join(map(re.escape, wanted)) + r")\b", re.I)
    for match in bare.finditer(text):
        s, e = match.span()
        if overlaps(s, e, taken):
            continue
        taken.append((s, e))
        out.append(Quantity(s, e, text[s:e], None, None, None, "unspecified", text[s:e]))
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


def normalize_unit(unit: str | None) -> str | None:
    """The unit as :func:`compare_quantities` compares it: lower case, singular, aliases merged.

    Examples
    --------
    >>> normalize_unit("Kilometres"), normalize_unit("km"), normalize_unit("casualties")
    ('kilometer', 'kilometer', 'casualty')
    >>> normalize_unit(None) is None
    True
    """
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
    check_type(a, Quantity, "a")
    check_type(b, Quantity, "b")
    ua, ub = normalize_unit(a.unit), normalize_unit(b.unit)
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
