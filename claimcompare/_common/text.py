"""Words and stems: the one tokenizer and the one Snowball stemmer every stage uses.

:func:`word_pattern` builds a word regex from a few keyword options that name how the stages'
word definitions differ; :func:`words` and :func:`word_spans` apply it. Each stage's definition
is a preset (``SIMILARITY_WORDS``, ``ACTOR_WORDS``, ...), pinned by tests/test_common.py.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, Literal, TypedDict

from ..errors import ParameterError

if TYPE_CHECKING:
    from nltk.stem.snowball import SnowballStemmer
    from typing_extensions import Unpack

__all__ = [
    "ABBREVIATION_MAX",
    "ACTOR_WORDS",
    "APOSTROPHES",
    "CLAUSE_WORDS",
    "COMBINING_MARKS",
    "DETECT_WORDS",
    "DISCOVER_WORDS",
    "HYPHENS",
    "LEXICON_WORDS",
    "RELATION_WORDS",
    "SIMILARITY_WORDS",
    "WordOptions",
    "stem",
    "stemmer",
    "word_pattern",
    "word_spans",
    "words",
]

APOSTROPHES: Final = "'\u2018\u2019\u02bc\uff07"
"""The apostrophes: ' ‘ ’ ʼ ＇.

ʼ (U+02BC) is a modifier letter, so a word character: every ``chars`` but ``"ascii"`` already
takes it into a run, and as a joiner it changes nothing there.
"""
HYPHENS: Final = "-\u2010\u2011"
"""The hyphens that join words: - ‐ ‑ (not the en dash, which separates)."""
COMBINING_MARKS: Final = r"\u0300-\u036f\u0610-\u061a\u064b-\u065f"
"""Combining diacritics (Latin U+0300-036F) and Arabic marks, as a regex class body.

None of them is a regex word character (``\\w``), so without ``marks=True`` they split a word.
"""

Chars = Literal["letters", "alphanumeric", "word", "ascii"]
_CHAR_CLASS: Final[dict[str, str]] = {
    "letters": r"[^\W\d_]",
    "alphanumeric": r"[^\W_]",
    "word": r"\w",
    "ascii": r"[A-Za-z]",
}
_NUMBER: Final = r"\d+(?:[.,:/]\d+)*"
_CAPITALS: Final = r"(?:[A-Z]\.){2,}"
ABBREVIATION_MAX: Final = 5
"""The most letters of an ``abbreviations="dotted"`` abbreviation ("U.N.", "N.A.T.O.")."""
# 2 to 5 letters of any script joined by dots, touching no word character on either side.
_DOTTED_HEAD: Final = rf"(?<!\w)[^\W\d_](?:\.[^\W\d_]){{1,{ABBREVIATION_MAX - 1}}}\.?"
# After a word character (s or t), ``\b`` and ``(?!\w)`` are the same test: the older patterns
# wrote one or the other; here it is always ``(?!\w)``.
_POSSESSIVE_S: Final = r"(?![sS](?!\w))"
_CONTRACTION: Final = r"(?=n['\u2019]t(?!\w))"


class WordOptions(TypedDict, total=False):
    """The keyword options of :func:`word_pattern`, as a preset holds them."""

    chars: Chars
    marks: bool
    joiners: str
    possessive: bool
    numbers: bool
    abbreviations: Literal["capitals", "dotted"] | None
    abbreviation_joiners: str
    contractions: bool


SIMILARITY_WORDS: Final[WordOptions] = {
    "chars": "letters",
    "numbers": True,
    "joiners": "'\u2019",
}
"""similarity: numbers with separators; letter words joined by ' or ’ ("o'clock", "Haftar's")."""
RELATION_WORDS: Final[WordOptions] = {**SIMILARITY_WORDS, "possessive": True}
"""_relations: as :data:`SIMILARITY_WORDS`, but a possessive 's is a word of its own."""
ACTOR_WORDS: Final[WordOptions] = {
    "chars": "alphanumeric",
    "marks": True,
    "abbreviations": "capitals",
}
"""actors: "U.S." is one word; letters and digits keep their combining marks; no joiners."""
LEXICON_WORDS: Final[WordOptions] = {
    "chars": "word",
    "joiners": APOSTROPHES,
    "possessive": True,
    "abbreviations": "dotted",
}
"""lexicon: dotted abbreviations; ``\\w`` runs joined by apostrophes; possessive 's split off."""
CLAUSE_WORDS: Final[WordOptions] = {"chars": "ascii", "contractions": True}
"""claims.clauses (negation and clauses): ASCII letters only; "isn't" is "is", "n", "t"."""
DETECT_WORDS: Final[WordOptions] = {"chars": "word", "joiners": "'\u2019"}
"""detect: ``\\w`` runs joined by ' or ’ ("don't", "Haftar's")."""
DISCOVER_WORDS: Final[WordOptions] = {
    "chars": "alphanumeric",
    "joiners": HYPHENS + APOSTROPHES[:4],
    "abbreviations": "dotted",
    "abbreviation_joiners": HYPHENS,
}
"""discover: words keep inner hyphens and apostrophes (not ＇); "U.N.-backed" is one word."""


def _char_class(chars: str) -> str:
    """The regex class of ``chars`` or a ParameterError naming the allowed values."""
    if chars not in _CHAR_CLASS:
        raise ParameterError(f"chars must be one of {sorted(_CHAR_CLASS)}, got {chars!r}")
    return _CHAR_CLASS[chars]


def _joiner_class(name: str, joiners: str) -> str:
    """``joiners`` as a regex class ("" when empty)."""
    if not isinstance(joiners, str):
        raise ParameterError(f"{name} must be a string of characters, got {joiners!r}")
    return "[" + re.escape("".join(dict.fromkeys(joiners))) + "]" if joiners else ""


def _joint(joiners: str, possessive: bool) -> str:
    """What may stand between two runs of a word: a joiner (not a possessive apostrophe)."""
    _joiner_class("joiners", joiners)  # refuses a non-string
    apostrophes = "".join(c for c in joiners if c in APOSTROPHES) if possessive else ""
    others = "".join(c for c in joiners if c not in apostrophes)
    parts = [_joiner_class("joiners", apostrophes) + _POSSESSIVE_S] if apostrophes else []
    if others:
        parts.append(_joiner_class("joiners", others))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@functools.lru_cache(maxsize=64)
def word_pattern(
    *,
    chars: Chars = "word",
    marks: bool = False,
    joiners: str = "",
    possessive: bool = False,
    numbers: bool = False,
    abbreviations: Literal["capitals", "dotted"] | None = None,
    abbreviation_joiners: str = "",
    contractions: bool = False,
) -> re.Pattern[str]:
    """The compiled regex of a word, made once per set of options.

    A word is a run of ``chars`` (with its combining marks if ``marks``), possibly several runs
    joined by single ``joiners``. Before that, in this order, the regex tries a dotted
    abbreviation (``abbreviations``), a number (``numbers``) and a word before "n't"
    (``contractions``). The pattern has no groups, so ``findall`` gives the words. Nothing is
    normalised first: fold case or quotes yourself if you want them folded.

    Parameters
    ----------
    chars : {"word", "letters", "alphanumeric", "ascii"}, default "word"
        What a run is made of: ``"word"`` regex ``\\w`` (letters, digits and the underscore);
        ``"letters"`` letters of any script; ``"alphanumeric"`` letters and digits (no
        underscore); ``"ascii"`` the letters A-Z and a-z only.
    marks : bool, default False
        Combining marks (:data:`COMBINING_MARKS`) after a run's first character belong to it, so
        "Salame" with a combining accent on the e is one word, not two.
    joiners : str, default ""
        Characters that join two runs into one word when one of them stands between the runs
        ("o'clock", "self-styled"); a joiner at a word's edge, or two in a row, joins nothing.
    possessive : bool, default False
        An apostrophe (of :data:`APOSTROPHES`) among ``joiners`` does not join a final ``s`` or
        ``S``: "Haftar's" is "Haftar" then "s", while "o'clock" stays one word.
    numbers : bool, default False
        Digits make words of their own, with single inner separators ``. , : /`` ("3,000.5",
        "12:30", "1/2"). Meant with ``chars="letters"``; with digits among ``chars``, digits
        right after letters belong to the letters' run.
    abbreviations : {None, "capitals", "dotted"}, default None
        ``"capitals"``: two or more ASCII capitals each followed by a dot ("U.S.", "U.S.A."),
        wherever they start. ``"dotted"``: 2 to 5 letters of any script joined by dots, the last
        dot optional ("U.N.", "e.g"), touching no word character on either side. None: a dot
        always ends a word.
    abbreviation_joiners : str, default ""
        With ``abbreviations="dotted"``, characters that continue an abbreviation with runs
        ("U.N.-backed" with hyphens).
    contractions : bool, default False
        A run stops before a final "n't" or "n’t": "isn't" is "is", then "n" and "t" (with no
        ``joiners``). The part before "n't" takes no joiners.

    Returns
    -------
    re.Pattern
        The compiled regex; the same object for the same options.

    Raises
    ------
    ParameterError
        If ``chars`` or ``abbreviations`` is not one of the values above, ``joiners`` is not a
        string, or ``abbreviation_joiners`` comes without ``"dotted"``.

    Examples
    --------
    >>> text = "Haftar’s U.N.-backed rival isn't at 3,000.5 o'clock"
    >>> word_pattern().findall(text)
    ['Haftar', 's', 'U', 'N', 'backed', 'rival', 'isn', 't', 'at', '3', '000', '5', 'o', 'clock']
    >>> word_pattern(chars="letters", numbers=True, joiners="'’", possessive=True).findall(text)
    ['Haftar', 's', 'U', 'N', 'backed', 'rival', "isn't", 'at', '3,000.5', "o'clock"]
    >>> word_pattern(abbreviations="dotted", abbreviation_joiners="-").findall(text)[2]
    'U.N.-backed'
    >>> word_pattern(chars="ascii", contractions=True).findall("isn't")
    ['is', 'n', 't']
    >>> found = word_pattern(**ACTOR_WORDS).findall("Salame\\u0301 of the U.S.")
    >>> found[0] == "Salame\\u0301", found[1:]
    (True, ['of', 'the', 'U.S.'])
    """
    run_char = _char_class(chars)
    run = f"{run_char}(?:{run_char}|[{COMBINING_MARKS}])*" if marks else f"{run_char}+"
    joint = _joint(joiners, possessive) if joiners else ""
    alternatives = [_abbreviation(abbreviations, abbreviation_joiners, run)]
    if numbers:
        alternatives.append(_NUMBER)
    if contractions:
        alternatives.append(run + "?" + _CONTRACTION)
    alternatives.append(f"{run}(?:{joint}{run})*" if joint else run)
    return re.compile("|".join(a for a in alternatives if a))


def _abbreviation(kind: str | None, joiners: str, run: str) -> str:
    """The regex of an abbreviation of ``kind`` ("" for None), continued by ``joiners``."""
    if kind not in (None, "capitals", "dotted"):
        raise ParameterError(f"abbreviations must be None, 'capitals' or 'dotted', got {kind!r}")
    joiner = _joiner_class("abbreviation_joiners", joiners)
    if joiner and kind != "dotted":
        raise ParameterError("abbreviation_joiners need abbreviations='dotted'")
    if kind == "capitals":
        return _CAPITALS
    if kind == "dotted":
        tail = f"(?:{joiner}{run})*" if joiner else ""
        return _DOTTED_HEAD + tail + r"(?!\w)"
    return ""


def words(text: str, **options: Unpack[WordOptions]) -> list[str]:
    """The words of ``text`` by :func:`word_pattern` of ``options``, in order.

    Examples
    --------
    >>> words("Haftar’s U.N.-backed rival", **DISCOVER_WORDS)
    ['Haftar’s', 'U.N.-backed', 'rival']
    >>> words("Haftar’s U.N.-backed rival", **LEXICON_WORDS)
    ['Haftar', 's', 'U.N.', 'backed', 'rival']
    """
    return word_pattern(**options).findall(text)


def word_spans(text: str, **options: Unpack[WordOptions]) -> list[tuple[int, int]]:
    """Half-open character offsets of the words of ``text`` by :func:`word_pattern`.

    Examples
    --------
    >>> text = "Haftar's “renegade” forces"
    >>> [text[s:e] for s, e in word_spans(text, **DETECT_WORDS)]
    ["Haftar's", 'renegade', 'forces']
    """
    return [m.span() for m in word_pattern(**options).finditer(text)]


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
