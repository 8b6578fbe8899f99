"""How the lexicon cuts text into tokens: token and gap patterns, token keys, plural forms.

Shared by the entries (a form must hold a token), the matcher and the overlap rules; the rules
themselves are described in docs/loaded-terms.md ("How the lexicon matches").
"""

from __future__ import annotations

import re

from .._common.text import ABBREVIATION_MAX, APOSTROPHES, LEXICON_WORDS, word_pattern

__all__ = [
    "ABBR_MAX",
    "ACCEPT",
    "APOS",
    "APOS_CLASS",
    "GAP_KIND",
    "GAP_RE",
    "HYPHENS",
    "TOKEN_CHARS",
    "TOKEN_RE",
    "norm_key",
    "plurals",
    "token_key",
]

APOS = APOSTROPHES
# An abbreviation of up to 5 letters with dots ("U.N.", "U.S.-backed") is one token; otherwise a
# token is a run of word characters (as regex \w), possibly joined by apostrophes ("o'clock"),
# except that a possessive "'s" is left out ("Haftar’s" -> "Haftar", then "s").
ABBR_MAX = ABBREVIATION_MAX
TOKEN_RE = word_pattern(**LEXICON_WORDS)
# What may stand between two words of a multi-word form: spaces with at most one line break (a
# paragraph break ends a phrase), one hyphen (possibly at a line end), or the apostrophe of a
# possessive ("butcher's shop": the possessive "'s" is a token of its own).
GAP_RE = re.compile(
    r"(?P<space>[^\S\n]*\n?[^\S\n]*)"
    r"|(?P<hyphen>[-\u2010\u2011\u2013](?:[^\S\n]*\n[^\S\n]*)?)"
    rf"|(?P<apos>[{APOS}])"
)
HYPHENS = "-\u2010\u2011\u2013"
# Edge kinds of the token trie: 0 after a space in the form, 1 after a hyphen, 2 after an
# apostrophe. A gap in the text of kind space/hyphen/apos may follow these edge kinds:
GAP_KIND = {"space": 0, "hyphen": 1, "apos": 2}
ACCEPT = ((0,), (0, 1), (2,))
_KEY_TABLE = str.maketrans({c: "'" for c in APOS[1:]} | {".": ""})
TOKEN_CHARS = frozenset(APOS + "._")
APOS_CLASS = "[" + re.escape(APOS) + "]"


def norm_key(lowered: str) -> str:
    """Key of a lower-cased token: apostrophes unified, dots of "u.n." dropped."""
    if "." in lowered or not lowered.isascii():
        return lowered.translate(_KEY_TABLE)
    return lowered


def token_key(token: str) -> str:
    """Normalised form of one token: ``str.lower``, apostrophes unified, dots dropped."""
    return norm_key(token.lower())


def plurals(word: str) -> tuple[str, ...]:
    """Regular English plural / third-person singular forms of a (lower-case) word."""
    if word.endswith("man") and len(word) > 3:
        return (word[:-3] + "men", word + "s")  # strongmen; humans
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)
