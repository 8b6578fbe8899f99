"""Find a lexicon's terms in many texts at once: :func:`match_terms`, one row per match."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..document import Corpus
from ..errors import InputError, ParameterError
from .lexicon import Lexicon

__all__ = ["match_terms"]

_MATCH_COLUMNS = ["text_id", "start", "end", "term", "entry", "category", "polarity", "weight"]


def match_terms(
    texts: Corpus | Mapping[Any, str] | pd.Series | Iterable[str],
    lexicon: Lexicon | None = None,
    *,
    overlapping: bool = False,
) -> pd.DataFrame:
    """Find a lexicon's terms in many texts: one row per match.

    Parameters
    ----------
    texts : Corpus, mapping, Series or iterable of str
        A :class:`Corpus` (``text_id`` is the ``doc_id``), a mapping or Series (its keys / index),
        or strings (their positions).
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`.
    overlapping : bool, default False
        As in :meth:`Lexicon.finditer`.

    Returns
    -------
    pandas.DataFrame
        ``text_id, start, end, term, entry, category, polarity, weight``, sorted by ``text_id``
        and offsets, so the order of the input does not change the output.

    Examples
    --------
    >>> texts = {"a": "Rebels took Sirte.", "b": "Sirte fell, reportedly."}
    >>> match_terms(texts)[["text_id", "term"]]
      text_id        term
    0       a      Rebels
    1       b  reportedly
    """
    lex = Lexicon.default() if lexicon is None else lexicon
    if not isinstance(lex, Lexicon):
        raise ParameterError(f"lexicon must be a Lexicon or None, got {type(lex).__name__}")
    items: list[tuple[Any, str]]
    if isinstance(texts, Corpus):
        items = [(d.doc_id, d.text) for d in texts]
    elif isinstance(texts, pd.Series):
        if not texts.index.is_unique:
            raise InputError("texts: the Series index must be unique (it gives text_id)")
        items = list(texts.items())
    elif isinstance(texts, Mapping):
        items = list(texts.items())
    elif isinstance(texts, str):
        raise ParameterError("texts must be a collection of strings, got a single string")
    else:
        items = list(enumerate(texts))
    rows = []
    for text_id, text in items:
        if not isinstance(text, str):
            raise InputError(f"text {text_id!r} must be a string, got {type(text).__name__}")
        for m in lex.finditer(text, overlapping=overlapping):
            rows.append(
                (text_id, m.start, m.end, m.text, m.entry, m.category, m.polarity, m.weight)
            )
    rows.sort(key=lambda r: (_sort_key(r[0]), r[1], r[2], r[4]))
    frame = pd.DataFrame(rows, columns=_MATCH_COLUMNS)
    return frame.astype(
        {"start": "int64", "end": "int64", "polarity": "int64", "weight": "float64"}
    )


def _sort_key(value: Any) -> tuple[str, Any]:
    if isinstance(value, bool | int | float):
        return ("0", value)
    return (type(value).__name__, value if isinstance(value, str) else repr(value))
