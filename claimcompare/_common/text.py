"""Words and stems: the one Snowball stemmer every stage uses."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.stem.snowball import SnowballStemmer

__all__ = ["stem", "stemmer"]


@functools.lru_cache(maxsize=1)
def stemmer() -> SnowballStemmer:
    """NLTK's English Snowball stemmer (it needs no downloaded data), made once.

    Examples
    --------
    >>> stemmer().stem("seized")
    'seiz'
    """
    # Imported on first use: importing nltk costs about a second.
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The Snowball stem of ``word`` (lower-cased first, as Snowball does), cached.

    Examples
    --------
    >>> stem("Forces"), stem("seized")
    ('forc', 'seiz')
    """
    return str(stemmer().stem(word))
