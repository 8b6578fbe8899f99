"""The candidate search (claimcompare.align.search): its sorting, and the embedding search
against the whole cosine matrix; the TF-IDF search itself is checked against a brute-force top-k
on the benchmark corpus in test_bench_align.py."""

from __future__ import annotations

from typing import Any
from unittest import mock

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import event, given, settings
from hypothesis import strategies as st

from claimcompare.align import search
from claimcompare.align.search import (
    Candidates,
    find_candidates,
    find_embedding_candidates,
    pair_cosines,
    top_per_row,
    unordered_pairs,
)


def test_packed_top_k_orders_as_lexsort() -> None:
    """Ties on the cosine are broken by column with packed keys as with lexsort."""
    rng = np.random.default_rng(0)
    pairs = rng.choice(50 * 50, size=800, replace=False)
    rows, cols = pairs // 50, pairs % 50
    rows, cols = rows[rows != cols], cols[rows != cols]
    values = rng.choice(np.array([0.1, 0.25, 0.5, 1.0, 0.3333], dtype=np.float32), size=len(rows))
    order = np.lexsort((cols, -values, rows))
    top = np.arange(len(rows)) - np.searchsorted(rows[order], rows[order], side="left") < 3
    got = top_per_row(rows, cols, values, 3)
    for a, b in zip(got, (rows[order][top], cols[order][top], values[order][top]), strict=True):
        assert a.dtype == b.dtype and np.array_equal(a, b)
    # Too wide to pack (columns up to 2**40): the lexsort path gives the same choice.
    wide = top_per_row(rows, cols << 40, values, 3)
    assert np.array_equal(wide[1] >> 40, got[1]) and np.array_equal(wide[2], got[2])
    ia, ib, cosine = unordered_pairs(got[0], got[1], got[2])
    assert (ia < ib).all() and len(set(zip(ia.tolist(), ib.tolist(), strict=True))) == len(ia)
    assert cosine.dtype == np.float64


# -- find_embedding_candidates: the chunked search against the whole cosine matrix --------------


def _normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length in float32 (rows of zeros stay zeros)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1)).astype(np.float32)


def _reference(
    embeddings: np.ndarray,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """The rules on the whole ``n x n`` matrix of exact cosines: candidate pairs with their
    cosine, and same-outlet pairs."""
    n = len(embeddings)
    first, second = np.divmod(np.arange(n * n), n)
    cosine = pair_cosines(embeddings, first, second).reshape(n, n)
    nonzero = np.any(embeddings != 0, axis=1)
    kept: dict[bool, dict[tuple[int, int], float]] = {True: {}, False: {}}
    for i in range(n):
        for cross in (True, False) if outlets is not None else (True,):
            others = [
                j
                for j in range(n)
                if nonzero[i]
                and nonzero[j]
                and docs[i] != docs[j]
                and cosine[i, j] >= min_cosine
                and (outlets is None or (outlets[i] != outlets[j]) == cross)
            ]
            others.sort(key=lambda j: (-cosine[i, j], j))
            for j in others[:top_k]:
                kept[cross][min(i, j), max(i, j)] = float(cosine[i, j])
    return kept[True], set(kept[False])


def _as_sets(found: Candidates) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    pairs = zip(found.ia.tolist(), found.ib.tolist(), strict=True)
    return dict(zip(pairs, found.cosine.tolist(), strict=True)), set(
        zip(found.wa.tolist(), found.wb.tolist(), strict=True)
    )


@st.composite
def _search_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """Small embeddings from a few integer directions (duplicates tie exactly, parallel ones
    nearly; fewer ties with a wider spread of integers), rows of zeros, a few documents and
    outlets, and the search's parameters."""
    n = draw(st.integers(0, 12))
    d = draw(st.integers(1, 4))
    spread = draw(st.sampled_from([3, 1000]))
    component = st.integers(-spread, spread)
    pool = draw(st.lists(st.lists(component, min_size=d, max_size=d), min_size=1))
    picks = draw(st.lists(st.integers(0, len(pool) - 1), min_size=n, max_size=n))
    embeddings = _normalised(np.array([pool[p] for p in picks], dtype=np.float32).reshape(n, d))
    docs = np.array(draw(st.lists(st.integers(0, 4), min_size=n, max_size=n)), dtype=np.int64)
    with_outlets = draw(st.booleans())
    outlets = [f"o{v}" for v in draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))]
    return {
        "embeddings": embeddings,
        "docs": np.array([f"d{v}" for v in docs]),
        "outlets": np.array(outlets) if with_outlets else None,
        "top_k": draw(st.integers(1, 5)),
        "min_cosine": draw(st.sampled_from([-1.0, -0.3, 0.0, 0.2, 0.5, 0.9])),
        "chunk_size": draw(st.integers(1, n + 1)),
        "n_jobs": draw(st.integers(1, 2)),
    }


@settings(max_examples=300, deadline=None)
@given(_search_inputs(), st.sampled_from([1, 2, 3, 64]))
def test_embedding_search_matches_whole_matrix(inputs: dict[str, Any], group: int) -> None:
    """Chunked, grouped and thresholded, the search keeps what the whole matrix keeps."""
    with mock.patch.object(search, "_GROUP", group):
        found = find_embedding_candidates(**inputs)
    names = ("embeddings", "docs", "outlets", "top_k", "min_cosine")
    assert _as_sets(found) == _reference(*(inputs[name] for name in names))
    assert found.ia.dtype == np.int64 and found.cosine.dtype == np.float64
    assert (found.ia < found.ib).all() and (found.wa < found.wb).all()


def _has_ties(embeddings: np.ndarray, docs: np.ndarray) -> bool:
    """Whether some row has two rows of other documents at exactly the same cosine."""
    n = len(embeddings)
    first, second = np.divmod(np.arange(n * n), n)
    cosine = pair_cosines(embeddings, first, second).reshape(n, n)
    nonzero = np.any(embeddings != 0, axis=1)
    for i in np.flatnonzero(nonzero):
        others = cosine[i, nonzero & (docs != docs[i])]
        if len(np.unique(others)) < len(others):
            return True
    return False


@settings(max_examples=200, deadline=None)
@given(_search_inputs(), st.randoms(use_true_random=False))
def test_embedding_search_does_not_depend_on_row_order(inputs: dict[str, Any], random: Any) -> None:
    """Rows permuted (documents and outlets alongside): a pair found both ways has the same
    cosine, and without exact ties (broken by row number, so by the order) the same pairs."""
    n = len(inputs["embeddings"])
    permutation = np.array(random.sample(range(n), n), dtype=np.int64)
    permuted = dict(inputs, embeddings=inputs["embeddings"][permutation])
    permuted["docs"] = inputs["docs"][permutation]
    if inputs["outlets"] is not None:
        permuted["outlets"] = inputs["outlets"][permutation]
    permuted["chunk_size"] = random.randint(1, n + 1)
    pairs, same = _as_sets(find_embedding_candidates(**inputs))
    moved_pairs, moved_same = _as_sets(find_embedding_candidates(**permuted))

    def back(a: int, b: int) -> tuple[int, int]:
        a, b = int(permutation[a]), int(permutation[b])
        return min(a, b), max(a, b)

    moved_pairs = {back(a, b): v for (a, b), v in moved_pairs.items()}
    assert all(pairs[pair] == v for pair, v in moved_pairs.items() if pair in pairs)
    ties = _has_ties(inputs["embeddings"], inputs["docs"])
    event("exact ties" if ties else "no exact ties")
    if not ties:
        assert moved_pairs == pairs
        assert {back(a, b) for a, b in moved_same} == same


@pytest.mark.parametrize("group", [4, 64])
def test_embedding_search_on_random_embeddings(group: int) -> None:
    """A few hundred random rows (some duplicated, some zero) in many groups of columns."""
    rng = np.random.default_rng(1)
    rows = _normalised(rng.standard_normal((400, 16)))
    rows[rng.choice(400, 60)] = rows[rng.choice(400, 60)]
    rows[rng.choice(400, 10)] = 0.0
    docs = rng.integers(0, 80, 400)
    outlets = np.array(["A", "B", "C"])[docs % 3]
    with mock.patch.object(search, "_GROUP", group):
        found = find_embedding_candidates(
            rows, docs=docs, outlets=outlets, top_k=5, min_cosine=0.1, chunk_size=37
        )
    assert _as_sets(found) == _reference(rows, docs, outlets, 5, 0.1)
    assert len(found.ia) > 400 and len(found.wa) > 400


def test_embedding_search_agrees_with_sparse_search() -> None:
    """On rows without near ties, the same pairs as find_candidates on the same rows, sparse."""
    rng = np.random.default_rng(2)
    rows = _normalised(rng.standard_normal((200, 12)))
    docs = rng.integers(0, 50, 200)
    outlets = np.array(["A", "B"])[docs % 2]
    kwargs: dict[str, Any] = {"docs": docs, "outlets": outlets, "top_k": 3, "min_cosine": 0.2}
    dense = find_embedding_candidates(rows, chunk_size=64, **kwargs)
    sparse = find_candidates(sp.csr_matrix(rows), chunk_size=64, **kwargs)
    for name in ("ia", "ib", "wa", "wb"):
        assert np.array_equal(getattr(dense, name), getattr(sparse, name))
    assert np.allclose(dense.cosine, sparse.cosine, atol=1e-6)


def test_embedding_search_breaks_ties_by_column() -> None:
    """Three copies of one row in three documents: with top_k=1 each row takes the lowest
    other row, and the cosine is the same float for both pairs."""
    rows = _normalised(np.array([[1, 2, 3]] * 3 + [[0, 0, 0]]))
    found = find_embedding_candidates(
        rows, docs=np.arange(4), outlets=None, top_k=1, min_cosine=0.0, chunk_size=1
    )
    assert found.ia.tolist() == [0, 0] and found.ib.tolist() == [1, 2]
    assert found.cosine[0] == found.cosine[1] and found.wa.tolist() == []


@pytest.mark.parametrize("n", [0, 1])
def test_embedding_search_of_fewer_than_two_rows_is_empty(n: int) -> None:
    found = find_embedding_candidates(
        np.ones((n, 3), dtype=np.float32) / np.sqrt(3),
        docs=np.arange(n),
        outlets=np.array(["A"] * n),
        top_k=3,
        min_cosine=0.0,
        chunk_size=10,
    )
    assert all(len(getattr(found, name)) == 0 for name in ("ia", "ib", "cosine", "wa", "wb"))


def test_embedding_search_only_pairs_rows_of_other_documents() -> None:
    rows = _normalised(np.array([[1, 0], [1, 0], [1, 0.01]]))
    found = find_embedding_candidates(
        rows, docs=np.array([7, 7, 8]), outlets=None, top_k=5, min_cosine=0.5, chunk_size=2
    )
    assert found.ia.tolist() == [0, 1] and found.ib.tolist() == [2, 2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"top_k": 0}, "top_k"),
        ({"chunk_size": 2.0}, "chunk_size"),
        ({"n_jobs": True}, "n_jobs"),
        ({"min_cosine": float("nan")}, "min_cosine"),
        ({"embeddings": np.ones(3, dtype=np.float32)}, "2-D"),
        ({"embeddings": np.full((3, 2), np.nan, dtype=np.float32)}, "NaN"),
        ({"docs": np.arange(2)}, "docs"),
        ({"outlets": np.array(["A"])}, "outlets"),
    ],
)
def test_embedding_search_rejects_bad_arguments(change: dict[str, Any], message: str) -> None:
    arguments: dict[str, Any] = {
        "embeddings": _normalised(np.ones((3, 2))),
        "docs": np.arange(3),
        "outlets": None,
        "top_k": 2,
        "min_cosine": 0.1,
        "chunk_size": 2,
    }
    with pytest.raises(ValueError, match=message):
        find_embedding_candidates(**dict(arguments, **change))


def test_pair_cosines_are_exact_and_symmetric() -> None:
    """Within float32 rounding of the float64 dot product, and the same float either way."""
    rng = np.random.default_rng(3)
    rows = _normalised(rng.standard_normal((50, 300)))
    first, second = rng.integers(0, 50, 500), rng.integers(0, 50, 500)
    cosine = pair_cosines(rows, first, second)
    exact = np.einsum("ij,ij->i", rows[first].astype(np.float64), rows[second].astype(np.float64))
    assert cosine.dtype == np.float32
    assert np.array_equal(cosine, exact.astype(np.float32))
    assert np.array_equal(cosine, pair_cosines(rows, second, first))


@pytest.mark.parametrize("above", [0, 1])
def test_embedding_search_compares_min_cosine_with_exact_cosine(above: int) -> None:
    """A pair at exactly ``min_cosine`` is kept, one float32 step below it is not, whatever
    the matrix product rounds the cosine to."""
    rng = np.random.default_rng(4)
    rows = _normalised(rng.standard_normal((2, 256)) + 2.0)
    cosine = pair_cosines(rows, np.array([0]), np.array([1]))[0]
    min_cosine = float(np.nextafter(cosine, np.float32(1)) if above else cosine)
    found = find_embedding_candidates(
        rows, docs=np.arange(2), outlets=None, top_k=1, min_cosine=min_cosine, chunk_size=1
    )
    assert found.cosine.tolist() == ([] if above else [float(cosine)])
