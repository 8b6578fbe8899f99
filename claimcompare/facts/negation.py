"""Negation and hedging cues, and whether two claims state the same thing with opposite polarity.

:func:`find_negation` finds the cues; :func:`compare_polarity` tells a negation of what the other
claim states, or opposite predicates from the shipped antonym list, from a non-confirmation or a
hedge on one side only (see docs/facts.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._common.data import data_rows
from ..claims.clauses import Token, clause_spans, word_stem, word_tokens
from ._checks import check_fraction, check_text, overlaps
from .records import Cue, Verdict

__all__ = ["MIN_CONTEXT", "MIN_COVERAGE", "antonym_pairs", "compare_polarity", "find_negation"]

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
    text = check_text(text)
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for kind, category, pattern in _NEG_PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if overlaps(s, e, taken):
                continue
            taken.append((s, e))
            out.append(Cue(s, e, text[s:e], kind, category))
    for pattern in _HEDGE_PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if overlaps(s, e, taken):
                continue
            taken.append((s, e))
            out.append(Cue(s, e, text[s:e], "hedge", "hedge"))
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: Defaults of :func:`compare_polarity`, chosen on SICK train + trial (see
#: ``claimcompare._eval_conflicts.tune_polarity``), never on test data.
MIN_COVERAGE = 0.8
MIN_CONTEXT = 1.0


@dataclass(frozen=True, slots=True)
class _Reading:
    """A claim read for polarity: its tokens, clauses, cues and content stems."""

    text: str
    tokens: tuple[Token, ...]
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

    def scope(self, cue: Cue) -> list[Token]:
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
    tokens = tuple(word_tokens(text))
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
        left = {word_stem(w) for w in row["word_a"].split("|") if w}
        right = {word_stem(w) for w in row["word_b"].split("|") if w}
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


def _coverage(scope: list[Token], stems: frozenset[str]) -> float:
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


def _clause_stems(reading: _Reading, token: Token) -> set[str]:
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
    a = check_text(a, "a")
    b = check_text(b, "b")
    min_coverage = check_fraction(min_coverage, "min_coverage")
    min_context = check_fraction(min_context, "min_context")
    ra, rb = _read(a), _read(b)
    conflict = _polarity_conflict(ra, rb, min_coverage, min_context)
    return conflict if conflict is not None else _polarity_difference(ra, rb)


def _negations_written(reading: _Reading) -> str:
    """The negation cues of a claim as written, or "affirmed"."""
    return ", ".join(c.text for c in reading.cues if c.kind == "negation") or "affirmed"


def _polarity_conflict(
    ra: _Reading, rb: _Reading, min_coverage: float, min_context: float
) -> Verdict | None:
    """A negation of what the other claim states, or opposite predicates; else None."""
    va, vb = _negations_written(ra), _negations_written(rb)
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
    return None


def _polarity_difference(ra: _Reading, rb: _Reading) -> Verdict:
    """With no conflict: a negation, non-confirmation or hedge on one side only, or agreement."""
    va, vb = _negations_written(ra), _negations_written(rb)
    strong = {"a": ra.strong(), "b": rb.strong()}
    if bool(strong["a"]) != bool(strong["b"]):
        side, other = ("a", "b") if strong["a"] else ("b", "a")
        cues = ", ".join(c.text for c in strong[side])
        why = f"{side} has a negation ({cues}) on something {other} does not state"
        return Verdict("compatible", "negation", va, vb, why)
    unconfirmed = {
        k: any(c.kind == "negation" and c.category == "non-confirmation" for c in r.cues)
        for k, r in (("a", ra), ("b", rb))
    }
    if unconfirmed["a"] != unconfirmed["b"]:
        side = "a" if unconfirmed["a"] else "b"
        why = f"{side} says it was not (yet) confirmed; the other states it"
        return Verdict("compatible", "negation", va, vb, why)
    hedges = {k: [c.text for c in r.cues if c.kind == "hedge"] for k, r in (("a", ra), ("b", rb))}
    if bool(hedges["a"]) != bool(hedges["b"]):
        side, other = ("a", "b") if hedges["a"] else ("b", "a")
        ha = ", ".join(hedges["a"]) or "no hedge"
        hb = ", ".join(hedges["b"]) or "no hedge"
        why = f"{side} hedges ({', '.join(hedges[side])}); {other} states it flatly"
        return Verdict("compatible", "hedge", ha, hb, why)
    polarity = "negated" if strong["a"] else "affirmed"
    return Verdict("agree", "negation", va, vb, f"both sides have it {polarity}")
