"""English number words to values, and digit strings with thousands commas.

Why this is written here rather than taken from ``text2num``: see docs/facts.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["NUMBER_WORD_RE", "SCALES", "parse_digits", "words_value"]

ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_ALL = "|".join(sorted([*ONES, *TENS, *SCALES, "dozen"], key=len, reverse=True))
_WORD = rf"(?:{_ALL})"
# A run of number words: "twenty-five", "one hundred and twenty", "a million", "a dozen".
NUMBER_WORD_RE = re.compile(
    rf"(?<![\w-])(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"{_WORD}(?:(?:-|\s+(?:and\s+)?){_WORD})*(?![\w-])",
    re.IGNORECASE,
)


def words_value(words: Sequence[str]) -> float | None:
    """Value of a sequence of number words, or None when it is not a well-formed number.

    Examples
    --------
    >>> words_value(["twenty-five"])
    25.0
    >>> words_value(["one", "hundred", "and", "twenty"])
    120.0
    >>> words_value(["a", "million"])
    1000000.0
    >>> words_value(["three", "two"]) is None
    True
    """
    tokens: list[str] = []
    for word in words:
        tokens.extend(part for part in word.lower().split("-") if part)
    if not tokens:
        return None
    total = 0
    current = 0
    last = ""  # kind of the previous token: "one", "ten", "teen", "scale" or ""
    for i, tok in enumerate(tokens):
        if tok in ("a", "an"):
            if i != 0:
                return None
            current, last = 1, "one"
            continue
        if tok == "and":
            if last not in ("scale",) or i == len(tokens) - 1:
                return None
            continue
        if tok == "dozen":
            if last in ("scale",):
                return None
            current = (current or 1) * 12
            last = "scale"
            continue
        if tok in ONES:
            if last in ("one", "teen"):
                return None
            current += ONES[tok]
            last = "teen" if ONES[tok] >= 10 else "one"
        elif tok in TENS:
            if last in ("one", "ten", "teen"):
                return None
            current += TENS[tok]
            last = "ten"
        elif tok in SCALES:
            scale = SCALES[tok]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = "scale"
        else:
            return None
    return float(total + current)


_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_digits(text: str) -> float | None:
    """Value of a digit string with optional thousands commas and decimals.

    Examples
    --------
    >>> parse_digits("1,000")
    1000.0
    >>> parse_digits("2.5")
    2.5
    >>> parse_digits("1,00") is None
    True
    """
    if not _DIGITS_RE.match(text):
        return None
    return float(text.replace(",", ""))
