"""Pair signals: the symmetric lexical signals of each pair of texts, as one table.

Above :mod:`~claimcompare.similarity.tables` (each distinct text processed once) and below
:mod:`~claimcompare.similarity.model`, which turns the signals into a probability. Pairs are
scored with row-wise sparse products and RapidFuzz's C scorers; ``docs/alignment.md`` lists the
signals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from ..errors import InputError
from .tables import _SET_BLOCKS, TextTables, _dense, distinct_texts, text_tables

__all__ = ["SIGNALS", "pair_signals", "signal_frame"]

logger = logging.getLogger(__name__)

_CHUNK = 50_000

#: Names of the signal columns, in the order :func:`pair_signals` returns them.
SIGNALS: tuple[str, ...] = (
    "len_ratio",
    "len_log_diff",
    "len_log_mean",
    "word_jaccard",
    "word_overlap_min",
    "word_overlap_max",
    "idf_overlap_min",
    "idf_overlap_max",
    "idf_cosine",
    "stem_jaccard",
    "stem_idf_overlap_min",
    "stem_idf_overlap_max",
    "soft_idf_overlap_min",
    "soft_idf_overlap_max",
    "unmatched_idf_sum_max",
    "unmatched_content_count",
    "bigram_dice",
    "bigram_overlap_min",
    "trigram_dice",
    "char_cosine",
    "fuzz_ratio",
    "token_set_ratio",
    "token_sort_ratio",
    "partial_ratio",
    "word_lcs",
    "word_edit_sim",
    "content_lcs",
    "num_shared",
    "num_only_one",
    "num_mismatch",
    "name_shared_frac",
    "name_only_one",
    "neg_mismatch",
    "neg_count_diff",
    "fourgram_dice",
    "stem_bigram_dice",
    "bleu_min",
    "bleu_max",
    "containment",
    "containment_w",
    "name_fuzzy_frac",
    "name_fuzzy_only_one",
    "quote_shared",
)


def _ones(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """The same sparsity pattern with every stored value 1 (no copy of the index arrays)."""
    return sp.csr_matrix(
        (np.ones(len(matrix.data)), matrix.indices, matrix.indptr), shape=matrix.shape
    )


def _ratio(num: np.ndarray, den: np.ndarray, empty: float = 0.0) -> np.ndarray:
    out = np.full(num.shape, empty, dtype=np.float64)
    ok = den > 0
    out[ok] = num[ok] / den[ok]
    return out


def _pair_chunk(tab: TextTables, ia: np.ndarray, ib: np.ndarray) -> dict[str, np.ndarray]:
    """Every signal of the pairs of table rows ``(ia[k], ib[k])``, by name."""
    na, nb = tab.n_words[ia], tab.n_words[ib]
    lo, hi = np.minimum(na, nb), np.maximum(na, nb)
    matched = _Matched(tab, ia, ib)
    out: dict[str, np.ndarray] = {
        "len_ratio": _ratio(lo, hi, 1.0),
        "len_log_diff": np.abs(np.log1p(na) - np.log1p(nb)),
        "len_log_mean": (np.log1p(na) + np.log1p(nb)) / 2.0,
    }
    dots = _dense(tab.vectors[ia].multiply(tab.vectors[ib]) @ tab.vector_blocks)
    out["idf_cosine"] = dots[:, 0]
    out["char_cosine"] = dots[:, 1]
    out.update(_overlap_signals(matched))
    out.update(_sequence_signals(tab, ia, ib, hi))
    out.update(_count_signals(tab, ia, ib, matched))
    out.update(_gram_signals(matched, lo, hi))
    out["quote_shared"] = _quote_signals(tab, ia, ib)
    return out


_BLOCK_COLUMN = {name: k for k, name in enumerate(_SET_BLOCKS)}


class _Matched:
    """Per pair and block of keys (``_SET_BLOCKS``): the mass of each side's keys that the other
    side also has, and each side's whole mass."""

    def __init__(self, tab: TextTables, ia: np.ndarray, ib: np.ndarray) -> None:
        # Column k: mass of block k on side a whose key also occurs on side b, and back.
        shared_keys = _dense(tab.sets[ia].multiply(tab.sets[ib]) @ tab.set_blocks)
        wa, wb = tab.weighted[ia], tab.weighted[ib]
        self.m_ab = np.hstack([shared_keys, _dense(wa.multiply(_ones(wb)) @ tab.weighted_blocks)])
        self.m_ba = np.hstack([shared_keys, _dense(_ones(wa).multiply(wb) @ tab.weighted_blocks)])
        self.mass_a, self.mass_b = tab.set_mass[ia], tab.set_mass[ib]

    def block(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Matched a-to-b, matched b-to-a, mass of a, mass of b."""
        k = _BLOCK_COLUMN[name]
        return self.m_ab[:, k], self.m_ba[:, k], self.mass_a[:, k], self.mass_b[:, k]

    def recall(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The smaller and the larger share of a side's mass matched on the other side."""
        ab, ba, ma, mb = self.block(name)
        ra, rb = _ratio(ab, ma, 1.0), _ratio(ba, mb, 1.0)
        return np.minimum(ra, rb), np.maximum(ra, rb)


def _overlap_signals(matched: _Matched) -> dict[str, np.ndarray]:
    """Overlaps of words, rarity-weighted words, stems and word n-grams."""
    out: dict[str, np.ndarray] = {}
    shared, _, sa_n, sb_n = matched.block("word")
    out["word_jaccard"] = _ratio(shared, sa_n + sb_n - shared, 1.0)
    out["word_overlap_min"] = _ratio(shared, np.minimum(sa_n, sb_n), 1.0)
    out["word_overlap_max"] = _ratio(shared, np.maximum(sa_n, sb_n), 1.0)
    ab, ba, wa, wb = matched.block("word_w")
    shared_w = (ab + ba) / 2.0  # equal up to rounding; the mean keeps the signal symmetric
    out["idf_overlap_min"] = _ratio(shared_w, np.minimum(wa, wb), 1.0)
    out["idf_overlap_max"] = _ratio(shared_w, np.maximum(wa, wb), 1.0)
    s_shared, _, s_a, s_b = matched.block("stem")
    out["stem_jaccard"] = _ratio(s_shared, s_a + s_b - s_shared, 1.0)
    # A word is matched when the other side has a word with the same stem (or, for the soft
    # variant, the same 5-letter stem prefix): a greedy word alignment in sparse form.
    out["stem_idf_overlap_min"], out["stem_idf_overlap_max"] = matched.recall("stem_w")
    out["soft_idf_overlap_min"], out["soft_idf_overlap_max"] = matched.recall("prefix_w")
    ab, ba, ma, mb = matched.block("prefix_w")
    out["unmatched_idf_sum_max"] = np.maximum(ma - ab, mb - ba)
    ab, ba, ma, mb = matched.block("prefix_content")
    out["unmatched_content_count"] = (ma - ab) + (mb - ba)
    for name in ("bigram", "trigram"):
        g_shared, _, g_a, g_b = matched.block(name)
        out[f"{name}_dice"] = _ratio(2.0 * g_shared, g_a + g_b, 1.0)
        if name == "bigram":
            out["bigram_overlap_min"] = _ratio(g_shared, np.minimum(g_a, g_b), 1.0)
    return out


def _sequence_signals(
    tab: TextTables, ia: np.ndarray, ib: np.ndarray, hi: np.ndarray
) -> dict[str, np.ndarray]:
    """RapidFuzz ratios of the normalised texts, and word-order measures of the encoded ones;
    ``hi`` is the larger word count of each pair."""
    out: dict[str, np.ndarray] = {}
    norm_a = [tab.normalised[i] for i in ia]
    norm_b = [tab.normalised[i] for i in ib]
    for name, scorer in (
        ("fuzz_ratio", fuzz.ratio),
        ("token_set_ratio", fuzz.token_set_ratio),
        ("token_sort_ratio", fuzz.token_sort_ratio),
    ):
        out[name] = process.cpdist(norm_a, norm_b, scorer=scorer, workers=-1) / 100.0
    # partial_ratio is only symmetric when the shorter string goes first (ties: sorted order).
    short = [min((x, y), key=lambda s: (len(s), s)) for x, y in zip(norm_a, norm_b, strict=True)]
    long_ = [y if s is x else x for x, y, s in zip(norm_a, norm_b, short, strict=True)]
    out["partial_ratio"] = (
        process.cpdist(short, long_, scorer=fuzz.partial_ratio, workers=-1) / 100.0
    )
    enc_a = [tab.encoded[i] for i in ia]
    enc_b = [tab.encoded[i] for i in ib]
    lcs = process.cpdist(enc_a, enc_b, scorer=LCSseq.similarity, workers=-1)
    out["word_lcs"] = _ratio(lcs.astype(np.float64), hi, 1.0)
    out["word_edit_sim"] = process.cpdist(
        enc_a, enc_b, scorer=Levenshtein.normalized_similarity, workers=-1
    )
    con_a = [tab.encoded_content[i] for i in ia]
    con_b = [tab.encoded_content[i] for i in ib]
    out["content_lcs"] = process.cpdist(
        con_a, con_b, scorer=Indel.normalized_similarity, workers=-1
    )
    return out


def _count_signals(
    tab: TextTables, ia: np.ndarray, ib: np.ndarray, matched: _Matched
) -> dict[str, np.ndarray]:
    """Numbers, names (exact and up to spelling) and negations shared or on one side only."""
    out: dict[str, np.ndarray] = {}
    n_shared, _, n_a, n_b = matched.block("number")
    out["num_shared"] = n_shared
    out["num_only_one"] = n_a + n_b - 2.0 * n_shared
    out["num_mismatch"] = ((n_a > 0) & (n_b > 0) & (out["num_only_one"] > 0)).astype(np.float64)
    k_shared, _, k_a, k_b = matched.block("name")
    out["name_shared_frac"] = _ratio(k_shared, k_a + k_b - k_shared, 1.0)
    out["name_only_one"] = k_a + k_b - 2.0 * k_shared
    neg_a, neg_b = tab.n_neg[ia], tab.n_neg[ib]
    out["neg_mismatch"] = ((neg_a > 0) != (neg_b > 0)).astype(np.float64)
    out["neg_count_diff"] = np.abs(neg_a - neg_b)
    nm_a, nm_b = tab.names[ia], tab.names[ib]
    near_ab = np.asarray(nm_a.multiply(tab.names_near[ib]).sum(axis=1)).ravel()
    near_ba = np.asarray(tab.names_near[ia].multiply(nm_b).sum(axis=1)).ravel()
    n_names = k_a + k_b
    out["name_fuzzy_frac"] = _ratio(near_ab + near_ba, n_names, 1.0)
    out["name_fuzzy_only_one"] = n_names - near_ab - near_ba
    return out


def _gram_signals(matched: _Matched, lo: np.ndarray, hi: np.ndarray) -> dict[str, np.ndarray]:
    """Four-gram and stem-bigram dice, BLEU-like precisions and containment; ``lo`` and ``hi``
    are the smaller and larger word count of each pair."""
    out: dict[str, np.ndarray] = {}
    grams = [matched.block(name) for name in ("word", "bigram", "trigram", "fourgram")]
    f_shared, _, f_a, f_b = grams[3]
    out["fourgram_dice"] = _ratio(2.0 * f_shared, f_a + f_b, 1.0)
    sb_shared, _, sb_a, sb_b = matched.block("stem_bigram")
    out["stem_bigram_dice"] = _ratio(2.0 * sb_shared, sb_a + sb_b, 1.0)
    # BLEU-like: geometric mean of add-one smoothed 1-4-gram precisions with a brevity
    # penalty, each text taken as the reference of the other.
    log_pa = sum(np.log((g[0] + 1.0) / (g[2] + 1.0)) for g in grams) / 4.0
    log_pb = sum(np.log((g[0] + 1.0) / (g[3] + 1.0)) for g in grams) / 4.0
    brevity = 1.0 - _ratio(hi, lo, 1.0)
    bleu_a, bleu_b = np.exp(log_pa + brevity), np.exp(log_pb + brevity)
    out["bleu_min"] = np.minimum(bleu_a, bleu_b)
    out["bleu_max"] = np.maximum(bleu_a, bleu_b)
    # Containment: the share of the shorter text's words (content words, or rarity mass) found
    # in the longer one (one clause of a longer claim); on equal sizes, the larger share.
    for name, key in (("containment", "prefix_content"), ("containment_w", "prefix_w")):
        ab, ba, ma, mb = matched.block(key)
        ra, rb = _ratio(ab, ma, 1.0), _ratio(ba, mb, 1.0)
        out[name] = np.where(ma < mb, ra, np.where(mb < ma, rb, np.maximum(ra, rb)))
    return out


def _quote_signals(tab: TextTables, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Best RapidFuzz partial_ratio of a quote (>= 3 words) of either side in the other text.

    0 when neither side quotes; only the pairs with a quote are scored.
    """
    n_quotes = tab.n_quotes
    best = np.zeros(len(ia))
    parts = []
    for x, y in ((ia, ib), (ib, ia)):
        count = n_quotes[x]
        pair = np.repeat(np.arange(len(x)), count)
        if not len(pair):
            continue
        # The k-th quote of text x[p] sits at quote_start[x[p]] + k in the flat quote list.
        first = np.repeat(tab.quote_start[x] - (np.cumsum(count) - count), count)
        parts.append((pair, first + np.arange(len(pair)), y[pair]))
    if parts:
        pair = np.concatenate([p[0] for p in parts])
        quote = np.concatenate([p[1] for p in parts])
        other = np.concatenate([p[2] for p in parts])
        scores = process.cpdist(
            [tab.quote_list[k] for k in quote],
            [tab.lowered[k] for k in other],
            scorer=fuzz.partial_ratio,
            workers=-1,
        )
        np.maximum.at(best, pair, scores / 100.0)
    return best


def _check_texts(texts: Any, name: str) -> list[str]:
    if isinstance(texts, str):
        raise InputError(
            f"{name} must be a sequence of strings, not a single string: {texts!r:.60}"
        )
    try:
        items = list(texts)
    except TypeError:
        raise InputError(
            f"{name} must be a sequence of strings, got {type(texts).__name__}"
        ) from None
    for k, item in enumerate(items):
        if not isinstance(item, str):
            raise InputError(
                f"{name}[{k}] must be a string, got {type(item).__name__}: {item!r:.60}"
            )
    return items


def _check_pairs(texts_a: Any, texts_b: Any) -> tuple[list[str], list[str]]:
    a = _check_texts(texts_a, "texts_a")
    b = _check_texts(texts_b, "texts_b")
    if len(a) != len(b):
        raise InputError(
            f"texts_a and texts_b must have the same length, got {len(a)} and {len(b)}"
        )
    return a, b


def pair_signals(texts_a: Sequence[str], texts_b: Sequence[str]) -> pd.DataFrame:
    """Lexical similarity signals for each pair ``(texts_a[i], texts_b[i])``.

    Parameters
    ----------
    texts_a, texts_b : sequence of str
        The two sides of each pair, of equal length.

    Returns
    -------
    pandas.DataFrame
        One row per pair and one float column per signal, named as in :data:`SIGNALS`:
        length ratios; word, stem and n-gram overlaps, weighted by word rarity in general
        English (``9 - Zipf frequency`` from ``wordfreq``); character 3-5-gram cosine; RapidFuzz
        ratios; word-level LCS and edit similarity; shared numbers and names and those found
        on one side only; negation mismatch; BLEU-like 1-4-gram precision (each side as the
        reference of the other), containment of the shorter text's content words in the
        longer; names matched up to spelling (Jaro-Winkler >= 0.88); the best RapidFuzz
        ``partial_ratio`` of a quotation of three words or more in the other text. Every
        signal is symmetric in ``a`` and ``b``.

    Raises
    ------
    InputError
        If the sequences differ in length or hold anything but strings.

    Examples
    --------
    >>> sig = pair_signals(["Haftar's forces seized Sirte."], ["Sirte was seized by Haftar."])
    >>> float(sig.loc[0, "stem_jaccard"])  # 3 shared stems of 6
    0.5
    >>> sig.equals(pair_signals(["Sirte was seized by Haftar."], ["Haftar's forces seized Sirte."]))
    True
    """
    a, b = _check_pairs(texts_a, texts_b)
    if not a:
        return pd.DataFrame({name: np.zeros(0) for name in SIGNALS})
    uniques, inverse = distinct_texts(a + b)
    tab = text_tables(uniques)
    frame = signal_frame(tab, inverse[: len(a)], inverse[len(a) :])
    logger.debug("scored %d pairs over %d distinct texts", len(a), len(uniques))
    return frame


def signal_frame(tab: TextTables, ia: np.ndarray, ib: np.ndarray) -> pd.DataFrame:
    """Signals of the pairs of table rows ``(ia[k], ib[k])``, ``_CHUNK`` pairs at a time.

    What :func:`pair_signals` returns, for pairs of rows of a table already built (so that one
    table serves several batches of pairs).

    Parameters
    ----------
    tab : TextTables
        From :func:`~claimcompare.similarity.text_tables`.
    ia, ib : numpy.ndarray
        Row numbers of the two sides of each pair.

    Returns
    -------
    pandas.DataFrame
        One row per pair, the columns of :data:`SIGNALS`.

    Examples
    --------
    >>> texts = ["Haftar's forces seized Sirte.", "Sirte was seized by Haftar."]
    >>> frame = signal_frame(text_tables(texts), np.array([0]), np.array([1]))
    >>> frame.equals(pair_signals(texts[:1], texts[1:]))
    True
    """
    starts = range(0, len(ia), _CHUNK)
    if len(starts) < 2:
        parts = [_pair_chunk(tab, ia[s : s + _CHUNK], ib[s : s + _CHUNK]) for s in starts]
    else:
        # Every pair is scored on its own, so chunks can run side by side: the sparse
        # products release the GIL (RapidFuzz's scorers run on all cores either way).
        with ThreadPoolExecutor(max_workers=2) as pool:
            parts = list(
                pool.map(lambda s: _pair_chunk(tab, ia[s : s + _CHUNK], ib[s : s + _CHUNK]), starts)
            )
    if not parts:
        return pd.DataFrame({name: np.zeros(0) for name in SIGNALS})
    return pd.DataFrame(
        {name: np.concatenate([p[name] for p in parts]).astype(np.float64) for name in SIGNALS}
    )
