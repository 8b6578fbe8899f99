r"""A lexicon of loaded terms and a one-pass matcher for it.

A :class:`Lexicon` holds :class:`LexiconEntry` records (a canonical form, its variants, a category,
a polarity toward its target and a weight). :meth:`Lexicon.finditer` finds them in a text without
a loop over entries: one compiled regex (a character trie of every word that can begin a match)
finds the word starts worth looking at, and a trie of token keys is walked from each of them. The
cost grows with the length of the text, hardly with the size of the lexicon.

Matching rules
--------------
- Tokens are runs of word characters (regex ``\w``) joined by apostrophes ("o'clock"), or a
  dotted abbreviation of up to five letters ("U.N." is the token "un"). A possessive "'s" is a
  token of its own, so "the regime's forces" matches "regime".
- Case-insensitive (``str.lower``); curly and straight apostrophes are the same.
- Whole tokens only: "rebel" never matches inside "rebellion" unless its entry has
  ``allow_prefix=True``.
- Between the words of a form, a space matches any run of spaces holding at most one line break,
  or a hyphen (``-``, U+2010, U+2011, or an en dash between two words); a hyphen in a form matches
  only a hyphen, optionally followed by a line break (``"self-\nstyled"``). So
  "internationally recognized" matches "internationally-recognized", while "would-be" never
  matches "it would be". Closed forms ("selfstyled") are never generated.
- ``inflect=True`` also matches the regular plural / third-person form of the last word
  (``rebel`` -> ``rebels``, ``atrocity`` -> ``atrocities``, ``strongman`` -> ``strongmen``).
- Overlaps: among all candidate matches, the one with the most tokens wins, then the longest in
  characters, then the earliest start, then a whole-token over a prefix match, then the entry that
  sorts first; a candidate overlapping an already accepted one is dropped (the greedy rule of
  spaCy's ``filter_spans``). Matches of category ``"exception"`` take part in this and are then
  never reported: they fence off neutral phrases ("sanctions regime", "claimed responsibility").

Guarantee when an entry is added: the choice among candidates depends only on each connected group
of transitively overlapping candidates. So adding an entry ``e`` never removes a match whose group
(in that text, under the new lexicon) holds no candidate of ``e``; in particular, if no candidate
of ``e`` overlaps a candidate of the old lexicon, the new matches are the old ones plus those of
``e``. A candidate of ``e`` can displace an overlapping shorter match, and through it, in a chain
of overlaps, a match it does not itself touch.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
import math
import numbers
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._common.data import data_text
from .document import Corpus
from .errors import InputError, ParameterError

__all__ = ["BUILTIN_CATEGORIES", "EXCEPTION", "Lexicon", "LexiconEntry", "TermMatch", "match_terms"]

logger = logging.getLogger(__name__)

EXCEPTION = "exception"
"""Category of entries that fence off neutral phrases: they win overlaps and are never reported."""

BUILTIN_CATEGORIES = (
    "delegitimising_label",
    "legitimising_label",
    "self_designation_doubt",
    "emotive",
    "hedge",
    "loaded_attribution",
    EXCEPTION,
)
"""The categories of :meth:`Lexicon.default`; other (user-defined) categories are allowed."""

_COLUMNS = (
    "entry",
    "variants",
    "category",
    "polarity",
    "weight",
    "note",
    "inflect",
    "allow_prefix",
)
_REQUIRED = ("entry", "category", "polarity", "weight")
_OPTIONAL = ("variants", "note", "inflect", "allow_prefix")

_APOS = "'\u2018\u2019\u02bc\uff07"
# An abbreviation of up to 5 letters with dots ("U.N.", "U.S.-backed") is one token; otherwise a
# token is a run of word characters (as regex \w), possibly joined by apostrophes ("o'clock"),
# except that a possessive "'s" is left out ("Haftar’s" -> "Haftar", then "s").
_ABBR_MAX = 5
_TOKEN_RE = re.compile(
    rf"(?<!\w)[^\W\d_](?:\.[^\W\d_]){{1,{_ABBR_MAX - 1}}}\.?(?!\w)"
    rf"|\w+(?:[{_APOS}](?![sS](?!\w))\w+)*"
)
# What may stand between two words of a multi-word form: spaces with at most one line break (a
# paragraph break ends a phrase), one hyphen (possibly at a line end), or the apostrophe of a
# possessive ("butcher's shop": the possessive "'s" is a token of its own).
_GAP_RE = re.compile(
    r"(?P<space>[^\S\n]*\n?[^\S\n]*)"
    r"|(?P<hyphen>[-\u2010\u2011\u2013](?:[^\S\n]*\n[^\S\n]*)?)"
    rf"|(?P<apos>[{_APOS}])"
)
_HYPHENS = "-\u2010\u2011\u2013"
# Edge kinds of the token trie: 0 after a space in the form, 1 after a hyphen, 2 after an
# apostrophe. A gap in the text of kind space/hyphen/apos may follow these edge kinds:
_GAP_KIND = {"space": 0, "hyphen": 1, "apos": 2}
_ACCEPT = ((0,), (0, 1), (2,))
_KEY_TABLE = str.maketrans({c: "'" for c in _APOS[1:]} | {".": ""})
_TOKEN_CHARS = frozenset(_APOS + "._")


def _is_number(value: object) -> bool:
    """A real number (Python or numpy), but not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _norm_category(category: object) -> str:
    """A category as stored: stripped and lower-cased ("Hedge " -> "hedge")."""
    if not isinstance(category, str) or not category.strip():
        raise InputError(f"category must be a non-empty string, got {category!r}")
    return category.strip().lower()


def _note_new_categories(entries: Iterable[LexiconEntry], *, known: Iterable[str] = ()) -> None:
    """Log the categories of ``entries`` that are neither built in nor in ``known``.

    A category close to a known one (``"emotiv"``, ``"hedges"``) is probably a typo: a warning
    names the closest. Any other new category is a user-defined one, logged at INFO level.
    """
    known_set = set(BUILTIN_CATEGORIES) | set(known)
    new = sorted({e.category for e in entries} - known_set)
    for category in new:
        close = difflib.get_close_matches(category, sorted(known_set), n=1, cutoff=0.75)
        if close:
            logger.warning(
                "lexicon category %r is new; did you mean %r? It is kept as a category of its "
                "own, not treated as %r",
                category,
                close[0],
                close[0],
            )
        else:
            logger.info(
                "lexicon category %r is user-defined (built in: %s)",
                category,
                ", ".join(BUILTIN_CATEGORIES),
            )


def _norm(lowered: str) -> str:
    """Key of a lower-cased token: apostrophes unified, dots of "u.n." dropped."""
    if "." in lowered or not lowered.isascii():
        return lowered.translate(_KEY_TABLE)
    return lowered


def _key(token: str) -> str:
    """Normalised form of one token: ``str.lower``, apostrophes unified, dots dropped."""
    return _norm(token.lower())


def _plurals(word: str) -> tuple[str, ...]:
    """Regular English plural / third-person singular forms of a (lower-case) word."""
    if word.endswith("man") and len(word) > 3:
        return (word[:-3] + "men", word + "s")  # strongmen; humans
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One loaded term and its surface forms.

    Parameters
    ----------
    entry : str
        Canonical form, unique in a lexicon (``"self-styled"``, ``"renegade general"``).
    variants : tuple of str
        Other surface forms (spellings, verb forms, irregular plurals). A string is split on ``|``.
    category : str
        E.g. ``"delegitimising_label"``, ``"hedge"``; ``"exception"`` fences off a neutral phrase.
        Stored stripped and lower-cased (``"Hedge"`` is ``"hedge"``); see
        :data:`BUILTIN_CATEGORIES`.
    polarity : {-1, 0, 1}
        Toward the target (labelled actor, actor of a described act, or speaker of a verb). Any
        integer type (``numpy.int64`` too), or a float equal to one of these; not a bool.
    weight : float
        In [0, 1]: how strongly loaded the term usually is. Any real number type, not a bool.
    note : str
        Neutral uses and cautions.
    inflect : bool
        Also match the regular plural / third-person form of the last word of every form.
    allow_prefix : bool
        The last word of every form matches any word it begins (``"terroris"`` matches
        ``"terrorism"``, ``"terrorists"``); ``inflect`` is then not needed.

    Examples
    --------
    >>> e = LexiconEntry("rebel", category="delegitimising_label", polarity=-1, weight=0.6)
    >>> e.forms
    ('rebel',)
    >>> LexiconEntry("allegedly", category=" Hedge", weight=np.float64(0.5)).category
    'hedge'
    >>> LexiconEntry("x", category="hedge", polarity=2, weight=0.5)
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: entry 'x': polarity must be -1, 0 or 1, got 2
    """

    entry: str
    variants: tuple[str, ...] = ()
    category: str = ""
    polarity: int = 0
    weight: float = 1.0
    note: str = ""
    inflect: bool = True
    allow_prefix: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.entry, str) or not self.entry.strip():
            raise InputError(f"entry must be a non-empty string, got {self.entry!r}")
        name = f"entry {self.entry!r}"
        variants: Any = self.variants
        if isinstance(variants, str):
            variants = variants.split("|")
        if not isinstance(variants, Iterable):
            raise InputError(f"{name}: variants must be strings, got {variants!r}")
        variants = tuple(variants)
        for v in variants:
            if not isinstance(v, str):
                raise InputError(f"{name}: variants must be strings, got {v!r}")
        object.__setattr__(self, "entry", self.entry.strip())
        kept = (v.strip() for v in variants if v.strip() and v.strip() != self.entry)
        object.__setattr__(self, "variants", tuple(dict.fromkeys(kept)))
        if not isinstance(self.category, str) or not self.category.strip():
            raise InputError(f"{name}: category must be a non-empty string, got {self.category!r}")
        object.__setattr__(self, "category", _norm_category(self.category))
        polarity = self.polarity
        if not _is_number(polarity) or polarity not in (-1, 0, 1):
            raise InputError(f"{name}: polarity must be -1, 0 or 1, got {polarity!r}")
        object.__setattr__(self, "polarity", int(polarity))
        weight = self.weight
        if not _is_number(weight):
            raise InputError(f"{name}: weight must be a number in [0, 1], got {weight!r}")
        if not (0.0 <= float(weight) <= 1.0):
            raise InputError(f"{name}: weight must be in [0, 1], got {weight!r}")
        object.__setattr__(self, "weight", float(weight))
        note = "" if self.note is None else self.note
        if not isinstance(note, str):
            raise InputError(f"{name}: note must be a string, got {note!r}")
        object.__setattr__(self, "note", note)
        for flag in ("inflect", "allow_prefix"):
            value = getattr(self, flag)
            if not isinstance(value, bool | np.bool_):
                raise InputError(f"{name}: {flag} must be True or False, got {value!r}")
            object.__setattr__(self, flag, bool(value))
        for form in self.forms:
            if not _TOKEN_RE.search(form):
                raise InputError(f"{name}: form {form!r} has no letters or digits")

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical form followed by the variants, as written."""
        return (self.entry, *self.variants)

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as a plain dict (variants as a tuple).

        Examples
        --------
        >>> LexiconEntry("so-called", category="doubt", polarity=-1).to_dict()["polarity"]
        -1
        """
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One match of a lexicon entry in a text.

    ``start`` and ``end`` are half-open character offsets into the searched text, and ``text``
    is always ``searched_text[start:end]``; ``entry``, ``category``, ``polarity`` and ``weight``
    come from the matched :class:`LexiconEntry`.
    """

    start: int
    end: int
    text: str
    entry: str
    category: str
    polarity: int
    weight: float


_Cand = tuple[int, int, int, bool, int]


class _Node:
    """Trie node: children by token key, split by what the gap before the token may be."""

    __slots__ = ("edges", "entry", "prefix_lens", "prefixes")

    def __init__(self) -> None:
        # children by token key, one dict per edge kind (see _ACCEPT)
        self.edges: tuple[dict[str, _Node], dict[str, _Node], dict[str, _Node]] = ({}, {}, {})
        self.entry = -1  # index of the entry ending here, or -1
        self.prefixes: dict[tuple[str, int], int] = {}  # (prefix, edge kind) -> entry index
        self.prefix_lens: tuple[int, ...] = ()


def _form_path(form: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Token keys of a form, and the edge kind before each token after the first."""
    keys: list[str] = []
    kinds: list[int] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(form):
        if prev_end >= 0:
            gap = form[prev_end : m.start()]
            kinds.append(
                2 if any(c in _APOS for c in gap) else 1 if any(c in _HYPHENS for c in gap) else 0
            )
        keys.append(_key(m.group()))
        prev_end = m.end()
    return tuple(keys), tuple(kinds)


def _trie_regex(keys: Iterable[str], prefixes: Iterable[str]) -> str:
    """A regex for where a token with one of ``keys`` (or starting with a prefix) begins.

    Factored as a character trie. An apostrophe matches any apostrophe; a short letters-only
    key also matches its dotted abbreviation ("un" -> "u.n"), since "U.N." has the key "un".
    Whole keys must end where a token can end; prefixes need not.
    """
    whole, abbr, part = "\x00", "\x02", "\x01"  # end markers: a key, an abbreviation, a prefix
    trie: dict[str, Any] = {}
    for strings, marker in ((keys, whole), (prefixes, part)):
        for s in strings:
            atoms = [_APOS_CLASS if c == "'" else re.escape(c) for c in s]
            variants = [(atoms, marker)]
            if 1 < len(s) <= _ABBR_MAX and s.isalpha():
                dotted = [a for c in atoms for a in (c, r"\.")][:-1]
                variants.append((dotted, abbr if marker == whole else part))
            for seq, end in variants:
                node = trie
                for atom in seq:
                    node = node.setdefault(atom, {})
                node[end] = {}
    ends = {
        whole: rf"(?!\w|{_APOS_CLASS}(?![sS](?!\w))\w)",  # where a word token can end
        abbr: r"(?!\w)",  # where an abbreviation can end (before its optional last dot)
    }

    def build(node: dict[str, Any]) -> str:
        if part in node:
            return ""
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom not in ends]
        alts.extend(ends[m] for m in (whole, abbr) if m in node)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


_APOS_CLASS = "[" + re.escape(_APOS) + "]"


class _Matcher:
    """The compiled trie of a lexicon's entries, and a regex that finds where matches may start."""

    __slots__ = ("entries", "prefilter", "root")

    def __init__(self, entries: Sequence[LexiconEntry]) -> None:
        self.entries = tuple(entries)
        self.root = _Node()
        owner: dict[tuple[str, ...] | tuple[str, tuple[str, ...]], int] = {}
        for idx, entry in enumerate(self.entries):
            for form in entry.forms:
                keys, kinds = _form_path(form)
                lasts = [keys[-1]]
                if entry.inflect and not entry.allow_prefix:
                    lasts.extend(_plurals(keys[-1]))
                for last in lasts:
                    path = (*keys[:-1], last)
                    ident: tuple[str, ...] | tuple[str, tuple[str, ...]]
                    ident = ("*prefix*", path) if entry.allow_prefix else path
                    other = owner.setdefault(ident, idx)
                    if other != idx:
                        raise InputError(
                            f"entries {self.entries[other].entry!r} and {entry.entry!r} both "
                            f"match the words {' '.join(path)!r}; merge them or remove one"
                        )
                    self._insert(path, kinds, idx, prefix=entry.allow_prefix)
        firsts = list(self.root.edges[0])
        prefixes = [p for p, _ in self.root.prefixes]
        self.prefilter: re.Pattern[str] | None = None
        if firsts or prefixes:
            self.prefilter = re.compile(r"(?<!\w)" + _trie_regex(firsts, prefixes))

    def _insert(
        self, path: tuple[str, ...], kinds: tuple[int, ...], idx: int, *, prefix: bool
    ) -> None:
        node = self.root
        for i, key in enumerate(path[:-1] if prefix else path):
            node = node.edges[kinds[i - 1] if i else 0].setdefault(key, _Node())
        if prefix:
            node.prefixes.setdefault((path[-1], kinds[-1] if len(path) > 1 else 0), idx)
            node.prefix_lens = tuple(sorted({len(p) for p, _ in node.prefixes}))
        elif node.entry < 0:
            node.entry = idx

    def candidates(self, text: str) -> list[_Cand]:
        """All matches as ``(start, end, n_tokens, is_prefix, entry_index)``.

        One regex pass (the prefilter, a character trie of the words that can start a match)
        finds the word starts worth looking at; the token trie is walked only from those.
        Equivalent to :meth:`candidates_stream`, which the tests use as the reference.
        """
        if self.prefilter is None:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two; keep it exact
            return self.candidates_stream(text)
        out: list[_Cand] = []
        chunk = (0, 0)
        chunk_starts: set[int] = set()
        search = self.prefilter.search
        pos = 0
        n = len(text)
        while (hit := search(lowered, pos)) is not None:
            p = hit.start()
            pos = p + 1  # not hit.end(): a hit must never hide the next start
            if p and text[p - 1] in _TOKEN_CHARS:
                # After an apostrophe or a dot, p may be inside a token ("x'rebel", "u.n"):
                # tokenise its whole run of token characters to know the real token starts.
                if not chunk[0] <= p < chunk[1]:
                    r = p
                    while r and (text[r - 1].isalnum() or text[r - 1] in _TOKEN_CHARS):
                        r -= 1
                    end = p
                    while end < n and (text[end].isalnum() or text[end] in _TOKEN_CHARS):
                        end += 1
                    chunk = (r, end)
                    chunk_starts = {m.start() for m in _TOKEN_RE.finditer(text, r, end)}
                if p not in chunk_starts:
                    continue
            self._walk(text, lowered, p, out)
        return out

    def _walk(self, text: str, lowered: str, p: int, out: list[_Cand]) -> None:
        """Walk the token trie from the token starting at ``p``."""
        tok = _TOKEN_RE.match(text, p)
        if tok is None:  # pragma: no cover - a hit always starts with a word character
            return
        e = tok.end()
        active: list[tuple[int, _Node, int]] = []
        self._step(self.root, _norm(lowered[p:e]), _ACCEPT[0], p, e, 1, active, out)
        while active:
            tok = _TOKEN_RE.search(text, e)
            if tok is None:
                return
            s, e2 = tok.span()
            gap = _GAP_RE.fullmatch(text, e, s)
            if gap is None:
                return
            accept = _ACCEPT[_GAP_KIND[gap.lastgroup or "space"]]
            key = _norm(lowered[s:e2])
            nxt: list[tuple[int, _Node, int]] = []
            for start, node, n in active:
                self._step(node, key, accept, start, e2, n + 1, nxt, out)
            active = nxt
            e = e2

    def candidates_stream(self, text: str) -> list[_Cand]:
        """Reference implementation: tokenise the whole text and walk the trie alongside."""
        root = self.root
        lowered = text.lower()
        same = len(lowered) == len(text)
        gap_match = _GAP_RE.fullmatch
        out: list[_Cand] = []
        active: list[tuple[int, _Node, int]] = []
        prev_end = 0
        for m in _TOKEN_RE.finditer(text):
            s, e = m.span()
            key = _norm(lowered[s:e] if same else m.group().lower())
            nxt: list[tuple[int, _Node, int]] = []
            if active:
                gap = gap_match(text, prev_end, s)
                if gap is not None:
                    accept = _ACCEPT[_GAP_KIND[gap.lastgroup or "space"]]
                    for start, node, n in active:
                        self._step(node, key, accept, start, e, n + 1, nxt, out)
            self._step(root, key, _ACCEPT[0], s, e, 1, nxt, out)
            active = nxt
            prev_end = e
        return out

    @staticmethod
    def _step(
        node: _Node,
        key: str,
        accept: tuple[int, ...],
        start: int,
        end: int,
        n: int,
        active: list[tuple[int, _Node, int]],
        out: list[_Cand],
    ) -> None:
        for kind in accept:
            child = node.edges[kind].get(key)
            if child is not None:
                if child.entry >= 0:
                    out.append((start, end, n, False, child.entry))
                if any(child.edges) or child.prefixes:
                    active.append((start, child, n))
        for length in node.prefix_lens:
            if len(key) < length:
                break
            for kind in accept:
                idx = node.prefixes.get((key[:length], kind))
                if idx is not None:
                    out.append((start, end, n, True, idx))


class Lexicon:
    """An immutable collection of loaded terms; every change returns a new lexicon.

    Parameters
    ----------
    entries : iterable of LexiconEntry, mapping, DataFrame or Lexicon
        Entries with unique canonical forms; two entries may not match the same words. A mapping
        is read as by :meth:`from_dict`, a DataFrame as by :meth:`from_frame`.

    Notes
    -----
    Categories are stored stripped and lower-cased, so ``"Hedge"`` is the built-in ``"hedge"``.
    Other categories than :data:`BUILTIN_CATEGORIES` are allowed; one close to a known category
    (``"emotiv"``) is logged as a warning on the ``claimcompare.lexicon`` logger, as a likely typo.

    ``text in lexicon`` asks whether the lexicon reports ``text`` as one term: it is True for the
    forms (and inflections) of reported entries, and False for exception entries, which are never
    reported. ``lexicon[name]`` and :meth:`get` look up any entry by its canonical form,
    exceptions included.

    Examples
    --------
    >>> lex = Lexicon.default()
    >>> [(m.text, m.category) for m in lex.finditer("The self-styled army's rebels advanced.")]
    [('self-styled', 'self_designation_doubt'), ('rebels', 'delegitimising_label')]
    >>> small = Lexicon({"renegade": {"category": "label", "polarity": -1}})
    >>> len(small), "renegade" in small, "renegades" in small
    (1, True, True)
    >>> "claimed responsibility" in lex, lex["claimed responsibility"].category
    (False, 'exception')
    """

    __slots__ = ("_by_name", "_entries", "_matcher")

    def __init__(self, entries: _EntriesLike = ()) -> None:
        given = _coerce_entries(entries)
        self._setup(given)
        _note_new_categories(given)

    def _setup(self, given: Sequence[LexiconEntry]) -> None:
        ordered = sorted(given, key=lambda e: e.entry)
        by_name: dict[str, LexiconEntry] = {}
        for e in ordered:
            if e.entry in by_name:
                raise InputError(f"duplicate entry {e.entry!r}; entries must be unique")
            by_name[e.entry] = e
        self._entries: tuple[LexiconEntry, ...] = tuple(ordered)
        self._by_name = by_name
        self._matcher = _Matcher(self._entries)

    @classmethod
    def _of(cls, entries: Iterable[LexiconEntry]) -> Lexicon:
        """A lexicon of checked entries, without logging their categories again."""
        lex = cls.__new__(cls)
        lex._setup(list(entries))
        return lex

    # construction -------------------------------------------------------------------------
    @classmethod
    def empty(cls) -> Lexicon:
        """A lexicon with no entries.

        Examples
        --------
        >>> len(Lexicon.empty())
        0
        """
        return cls(())

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with claimcompare (``claimcompare/data/lexicon.csv``).

        Examples
        --------
        >>> "renegade" in Lexicon.default()
        True
        """
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls._from_csv_text(data_text("lexicon.csv"), source="lexicon.csv")
        return _DEFAULT

    @classmethod
    def from_csv(cls, path: str | Path) -> Lexicon:
        """Read a lexicon from a CSV file like ``data/lexicon.csv``.

        Lines starting with ``#`` before the header are comments. Required columns: ``entry``,
        ``category``, ``polarity``, ``weight``; optional: ``variants`` (``|``-separated), ``note``,
        ``inflect`` and ``allow_prefix`` (``1``/``0``, ``true``/``false``; default ``inflect=1``).
        Errors name the file, line and column at fault.

        Examples
        --------
        >>> import tempfile, os
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = os.path.join(tmp, "lex.csv")
        ...     with open(path, "w") as f:
        ...         _ = f.write("entry,category,polarity,weight\\nwarlord,label,-1,0.9\\n")
        ...     len(Lexicon.from_csv(path))
        1
        """
        from .load import read_text_file  # binary and undecodable files named as for articles

        path = Path(path)
        if path.is_dir():
            raise InputError(f"cannot read lexicon file {str(path)!r}: it is a folder")
        try:
            text = read_text_file(path)
        except InputError as exc:
            hint = "pass encoding= with the file's real encoding"
            raise InputError(f"lexicon file: {exc}".replace(hint, "save it as UTF-8")) from None
        return cls._from_csv_text(text, source=str(path))

    @classmethod
    def _from_csv_text(cls, text: str, *, source: str) -> Lexicon:
        lines = text.splitlines(keepends=True)
        skip = 0
        while skip < len(lines) and (
            lines[skip].lstrip().startswith("#") or not lines[skip].strip()
        ):
            skip += 1
        reader = csv.reader(io.StringIO("".join(lines[skip:])))
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise InputError(f"lexicon file {source!r} has no header line") from None
        rows: list[tuple[str, dict[str, Any]]] = []
        for values in reader:
            line = skip + reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise InputError(
                    f"{source}, line {line}: {len(values)} fields, the header has {len(header)}"
                )
            rows.append((f"{source}, line {line}", dict(zip(header, values, strict=True))))
        return cls._from_rows(header, rows)

    @classmethod
    def _from_rows(
        cls, columns: Sequence[str], rows: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> Lexicon:
        entries = _entries_from_rows(columns, rows)
        _note_new_categories(entries)
        return cls._of(entries)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Lexicon:
        """Build a lexicon from a DataFrame with the columns of :meth:`to_frame`.

        Examples
        --------
        >>> df = pd.DataFrame({"entry": ["warlord"], "category": ["label"], "polarity": [-1],
        ...                    "weight": [0.9]})
        >>> Lexicon.from_frame(df).to_frame().loc[0, "entry"]
        'warlord'
        >>> Lexicon.from_frame(df.drop(columns="weight"))
        Traceback (most recent call last):
        ...
        claimcompare.errors.InputError: lexicon is missing the column 'weight' ...
        """
        if not isinstance(frame, pd.DataFrame):
            raise InputError(f"from_frame needs a pandas DataFrame, got {type(frame).__name__}")
        return cls._from_rows(*_frame_rows(frame))

    @classmethod
    def from_dict(cls, mapping: Mapping[str, Mapping[str, Any] | str]) -> Lexicon:
        """Build a lexicon from ``{entry: {field: value}}`` or ``{entry: category}``.

        Missing fields take the :class:`LexiconEntry` defaults (polarity 0, weight 1, inflect).
        ``Lexicon(mapping)`` does the same.

        Examples
        --------
        >>> lex = Lexicon.from_dict({"warlord": {"category": "label", "polarity": -1},
        ...                          "reportedly": "hedge"})
        >>> lex["reportedly"].category, lex["warlord"].polarity
        ('hedge', -1)
        """
        return cls(_entries_from_dict(mapping))

    # changes --------------------------------------------------------------------------------
    def add(self, entries: _EntriesLike) -> Lexicon:
        """Return a lexicon with more entries; one already present raises (see :meth:`replace`).

        ``entries`` is a mapping as in :meth:`from_dict`, a DataFrame as in :meth:`from_frame`, a
        :class:`Lexicon` or an iterable of :class:`LexiconEntry`.

        Examples
        --------
        >>> lex = Lexicon.empty().add([LexiconEntry("junta", category="label", polarity=-1)])
        >>> [m.text for m in lex.finditer("The juntas fell.")]
        ['juntas']
        """
        new = _coerce_entries(entries)
        clash = sorted({e.entry for e in new} & set(self._by_name))
        if clash:
            raise InputError(
                f"entries {clash} are already in the lexicon; use replace() to change them"
            )
        _note_new_categories(new, known=self.categories)
        return Lexicon._of((*self._entries, *new))

    def replace(self, entries: _EntriesLike) -> Lexicon:
        """Return a lexicon where the given entries change those with the same canonical form.

        What is given replaces, what is not given is kept:

        - a mapping ``{entry: {field: value}}`` changes only the fields it names (``{entry:
          category}`` only the category); the entry keeps its other fields (variants, polarity,
          weight, ...);
        - a DataFrame (it needs an ``entry`` column) changes only the columns it has;
        - :class:`LexiconEntry` objects or a :class:`Lexicon` replace whole entries, every field.

        Every entry named must already be in the lexicon (new ones go through :meth:`add`).

        Examples
        --------
        >>> lex = Lexicon.default()
        >>> old = lex["UN-backed"]
        >>> new = lex.replace({"UN-backed": {"category": "hedge"}})["UN-backed"]
        >>> new.category, new.polarity == old.polarity, new.variants == old.variants
        ('hedge', True, True)
        >>> whole = lex.replace([LexiconEntry("UN-backed", category="hedge")])["UN-backed"]
        >>> whole.variants, whole.polarity
        ((), 0)
        """
        if isinstance(entries, Mapping) and not isinstance(entries, Lexicon):
            self._require_present(entries.keys())
            new = _entries_from_dict(entries, base=self._by_name)
        elif isinstance(entries, pd.DataFrame):
            columns, rows = _frame_rows(entries)
            if "entry" not in columns:
                raise InputError(f"replace() needs an 'entry' column, got {list(columns)}")
            self._require_present(str(r.get("entry", "")).strip() for _, r in rows)
            new = _entries_from_rows(columns, rows, base=self._by_name)
        else:
            new = _coerce_entries(entries)
            self._require_present(e.entry for e in new)
        names = {e.entry for e in new}
        if len(names) < len(new):
            raise InputError("replace() was given the same entry twice")
        _note_new_categories(new, known=self.categories)
        return Lexicon._of((*(e for e in self._entries if e.entry not in names), *new))

    def _require_present(self, names: Iterable[Any]) -> None:
        missing = sorted({str(n) for n in names} - set(self._by_name))
        if missing:
            raise InputError(f"entries {missing} are not in the lexicon; use add() for new entries")

    def remove(self, *entries: str | Iterable[str]) -> Lexicon:
        """Return a lexicon without the named entries.

        Parameters
        ----------
        *entries : str or iterable of str
            Canonical forms, given one by one, as iterables, or both. An unknown name raises
            :class:`~claimcompare.errors.ParameterError` naming it (and, for a variant or an
            inflected form, the entry it belongs to); nothing is removed then.

        Examples
        --------
        >>> lex = Lexicon.default().remove("rebel", "rebel commander")
        >>> [m.text for m in lex.finditer("rebels")]
        []
        >>> len(Lexicon.default().remove(["rebel", "rebel commander"])) == len(lex)
        True
        >>> Lexicon.default().remove("rebels")
        Traceback (most recent call last):
        ...
        claimcompare.errors.ParameterError: cannot remove ['rebels']: not entries of this lexicon
        ('rebels' is a form of the entry 'rebel')
        """
        names: list[str] = []
        for arg in entries:
            items = [arg] if isinstance(arg, str) else arg
            if not isinstance(items, Iterable) or isinstance(items, Mapping | LexiconEntry):
                raise ParameterError(
                    f"remove() takes canonical forms (strings) or iterables of them, "
                    f"got {type(arg).__name__}"
                )
            for name in items:
                if not isinstance(name, str):
                    raise ParameterError(
                        f"remove() takes canonical forms (strings), got {type(name).__name__} "
                        f"{name!r}"
                    )
                names.append(name)
        missing = sorted(set(names) - set(self._by_name))
        if missing:
            hints = [
                f"{name!r} is a form of the entry {owner!r}"
                for name in missing
                if (owner := self._owner(name)) is not None
            ]
            hint = f" ({'; '.join(hints)})" if hints else ""
            raise ParameterError(f"cannot remove {missing}: not entries of this lexicon{hint}")
        drop = set(names)
        return Lexicon._of(e for e in self._entries if e.entry not in drop)

    def _owner(self, text: str) -> str | None:
        """Canonical form of the entry one of whose forms is the whole of ``text``, if any."""
        whole = [i for s, e, _, _, i in self._matcher.candidates(text) if s == 0 and e == len(text)]
        return self._entries[min(whole)].entry if whole else None

    def select(self, *, categories: str | Iterable[str]) -> Lexicon:
        """Return a lexicon with only the entries of the given categories (plus exceptions).

        Categories are compared stripped and lower-cased, as they are stored.

        Examples
        --------
        >>> Lexicon.default().select(categories=["Hedge"]).categories[:2]
        ['exception', 'hedge']
        """
        given = [categories] if isinstance(categories, str) else list(categories)
        wanted = set()
        for c in given:
            try:
                wanted.add(_norm_category(c))
            except InputError as exc:
                raise ParameterError(f"categories: {exc}") from None
        unknown = sorted(wanted - set(self.categories))
        if unknown:
            raise ParameterError(
                f"categories {unknown} are not in this lexicon; it has {self.categories}"
            )
        wanted.add(EXCEPTION)
        return Lexicon._of(e for e in self._entries if e.category in wanted)

    # views ----------------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row per entry, sorted by entry; ``variants`` joined with ``|``.

        Examples
        --------
        >>> Lexicon.default().to_frame().columns.tolist()[:5]
        ['entry', 'variants', 'category', 'polarity', 'weight']
        """
        rows = [{**e.to_dict(), "variants": "|".join(e.variants)} for e in self._entries]
        frame = pd.DataFrame(rows, columns=list(_COLUMNS))
        return frame.astype(
            {"polarity": "int64", "weight": "float64", "inflect": "bool", "allow_prefix": "bool"}
        )

    def to_csv(self, path: str | Path) -> None:
        """Write the lexicon as CSV, readable by :meth:`from_csv`.

        Examples
        --------
        >>> import tempfile, os
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = os.path.join(tmp, "lex.csv")
        ...     Lexicon.default().to_csv(p)
        ...     Lexicon.from_csv(p) == Lexicon.default()
        True
        """
        frame = self.to_frame()
        frame["inflect"] = frame["inflect"].astype(int)
        frame["allow_prefix"] = frame["allow_prefix"].astype(int)
        frame.to_csv(path, index=False, lineterminator="\n")

    @property
    def categories(self) -> list[str]:
        """The sorted distinct categories."""
        return sorted({e.category for e in self._entries})

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """The entries, sorted by canonical form."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries)

    def __getitem__(self, entry: str) -> LexiconEntry:
        """The entry with this canonical form (exceptions included); KeyError if none."""
        try:
            return self._by_name[entry]
        except (KeyError, TypeError):
            raise KeyError(f"no entry {entry!r} in the lexicon") from None

    def get(self, entry: str, default: LexiconEntry | None = None) -> LexiconEntry | None:
        """The entry with this canonical form (exceptions included), else ``default``.

        Examples
        --------
        >>> Lexicon.default().get("claimed responsibility").category
        'exception'
        >>> Lexicon.default().get("rebels") is None  # a form, not a canonical form
        True
        """
        try:
            return self._by_name.get(entry, default)
        except TypeError:
            return default

    def __contains__(self, item: object) -> bool:
        """True if :meth:`finditer` reports ``item`` (stripped) as exactly one whole term.

        So the forms and inflections of reported entries are in the lexicon, and exception
        entries ("claimed responsibility"), which are never reported, are not; use :meth:`get`
        to look up any entry by its canonical form.
        """
        if not isinstance(item, str):
            return False
        text = item.strip()
        found = self.finditer(text)
        return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self._entries == other._entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries, {len(self.categories)} categories)"

    # matching -------------------------------------------------------------------------------
    def finditer(self, text: str, *, overlapping: bool = False) -> list[TermMatch]:
        """Find the lexicon's terms in ``text`` in one pass; matches sorted by start.

        Parameters
        ----------
        text : str
            Any text; offsets are half-open into it: ``text[m.start:m.end] == m.text``.
        overlapping : bool, default False
            If False, overlaps are resolved (most tokens, then most characters, then earliest
            wins) and exception entries are dropped after taking part. If True, every candidate
            of a non-exception entry is returned, overlapping or not.

        Examples
        --------
        >>> lex = Lexicon.default()
        >>> [m.text for m in lex.finditer("the renegade general and his militias")]
        ['renegade general', 'militias']
        >>> [m.entry for m in lex.finditer("the renegade general", overlapping=True)]
        ['renegade', 'renegade general']
        >>> lex.finditer("a rebellion")
        []
        """
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        cands = self._matcher.candidates(text)
        entries = self._entries
        if not overlapping:
            cands = _resolve(cands, entries)
        out = []
        for start, end, _, _, idx in sorted(cands, key=lambda c: (c[0], c[1], entries[c[4]].entry)):
            e = entries[idx]
            if e.category == EXCEPTION:
                continue
            out.append(
                TermMatch(start, end, text[start:end], e.entry, e.category, e.polarity, e.weight)
            )
        return out


_DEFAULT: Lexicon | None = None

_EntriesLike = Mapping[str, Any] | pd.DataFrame | Lexicon | Iterable[LexiconEntry]


def _resolve(cands: list[_Cand], entries: Sequence[LexiconEntry]) -> list[_Cand]:
    """Non-overlapping selection: most tokens, longest, earliest, whole word, entry name.

    Candidates are cut into groups of transitively overlapping ones in one sweep; a lone
    candidate is kept as it is, and only real groups go through the greedy choice.
    """
    kept: list[_Cand] = []
    group: list[_Cand] = []
    group_end = -1
    for cand in sorted(cands):
        if group and cand[0] >= group_end:
            kept.extend(group if len(group) == 1 else _greedy(group, entries))
            group = []
        group.append(cand)
        group_end = max(group_end, cand[1]) if len(group) > 1 else cand[1]
    if group:
        kept.extend(group if len(group) == 1 else _greedy(group, entries))
    return kept


def _greedy(group: list[_Cand], entries: Sequence[LexiconEntry]) -> list[_Cand]:
    order = sorted(group, key=lambda c: (-c[2], c[0] - c[1], c[0], c[3], entries[c[4]].entry))
    kept: list[_Cand] = []
    for cand in order:
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    return kept


def _parse_flag(value: Any, *, where: str, column: str, default: bool) -> bool:
    if _is_missing(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "t"}:
        return True
    if text in {"0", "false", "no", "n", "f", ""}:
        return False
    raise InputError(f"{where}: column {column!r} must be 0/1 or true/false, got {value!r}")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple) else False
    except (TypeError, ValueError):
        return False


def _parse_number(value: Any, *, where: str, column: str) -> float:
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        raise InputError(f"{where}: column {column!r} is empty")
    if isinstance(value, bool):
        raise InputError(f"{where}: column {column!r} must be a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: column {column!r} must be a number, got {value!r}") from None


def _row_entry(row: Mapping[str, Any], *, where: str) -> LexiconEntry:
    entry = row.get("entry")
    if _is_missing(entry) or not str(entry).strip():
        raise InputError(f"{where}: column 'entry' is empty")
    entry = str(entry).strip()
    where = f"{where} (entry {entry!r})"
    polarity = _parse_number(row.get("polarity"), where=where, column="polarity")
    if polarity not in (-1.0, 0.0, 1.0):
        raise InputError(f"{where}: column 'polarity' must be -1, 0 or 1, got {row['polarity']!r}")
    weight = _parse_number(row.get("weight"), where=where, column="weight")
    if not 0.0 <= weight <= 1.0:
        raise InputError(f"{where}: column 'weight' must be in [0, 1], got {row['weight']!r}")
    category = row.get("category")
    if _is_missing(category) or not str(category).strip():
        raise InputError(f"{where}: column 'category' is empty")
    variants = row.get("variants")
    if _is_missing(variants):
        variants = ()
    elif isinstance(variants, str):
        variants = tuple(variants.split("|"))
    elif isinstance(variants, list | tuple):
        variants = tuple(str(v) for v in variants)
    else:
        raise InputError(f"{where}: column 'variants' must be text, got {variants!r}")
    note = row.get("note")
    inflect = _parse_flag(row.get("inflect"), where=where, column="inflect", default=True)
    allow_prefix = _parse_flag(
        row.get("allow_prefix"), where=where, column="allow_prefix", default=False
    )
    try:
        return LexiconEntry(
            entry=entry,
            variants=variants,
            category=str(category),
            polarity=int(polarity),
            weight=weight,
            note="" if _is_missing(note) else str(note),
            inflect=inflect,
            allow_prefix=allow_prefix,
        )
    except InputError as exc:
        # LexiconEntry names the entry itself; say where it is once, not twice
        message = str(exc).removeprefix(f"entry {entry!r}: ")
        raise InputError(f"{where}: {message}") from None


def _frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    """Column names and ``(where, row)`` pairs of a DataFrame, as the CSV reader gives them."""
    rows = [
        (f"row {idx!r}", dict(zip((str(c) for c in frame.columns), values, strict=True)))
        for idx, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True)
    ]
    return [str(c) for c in frame.columns], rows


def _as_row(entry: LexiconEntry) -> dict[str, Any]:
    """An entry as a table row (variants joined with ``|``), to patch with new cells."""
    return {**entry.to_dict(), "variants": "|".join(entry.variants)}


def _entries_from_rows(
    columns: Sequence[str],
    rows: Sequence[tuple[str, Mapping[str, Any]]],
    *,
    base: Mapping[str, LexiconEntry] | None = None,
) -> list[LexiconEntry]:
    """Entries of table rows; with ``base``, each row only changes the cells it has."""
    for col in ("entry",) if base is not None else _REQUIRED:
        if col not in columns:
            raise InputError(
                f"lexicon is missing the column {col!r} (has {list(columns)}); "
                f"required: {list(_REQUIRED)}, optional: {list(_OPTIONAL)}"
            )
    unknown = [c for c in columns if c not in _COLUMNS]
    if unknown:
        logger.warning("lexicon columns %s are not used (known: %s)", unknown, list(_COLUMNS))
    seen: dict[str, str] = {}
    out = []
    for where, row in rows:
        if base is not None:
            old = base[str(row.get("entry")).strip()]
            row = {**_as_row(old), **{k: v for k, v in row.items() if k in _COLUMNS}}
        entry = _row_entry(row, where=where)
        if entry.entry in seen:
            raise InputError(
                f"duplicate entry {entry.entry!r}: {seen[entry.entry]} and {where}; "
                "entries must be unique (put other forms in 'variants')"
            )
        seen[entry.entry] = where
        out.append(entry)
    return out


def _entries_from_dict(
    mapping: Mapping[str, Any], *, base: Mapping[str, LexiconEntry] | None = None
) -> list[LexiconEntry]:
    """Entries of ``{entry: {field: value}}`` or ``{entry: category}``.

    Without ``base`` the fields not given take the :class:`LexiconEntry` defaults; with it, they
    keep the values of the entry of that name in ``base``.
    """
    if not isinstance(mapping, Mapping):
        raise InputError(f"from_dict needs a mapping, got {type(mapping).__name__}")
    allowed = {f.name for f in fields(LexiconEntry)} - {"entry"}
    out = []
    for name, spec in mapping.items():
        if isinstance(spec, str):
            spec = {"category": spec}
        if not isinstance(spec, Mapping):
            raise InputError(f"entry {name!r}: needs a category string or a dict, got {spec!r}")
        unknown = sorted(set(spec) - allowed)
        if unknown:
            raise InputError(
                f"entry {name!r}: unknown fields {unknown}; allowed: {sorted(allowed)}"
            )
        if base is not None:
            out.append(LexiconEntry(**{**base[name].to_dict(), **spec}))
            continue
        if "category" not in spec:
            raise InputError(f"entry {name!r}: 'category' is required")
        out.append(LexiconEntry(entry=name, **spec))
    return out


_ENTRIES_HELP = (
    "LexiconEntry objects, a mapping {entry: category} or {entry: {field: value}} "
    "(as Lexicon.from_dict reads), a DataFrame (as Lexicon.from_frame reads) or a Lexicon"
)


def _coerce_entries(entries: Any) -> list[LexiconEntry]:
    if isinstance(entries, Lexicon):
        return list(entries.entries)
    if isinstance(entries, pd.DataFrame):
        return _entries_from_rows(*_frame_rows(entries))
    if isinstance(entries, Mapping):
        return _entries_from_dict(entries)
    if isinstance(entries, LexiconEntry):
        return [entries]
    if isinstance(entries, str) or not isinstance(entries, Iterable):
        raise InputError(f"entries must be {_ENTRIES_HELP}; got {type(entries).__name__}")
    out = list(entries)
    for e in out:
        if not isinstance(e, LexiconEntry):
            shown = f" {e!r}" if isinstance(e, str) else ""
            raise InputError(f"entries must be {_ENTRIES_HELP}; got {type(e).__name__}{shown}")
    return out


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
