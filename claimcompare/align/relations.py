"""Relations between two claims that one similarity score misses: containment, shared quotes
and clauses, shared actors.

Per distinct text a :class:`RelationTable` (content terms with actor aliases and word classes
merged, quotes, clauses and their verbs), then per pair sparse row products
(:func:`pair_relations`). Below :mod:`~claimcompare.align.search` and the clustering, which
use it; ``docs/alignment.md`` gives every rule and why.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
import pandas as pd
import scipy.sparse as sp
import wordfreq
from rapidfuzz import fuzz

from .._common.data import data_rows
from .._common.text import RELATION_WORDS, stem, word_pattern
from ..actors import ActorIndex, gazetteer_entries
from ..claims.clauses import clause_spans

__all__ = [
    "RelationTable",
    "gazetteer_index",
    "pair_relations",
    "quotes",
    "relation_table",
    "shared_actors",
    "states_something",
    "word_classes",
]

#: Words, numbers (with inner separators) and the letters of acronyms; a possessive 's is cut
#: off (and, one letter long, never counts as content).
_TOKEN_RE = word_pattern(**RELATION_WORDS)
#: Function words: never content, so they neither help nor hurt coverage.
_FUNCTION_WORDS = frozenset(
    """
    a about above after again against ago al all also although am among an and another any are
    as at be been before being below between both but by can could did do does doing done down
    during each either el else ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just last least less
    many may me might more most much must my myself neither no nor not now of off often on once
    one only onto or other others our ours ourselves out over own per quite rather same several
    she should since so some still such than that the their theirs them themselves then there
    these they this those though through thus to too toward towards under until up upon us very
    via was we were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself
    reportedly allegedly apparently presumably purportedly supposedly
    """.split()
)
#: A quoted word is distinctive below this Zipf frequency (wordfreq): rarer than the top few
#: hundred English words ("going", "state", "make", "not" are not distinctive; "liberated",
#: "totally", "truth" are). A shared quote needs two distinctive words, so that commonplace
#: runs ("I'm not going to", "State of the Union") do not link claims.
_DISTINCTIVE_ZIPF = 5.5
_QUOTE_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’"}
_QUOTE_OPEN_AFTER = frozenset(" \t\n([{—–-:;,")
#: A word in lower case (two letters or more): what a name or a heading alone lacks.
_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}")
_QUOTE_CHARS = re.compile('["“”«»„‘’]')
#: The verbs of a clause, without a tagger: a word after an auxiliary (adverbs skipped), a word
#: in -ed not joined by a hyphen ("internationally-recognized" describes a noun) nor after a
#: determiner ("the armed forces"), and common irregular past forms. Reporting verbs ("said")
#: are left out: they say who speaks, not what is claimed.
_AUXILIARY = (
    r"is|are|was|were|be|been|being|has|have|had|will|would|can|could|shall|should|may|might|"
    r"must|do|does|did"
)
_VERB_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:{_AUXILIARY})(?:\s+(?:not|never|also|already|just|now|been|being|"
    rf"[^\W\d_]+ly))*\s+(?P<after>[^\W\d_]+)|(?P<past>[^\W\d_]{{3,}}ed|took|taken|won|lost|"
    r"fell|fallen|led|began|begun|fought|held|left|made|met|sent|struck|went|gone|hit|shot|"
    r"came|became|brought|built|bought|caught|fled|gave|given|kept|overran|ran|rose|risen|sold|"
    r"stood|spent|withdrew|broke|broken|seen|saw|drove|threw|thrown))(?![\w'’-])",
    re.IGNORECASE,
)
_NOT_VERBS = frozenset(
    "said say says saying told tell tells added stated claimed hundred need speed seed feed bed "
    "red bred shed".split()
)
#: A present tense after its subject ("Turkey supports", "those who back"), for telling a
#: statement from a phrase; a noun after a possessive ("Egypt's forces") passes too.
_PRESENT_RE = re.compile(
    r"\b(?P<subject>who|which|that|he|she|it|they|[A-Z][\w'’-]*)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
_PLURAL_SUBJECTS = frozenset("who which that they".split())
_DETERMINERS = frozenset("a an the his her its their our your my this that these those".split())
#: A clause that opens with one of these describes a noun or names a source ("according to new
#: figures"); it is not a claim of its own.
_RELATIVE = frozenset("which who whom whose where that according".split())


@dataclass(frozen=True)
class RelationTable:
    """Per distinct text: content terms, actors and quotes, for :func:`pair_relations`."""

    terms: sp.csr_matrix  # texts x terms, 1 where the text has the term
    weighted: sp.csr_matrix  # the same, each term weighted by its idf among the texts
    mass: np.ndarray  # per text: summed weight of its distinct content terms
    n_terms: np.ndarray  # per text: number of distinct content terms
    worded: np.ndarray  # per text: has a content word in lower case (not only names)
    actors: list[frozenset[str]]
    quotes: list[tuple[tuple[str, ...], ...]]  # per text: the words of each quoted passage
    quote_grams: list[frozenset[tuple[str, ...]]]  # quoted word runs of min_quote_words
    quote_content: list[frozenset[str]]  # quoted words that are not function words
    min_quote_words: int
    sequence: np.ndarray  # content term ids of all texts in text order (a term may repeat)
    sequence_text: np.ndarray  # the text of each entry of ``sequence``
    clauses: sp.csr_matrix  # clauses (of texts with two or more) x terms, weighted by idf
    clause_verbs: sp.csr_matrix  # clauses x terms, 1 for the terms of the clause's verbs
    clause_numbers: sp.csr_matrix  # clauses x terms, 1 for the clause's numbers
    clause_mass: np.ndarray  # per clause: summed weight of its distinct content terms
    clause_worded: np.ndarray  # per clause: has a content word in lower case
    clause_ptr: np.ndarray  # the clauses of text t are rows clause_ptr[t]:clause_ptr[t + 1]
    clause_text: list[str]
    texts: Sequence[str]


@functools.lru_cache(maxsize=1)
def gazetteer_index() -> ActorIndex:
    """The shipped well-known aliases and demonyms (``UAE``, ``Turkish``) as an index.

    Examples
    --------
    >>> ("United Arab Emirates", "UAE") in gazetteer_index().pairs
    True
    """
    return ActorIndex(tuple((e.actor, e.alias) for e in gazetteer_entries()))


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Snowball stem -> the term of its class, from the shipped ``data/word_classes.csv``.

    Examples
    --------
    >>> classes = word_classes()
    >>> classes["seiz"] == classes["taken"] == "~seize", classes["fighter"]
    (True, '~armed men')
    """
    out: dict[str, str] = {}
    for row in data_rows("word_classes.csv"):
        for word in row["words"].split("|"):
            out[stem(word.strip().lower())] = "~" + row["class"]
    return out


@functools.lru_cache(maxsize=1 << 16)
def _distinctive(word: str) -> bool:
    if any(c.isdigit() for c in word):
        return True
    return bool(wordfreq.zipf_frequency(word, "en") < _DISTINCTIVE_ZIPF)


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


class _AliasMatcher:
    """Finds actor aliases in a token list: longest alias first, acronyms case-sensitively."""

    def __init__(self, index: ActorIndex) -> None:
        self.aliases: dict[tuple[str, ...], tuple[str, tuple[str, ...] | None]] = {}
        longest = 0
        for actor, alias in index.pairs:
            raw = tuple(_tokens(alias))
            if not raw:
                continue
            key = tuple(t.lower() for t in raw)
            acronym = any(c.isalpha() for c in alias) and all(
                not c.isalpha() or c.isupper() for c in alias
            )
            # An acronym (UN, U.S.) must match as written; "un" or "us" are other words.
            self.aliases.setdefault(key, (actor, raw if acronym else None))
            longest = max(longest, len(key))
        self.first = frozenset(k[0] for k in self.aliases)
        self.longest = longest

    def terms(self, raw: list[str], lower: list[str]) -> tuple[list[str], set[str]]:
        """Lower-cased tokens with each alias replaced by ``@actor``, and the actors found."""
        out: list[str] = []
        found: set[str] = set()
        i, n = 0, len(raw)
        while i < n:
            if lower[i] in self.first:
                for size in range(min(self.longest, n - i), 0, -1):
                    hit = self.aliases.get(tuple(lower[i : i + size]))
                    if hit is not None and (hit[1] is None or tuple(raw[i : i + size]) == hit[1]):
                        out.append("@" + hit[0])
                        found.add(hit[0])
                        i += size
                        break
                else:
                    out.append(lower[i])
                    i += 1
            else:
                out.append(lower[i])
                i += 1
        return out, found


def quotes(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the quoted passages of ``text``, quote marks excluded.

    Curly quotes, guillemets and straight double quotes pair up in order; a straight quote
    opens when it follows a space, a bracket or a dash and closes otherwise. A quote left open
    runs to the end of the text and one closed without an opening starts at its beginning: a
    claim may hold one sentence of a longer quotation.

    Examples
    --------
    >>> text = 'He said Sirte "has been totally liberated." « Our duty is coordination.'
    >>> [text[s:e] for s, e in quotes(text)]
    ['has been totally liberated.', ' Our duty is coordination.']
    """
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for match in _QUOTE_CHARS.finditer(text):
        k, ch = match.start(), match.group()
        if ch == '"':
            if opened is not None and opened[1] == '"':
                spans.append((opened[0], k))
                opened = None
            elif opened is None and (k == 0 or text[k - 1] in _QUOTE_OPEN_AFTER):
                opened = (k + 1, '"')
            elif opened is None and not spans:
                spans.append((0, k))
        elif ch in _QUOTE_CLOSE and (ch != "‘" or k == 0 or text[k - 1] in _QUOTE_OPEN_AFTER):
            if opened is None:
                opened = (k + 1, _QUOTE_CLOSE[ch])
        elif ch in "”»’":
            if opened is not None and opened[1] == ch:
                spans.append((opened[0], k))
                opened = None
            elif opened is None and ch != "’" and not spans:
                spans.append((0, k))
    if opened is not None:
        spans.append((opened[0], len(text)))
    return [(s, e) for s, e in spans if e > s]


def _quote_words(text: str) -> tuple[tuple[str, ...], ...]:
    found = []
    for start, end in quotes(text):
        words = tuple(t.lower().replace("’", "'") for t in _tokens(text[start:end]))
        if words:
            found.append(words)
    return tuple(found)


def _encode(
    texts: Sequence[str], matcher: _AliasMatcher
) -> tuple[list[list[str]], list[frozenset[str]]]:
    """Lower-cased tokens of each text with actor aliases as ``@actor``, and its actors."""
    tokens: list[list[str]] = []
    found: list[frozenset[str]] = []
    none: frozenset[str] = frozenset()
    for text in texts:
        lower = _TOKEN_RE.findall(text.lower())
        if matcher.first.isdisjoint(lower):
            found.append(none)
        else:
            raw = _TOKEN_RE.findall(text)
            if len(raw) != len(lower):  # lower() changed a token boundary (rare letters)
                lower = [t.lower() for t in raw]
            lower, names = matcher.terms(raw, lower)
            found.append(frozenset(names))
        tokens.append(lower)
    return tokens, found


def _clauses(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The clauses of the texts that have two or more, and where each text's clauses start."""
    out: list[str] = []
    ptr = [0]
    for text in texts:
        spans = clause_spans(text)
        if len(spans) > 1:
            out.extend(text[s:e] for s, e in spans)
        ptr.append(len(out))
    return out, np.asarray(ptr, dtype=np.int64)


def _word_before(text: str, pos: int) -> str:
    """The whitespace-delimited word that ends before the spaces at ``text[:pos]``."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _verb_words(text: str) -> list[str]:
    """The verbs of ``text``, lower-cased (see ``_VERB_RE``)."""
    out = []
    for m in _VERB_RE.finditer(text):
        word = (m.group("after") or m.group("past")).lower()
        if m.group("past") and _word_before(text, m.start()).lower() in _DETERMINERS:
            continue
        if word not in _NOT_VERBS and word not in _FUNCTION_WORDS:
            out.append(word)
    return out


def _verbs(clause: str) -> list[str]:
    """The verbs of a clause; none for a relative clause."""
    first = _TOKEN_RE.match(clause)
    if first is None or first.group().lower() in _RELATIVE:
        return []
    return _verb_words(clause)


@functools.lru_cache(maxsize=1 << 14)
def states_something(text: str) -> bool:
    """Whether a text has a verb (``_VERB_RE``, or a present tense after its subject,
    ``_PRESENT_RE``): it states something; it is not a name or a phrase ("the presidency of
    Donald Trump").

    Examples
    --------
    >>> states_something("Haftar took Sirte."), states_something("the presidency of Donald Trump")
    (True, False)
    """
    if _verb_words(text):
        return True
    for m in _PRESENT_RE.finditer(text):
        word, subject = m.group("verb"), m.group("subject").lower()
        if word in _FUNCTION_WORDS or word in _NOT_VERBS:
            continue
        if word.endswith("s") or subject in _PLURAL_SUBJECTS:
            return True
    return False


def _worded(texts: Sequence[str]) -> np.ndarray:
    return np.fromiter(
        (any(w not in _FUNCTION_WORDS for w in _LOWER_WORD_RE.findall(t)) for t in texts),
        dtype=bool,
        count=len(texts),
    )


def relation_table(
    texts: Sequence[str],
    *,
    actors: ActorIndex,
    min_quote_words: int,
    mentions: Sequence[Sequence[str]] | None = None,
) -> RelationTable:
    """Content terms (aliases merged, word classes joined), actors, clauses and quotes of each
    text; ``mentions`` adds, per text, actors it refers to without naming them.

    Examples
    --------
    >>> tab = relation_table(
    ...     ["Haftar is backed by the UAE.", "The United Arab Emirates back Haftar."],
    ...     actors=gazetteer_index(),
    ...     min_quote_words=4,
    ... )
    >>> tab.n_terms.tolist(), sorted(tab.actors[1])
    ([3, 3], ['United Arab Emirates'])
    """
    matcher = _AliasMatcher(actors)
    tokens, found_actors = _encode(texts, matcher)
    if mentions is not None:
        extra, extra_actors = _encode(["; ".join(m) for m in mentions], matcher)
        found_actors = [a | b for a, b in zip(found_actors, extra_actors, strict=True)]
    else:
        extra = [[] for _ in texts]
    terms = _Terms(tokens, extra)
    weights = np.log((1.0 + len(texts)) / (1.0 + terms.df)) + 1.0
    quoted = [_quote_words(t) if _QUOTE_CHARS.search(t) else () for t in texts]
    clause_texts, clause_ptr = _clauses(texts)
    clauses, clause_verbs, clause_numbers = terms.clause_matrices(
        clause_texts, _encode(clause_texts, matcher)[0]
    )
    return RelationTable(
        terms=terms.matrix,
        weighted=(terms.matrix @ sp.diags(weights)).tocsr(),
        mass=np.asarray(terms.matrix @ weights).ravel(),
        n_terms=np.diff(terms.matrix.indptr),
        worded=_worded(texts),
        sequence=terms.sequence,
        sequence_text=terms.sequence_text,
        actors=found_actors,
        quotes=quoted,
        quote_grams=[_grams(q, min_quote_words) for q in quoted],
        quote_content=[frozenset(w for x in q for w in x if _distinctive(w)) for q in quoted],
        min_quote_words=min_quote_words,
        clauses=(clauses @ sp.diags(weights)).tocsr(),
        clause_verbs=clause_verbs,
        clause_numbers=clause_numbers,
        clause_mass=np.asarray(clauses @ weights).ravel(),
        clause_worded=_worded(clause_texts),
        clause_ptr=clause_ptr,
        clause_text=clause_texts,
        texts=texts,
    )


class _Terms:
    """The content terms of encoded texts (see :func:`_encode`): each distinct word once, function
    words left out, the rest stems or numbers, the words of one class one term.

    ``tokens`` are each text's own words, ``extra`` the actors it refers to without naming them:
    both count as its terms, only its own words in its ``sequence``.
    """

    def __init__(self, tokens: list[list[str]], extra: list[list[str]]) -> None:
        n = len(tokens)
        self.vocab: dict[str, int] = {}
        vocab = self.vocab
        words: list[int] = []
        lengths: list[int] = []
        in_sequence: list[bool] = []
        for own, added in zip(tokens, extra, strict=True):
            words.extend([vocab.setdefault(t, len(vocab)) for t in own])
            words.extend([vocab.setdefault(t, len(vocab)) for t in added])
            lengths.append(len(own) + len(added))
            in_sequence.extend([True] * len(own) + [False] * len(added))
        self.word_term, self.is_number = _word_terms(vocab)
        self.n_cols = len(self.is_number)
        row_arr = np.repeat(np.arange(n, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
        term_arr = self.word_term[np.asarray(words, dtype=np.int64)] if words else row_arr
        keep = term_arr >= 0
        #: texts x terms, 1 where the text has the term
        self.matrix = _incidence(row_arr[keep], term_arr[keep], (n, self.n_cols))
        self.df = np.diff(self.matrix.tocsc().indptr)
        sequence_keep = keep & np.asarray(in_sequence, dtype=bool) if words else keep
        self.sequence = term_arr[sequence_keep]
        self.sequence_text = row_arr[sequence_keep]

    def clause_matrices(
        self, clause_texts: list[str], clause_tokens: list[list[str]]
    ) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """Clauses x terms, 1 for each clause's terms, its verbs' terms and its numbers.

        Clauses use the texts' terms (a clause has no word its text lacks).
        """
        n_clauses = len(clause_texts)
        c_rows = np.repeat(
            np.arange(n_clauses, dtype=np.int64),
            np.fromiter((len(t) for t in clause_tokens), dtype=np.int64, count=n_clauses),
        )
        vocab, word_term = self.vocab, self.word_term
        c_terms = np.fromiter(
            (word_term[vocab[t]] if t in vocab else -1 for c in clause_tokens for t in c),
            dtype=np.int64,
            count=len(c_rows),
        )
        c_keep = c_terms >= 0
        shape = (n_clauses, self.n_cols)
        clauses = _incidence(c_rows[c_keep], c_terms[c_keep], shape)
        c_number = c_keep.copy()
        c_number[c_keep] = self.is_number[c_terms[c_keep]]
        v_rows: list[int] = []
        v_terms: list[int] = []
        for k, clause in enumerate(clause_texts):
            for verb in _verbs(clause):
                verb_term = int(word_term[vocab[verb]]) if verb in vocab else -1
                if verb_term >= 0:
                    v_rows.append(k)
                    v_terms.append(verb_term)
        verbs = _incidence(
            np.asarray(v_rows, dtype=np.int64), np.asarray(v_terms, dtype=np.int64), shape
        )
        return clauses, verbs, _incidence(c_rows[c_number], c_terms[c_number], shape)


def _word_terms(vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """The term id of each word of ``vocab`` (-1 for a function word), and which terms are
    numbers."""
    classes = word_classes()
    term_ids: dict[str, int] = {}
    word_term = np.full(max(len(vocab), 1), -1, dtype=np.int64)
    for word, k in vocab.items():
        if word[0] == "@":
            term = word
        elif word in _FUNCTION_WORDS or (len(word) < 2 and not word.isdigit()):
            continue
        elif word[0].isdigit():
            term = word.replace(",", "")
        else:
            term = stem(word)
            term = classes.get(term, term)
        word_term[k] = term_ids.setdefault(term, len(term_ids))
    is_number = np.zeros(max(len(term_ids), 1), dtype=bool)
    is_number[[k for term, k in term_ids.items() if term[0].isdigit()]] = True
    return word_term, is_number


def _incidence(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A 0/1 matrix with a 1 at each ``(rows[k], cols[k])``."""
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def shared_actors(tab: RelationTable, ia: np.ndarray, ib: np.ndarray) -> list[str]:
    """The actors both texts of each pair name, ``"; "``-joined (empty when none).

    Examples
    --------
    >>> texts = ["Haftar is backed by Egypt and the UAE.", "Egypt and the Emiratis back him."]
    >>> tab = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    >>> shared_actors(tab, [0], [1])
    ['Egypt; United Arab Emirates']
    """
    return [
        "; ".join(sorted(tab.actors[x] & tab.actors[y]))
        for x, y in zip(np.asarray(ia).tolist(), np.asarray(ib).tolist(), strict=True)
    ]


def _grams(quoted: tuple[tuple[str, ...], ...], size: int) -> frozenset[tuple[str, ...]]:
    """Runs of ``size`` quoted words with a distinctive word (every shared quote has one)."""
    grams: set[tuple[str, ...]] = set()
    for words in quoted:
        content = [0] + [_distinctive(w) for w in words]
        total = list(itertools.accumulate(content))
        grams.update(
            words[k : k + size] for k in range(len(words) - size + 1) if total[k + size] > total[k]
        )
    return frozenset(grams)


def _shared_quote(tab: RelationTable, x: int, y: int) -> str:
    """The longest run of words quoted in both texts, or the shorter whole quote when RapidFuzz
    ``partial_ratio`` finds it in a quote of the other at 90 or more (a spelling variant).

    The run must have ``min_quote_words`` words, two different ones distinctive, and be at
    least half of the shorter quote or twice ``min_quote_words`` long; else the result is
    empty.
    """
    size = tab.min_quote_words
    exact = bool(tab.quote_grams[x] & tab.quote_grams[y])
    if not exact and len(tab.quote_content[x] & tab.quote_content[y]) < 2:
        return ""
    best: tuple[str, ...] = ()
    for qa in tab.quotes[x]:
        for qb in tab.quotes[y]:
            short, long = (qa, qb) if (len(qa), qa) <= (len(qb), qb) else (qb, qa)
            if len(short) < size:
                continue
            if exact:
                match = SequenceMatcher(None, short, long, autojunk=False).find_longest_match()
                run = short[match.a : match.a + match.size]
            elif fuzz.partial_ratio(" ".join(short), " ".join(long), score_cutoff=90):
                run = short
            else:
                continue
            # Most of one quote, or a long passage: a name quoted inside a longer quote
            # ("the President of the United States") is not the same quotation.
            enough = 2 * len(run) >= len(short) or len(run) >= 2 * size
            content = len({w for w in run if _distinctive(w)})
            if len(run) >= size and enough and content >= 2 and (len(run), run) > (len(best), best):
                best = run
    return " ".join(best)


def pair_relations(
    tab: RelationTable,
    ia: np.ndarray | Sequence[int],
    ib: np.ndarray | Sequence[int],
    *,
    min_coverage: float,
    min_terms: int,
) -> pd.DataFrame:
    """Relations of the pairs of table rows ``(ia[k], ib[k])``.

    Columns: ``coverage_a`` (share of a's weighted content found in b), ``coverage_b``,
    ``contained`` (``"a"`` when a is contained in b, ``"b"`` for the reverse, else empty),
    ``mutual`` (each is contained in the other: they restate each other, a paraphrase rather
    than a containment), ``shared_quote`` (the shared quoted words, or empty) and
    ``shared_clause`` (when neither text is contained in the other: the clause of one that is
    contained in the other, by the same rule with ``min_terms + 2`` shared terms, one of its
    verbs and all its numbers, the best covered first; or empty).

    A text is contained in the other when they share at least ``min_terms`` content terms,
    at least ``min_coverage`` of its weighted content is found in the other, it has a
    content word in lower case (a run of capitalised names, "The Food and Drug
    Administration", "From The New York Times:", is a name or a heading) and a verb (a phrase,
    "the presidency of Donald Trump", states nothing: a hundred sentences contain it).

    Examples
    --------
    >>> texts = [
    ...     "Haftar is backed by Egypt and the UAE.",
    ...     "Egypt, the United Arab Emirates and Russia are backing Haftar, while Turkey "
    ...     "supports the GNA.",
    ... ]
    >>> tab = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    >>> found = pair_relations(tab, [0], [1], min_coverage=0.8, min_terms=3)
    >>> float(found.coverage_a[0]), found.contained[0], round(float(found.coverage_b[0]), 2)
    (1.0, 'a', 0.49)
    """
    ia, ib = np.asarray(ia, dtype=np.int64), np.asarray(ib, dtype=np.int64)
    both = tab.weighted[ia].multiply(tab.terms[ib]).tocsr()
    shared = np.asarray(both.sum(axis=1)).ravel()
    n_shared = np.diff(both.indptr)
    del both
    mass_a, mass_b = tab.mass[ia], tab.mass[ib]
    cov_a = np.divide(shared, mass_a, out=np.zeros(len(ia)), where=mass_a > 0)
    cov_b = np.divide(shared, mass_b, out=np.zeros(len(ia)), where=mass_b > 0)
    enough = n_shared >= min_terms
    a_in = _stating(tab, ia, enough & (cov_a >= min_coverage) & tab.worded[ia])
    b_in = _stating(tab, ib, enough & (cov_b >= min_coverage) & tab.worded[ib])
    mutual = a_in & b_in
    contained = np.where(a_in & ~b_in, "a", np.where(b_in & ~a_in, "b", ""))
    quote = np.full(len(ia), "", dtype=object)
    has_quote = np.fromiter(
        (len(c) >= 2 for c in tab.quote_content), dtype=bool, count=len(tab.quotes)
    )
    for k in np.flatnonzero(has_quote[ia] & has_quote[ib]).tolist():
        quote[k] = _shared_quote(tab, int(ia[k]), int(ib[k]))
    clause = _shared_clause(
        tab, ia, ib, np.flatnonzero(~(a_in | b_in)), min_coverage=min_coverage, min_terms=min_terms
    )
    return pd.DataFrame(
        {
            "coverage_a": cov_a,
            "coverage_b": cov_b,
            "contained": contained,
            "mutual": mutual,
            "shared_quote": quote,
            "shared_clause": clause,
        }
    )


def _stating(tab: RelationTable, rows: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``mask``, kept only where the text of ``rows`` has a verb (checked only there)."""
    out = mask.copy()
    for k in np.flatnonzero(mask).tolist():
        out[k] = states_something(tab.texts[int(rows[k])])
    return out


def _shared_clause(
    tab: RelationTable,
    ia: np.ndarray,
    ib: np.ndarray,
    todo: np.ndarray,
    *,
    min_coverage: float,
    min_terms: int,
) -> np.ndarray:
    """For the pairs ``todo``: the best covered clause of one text contained in the other."""
    out = np.full(len(ia), "", dtype=object)
    best = np.zeros(len(ia))
    ptr = tab.clause_ptr
    for own, other in ((ia, ib), (ib, ia)):
        first, count = ptr[own[todo]], ptr[own[todo] + 1] - ptr[own[todo]]
        if not count.sum():
            continue
        pair = np.repeat(todo, count)
        rows = np.repeat(first - np.r_[0, np.cumsum(count)[:-1]], count) + np.arange(count.sum())
        found = tab.terms[other[pair]]
        both = tab.clauses[rows].multiply(found).tocsr()
        shared = np.asarray(both.sum(axis=1)).ravel()
        mass = tab.clause_mass[rows]
        cover = np.divide(shared, mass, out=np.zeros(len(rows)), where=mass > 0)
        ok = (np.diff(both.indptr) > min_terms + 1) & (cover >= min_coverage)
        # One of the clause's verbs is there too: the same thing done, not only the same names;
        # and every number of the clause ("ended down 128 points" is not "gained 64 points").
        done = tab.clause_verbs[rows].multiply(found).getnnz(axis=1) > 0
        numbers = tab.clause_numbers[rows]
        same_numbers = numbers.getnnz(axis=1) == numbers.multiply(found).getnnz(axis=1)
        ok &= tab.clause_worded[rows] & done & same_numbers
        for k in np.flatnonzero(ok).tolist():
            p = int(pair[k])
            if (cover[k], tab.clause_text[rows[k]]) > (best[p], out[p]):
                best[p], out[p] = cover[k], tab.clause_text[rows[k]]
    return out
