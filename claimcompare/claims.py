"""Claims: the sentences of each document, with their speaker, cue, quotes and voice.

A claim is a sentence of the article (or a heading, ``kind="heading"``), located by half-open
character offsets into ``Document.text``. Each claim is split into voice spans: the outlet's own
words (``outlet``), quoted speech (``quoted``) and reported paraphrase (``attributed``). The claim's
``voice`` is the voice of what it asserts, leaving out the attribution frame ("X said"): one of
those three, or ``mixed`` when it carries more than one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ._attribution import Attribution, attribute_sentence, is_pronoun, leading_name
from ._segment import Quote, paragraph_spans, sentence_spans
from ._segment import find_quotes as _find_quotes
from .document import Corpus, Document, documents_of

__all__ = [
    "CLAIM_COLUMNS",
    "Claim",
    "VoiceSpan",
    "claims_of",
    "find_quotes",
    "split_claims",
    "voice_spans",
]

CLAIM_COLUMNS = [
    "claim_id",
    "doc_id",
    "outlet",
    "start",
    "end",
    "text",
    "paragraph",
    "sentence",
    "kind",
    "speaker",
    "cue",
    "voice",
    "speaker_start",
    "speaker_end",
    "speaker_source",
    "cue_start",
    "cue_end",
    "quotes",
    "spans",
]

_HEADING_END = re.compile(r"[.!?…:;,][\s\"'”’»)\]]*$")
_WORDS = re.compile(r"\w+")
_WRAPPING_QUOTES = "\"'“”‘’«»"
# How many claims back a pronoun ("he said") or a bare quote may look for its speaker.
_ANTECEDENT_WINDOW = 4
# Pronouns that stand for a person, and so may refer back to a claim's named subject.
_PERSONAL = frozenset({"he", "she"})
# Speaker sources whose cue stands in the claim itself (others inherit it from another claim).
_OWN_CUE = ("cue", "pronoun")
_NO_ATTRIBUTION = Attribution(None, None, None, None, None, None, ())


@dataclass(frozen=True, slots=True)
class VoiceSpan:
    """A stretch of a claim in one voice: ``outlet``, ``quoted`` or ``attributed``."""

    start: int
    end: int
    voice: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence or heading of a document; all offsets are into ``Document.text``."""

    claim_id: str
    doc_id: str
    outlet: str
    start: int
    end: int
    text: str
    paragraph: int
    sentence: int
    kind: str
    speaker: str | None
    cue: str | None
    voice: str
    speaker_start: int | None
    speaker_end: int | None
    speaker_source: str | None
    cue_start: int | None
    cue_end: int | None
    quotes: tuple[tuple[int, int], ...]
    spans: tuple[VoiceSpan, ...]


def _is_heading(text: str, start: int, end: int, title: str | None, last: bool) -> bool:
    segment = text[start:end]
    if "\n" in segment:
        return False
    bare = segment.strip(_WRAPPING_QUOTES + " ")
    if title is not None and bare == title.strip(_WRAPPING_QUOTES + " "):
        return True
    words = _WORDS.findall(segment)
    return not last and 0 < len(words) <= 20 and not _HEADING_END.search(segment)


def _voice_spans(
    start: int, end: int, quoted: list[tuple[int, int]], attributed: list[tuple[int, int]]
) -> tuple[VoiceSpan, ...]:
    """Partition ``[start, end)`` into runs of one voice; quotes win over paraphrase."""
    marks = ["outlet"] * (end - start)
    for s, e in attributed:
        for i in range(max(s, start), min(e, end)):
            marks[i - start] = "attributed"
    for s, e in quoted:
        for i in range(max(s, start), min(e, end)):
            marks[i - start] = "quoted"
    spans: list[VoiceSpan] = []
    run_start = start
    for i in range(start + 1, end + 1):
        if i == end or marks[i - start] != marks[run_start - start]:
            spans.append(VoiceSpan(run_start, i, marks[run_start - start]))
            run_start = i
    return tuple(spans)


def _frame(text: str, start: int, end: int, att: Attribution) -> list[tuple[int, int]]:
    """Stretches of a claim that only frame the attribution ("Meanwhile, X, a spokesman, said").

    The speaker and cue, what stands before the speaker, an appositive between speaker and cue,
    the words between the cue and what is said, and a short tail after a quote's cue
    ("he told reporters on Monday."): the outlet's wording, but not what the claim asserts.
    """
    if att.cue_start is None or att.cue_end is None:
        return []
    frames = [(att.cue_start, att.cue_end)]
    sp_start, sp_end = att.speaker_start, att.speaker_end
    if sp_start is not None and sp_end is not None and start <= sp_start < end:
        frames.append((sp_start, sp_end))
        if sp_end <= att.cue_start:
            gap = text[sp_end : att.cue_start]
            if gap.lstrip().startswith(",") or len(_WORDS.findall(gap)) <= 2:
                frames.append((sp_end, att.cue_start))
            frames.append((start, sp_start))
        else:
            frames.append((att.cue_end, sp_end))
    after = [c for c in att.content if c[0] >= att.cue_end]
    if after:
        frames.append((att.cue_end, after[0][0]))
    elif len(_WORDS.findall(text[att.cue_end : end])) <= 8:
        frames.append((att.cue_end, end))
    return frames


def _claim_voice(text: str, spans: tuple[VoiceSpan, ...], frames: list[tuple[int, int]]) -> str:
    """The voice of what a claim asserts: its spans' voices, leaving out the attribution frame."""
    voices = set()
    for span in spans:
        kept = range(span.start, span.end)
        if span.voice == "outlet":
            kept = [i for i in kept if not any(fs <= i < fe for fs, fe in frames)]  # type: ignore[assignment]
        if any(text[i].isalnum() for i in kept):
            voices.add(span.voice)
    if not voices:
        return "outlet"
    return voices.pop() if len(voices) == 1 else "mixed"


def claims_of(doc: Document) -> list[Claim]:
    """The claims of one document, in text order.

    Examples
    --------
    >>> doc = Document(doc_id="d", text='"Sirte is free," he said. Haftar is backed by Egypt.')
    >>> [(c.text, c.voice) for c in claims_of(doc)]
    [('"Sirte is free," he said.', 'quoted'), ('Haftar is backed by Egypt.', 'outlet')]
    """
    return list(_analyse(doc)[0])


# Claims, terms and framing all read a document's claims; a frozen Document is analysed once.
@functools.lru_cache(maxsize=4096)
def _analyse(doc: Document) -> tuple[tuple[Claim, ...], tuple[Quote, ...]]:
    text = doc.text
    paragraphs = paragraph_spans(text)
    units: list[tuple[int, int, int, str]] = []  # start, end, paragraph, kind
    quotes: list[Quote] = []
    for p, (ps, pe) in enumerate(paragraphs):
        if _is_heading(text, ps, pe, doc.title, last=p == len(paragraphs) - 1):
            units.append((ps, pe, p, "heading"))
            segment = text[ps:pe]
            wrapped = segment[0] in _WRAPPING_QUOTES and segment[-1] in _WRAPPING_QUOTES
            if not wrapped:  # a headline wrapped in quotes is the outlet's own headline
                quotes.extend(_find_quotes(text, ps, pe))
            continue
        quotes.extend(_find_quotes(text, ps, pe))
        units.extend((s, e, p, "claim") for s, e in sentence_spans(text, ps, pe))

    attributions: list[Attribution] = []
    sources: list[str | None] = []
    for s, e, _, _ in units:
        overlapping = [q for q in quotes if q.open < e and q.close > s]
        found = attribute_sentence(text, s, e, overlapping)
        attributions.append(found)
        sources.append("cue" if found.cue else None)

    # A quote spanning several sentences belongs to the speaker named in any one of them.
    quote_speaker: dict[Quote, int] = {}
    for i, (s, e, _, _) in enumerate(units):
        if attributions[i].cue:
            for q in quotes:
                if q.open < e and q.close > s:
                    quote_speaker.setdefault(q, i)

    resolved: list[tuple[str | None, int | None, int | None]] = []
    for i, (s, e, _, kind) in enumerate(units):
        att = attributions[i]
        speaker, sp_start, sp_end = att.speaker, att.speaker_start, att.speaker_end
        if att.cue is None and kind == "claim":
            inside = [q for q in quotes if q.open < e and q.close > s]
            owner = next((quote_speaker[q] for q in inside if q in quote_speaker), None)
            if owner is not None and owner != i:
                attributions[i] = Attribution(
                    attributions[owner].cue,
                    attributions[owner].cue_start,
                    attributions[owner].cue_end,
                    None,
                    None,
                    None,
                    (),
                )
                if owner < i:
                    speaker, sp_start, sp_end = resolved[owner]
                else:
                    speaker = attributions[owner].speaker
                    sp_start = attributions[owner].speaker_start
                    sp_end = attributions[owner].speaker_end
                sources[i] = "quote"
            elif inside and _mostly_quoted(text, s, e, inside):
                for j in range(i - 1, max(-1, i - 1 - _ANTECEDENT_WINDOW), -1):
                    if resolved[j][0] is not None:
                        speaker, sp_start, sp_end = resolved[j]
                        sources[i] = "previous claim"
                        break
        if speaker is not None and is_pronoun(speaker):
            for j in range(i - 1, max(-1, i - 1 - _ANTECEDENT_WINDOW), -1):
                name = resolved[j][0]
                if name is not None and not is_pronoun(name):
                    speaker, sp_start, sp_end = resolved[j]
                    sources[i] = "pronoun" if sources[i] == "cue" else sources[i]
                    break
                # "Ahmad al-Mesmari spoke on Monday. He said ...": the person the claim
                # before is about, where no one was quoted since.
                subject = _person_subject(text, units[j]) if speaker.lower() in _PERSONAL else None
                if subject is not None:
                    speaker, (sp_start, sp_end) = text[subject[0] : subject[1]], subject
                    sources[i] = "pronoun" if sources[i] == "cue" else sources[i]
                    break
        resolved.append((speaker, sp_start, sp_end))

    claims: list[Claim] = []
    for i, (s, e, p, kind) in enumerate(units):
        att = attributions[i]
        inside = [q for q in quotes if q.start < e and q.end > s]
        quoted = [(max(q.start, s), min(q.end, e)) for q in inside]
        # In voice spans the quotation marks go with the words they enclose.
        marked = [(max(q.open, s), min(q.close, e)) for q in inside]
        spans = _voice_spans(s, e, marked, list(att.content))
        own = att if sources[i] in _OWN_CUE else _NO_ATTRIBUTION
        speaker, sp_start, sp_end = resolved[i]
        claims.append(
            Claim(
                claim_id=f"{doc.doc_id}#{i}",
                doc_id=doc.doc_id,
                outlet=doc.label,
                start=s,
                end=e,
                text=text[s:e],
                paragraph=p,
                sentence=i,
                kind=kind,
                speaker=speaker,
                cue=att.cue,
                voice=_claim_voice(text, spans, _frame(text, s, e, own)),
                speaker_start=sp_start,
                speaker_end=sp_end,
                speaker_source=sources[i] if speaker is not None else None,
                cue_start=att.cue_start if sources[i] in _OWN_CUE else None,
                cue_end=att.cue_end if sources[i] in _OWN_CUE else None,
                quotes=tuple(quoted),
                spans=spans,
            )
        )
    return tuple(claims), tuple(quotes)


def _person_subject(text: str, unit: tuple[int, int, int, str]) -> tuple[int, int] | None:
    """The named subject opening a claim ("Ahmad al-Mesmari spoke ..."), if it is a name."""
    start, end, _, kind = unit
    if kind != "claim":
        return None
    span = leading_name(text, start, end)
    if span is None or is_pronoun(text[span[0] : span[1]]):
        return None
    return span


def _mostly_quoted(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    inside = sum(min(q.end, end) - max(q.start, start) for q in quotes)
    letters = sum(1 for ch in text[start:end] if ch.isalnum())
    return letters > 0 and inside >= 0.6 * (end - start)


def split_claims(corpus: Corpus | Document | Iterable[Document]) -> pd.DataFrame:
    """Split documents into claims: one row per sentence or heading.

    Parameters
    ----------
    corpus : Corpus, Document or iterable of Document

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id, doc_id, outlet, start, end, text, paragraph, sentence, kind,
        speaker, cue, voice`` and the offsets behind them (``speaker_start, speaker_end,
        speaker_source, cue_start, cue_end``), ``quotes`` (tuple of ``(start, end)``) and
        ``spans`` (tuple of ``(start, end, voice)``). Rows are ordered by ``doc_id`` then
        position, whatever the order of the corpus. ``text`` is
        ``Document.text[start:end]``; ``speaker_source`` says how the speaker was found:
        ``cue`` (in the sentence), ``pronoun`` ("he said", resolved to the last named speaker),
        ``quote`` (a quote spanning sentences) or ``previous claim`` (a bare quote paragraph).

    Examples
    --------
    >>> doc = Document(doc_id="d", text='Haftar is backed by Egypt. "We won," al-Mesmari said.')
    >>> claims = split_claims(doc)
    >>> claims[["claim_id", "voice"]].values.tolist()
    [['d#0', 'outlet'], ['d#1', 'quoted']]
    >>> claims.loc[1, ["speaker", "cue"]].tolist(), bool(claims.loc[0, ["speaker"]].isna().all())
    (['al-Mesmari', 'said'], True)
    """
    rows = []
    for doc in documents_of(corpus):
        for claim in claims_of(doc):
            row = {name: getattr(claim, name) for name in CLAIM_COLUMNS}
            row["spans"] = tuple((v.start, v.end, v.voice) for v in claim.spans)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for name in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[name] = frame[name].astype("Int64")
    return frame


def voice_spans(corpus: Corpus | Document | Iterable[Document]) -> pd.DataFrame:
    """One row per voice span of each claim: ``doc_id, claim_id, start, end, text, voice, speaker``.

    Examples
    --------
    >>> doc = Document(doc_id="d", text='Al-Mesmari said Sirte "has been liberated."')
    >>> voice_spans(doc)[["text", "voice"]].values.tolist()
    [['Al-Mesmari said ', 'outlet'], ['Sirte ', 'attributed'], ['"has been liberated."', 'quoted']]
    """
    rows = []
    for doc in documents_of(corpus):
        for claim in claims_of(doc):
            for span in claim.spans:
                rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "claim_id": claim.claim_id,
                        "start": span.start,
                        "end": span.end,
                        "text": doc.text[span.start : span.end],
                        "voice": span.voice,
                        "speaker": claim.speaker if span.voice != "outlet" else None,
                    }
                )
    columns = ["doc_id", "claim_id", "start", "end", "text", "voice", "speaker"]
    return pd.DataFrame(rows, columns=columns)


def find_quotes(corpus: Corpus | Document | Iterable[Document]) -> pd.DataFrame:
    """Every quotation, with its speaker where one is found.

    Returns ``doc_id, claim_id, start, end, text, speaker, cue, words`` where ``start, end`` hold
    the quoted words without the marks and ``claim_id`` is the claim the quote starts in. A quote
    of one to three words with no speaker is often a scare quote.

    Examples
    --------
    >>> doc = Document(doc_id="d", text='« Sirte is free, » al-Mesmari said.')
    >>> find_quotes(doc)[["text", "speaker"]].values.tolist()
    [['Sirte is free,', 'al-Mesmari']]
    """
    rows = []
    for doc in documents_of(corpus):
        claims, quotes = _analyse(doc)
        for q in quotes:
            covering = [c for c in claims if c.start < q.end and c.end > q.start]
            attributed = next((c for c in covering if c.speaker is not None), None)
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "claim_id": covering[0].claim_id,
                    "start": q.start,
                    "end": q.end,
                    "text": doc.text[q.start : q.end],
                    "speaker": attributed.speaker if attributed else None,
                    "cue": attributed.cue if attributed else None,
                    "words": len(_WORDS.findall(doc.text[q.start : q.end])),
                }
            )
    columns = ["doc_id", "claim_id", "start", "end", "text", "speaker", "cue", "words"]
    return pd.DataFrame(rows, columns=columns)
