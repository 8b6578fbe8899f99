"""The lexicon of loaded terms and its one-pass matcher (the stage below :mod:`claimcompare.terms`).

:class:`Lexicon` holds :class:`LexiconEntry` records; :meth:`Lexicon.finditer` finds them in one
text and :func:`match_terms` in many, as :class:`TermMatch` offsets. The matching rules and their
guarantees are in docs/loaded-terms.md ("How the lexicon matches").
"""

from __future__ import annotations

from .entry import BUILTIN_CATEGORIES, EXCEPTION, LexiconEntry, TermMatch
from .lexicon import Lexicon
from .match import match_terms

__all__ = ["BUILTIN_CATEGORIES", "EXCEPTION", "Lexicon", "LexiconEntry", "TermMatch", "match_terms"]
