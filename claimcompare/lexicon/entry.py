"""One loaded term (:class:`LexiconEntry`), one match of it (:class:`TermMatch`), and categories.

An entry checks its own fields; the categories of new entries are logged (a likely typo of a
known category is a warning) on the ``claimcompare.lexicon`` logger.
"""

from __future__ import annotations

import difflib
import logging
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from ..errors import InputError
from ._tokens import TOKEN_RE

__all__ = [
    "BUILTIN_CATEGORIES",
    "EXCEPTION",
    "LexiconEntry",
    "TermMatch",
    "norm_category",
    "note_new_categories",
]

# the package's logger, the one the documentation names
logger = logging.getLogger("claimcompare.lexicon")

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


def _is_number(value: object) -> bool:
    """A real number (Python or numpy), but not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def norm_category(category: object) -> str:
    """A category as stored: stripped and lower-cased ("Hedge " -> "hedge")."""
    if not isinstance(category, str) or not category.strip():
        raise InputError(f"category must be a non-empty string, got {category!r}")
    return category.strip().lower()


def note_new_categories(entries: Iterable[LexiconEntry], *, known: Iterable[str] = ()) -> None:
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
        object.__setattr__(self, "category", norm_category(self.category))
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
            if not TOKEN_RE.search(form):
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
