"""The candidate search's sorting (claimcompare.align.search); the search itself is checked
against a brute-force top-k on the benchmark corpus in test_bench_align.py."""

from __future__ import annotations

import numpy as np

from claimcompare.align.search import top_per_row, unordered_pairs


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
