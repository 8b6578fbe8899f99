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
    "embed",
    "resolve_encoder",
    "semantic_signals",
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
        self.words = [
            [w for w in (m.lower() for m in _WORD.findall(t)) if w not in _STOP] for t in texts
        ]
        vocab = sorted({w for words in self.words for w in words})
        self.index = {w: i for i, w in enumerate(vocab)}
        self.vectors = embed(vocab, encoder) if vocab else np.zeros((0, 1), dtype=np.float32)
        self.weight = np.array([word_weight(w) for w in vocab], dtype=np.float64)

    def rows(self, k: int) -> np.ndarray:
        return np.fromiter((self.index[w] for w in self.words[k]), dtype=np.int64)


def _soft(words: WordVectors, a: int, b: int) -> tuple[float, float]:
    """The weighted mean best match of each claim's words in the other, low and high."""
    ra, rb = words.rows(a), words.rows(b)
    if not len(ra) or not len(rb):
        return 0.0, 0.0
    sim = words.vectors[ra] @ words.vectors[rb].T
    wa, wb = words.weight[ra], words.weight[rb]
    one = float(sim.max(axis=1) @ wa / wa.sum())
    two = float(sim.max(axis=0) @ wb / wb.sum())
    return min(one, two), max(one, two)


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
    soft = np.array([_soft(words, a, b) for a, b in zip(ia.tolist(), ib.tolist(), strict=True)])
    soft = soft.reshape(-1, 2)
    return pd.DataFrame(
        {
            "embed_cosine": cosine.astype(np.float64),
            "soft_align_min": soft[:, 0],
            "soft_align_max": soft[:, 1],
        }
    )
