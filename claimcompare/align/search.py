"""The candidate search: each claim's most similar claims of other documents, by TF-IDF cosine.

The first step of :meth:`~claimcompare.align.ClaimAligner.align`: sparse TF-IDF rows of the
relation table's content terms (:func:`tfidf`), multiplied a block of rows at a time on a few
threads, so memory grows with the number of claims, never with its square
(:func:`find_candidates`). Ties break on row numbers: the result does not depend on input order.
:func:`find_embedding_candidates` is the same search on dense embeddings, its cosines made exact
(:func:`pair_cosines`) so that they too do not depend on the order or the blocking.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .._common.estimator import is_int, is_real
from ..errors import InputError, ParameterError
from .relations import RelationTable

__all__ = [
    "Candidates",
    "find_candidates",
    "find_embedding_candidates",
    "merge_candidates",
    "pair_cosines",
    "tfidf",
    "top_per_row",
    "unordered_pairs",
]


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


#: Columns per group in the embedding search: a row's k-th largest group maximum is a lower bound
#: of its k-th largest cosine, so only the groups whose maximum reaches it are looked into.
_GROUP = 64
#: Pairs per step of :func:`pair_cosines`: its float64 temporaries (256 rows of 256 floats are
#: 512 KB) stay in cache; larger fresh arrays made it 3 times slower.
_PAIRS_PER_STEP = 256


def _fixed_point_scale(embeddings: np.ndarray) -> float:
    """A power of two ``s`` such that ``s * sum(|a_k * b_k|) <= 2**52`` for any two rows (the
    sum is at most the larger squared norm, by Cauchy-Schwarz)."""
    return 2.0**52 / _largest_square(embeddings)


def _largest_square(embeddings: np.ndarray) -> float:
    """The rows' largest squared norm, rounded up to a power of two (1 when all are zero)."""
    squares = np.einsum("ij,ij->i", embeddings, embeddings, dtype=np.float64)
    bound = float(squares.max(initial=0.0))
    return 2.0 ** int(np.ceil(np.log2(bound))) if bound > 0 else 1.0


def _fixed_point_dots(
    embeddings: np.ndarray, first: np.ndarray, second: np.ndarray, scale: float
) -> np.ndarray:
    """Dot products of rows ``first[i]`` and ``second[i]`` as float32, a step of pairs at a time.

    A product of two float32 is exact in float64; times ``scale`` and rounded, it is an integer,
    and so is every partial sum of them, below 2**53 (see _fixed_point_scale): the sum is exact
    in any order, so the value does not depend on the order of the two rows, on memory
    alignment or on a BLAS's blocking.
    """
    out = np.empty(len(first), dtype=np.float32)
    for lo in range(0, len(first), _PAIRS_PER_STEP):
        step = slice(lo, lo + _PAIRS_PER_STEP)
        products = np.multiply(embeddings[first[step]], embeddings[second[step]], dtype=np.float64)
        products *= scale
        total = np.rint(products, out=products).sum(axis=1)
        out[step] = total / scale
    return out


def pair_cosines(embeddings: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The dot products (cosines of l2-normalised rows) of rows ``first[i]`` and ``second[i]``
    of ``embeddings``, exact to float32 rounding and the same float in any order.

    These are the cosines :func:`find_embedding_candidates` ranks and returns: unlike a matrix
    product, whose last bits depend on how the BLAS blocks it, each is the float32 nearest to
    the exact sum of the float64 products rounded to a fixed point (multiples of about 2e-16
    for unit rows), which no order of the sum changes.

    Examples
    --------
    >>> rows = np.array([[0.6, 0.8], [1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    >>> pair_cosines(rows, np.array([0, 1, 0]), np.array([1, 0, 2])).tolist()
    [0.6000000238418579, 0.6000000238418579, 0.800000011920929]
    """
    embeddings = np.ascontiguousarray(embeddings, dtype=np.float32)
    first, second = np.asarray(first, dtype=np.intp), np.asarray(second, dtype=np.intp)
    return _fixed_point_dots(embeddings, first, second, _fixed_point_scale(embeddings))


@dataclass(frozen=True)
class _EmbeddingSpace:
    """The non-zero rows of the embeddings sorted by outlet (so that each outlet's columns are
    one range), cut into groups of at most ``_GROUP`` columns, none across two outlets.

    ``order`` maps a row here to the caller's row; ``doc_rows[doc_start[d]:doc_start[d + 1]]``
    are the rows of document ``d``; ``outlet`` is None without outlets.
    """

    rows: np.ndarray
    order: np.ndarray
    doc: np.ndarray
    doc_rows: np.ndarray
    doc_start: np.ndarray
    outlet: np.ndarray | None
    group_start: np.ndarray
    group_end: np.ndarray
    group_outlet: np.ndarray
    scale: float
    #: Bound of ``|matrix product - exact cosine|``: the product's rounding (Higham's gamma_d)
    #: plus float32 rounding of the exact value, doubled for safety.
    error: float
    top_k: int
    min_cosine: float
    #: Each thread's block of cosines, kept from block to block: a fresh one is hundreds of MB
    #: of new pages to fault in each time.
    buffers: threading.local = field(default_factory=threading.local, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        embeddings: np.ndarray,
        docs: np.ndarray,
        outlets: np.ndarray | None,
        top_k: int,
        min_cosine: float,
    ) -> _EmbeddingSpace:
        """The space of the rows of ``embeddings`` that are not all zeros."""
        nonzero = np.flatnonzero(np.any(embeddings != 0, axis=1))
        doc_codes = np.unique(np.asarray(docs), return_inverse=True)[1].ravel()
        outlet_codes = None
        if outlets is not None:
            outlet_codes = np.unique(np.asarray(outlets), return_inverse=True)[1].ravel()
            nonzero = nonzero[np.argsort(outlet_codes[nonzero], kind="stable")]
            outlet_codes = outlet_codes[nonzero]
        doc = np.unique(doc_codes[nonzero], return_inverse=True)[1].ravel()
        doc_rows = np.argsort(doc, kind="stable")
        doc_start = np.searchsorted(doc[doc_rows], np.arange(doc.max(initial=-1) + 2))
        segment_outlets = outlet_codes if outlet_codes is not None else np.zeros(len(doc), int)
        group_start, group_outlet = _groups(segment_outlets)
        bound = _largest_square(embeddings)
        error = (embeddings.shape[1] + 2) * 2.0**-23 * bound
        return cls(
            embeddings[nonzero],
            nonzero,
            doc,
            doc_rows,
            doc_start,
            outlet_codes,
            group_start,
            np.r_[group_start[1:], len(doc)],
            group_outlet,
            2.0**52 / bound,
            error,
            top_k,
            min_cosine,
        )

    def block(self, lo: int, hi: int) -> tuple[_Found, _Found]:
        """The top-k neighbours of other outlets, then of the same outlet, of rows ``lo:hi``
        (without outlets: of other documents, then nothing), as the caller's row numbers."""
        sims = getattr(self.buffers, "sims", None)
        if sims is None or len(sims) < hi - lo:
            sims = self.buffers.sims = np.empty((hi - lo, len(self.rows)), dtype=np.float32)
        sims = np.matmul(self.rows[lo:hi], self.rows.T, out=sims[: hi - lo])
        sims[self._same_document(lo, hi)] = -np.inf
        maxima = np.maximum.reduceat(sims, self.group_start, axis=1)
        if self.outlet is None:
            return self._select(sims, maxima, lo), _NOTHING
        same = self.group_outlet[None, :] == self.outlet[lo:hi, None]
        cross = self._select(sims, np.where(same, -np.inf, maxima), lo)
        return cross, self._select(sims, np.where(same, maxima, -np.inf), lo)

    def _same_document(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """Positions ``(row - lo, col)`` of the block where both rows are of one document."""
        docs = self.doc[lo:hi]
        sizes = self.doc_start[docs + 1] - self.doc_start[docs]
        rows = np.repeat(np.arange(hi - lo), sizes)
        return rows, self.doc_rows[_ranges(self.doc_start[docs], sizes)]

    def _select(self, sims: np.ndarray, maxima: np.ndarray, lo: int) -> _Found:
        """Each row's ``top_k`` columns by exact cosine, among the groups where ``maxima`` is
        not -inf.

        Only columns whose product is within twice ``error`` of the row's k-th largest group
        maximum (a lower bound of its k-th largest product) and within ``error`` of
        ``min_cosine`` can be among the top k by exact cosine, ties included: their cosines
        are recomputed exactly, and the top k taken (highest first, ties by column).
        """
        n_groups = maxima.shape[1]
        kth = np.full(len(maxima), -np.inf, dtype=np.float32)
        if n_groups >= self.top_k:
            kth = np.partition(maxima, n_groups - self.top_k, axis=1)[:, n_groups - self.top_k]
        threshold = np.maximum(kth - 2 * self.error, self.min_cosine - self.error)
        near_rows, groups = np.nonzero(maxima >= threshold[:, None])
        sizes = self.group_end[groups] - self.group_start[groups]
        rows = np.repeat(near_rows, sizes)
        cols = _ranges(self.group_start[groups], sizes)
        near = sims[rows, cols] >= threshold[rows]
        rows, cols = rows[near] + lo, cols[near]
        cosine = _fixed_point_dots(self.rows, rows, cols, self.scale)
        strong = cosine >= self.min_cosine
        rows, cols = self.order[rows[strong]], self.order[cols[strong]]
        return top_per_row(rows, cols, cosine[strong], self.top_k)


_Found = tuple[np.ndarray, np.ndarray, np.ndarray]
_NOTHING: _Found = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The concatenated ranges ``starts[i] : starts[i] + sizes[i]``."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(ends[-1] if len(ends) else 0)


def _groups(outlet: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts of groups of at most ``_GROUP`` consecutive columns of one outlet (``outlet`` is
    sorted), and each group's outlet."""
    bounds = np.flatnonzero(np.r_[True, outlet[1:] != outlet[:-1]])
    sizes = np.diff(np.r_[bounds, len(outlet)])
    per_segment = -(-sizes // _GROUP)
    starts = np.repeat(bounds, per_segment) + _GROUP * (
        np.arange(per_segment.sum()) - np.repeat(np.cumsum(per_segment) - per_segment, per_segment)
    )
    return starts, outlet[starts]


def _checked_embeddings(
    embeddings: np.ndarray,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
    chunk_size: int,
    n_jobs: int,
) -> np.ndarray:
    """``embeddings`` as a C-ordered float32 array, once the arguments are checked."""
    for name, value in (("top_k", top_k), ("chunk_size", chunk_size), ("n_jobs", n_jobs)):
        if not is_int(value) or value < 1:
            raise ParameterError(f"{name} must be an integer >= 1, got {value!r}")
    if not is_real(min_cosine) or not np.isfinite(min_cosine):
        raise ParameterError(f"min_cosine must be a finite number, got {min_cosine!r}")
    rows = np.ascontiguousarray(embeddings, dtype=np.float32)
    if rows.ndim != 2:
        raise InputError(f"embeddings must be a 2-D array (n, d), got shape {rows.shape}")
    if not np.isfinite(rows).all():
        raise InputError("embeddings hold NaN or infinite values")
    for name, labels in (("docs", docs), ("outlets", outlets)):
        if labels is not None and len(labels) != len(rows):
            raise InputError(f"{name} has {len(labels)} labels for {len(rows)} embeddings")
    return rows


def find_embedding_candidates(
    embeddings: np.ndarray,
    *,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
    chunk_size: int,
    n_jobs: int = 2,
) -> Candidates:
    """Each row's top-k neighbours by cosine in other documents, on dense embeddings, chunk by
    chunk: :func:`find_candidates` for sentence embeddings.

    Parameters
    ----------
    embeddings : numpy.ndarray
        ``(n, d)`` l2-normalised rows (cast to float32); a row of zeros (a text without an
        embedding) is never a candidate.
    docs, outlets : numpy.ndarray
        Each row's document and outlet (or None). Pairs of one document are never candidates.
        With ``outlets``, neighbours of other outlets are the candidates ``ia, ib``, and those
        of the same outlet (other documents), ranked apart, are ``wa, wb``.
    top_k : int
        A pair is kept when it is among the ``top_k`` of either of its rows (highest cosine
        first, ties broken by column number).
    min_cosine : float
        Pairs of a lower cosine are never kept.
    chunk_size : int
        Rows multiplied at a time: a block holds ``chunk_size x n`` float32 cosines (and
        ``n_jobs`` blocks are in memory at once), never the ``n x n`` matrix.
    n_jobs : int, default 2
        Threads, each multiplying one block (numpy's matrix product releases the GIL).

    Returns
    -------
    Candidates
        ``ia < ib`` and their cosine (:func:`pair_cosines`: the same float from either end and
        in any block, so the result does not depend on input order or ``chunk_size``), and
        ``wa < wb``.

    Examples
    --------
    >>> rows = np.array([[1, 0], [0.6, 0.8], [0, 1], [0, 0]], dtype=np.float32)
    >>> found = find_embedding_candidates(
    ...     rows,
    ...     docs=np.array(["d1", "d2", "d3", "d4"]),
    ...     outlets=np.array(["A", "B", "A", "B"]),
    ...     top_k=1,
    ...     min_cosine=0.1,
    ...     chunk_size=2,
    ... )
    >>> found.ia.tolist(), found.ib.tolist(), found.cosine.round(2).tolist(), found.wa.tolist()
    ([0, 1], [1, 2], [0.6, 0.8], [])
    """
    rows = _checked_embeddings(embeddings, docs, outlets, top_k, min_cosine, chunk_size, n_jobs)
    space = _EmbeddingSpace.build(rows, docs, outlets, int(top_k), float(min_cosine))
    n = len(space.rows)
    # Products and sorts release the GIL: n_jobs blocks at a time use n_jobs cores.
    with ThreadPoolExecutor(max_workers=int(n_jobs)) as pool:
        found = list(
            pool.map(lambda lo: space.block(lo, min(lo + chunk_size, n)), range(0, n, chunk_size))
        )
    cross, same = (
        [np.concatenate([f[side][k] for f in found] + [_NOTHING[k]]) for k in range(3)]
        for side in (0, 1)
    )
    ia, ib, cosine = unordered_pairs(*cross)
    wa, wb, _ = unordered_pairs(*same)
    return Candidates(ia, ib, cosine, wa, wb)


def merge_candidates(first: Candidates, second: Candidates, vectors: sp.csr_matrix) -> Candidates:
    """The pairs either search found, each once, in ``(a, b)`` order; ``cosine`` is the cosine of
    the rows of ``vectors`` (the TF-IDF rows), whichever search found the pair.

    Examples
    --------
    >>> rows = sp.csr_matrix(np.array([[1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32))
    >>> one = Candidates(np.array([0]), np.array([1]), np.array([0.6]), np.array([]), np.array([]))
    >>> two = Candidates(np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.9]),
    ...                  np.array([]), np.array([]))
    >>> both = merge_candidates(one, two, rows)
    >>> both.ia.tolist(), both.ib.tolist(), both.cosine.round(2).tolist()
    ([0, 1], [1, 2], [0.6, 0.8])
    """

    def union(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> np.ndarray:
        keys = np.unique(np.c_[np.r_[a[0], b[0]], np.r_[a[1], b[1]]].astype(np.int64), axis=0)
        return keys.reshape(-1, 2)

    cross = union((first.ia, first.ib), (second.ia, second.ib))
    same = union((first.wa, first.wb), (second.wa, second.wb))
    ia, ib = cross[:, 0], cross[:, 1]
    cosine = np.asarray(vectors[ia].multiply(vectors[ib]).sum(axis=1), dtype=np.float64).ravel()
    return Candidates(ia, ib, cosine, same[:, 0], same[:, 1])
