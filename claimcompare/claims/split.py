"""The claims of a document (its sentences and headings) with speaker, cue, quotes and voice.

Offsets are half-open, into ``Document.text``. A claim's voice spans and its voice are described in
docs/getting-started.md, "Who says it, and in whose voice".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..document import Corpus, Document, documents_of
from ..errors import require_columns
from .attribution import Attribution, attribute_sentence, is_pronoun, leading_name
from .segment import Quote, paragraph_quotes, paragraph_spans, sentence_spans

__all__ = [
    "CLAIM_COLUMNS",
    "Claim",
    "VoiceSpan",
    "claims_from_frame",
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
# Claim fields that a table holds as NaN or NA where the record holds None.
_OPTIONAL_FIELDS = (
    "speaker",
    "cue",
    "speaker_start",
    "speaker_end",
    "speaker_source",
    "cue_start",
    "cue_end",
)


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


def _optional(value: object) -> object:
    """A table cell as the record holds it: None for a missing value (NaN, NA)."""
    return None if value is None or pd.isna(value) else value  # type: ignore[call-overload]


def claims_from_frame(claims: pd.DataFrame) -> dict[str, list[Claim]]:
    """The claims of a :func:`split_claims` table as records, per ``doc_id``, in table order.

    The inverse of :func:`split_claims`: a later stage reads the claims already split instead of
    analysing each document again.

    Examples
    --------
    >>> doc = Document(doc_id="d", text='"Sirte is free," he said. Haftar is backed by Egypt.')
    >>> claims_from_frame(split_claims(doc))["d"] == claims_of(doc)
    True
    """
    require_columns(claims, CLAIM_COLUMNS, name="claims", made_by="split_claims")
    out: dict[str, list[Claim]] = {}
    for row in claims[CLAIM_COLUMNS].itertuples(index=False, name=None):
        fields = dict(zip(CLAIM_COLUMNS, row, strict=True))
        for name in _OPTIONAL_FIELDS:
            fields[name] = _optional(fields[name])
        fields["quotes"] = tuple(tuple(q) for q in fields["quotes"])
        fields["spans"] = tuple(VoiceSpan(*span) for span in fields["spans"])
        claim = Claim(**fields)
        out.setdefault(claim.doc_id, []).append(claim)
    return out


_Unit = tuple[int, int, int, str]  # start, end, paragraph, kind
_Speaker = tuple[str | None, int | None, int | None]  # name, start, end


def _units(text: str, title: str | None) -> tuple[list[_Unit], list[Quote]]:
    """The headings and sentences of a text, and its quotations, in text order."""
    paragraphs = paragraph_spans(text)
    units: list[_Unit] = []
    quotes: list[Quote] = []
    for p, (ps, pe) in enumerate(paragraphs):
        if _is_heading(text, ps, pe, title, last=p == len(paragraphs) - 1):
            units.append((ps, pe, p, "heading"))
            segment = text[ps:pe]
            wrapped = segment[0] in _WRAPPING_QUOTES and segment[-1] in _WRAPPING_QUOTES
            if not wrapped:  # a headline wrapped in quotes is the outlet's own headline
                quotes.extend(paragraph_quotes(text, ps, pe))
            continue
        quotes.extend(paragraph_quotes(text, ps, pe))
        units.extend((s, e, p, "claim") for s, e in sentence_spans(text, ps, pe))
    return units, quotes


@dataclass
class _Analysis:
    """One document's units and quotations, and each unit's attribution as it is resolved.

    ``sources[i]`` says how unit ``i`` got its speaker (``"cue"``, ``"quote"``, ...);
    ``speakers[i]`` is its resolved speaker, filled in text order.
    """

    text: str
    units: list[_Unit]
    quotes: list[Quote]
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[str | None] = field(default_factory=list)
    speakers: list[_Speaker] = field(default_factory=list)

    def quotes_over(self, i: int) -> list[Quote]:
        """The quotations, marks included, that overlap unit ``i``."""
        start, end = self.units[i][:2]
        return [q for q in self.quotes if q.open < end and q.close > start]


def _window(i: int) -> range:
    """The units before unit ``i`` where a speaker may be found, nearest first."""
    return range(i - 1, max(-1, i - 1 - _ANTECEDENT_WINDOW), -1)


def _quote_owners(analysis: _Analysis) -> dict[Quote, int]:
    """A quote spanning several sentences belongs to the speaker named in any one of them."""
    owners: dict[Quote, int] = {}
    for i in range(len(analysis.units)):
        if analysis.attributions[i].cue:
            for q in analysis.quotes_over(i):
                owners.setdefault(q, i)
    return owners


def _speaker_without_cue(
    analysis: _Analysis, i: int, owners: dict[Quote, int], speaker: _Speaker
) -> _Speaker:
    """The speaker of sentence ``i``, which has no cue of its own.

    That of a quote it shares with a sentence that has a cue or, where the sentence is mostly
    quoted, the last speaker before it; else ``speaker`` unchanged.
    """
    inside = analysis.quotes_over(i)
    owner = next((owners[q] for q in inside if q in owners), None)
    if owner is not None and owner != i:
        found = analysis.attributions[owner]
        analysis.attributions[i] = Attribution(
            found.cue, found.cue_start, found.cue_end, None, None, None, ()
        )
        analysis.sources[i] = "quote"
        if owner < i:
            return analysis.speakers[owner]
        return found.speaker, found.speaker_start, found.speaker_end
    start, end = analysis.units[i][:2]
    if inside and _mostly_quoted(analysis.text, start, end, inside):
        for j in _window(i):
            if analysis.speakers[j][0] is not None:
                analysis.sources[i] = "previous claim"
                return analysis.speakers[j]
    return speaker


def _antecedent(analysis: _Analysis, i: int, pronoun: str) -> _Speaker | None:
    """The speaker a pronoun in unit ``i`` stands for, or None if none is found.

    The last named speaker or, for "he" and "she", the person the claim before is about, where
    no one was quoted since ("Ahmad al-Mesmari spoke on Monday. He said ...").
    """
    text = analysis.text
    for j in _window(i):
        name = analysis.speakers[j][0]
        if name is not None and not is_pronoun(name):
            found = analysis.speakers[j]
        else:
            personal = pronoun.lower() in _PERSONAL
            subject = _person_subject(text, analysis.units[j]) if personal else None
            if subject is None:
                continue
            found = text[subject[0] : subject[1]], subject[0], subject[1]
        if analysis.sources[i] == "cue":
            analysis.sources[i] = "pronoun"
        return found
    return None


def _resolve_speakers(analysis: _Analysis) -> None:
    """Attribute every unit, then resolve speakers through shared quotes and pronouns."""
    text = analysis.text
    for i, (start, end, _, _) in enumerate(analysis.units):
        found = attribute_sentence(text, start, end, analysis.quotes_over(i))
        analysis.attributions.append(found)
        analysis.sources.append("cue" if found.cue else None)
    owners = _quote_owners(analysis)
    for i, unit in enumerate(analysis.units):
        att = analysis.attributions[i]
        speaker: _Speaker = att.speaker, att.speaker_start, att.speaker_end
        if att.cue is None and unit[3] == "claim":
            speaker = _speaker_without_cue(analysis, i, owners, speaker)
        if speaker[0] is not None and is_pronoun(speaker[0]):
            speaker = _antecedent(analysis, i, speaker[0]) or speaker
        analysis.speakers.append(speaker)


def _claim(doc: Document, analysis: _Analysis, i: int) -> Claim:
    """Unit ``i`` as a claim, with its quotes, voice spans and voice."""
    text = doc.text
    s, e, p, kind = analysis.units[i]
    att = analysis.attributions[i]
    source = analysis.sources[i]
    inside = [q for q in analysis.quotes if q.start < e and q.end > s]
    quoted = [(max(q.start, s), min(q.end, e)) for q in inside]
    # In voice spans the quotation marks go with the words they enclose.
    marked = [(max(q.open, s), min(q.close, e)) for q in inside]
    spans = _voice_spans(s, e, marked, list(att.content))
    own = att if source in _OWN_CUE else _NO_ATTRIBUTION
    speaker, sp_start, sp_end = analysis.speakers[i]
    return Claim(
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
        speaker_source=source if speaker is not None else None,
        cue_start=att.cue_start if source in _OWN_CUE else None,
        cue_end=att.cue_end if source in _OWN_CUE else None,
        quotes=tuple(quoted),
        spans=spans,
    )


# Claims, terms and framing all read a document's claims; a frozen Document is analysed once.
@functools.lru_cache(maxsize=4096)
def _analyse(doc: Document) -> tuple[tuple[Claim, ...], tuple[Quote, ...]]:
    analysis = _Analysis(doc.text, *_units(doc.text, doc.title))
    _resolve_speakers(analysis)
    claims = tuple(_claim(doc, analysis, i) for i in range(len(analysis.units)))
    return claims, tuple(analysis.quotes)


def _person_subject(text: str, unit: _Unit) -> tuple[int, int] | None:
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
