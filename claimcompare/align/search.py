"""The candidate search: each claim's most similar claims of other documents, by TF-IDF cosine.

The first step of :meth:`~claimcompare.align.ClaimAligner.align`: sparse TF-IDF rows of the
relation table's content terms (:func:`tfidf`), multiplied a block of rows at a time on a few
threads, so memory grows with the number of claims, never with its square
(:func:`find_candidates`). Ties break on row numbers: the result does not depend on input order.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .relations import RelationTable

__all__ = ["Candidates", "find_candidates", "tfidf", "top_per_row", "unordered_pairs"]


def tfidf(tab: RelationTable) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of content terms and of pairs of consecutive content terms.

    Like scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)``, but on
    stems with actor aliases merged, so ``backed by the United Arab Emirates`` meets ``the UAE
    backing``.

    Examples
    --------
    >>> from claimcompare.align.relations import gazetteer_index, relation_table
    >>> texts = ["Haftar is backed by the United Arab Emirates.", "The UAE backing Haftar."]
    >>> rows = tfidf(relation_table(texts, actors=gazetteer_index(), min_quote_words=4))
    >>> rows.shape[0], round(float(rows[0].multiply(rows[1]).sum()), 2)
    (2, 0.43)
    """
    n, n_terms = tab.terms.shape
    seq, text = tab.sequence, tab.sequence_text
    follow = np.flatnonzero(text[1:] == text[:-1]) if len(seq) else np.zeros(0, dtype=np.int64)
    codes = seq[follow] * n_terms + seq[follow + 1]
    bigrams, bigram_ids = np.unique(codes, return_inverse=True)
    rows = np.r_[text, text[follow]]
    cols = np.r_[seq, n_terms + bigram_ids.ravel()]
    counts = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n_terms + len(bigrams))
    )
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr)).astype(
        np.float32
    )
    return counts


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs ``ia < ib`` with their cosine, and same-outlet pairs ``wa < wb``."""

    ia: np.ndarray
    ib: np.ndarray
    cosine: np.ndarray
    wa: np.ndarray
    wb: np.ndarray


def top_per_row(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``top_k`` entries: highest value first, ties broken by column, so the
    choice does not depend on the input order. Entries are distinct ``(row, col)``.

    Examples
    --------
    >>> values = np.array([0.5, 0.9, 0.5, 0.5], dtype=np.float32)
    >>> rows, cols, _ = top_per_row(np.array([0, 0, 0, 1]), np.array([1, 2, 3, 0]), values, 2)
    >>> rows.tolist(), cols.tolist()
    ([0, 0, 1], [2, 1, 0])
    """
    packed = _packed(rows, cols, values)
    if packed is None:
        order = np.lexsort((cols, -values, rows))
        rows, cols, values = rows[order], cols[order], values[order]
    else:
        rows, cols, values = packed
    top = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left") < top_k
    return rows[top], cols[top], values[top]


def _packed(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """``rows, cols, values`` in the order of ``np.lexsort((cols, -values, rows))``, sorted as
    one int64 key each (row, value's float32 bits from the highest down, column), several
    times faster than lexsort; None when the key does not fit in 63 bits or ``values`` are
    not non-negative float32 (whose bits order as the values do)."""
    if values.dtype != np.float32 or not len(values) or values.min() < 0:
        return None
    n_bits = int(max(rows.max(), cols.max(), 0)).bit_length()
    bits = values.view(np.int32).astype(np.int64)
    high = int(bits.max())
    v_bits = (high - int(bits.min())).bit_length()
    if 2 * n_bits + v_bits > 63 or rows.min() < 0 or cols.min() < 0:
        return None
    keys = (rows.astype(np.int64) << (v_bits + n_bits)) | ((high - bits) << n_bits) | cols
    keys.sort()
    rows, cols = keys >> (v_bits + n_bits), keys & ((1 << n_bits) - 1)
    bits = high - ((keys >> n_bits) & ((1 << v_bits) - 1))
    return rows, cols, bits.astype(np.int32).view(np.float32)


def unordered_pairs(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique unordered pairs ``(a < b)``; a pair found from both sides keeps the value
    computed from its later row.

    Examples
    --------
    >>> ia, ib, values = unordered_pairs(
    ...     np.array([0, 1, 2]), np.array([1, 0, 0]), np.array([0.1, 0.2, 0.3])
    ... )
    >>> ia.tolist(), ib.tolist(), values.tolist()
    ([0, 0], [1, 2], [0.2, 0.3])
    """
    ia, ib = np.minimum(rows, cols), np.maximum(rows, cols)
    n_bits = int(ib.max(initial=0)).bit_length()
    if 2 * n_bits + 1 <= 63 and not (len(ia) and ia.min() < 0):
        # One int64 key (a, b, found from b), faster than lexsort((rows, ib, ia)).
        order = np.argsort((ia << (n_bits + 1)) | (ib << 1) | (rows == ib), kind="stable")
    else:
        order = np.lexsort((rows, ib, ia))
    ia, ib, values = ia[order], ib[order], values[order]
    last = np.r_[(ia[1:] != ia[:-1]) | (ib[1:] != ib[:-1]), True] if len(ia) else np.zeros(0, bool)
    return ia[last], ib[last], values[last].astype(np.float64)


def _both_ends(
    first: np.ndarray, second: np.ndarray, values: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(first, second)`` kept when among the ``top_k`` of either end, as unordered
    pairs (see unordered_pairs)."""
    rows, cols, values = top_per_row(
        np.r_[first, second], np.r_[second, first], np.r_[values, values], top_k
    )
    return unordered_pairs(rows, cols, values)


def find_candidates(
    matrix: sp.csr_matrix,
    *,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
    chunk_size: int,
    n_jobs: int = 2,
) -> Candidates:
    """Each row's top-k neighbours by cosine (rows of ``matrix`` are l2-normalised) in other
    documents, chunk by chunk.

    With ``outlets``, neighbours of other outlets are the candidates, and those of the same
    outlet (other documents) are returned apart, as ``wa, wb``.

    Examples
    --------
    >>> rows = sp.csr_matrix(np.array([[1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32))
    >>> found = find_candidates(
    ...     rows,
    ...     docs=np.array(["d1", "d2", "d3"]),
    ...     outlets=np.array(["A", "B", "A"]),
    ...     top_k=1,
    ...     min_cosine=0.1,
    ...     chunk_size=2,
    ... )
    >>> found.ia.tolist(), found.ib.tolist(), found.wa.tolist()
    ([0, 1], [1, 2], [])
    """
    empty = np.zeros(0, dtype=np.int64)
    n = matrix.shape[0]
    _, doc_codes = np.unique(docs, return_inverse=True)
    outlet_codes = np.unique(outlets, return_inverse=True)[1] if outlets is not None else None

    def strong_of_block(lo: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs ``row < col`` of other documents, ``row`` in the block, cosine >= min_cosine.

        Each pair is computed once, from its first row: the block against the rows from
        ``lo`` on (half the products of the whole matrix). Its cosine is the same float from
        either end: rows have sorted indices, so the same products add up in the same order.
        """
        hi = min(lo + chunk_size, n)
        block = (matrix[lo:hi] @ matrix[lo:].T.tocsr()).tocsr()
        # Most products are tiny cosines: drop them before anything else touches the block.
        strong = np.flatnonzero(block.data >= min_cosine)
        rows = lo + np.searchsorted(block.indptr, strong, side="right") - 1
        cols, values = lo + block.indices[strong].astype(np.int64), block.data[strong]
        del block, strong
        keep = (cols > rows) & (doc_codes[rows] != doc_codes[cols])
        return rows[keep], cols[keep], values[keep]

    # Sparse products and sorts release the GIL: n_jobs blocks at a time use n_jobs cores,
    # and memory holds at most n_jobs blocks.
    with ThreadPoolExecutor(max_workers=n_jobs) as pool:
        found = list(pool.map(strong_of_block, range(0, n, chunk_size)))
    first, second, values = (np.concatenate([f[k] for f in found]) for k in range(3))
    del found
    if outlet_codes is None:
        return Candidates(*_both_ends(first, second, values, top_k), empty, empty)
    same = outlet_codes[first] == outlet_codes[second]
    ia, ib, cosine = _both_ends(first[~same], second[~same], values[~same], top_k)
    wa, wb, _ = _both_ends(first[same], second[same], values[same], top_k)
    return Candidates(ia, ib, cosine, wa, wb)
