"""Aligning claims across outlets: which claims state the same thing, as pairs and groups.

Above :mod:`claimcompare.similarity` (the pair model) and :mod:`claimcompare.facts`' clause
spans; below the comparison. :mod:`~claimcompare.align.search` proposes candidates,
:mod:`~claimcompare.align.relations` finds what one score misses (containment, shared quotes
and clauses), :mod:`~claimcompare.align.cluster` groups claims and
:mod:`~claimcompare.align.aligner` runs the steps. ``docs/alignment.md`` explains each rule.
"""

from __future__ import annotations

from .aligner import Alignment, ClaimAligner

__all__ = ["Alignment", "ClaimAligner"]
