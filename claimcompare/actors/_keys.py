"""Tokens of names and the keys that compare them (particles folded, dots of acronyms dropped)."""

from __future__ import annotations

import unicodedata

from ._wordlists import (
    _ABBREVIATIONS,
    _APOSTROPHES,
    _DOT_GAP_RE,
    _HYPHENS,
    _NON_CORE,
    _SPACES_RE,
    _TITLES,
    _TOKEN_RE,
)

# A name as compared: one key per word (see _token_key).
Key = tuple[str, ...]
# A word of a text: (start, end, text).
Token = tuple[int, int, str]


def _tokenize(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _token_key(token: str) -> str:
    if not token.isascii():
        token = unicodedata.normalize("NFC", token)
    if "." in token:
        return token.replace(".", "")
    low = token.casefold()
    return low if low in _NON_CORE else token


def _text_keys(token: str) -> tuple[str, ...]:
    """Keys a token of searched text may match: as written, and title case if shouted."""
    key = _token_key(token)
    if len(token) > 1 and token.isalpha() and token.isupper():
        title = _token_key(token[0] + token[1:].lower())
        if title != key:
            return (key, title)
    return (key,)


def _joinable_gap(gap: str, previous: str) -> bool:
    """Whether two tokens with ``gap`` between them can belong to one name."""
    if len(gap) == 1 and (gap in _HYPHENS or gap in _APOSTROPHES):
        return True
    if _SPACES_RE.fullmatch(gap):
        return True
    return bool(
        _DOT_GAP_RE.fullmatch(gap)
        and ((len(previous) == 1 and previous.isupper()) or previous in _ABBREVIATIONS)
    )


def _name_key(name: str) -> Key:
    return tuple(_token_key(t) for _, _, t in _tokenize(name))


def _fold(key: Key) -> Key:
    return tuple(t.casefold() for t in key)


def _core(key: Key) -> Key:
    return tuple(t for t in key if t.casefold() not in _NON_CORE)


def _is_acronym(token: str) -> bool:
    if "." in token:
        return True
    return (
        2 <= len(token) <= 8
        and token[0].isalpha()
        and token.isupper()
        and (token.isalpha() or len(token) <= 4)
    )


def _is_cap(token: str) -> bool:
    """A capitalised word that can be part of a name (not ``UNITED24``, not ``2016``)."""
    return token[0].isupper() and (token.isalpha() or _is_acronym(token))


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "\u2019s", "'S", "\u2019S", "'", "\u2019"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _strip_titles(tokens: list[str]) -> list[str]:
    changed = True
    while changed and tokens:
        changed = False
        for title in _TITLES:
            n = len(title)
            if len(tokens) > n and tuple(t.casefold() for t in tokens[:n]) == tuple(
                t.casefold() for t in title
            ):
                tokens = tokens[n:]
                changed = True
                break
    return tokens
