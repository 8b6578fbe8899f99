"""Discovery of names in text, from capitalisation: runs of capitalised words and acronyms.

Titles and possessives are stripped, and capitals that a sentence start or a Title Case line
explain carry no weight; ``Long Form (ACR)`` gives acronym expansions. The rules are in
docs/loaded-terms.md ("Actors and their aliases").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ._keys import Key, Token, _is_acronym, _is_cap, _token_key, _tokenize
from ._wordlists import (
    _ABBREVIATIONS,
    _APOSTROPHES,
    _CALENDAR,
    _CAP_JOINERS,
    _CONNECTORS,
    _DOT_GAP_RE,
    _EXPANSION_SKIP,
    _HYPHEN_PARTICLES,
    _HYPHENS,
    _NEWLINES,
    _NON_CORE,
    _ORG_WORDS,
    _SENTENCE_CHARS,
    _SPACE_PARTICLES,
    _SPACES_RE,
    _STOPWORDS,
    _TITLE_FIRST,
    _TITLES,
)


@dataclass(slots=True)
class _Word:
    toks: list[Token]
    possessive: bool
    line: int
    initial: bool
    gap: str  # text between the previous word and this one
    after: str  # text after this word up to the next token


@dataclass(slots=True)
class _Piece:
    toks: list[Token]
    kind: str  # "name", "particle" or "connector"
    left: bool
    right: bool
    initial: bool
    word: int


@dataclass(slots=True)
class _Segment:
    toks: list[Token]
    initial: bool
    protected: bool = False


@dataclass(slots=True)
class _Occurrence:
    key: Key
    surface: str
    initial: bool
    protected: bool


@dataclass(slots=True)
class _Expansion:
    acronym: Key
    expansion: Key
    evidence: str


def _words(text: str, tokens: list[Token]) -> list[_Word]:
    words: list[_Word] = []
    line = 0
    prev_end = 0
    prev_last = ""
    i, n = 0, len(tokens)
    while i < n:
        gap = text[prev_end : tokens[i][0]]
        newline = any(c in _NEWLINES for c in gap)
        if newline:
            line += 1
        group = [tokens[i]]
        possessive = False
        j = i + 1
        while j < n:
            between = text[group[-1][1] : tokens[j][0]]
            nxt = tokens[j][2]
            if len(between) == 1 and between in _HYPHENS:
                group.append(tokens[j])
                j += 1
                continue
            if len(between) == 1 and between in _APOSTROPHES:
                if nxt in ("s", "S"):
                    possessive = True
                    j += 1
                elif nxt[0].isupper() and group[-1][2][0].isupper():
                    group.append(tokens[j])
                    j += 1
                    continue
            break
        end = tokens[j - 1][1]
        after = text[end : tokens[j][0]] if j < n else text[end:]
        stripped = gap.strip()
        initial = (
            not words
            or newline
            or (
                bool(stripped)
                and any(c in _SENTENCE_CHARS for c in stripped)
                and not (
                    _DOT_GAP_RE.fullmatch(gap)
                    and (
                        (len(prev_last) == 1 and prev_last.isupper()) or prev_last in _ABBREVIATIONS
                    )
                )
            )
        )
        words.append(_Word(group, possessive, line, initial, gap, after))
        prev_end = end
        prev_last = group[-1][2]
        i = j
    return words


def _title_case_lines(words: list[_Word]) -> set[int]:
    """Lines written in Title Case (mastheads, headlines): capitals there say nothing."""
    content: dict[int, list[bool]] = defaultdict(list)
    ending: dict[int, str] = {}
    for w in words:
        for _, _, t in w.toks:
            low = t.casefold()
            if len(t) > 2 and t.isalpha() and low not in _STOPWORDS and low not in _NON_CORE:
                content[w.line].append(t[0].isupper())
        ending[w.line] = re.split(r"[\n\r]", w.after, maxsplit=1)[0].strip()
    lines = set()
    for line, caps in content.items():
        share = sum(caps) / len(caps) if caps else 0.0
        sentence = ending.get(line, "").endswith((".", '."', ".\u201d"))
        if (len(caps) >= 3 and share == 1.0) or (len(caps) >= 5 and share >= 0.85 and not sentence):
            lines.add(line)
    return lines


def _pieces(word: _Word, index: int, standalone: set[str]) -> list[_Piece]:
    toks = word.toks
    texts = [t for _, _, t in toks]
    caps = [_is_cap(t) for t in texts]
    if not any(caps):
        if len(texts) == 1 and texts[0] in _SPACE_PARTICLES:
            return [_Piece(toks, "particle", True, True, word.initial, index)]
        if len(texts) == 1 and texts[0] in _CONNECTORS:
            return [_Piece(toks, "connector", True, True, word.initial, index)]
        return []
    k = caps.index(True)
    left = k == 0 or all(t in _HYPHEN_PARTICLES for t in texts[:k])
    start = 0 if left else k
    m = start
    while m < len(texts) and (caps[m] or (texts[m] in _HYPHEN_PARTICLES and m + 1 < len(texts))):
        m += 1
    while m > start and not caps[m - 1]:
        m -= 1
    right = m == len(texts) and not word.possessive
    name = toks[start:m]
    initial = word.initial and start == 0
    parts = [t for _, _, t in name]
    has_joiner = any(p in _CAP_JOINERS or p.casefold() in _HYPHEN_PARTICLES for p in parts)
    if len(name) > 1 and not has_joiner and any(p in standalone or _is_acronym(p) for p in parts):
        # "Turkey-Russia": names that also stand alone are two names, not one.
        return [
            _Piece([tok], "name", False, False, initial and n == 0, index)
            for n, tok in enumerate(name)
        ]
    return [_Piece(name, "name", left, right, initial, index)]


def _runs(text: str, words: list[_Word], pieces: list[_Piece]) -> list[_Segment]:
    segments: list[_Segment] = []
    current: list[_Piece] = []

    def close() -> None:
        while current and current[-1].kind != "name":
            current.pop()
        while current and current[0].kind == "connector":
            current.pop(0)
        if current:
            toks = [t for p in current for t in p.toks]
            segments.append(_Segment(toks, current[0].initial))
        current.clear()

    for piece in pieces:
        if current:
            prev = current[-1]
            joined = False
            if prev.right and piece.left and words[prev.word].line == words[piece.word].line:
                gap = text[prev.toks[-1][1] : piece.toks[0][0]]
                ok_gap = bool(_SPACES_RE.fullmatch(gap)) or (
                    bool(_DOT_GAP_RE.fullmatch(gap))
                    and (
                        (len(prev.toks[-1][2]) == 1 and prev.toks[-1][2].isupper())
                        or prev.toks[-1][2] in _ABBREVIATIONS
                    )
                )
                if ok_gap:
                    last = prev.toks[-1][2]
                    if piece.kind == "connector":
                        joined = (last == "of" and piece.toks[0][2] == "the") or (
                            piece.toks[0][2] == "of" and prev.kind == "name"
                        )
                    else:
                        joined = True
            if not joined:
                close()
        current.append(piece)
    close()
    return segments


def _expansions(text: str, words: list[_Word]) -> list[tuple[_Expansion, int, int]]:
    """``Long Form (ACR)`` and ``ACR (Long Form)``: (expansion, start, end) of the long form."""
    found: list[tuple[_Expansion, int, int]] = []

    def initials_match(toks: list[Token], acronym: str) -> bool:
        texts = [t for _, _, t in toks]
        if not texts or not _is_cap(texts[0]) or not _is_cap(texts[-1]):
            return False
        content = [t for t in texts if t.casefold() not in _EXPANSION_SKIP]
        if any(not _is_cap(t) and t.casefold() not in _HYPHEN_PARTICLES for t in content):
            return False
        letters = acronym.replace(".", "").casefold()
        with_particles = "".join(t[0] for t in content).casefold()
        without = "".join(t[0] for t in content if t.casefold() not in _HYPHEN_PARTICLES)
        return letters in (with_particles, without.casefold()) and len(content) >= 2

    def record(acr: Token, toks: list[Token]) -> None:
        start, end = toks[0][0], toks[-1][1]
        surface = " ".join(text[start:end].split())
        evidence = f"{surface} ({acr[2]})"
        key = tuple(_token_key(t) for _, _, t in toks)
        found.append((_Expansion((_token_key(acr[2]),), key, evidence), start, end))

    for i, w in enumerate(words):
        if len(w.toks) != 1 or not _is_acronym(w.toks[0][2]) or w.toks[0][2][0].islower():
            continue
        acr = w.toks[0]
        if w.gap.strip() == "(" and w.after.lstrip().startswith(")"):
            if i == 0 or words[i - 1].line != w.line or words[i - 1].possessive:
                continue
            j = i - 1
            back: list[Token] = list(words[j].toks)
            while (
                j > 0
                and len(back) < 2 * len(acr[2]) + 4
                and _SPACES_RE.fullmatch(words[j].gap)
                and not words[j - 1].possessive
                and words[j - 1].line == w.line
            ):
                j -= 1
                back[:0] = words[j].toks
            for k in range(len(back) - 1, -1, -1):
                if initials_match(back[k:], acr[2]):
                    record(acr, back[k:])
                    break
        elif w.after.strip() == "(":
            inner: list[Token] = []
            j = i + 1
            while j < len(words) and words[j].line == w.line:
                inner.extend(words[j].toks)
                if words[j].after.strip().startswith(")"):
                    break
                if not _SPACES_RE.fullmatch(words[j].after):
                    inner = []
                    break
                j += 1
            else:
                inner = []
            if inner and initials_match(inner, acr[2]):
                record(acr, inner)
    return found


def _split_titles(seg: _Segment) -> list[_Segment]:
    out: list[_Segment] = []
    toks = seg.toks
    cur: list[Token] = []
    initial = seg.initial
    i = 0
    while i < len(toks):
        word = toks[i][2]
        matched = 0
        if word in _TITLE_FIRST:
            for title in _TITLES:
                n = len(title)
                if tuple(t for _, _, t in toks[i : i + n]) != title:
                    continue
                prev = [t.casefold() for _, _, t in toks[max(0, i - 2) : i]]
                after = toks[i + n][2].casefold() if i + n < len(toks) else ""
                if (prev and prev[-1] in _CONNECTORS) or after in _ORG_WORDS:
                    continue
                matched = n
                break
        if matched:
            if cur:
                out.append(_Segment(cur, initial))
            cur = []
            initial = False
            i += matched
            continue
        cur.append(toks[i])
        i += 1
    if cur:
        out.append(_Segment(cur, initial if not out else False))
    return out


def _trim(toks: list[Token]) -> list[Token]:
    while toks and toks[-1][2].casefold() in _NON_CORE:
        toks = toks[:-1]
    while toks and toks[0][2].casefold() in _CONNECTORS:
        toks = toks[1:]
    return toks


def _common(word: str, seen_lower: set[str]) -> bool:
    low = word.casefold()
    return low in _STOPWORDS or low in seen_lower or low in _CALENDAR


def _surface(text: str, toks: list[Token]) -> str:
    return " ".join(text[toks[0][0] : toks[-1][1]].split())


def _key_of(toks: list[Token]) -> Key:
    return tuple(_token_key(t) for _, _, t in toks)


def _strip_start(
    toks: list[Token], initial: bool, noninitial: set[Key], seen_lower: set[str]
) -> tuple[list[Token], bool]:
    """Drop leading articles, and common words that are capitalised only by a sentence start."""
    while toks and toks[0][2] in ("The", "A", "An"):
        toks, initial = _trim(toks[1:]), False
    if initial and _key_of(toks) not in noninitial:
        while (
            toks
            and toks[0][2].casefold() not in _HYPHEN_PARTICLES
            and _common(toks[0][2], seen_lower)
        ):
            toks, initial = _trim(toks[1:]), False
    return toks, initial


def _keep(toks: list[Token], keep_stop_acronyms: set[Key]) -> bool:
    """Whether a name candidate is worth keeping: not empty, a date word, a title or a stopword."""
    if not toks:
        return False
    if len(toks) > 1:
        return True
    word = toks[0][2]
    low = word.casefold()
    if low in _CALENDAR or (word,) in _TITLES or len(word) < 2:
        return False
    return low not in _STOPWORDS or (
        _is_acronym(word) and (_token_key(word),) in keep_stop_acronyms
    )


@dataclass(frozen=True, slots=True)
class _Casing:
    """How a corpus writes its words (casefolded), and its capitalised words that stand alone."""

    seen_lower: set[str]  # seen lower-case at least once
    mostly_lower: set[str]  # seen lower-case at least as often as capitalised mid-sentence
    standalone: set[str]  # capitalised words seen as a word of their own (as written)


def _parse(docs: Sequence[Document]) -> tuple[list[tuple[Document, list[_Word]]], _Casing]:
    """The words of each document, and how the corpus writes them."""
    parsed: list[tuple[Document, list[_Word]]] = []
    lower_n: Counter[str] = Counter()
    upper_n: Counter[str] = Counter()
    standalone: set[str] = set()
    for doc in docs:
        words = _words(doc.text, _tokenize(doc.text))
        parsed.append((doc, words))
        for w in words:
            for n, (_, _, t) in enumerate(w.toks):
                if t[0].islower():
                    lower_n[t.casefold()] += 1
                elif t[0].isupper() and not (w.initial and n == 0):
                    upper_n[t.casefold()] += 1
            if len(w.toks) == 1 and _is_cap(w.toks[0][2]):
                standalone.add(w.toks[0][2])
    mostly_lower = {w for w, n in lower_n.items() if n >= upper_n[w]}
    return parsed, _Casing(set(lower_n), mostly_lower, standalone)


def _without_spans(run: _Segment, spans: list[tuple[int, int]]) -> list[_Segment]:
    """The parts of a run outside the given character spans (the acronym expansions)."""
    parts: list[_Segment] = []
    cur: list[Token] = []
    initial = run.initial
    for tok in run.toks:
        if any(s <= tok[0] < e for s, e in spans):
            if cur:
                parts.append(_Segment(cur, initial))
            cur, initial = [], False
            continue
        cur.append(tok)
    if cur:
        parts.append(_Segment(cur, initial))
    return parts


def _segments(
    doc: Document, words: list[_Word], standalone: set[str]
) -> tuple[list[_Segment], list[_Expansion]]:
    """Candidate names of one document (expansions first, then the runs of capitalised words,
    split at titles) and its acronym expansions; Title Case lines propose nothing."""
    skip = _title_case_lines(words)
    pieces = [
        p for i, w in enumerate(words) if w.line not in skip for p in _pieces(w, i, standalone)
    ]
    line_of = {w.toks[0][0]: w.line for w in words}
    segments: list[_Segment] = []
    expansions: list[_Expansion] = []
    spans: list[tuple[int, int]] = []
    for exp, start, end in _expansions(doc.text, words):
        if line_of.get(start) in skip:
            continue
        expansions.append(exp)
        spans.append((start, end))
        toks = [(s + start, e + start, t) for s, e, t in _tokenize(doc.text[start:end])]
        segments.append(_Segment(toks, False, protected=True))
    for run in _runs(doc.text, words, pieces):
        segments.extend(
            piece for part in _without_spans(run, spans) for piece in _split_titles(part)
        )
    return segments, expansions


def _name_parts(
    seg: _Segment, expansion_keys: set[Key], noninitial: set[Key], seen_lower: set[str]
) -> tuple[list[tuple[list[Token], bool]], bool]:
    """The names a segment holds, each with whether it opens a sentence; and whether the
    segment is protected (an acronym expansion: kept exactly as written)."""
    toks = _trim(seg.toks)
    protected = seg.protected or _key_of(toks) in expansion_keys
    initial = seg.initial and toks[:1] == seg.toks[:1]
    if protected:
        return [(toks, initial)], protected
    found = [_strip_start(toks, initial, noninitial, seen_lower)]
    if initial and _key_of(found[0][0]) not in noninitial:
        # "Forces of Haftar" opening a sentence: only the part after "of" is sure.
        cut = [i for i, t in enumerate(found[0][0]) if t[2].casefold() in _CONNECTORS]
        if cut:
            head, rest = found[0][0][: cut[0]], found[0][0][cut[-1] + 1 :]
            found = [
                _strip_start(_trim(head), found[0][1], noninitial, seen_lower),
                (_trim(rest), False),
            ]
    return found, protected


def _discover(
    docs: Sequence[Document], keep_stop_acronyms: set[Key]
) -> tuple[list[tuple[str, _Occurrence]], list[_Expansion], set[str], set[str]]:
    """Name occurrences (doc_id, occurrence), acronym expansions, the words seen lower-case and
    the words seen lower-case at least as often as capitalised mid-sentence."""
    parsed, casing = _parse(docs)
    segments: list[tuple[Document, _Segment]] = []
    expansions: list[_Expansion] = []
    for doc, words in parsed:
        found, expanded = _segments(doc, words, casing.standalone)
        segments.extend((doc, seg) for seg in found)
        expansions.extend(expanded)

    noninitial = {_key_of(_trim(s.toks)) for _, s in segments if not s.initial}
    expansion_keys = {e.expansion for e in expansions}
    occurrences: list[tuple[str, _Occurrence]] = []
    for doc, seg in segments:
        parts, protected = _name_parts(seg, expansion_keys, noninitial, casing.seen_lower)
        for part, initial in parts:
            if _keep(part, keep_stop_acronyms):
                occurrence = _Occurrence(
                    _key_of(part), _surface(doc.text, part), initial, protected
                )
                occurrences.append((doc.doc_id, occurrence))
    return occurrences, expansions, casing.seen_lower, casing.mostly_lower
