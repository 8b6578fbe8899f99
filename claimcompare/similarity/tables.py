"""Per-text tables of the pair signals: tokens, rarity weights, sparse bags and encoded strings.

The bottom of :mod:`claimcompare.similarity`: :func:`text_tables` processes each distinct text
once, so that :mod:`~claimcompare.similarity.signals` scores pairs of its rows with row-wise
sparse products. See ``docs/alignment.md`` for the signals and their weights.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from rapidfuzz import process
from sklearn.feature_extraction.text import HashingVectorizer

from .._common.text import SIMILARITY_WORDS, word_pattern
from .._common.text import stemmer as text_stemmer

__all__ = ["TextTables", "distinct_texts", "text_tables", "word_weight"]

logger = logging.getLogger(__name__)

_TOKEN_RE = word_pattern(**SIMILARITY_WORDS)
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
_CHAR_NGRAMS = (4, 4)


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


def word_weight(word: str) -> float:
    """A word's rarity weight: ``(9 - Zipf frequency) ** 1.5``; a number counts as rarity 6.

    Examples
    --------
    >>> word_weight("the") < word_weight("militia") < word_weight("Haftar".lower())
    True
    """
    if _NUMBER_RE.match(word):
        return float(_NUMBER_RARITY**_WEIGHT_POWER)
    freqs = _frequencies()
    zipf = _zipf(word, freqs) if freqs else 4.0
    return float((9.0 - zipf) ** _WEIGHT_POWER)


@dataclass(frozen=True, slots=True)
class TextTables:
    """Per text: the sparse bags and strings the pair signals are computed from
    (:func:`text_tables`)."""

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


@dataclass(frozen=True, slots=True)
class _Tokens:
    """The tokens of all texts, flat, text after text, and their vocabulary."""

    raw: list[str]  # as written, a possessive 's cut off
    lower: list[str]  # lower-cased, numbers without their thousands commas
    lengths: np.ndarray  # tokens per text
    starts: np.ndarray  # position of each text's first token
    word: np.ndarray  # vocabulary id of each token
    text: np.ndarray  # text of each token
    pos: np.ndarray  # position of each token in its text
    words: list[str]  # the vocabulary, in order of first occurrence


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Per vocabulary word: rarity weight, stem and 5-letter stem prefix ids, and flags."""

    weights: np.ndarray
    stem_ids: np.ndarray
    prefix_ids: np.ndarray
    content: np.ndarray  # rarer than _FUNCTION_ZIPF, or a number
    number: np.ndarray
    negation: np.ndarray


def _tokenise(texts: Sequence[str]) -> _Tokens:
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
    starts = np.cumsum(lengths) - lengths
    return _Tokens(
        raw=flat_raw,
        lower=flat_lower,
        lengths=lengths,
        starts=starts,
        word=tok_word,
        text=np.repeat(np.arange(n, dtype=np.int64), lengths),
        pos=np.arange(len(flat_raw), dtype=np.int64) - np.repeat(starts, lengths),
        words=list(vocab),
    )


def _vocab_arrays(words: list[str]) -> _Vocab:
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
            weights[k] = word_weight(word)
            stem = word
        else:
            zipf = _zipf(word, freqs) if freqs else 4.0
            weights[k] = word_weight(word)
            content[k] = zipf < _FUNCTION_ZIPF
            negation[k] = word in _NEGATIONS
            stem = stemmer.stem(word)
        stem_ids[k] = stems.setdefault(stem, len(stems))
        prefix_ids[k] = prefixes.setdefault(stem[:5], len(prefixes))
    return _Vocab(weights, stem_ids, prefix_ids, content, number, negation)


def text_tables(texts: Sequence[str]) -> TextTables:
    """The tables the pair signals of ``texts`` are computed from, one row per text.

    Parameters
    ----------
    texts : sequence of str
        The texts, usually distinct and sorted (see :func:`distinct_texts`).

    Returns
    -------
    TextTables
        Row ``k`` describes ``texts[k]``; :func:`~claimcompare.similarity.signal_frame`
        scores pairs of rows.

    Examples
    --------
    >>> tab = text_tables(["Haftar's forces seized Sirte.", "Sirte fell."])
    >>> tab.n_words.tolist(), tab.normalised[0]
    ([4.0, 2.0], 'haftar forces seized sirte')
    """
    n = len(texts)
    tok = _tokenise(texts)
    vocab = _vocab_arrays(tok.words)
    n_v = max(len(tok.words), 1)
    tf = _coo(tok.text, tok.word, n, n_v)
    w_diag = sp.diags(np.r_[vocab.weights, np.zeros(n_v - len(tok.words))])
    names = _names(tok, vocab, n)
    (sets, set_blocks), (weighted, weighted_blocks) = _bags(tok, vocab, tf, w_diag, names)
    vectors, vector_blocks = _vectors(tok.words, tf, w_diag)
    quotes = [_quotes(text) for text in texts]
    n_quotes = np.fromiter((len(q) for q in quotes), dtype=np.int64, count=n)
    normalised, encoded, encoded_content = _sequences(tok, vocab, n)
    negations = vocab.negation[tok.word] if len(tok.words) else np.zeros(0, dtype=bool)
    return TextTables(
        sets=sets,
        set_blocks=set_blocks,
        weighted=weighted,
        weighted_blocks=weighted_blocks,
        set_mass=np.hstack([_dense(sets @ set_blocks), _dense(weighted @ weighted_blocks)]),
        vectors=vectors,
        vector_blocks=vector_blocks,
        n_words=tok.lengths.astype(np.float64),
        n_neg=np.bincount(tok.text[negations], minlength=n).astype(np.float64),
        normalised=normalised,
        encoded=encoded,
        encoded_content=encoded_content,
        names=names,
        names_near=_binary(names @ _near_names(tok.words, names)),
        quote_list=[q for qs in quotes for q in qs],
        quote_start=np.cumsum(n_quotes) - n_quotes,
        n_quotes=n_quotes,
        lowered=[t.lower() for t in texts],
    )


def _names(tok: _Tokens, vocab: _Vocab, n: int) -> sp.csr_matrix:
    """Texts x words, 1 for the names of each text: capitalised tokens, except a
    sentence-initial word that is common in English."""
    capital = np.fromiter((t[0].isupper() for t in tok.raw), dtype=bool, count=len(tok.raw))
    if len(tok.words):
        is_name = (
            capital
            & ~vocab.number[tok.word]
            & ((tok.pos > 0) | (vocab.weights[tok.word] >= (9.0 - _NAME_MAX_ZIPF) ** _WEIGHT_POWER))
        )
    else:
        is_name = capital
    return _binary(_coo(tok.text[is_name], tok.word[is_name], n, max(len(tok.words), 1)))


def _bags(
    tok: _Tokens, vocab: _Vocab, tf: sp.csr_matrix, w_diag: sp.spmatrix, names: sp.csr_matrix
) -> tuple[tuple[sp.csr_matrix, sp.csr_matrix], tuple[sp.csr_matrix, sp.csr_matrix]]:
    """The _BINARY_BLOCKS and the _WEIGHTED_BLOCKS, each side by side with its indicator."""
    n = tf.shape[0]
    n_words = len(tok.words)
    n_v = max(n_words, 1)
    present = _binary(tf)
    n_stems = int(vocab.stem_ids.max()) + 1 if n_words else 1
    n_prefixes = int(vocab.prefix_ids.max()) + 1 if n_words else 1
    word_rows = np.arange(n_words)
    stem_of = _coo(word_rows, vocab.stem_ids, n_v, n_stems)
    prefix_of = _coo(word_rows, vocab.prefix_ids, n_v, n_prefixes)
    pad = np.zeros(n_v - n_words, dtype=bool)
    content_diag = sp.diags(np.r_[vocab.content, pad].astype(float))
    number_diag = sp.diags(np.r_[vocab.number, pad].astype(float))

    def grams(ids: np.ndarray, size: int) -> sp.csr_matrix:
        rows, cols = _ngram_ids(ids, tok.text, size)
        return _binary(_coo(rows, cols, n, int(cols.max(initial=0)) + 1))

    stem_w = present @ w_diag @ stem_of
    stem_tok = vocab.stem_ids[tok.word] if n_words else tok.word
    sets = _side_by_side(
        [
            present,
            _binary(stem_w),
            grams(tok.word, 2),
            grams(tok.word, 3),
            _binary(present @ number_diag),
            names,
            grams(tok.word, 4),
            grams(stem_tok, 2),
        ]
    )
    weighted = _side_by_side(
        [
            present @ w_diag,
            stem_w,
            present @ w_diag @ prefix_of,
            present @ content_diag @ prefix_of,
        ]
    )
    return sets, weighted


def _vectors(
    words: list[str], tf: sp.csr_matrix, w_diag: sp.spmatrix
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """L2-normalised rows of rarity-weighted words and of their character n-grams."""
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
    return _side_by_side([_l2_rows(log_tf @ w_diag), _l2_rows(log_tf @ w_diag @ word_chars)])


def _sequences(tok: _Tokens, vocab: _Vocab, n: int) -> tuple[list[str], list[str], list[str]]:
    """Per text: its words joined by spaces, and its word ids and content-stem ids encoded
    one character each."""
    has_words = len(tok.words) > 0
    content_tok = vocab.content[tok.word] if has_words else np.zeros(0, dtype=bool)
    # One Unicode character per word (or stem) id lets RapidFuzz's C scorers compare word
    # sequences; all texts are encoded at once and sliced.
    words_str = _as_chars(tok.word)
    stem_tok = vocab.stem_ids[tok.word[content_tok]] if has_words else np.zeros(0, dtype=np.int64)
    stems_str = _as_chars(stem_tok)
    content_ends = np.cumsum(np.bincount(tok.text[content_tok], minlength=n))
    content_starts = content_ends - np.bincount(tok.text[content_tok], minlength=n)
    starts, ends = tok.starts, tok.starts + tok.lengths
    normalised = [" ".join(tok.lower[lo:hi]) for lo, hi in zip(starts, ends, strict=True)]
    encoded = [words_str[lo:hi] for lo, hi in zip(starts, ends, strict=True)]
    encoded_content = [
        stems_str[lo:hi] for lo, hi in zip(content_starts, content_ends, strict=True)
    ]
    return normalised, encoded, encoded_content


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


def _dense(matrix: sp.spmatrix) -> np.ndarray:
    return np.asarray(matrix.todense())


def distinct_texts(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Distinct texts in sorted order, and the position of each input text among them.

    Tables over sorted distinct texts make every signal independent of the order and the
    repetition of the pairs.

    Examples
    --------
    >>> uniques, inverse = distinct_texts(["b", "a", "b"])
    >>> uniques, inverse.tolist()
    (['a', 'b'], [1, 0, 1])
    """
    index: dict[str, int] = {}
    for text in texts:
        index.setdefault(text, len(index))
    uniques = sorted(index)
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[[index[t] for t in uniques]] = np.arange(len(uniques))
    inverse = rank[np.fromiter((index[t] for t in texts), dtype=np.int64, count=len(texts))]
    return uniques, inverse
