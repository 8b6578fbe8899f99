"""Loaded terms in context: which words each outlet uses, in whose voice, and about whom.

The stage above :mod:`claimcompare.lexicon`: :func:`find_loaded_terms` runs the lexicon over each
document and gives every match its claim, voice, speaker and target actor; :func:`span_targets`
does the same for spans found otherwise, with the learnt :class:`TargetRanker` where no pattern
rule applies. :mod:`claimcompare.framing` counts the result. The rules are in docs/loaded-terms.md.
"""

from __future__ import annotations

from .find import TERM_COLUMNS, find_loaded_terms
from .mentions import actor_kinds
from .ranker import TargetRanker
from .spans import SPAN_COLUMNS, span_targets, target_candidates
from .voice import SCARE_QUOTE

__all__ = [
    "SCARE_QUOTE",
    "SPAN_COLUMNS",
    "TERM_COLUMNS",
    "TargetRanker",
    "actor_kinds",
    "find_loaded_terms",
    "span_targets",
    "target_candidates",
]
