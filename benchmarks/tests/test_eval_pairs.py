"""Tests of eval_pairs: quality floors of the default PairModel on public test sets.

The floors sit a little below what the shipped model measured (``python benchmarks/evaluate.py
pairs``, see docs/evaluation.md), so that a regression fails; they skip when ../shared/benchmarks
is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_common import DEFAULT_BENCHMARKS as BENCH
from eval_pairs import evaluate_msrp, evaluate_sts, main

from claimcompare.similarity import PairModel

#: The shipped model measured MSRP test accuracy 0.7554 / F1 0.8189, STS-B test Spearman 76.81
#: (graded head) and 76.07 (paraphrase probability).
MSRP_ACC_FLOOR = 0.745
MSRP_F1_FLOOR = 0.81
STS_SPEARMAN_FLOOR = 76.0
STS_PROBA_SPEARMAN_FLOOR = 75.0


@pytest.fixture(scope="module")
def model() -> PairModel:
    return PairModel.default()


def _need(*parts: str) -> None:
    path = BENCH.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} not available")


def test_msrp_test_floor(model: PairModel) -> None:
    _need("msrp", "msr_paraphrase_test.txt")
    result = evaluate_msrp(model, BENCH)
    assert result["pairs"] == 1725
    assert result["accuracy"] >= MSRP_ACC_FLOOR
    assert result["f1"] >= MSRP_F1_FLOOR


def test_sts_test_floor(model: PairModel) -> None:
    _need("sts-benchmark", "sts-test.csv")
    result = evaluate_sts(model, BENCH)
    assert result["pairs"] == 1379
    assert result["graded"] == 1.0
    assert result["spearman"] >= STS_SPEARMAN_FLOOR
    # The paraphrase head alone must still order the whole range (the aligner relies on it).
    assert result["spearman_proba"] >= STS_PROBA_SPEARMAN_FLOOR


def test_main_prints_report_beside_anchors(capsys: pytest.CaptureFixture[str]) -> None:
    _need("msrp", "msr_paraphrase_test.txt")
    _need("sts-benchmark", "sts-test.csv")
    assert main(["--benchmarks", str(BENCH)]) == 0
    out = capsys.readouterr().out
    assert "MSRP test (1725 pairs)" in out and "Ji & Eisenstein 2013" in out
    assert "STS-B test (1379 pairs)" in out and "similarity()" in out
    assert "all-MiniLM-L6-v2" in out


def test_main_missing_benchmarks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--benchmarks", str(tmp_path)]) == 2
    assert "benchmark file not found" in capsys.readouterr().err
