"""Paragraph, sentence and quotation spans with half-open offsets into a text.

Sentences come from NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` parameterised here
with news abbreviations (no downloadable model), then corrected for initials and for quotes that
end in ``?``/``!`` followed by their attribution ("“Why?” he asked.").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = [
    "Quote",
    "ends_abbreviation",
    "paragraph_quotes",
    "paragraph_spans",
    "sentence_spans",
    "trim",
]

_ABBREVIATIONS = (
    # titles and ranks
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr brig rev sen rep gov pres amb sec "
    "st fr hon messrs mme mlle sr jr "
    # places and organisations
    "u.s u.k u.n u.s.a e.u u.a.e n.y d.c l.a "
    # times of day
    "a.m p.m "
    # months and days
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
    # other
    "no nos vol vols fig figs approx est inc ltd co corp dept univ assn bros etc vs al cf ca"
).split()

_ABBREVIATION_SET = frozenset(_ABBREVIATIONS)

# Capitalised words that open a sentence far more often than they follow an abbreviation inside
# one: after "U.S." or "p.m." they start a new sentence ("... in the U.S. The talks failed.").
_SENTENCE_STARTERS = (
    "the an he she it they we but however meanwhile this these those his her their its there "
    "in on at after since when while officials"
).split()

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)\s*")
_LINE_BREAK = re.compile(r"(?:\r\n|\r|\n)\s*")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_QUOTE_QM_END = re.compile(r"[?!][\"”»’']+$")


_WORD_BEFORE_DOT = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]+$")


def ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` ends an abbreviation or an initial, not a sentence.

    Examples
    --------
    >>> text = "U.S. troops and Gen. Haftar's men, Khalifa B. Haftar said. Then"
    >>> [ends_abbreviation(text, i) for i, ch in enumerate(text) if ch == "."]
    [True, True, True, True, False]
    """
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group()
    return len(word) == 1 or word.lower() in _ABBREVIATION_SET


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace.

    Examples
    --------
    >>> trim("  ab  ", 0, 6)
    (2, 4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks between blank lines, or lines when the text has no blank line.

    Examples
    --------
    >>> text = "One. Two.\\n\\nThree."
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['One. Two.', 'Three.']
    """
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    spans = []
    start = 0
    for match in splitter.finditer(text):
        spans.append(trim(text, start, match.start()))
        start = match.end()
    spans.append(trim(text, start, len(text)))
    return [(s, e) for s, e in spans if s < e]


@functools.lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    params.sent_starters = set(_SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as spans into ``text``, trimmed, covering every non-space.

    Examples
    --------
    >>> text = 'Gen. Khalifa A. Haftar spoke. “Why?” he asked. The U.S. said nothing.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Khalifa A. Haftar spoke.', '“Why?” he asked.', 'The U.S. said nothing.']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    raw = [trim(text, start + s, start + e) for s, e in _tokenizer().span_tokenize(chunk)]
    raw = [(s, e) for s, e in raw if s < e]
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged:
            ps, pe = merged[-1]
            previous = text[ps:pe]
            nxt = text[s : s + 1]
            # A sentence never starts in lower case: Punkt broke after an abbreviation it does
            # not know ("7:10 a.m. on Tuesday") or after a quote's "?" or "!".
            if (_INITIAL_END.search(previous) and nxt.isupper()) or (
                nxt.islower() and (previous.endswith(".") or _QUOTE_QM_END.search(previous))
            ):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    # Punkt drops nothing, but stitch any gap holding non-space text onto the previous sentence so
    # that sentences always cover the text.
    covered: list[tuple[int, int]] = []
    cursor = start
    for s, e in merged:
        if text[cursor:s].strip():
            gs, ge = trim(text, cursor, s)
            if covered:
                covered[-1] = (covered[-1][0], ge)
            else:
                s = gs
        covered.append((s, e))
        cursor = e
    if text[cursor:end].strip():
        gs, ge = trim(text, cursor, end)
        if covered:
            covered[-1] = (covered[-1][0], ge)
        else:
            covered.append((gs, ge))
    return covered


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start, end`` hold the quoted words, ``open, close`` include the marks.

    ``open_ended`` is True for a quote still open at the end of its paragraph (a quote running on
    into the next paragraph, as news style writes them).
    """

    start: int
    end: int
    open: int
    close: int
    open_ended: bool = False


_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "‹": "›", "「": "」", "『": "』"}
_SINGLE_OPEN = {"‘": "’", "‚": "‘"}


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _pairs(text: str, start: int, end: int, single: bool) -> Iterator[tuple[int, int, bool]]:
    """Yield (open mark index, close mark index or end, open_ended) for one quote family."""
    openers = _SINGLE_OPEN if single else _DOUBLE_OPEN
    straight = "'" if single else '"'
    stack: list[tuple[int, str]] = []
    i = start
    while i < end:
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if stack:
            opened_at, closer = stack[-1]
            closes = ch == closer
            if single and closes and _is_word(after):
                closes = False  # an apostrophe inside a word: don't’s
            if ch == straight and closer == straight:
                closes = not before.isspace() and not _is_word(after)
            if closes:
                stack.pop()
                if not stack:
                    yield opened_at, i, False
                i += 1
                continue
        if ch in openers and not (single and _is_word(before)):
            stack.append((i, openers[ch]))
        elif ch == straight and not _is_word(before) and not after.isspace() and not stack:
            stack.append((i, straight))
        i += 1
    if stack:
        opened_at, closer = stack[0]
        # An unterminated curly or angle quote runs to the paragraph's end; an unterminated
        # straight or single mark is more likely an inch sign or an apostrophe, unless a straight
        # double mark opens a sentence (a quote running on into the next paragraph, news style).
        before = text[start:opened_at].rstrip()
        opens_sentence = not before or before[-1] in ".!?:"
        if closer not in ("'", '"', "’", "‘") or (closer == '"' and opens_sentence):
            yield opened_at, end, True


def paragraph_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph), outermost only, in order.

    Double quotes of every common form are read first; single quotes only outside them, and a
    ``’`` inside a word or with no opening mark is an apostrophe.

    Examples
    --------
    >>> text = "« Sirte is liberated, » he said, citing the army’s ‘victory’."
    >>> [text[q.start:q.end] for q in paragraph_quotes(text)]
    ['Sirte is liberated,', 'victory']
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    for o, c, open_ended in _pairs(text, start, end, single=False):
        s, e = trim(text, o + 1, c)
        if s < e:
            quotes.append(Quote(s, e, o, min(c + 1, end), open_ended))
    inside = [(q.open, q.close) for q in quotes]
    cursor = start
    gaps = []
    for o, c in inside:
        gaps.append((cursor, o))
        cursor = c
    gaps.append((cursor, end))
    for gs, ge in gaps:
        for o, c, open_ended in _pairs(text, gs, ge, single=True):
            if open_ended:
                continue
            s, e = trim(text, o + 1, c)
            if s < e:
                quotes.append(Quote(s, e, o, c + 1, False))
    return sorted(quotes, key=lambda q: q.open)
