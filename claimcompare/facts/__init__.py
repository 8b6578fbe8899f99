"""Facts inside a claim (quantities, dates, sets of actors, negation) and how two facts compare.

Each finder returns frozen records whose offsets point back into the text; each comparison turns
two facts into a :class:`Verdict` (``agree``, ``compatible`` or ``conflict``), symmetric in its
arguments. The conventions behind the verdicts are in docs/facts.md.
"""

from __future__ import annotations

from ..claims.clauses import Token, clause_spans, word_stem, word_tokens
from .dates import compare_dates, find_dates
from .negation import MIN_CONTEXT, MIN_COVERAGE, antonym_pairs, compare_polarity, find_negation
from .quantities import compare_quantities, find_quantities, normalize_unit
from .records import (
    APPROXIMATIONS,
    VERDICTS,
    ActorSet,
    Cue,
    DateMention,
    Member,
    Quantity,
    Verdict,
)
from .sets import compare_sets, find_sets

__all__ = [
    "APPROXIMATIONS",
    "MIN_CONTEXT",
    "MIN_COVERAGE",
    "VERDICTS",
    "ActorSet",
    "Cue",
    "DateMention",
    "Member",
    "Quantity",
    "Token",
    "Verdict",
    "antonym_pairs",
    "clause_spans",
    "compare_dates",
    "compare_polarity",
    "compare_quantities",
    "compare_sets",
    "find_dates",
    "find_negation",
    "find_quantities",
    "find_sets",
    "normalize_unit",
    "word_stem",
    "word_tokens",
]
