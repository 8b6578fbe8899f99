"""An immutable alias -> actor map that finds actors in any text, and the mentions it finds.

:class:`ActorIndex` matches on a token trie (longest alias first, on word boundaries); it also
reads the actors a user gives (``{canonical: [aliases]}``, a frame or another index).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Union

import pandas as pd

from ..errors import ParameterError, require_columns
from ._keys import (
    Key,
    _fold,
    _joinable_gap,
    _name_key,
    _strip_possessive,
    _strip_titles,
    _text_keys,
    _tokenize,
)

__all__ = ["ActorIndex", "ActorsLike", "Mention"]

# What every ``actors=`` argument accepts.
ActorsLike = Union[Mapping[str, Iterable[str]], pd.DataFrame, "ActorIndex"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: ``text == source[start:end]``, half-open character offsets.

    Attributes
    ----------
    start, end : int
        Offsets into the searched text.
    text : str
        The mention as written (without a possessive ``'s``).
    actor : str
        Canonical name of the actor.
    alias : str
        The alias of the index that matched.

    Examples
    --------
    >>> Mention(start=0, end=6, text="Haftar", actor="Khalifa Haftar", alias="Haftar").actor
    'Khalifa Haftar'
    """

    start: int
    end: int
    text: str
    actor: str
    alias: str


def _check_name(value: Any, *, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"{what} must be a non-empty string, got {value!r}")
    if not _tokenize(value):
        raise ParameterError(f"{what} {value!r} has no letters or digits; it can never match")
    return " ".join(value.split())


@dataclass(frozen=True, eq=True)
class ActorIndex:
    """An immutable map from aliases to actors that finds them in text.

    Build it with :meth:`from_frame` (a :func:`find_actors` table) or :meth:`from_actors`
    (``{canonical: [aliases]}``). Each actor's canonical name is also one of its aliases.

    Matching is token-based (one walk over a token trie per text): longest alias first, on word
    boundaries, a possessive ``'s`` left out; a hyphen, an apostrophe or spaces may separate the
    words of an alias, and particles (``al``, ``bin``, ``of``) and shouted capitals (``HAFTAR``)
    match in either case. Acronyms match case-sensitively, so ``US`` never matches ``us``.

    Parameters
    ----------
    pairs : tuple of (actor, alias)
        The table; :meth:`from_frame` and :meth:`from_actors` make it.

    Examples
    --------
    >>> index = ActorIndex.from_actors({"Khalifa Haftar": ["Haftar", "Hafar"], "UAE": []})
    >>> [(m.start, m.end, m.text, m.actor) for m in index.find("General Khalifa Haftar’s men")]
    [(8, 22, 'Khalifa Haftar', 'Khalifa Haftar')]
    >>> index.canonical("Haftar's"), index.canonical("Sirte")
    ('Khalifa Haftar', None)
    >>> index.actors
    ['Khalifa Haftar', 'UAE']
    """

    pairs: tuple[tuple[str, str], ...]
    _by_key: Mapping[Key, tuple[str, str]] = field(init=False, repr=False, compare=False)
    _by_fold: Mapping[Key, frozenset[str]] = field(init=False, repr=False, compare=False)
    _trie: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.pairs, (str, bytes)) or not isinstance(self.pairs, Iterable):
            raise ParameterError(
                "pairs must be an iterable of (actor, alias) pairs, "
                f"got {type(self.pairs).__name__}"
            )
        cleaned: set[tuple[str, str]] = set()
        for pair in self.pairs:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise ParameterError(f"pairs must hold (actor, alias) tuples, got {pair!r}")
            actor = _check_name(pair[0], what="actor")
            alias = _check_name(pair[1], what=f"alias of actor {actor!r}")
            cleaned.add((actor, alias))
            cleaned.add((actor, actor))
        pairs = tuple(sorted(cleaned))
        by_key: dict[Key, tuple[str, str]] = {}
        # An actor's own name wins over the same key given as a differently written alias.
        for actor, alias in sorted(pairs, key=lambda p: (p[0] != p[1], p)):
            key = _name_key(alias)
            other = by_key.get(key)
            if other is None:
                by_key[key] = (actor, alias)
            elif other[0] != actor:
                raise ParameterError(
                    f"alias {alias!r} is assigned to two actors, {other[0]!r} and {actor!r}; "
                    "an alias must belong to one actor"
                )
        by_fold: dict[Key, set[str]] = defaultdict(set)
        trie: dict[str, Any] = {}
        for key, (actor, alias) in by_key.items():
            by_fold[_fold(key)].add(actor)
            node = trie
            for part in key:
                node = node.setdefault(part, {})
            node["\0"] = (actor, alias)
        object.__setattr__(self, "pairs", pairs)
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(
            self, "_by_fold", MappingProxyType({k: frozenset(v) for k, v in by_fold.items()})
        )
        object.__setattr__(self, "_trie", trie)

    @classmethod
    def from_actors(cls, actors: ActorsLike) -> ActorIndex:
        """Build an index from ``{canonical: [aliases]}``, a frame or another index.

        Parameters
        ----------
        actors : mapping, pandas.DataFrame or ActorIndex
            A mapping from canonical name to a list of aliases, or a frame with ``actor`` and
            ``alias`` columns (such as :func:`find_actors` returns).

        Examples
        --------
        >>> ActorIndex.from_actors({"United Nations": ["UN", "U.N."]}).canonical("U.N.")
        'United Nations'
        """
        if isinstance(actors, ActorIndex):
            return actors
        return cls(tuple(_pairs_from(actors)))

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> ActorIndex:
        """Build an index from a frame with ``actor`` and ``alias`` columns.

        Examples
        --------
        >>> frame = pd.DataFrame({"actor": ["Libya", "Libya"], "alias": ["Libya", "Libyan"]})
        >>> ActorIndex.from_frame(frame).canonical("Libyan")
        'Libya'
        """
        if not isinstance(frame, pd.DataFrame):
            raise ParameterError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        return cls(tuple(_pairs_from(frame)))

    @property
    def actors(self) -> list[str]:
        """Canonical names, sorted."""
        return sorted({actor for actor, _ in self.pairs})

    def aliases(self, actor: str) -> list[str]:
        """Aliases of ``actor`` (its own name included), sorted; ``[]`` for an unknown actor.

        Examples
        --------
        >>> ActorIndex.from_actors({"Libya": ["Libyan"]}).aliases("Libya")
        ['Libya', 'Libyan']
        """
        return sorted(alias for a, alias in self.pairs if a == actor)

    def to_frame(self) -> pd.DataFrame:
        """One row per ``actor, alias``.

        Examples
        --------
        >>> ActorIndex.from_actors({"Libya": ["Libyan"]}).to_frame().shape
        (2, 2)
        """
        return pd.DataFrame(list(self.pairs), columns=["actor", "alias"])

    def canonical(self, name: str) -> str | None:
        """Return the actor that ``name`` names, or None.

        ``name`` is compared after dropping a possessive and leading titles; an exact match
        (case-sensitive for acronyms) wins, else a case-insensitive one if only one actor has it.

        Examples
        --------
        >>> index = ActorIndex.from_actors({"Fayez al-Sarraj": ["Sarraj"], "United States": ["US"]})
        >>> index.canonical("Prime Minister Fayez Al-Sarraj’s"), index.canonical("us")
        ('Fayez al-Sarraj', 'United States')
        """
        if not isinstance(name, str):
            raise ParameterError(f"name must be a string, got {type(name).__name__}")
        raw = " ".join(name.split())
        candidates = [raw, _strip_possessive(raw)]
        for text in list(candidates):
            words = [t for _, _, t in _tokenize(text)]
            stripped = _strip_titles(words)
            if stripped != words:
                candidates.append(" ".join(stripped))
        keys = [_name_key(c) for c in candidates]
        for key in keys:
            hit = self._by_key.get(key)
            if key and hit is not None:
                return hit[0]
        for key in keys:
            actors = self._by_fold.get(_fold(key))
            if key and actors is not None and len(actors) == 1:
                return next(iter(actors))
        return None

    def find(self, text: str) -> list[Mention]:
        """Find every alias in ``text``: longest match first, no overlaps, in text order.

        Examples
        --------
        >>> index = ActorIndex.from_actors({"Fayez al-Sarraj": ["Sarraj", "al-Sarraj"]})
        >>> [m.text for m in index.find("Fayez al-Sarraj met Al-Sarraj's aides; SARRAJ left.")]
        ['Fayez al-Sarraj', 'Al-Sarraj', 'SARRAJ']
        """
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        tokens = _tokenize(text)
        keys = [_text_keys(t) for _, _, t in tokens]
        found: list[Mention] = []
        n = len(tokens)
        i = 0
        while i < n:
            best: tuple[int, tuple[str, str]] | None = None
            stack: list[tuple[dict[str, Any], int]] = [(self._trie, i)]
            while stack:
                node, j = stack.pop()
                hit = node.get("\0")
                if hit is not None and j > i and (best is None or j > best[0]):
                    best = (j, hit)
                if j >= n:
                    continue
                if j > i and not _joinable_gap(
                    text[tokens[j - 1][1] : tokens[j][0]], tokens[j - 1][2]
                ):
                    continue
                # reversed so that the exact key is explored first and wins ties
                for key in reversed(keys[j]):
                    child = node.get(key)
                    if child is not None:
                        stack.append((child, j + 1))
            if best is None:
                i += 1
                continue
            j, (actor, alias) = best
            start, end = tokens[i][0], tokens[j - 1][1]
            found.append(
                Mention(start=start, end=end, text=text[start:end], actor=actor, alias=alias)
            )
            i = j
        return found


def _pairs_from(actors: Any) -> list[tuple[str, str]]:
    """(actor, alias) pairs from a mapping or a frame, validated."""
    pairs: list[tuple[str, str]] = []
    if isinstance(actors, pd.DataFrame):
        require_columns(actors, ("actor", "alias"), name="actors", made_by="find_actors")
        for actor, alias in zip(actors["actor"].tolist(), actors["alias"].tolist(), strict=True):
            actor = _check_name(actor, what="actor")
            if alias is None or (isinstance(alias, float) and alias != alias):
                alias = actor
            pairs.append((actor, _check_name(alias, what=f"alias of actor {actor!r}")))
        return pairs
    if isinstance(actors, Mapping):
        for actor, aliases in actors.items():
            actor = _check_name(actor, what="actor")
            if isinstance(aliases, (str, bytes)) or not isinstance(aliases, Iterable):
                raise ParameterError(
                    f"aliases of actor {actor!r} must be a list of strings, got {aliases!r}"
                )
            pairs.append((actor, actor))
            pairs.extend((actor, _check_name(a, what=f"alias of actor {actor!r}")) for a in aliases)
        return pairs
    raise ParameterError(
        "actors must be a mapping {canonical: [aliases]}, a DataFrame with 'actor' and 'alias' "
        f"columns, or an ActorIndex; got {type(actors).__name__}"
    )


def _user_groups(actors: ActorsLike | None) -> dict[str, list[str]]:
    """Validated user actors: canonical -> aliases (own name first), no alias under two actors."""
    if actors is None:
        return {}
    pairs = actors.pairs if isinstance(actors, ActorIndex) else _pairs_from(actors)
    groups: dict[str, list[str]] = defaultdict(list)
    owner: dict[Key, tuple[str, str]] = {}
    for actor, alias in sorted(set(pairs), key=lambda p: (p[0] != p[1], p)):
        key = _name_key(alias)
        other = owner.get(key)
        if other is not None and other[0] != actor:
            raise ParameterError(
                f"user alias {alias!r} is assigned to two actors, {other[0]!r} and {actor!r}; "
                "an alias must belong to one actor"
            )
        if other is None:
            owner[key] = (actor, alias)
            groups[actor].append(alias)
    for actor in groups:
        groups[actor].sort(key=lambda a: (a != actor, a))
    return dict(groups)
