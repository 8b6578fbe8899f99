"""The one-pass matcher of a lexicon: a token trie, a regex prefilter, and the overlap rule.

:class:`Matcher` finds every candidate match of a lexicon's entries in a text; :func:`resolve`
keeps the non-overlapping ones (most tokens, then longest, then earliest, ...). The rules are in
docs/loaded-terms.md ("How the lexicon matches").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import InputError
from ._tokens import (
    ABBR_MAX,
    ACCEPT,
    APOS,
    APOS_CLASS,
    GAP_KIND,
    GAP_RE,
    HYPHENS,
    TOKEN_CHARS,
    TOKEN_RE,
    norm_key,
    plurals,
    token_key,
)
from .entry import LexiconEntry

__all__ = ["Candidate", "Matcher", "resolve"]

Candidate = tuple[int, int, int, bool, int]


class _Node:
    """Trie node: children by token key, split by what the gap before the token may be."""

    __slots__ = ("edges", "entry", "prefix_lens", "prefixes")

    def __init__(self) -> None:
        # children by token key, one dict per edge kind (see ACCEPT)
        self.edges: tuple[dict[str, _Node], dict[str, _Node], dict[str, _Node]] = ({}, {}, {})
        self.entry = -1  # index of the entry ending here, or -1
        self.prefixes: dict[tuple[str, int], int] = {}  # (prefix, edge kind) -> entry index
        self.prefix_lens: tuple[int, ...] = ()


def _form_path(form: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Token keys of a form, and the edge kind before each token after the first."""
    keys: list[str] = []
    kinds: list[int] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(form):
        if prev_end >= 0:
            gap = form[prev_end : m.start()]
            kinds.append(
                2 if any(c in APOS for c in gap) else 1 if any(c in HYPHENS for c in gap) else 0
            )
        keys.append(token_key(m.group()))
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
            atoms = [APOS_CLASS if c == "'" else re.escape(c) for c in s]
            variants = [(atoms, marker)]
            if 1 < len(s) <= ABBR_MAX and s.isalpha():
                dotted = [a for c in atoms for a in (c, r"\.")][:-1]
                variants.append((dotted, abbr if marker == whole else part))
            for seq, end in variants:
                node = trie
                for atom in seq:
                    node = node.setdefault(atom, {})
                node[end] = {}
    ends = {
        whole: rf"(?!\w|{APOS_CLASS}(?![sS](?!\w))\w)",  # where a word token can end
        abbr: r"(?!\w)",  # where an abbreviation can end (before its optional last dot)
    }

    def build(node: dict[str, Any]) -> str:
        if part in node:
            return ""
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom not in ends]
        alts.extend(ends[m] for m in (whole, abbr) if m in node)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


class Matcher:
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
                    lasts.extend(plurals(keys[-1]))
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

    def candidates(self, text: str) -> list[Candidate]:
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
        out: list[Candidate] = []
        chunk = (0, 0)
        chunk_starts: set[int] = set()
        search = self.prefilter.search
        pos = 0
        n = len(text)
        while (hit := search(lowered, pos)) is not None:
            p = hit.start()
            pos = p + 1  # not hit.end(): a hit must never hide the next start
            if p and text[p - 1] in TOKEN_CHARS:
                # After an apostrophe or a dot, p may be inside a token ("x'rebel", "u.n"):
                # tokenise its whole run of token characters to know the real token starts.
                if not chunk[0] <= p < chunk[1]:
                    r = p
                    while r and (text[r - 1].isalnum() or text[r - 1] in TOKEN_CHARS):
                        r -= 1
                    end = p
                    while end < n and (text[end].isalnum() or text[end] in TOKEN_CHARS):
                        end += 1
                    chunk = (r, end)
                    chunk_starts = {m.start() for m in TOKEN_RE.finditer(text, r, end)}
                if p not in chunk_starts:
                    continue
            self._walk(text, lowered, p, out)
        return out

    def _walk(self, text: str, lowered: str, p: int, out: list[Candidate]) -> None:
        """Walk the token trie from the token starting at ``p``."""
        tok = TOKEN_RE.match(text, p)
        if tok is None:  # pragma: no cover - a hit always starts with a word character
            return
        e = tok.end()
        active: list[tuple[int, _Node, int]] = []
        self._step(self.root, norm_key(lowered[p:e]), ACCEPT[0], p, e, 1, active, out)
        while active:
            tok = TOKEN_RE.search(text, e)
            if tok is None:
                return
            s, e2 = tok.span()
            gap = GAP_RE.fullmatch(text, e, s)
            if gap is None:
                return
            accept = ACCEPT[GAP_KIND[gap.lastgroup or "space"]]
            key = norm_key(lowered[s:e2])
            nxt: list[tuple[int, _Node, int]] = []
            for start, node, n in active:
                self._step(node, key, accept, start, e2, n + 1, nxt, out)
            active = nxt
            e = e2

    def candidates_stream(self, text: str) -> list[Candidate]:
        """Reference implementation: tokenise the whole text and walk the trie alongside."""
        root = self.root
        lowered = text.lower()
        same = len(lowered) == len(text)
        gap_match = GAP_RE.fullmatch
        out: list[Candidate] = []
        active: list[tuple[int, _Node, int]] = []
        prev_end = 0
        for m in TOKEN_RE.finditer(text):
            s, e = m.span()
            key = norm_key(lowered[s:e] if same else m.group().lower())
            nxt: list[tuple[int, _Node, int]] = []
            if active:
                gap = gap_match(text, prev_end, s)
                if gap is not None:
                    accept = ACCEPT[GAP_KIND[gap.lastgroup or "space"]]
                    for start, node, n in active:
                        self._step(node, key, accept, start, e, n + 1, nxt, out)
            self._step(root, key, ACCEPT[0], s, e, 1, nxt, out)
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
        out: list[Candidate],
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


def resolve(cands: list[Candidate], entries: Sequence[LexiconEntry]) -> list[Candidate]:
    """Non-overlapping selection: most tokens, longest, earliest, whole word, entry name.

    Candidates are cut into groups of transitively overlapping ones in one sweep; a lone
    candidate is kept as it is, and only real groups go through the greedy choice.
    """
    kept: list[Candidate] = []
    group: list[Candidate] = []
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


def _greedy(group: list[Candidate], entries: Sequence[LexiconEntry]) -> list[Candidate]:
    order = sorted(group, key=lambda c: (-c[2], c[0] - c[1], c[0], c[3], entries[c[4]].entry))
    kept: list[Candidate] = []
    for cand in order:
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    return kept
