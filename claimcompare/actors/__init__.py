"""Actors and their aliases: who is named in a corpus, and under which names.

:func:`find_actors` finds the names (:mod:`.names`) and merges the forms of one actor
(:mod:`.merge`), each merge with its rule; :class:`ActorIndex` finds known aliases in any text and
:func:`actor_mentions` lists every mention with offsets. How names are found and merged, and the
safeguards that keep distinct names apart: docs/loaded-terms.md, "Actors and their aliases".
"""

from __future__ import annotations

from .find import actor_mentions, find_actors
from .gazetteer import GazetteerEntry, gazetteer_entries
from .index import ActorIndex, ActorsLike, Mention

__all__ = [
    "ActorIndex",
    "ActorsLike",
    "GazetteerEntry",
    "Mention",
    "actor_mentions",
    "find_actors",
    "gazetteer_entries",
]
