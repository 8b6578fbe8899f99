"""Shared fixtures: the five seed articles and the public benchmarks folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.align import Alignment, ClaimAligner
from claimcompare.document import Corpus

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
BENCHMARKS = REPO.parent / "shared" / "benchmarks"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of raw seed articles (``seeds/`` in the repository)."""
    return SEEDS


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The five seed articles, loaded and cleaned."""
    return cc.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_claims(seeds: Corpus) -> pd.DataFrame:
    """``split_claims`` of the seeds."""
    return cc.split_claims(seeds)


@pytest.fixture(scope="session")
def seed_alignment(seed_claims: pd.DataFrame) -> Alignment:
    """``ClaimAligner().align`` of the seeds' claims."""
    return ClaimAligner().align(seed_claims)


@pytest.fixture(scope="session")
def benchmarks() -> Path:
    """``../shared/benchmarks``; tests that use it are skipped where the folder is absent."""
    if not BENCHMARKS.is_dir():
        pytest.skip(f"public benchmarks not found at {BENCHMARKS}")
    return BENCHMARKS


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Leave this file out of ``--doctest-modules``.

    It holds no doctests, and collecting it imports a second module named ``conftest`` next to
    docs/conftest.py, which pytest reports as an "import file mismatch".
    """
    return True if collection_path == Path(__file__) else None
