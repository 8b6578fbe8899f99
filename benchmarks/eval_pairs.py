"""Measure claimcompare on public test sets: pairs, loaded terms and conflicts.

``python benchmarks/evaluate.py pairs [--benchmarks DIR]`` reads
MSRP ``msr_paraphrase_test`` and STS-B ``sts-test`` from ``../shared/benchmarks`` (never bundled)
and prints MSRP accuracy / F1 of the paraphrase head at the model's threshold and the STS-B
Spearman (x100) of the graded head (:meth:`PairModel.similarity`) against the gold scores (and,
for comparison, of the paraphrase head's probability), beside published numbers from each
SOURCE.md.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from eval_common import DEFAULT_BENCHMARKS, require
from scipy.stats import spearmanr

from claimcompare.errors import InputError
from claimcompare.similarity import PairModel, pair_signals

__all__ = ["evaluate_msrp", "evaluate_sts", "main"]

logger = logging.getLogger(__name__)

#: Published anchors (test sets), copied from the benchmarks' SOURCE.md / PEERS.md.
MSRP_ANCHORS: tuple[tuple[str, float, float], ...] = (
    ("always 'paraphrase'", 66.5, 79.9),
    ("TF-IDF cosine, tuned threshold (PEERS.md)", 69.2, 81.0),
    ("all-MiniLM-L6-v2 cosine, tuned threshold (PEERS.md)", 71.9, 80.7),
    ("Wan et al. 2006 (dependency features)", 75.6, 83.0),
    ("He et al. 2015 (multi-perspective CNN)", 78.6, 84.7),
    ("Ji & Eisenstein 2013 (TF-KLD)", 80.4, 85.9),
)
STS_ANCHORS: tuple[tuple[str, float], ...] = (
    ("avg GloVe embeddings", 58.02),
    ("TF-IDF char_wb 3-5gram cosine (SOURCE.md)", 70.28),
    ("Universal Sentence Encoder", 74.92),
    ("SBERT-NLI-base (no STS training)", 77.03),
    ("all-MiniLM-L6-v2 (no STS-B training)", 82.03),
    ("SBERT-NLI-STSb-base (trained on STS-B)", 85.35),
)


def evaluate_msrp(model: PairModel, benchmarks: Path) -> dict[str, float]:
    """Accuracy and F1 (positive class) on MSRP test at the model's threshold.

    Examples
    --------
    >>> evaluate_msrp(PairModel.default(), Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    path = require(benchmarks / "msrp" / "msr_paraphrase_test.txt")
    frame = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, encoding="utf-8")
    y = frame["Quality"].astype(int).to_numpy()
    start = time.perf_counter()
    pred = model.predict(frame["#1 String"].tolist(), frame["#2 String"].tolist())
    seconds = time.perf_counter() - start
    tp = int(((pred == 1) & (y == 1)).sum())
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int(y.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": float(len(y)),
        "accuracy": float((pred == y).mean()),
        "f1": float(f1),
        "precision": float(precision),
        "recall": float(recall),
        "seconds": seconds,
    }


def evaluate_sts(model: PairModel, benchmarks: Path) -> dict[str, float]:
    """Spearman and Pearson (x100) against STS-B test gold scores.

    ``spearman`` and ``pearson`` are those of the graded head (:meth:`PairModel.similarity`)
    when the model has one, else of the paraphrase probability; ``spearman_proba`` is always
    that of the paraphrase probability.

    Examples
    --------
    >>> evaluate_sts(PairModel.default(), Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    path = require(benchmarks / "sts-benchmark" / "sts-test.csv")
    a, b, gold = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            a.append(fields[5])
            b.append(fields[6])
            gold.append(float(fields[4]))
    signals = pair_signals(a, b)
    prob = model.predict_proba_signals(signals)[:, 1]
    graded = hasattr(model, "graded_coef_")
    score = model.similarity_signals(signals) if graded else prob
    return {
        "pairs": float(len(gold)),
        "graded": float(graded),
        "spearman": 100.0 * float(spearmanr(score, gold).statistic),
        "pearson": 100.0 * float(np.corrcoef(score, gold)[0, 1]),
        "spearman_proba": 100.0 * float(spearmanr(prob, gold).statistic),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the pair report (MSRP and STS-B test); returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/evaluate.py pairs", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    args = parser.parse_args(argv)
    model = PairModel.default()
    try:
        msrp = evaluate_msrp(model, args.benchmarks)
        sts = evaluate_sts(model, args.benchmarks)
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    out = sys.stdout
    out.write(f"PairModel.default(): threshold {model.threshold_:.3f}\n\n")
    out.write(f"MSRP test ({int(msrp['pairs'])} pairs)            acc    F1\n")
    out.write(
        f"  claimcompare PairModel                        {100 * msrp['accuracy']:5.1f}  "
        f"{100 * msrp['f1']:5.1f}   (P {100 * msrp['precision']:.1f}, "
        f"R {100 * msrp['recall']:.1f}, {msrp['seconds']:.2f} s)\n"
    )
    for name, acc, f1 in MSRP_ANCHORS:
        out.write(f"  {name:<46}{acc:5.1f}  {f1:5.1f}\n")
    out.write(f"\nSTS-B test ({int(sts['pairs'])} pairs)          Spearman x100\n")
    head = "similarity()" if sts["graded"] else "probability"
    out.write(
        f"  {'claimcompare PairModel ' + head:<46}{sts['spearman']:5.2f}   "
        f"(Pearson {sts['pearson']:.2f})\n"
    )
    if sts["graded"]:
        out.write(
            f"  {'claimcompare PairModel paraphrase probability':<46}{sts['spearman_proba']:5.2f}\n"
        )
    for name, rho in STS_ANCHORS:
        out.write(f"  {name:<46}{rho:5.2f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
