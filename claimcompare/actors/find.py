"""The public entry points: :func:`find_actors` (the actors table) and :func:`actor_mentions`.

Each alias row is explained by the edge that joins it to the canonical name.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..document import Corpus, Document, documents_of
from ..errors import ParameterError
from ._keys import Key, _core, _is_acronym, _name_key
from .gazetteer import gazetteer_entries
from .index import ActorIndex, ActorsLike, _user_groups
from .merge import _Edge, _Graph, _merge, _Node
from .names import _discover

__all__ = ["actor_mentions", "find_actors"]

# Which edge explains an alias when several reach it: the surest rule first.
_RULE_ORDER = {
    "case": 1,
    "canonical": 0,
    "user": 1,
    "acronym": 2,
    "gazetteer": 3,
    "demonym": 4,
    "surname": 5,
    "subset": 6,
    "reorder": 7,
    "fuzzy": 8,
    "fuzzy_surname": 9,
}


def _render(edge: _Edge, child: Key, parent: str) -> str:
    """The ``rule`` column: why ``child`` belongs with ``parent``, in words."""
    forward = edge.a == child
    why = f" ({edge.evidence})" if edge.evidence else ""
    if edge.kind == "user":
        return "user"
    if edge.kind == "case":
        return f"same name in other capitals: '{parent}'"
    if edge.kind == "acronym":
        return f"acronym expansion '{edge.evidence}'"
    if edge.kind == "gazetteer":
        return "gazetteer"
    if edge.kind == "demonym":
        return f"demonym of '{edge.evidence}' (gazetteer)" if forward else "gazetteer"
    if edge.kind == "surname":
        return f"surname of '{parent}'{why}" if forward else f"full name of '{parent}'"
    if edge.kind == "subset":
        return f"shorter form of '{parent}'{why}" if forward else f"longer form of '{parent}'"
    if edge.kind == "reorder":
        return f"words reordered from '{parent}'"
    if edge.kind == "fuzzy":
        return f"fuzzy ratio {edge.score:.1f} with '{parent}'"
    if forward:
        return f"fuzzy ratio {edge.score:.1f} with surname of '{parent}'{why}"
    return f"full name of '{parent}' (fuzzy ratio {edge.score:.1f})"


def _documents(corpus: Any) -> list[Document]:
    # Actors are found across a corpus; one document alone is more likely a mistake.
    if isinstance(corpus, Document):
        raise ParameterError("corpus must be a Corpus (or an iterable of Document), got Document")
    return documents_of(corpus)


def _check_params(min_count: Any, fuzzy_threshold: Any, gazetteer: Any, demonyms: Any) -> None:
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count must be an integer >= 1, got {min_count!r}")
    if (
        isinstance(fuzzy_threshold, bool)
        or not isinstance(fuzzy_threshold, (int, float))
        or not 0.0 <= float(fuzzy_threshold) <= 100.0
    ):
        raise ParameterError(
            f"fuzzy_threshold must be a number from 0 to 100, got {fuzzy_threshold!r}"
        )
    for name, value in (("gazetteer", gazetteer), ("demonyms", demonyms)):
        if not isinstance(value, bool):
            raise ParameterError(f"{name} must be True or False, got {value!r}")


_COLUMNS = ["actor", "alias", "count", "doc_ids", "rule", "score", "actor_count"]


def find_actors(
    corpus: Corpus | Iterable[Document],
    actors: ActorsLike | None = None,
    *,
    min_count: int = 1,
    fuzzy_threshold: float = 80.0,
    gazetteer: bool = True,
    demonyms: bool = True,
) -> pd.DataFrame:
    """Find the actors named in a corpus and the aliases each goes by.

    Parameters
    ----------
    corpus : Corpus
        The documents; their ``text`` is searched.
    actors : mapping, pandas.DataFrame or ActorIndex, optional
        Actors you know: ``{canonical: [aliases]}`` or a frame with ``actor`` and ``alias``.
        They win over inferred ones: a user alias never ends up under another actor, and
        inferred aliases may join a user actor.
    min_count : int, default 1
        Drop inferred actors mentioned fewer times than this (user actors are always kept).
    fuzzy_threshold : float, default 80.0
        Least RapidFuzz ``ratio`` (0-100) for two spellings to merge, on top of the safeguards
        listed in docs/loaded-terms.md ("Actors and their aliases"); 100 turns fuzzy merging
        off.
    gazetteer : bool, default True
        Use the shipped list of well-known aliases (``data/actor_gazetteer.csv``).
    demonyms : bool, default True
        Join gazetteer demonyms to their country (``Libyan`` -> ``Libya``).

    Returns
    -------
    pandas.DataFrame
        One row per ``(actor, alias)``: ``actor, alias, count, doc_ids, rule, score,
        actor_count``. ``count`` counts the alias' matches (longest match first, as
        :meth:`ActorIndex.find`), ``doc_ids`` is a sorted tuple, ``rule`` says why the alias
        belongs to the actor and ``score`` is the similarity behind it (100 for exact rules).
        Each actor's own name has a row (``rule`` ``canonical``, ``user`` or ``gazetteer``).
        Rows are sorted by ``actor_count`` (descending), actor, then alias count.

    Raises
    ------
    ParameterError
        For a bad argument or a user alias given to two actors.
    InputError
        For an actors frame without the ``actor`` and ``alias`` columns.

    Examples
    --------
    >>> corpus = Corpus([
    ...     Document(doc_id="a", text="General Khalifa Haftar's Libyan National Army (LNA) "
    ...              "took Sirte, said Ahmad al-Mesmari. Haftar thanked them."),
    ...     Document(doc_id="b", text="Forces of Haftar and the LNA advanced, al-Mismari said."),
    ... ])
    >>> table = find_actors(corpus)
    >>> table.loc[table.alias == "Haftar", ["actor", "count", "rule"]].values.tolist()
    [['Khalifa Haftar', 2, "surname of 'Khalifa Haftar'"]]
    >>> sorted(set(table.actor))
    ['Ahmad al-Mesmari', 'Khalifa Haftar', 'Libyan National Army', 'Sirte']
    >>> table.set_index("alias").loc["al-Mismari", "rule"]
    "fuzzy ratio 85.7 with surname of 'Ahmad al-Mesmari'"
    """
    docs = _documents(corpus)
    _check_params(min_count, fuzzy_threshold, gazetteer, demonyms)
    user = _user_groups(actors)
    entries = [
        e for e in (gazetteer_entries() if gazetteer else ()) if demonyms or e.kind != "demonym"
    ]
    keep_stop = {_name_key(e.alias) for e in entries if _is_acronym(e.alias)}
    keep_stop |= {_name_key(a) for aliases in user.values() for a in aliases if _is_acronym(a)}
    occurrences, expansions, seen_lower, mostly_lower = _discover(docs, keep_stop)
    graph, nodes, in_text = _merge(
        occurrences,
        expansions,
        user,
        entries,
        seen_lower=seen_lower,
        mostly_lower=mostly_lower,
        threshold=float(fuzzy_threshold),
    )
    return _table(docs, graph, nodes, in_text, min_count)


def _table(
    docs: list[Document],
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    in_text: set[Key],
    min_count: int,
) -> pd.DataFrame:
    """The actors table: the groups worth keeping, their aliases counted and explained."""
    kept = _kept_groups(graph, nodes, in_text)
    counts, where = _count(docs, kept, nodes)
    adjacency: dict[Key, list[tuple[_Edge, Key]]] = defaultdict(list)
    for edge in graph.edges:
        adjacency[edge.a].append((edge, edge.b))
        adjacency[edge.b].append((edge, edge.a))
    rows = []
    for root, members in sorted(kept.items()):
        anchor = graph.anchor.get(root)
        if (anchor is None or anchor[0] < 2) and sum(counts[m] for m in members) < min_count:
            continue
        rows.extend(_actor_rows(members, anchor, nodes, counts, where, adjacency))
    return _frame(rows)


def _kept_groups(
    graph: _Graph, nodes: Mapping[Key, _Node], in_text: set[Key]
) -> dict[Key, list[Key]]:
    """User actors, and groups found in the text with more than a sentence-initial capital."""
    groups: dict[Key, list[Key]] = {}
    for key in sorted(nodes):
        groups.setdefault(graph.find(key), []).append(key)
    return {
        root: members
        for root, members in groups.items()
        if (root in graph.anchor and graph.anchor[root][0] == 2)
        or (
            any(m in in_text for m in members)
            and (root in graph.anchor or any(nodes[m].strong for m in members))
        )
    }


def _count(
    docs: list[Document], kept: Mapping[Key, list[Key]], nodes: Mapping[Key, _Node]
) -> tuple[Counter[Key], dict[Key, set[str]]]:
    """Mentions of each alias, counted the way ActorIndex.find finds them."""
    label = {root: f"\x00{n}" for n, root in enumerate(sorted(kept))}
    index = ActorIndex(
        tuple((label[root], nodes[m].surface) for root, members in kept.items() for m in members)
    )
    counts: Counter[Key] = Counter()
    where: dict[Key, set[str]] = defaultdict(set)
    for doc in docs:
        for mention in index.find(doc.text):
            key = _name_key(mention.alias)
            counts[key] += 1
            where[key].add(doc.doc_id)
    return counts, where


def _actor_rows(
    members: list[Key],
    anchor: tuple[int, str] | None,
    nodes: Mapping[Key, _Node],
    counts: Counter[Key],
    where: Mapping[Key, set[str]],
    adjacency: Mapping[Key, list[tuple[_Edge, Key]]],
) -> list[dict[str, Any]]:
    """One row per alias of one actor, each explained by the edge towards the canonical name."""
    if anchor is not None:
        canonical = _name_key(anchor[1])
        own_rule = "user" if anchor[0] == 2 else "gazetteer"
    else:
        canonical = min(
            (m for m in members if counts[m] > 0),
            key=lambda m: (
                -sum(len(c) > 1 for c in _core(m)),  # a middle initial adds nothing
                -counts[m],
                nodes[m].surface,
            ),
        )
        own_rule = "canonical: most complete frequent form"
    explained = {canonical: (own_rule, 100.0)}
    queue = deque([canonical])
    while queue:
        current = queue.popleft()
        neighbours = sorted(
            adjacency.get(current, []),
            key=lambda en: (_RULE_ORDER[en[0].kind], -en[0].score, nodes[en[1]].surface),
        )
        for edge, other in neighbours:
            if other not in explained:
                explained[other] = (_render(edge, other, nodes[current].surface), edge.score)
                queue.append(other)
    total = sum(counts[m] for m in members)
    rows = []
    for m in members:
        if m != canonical and counts[m] == 0 and not nodes[m].user_alias:
            continue
        rule, score = explained[m]
        if nodes[m].user_alias and anchor is not None and anchor[0] == 2:
            rule, score = "user", 100.0
        rows.append(
            {
                "actor": nodes[canonical].surface,
                "alias": nodes[m].surface,
                "count": counts[m],
                "doc_ids": tuple(sorted(where.get(m, ()))),
                "rule": rule,
                "score": score,
                "actor_count": total,
            }
        )
    return rows


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    if frame.empty:
        return frame.astype({"count": "int64", "score": "float64", "actor_count": "int64"})
    frame["is_actor"] = frame["alias"] == frame["actor"]
    frame = frame.sort_values(
        ["actor_count", "actor", "is_actor", "count", "alias"],
        ascending=[False, True, False, False, True],
        kind="mergesort",
    )
    return frame.drop(columns="is_actor").reset_index(drop=True)


def actor_mentions(
    corpus: Corpus | Iterable[Document], actors: ActorsLike | None = None
) -> pd.DataFrame:
    """Every mention of every actor, with offsets into ``Document.text``.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    actors : ActorIndex, pandas.DataFrame or mapping, optional
        The actors to look for, used as given: an index, a :func:`find_actors` table (any frame
        with ``actor`` and ``alias``) or ``{canonical: [aliases]}``. None runs
        :func:`find_actors` on the corpus first.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, text, actor, alias``, sorted by document and offset, with
        ``Document.text[start:end] == text``.

    Examples
    --------
    >>> corpus = Corpus([Document(doc_id="a", text="The UAE backs Haftar’s forces.")])
    >>> actor_mentions(corpus, {"Khalifa Haftar": ["Haftar"]}).values.tolist()
    [['a', 14, 20, 'Haftar', 'Khalifa Haftar', 'Haftar']]
    >>> actor_mentions(corpus)[["text", "actor"]].values.tolist()
    [['UAE', 'United Arab Emirates'], ['Haftar', 'Haftar']]
    """
    docs = _documents(corpus)
    index = (
        ActorIndex.from_frame(find_actors(docs))
        if actors is None
        else ActorIndex.from_actors(actors)
    )
    rows = [
        {
            "doc_id": doc.doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "actor": m.actor,
            "alias": m.alias,
        }
        for doc in docs
        for m in index.find(doc.text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "actor", "alias"])
