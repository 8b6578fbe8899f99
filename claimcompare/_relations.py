"""Relations between two claims that one similarity score misses: containment and shared quotes.

Used by :mod:`claimcompare.align` to explain, and to add, aligned pairs:

- **coverage**: the share of a claim's content (its distinct content terms, each weighted by its
  inverse document frequency among the claims being aligned) that the other claim also has.
  Content terms are lower-cased, stemmed words (Snowball) without function words, and every
  mention of an actor counts as one term whatever alias it uses (``UAE`` and ``United Arab
  Emirates``, ``Turkish`` and ``Turkey``; see :class:`~claimcompare.actors.ActorIndex`).
  A claim is **contained** in a longer one when most of its content is found there: one clause
  of the longer claim states the shorter claim (``Haftar is backed by Egypt and the UAE`` in
  ``..., with Egypt, the UAE and Russia backing Haftar, while Turkey and Qatar support the GNA``);
- **shared quote**: both claims quote the same words, a run of at least a few words (and at
  least half of the shorter quote, or twice as long) of which at least two are *distinctive*,
  rarer in English than Zipf frequency 5.5 (wordfreq), so that commonplace runs ("I'm not
  going to", "State of the Union") or a name inside a long quote ("the President of the
  United States") link nothing; RapidFuzz ``partial_ratio`` lets a short quote match inside
  a longer one despite a spelling variant;
- **shared clause**: one clause of a claim (see :func:`~claimcompare.facts.clause_spans`) is
  contained in the other claim, though neither claim is contained in the other: two compound
  claims that state one thing in common ("militia members ... have reportedly seized control of
  the coastal city of Sirte, as Turkey has started deploying troops ..." and "fighters loyal to
  rogue general Khalifa Haftar have taken the city of Sirte, a former Islamic State group
  stronghold ..."). The clause needs two shared content terms more than a containment, so that
  a short aside ("the official said on Sunday") links nothing; every number of it and one of
  its verbs (found without a tagger: a word after an auxiliary, a past form) must be in the
  other claim: the same thing done, not only the same names ("Haftar urged his self-proclaimed
  Libyan National Army" is not in "the media office of Haftar's self-proclaimed Libyan National
  Army announced"; "ended down 128 points" is not in "ended ..., gaining 64.64 points"). A
  relative clause ("which is controlled by ...") describes a noun and "according to ..." names a
  source: neither is ever shared;
- **shared actors**: the actors both claims name, aliases merged.

Words that news uses for one thing ("seized" / "taken", "militia" / "fighters", "loyal to" /
"under the command of") count as one content term: a small hand-written list,
``data/word_classes.csv``. The actors a claim's loaded labels point at (from
:func:`~claimcompare.terms.find_loaded_terms`, passed as ``mentions``) count as mentions of
those actors: "a renegade general" that points at Khalifa Haftar names him.

Everything is computed once per distinct text and then per pair with sparse row products, so a
million candidate pairs cost a few seconds.
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

from ._common.data import data_rows
from ._common.text import stem
from .actors import ActorIndex, gazetteer_entries
from .facts.clauses import clause_spans

__all__: list[str] = []

#: Words, numbers (with inner separators) and the letters of acronyms; a possessive 's is cut
#: off (and, one letter long, never counts as content).
_TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
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
    """The shipped well-known aliases and demonyms (``UAE``, ``Turkish``) as an index."""
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


@functools.lru_cache(maxsize=65536)
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
def _states(text: str) -> bool:
    """Whether a text has a verb (``_VERB_RE``, or a present tense after its subject,
    ``_PRESENT_RE``): it states something; it is not a name or a phrase ("the presidency of
    Donald Trump")."""
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
    text; ``mentions`` adds, per text, actors it refers to without naming them."""
    matcher = _AliasMatcher(actors)
    n = len(texts)
    tokens, found_actors = _encode(texts, matcher)
    if mentions is not None:
        extra, extra_actors = _encode(["; ".join(m) for m in mentions], matcher)
        found_actors = [a | b for a, b in zip(found_actors, extra_actors, strict=True)]
    else:
        extra = [[] for _ in range(n)]
    clause_texts, clause_ptr = _clauses(texts)
    clause_tokens, _ = _encode(clause_texts, matcher)
    vocab: dict[str, int] = {}
    words: list[int] = []
    lengths: list[int] = []
    in_sequence: list[bool] = []
    for own, added in zip(tokens, extra, strict=True):
        words.extend([vocab.setdefault(t, len(vocab)) for t in own])
        words.extend([vocab.setdefault(t, len(vocab)) for t in added])
        lengths.append(len(own) + len(added))
        in_sequence.extend([True] * len(own) + [False] * len(added))
    # Each distinct word once: function words go (-1), the rest become stems or numbers, and
    # words of one class one term.
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
    row_arr = np.repeat(np.arange(n, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
    term_arr = word_term[np.asarray(words, dtype=np.int64)] if words else row_arr
    keep = term_arr >= 0
    n_cols = max(len(term_ids), 1)
    matrix = _incidence(row_arr[keep], term_arr[keep], (n, n_cols))
    df = np.diff(matrix.tocsc().indptr)
    quoted = [_quote_words(t) if _QUOTE_CHARS.search(t) else () for t in texts]
    weights = np.log((1.0 + n) / (1.0 + df)) + 1.0
    # Clauses use the texts' terms and weights (a clause has no word its text lacks).
    c_rows = np.repeat(
        np.arange(len(clause_tokens), dtype=np.int64),
        np.fromiter((len(t) for t in clause_tokens), dtype=np.int64, count=len(clause_tokens)),
    )
    c_terms = np.fromiter(
        (word_term[vocab[t]] if t in vocab else -1 for c in clause_tokens for t in c),
        dtype=np.int64,
        count=len(c_rows),
    )
    c_keep = c_terms >= 0
    clauses = _incidence(c_rows[c_keep], c_terms[c_keep], (len(clause_texts), n_cols))
    is_number = np.zeros(n_cols, dtype=bool)
    is_number[[k for term, k in term_ids.items() if term[0].isdigit()]] = True
    c_number = c_keep.copy()
    c_number[c_keep] = is_number[c_terms[c_keep]]
    v_rows: list[int] = []
    v_terms: list[int] = []
    for k, clause in enumerate(clause_texts):
        for verb in _verbs(clause):
            verb_term = int(word_term[vocab[verb]]) if verb in vocab else -1
            if verb_term >= 0:
                v_rows.append(k)
                v_terms.append(verb_term)
    verbs = _incidence(
        np.asarray(v_rows, dtype=np.int64), np.asarray(v_terms, dtype=np.int64), clauses.shape
    )
    sequence_keep = keep & np.asarray(in_sequence, dtype=bool) if words else keep
    return RelationTable(
        terms=matrix,
        weighted=(matrix @ sp.diags(weights)).tocsr(),
        mass=np.asarray(matrix @ weights).ravel(),
        n_terms=np.diff(matrix.indptr),
        worded=_worded(texts),
        sequence=term_arr[sequence_keep],
        sequence_text=row_arr[sequence_keep],
        actors=found_actors,
        quotes=quoted,
        quote_grams=[_grams(q, min_quote_words) for q in quoted],
        quote_content=[frozenset(w for x in q for w in x if _distinctive(w)) for q in quoted],
        min_quote_words=min_quote_words,
        clauses=(clauses @ sp.diags(weights)).tocsr(),
        clause_verbs=verbs,
        clause_numbers=_incidence(c_rows[c_number], c_terms[c_number], clauses.shape),
        clause_mass=np.asarray(clauses @ weights).ravel(),
        clause_worded=_worded(clause_texts),
        clause_ptr=clause_ptr,
        clause_text=clause_texts,
        texts=texts,
    )


def _incidence(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A 0/1 matrix with a 1 at each ``(rows[k], cols[k])``."""
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def tfidf(tab: RelationTable) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of content terms and of pairs of consecutive content terms.

    Like scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)``, but on
    stems with actor aliases merged, so ``backed by the United Arab Emirates`` meets ``the UAE
    backing``.
    """
    n, n_terms = tab.terms.shape
    seq, text = tab.sequence, tab.sequence_text
    follow = np.flatnonzero(text[1:] == text[:-1]) if len(seq) else np.zeros(0, dtype=np.int64)
    codes = seq[follow] * n_terms + seq[follow + 1]
    bigrams, bigram_ids = np.unique(codes, return_inverse=True)
    rows = np.r_[text, text[follow]]
    cols = np.r_[seq, n_terms + bigram_ids.ravel()]
    counts = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n_terms + len(bigrams))
    )
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr)).astype(
        np.float32
    )
    return counts


def shared_actors(tab: RelationTable, ia: np.ndarray, ib: np.ndarray) -> list[str]:
    """The actors both texts of each pair name, ``"; "``-joined (empty when none)."""
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
        out[k] = _states(tab.texts[int(rows[k])])
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
