"""Merging the forms that name one actor: a union-find graph whose edges say why they joined.

Anchors (user > gazetteer) keep two given actors apart; the rules on the names' structure (case,
word order, shorter forms, surnames, spelling) and their safeguards are in docs/loaded-terms.md.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ._keys import Key, _core, _fold, _is_acronym, _name_key
from ._wordlists import _ORG_WORDS, _STOPWORDS, _VOWELS
from .gazetteer import GazetteerEntry
from .names import _Expansion, _Occurrence

logger = logging.getLogger(__name__)

# Share of full-name mentions one actor needs for a surname shared with others to go to it
# ("Biden": "Joe Biden" 206 times, "Jill Biden" twice).
_DOMINANCE = 0.9


@dataclass(slots=True)
class _Node:
    key: Key
    surfaces: Counter[str] = field(default_factory=Counter)
    mid: Counter[str] = field(default_factory=Counter)  # surfaces seen mid-sentence
    docs: set[str] = field(default_factory=set)
    n: int = 0
    strong: bool = False
    given: str | None = None  # how the user or the gazetteer writes it
    user_alias: bool = False

    @property
    def surface(self) -> str:
        if self.given is not None:
            return self.given
        return min(
            self.surfaces.items(),
            key=lambda kv: (-self.mid[kv[0]], -kv[1], kv[0][0].isupper(), kv[0]),
        )[0]


@dataclass(frozen=True, slots=True)
class _Edge:
    kind: str
    a: Key
    b: Key
    score: float = 100.0
    evidence: str = ""


class _Graph:
    """Union-find over alias keys with anchors (user > gazetteer) and the edges that joined."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}
        self.anchor: dict[Key, tuple[int, str]] = {}
        self.members: dict[Key, list[Key]] = {}
        self.edges: list[_Edge] = []

    def add(self, key: Key) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = [key]

    def find(self, key: Key) -> Key:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def set_anchor(self, key: Key, level: int, name: str) -> bool:
        root = self.find(key)
        current = self.anchor.get(root)
        if current is None or current[0] < level:
            self.anchor[root] = (level, name)
            return True
        return current == (level, name)

    def union(self, edge: _Edge) -> bool:
        ra, rb = self.find(edge.a), self.find(edge.b)
        if ra == rb:
            return False
        aa, ab = self.anchor.get(ra), self.anchor.get(rb)
        if aa is not None and ab is not None and aa != ab and aa[0] == ab[0]:
            logger.debug("not merging %s and %s: anchored to %s and %s", edge.a, edge.b, aa, ab)
            return False
        root, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = root
        self.members[root].extend(self.members.pop(other))
        anchors = [a for a in (aa, ab) if a is not None]
        self.anchor.pop(other, None)
        if anchors:
            self.anchor[root] = max(anchors)
        self.edges.append(edge)
        return True


def _variant(a: str, b: str, *, strict: bool, threshold: float) -> float | None:
    """Fuzzy ratio of two name words if they are spelling variants of each other, else None."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return 100.0
    if min(len(a), len(b)) < (5 if strict else 4) or a[0] != b[0]:
        return None
    if a.startswith(b) or b.startswith(a) or not (a.isalpha() and b.isalpha()):
        return None
    ops = Levenshtein.editops(a, b)
    if len(ops) > (1 if min(len(a), len(b)) <= 10 else 2):
        return None
    for op in ops:
        if op.tag == "replace":
            if a[op.src_pos] not in _VOWELS or b[op.dest_pos] not in _VOWELS:
                return None
            # Johnson / Johnsen, Hanson / Hansen: a changed ending makes another surname.
            if strict and (min(len(a), len(b)) < 6 or op.src_pos >= len(a) - 3):
                return None
    score = round(fuzz.ratio(a, b), 2)
    return score if score >= threshold else None


@dataclass(frozen=True, slots=True)
class _Shape:
    core: Key
    person: bool
    single: bool


def _shapes(
    nodes: Mapping[Key, _Node],
    expansion_keys: set[Key],
    place_words: set[str],
    not_persons: set[Key],
    mostly_lower: set[str],
) -> dict[Key, _Shape]:
    shapes = {}
    for key in nodes:
        core = _core(key)
        folded = [c.casefold() for c in core]
        acronym = any(_is_acronym(c) for c in core)
        person = (
            2 <= len(core) <= 5
            and not acronym
            and "of" not in key
            and key not in expansion_keys
            and key not in not_persons
            and key[0].casefold() not in _STOPWORDS
            and folded[0] not in mostly_lower
            and folded[-1] not in mostly_lower
            and all(c.isalpha() for c in core)
            and len(core[0]) > 1
            and len(core[-1]) > 1
            and not any(f in _ORG_WORDS or f in place_words or f in _STOPWORDS for f in folded)
            # "Texas Democrats": a first word that mostly stands alone is a place, not a name
            and not (
                (core[0],) in nodes
                and nodes[(core[0],)].strong
                and nodes[(core[0],)].n > nodes[key].n
            )
        )
        single = len(core) == 1 and not acronym and core[0].isalpha() and len(core[0]) > 1
        shapes[key] = _Shape(core, person, single)
    return shapes


def _surname_cores(graph: _Graph, root: Key, shapes: Mapping[Key, _Shape]) -> set[str]:
    return {
        shapes[k].core[-1].casefold()
        for k in graph.members[root]
        if k in shapes and (shapes[k].person or shapes[k].single)
    }


def _compatible(graph: _Graph, a: Key, b: Key, shapes: Mapping[Key, _Shape], t: float) -> bool:
    """Complete linkage: every surname in one group is a variant of every one in the other."""
    ca, cb = (
        _surname_cores(graph, graph.find(a), shapes),
        _surname_cores(graph, graph.find(b), shapes),
    )
    return all(_variant(x, y, strict=True, threshold=t) is not None for x in ca for y in cb)


def _fuzzy_pairs(names: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """Index pairs whose fuzzy ratio reaches ``threshold``, compared within first-letter blocks."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        blocks[name[:1].casefold()].append(i)
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        texts = [names[i].casefold() for i in members]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=threshold)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if scores[x, y] >= threshold and scores[x, y] > 0:
                    exact = fuzz.ratio(texts[x], texts[y])
                    pairs.append((members[x], members[y], round(exact, 2)))
    return pairs


def _unique_target(
    graph: _Graph, targets: list[Key], nodes: Mapping[Key, _Node]
) -> tuple[Key, str] | None:
    """The one actor among ``targets``, or the one with nearly all their mentions; and why."""
    weight: Counter[Key] = Counter()
    for t in targets:
        weight[graph.find(t)] += nodes[t].n
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    top, top_n = ranked[0]
    total = sum(weight.values())
    evidence = ""
    if len(ranked) > 1:
        if top_n < _DOMINANCE * total or top_n < 3:
            return None
        evidence = f"{top_n} of {total} full-name mentions"
    best = min(
        (t for t in targets if graph.find(t) == top), key=lambda t: (-nodes[t].n, nodes[t].surface)
    )
    return best, evidence


def _together(graph: _Graph, short: Key, full: Key, nodes: Mapping[Key, _Node]) -> bool:
    """Whether a short form shares an article with the full name's actor: news articles name
    a person in full before they shorten the name, so a short form never seen beside the full
    name is more likely someone else."""
    docs = set().union(*(nodes[m].docs for m in graph.members[graph.find(full)]))
    return bool(nodes[short].docs & docs)


def _case_edges(
    graph: _Graph, by_rank: list[Key], shapes: Mapping[Key, _Shape], persons: list[Key]
) -> None:
    """The same word in capitals and in title case: "COVID" / "Covid"."""
    by_fold: dict[Key, list[Key]] = defaultdict(list)
    for k in by_rank:
        if len(k) == 1 and k[0].isalpha():
            by_fold[_fold(k)].append(k)
    surnames_of_persons = {shapes[k].core[-1].casefold() for k in persons}
    for folded, group in by_fold.items():
        # "Gao" the surname of "George Gao" is not "GAO" the Government Accountability Office
        if (
            len(group) > 1
            and any(_is_acronym(k[0]) for k in group)
            and folded[0] not in surnames_of_persons
        ):
            for k in group[1:]:
                graph.union(_Edge("case", k, group[0]))


def _reorder_edges(graph: _Graph, by_rank: list[Key], shapes: Mapping[Key, _Shape]) -> None:
    """Same name words in another order: "Tayyip Recep Erdogan" / "Recep Tayyip Erdogan"."""
    by_words: dict[Key, list[Key]] = defaultdict(list)
    for k in by_rank:
        if shapes[k].person:
            by_words[tuple(sorted(_fold(shapes[k].core)))].append(k)
    for group in by_words.values():
        for k in group[1:]:
            graph.union(_Edge("reorder", k, group[0]))


def _union_compatible(
    graph: _Graph, candidates: list[_Edge], shapes: Mapping[Key, _Shape], threshold: float
) -> None:
    """Join fuzzy candidates best score first, each only if its groups' surnames all agree."""
    for edge in sorted(candidates, key=lambda e: (-e.score, e.a, e.b)):
        if _compatible(graph, edge.a, edge.b, shapes, threshold):
            graph.union(edge)


def _fuzzy_person_edges(
    graph: _Graph, persons: list[Key], shapes: Mapping[Key, _Shape], threshold: float
) -> None:
    """Spelling variants of full names, word by word."""
    candidates: list[_Edge] = []
    core_text = [" ".join(shapes[k].core) for k in persons]
    for i, j, score in _fuzzy_pairs(core_text, threshold):
        a, b = shapes[persons[i]].core, shapes[persons[j]].core
        if len(a) != len(b):
            continue
        if _variant(a[-1], b[-1], strict=True, threshold=0.0) is None:
            continue
        if all(
            _variant(x, y, strict=False, threshold=0.0) is not None
            for x, y in zip(a, b, strict=True)
        ):
            candidates.append(_Edge("fuzzy", persons[i], persons[j], score))
    _union_compatible(graph, candidates, shapes, threshold)


def _subset_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    shapes: Mapping[Key, _Shape],
    persons: list[Key],
    by_last: Mapping[str, list[Key]],
) -> None:
    """Shorter forms ("Donald Trump" / "Donald J. Trump"), when one actor has (nearly) all the
    longer full names that fit."""
    for k in persons:
        core = _fold(shapes[k].core)
        fits = [
            f
            for f in by_last[core[-1]]
            if len(shapes[f].core) > len(core)
            and _is_subsequence(core, _fold(shapes[f].core))
            and _same_initials(core, _fold(shapes[f].core))
        ]
        target = _unique_target(graph, fits, nodes) if fits else None
        if target is not None:
            graph.union(_Edge("subset", k, target[0], evidence=target[1]))


def _surname_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    singles: list[Key],
    by_last: Mapping[str, list[Key]],
    shapes: Mapping[Key, _Shape],
    gazetteer_level: set[Key],
) -> set[Key]:
    """Surnames ("Haftar" / "Khalifa Haftar"), when one actor has (nearly) all the full names
    that end in it and shares an article with it; return the surnames several actors share."""
    ambiguous: set[Key] = set()
    for k in singles:
        fits = by_last.get(shapes[k].core[0].casefold(), [])
        if k in gazetteer_level or not fits:
            continue
        target = _unique_target(graph, fits, nodes)
        if target is None:
            logger.debug("surname %s fits several actors: %s", k, fits)
            ambiguous.add(k)
            continue
        if _together(graph, k, target[0], nodes):
            graph.union(_Edge("surname", k, target[0], evidence=target[1]))
    return ambiguous


def _fuzzy_single_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    shapes: Mapping[Key, _Shape],
    singles: list[Key],
    threshold: float,
) -> None:
    """Spelling variants of single names: "Hafar" / "Haftar", "al-Mesmari" / "al-Mismari"."""
    candidates = []
    core_text = [shapes[k].core[0] for k in singles]
    for i, j, _ in _fuzzy_pairs(core_text, threshold):
        ratio = _variant(core_text[i], core_text[j], strict=True, threshold=threshold)
        one, two = nodes[singles[i]], nodes[singles[j]]
        # Two spellings in one article are two names, unless one is a rare slip.
        if one.docs & two.docs and 3 * min(one.n, two.n) > max(one.n, two.n):
            continue
        if ratio is not None and ratio < 100.0:
            candidates.append(_Edge("fuzzy", singles[i], singles[j], ratio))
    _union_compatible(graph, candidates, shapes, threshold)


def _fuzzy_surname_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    shapes: Mapping[Key, _Shape],
    singles: list[Key],
    by_last: Mapping[str, list[Key]],
    threshold: float,
) -> None:
    """A single name not yet joined to a person that is a variant of exactly one actor's
    surname."""
    lonely = [k for k in singles if not any(shapes[m].person for m in graph.members[graph.find(k)])]
    surnames = sorted(by_last)
    words = [shapes[k].core[0] for k in lonely]
    matches: dict[Key, list[tuple[float, Key]]] = defaultdict(list)
    for i, j, _ in _fuzzy_pairs(words + surnames, threshold):
        if (i < len(words)) == (j < len(words)):
            continue
        i, j = min(i, j), max(i, j)
        ratio = _variant(words[i], surnames[j - len(words)], strict=True, threshold=threshold)
        if ratio is not None and ratio < 100.0:
            matches[lonely[i]].extend((ratio, f) for f in by_last[surnames[j - len(words)]])
    for k in sorted(matches):
        scored = matches[k]
        target = _unique_target(graph, [f for _, f in scored], nodes)
        # no _together here: another outlet's spelling is exactly what this is for
        if target is not None and _compatible(graph, k, target[0], shapes, threshold):
            root = graph.find(target[0])
            best = max(r for r, f in scored if graph.find(f) == root)
            graph.union(_Edge("fuzzy_surname", k, target[0], best, target[1]))


def _name_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    shapes: Mapping[Key, _Shape],
    threshold: float,
    common: set[str],
) -> None:
    """Join names by their structure: case, word order, spelling, shorter forms and surnames."""
    keys = sorted(nodes)
    persons = [k for k in keys if shapes[k].person]
    singles = [k for k in keys if shapes[k].single]
    by_rank = sorted(nodes, key=lambda k: (-nodes[k].n, nodes[k].surface))
    gazetteer_level = {k for k in keys if graph.anchor.get(graph.find(k), (0, ""))[0] == 1}
    _case_edges(graph, by_rank, shapes, persons)
    _reorder_edges(graph, by_rank, shapes)
    _fuzzy_person_edges(graph, persons, shapes, threshold)
    by_last: dict[str, list[Key]] = defaultdict(list)
    for k in persons:
        by_last[shapes[k].core[-1].casefold()].append(k)
    _subset_edges(graph, nodes, shapes, persons, by_last)
    ambiguous = _surname_edges(graph, nodes, singles, by_last, shapes, gazetteer_level)
    # Not for common words ("Marine" / "Maine") nor a surname several actors share.
    fuzzy_singles = [
        k for k in singles if k not in ambiguous and shapes[k].core[0].casefold() not in common
    ]
    _fuzzy_single_edges(graph, nodes, shapes, fuzzy_singles, threshold)
    lonely_candidates = [k for k in fuzzy_singles if k not in gazetteer_level]
    _fuzzy_surname_edges(graph, nodes, shapes, lonely_candidates, by_last, threshold)


def _same_initials(short: Key, long: Key) -> bool:
    """ "George W. Bush" is not "George H. W. Bush": given initials must agree."""
    mine = [t for t in short if len(t) == 1]
    return not mine or mine == [t for t in long if len(t) == 1]


def _is_subsequence(short: Key, long: Key) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _nodes(occurrences: list[tuple[str, _Occurrence]]) -> dict[Key, _Node]:
    nodes: dict[Key, _Node] = {}
    for doc_id, occ in occurrences:
        node = nodes.setdefault(occ.key, _Node(occ.key))
        node.docs.add(doc_id)
        node.surfaces[occ.surface] += 1
        if not occ.initial:
            node.mid[occ.surface] += 1
        node.n += 1
        node.strong = node.strong or not occ.initial or occ.protected or len(occ.key) > 1
    return nodes


def _given(graph: _Graph, nodes: dict[Key, _Node], name: str, *, user_alias: bool = False) -> Key:
    """The node of a name the user or the gazetteer gives, written their way."""
    key = _name_key(name)
    node = nodes.setdefault(key, _Node(key))
    if node.given is None or user_alias:
        node.given = name
    node.user_alias = node.user_alias or user_alias
    graph.add(key)
    return key


def _user_edges(graph: _Graph, nodes: dict[Key, _Node], user: Mapping[str, list[str]]) -> None:
    for actor in sorted(user):
        root = _given(graph, nodes, actor, user_alias=True)
        graph.set_anchor(root, 2, actor)
        for alias in user[actor][1:]:
            graph.union(_Edge("user", _given(graph, nodes, alias, user_alias=True), root))


def _acronym_edges(graph: _Graph, nodes: Mapping[Key, _Node], expansions: list[_Expansion]) -> None:
    evidence: dict[tuple[Key, Key], Counter[str]] = defaultdict(Counter)
    for exp in expansions:
        evidence[exp.acronym, exp.expansion][exp.evidence] += 1
    for (acr, long), texts in sorted(evidence.items()):
        if acr in nodes and long in nodes:
            best = min(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            graph.union(_Edge("acronym", acr, long, evidence=best))


def _gazetteer_edges(
    graph: _Graph,
    nodes: dict[Key, _Node],
    entries: list[GazetteerEntry],
    in_text: set[Key],
) -> set[str]:
    """Join the gazetteer actors named in the text; return the one-word names it knows."""
    by_actor: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for e in entries:
        by_actor[e.actor].append(e)
    for actor in sorted(by_actor):
        forms = [actor, *(e.alias for e in by_actor[actor])]
        if not any(_name_key(f) in in_text for f in forms):
            continue
        root = _given(graph, nodes, actor)
        if not graph.set_anchor(root, 1, actor):
            continue
        for e in by_actor[actor]:
            kind = "demonym" if e.kind == "demonym" else "gazetteer"
            graph.union(_Edge(kind, _given(graph, nodes, e.alias), root, evidence=actor))
    names = [*by_actor, *(e.alias for e in entries)]
    return {_fold(_name_key(n))[0] for n in names if len(_name_key(n)) == 1}


def _merge(
    occurrences: list[tuple[str, _Occurrence]],
    expansions: list[_Expansion],
    user: Mapping[str, list[str]],
    entries: list[GazetteerEntry],
    *,
    seen_lower: set[str],
    mostly_lower: set[str],
    threshold: float,
) -> tuple[_Graph, dict[Key, _Node], set[Key]]:
    """The alias graph of the names found, its nodes and the keys found in the text: user
    actors, acronym expansions and the gazetteer first (they anchor groups), then the rules on
    the names' structure.

    ``seen_lower`` are the words seen lower-case at all (never fuzzy-joined as single names),
    ``mostly_lower`` the ones seen lower-case at least as often as capitalised mid-sentence (not
    person names).
    """
    nodes = _nodes(occurrences)
    in_text = set(nodes)
    graph = _Graph()
    for key in sorted(nodes):
        graph.add(key)
    _user_edges(graph, nodes, user)
    _acronym_edges(graph, nodes, expansions)
    places = _gazetteer_edges(graph, nodes, entries, in_text)
    anchored = {k for k in nodes if graph.anchor.get(graph.find(k), (0, ""))[0] == 1}
    expansion_keys = {e.expansion for e in expansions}
    shapes = _shapes(nodes, expansion_keys, places, anchored, mostly_lower)
    _name_edges(graph, {k: nodes[k] for k in sorted(nodes)}, shapes, threshold, seen_lower)
    return graph, nodes, in_text
