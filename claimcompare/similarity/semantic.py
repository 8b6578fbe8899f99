"""Semantic signals of a pair of claims from text embeddings: the cosine of the two sentences and a
soft word alignment (each word's best match in the other claim, weighted by rarity).

The default encoder is WordLlama's static embeddings, read from the files its wheel ships (no
download, ever); any object with ``encode(list[str]) -> array`` may be used instead.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .._common.text import SIMILARITY_WORDS, word_pattern
from ..errors import ParameterError
from .tables import word_weight

__all__ = [
    "SEMANTIC_SIGNALS",
    "Encoder",
    "WordLlamaEncoder",
    "WordVectors",
    "embed",
    "resolve_encoder",
    "semantic_signals",
    "signals_of",
    "soft_alignment",
]

logger = logging.getLogger(__name__)

#: The columns :func:`semantic_signals` gives, in order.
SEMANTIC_SIGNALS = ("embed_cosine", "soft_align_min", "soft_align_max")
_WORD = word_pattern(**SIMILARITY_WORDS)
_STOP = frozenset(ENGLISH_STOP_WORDS)


class Encoder(Protocol):
    """Anything that turns texts into one vector each (a sentence-transformers model works)."""

    def encode(self, texts: list[str]) -> Any: ...


@functools.lru_cache(maxsize=1)
def _wordllama() -> Any:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:  # pragma: no cover - wordllama is a dependency
        raise ParameterError(
            "the default encoder needs the wordllama package (pip install wordllama); "
            "or pass encoder=None for the lexical aligner"
        ) from exc
    finally:
        # wordllama calls logging.basicConfig on import; a library must not configure logging.
        root.handlers[:] = handlers
        root.setLevel(level)
    # The weights and tokenizer ship inside the wheel: read them there, never download.
    folder = Path(wordllama.__file__).parent
    logger.info("loading WordLlama embeddings from %s", folder)
    return WordLlama.load(cache_dir=folder, disable_download=True)


class WordLlamaEncoder:
    """WordLlama's 256-dimension ``l2_supercat`` static embeddings (MIT), loaded once per process.

    Examples
    --------
    >>> vectors = WordLlamaEncoder().encode(["Haftar's forces seized Sirte.", ""])
    >>> vectors.shape, float(abs(vectors[1]).sum())
    ((2, 256), 0.0)
    """

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text; an empty text gives a row of zeros."""
        return np.asarray(_wordllama().embed(list(texts), norm=False), dtype=np.float32)

    def __repr__(self) -> str:
        return "WordLlamaEncoder()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordLlamaEncoder)

    def __hash__(self) -> int:
        return hash(WordLlamaEncoder)


def resolve_encoder(encoder: Any) -> Encoder | None:
    """``"wordllama"`` as the default encoder, None as None, else ``encoder`` once checked."""
    if encoder is None:
        return None
    if isinstance(encoder, str):
        if encoder != "wordllama":
            raise ParameterError(f"encoder must be 'wordllama', None or an object, got {encoder!r}")
        return WordLlamaEncoder()
    if not callable(getattr(encoder, "encode", None)):
        raise ParameterError(
            "encoder must have an encode(list[str]) method returning one vector per text, "
            f"got {type(encoder).__name__}"
        )
    return encoder


def embed(texts: Sequence[str], encoder: Encoder) -> np.ndarray:
    """L2-normalised float32 rows of ``encoder.encode(texts)``; a zero or non-finite vector (an
    empty or symbol-only text) stays a row of zeros, whose cosine with anything is 0.

    Examples
    --------
    >>> rows = embed(["Sirte fell.", ""], WordLlamaEncoder())
    >>> [round(float(np.linalg.norm(r)), 3) for r in rows]
    [1.0, 0.0]
    """
    texts = list(texts)
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else np.zeros((0, 1))
    if vectors.ndim != 2 or len(vectors) != len(texts):
        raise ParameterError(
            f"encoder.encode gave an array of shape {vectors.shape} for {len(texts)} texts; "
            "it must give one vector per text"
        )
    vectors = np.where(np.isfinite(vectors), vectors, 0.0).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


class WordVectors:
    """The content words of a list of texts, each word embedded once, with its rarity weight."""

    def __init__(self, texts: Sequence[str], encoder: Encoder) -> None:
        words = [
            [w for w in (m.lower() for m in _WORD.findall(t)) if w not in _STOP] for t in texts
        ]
        vocab = sorted({w for text_words in words for w in text_words})
        index = {w: i for i, w in enumerate(vocab)}
        # converted to float64 once here, not in every batch of the soft alignment
        self.vectors = (
            embed(vocab, encoder).astype(np.float64)
            if vocab
            else np.zeros((0, 1), dtype=np.float64)
        )
        self.weight = np.array([word_weight(w) for w in vocab], dtype=np.float64)
        #: The vocabulary rows of every text's words, text after text; text k's are
        #: ``flat[start[k]:start[k] + length[k]]``.
        self.flat = np.fromiter((index[w] for t in words for w in t), dtype=np.int64)
        self.length = np.fromiter((len(t) for t in words), dtype=np.int64, count=len(words))
        self.start = np.r_[0, np.cumsum(self.length)[:-1]].astype(np.int64)

    def padded(self, texts: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
        """Per text, its first ``width`` word rows (padding: row 0) and which are real."""
        offsets = np.arange(width)
        real = offsets[None, :] < self.length[texts][:, None]
        rows = np.where(real, self.start[texts][:, None] + offsets[None, :], 0)
        return self.flat[rows] if len(self.flat) else np.zeros_like(rows), real


#: Floats one batch of :func:`soft_alignment` may hold (about 256 MB of float64).
_BATCH_FLOATS = 32_000_000


def _directional(sim: np.ndarray, weight: np.ndarray, real: np.ndarray) -> np.ndarray:
    """Per pair: the weighted mean over one side's words of their best match on the other."""
    best = np.where(real, sim.max(axis=2), 0.0)  # a padding word's best is -inf: left out
    weight = np.where(real, weight, 0.0)
    total = weight.sum(axis=1)
    return np.divide((best * weight).sum(axis=1), total, out=np.zeros(len(total)), where=total > 0)


def _batch(
    words: WordVectors, ia: np.ndarray, ib: np.ndarray, rest: np.ndarray, dim: int
) -> np.ndarray:
    """The next pairs of ``rest`` whose padded word vectors fit in _BATCH_FLOATS."""
    size = max(1, _BATCH_FLOATS // (2 * dim * (int(words.length[ia[rest[0]]]) + 1)))
    while True:
        batch = rest[:size]
        width = int(words.length[ia[batch]].max()) + int(words.length[ib[batch]].max())
        if size == 1 or 2 * dim * width * len(batch) <= _BATCH_FLOATS:
            return batch
        size //= 2


def soft_alignment(words: WordVectors, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """``(n, 2)``: per pair of texts, the lower and the higher of the two directions' weighted
    mean best word match (0 when either text has no content word); batched by word counts."""
    out = np.zeros((len(ia), 2))
    order = np.lexsort((words.length[ib], words.length[ia]))
    dim, k = words.vectors.shape[1], 0
    while k < len(order):
        batch = _batch(words, ia, ib, order[k:], dim)
        la, lb = int(words.length[ia[batch]].max()), int(words.length[ib[batch]].max())
        if la and lb:
            ra, real_a = words.padded(ia[batch], la)
            rb, real_b = words.padded(ib[batch], lb)
            sim = np.matmul(words.vectors[ra], words.vectors[rb].transpose(0, 2, 1))
            sim = np.where(real_a[:, :, None] & real_b[:, None, :], sim, -np.inf)
            one = _directional(sim, words.weight[ra], real_a)
            two = _directional(sim.transpose(0, 2, 1), words.weight[rb], real_b)
            empty = ~real_a.any(axis=1) | ~real_b.any(axis=1)
            one[empty], two[empty] = 0.0, 0.0
            out[batch, 0], out[batch, 1] = np.minimum(one, two), np.maximum(one, two)
        k += len(batch)
    return out


def semantic_signals(
    texts_a: Sequence[str], texts_b: Sequence[str], *, encoder: Encoder | str = "wordllama"
) -> pd.DataFrame:
    """:data:`SEMANTIC_SIGNALS` of each pair of texts (symmetric in ``a`` and ``b``).

    ``embed_cosine``: the cosine of the two texts' vectors; ``soft_align_min`` /
    ``soft_align_max``: for each content word, its best cosine with a word of the other text,
    averaged with weights that grow with the word's rarity, the lower and the higher direction.

    Examples
    --------
    >>> sig = semantic_signals(["Haftar's forces seized Sirte."],
    ...                        ["Fighters loyal to Khalifa Haftar have taken Sirte."])
    >>> list(sig.columns), bool((sig.to_numpy() > 0.4).all())
    (['embed_cosine', 'soft_align_min', 'soft_align_max'], True)
    """
    if len(texts_a) != len(texts_b):
        raise ParameterError(
            f"texts_a and texts_b must have the same length, got {len(texts_a)} and {len(texts_b)}"
        )
    resolved = resolve_encoder(encoder)
    if resolved is None:
        raise ParameterError("semantic_signals needs an encoder, got None")
    texts = sorted(set(texts_a) | set(texts_b))
    row = {t: i for i, t in enumerate(texts)}
    ia = np.array([row[t] for t in texts_a], dtype=np.int64)
    ib = np.array([row[t] for t in texts_b], dtype=np.int64)
    return signals_of(embed(texts, resolved), WordVectors(texts, resolved), ia, ib)


def signals_of(
    vectors: np.ndarray, words: WordVectors, ia: np.ndarray, ib: np.ndarray
) -> pd.DataFrame:
    """:data:`SEMANTIC_SIGNALS` of the pairs ``(ia, ib)`` of rows of already embedded texts."""
    cosine = np.einsum("ij,ij->i", vectors[ia], vectors[ib]) if len(ia) else np.zeros(0)
    soft = soft_alignment(words, ia, ib)
    return pd.DataFrame(
        {
            "embed_cosine": cosine.astype(np.float64),
            "soft_align_min": soft[:, 0],
            "soft_align_max": soft[:, 1],
        }
    )
