"""Smoke run of benchmarks/bench_align.py on a few hundred claims (no timing asserted)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import scipy.sparse as sp
from eval_common import DEFAULT_BENCHMARKS as BENCHMARKS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (BENCHMARKS / "msrp").is_dir(), reason="../shared/benchmarks is not present"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_align", ROOT / "benchmarks/bench_align.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_align"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(bench: ModuleType) -> tuple:  # type: ignore[type-arg]
    return bench.build_claims(300, BENCHMARKS, max_gold=40)


def test_corpus_has_n_unique_claims_with_gold_across_outlets(corpus: tuple) -> None:  # type: ignore[type-arg]
    claims, gold, info = corpus
    assert len(claims) == 300 and claims.claim_id.is_unique and claims.text.is_unique
    assert info["synthetic_filler"] == 0 and info["real_used"] == 300
    outlet = claims.set_index("claim_id").outlet
    assert len(gold) + info["gold_dropped_same_outlet"] == 40
    assert (outlet[gold.id_a].to_numpy() != outlet[gold.id_b].to_numpy()).all()
    # each document belongs to one outlet
    assert (claims.groupby("doc_id").outlet.nunique() == 1).all()


def test_same_seed_same_corpus(bench: ModuleType, corpus: tuple) -> None:  # type: ignore[type-arg]
    again, _, _ = bench.build_claims(300, BENCHMARKS, max_gold=40)
    assert again.equals(corpus[0])


def test_filler_is_new_text_made_of_real_words(bench: ModuleType) -> None:
    pool = ["Rebels seized the coastal city of Sirte on Monday.", "Oil prices rose sharply today."]
    rng = random.Random(0)
    taken = set(pool)
    for _ in range(5):
        text = bench._splice(rng, pool, taken)
        assert text not in taken
        taken.add(text)
        assert set(text.split()) <= {w for s in pool for w in s.split()}


def test_methods_report_recall_between_zero_and_one(bench: ModuleType, corpus: tuple) -> None:  # type: ignore[type-arg]
    claims, gold, _ = corpus
    for lexical in (True, False):
        align = bench.run_align(claims, gold, lexical=lexical)
        assert 0.0 <= align["recall"] <= 1.0 and 0.0 <= align["recall_candidates"] <= 1.0
        assert align["recall"] > 0.3  # paraphrase pairs planted across outlets are found
        assert (align["embed_seconds"] > 0) is not lexical
    # the lexical aligner scores only what the TF-IDF search proposes
    assert align["recall"] <= align["recall_candidates"] or not lexical
    fuzz = bench.run_rapidfuzz(claims, gold, BENCHMARKS)
    assert 0 <= fuzz["threshold"] <= 100 and 0.0 <= fuzz["recall"] <= 1.0
    assert not fuzz["extrapolated"]  # 300 rows fit in the sample: an exact all-pairs run
    minhash = bench.run_minhash(claims, gold)
    if "skipped" not in minhash:
        assert 0.0 <= minhash["recall"] <= 1.0


def _brute_force_candidates(
    matrix: sp.csr_matrix, docs: np.ndarray, outlets: np.ndarray, top_k: int, min_cosine: float
) -> tuple[set[tuple[int, int, float]], set[tuple[int, int]]]:
    """Each row's top_k by (-cosine, column) from the whole product, other documents; the
    candidates (other outlets) with their cosines, and the same-outlet pairs."""
    full = (matrix @ matrix.T).tocoo()
    best: dict[tuple[int, bool], list[tuple[float, int]]] = {}
    for r, c, v in zip(full.row.tolist(), full.col.tolist(), full.data.tolist(), strict=True):
        if v >= np.float32(min_cosine) and docs[r] != docs[c]:
            best.setdefault((r, outlets[r] == outlets[c]), []).append((-v, c))
    found: set[tuple[int, int, float]] = set()
    same: set[tuple[int, int]] = set()
    for (r, same_outlet), entries in best.items():
        for minus_v, c in sorted(entries)[:top_k]:
            if same_outlet:
                same.add((min(r, c), max(r, c)))
            else:
                found.add((min(r, c), max(r, c), -minus_v))
    return found, same


@pytest.mark.parametrize(("top_k", "chunk_size", "n_jobs"), [(10, 2048, 2), (3, 37, 1), (1, 1, 2)])
def test_candidate_search_is_each_rows_exact_top_k(
    corpus: tuple,  # type: ignore[type-arg]
    top_k: int,
    chunk_size: int,
    n_jobs: int,
) -> None:
    """The search computes each pair once (from its first row) and sorts packed keys: the
    result is still each row's exact top-k of the whole product, cosines bit for bit."""
    from claimcompare.align.relations import gazetteer_index, relation_table
    from claimcompare.align.search import find_candidates, tfidf
    from claimcompare.similarity import distinct_texts

    claims = corpus[0].sort_values("claim_id").reset_index(drop=True)
    texts, rows = distinct_texts(claims["text"].tolist())
    terms = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    matrix = tfidf(terms)[rows]
    docs, outlets = claims["doc_id"].to_numpy(), claims["outlet"].to_numpy()
    found = find_candidates(
        matrix,
        docs=docs,
        outlets=outlets,
        top_k=top_k,
        min_cosine=0.1,
        chunk_size=chunk_size,
        n_jobs=n_jobs,
    )
    expected, expected_same = _brute_force_candidates(matrix, docs, outlets, top_k, 0.1)
    got = set(zip(found.ia.tolist(), found.ib.tolist(), found.cosine.tolist(), strict=True))
    assert got == expected and len(found.ia) == len(got) > 0
    assert set(zip(found.wa.tolist(), found.wb.tolist(), strict=True)) == expected_same
