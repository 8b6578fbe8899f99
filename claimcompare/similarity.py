"""Do two claims state the same thing? Pair signals and a small calibrated model, no neural network.

:func:`pair_signals` turns sentence pairs into a table of lexical signals (word, stem, n-gram and
character overlap weighted by general-English word rarity, BLEU-like n-gram precisions,
containment of the shorter text in the longer, RapidFuzz ratios, word-order measures, number,
name (exact and fuzzy: Hafar / Haftar) and negation mismatches, shared quotations). Every
signal is symmetric: the signals of ``(a, b)`` equal those of ``(b, a)``. Texts are processed
once per distinct text and pairs are scored with row-wise sparse-matrix operations and
RapidFuzz's C scorers.

:class:`PairModel` is a logistic regression on standardised signals (two weight sets blended by
a gate) with a Platt calibration on top, plus an optional graded head (ridge regression) for
STS-style similarity; its learnt state is a few hundred numbers, stored with their provenance
in ``claimcompare/data/pair_model.json`` (:meth:`PairModel.default`).
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq, Levenshtein
from sklearn.feature_extraction.text import HashingVectorizer

from ._common.data import data_text
from ._common.estimator import Estimator, is_int, is_real, plain
from ._common.text import stemmer as text_stemmer
from .errors import InputError, NotFittedError, ParameterError

__all__ = ["SIGNALS", "PairModel", "pair_signals"]

logger = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER_RE = re.compile(r"\d")
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor nowhere without cannot n't".split()
    + "isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't".split()
    + "shouldn't hasn't haven't hadn't mustn't".split()
)
#: A word's rarity is ``9 - Zipf frequency`` (wordfreq; 9 for unknown words), numbers count as
#: _NUMBER_RARITY, and weights are ``rarity ** 1.5`` (steeper than log-frequency; chosen on
#: train/dev).
_NUMBER_RARITY = 6.0
_WEIGHT_POWER = 1.5
#: Capitalised sentence-initial words are names only when rarer than this Zipf frequency.
_NAME_MAX_ZIPF = 4.0
#: Words at least this frequent (Zipf) count as function words for the content-only signals.
_FUNCTION_ZIPF = 5.6
_CHUNK = 50_000
_CHAR_NGRAMS = (4, 4)

#: PairModel's parameters, in the order its JSON lists them.
_PAIR_PARAMS = ("C", "gate", "gate_center", "gate_slope", "cv", "random_state", "graded_alpha")

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


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """General-English word frequencies (wordfreq), or an empty dict when it is not installed."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - exercised only without the dependency
        logger.warning("wordfreq is not installed: every word gets the same weight")
        return {}
    return dict(wordfreq.get_frequency_dict("en"))


def _zipf(word: str, freqs: dict[str, float]) -> float:
    freq = freqs.get(word)
    if freq is None and "'" in word:
        freq = freqs.get(word.replace("'", ""))
    if freq is None or freq <= 0.0:
        return 0.0
    return max(0.0, math.log10(freq) + 9.0)


@dataclass(frozen=True, slots=True)
class _Tables:
    """Per distinct text: the sparse bags and strings the pair signals are computed from."""

    sets: sp.csr_matrix  # the _BINARY_BLOCKS side by side, values 1
    set_blocks: sp.csr_matrix  # columns of ``sets`` x blocks, to sum a product per block
    weighted: sp.csr_matrix  # the _WEIGHTED_BLOCKS side by side; counts or rarity weights
    weighted_blocks: sp.csr_matrix
    set_mass: np.ndarray  # texts x _SET_BLOCKS: each block's row sum
    vectors: sp.csr_matrix  # l2-normalised vectors side by side (weighted words, char n-grams)
    vector_blocks: sp.csr_matrix
    n_words: np.ndarray
    n_neg: np.ndarray
    normalised: list[str]
    encoded: list[str]
    encoded_content: list[str]
    names: sp.csr_matrix  # binary: the names of each text
    names_near: sp.csr_matrix  # binary: names spelt like one of the text's names
    quote_list: list[str]  # quoted spans of >= 3 words, lower-cased, text after text
    quote_start: np.ndarray  # position of each text's first quote in quote_list
    n_quotes: np.ndarray
    lowered: list[str]


#: Blocks of 0/1 keys (their matched mass is the same on both sides) ...
_BINARY_BLOCKS = (
    "word",
    "stem",
    "bigram",
    "trigram",
    "number",
    "name",
    "fourgram",
    "stem_bigram",
)
#: ... and blocks weighted by word rarity or counts, matched from each side in turn.
_WEIGHTED_BLOCKS = ("word_w", "stem_w", "prefix_w", "prefix_content")
_SET_BLOCKS = _BINARY_BLOCKS + _WEIGHTED_BLOCKS


def _coo(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> sp.csr_matrix:
    data = np.ones(len(rows), dtype=np.float64)
    return sp.csr_matrix((data, (rows, cols)), shape=(n_rows, max(n_cols, 1)))


def _binary(matrix: sp.spmatrix) -> sp.csr_matrix:
    out = sp.csr_matrix(matrix, copy=True)
    out.eliminate_zeros()
    out.data[:] = 1.0
    return out


def _ones(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """The same sparsity pattern with every stored value 1 (no copy of the index arrays)."""
    return sp.csr_matrix(
        (np.ones(len(matrix.data)), matrix.indices, matrix.indptr), shape=matrix.shape
    )


def _l2_rows(matrix: sp.spmatrix) -> sp.csr_matrix:
    matrix = sp.csr_matrix(matrix)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)


def _ngram_ids(word_ids: np.ndarray, text_ids: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows and column ids of the word n-grams that do not cross a text boundary."""
    m = len(word_ids) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    same = np.ones(m, dtype=bool)
    for k in range(1, n):
        same &= text_ids[k : k + m] == text_ids[:m]
    grams = np.stack([word_ids[k : k + m][same] for k in range(n)], axis=1)
    base = int(word_ids.max()) + 1
    if base**n < 2**62:
        key = grams[:, 0].astype(np.int64)
        for k in range(1, n):
            key = key * base + grams[:, k]
        _, cols = np.unique(key, return_inverse=True)
    else:
        _, cols = np.unique(grams, axis=0, return_inverse=True)
    return text_ids[:m][same], cols.ravel()


def _vocab_arrays(
    words: list[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rarity weight, stem id, prefix id and content/number/negation flags of each word."""
    freqs = _frequencies()
    stemmer = text_stemmer()
    weights = np.empty(len(words))
    content = np.zeros(len(words), dtype=bool)
    number = np.zeros(len(words), dtype=bool)
    negation = np.zeros(len(words), dtype=bool)
    stems: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    stem_ids = np.empty(len(words), dtype=np.int64)
    prefix_ids = np.empty(len(words), dtype=np.int64)
    for k, word in enumerate(words):
        if _NUMBER_RE.match(word):
            number[k] = content[k] = True
            weights[k] = _NUMBER_RARITY**_WEIGHT_POWER
            stem = word
        else:
            zipf = _zipf(word, freqs) if freqs else 4.0
            weights[k] = (9.0 - zipf) ** _WEIGHT_POWER
            content[k] = zipf < _FUNCTION_ZIPF
            negation[k] = word in _NEGATIONS
            stem = stemmer.stem(word)
        stem_ids[k] = stems.setdefault(stem, len(stems))
        prefix_ids[k] = prefixes.setdefault(stem[:5], len(prefixes))
    return weights, stem_ids, prefix_ids, content, number, negation


def _tables(texts: Sequence[str]) -> _Tables:
    n = len(texts)
    raw_tokens = [_TOKEN_RE.findall(text) for text in texts]
    lengths = np.fromiter((len(toks) for toks in raw_tokens), dtype=np.int64, count=n)
    # The possessive clitic goes: "Haftar's forces" and "Haftar" name the same actor.
    flat_raw = [
        tok[:-2] if len(tok) > 2 and tok[-2] in "'’" and tok[-1] in "sS" else tok
        for toks in raw_tokens
        for tok in toks
    ]
    flat_lower = [
        tok.replace(",", "") if tok[0].isdigit() else tok.lower().replace("’", "'")
        for tok in flat_raw
    ]
    vocab: dict[str, int] = {}
    tok_word = np.fromiter(
        (vocab.setdefault(tok, len(vocab)) for tok in flat_lower),
        dtype=np.int64,
        count=len(flat_lower),
    )
    words = list(vocab)
    n_v = max(len(words), 1)
    weights, stem_ids, prefix_ids, content, number, negation = _vocab_arrays(words)
    tok_text = np.repeat(np.arange(n, dtype=np.int64), lengths)
    starts = np.cumsum(lengths) - lengths
    tok_pos = np.arange(len(flat_raw), dtype=np.int64) - np.repeat(starts, lengths)

    tf = _coo(tok_text, tok_word, n, n_v)
    present = _binary(tf)
    w_diag = sp.diags(np.r_[weights, np.zeros(n_v - len(words))])
    n_stems = int(stem_ids.max()) + 1 if len(words) else 1
    n_prefixes = int(prefix_ids.max()) + 1 if len(words) else 1
    word_rows = np.arange(len(words))
    stem_of = _coo(word_rows, stem_ids, n_v, n_stems)
    prefix_of = _coo(word_rows, prefix_ids, n_v, n_prefixes)
    content_diag = sp.diags(np.r_[content, np.zeros(n_v - len(words), dtype=bool)].astype(float))
    number_diag = sp.diags(np.r_[number, np.zeros(n_v - len(words), dtype=bool)].astype(float))

    # Names: capitalised tokens, except a sentence-initial word that is common in English.
    capital = np.fromiter((tok[0].isupper() for tok in flat_raw), dtype=bool, count=len(flat_raw))
    if len(words):
        is_name = (
            capital
            & ~number[tok_word]
            & ((tok_pos > 0) | (weights[tok_word] >= (9.0 - _NAME_MAX_ZIPF) ** _WEIGHT_POWER))
        )
    else:
        is_name = capital
    names = _binary(_coo(tok_text[is_name], tok_word[is_name], n, n_v))
    bi_rows, bi_cols = _ngram_ids(tok_word, tok_text, 2)
    tri_rows, tri_cols = _ngram_ids(tok_word, tok_text, 3)
    stem_w = present @ w_diag @ stem_of
    four_rows, four_cols = _ngram_ids(tok_word, tok_text, 4)
    sb_rows, sb_cols = _ngram_ids(stem_ids[tok_word] if len(words) else tok_word, tok_text, 2)
    sets, set_blocks = _side_by_side(
        [
            present,
            _binary(stem_w),
            _binary(_coo(bi_rows, bi_cols, n, int(bi_cols.max(initial=0)) + 1)),
            _binary(_coo(tri_rows, tri_cols, n, int(tri_cols.max(initial=0)) + 1)),
            _binary(present @ number_diag),
            names,
            _binary(_coo(four_rows, four_cols, n, int(four_cols.max(initial=0)) + 1)),
            _binary(_coo(sb_rows, sb_cols, n, int(sb_cols.max(initial=0)) + 1)),
        ]
    )
    weighted, weighted_blocks = _side_by_side(
        [
            present @ w_diag,
            stem_w,
            present @ w_diag @ prefix_of,
            present @ content_diag @ prefix_of,
        ]
    )
    names_near = _binary(names @ _near_names(words, names))
    quotes = [_quotes(text) for text in texts]
    n_quotes = np.fromiter((len(q) for q in quotes), dtype=np.int64, count=n)

    log_tf = tf.copy()
    log_tf.data = 1.0 + np.log(log_tf.data)
    # Character n-grams of each word, weighted by the word's rarity: spelling variants
    # (Hafar / Haftar) still overlap while function words barely count.
    hasher = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=_CHAR_NGRAMS,
        n_features=2**20,
        alternate_sign=False,
        norm="l2",
    )
    word_chars = hasher.transform(words) if words else sp.csr_matrix((1, 1))
    # Renumber the hashed columns that occur, so later matrices are only as wide as needed.
    used, compact = np.unique(word_chars.indices, return_inverse=True)
    word_chars = sp.csr_matrix(
        (word_chars.data, compact.ravel(), word_chars.indptr),
        shape=(word_chars.shape[0], max(len(used), 1)),
    )
    vectors, vector_blocks = _side_by_side(
        [_l2_rows(log_tf @ w_diag), _l2_rows(log_tf @ w_diag @ word_chars)]
    )

    neg_tok = negation[tok_word] if len(words) else np.zeros(0, dtype=bool)
    content_tok = content[tok_word] if len(words) else np.zeros(0, dtype=bool)
    n_neg = np.bincount(tok_text[neg_tok], minlength=n).astype(np.float64)
    # One Unicode character per word (or stem) id lets RapidFuzz's C scorers compare word
    # sequences; all texts are encoded at once and sliced.
    words_str = _as_chars(tok_word)
    stem_tok = stem_ids[tok_word[content_tok]] if len(words) else np.zeros(0, dtype=np.int64)
    stems_str = _as_chars(stem_tok)
    content_ends = np.cumsum(np.bincount(tok_text[content_tok], minlength=n))
    content_starts = content_ends - np.bincount(tok_text[content_tok], minlength=n)
    ends = starts + lengths
    normalised = [" ".join(flat_lower[lo:hi]) for lo, hi in zip(starts, ends, strict=True)]
    encoded = [words_str[lo:hi] for lo, hi in zip(starts, ends, strict=True)]
    encoded_content = [
        stems_str[lo:hi] for lo, hi in zip(content_starts, content_ends, strict=True)
    ]
    return _Tables(
        sets=sets,
        set_blocks=set_blocks,
        weighted=weighted,
        weighted_blocks=weighted_blocks,
        set_mass=np.hstack([_dense(sets @ set_blocks), _dense(weighted @ weighted_blocks)]),
        vectors=vectors,
        vector_blocks=vector_blocks,
        n_words=lengths.astype(np.float64),
        n_neg=n_neg,
        normalised=normalised,
        encoded=encoded,
        encoded_content=encoded_content,
        names=names,
        names_near=names_near,
        quote_list=[q for qs in quotes for q in qs],
        quote_start=np.cumsum(n_quotes) - n_quotes,
        n_quotes=n_quotes,
        lowered=[t.lower() for t in texts],
    )


_QUOTE_RE = re.compile(r'["“”]([^"“”]+)["“”]')
_NAME_SIM = 0.88


def _quotes(text: str) -> tuple[str, ...]:
    """Quoted spans of at least three words, lower-cased."""
    return tuple(q.strip().lower() for q in _QUOTE_RE.findall(text) if len(q.split()) >= 3)


def _near_names(words: list[str], names: sp.csr_matrix) -> sp.csr_matrix:
    """Word x word indicator of name spellings close enough to be one name (Hafar / Haftar)."""
    from rapidfuzz.distance import JaroWinkler

    n_v = names.shape[1]
    used = np.flatnonzero(np.asarray(names.sum(axis=0)).ravel() > 0)
    rows = [used]
    cols = [used]
    by_letter: dict[str, list[int]] = {}
    for k in used:
        if k < len(words) and len(words[k]) >= 4:
            by_letter.setdefault(words[k][0], []).append(int(k))
    for ids in by_letter.values():
        if len(ids) < 2:
            continue
        strings = [words[k] for k in ids]
        sim = process.cdist(
            strings,
            strings,
            scorer=JaroWinkler.normalized_similarity,
            score_cutoff=_NAME_SIM,
            workers=-1,
            dtype=np.float32,
        )
        i, j = np.nonzero(sim)
        ids_arr = np.asarray(ids)
        rows.append(ids_arr[i])
        cols.append(ids_arr[j])
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    return _binary(_coo(r, c, n_v, n_v))


def _as_chars(ids: np.ndarray) -> str:
    """One character (from U+10000 on, never a surrogate) per id."""
    return (ids.astype(np.uint32) + 0x10000).astype("<u4").tobytes().decode("utf-32-le")


def _side_by_side(blocks: list[sp.spmatrix]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Stack matrices horizontally, with a columns x blocks indicator to sum each block."""
    matrix = sp.csr_matrix(sp.hstack([sp.csr_matrix(b) for b in blocks], format="csr"))
    matrix.eliminate_zeros()
    # Sorted columns make every row product sum in the same order whichever side comes first,
    # so the signals are exactly symmetric.
    matrix.sort_indices()
    widths = [b.shape[1] for b in blocks]
    owner = np.repeat(np.arange(len(blocks)), widths)
    indicator = _coo(np.arange(len(owner)), owner, len(owner), len(blocks))
    return matrix, indicator


def _ratio(num: np.ndarray, den: np.ndarray, empty: float = 0.0) -> np.ndarray:
    out = np.full(num.shape, empty, dtype=np.float64)
    ok = den > 0
    out[ok] = num[ok] / den[ok]
    return out


def _dense(matrix: sp.spmatrix) -> np.ndarray:
    return np.asarray(matrix.todense())


def _pair_chunk(tab: _Tables, ia: np.ndarray, ib: np.ndarray) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    na, nb = tab.n_words[ia], tab.n_words[ib]
    lo, hi = np.minimum(na, nb), np.maximum(na, nb)
    out["len_ratio"] = _ratio(lo, hi, 1.0)
    out["len_log_diff"] = np.abs(np.log1p(na) - np.log1p(nb))
    out["len_log_mean"] = (np.log1p(na) + np.log1p(nb)) / 2.0

    # matched[:, k]: mass of block k on side a whose key also occurs on side b, and back.
    shared_keys = _dense(tab.sets[ia].multiply(tab.sets[ib]) @ tab.set_blocks)
    wa, wb = tab.weighted[ia], tab.weighted[ib]
    m_ab = np.hstack([shared_keys, _dense(wa.multiply(_ones(wb)) @ tab.weighted_blocks)])
    m_ba = np.hstack([shared_keys, _dense(_ones(wa).multiply(wb) @ tab.weighted_blocks)])
    mass_a, mass_b = tab.set_mass[ia], tab.set_mass[ib]
    col = {name: k for k, name in enumerate(_SET_BLOCKS)}

    def block(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        k = col[name]
        return m_ab[:, k], m_ba[:, k], mass_a[:, k], mass_b[:, k]

    def rec(name: str) -> tuple[np.ndarray, np.ndarray]:
        ab, ba, ma, mb = block(name)
        ra, rb = _ratio(ab, ma, 1.0), _ratio(ba, mb, 1.0)
        return np.minimum(ra, rb), np.maximum(ra, rb)

    shared, _, sa_n, sb_n = block("word")
    out["word_jaccard"] = _ratio(shared, sa_n + sb_n - shared, 1.0)
    out["word_overlap_min"] = _ratio(shared, np.minimum(sa_n, sb_n), 1.0)
    out["word_overlap_max"] = _ratio(shared, np.maximum(sa_n, sb_n), 1.0)
    ab, ba, wa, wb = block("word_w")
    shared_w = (ab + ba) / 2.0  # equal up to rounding; the mean keeps the signal symmetric
    out["idf_overlap_min"] = _ratio(shared_w, np.minimum(wa, wb), 1.0)
    out["idf_overlap_max"] = _ratio(shared_w, np.maximum(wa, wb), 1.0)
    s_shared, _, s_a, s_b = block("stem")
    out["stem_jaccard"] = _ratio(s_shared, s_a + s_b - s_shared, 1.0)
    # A word is matched when the other side has a word with the same stem (or, for the soft
    # variant, the same 5-letter stem prefix): a greedy word alignment in sparse form.
    out["stem_idf_overlap_min"], out["stem_idf_overlap_max"] = rec("stem_w")
    out["soft_idf_overlap_min"], out["soft_idf_overlap_max"] = rec("prefix_w")
    ab, ba, ma, mb = block("prefix_w")
    out["unmatched_idf_sum_max"] = np.maximum(ma - ab, mb - ba)
    ab, ba, ma, mb = block("prefix_content")
    out["unmatched_content_count"] = (ma - ab) + (mb - ba)
    for name in ("bigram", "trigram"):
        g_shared, _, g_a, g_b = block(name)
        out[f"{name}_dice"] = _ratio(2.0 * g_shared, g_a + g_b, 1.0)
        if name == "bigram":
            out["bigram_overlap_min"] = _ratio(g_shared, np.minimum(g_a, g_b), 1.0)
    dots = _dense(tab.vectors[ia].multiply(tab.vectors[ib]) @ tab.vector_blocks)
    out["idf_cosine"] = dots[:, 0]
    out["char_cosine"] = dots[:, 1]

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

    n_shared, _, n_a, n_b = block("number")
    out["num_shared"] = n_shared
    out["num_only_one"] = n_a + n_b - 2.0 * n_shared
    out["num_mismatch"] = ((n_a > 0) & (n_b > 0) & (out["num_only_one"] > 0)).astype(np.float64)
    k_shared, _, k_a, k_b = block("name")
    out["name_shared_frac"] = _ratio(k_shared, k_a + k_b - k_shared, 1.0)
    out["name_only_one"] = k_a + k_b - 2.0 * k_shared
    neg_a, neg_b = tab.n_neg[ia], tab.n_neg[ib]
    out["neg_mismatch"] = ((neg_a > 0) != (neg_b > 0)).astype(np.float64)
    out["neg_count_diff"] = np.abs(neg_a - neg_b)

    grams = [block(name) for name in ("word", "bigram", "trigram", "fourgram")]
    f_shared, _, f_a, f_b = grams[3]
    out["fourgram_dice"] = _ratio(2.0 * f_shared, f_a + f_b, 1.0)
    sb_shared, _, sb_a, sb_b = block("stem_bigram")
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
        ab, ba, ma, mb = block(key)
        ra, rb = _ratio(ab, ma, 1.0), _ratio(ba, mb, 1.0)
        out[name] = np.where(ma < mb, ra, np.where(mb < ma, rb, np.maximum(ra, rb)))

    nm_a, nm_b = tab.names[ia], tab.names[ib]
    near_ab = np.asarray(nm_a.multiply(tab.names_near[ib]).sum(axis=1)).ravel()
    near_ba = np.asarray(tab.names_near[ia].multiply(nm_b).sum(axis=1)).ravel()
    n_names = k_a + k_b
    out["name_fuzzy_frac"] = _ratio(near_ab + near_ba, n_names, 1.0)
    out["name_fuzzy_only_one"] = n_names - near_ab - near_ba

    out["quote_shared"] = _quote_signals(tab, ia, ib)
    return out


def _quote_signals(tab: _Tables, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
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
    uniques, inverse = _distinct(a + b)
    tab = _tables(uniques)
    frame = _signal_frame(tab, inverse[: len(a)], inverse[len(a) :])
    logger.debug("scored %d pairs over %d distinct texts", len(a), len(uniques))
    return frame


def _distinct(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Distinct texts in sorted order, and the position of each input text among them.

    Tables over sorted distinct texts make every signal independent of the order and the
    repetition of the pairs.
    """
    index: dict[str, int] = {}
    for text in texts:
        index.setdefault(text, len(index))
    uniques = sorted(index)
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[[index[t] for t in uniques]] = np.arange(len(uniques))
    inverse = rank[np.fromiter((index[t] for t in texts), dtype=np.int64, count=len(texts))]
    return uniques, inverse


def _signal_frame(tab: _Tables, ia: np.ndarray, ib: np.ndarray) -> pd.DataFrame:
    """Signals of the pairs of table rows ``(ia[k], ib[k])``, ``_CHUNK`` pairs at a time."""
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


def _check_labels(labels: Any, n: int) -> np.ndarray:
    try:
        y = np.asarray(labels)
    except Exception as exc:  # pragma: no cover - numpy accepts nearly anything
        raise InputError(f"labels must be a sequence of 0/1 values: {exc}") from None
    if y.ndim != 1 or len(y) != n:
        raise InputError(f"labels must be one-dimensional with {n} values, got shape {y.shape}")
    if y.dtype == bool:
        return y.astype(np.int64)
    if y.dtype.kind not in "iuf" or not np.isin(y, (0, 1)).all():
        bad = [v for v in y.tolist() if v not in (0, 1)][:3]
        raise InputError(f"labels must be 0 or 1, got values such as {bad!r}")
    return y.astype(np.int64)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


class PairModel(Estimator):
    """Probability that two texts state the same thing, from :func:`pair_signals`.

    A logistic regression on standardised signals, then a Platt (sigmoid) calibration fitted on
    out-of-fold scores, and a decision threshold tuned for accuracy on the same out-of-fold
    predictions. With a ``gate``, the regression has two sets of weights, blended by
    ``g = sigmoid(gate_slope * (signal - gate_center))``: one for clearly different pairs and
    one for close pairs, where what separates "same" from "nearly the same" (numbers, extra
    words, length) matters more. The model stays a logistic regression on the expanded inputs
    ``[z * (1 - g), z * g, g]``. The learnt state is a few numbers per signal (:meth:`to_dict`).

    There are two heads on the same signals. The *paraphrase* head (:meth:`fit`,
    :meth:`predict_proba`, :meth:`predict`) answers "do the two texts state the same thing?"
    (MSRP's sense) and is what :class:`~claimcompare.align.ClaimAligner` uses. The optional
    *graded* head (:meth:`fit_graded`, :meth:`similarity`) is a ridge regression for graded
    similarity (STS's 0-5 scale, mapped to 0-1): a pair that shares a topic but not the claim
    is "not a paraphrase" for the first head and "somewhat similar" for the second, and one
    set of weights cannot serve both orderings well.

    Parameters
    ----------
    C : float, default 0.1
        Inverse L2 regularisation strength of the logistic regression (> 0).
    gate : str or None, default "char_cosine"
        Signal that blends the two weight sets; None for a single set.
    gate_center, gate_slope : float, default 0.5 and 10.0
        Where the blend is half-way and how sharp it is (``gate_slope`` > 0).
    cv : int, default 5
        Folds for the out-of-fold scores that calibration and threshold are fitted on (>= 2).
    random_state : int, default 0
        Seed of the fold split.
    graded_alpha : float, default 10.0
        L2 strength of the graded head's ridge regression (> 0), see :meth:`fit_graded`.

    Attributes
    ----------
    signals_ : list of str
        Signal names, in the order of ``mean_``, ``scale_`` and ``coef_``.
    mean_, scale_ : numpy.ndarray
        Standardisation of each signal.
    coef_ : numpy.ndarray
        Logistic regression weights: on the standardised signals, or with a gate on
        ``[z * (1 - g), z * g, g]`` (``2 * len(signals_) + 1`` numbers).
    intercept_ : float
    platt_ : tuple of float
        ``(a, b)``: the probability is ``sigmoid(a * decision + b)``.
    threshold_ : float
        Probability at or above which :meth:`predict` answers 1.
    provenance_ : dict
        What data and command produced the numbers (free-form; empty when fitted here).
    graded_mean_, graded_scale_, graded_coef_ : numpy.ndarray
        The graded head (:meth:`fit_graded`, :meth:`similarity`): standardisation and ridge
        weights on the same gated inputs; absent until fitted.
    graded_intercept_ : float

    Notes
    -----
    A scikit-learn estimator in its conventions: ``get_params``, ``set_params`` and
    ``sklearn.base.clone`` work, and using an unfitted model raises
    :class:`~claimcompare.errors.NotFittedError` (also scikit-learn's).

    Examples
    --------
    >>> model = PairModel.default()
    >>> p = model.predict_proba(
    ...     ["Haftar's forces seized Sirte."],
    ...     ["Forces loyal to Khalifa Haftar have taken the city of Sirte."],
    ... )
    >>> p.shape
    (1, 2)
    >>> bool(0.0 <= p[0, 1] <= 1.0)
    True
    """

    def __init__(
        self,
        *,
        C: float = 0.1,
        gate: str | None = "char_cosine",
        gate_center: float = 0.5,
        gate_slope: float = 10.0,
        cv: int = 5,
        random_state: int = 0,
        graded_alpha: float = 10.0,
    ) -> None:
        self.C = C
        self.graded_alpha = graded_alpha
        self.gate = gate
        self.gate_center = gate_center
        self.gate_slope = gate_slope
        self.cv = cv
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------
    def fit(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        labels: Sequence[int] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
        calibrate_on: Sequence[bool] | np.ndarray | None = None,
    ) -> PairModel:
        """Learn weights, calibration and threshold from labelled pairs.

        Parameters
        ----------
        texts_a, texts_b : sequence of str
            The pairs.
        labels : sequence of {0, 1}
            1 where the two texts state the same thing.
        sample_weight : sequence of float, optional
            Non-negative weight of each pair in the logistic regression (graded similarity can
            be given as the same pair twice, labelled 1 and 0, weighted ``s`` and ``1 - s``).
        calibrate_on : sequence of bool, optional
            Pairs whose out-of-fold scores fit the calibration and the threshold (default all).

        Returns
        -------
        PairModel
            ``self``.
        """
        a, b = _check_pairs(texts_a, texts_b)
        y = _check_labels(labels, len(a))
        return self.fit_signals(
            pair_signals(a, b), y, sample_weight=sample_weight, calibrate_on=calibrate_on
        )

    def fit_signals(
        self,
        signals: pd.DataFrame,
        labels: Sequence[int] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
        calibrate_on: Sequence[bool] | np.ndarray | None = None,
    ) -> PairModel:
        """:meth:`fit` on a table from :func:`pair_signals` (saves recomputing it).

        Returns
        -------
        PairModel
            ``self``.

        Examples
        --------
        >>> a = ["Rebels took Sirte", "Rain fell", "Oil rose", "Troops left Derna"] * 3
        >>> b = ["Sirte was taken by rebels", "The cup final", "Oil went up", "Ships sank"] * 3
        >>> model = PairModel(cv=3).fit_signals(pair_signals(a, b), [1, 0, 1, 0] * 3)
        >>> model.coef_.shape == (2 * len(SIGNALS) + 1,)  # two gated weight sets and the gate
        True
        """
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        self._check_params()
        x = self._signal_matrix(signals)
        y = _check_labels(labels, len(x))
        if len(np.unique(y)) < 2:
            raise InputError("labels must contain both 0 and 1 to fit a PairModel")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if w.shape != y.shape or not np.isfinite(w).all() or (w < 0).any():
            raise ParameterError(
                f"sample_weight must hold {len(y)} finite non-negative numbers, got shape {w.shape}"
            )
        cal = np.ones(len(y), dtype=bool) if calibrate_on is None else np.asarray(calibrate_on)
        if cal.shape != y.shape or cal.dtype != bool or not cal.any():
            raise ParameterError(f"calibrate_on must hold {len(y)} booleans with at least one True")
        mean = np.average(x, axis=0, weights=w)
        scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
        scale[scale < 1e-9] = 1.0

        inputs = self._inputs(x, mean, scale)

        def fit_lr(rows: np.ndarray) -> LogisticRegression:
            return LogisticRegression(C=self.C, max_iter=5000).fit(
                inputs[rows], y[rows], sample_weight=w[rows]
            )

        fewest = int(min(np.sum(y == 0), np.sum(y == 1)))
        if fewest < self.cv:
            raise ParameterError(
                f"cv={self.cv} needs at least {self.cv} pairs of each label; the smaller label "
                f"has {fewest}: give more labelled pairs or a smaller cv"
            )
        oof = np.zeros(len(y))
        folds = StratifiedKFold(n_splits=self.cv, shuffle=True, random_state=self.random_state)
        for train, test in folds.split(x, y):
            oof[test] = fit_lr(train).decision_function(inputs[test])
        platt = LogisticRegression(C=1e6, max_iter=1000).fit(
            oof[cal, None], y[cal], sample_weight=w[cal]
        )
        final = fit_lr(np.arange(len(y)))
        self.signals_ = list(SIGNALS)
        self.mean_ = mean
        self.scale_ = scale
        self.coef_ = final.coef_.ravel().astype(float)
        self.intercept_ = float(final.intercept_[0])
        self.platt_ = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
        prob = _sigmoid(self.platt_[0] * oof[cal] + self.platt_[1])
        self.threshold_ = _best_threshold(prob, y[cal], w[cal])
        self.provenance_: dict[str, Any] = {}
        return self

    def fit_graded(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        scores: Sequence[float] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
    ) -> PairModel:
        """Learn the graded head from pairs with similarity scores in ``[0, 1]``.

        The paraphrase head (:meth:`fit`) is left as it is.

        Parameters
        ----------
        texts_a, texts_b : sequence of str
            The pairs.
        scores : sequence of float
            Gold similarity of each pair, scaled to ``[0, 1]`` (an STS score divided by 5).
        sample_weight : sequence of float, optional
            Non-negative weight of each pair.

        Returns
        -------
        PairModel
            ``self``.
        """
        a, b = _check_pairs(texts_a, texts_b)
        return self.fit_graded_signals(pair_signals(a, b), scores, sample_weight=sample_weight)

    def fit_graded_signals(
        self,
        signals: pd.DataFrame,
        scores: Sequence[float] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
    ) -> PairModel:
        """:meth:`fit_graded` on a table from :func:`pair_signals`.

        Returns
        -------
        PairModel
            ``self``.

        Examples
        --------
        >>> a = ["Rebels took Sirte", "Rain fell", "Oil rose", "Troops left Derna"]
        >>> b = ["Sirte was taken by rebels", "The cup final", "Oil went up", "Ships sank"]
        >>> model = PairModel().fit_graded_signals(pair_signals(a, b), [0.9, 0.0, 0.8, 0.1])
        >>> sim = model.similarity_signals(pair_signals(a, b))
        >>> bool(sim[0] > sim[1] and sim[2] > sim[3])
        True
        """
        from sklearn.linear_model import Ridge

        self._check_params()
        if not is_real(self.graded_alpha) or not self.graded_alpha > 0:
            raise ParameterError(
                f"graded_alpha must be a positive number, got {self.graded_alpha!r}"
            )
        x = self._signal_matrix(signals)
        try:
            y = np.asarray(scores, dtype=np.float64)
        except (TypeError, ValueError):
            raise InputError("scores must be numbers in [0, 1]") from None
        if y.shape != (len(x),) or not np.isfinite(y).all() or (y < 0).any() or (y > 1).any():
            raise InputError(
                f"scores must hold {len(x)} numbers in [0, 1] (divide 0-5 STS scores by 5), "
                f"got shape {y.shape}"
            )
        if len(y) < 2:
            raise InputError("fit_graded needs at least two scored pairs")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if w.shape != y.shape or not np.isfinite(w).all() or (w < 0).any():
            raise ParameterError(
                f"sample_weight must hold {len(y)} finite non-negative numbers, got shape {w.shape}"
            )
        mean = np.average(x, axis=0, weights=w)
        scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
        scale[scale < 1e-9] = 1.0
        ridge = Ridge(alpha=float(self.graded_alpha)).fit(
            self._inputs(x, mean, scale), y, sample_weight=w
        )
        self.graded_mean_ = mean
        self.graded_scale_ = scale
        self.graded_coef_ = np.asarray(ridge.coef_, dtype=float).ravel()
        self.graded_intercept_ = float(ridge.intercept_)
        return self

    def similarity_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """:meth:`similarity` on a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().similarity_signals(sig).shape
        (1,)
        """
        if not hasattr(self, "graded_coef_"):
            raise NotFittedError(
                "this PairModel has no graded head: call fit_graded() or PairModel.default()"
            )
        x = self._signal_matrix(signals)
        inputs = self._inputs(x, self.graded_mean_, self.graded_scale_)
        return np.clip(inputs @ self.graded_coef_ + self.graded_intercept_, 0.0, 1.0)

    def similarity(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Graded similarity of each pair in ``[0, 1]`` (STS's 0-5 scale divided by 5).

        Examples
        --------
        >>> s = PairModel.default().similarity(
        ...     ["A man is playing a guitar.", "A man is playing a guitar."],
        ...     ["A man plays the guitar.", "The stock market fell sharply."],
        ... )
        >>> bool(s[0] > s[1])
        True
        """
        return self.similarity_signals(pair_signals(texts_a, texts_b))

    def _check_params(self) -> None:
        if not is_real(self.C) or not self.C > 0:
            raise ParameterError(f"C must be a positive number, got {self.C!r}")
        if self.gate is not None and self.gate not in SIGNALS:
            raise ParameterError(f"gate must be None or a signal name, got {self.gate!r}")
        if not is_real(self.gate_slope) or not self.gate_slope > 0:
            raise ParameterError(f"gate_slope must be a positive number, got {self.gate_slope!r}")
        if not is_real(self.gate_center) or not np.isfinite(self.gate_center):
            raise ParameterError(f"gate_center must be a finite number, got {self.gate_center!r}")
        if not is_int(self.cv) or self.cv < 2:
            raise ParameterError(f"cv must be an integer >= 2, got {self.cv!r}")

    @staticmethod
    def _signal_matrix(signals: pd.DataFrame) -> np.ndarray:
        if not isinstance(signals, pd.DataFrame):
            raise InputError(f"signals must be a DataFrame from pair_signals, got {type(signals)}")
        missing = [s for s in SIGNALS if s not in signals.columns]
        if missing:
            raise InputError(f"signals lacks the columns {missing}; use pair_signals() to make it")
        return signals[list(SIGNALS)].to_numpy(dtype=np.float64)

    # -- prediction ----------------------------------------------------------------------
    def decision_function_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """Uncalibrated logit of each row of a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().decision_function_signals(sig).shape
        (1,)
        """
        self._check_fitted()
        x = self._signal_matrix(signals)
        inputs = self._inputs(x, self.mean_, self.scale_)
        return np.asarray(inputs @ self.coef_ + self.intercept_)

    def _inputs(self, x: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        """Standardised signals, split into the two gated regimes when there is a gate."""
        z = (x - mean) / scale
        if self.gate is None:
            return z
        g = _sigmoid(self.gate_slope * (x[:, SIGNALS.index(self.gate)] - self.gate_center))
        return np.hstack([z * (1.0 - g[:, None]), z * g[:, None], g[:, None]])

    def decision_function(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Uncalibrated score (logit) of each pair; higher means more alike.

        Examples
        --------
        >>> z = PairModel.default().decision_function(["A cat sat."], ["A cat sat."])
        >>> z.shape
        (1,)
        """
        self._check_fitted()
        return self.decision_function_signals(pair_signals(texts_a, texts_b))

    def predict_proba_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """:meth:`predict_proba` on a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().predict_proba_signals(sig).shape
        (1, 2)
        """
        z = self.decision_function_signals(signals)
        p = _sigmoid(self.platt_[0] * z + self.platt_[1])
        return np.column_stack([1.0 - p, p])

    def predict_proba(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, an ``(n, 2)`` array: column 1 is "same thing".

        Examples
        --------
        >>> PairModel.default().predict_proba(["No."], ["Yes."]).shape
        (1, 2)
        """
        self._check_fitted()
        return self.predict_proba_signals(pair_signals(texts_a, texts_b))

    def predict(
        self, texts_a: Sequence[str], texts_b: Sequence[str], threshold: float | None = None
    ) -> np.ndarray:
        """1 where the probability is at least ``threshold`` (default: the tuned ``threshold_``).

        Examples
        --------
        >>> PairModel.default().predict(["Rain fell in Tripoli."], ["Rain fell in Tripoli."])
        array([1])
        """
        self._check_fitted()
        thr = self.threshold_ if threshold is None else threshold
        if not is_real(thr) or not 0.0 <= thr <= 1.0:
            raise ParameterError(f"threshold must be a number in [0, 1] or None, got {threshold!r}")
        return (self.predict_proba(texts_a, texts_b)[:, 1] >= thr).astype(np.int64)

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The parameters and learnt numbers, as plain JSON-ready values.

        Examples
        --------
        >>> d = PairModel.default().to_dict()
        >>> d["format"], len(d["coef"]) == 2 * len(d["signals"]) + 1
        ('claimcompare.PairModel', True)
        """
        self._check_fitted()
        return {
            "format": "claimcompare.PairModel",
            "version": 2,
            "provenance": dict(self.provenance_),
            "params": {k: plain(getattr(self, k)) for k in _PAIR_PARAMS},
            "signals": list(self.signals_),
            "mean": [float(v) for v in self.mean_],
            "scale": [float(v) for v in self.scale_],
            "coef": [float(v) for v in self.coef_],
            "intercept": self.intercept_,
            "platt": list(self.platt_),
            "threshold": self.threshold_,
            **(
                {
                    "graded": {
                        "mean": [float(v) for v in self.graded_mean_],
                        "scale": [float(v) for v in self.graded_scale_],
                        "coef": [float(v) for v in self.graded_coef_],
                        "intercept": self.graded_intercept_,
                    }
                }
                if hasattr(self, "graded_coef_")
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        """Rebuild a model written by :meth:`to_dict`.

        Examples
        --------
        >>> m = PairModel.default()
        >>> PairModel.from_dict(m.to_dict()).threshold_ == m.threshold_
        True
        """
        if not isinstance(data, dict) or data.get("format") != "claimcompare.PairModel":
            raise InputError(
                "data is not a PairModel dict (its 'format' must be 'claimcompare.PairModel')"
            )
        if list(data.get("signals", [])) != list(SIGNALS):
            raise InputError(
                "the model was fitted on other signals than this version computes: "
                f"{data.get('signals')!r} != {list(SIGNALS)!r}"
            )
        try:
            model = cls(**data.get("params", {}))
            model._check_params()
            n = len(SIGNALS)
            model.signals_ = list(SIGNALS)
            model.mean_ = np.asarray(data["mean"], dtype=float).reshape(n)
            model.scale_ = np.asarray(data["scale"], dtype=float).reshape(n)
            width = n if model.gate is None else 2 * n + 1
            model.coef_ = np.asarray(data["coef"], dtype=float).reshape(width)
            model.intercept_ = float(data["intercept"])
            a, b = data["platt"]
            model.platt_ = (float(a), float(b))
            model.threshold_ = float(data["threshold"])
            graded = data.get("graded")
            if graded is not None:
                model.graded_mean_ = np.asarray(graded["mean"], dtype=float).reshape(n)
                model.graded_scale_ = np.asarray(graded["scale"], dtype=float).reshape(n)
                model.graded_coef_ = np.asarray(graded["coef"], dtype=float).reshape(width)
                model.graded_intercept_ = float(graded["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"malformed PairModel dict: {exc}") from None
        model.provenance_ = dict(data.get("provenance", {}))
        return model

    @classmethod
    def default(cls) -> PairModel:
        """The model shipped in ``claimcompare/data/pair_model.json``.

        See its ``provenance`` field (also ``provenance_``) for the data and command.

        Examples
        --------
        >>> sorted(PairModel.default().provenance_)[:2]
        ['command', 'data']
        """
        return cls.from_dict(json.loads(_default_json()))


@functools.lru_cache(maxsize=1)
def _default_json() -> str:
    return data_text("pair_model.json")


def _best_threshold(prob: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Probability threshold with the best weighted accuracy (the one nearest 0.5 on ties)."""
    candidates = np.round(np.linspace(0.05, 0.95, 181), 4)
    acc = np.array([np.sum(w * ((prob >= t) == (y == 1))) for t in candidates])
    best = np.flatnonzero(acc >= acc.max() - 1e-12)
    return float(candidates[best[np.argmin(np.abs(candidates[best] - 0.5))]])
