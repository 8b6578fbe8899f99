"""Clustering aligned claims: deterministic groups that every pair of claims agrees with.

The last step of :class:`~claimcompare.align.ClaimAligner.align`: groups merge along the aligned
pairs (symmetric links first, then containments by support) only when every two of their claims
from different documents are compatible; the facts a merge needs (relation bits, model scores)
are fetched in batches on demand. ``docs/alignment.md`` gives every rule.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["cluster_claims", "relation_bits"]

logger = logging.getLogger(__name__)

#: Aligned pairs looked ahead when unscored pairs are needed for a merge (see _merge).
_LOOKAHEAD = 4096
#: Relation bits of a pair (i, j), i < j: i in j, j in i, each in the other, a shared quote,
#: a shared clause.
FIRST_IN, SECOND_IN, MUTUAL, QUOTE, CLAUSE = 1, 2, 4, 8, 32
LINKS = FIRST_IN | SECOND_IN | MUTUAL | QUOTE | CLAUSE
#: Not a relation: the pair's TF-IDF cosine is below half of ``min_cosine`` (far below what
#: the search proposes), so no score makes it compatible and none is computed.
FAR = 16
#: Not a relation either: the two claims are too uneven for the model's score to mean
#: anything: one has less than MIN_EVEN_COVERAGE of its weighted content in the other.
#: MSRP's training paraphrases are almost never that uneven (0.07 %), so the model
#: extrapolates there: in news articles most such "paraphrases" are a short line and a long
#: sentence that happens to contain its words ("Thanks." and a quotation ending in it). A
#: containment judges those pairs instead.
UNEVEN = 64
MIN_EVEN_COVERAGE = 0.2


def relation_bits(rel: pd.DataFrame, relations: frozenset[str]) -> np.ndarray:
    """Relation bits of each pair (see FIRST_IN ...), for the relations switched on, and
    ``UNEVEN``.

    Examples
    --------
    >>> rel = pd.DataFrame(
    ...     {
    ...         "coverage_a": [1.0, 0.5],
    ...         "coverage_b": [0.1, 0.6],
    ...         "contained": ["a", ""],
    ...         "mutual": [False, False],
    ...         "shared_quote": ["", "has been totally liberated"],
    ...         "shared_clause": ["", ""],
    ...     }
    ... )
    >>> relation_bits(rel, frozenset({"containment", "shared_quote"})).tolist()
    [65, 8]
    >>> FIRST_IN | UNEVEN, QUOTE
    (65, 8)
    """
    coverage = np.minimum(rel["coverage_a"].to_numpy(), rel["coverage_b"].to_numpy())
    bits = np.where(coverage < MIN_EVEN_COVERAGE, UNEVEN, 0).astype(np.int64)
    if "containment" in relations:
        contained = rel["contained"].to_numpy()
        bits |= np.where(contained == "a", FIRST_IN, 0)
        bits |= np.where(contained == "b", SECOND_IN, 0)
        bits |= np.where(rel["mutual"].to_numpy(dtype=bool), MUTUAL, 0)
    if "shared_quote" in relations:
        bits |= np.where(rel["shared_quote"].to_numpy() != "", QUOTE, 0)
    if "shared_clause" in relations:
        bits |= np.where(rel["shared_clause"].to_numpy() != "", CLAUSE, 0)
    return bits


#: A pair's facts the clustering may lack: relation bits (cheap) or model score (costly).
_Need = tuple[set[tuple[int, int]], set[tuple[int, int]]]
_NONE: frozenset[int] = frozenset()


class _Facts:
    """Relation bits and scores of claim pairs ``(i < j)``, fetched in batches on demand.

    Bits are cheap and fetched for every pair a merge looks at; scores cost a pass of the pair
    model and are fetched only for pairs the bits leave undecided.
    """

    def __init__(
        self,
        *,
        bits: Callable[[list[tuple[int, int]]], np.ndarray],
        scores: Callable[[list[tuple[int, int]]], np.ndarray],
        threshold: float,
        floor: float,
    ) -> None:
        self.fetch_bits = bits
        self.fetch_scores = scores
        self.threshold = threshold
        self.floor = floor
        self.score: dict[tuple[int, int], float] = {}
        self.bits: dict[tuple[int, int], int] = {}
        self.sub: dict[int, set[int]] = {}  # claim -> the claims it contains
        self.sup: dict[int, set[int]] = {}  # claim -> the claims that contain it
        self.fetched = [0, 0, 0]  # batches, pairs with bits, pairs with scores

    def add(self, need: _Need) -> None:
        # Not ``need[0] - self.bits.keys()``: a set minus a dict view walks the whole dict.
        bits = sorted(k for k in need[0] if k not in self.bits)
        scores = sorted(k for k in need[1] if k not in self.score)
        if bits:
            self.record(bits, self.fetch_bits(bits).tolist())
        if scores:
            self.score.update(zip(scores, self.fetch_scores(scores).tolist(), strict=True))
        self.fetched[0] += 1
        self.fetched[1] += len(bits)
        self.fetched[2] += len(scores)

    def record(self, keys: list[tuple[int, int]], bits: list[int]) -> None:
        """Store relation bits, and who contains whom."""
        self.bits.update(zip(keys, bits, strict=True))
        for (i, j), b in zip(keys, bits, strict=True):
            if b & FIRST_IN:
                self.sub.setdefault(j, set()).add(i)
                self.sup.setdefault(i, set()).add(j)
            elif b & SECOND_IN:
                self.sub.setdefault(i, set()).add(j)
                self.sup.setdefault(j, set()).add(i)

    def co_contained(self, x: int, y: int, group: set[int]) -> bool:
        """Both ``x`` and ``y`` contain a third claim of ``group`` (as far as known)."""
        sub_x = self.sub.get(x)
        return bool(sub_x and (sub_x & self.sub.get(y, _NONE) & group))

    def compatible(self, x: int, y: int, group: set[int], need: _Need) -> bool | None:
        """May ``x`` and ``y`` (different documents) share ``group``? See ``docs/alignment.md``.

        The bits of the pair must be known; None when its score is missing and needed (the
        key is added to ``need``).
        """
        if self.co_contained(x, y, group):
            return True  # both state a third claim of the group
        return self._judge(x, y, (x, y) if x < y else (y, x), group, need)

    def _judge(
        self, x: int, y: int, key: tuple[int, int], group: set[int], need: _Need
    ) -> bool | None:
        """:meth:`compatible` for a pair known not to be co-contained in ``group``."""
        bits = self.bits[key]
        if bits & LINKS:
            return True  # a relation links them
        if bits & (FAR | UNEVEN):
            return False  # too far apart or too uneven for any score
        score = self.score.get(key)
        if score is None:
            need[1].add(key)
            return None
        if score >= self.threshold:
            return True
        if self.sup.get(x, _NONE) & self.sup.get(y, _NONE) & group:
            return False  # two parts of a third claim, maybe unrelated to each other
        return score >= self.floor

    def decide(self, left: list[int], right: list[int], need: _Need) -> bool | None:
        """Whether two groups of different documents may merge; None when facts are missing.

        Pairs that both contain a claim of the two groups are compatible whatever else is
        known about them (claims joining a group one by one, each containing the same claim,
        need nothing fetched). The other cross pairs need their bits, all of them before any
        pair is judged (co-containment through a claim of the other group needs them); a
        pair known to be incompatible settles the merge at once, so nothing is fetched for a
        merge that cannot happen.
        """
        known = self.bits
        if len(left) == 1 and len(right) == 1:  # two single claims: no third to consider
            x, y = left[0], right[0]
            key = (x, y) if x < y else (y, x)
            if key not in known:
                need[0].add(key)
                return None
            return self._judge(x, y, key, {x, y}, need)
        group = set(left) | set(right)
        sub = self.sub
        # The cross pairs not co-contained, as (x, y, key), and the keys without bits.
        pairs: list[tuple[int, int, tuple[int, int]]] = []
        missing: list[tuple[int, int]] = []
        for x in left:
            sub_x = sub.get(x)
            shared = sub_x & group if sub_x else None
            for y in right:
                if shared and not shared.isdisjoint(sub.get(y, _NONE)):
                    continue
                key = (x, y) if x < y else (y, x)
                pairs.append((x, y, key))
                if key not in known:
                    missing.append(key)
        if not pairs:
            return True
        if missing:
            # A pair known to fail settles the merge when no missing fact could rescue it
            # (a claim of the group containing both, its bits with one of them not known).
            ends = {end for k in missing for end in k}
            ignored: _Need = (set(), set())
            for x, y, key in pairs:
                if x in ends or y in ends or key not in known:
                    continue
                if self._judge(x, y, key, group, ignored) is False:
                    return False
            need[0].update(missing)
            return None
        undecided = False
        for x, y, key in pairs:
            ok = self._judge(x, y, key, group, need)
            if ok is False:
                return False
            undecided |= ok is None
        return None if undecided else True


class _Groups:
    """Disjoint groups of claims, at most one claim per document in each."""

    def __init__(self, docs: list[str]) -> None:
        self.docs = docs
        self.group_of: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}

    def of(self, x: int) -> int:
        return self.group_of.get(x, x)

    def of_group(self, g: int) -> list[int]:
        return self.members.get(g, [g])

    def disjoint(self, left: list[int], right: list[int]) -> bool:
        """No document has a claim in both groups."""
        docs = self.docs
        if len(left) == 1 and len(right) == 1:
            return docs[left[0]] != docs[right[0]]
        seen = {docs[x] for x in left}
        return not any(docs[y] in seen for y in right)

    def merge(self, ga: int, gb: int, merged: list[int]) -> None:
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        self.members[keep] = merged
        self.members.pop(drop, None)
        self.group_of.update((x, keep) for x in merged)


def _merge(order: list[tuple[int, int]], facts: _Facts, groups: _Groups) -> None:
    """Merge along ``order`` wherever every cross pair of the two groups is compatible."""
    # Merges that failed since the last batch of facts (see ``tried`` in _facts_ahead).
    failed: set[tuple[int, int, int, int]] = set()
    batches = facts.fetched[0]
    for t, (i, j) in enumerate(order):
        ga, gb = groups.of(i), groups.of(j)
        if ga == gb:
            continue
        left, right = groups.of_group(ga), groups.of_group(gb)
        state = (ga, len(left), gb, len(right))
        if batches != facts.fetched[0]:
            failed, batches = set(), facts.fetched[0]
        if state in failed:
            continue
        if not groups.disjoint(left, right):
            failed.add(state)
            continue
        ok = facts.decide(left, right, (set(), set()))
        while ok is None:
            _fetch_ahead(order, t, facts, groups)
            ok = facts.decide(left, right, (set(), set()))
        if ok:
            groups.merge(ga, gb, sorted(left + right))
        else:
            if batches != facts.fetched[0]:
                failed, batches = set(), facts.fetched[0]
            failed.add(state)


def _fetch_ahead(order: list[tuple[int, int]], start: int, facts: _Facts, groups: _Groups) -> None:
    """Fetch the facts the merges from ``order[start]`` on may need, in a few batches.

    The next merges are replayed on an overlay of the groups, as if every merge a missing
    fact decides failed: exact up to the first such merge, and a batch of the facts the
    merges ahead ask for. The replay runs again with them, for the merges they allow.
    One call per pair dominated align() on large inputs.
    """
    for _ in range(2):
        need = _facts_ahead(order, start, facts, groups)
        if not need[0] and not need[1]:
            return
        facts.add(need)


def _facts_ahead(order: list[tuple[int, int]], start: int, facts: _Facts, groups: _Groups) -> _Need:
    """The facts missing for the next _LOOKAHEAD merges, replayed without changing ``groups``."""
    sim_group: dict[int, int] = {}
    sim_members: dict[int, list[int]] = {}
    need: _Need = (set(), set())
    # A group is known by its id and size (groups only grow): a merge looked at again
    # in the same replay, facts unchanged, ends the same way (its facts are in need).
    tried: set[tuple[int, int, int, int]] = set()
    group_of, members = groups.group_of, groups.members
    for i, j in order[start : start + _LOOKAHEAD]:
        ga, gb = sim_group.get(i), sim_group.get(j)
        if ga is None:
            ga = group_of.get(i, i)
        if gb is None:
            gb = group_of.get(j, j)
        if ga == gb:
            continue
        left, right = sim_members.get(ga), sim_members.get(gb)
        if left is None:
            left = members.get(ga) or [ga]
        if right is None:
            right = members.get(gb) or [gb]
        state = (ga, len(left), gb, len(right))
        if state in tried:
            continue
        if groups.disjoint(left, right) and facts.decide(left, right, need):
            keep, drop = (ga, gb) if ga < gb else (gb, ga)
            sim_members[keep] = merged = sorted(left + right)
            sim_members[drop] = []
            sim_group.update((x, keep) for x in merged)
        else:
            tried.add(state)
    return need


def cluster_claims(
    *,
    docs: list[str],
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    bits: Callable[[list[tuple[int, int]]], np.ndarray],
    scores: Callable[[list[tuple[int, int]]], np.ndarray],
    threshold: float,
    floor: float,
    known: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> list[list[int]]:
    """Groups of claims (see ``docs/alignment.md``): symmetric links first, then containments
    by the support of the contained claim's statement.

    ``pairs`` (``a < b``, score, relation bits) are the links merged along; ``known`` holds
    facts of other pairs (score NaN when not scored), never fetched again. ``bits`` and
    ``scores`` fetch the facts of other pairs ``(i < j)`` a merge needs.

    Examples
    --------
    >>> groups = cluster_claims(
    ...     docs=["d1", "d2", "d3"],
    ...     pairs=(np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.2]), np.array([0, 0])),
    ...     bits=lambda keys: np.zeros(len(keys), dtype=np.int64),
    ...     scores=lambda keys: np.full(len(keys), 0.9),
    ...     threshold=0.5,
    ...     floor=0.4,
    ... )
    >>> groups  # claim 2 scores 0.2 with claim 1: below the floor, it stays apart
    [[0, 1]]
    """
    a, b, score, relation = pairs
    facts = _Facts(bits=bits, scores=scores, threshold=threshold, floor=floor)
    if known is not None:
        keys = list(zip(known[0].tolist(), known[1].tolist(), strict=True))
        scored = np.flatnonzero(~np.isnan(known[2])).tolist()
        facts.score.update(zip([keys[k] for k in scored], known[2][scored].tolist(), strict=True))
        facts.record(keys, known[3].tolist())
    keys = list(zip(a.tolist(), b.tolist(), strict=True))
    facts.score.update(zip(keys, score.tolist(), strict=True))
    facts.record(keys, relation.tolist())
    groups = _Groups(docs)
    contains = (relation & (FIRST_IN | SECOND_IN)) > 0
    symmetric = np.flatnonzero(~contains)
    # Verbatim evidence (a shared quote, each claim covering the other) before the model's
    # paraphrases, each strongest first: the same quoted words are the same statement.
    verbatim = (relation[symmetric] & (MUTUAL | QUOTE)) > 0
    first = symmetric[np.lexsort((b[symmetric], a[symmetric], -score[symmetric], ~verbatim))]
    _merge([keys[k] for k in first], facts, groups)
    logger.debug(
        "clustering, symmetric links: %d merges looked at, %d pairs fetched",
        len(first),
        facts.fetched[1],
    )
    # Containments, as (contained, container), the best supported statements first.
    edges = [
        (int(a[k]), int(b[k]), float(score[k]))
        if relation[k] & FIRST_IN
        else (int(b[k]), int(a[k]), float(score[k]))
        for k in np.flatnonzero(contains)
    ]
    holders: dict[int, set[str]] = {}
    for s, container, _ in edges:
        holders.setdefault(groups.of(s), set()).add(docs[container])

    def support(s: int) -> int:
        g = groups.of(s)
        return len({docs[x] for x in groups.of_group(g)} | holders.get(g, set()))

    edges.sort(key=lambda e: (-support(e[0]), -e[2], e[0], e[1]))
    _merge([(s, container) for s, container, _ in edges], facts, groups)
    logger.debug(
        "clustering fetched bits of %d and scores of %d more pairs in %d batches",
        facts.fetched[1],
        facts.fetched[2],
        facts.fetched[0],
    )
    return sorted(sorted(m) for m in groups.members.values() if len(m) > 1)
