"""Comparing aligned claims: where outlets' accounts agree, differ in precision, or conflict.

:func:`compare` runs the whole flow and returns a :class:`Comparison`; :func:`compare_claim_pair`
and :func:`compare_clusters` compare the facts of aligned claims; :func:`find_omissions` lists
what each outlet leaves out. What the verdicts and severities mean: docs/facts.md.
"""

from __future__ import annotations

from .comparison import Comparison
from .findings import FINDING_COLUMNS, Finding, compare_claim_pair, compare_clusters
from .omissions import OMISSION_COLUMNS, blindspots, find_omissions
from .run import STAGES, compare

__all__ = [
    "FINDING_COLUMNS",
    "OMISSION_COLUMNS",
    "STAGES",
    "Comparison",
    "Finding",
    "blindspots",
    "compare",
    "compare_claim_pair",
    "compare_clusters",
    "find_omissions",
]
