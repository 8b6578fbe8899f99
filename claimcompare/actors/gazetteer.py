"""The shipped gazetteer: well-known aliases and demonyms of countries and organisations.

``data/actor_gazetteer.csv`` joins forms that spelling cannot join (``UAE`` = ``United Arab
Emirates``, ``Libyan`` -> ``Libya``); its header says how it was written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .._common.data import data_rows

__all__ = ["GazetteerEntry", "gazetteer_entries"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One row of the gazetteer.

    Attributes
    ----------
    actor : str
        The canonical name used in output.
    alias : str
        Another form of it.
    kind : str
        ``"alias"`` (the same entity) or ``"demonym"`` (adjective or people of a country).

    Examples
    --------
    >>> GazetteerEntry("Libya", "Libyan", "demonym").kind
    'demonym'
    """

    actor: str
    alias: str
    kind: str


@functools.lru_cache(maxsize=1)
def gazetteer_entries() -> tuple[GazetteerEntry, ...]:
    """The entries of ``data/actor_gazetteer.csv``, in file order (read once, then cached).

    Returns
    -------
    tuple of GazetteerEntry

    Raises
    ------
    ValueError
        For a row whose ``kind`` is neither ``alias`` nor ``demonym``.

    Examples
    --------
    >>> ("United Arab Emirates", "UAE") in {(e.actor, e.alias) for e in gazetteer_entries()}
    True
    """
    entries = []
    for row in data_rows("actor_gazetteer.csv"):
        if row.get("kind") not in {"alias", "demonym"}:
            raise ValueError(f"actor_gazetteer.csv: bad kind in {row}")
        entries.append(GazetteerEntry(row["actor"], row["alias"], row["kind"]))
    return tuple(entries)
