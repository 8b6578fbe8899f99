"""Measure claimcompare on public test sets: ``python benchmarks/evaluate.py REPORT``.

``align``: the hand-made alignment gold on BASIL events (``benchmarks/gold/``); ``pairs``: MSRP
and STS-B test (the pair model); ``terms``: BABE, PTC and BASIL (the lexicon, the
detector and targets); ``conflicts``: SICK, RTE2 negated, perturbations and compatible pairs.
``--help`` after the report's name lists its options (``--benchmarks DIR``: the data sets, by
default ``../shared/benchmarks`` beside the repository).
"""

from __future__ import annotations

import sys

import eval_align
import eval_conflicts
import eval_pairs
import eval_terms

REPORTS = {
    "align": eval_align.main,
    "pairs": eval_pairs.main,
    "terms": eval_terms.main,
    "conflicts": eval_conflicts.main,
}


def main(argv: list[str] | None = None) -> int:
    """Print one evaluation report; returns the process exit code (``pairs`` when none is named)."""
    args = list(sys.argv[1:] if argv is None else argv)
    name = args.pop(0) if args and args[0] in REPORTS else "pairs"
    return REPORTS[name](args)


if __name__ == "__main__":
    raise SystemExit(main())
