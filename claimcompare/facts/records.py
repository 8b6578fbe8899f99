"""The records the fact finders return and the verdict of two facts compared.

Every record is frozen and carries half-open offsets into the text it was found in
(``text[fact.start:fact.end] == fact.text``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = [
    "APPROXIMATIONS",
    "VERDICTS",
    "ActorSet",
    "Cue",
    "DateMention",
    "Member",
    "Quantity",
    "Verdict",
]

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
    >>> from claimcompare.facts import find_quantities
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
    >>> from claimcompare.facts import find_dates
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
    >>> from claimcompare.facts import find_sets
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
    >>> from claimcompare.facts import find_negation
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
    >>> from claimcompare.facts import compare_quantities, find_quantities
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
