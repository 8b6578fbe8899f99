"""Voice and target of spans found by something other than the lexicon (a detector, an annotator).

:func:`span_targets` resolves each span by the pattern rules of :func:`find_loaded_terms`, then by
the learnt :class:`~claimcompare.terms.ranker.TargetRanker`; :func:`target_candidates` shows the
ranker's candidates and features for each span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..actors import ActorsLike, Mention
from ..claims import Claim, claims_of
from ..document import Document
from ..errors import ParameterError
from ..lexicon import Lexicon, TermMatch
from .clauses import claim_subject, named_as
from .mentions import actor_index, body_mentions, corpus_mentions, main_actors, main_people
from .ranker import FEATURES, Candidate, TargetRanker, candidates
from .targets import NO_TARGET, SPAN_ENTRY, Context, Found, government_actor
from .voice import match_voice

__all__ = ["SPAN_COLUMNS", "span_targets", "target_candidates"]

SPAN_COLUMNS = [
    "start",
    "end",
    "term",
    "claim_id",
    "category",
    "voice",
    "speaker",
    "target",
    "target_rule",
    "voice_rule",
]


def span_targets(
    doc: Document,
    spans: Iterable[tuple[int, int]],
    *,
    actors: ActorsLike | None = None,
    lexicon: Lexicon | None = None,
    category: str = "emotive",
    polarity: int = -1,
    fallback: bool = True,
    ranker: TargetRanker | None = None,
) -> pd.DataFrame:
    """Voice and target of any spans of a document, by the rules of :func:`find_loaded_terms`.

    Use it for words found by something other than the lexicon (a :class:`~claimcompare.detect.
    BiasDetector`, an annotator). Each span is treated as a match of ``category`` and
    ``polarity``, unless a lexicon match overlaps it, whose category and polarity it then takes
    (so a span on "claimed" points at the speaker, as a loaded attribution verb does). The
    lexicon's other matches stay in place for the rules that look at neighbouring labels.

    Parameters
    ----------
    doc : Document
    spans : iterable of (start, end)
        Half-open character offsets into ``doc.text``.
    actors : ActorIndex, find_actors() frame or mapping, optional
        None runs :func:`find_actors` on ``doc``.
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`.
    category : str, default "emotive"
    polarity : {-1, 0, 1}, default -1
    fallback : bool, default True
        Where no pattern rule of :func:`find_loaded_terms` finds a target (``inside actor
        mention``, ``name follows``, ``possessive``, ``apposition``, ``loyal to``, ...; the
        clause and main-person rules are not used here) and the words are not said of a name
        right before them ("called Obama an “elitist hypocrite”": ``named as``), a learnt ranker
        (:class:`~claimcompare.TargetRanker`) scores every person, organisation,
        body ("the Obama campaign") and group ("Colorado officials") the document names and
        the best is the target, ``target_rule`` ``ranker (p=0.62)`` with its score. A given
        span is not known to be a label, so ``name follows`` needs a role noun between it and
        the name ("hapless general X") and no verb form in the span: "Rubio assailed Obama",
        "Rubio assailed Sen. Obama" are about Rubio. False: these spans stay ``unresolved``.
    ranker : TargetRanker, optional
        The ranker of ``fallback``; None uses the shipped one (``claimcompare/data/
        target_model.json``, fitted on BASIL events 2010-2016 by
        ``benchmarks/fit_target_model.py``). Without a shipped model the hand rules of
        earlier versions are used (``_fallback``).

    Returns
    -------
    pandas.DataFrame
        One row per span in the order given, columns :data:`SPAN_COLUMNS`:
        ``start, end, term, claim_id, category, voice, speaker, target, target_rule, voice_rule``.

    Examples
    --------
    >>> doc = Document(doc_id="d", outlet="Wire", text=(
    ...     "The hapless Khalifa Haftar took Sirte. “Tripoli is full of crooks,” Haftar said "
    ...     "of Fayez al-Sarraj."))
    >>> actors = {"Khalifa Haftar": ["Haftar"], "Fayez al-Sarraj": []}
    >>> out = span_targets(doc, [(4, 11), (59, 65)], actors=actors)
    >>> out[["term", "voice", "target", "target_rule"]].values.tolist()
    [['hapless', 'outlet', 'Khalifa Haftar', 'ranker (p=0.87)'],
     ['crooks', 'quoted', 'Fayez al-Sarraj', 'ranker (p=0.06)']]

    A word in a quotation is about someone other than its speaker when the document names
    anyone else; the low score says the ranker alone was unsure.
    """
    lex = _checked_arguments(doc, polarity, lexicon)
    wanted = _checked_spans(doc, spans)
    index = actor_index(actors, [doc])
    probes, others = _probes(doc, lex.finditer(doc.text), wanted, category, polarity)
    claims = claims_of(doc)
    (mentions,), kinds = corpus_mentions([doc], index)
    government = government_actor(index)
    model = TargetRanker.default() if ranker is None else ranker
    bodies = _Bodies(doc.text, mentions, kinds)
    rows = []
    for probe in probes:
        # each span is resolved on its own, beside the lexicon's matches it does not overlap
        matches = sorted([*others, probe], key=lambda m: (m.start, m.end))
        ctx = Context(doc, claims, matches, mentions, kinds, government)
        i = matches.index(probe)
        rows.append(_span_row(ctx, i, fallback=fallback, model=model, bodies=bodies))
    frame = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64"})
    for name in ("claim_id", "speaker", "target"):
        frame[name] = pd.Series([r[name] for r in rows], index=frame.index, dtype=object)
    return frame


def _checked_arguments(doc: Document, polarity: int, lexicon: Lexicon | None) -> Lexicon:
    """Check the arguments of :func:`span_targets`; the lexicon to use."""
    if not isinstance(doc, Document):
        raise ParameterError(f"doc must be a Document, got {type(doc).__name__}")
    if polarity not in (-1, 0, 1) or isinstance(polarity, bool):
        raise ParameterError(f"polarity must be -1, 0 or 1, got {polarity!r}")
    lex = Lexicon.default() if lexicon is None else lexicon
    if not isinstance(lex, Lexicon):
        raise ParameterError(f"lexicon must be a Lexicon or None, got {type(lex).__name__}")
    return lex


def _probes(
    doc: Document,
    found: list[TermMatch],
    wanted: list[tuple[int, int]],
    category: str,
    polarity: int,
) -> tuple[list[TermMatch], list[TermMatch]]:
    """The spans as matches, and the lexicon's matches that overlap none of them.

    A span takes the category and polarity of a lexicon match it overlaps, else the given ones.
    """
    probes: list[TermMatch] = []
    for start, end in wanted:
        over = [m for m in found if m.start < end and start < m.end]
        cat, pol = (over[0].category, over[0].polarity) if over else (category, polarity)
        probes.append(TermMatch(start, end, doc.text[start:end], SPAN_ENTRY, cat, pol, 1.0))
    others = [m for m in found if not any(m.start < e and s < m.end for s, e in wanted)]
    return probes, others


def _span_row(
    ctx: Context, i: int, *, fallback: bool, model: TargetRanker | None, bodies: _Bodies
) -> dict[str, object]:
    """The row of :data:`SPAN_COLUMNS` for the span ``ctx.matches[i]``."""
    probe = ctx.matches[i]
    claim = ctx.claim_at(probe.start)
    target = ctx.resolve(i)
    if fallback and model is not None and _learnt_over(target):
        target = _ranked(ctx, probe, claim, model, bodies)
    elif fallback and target.actor is None:
        target = _fallback(ctx, probe, claim)
    voice, voice_rule = match_voice(ctx, probe, claim, target)
    return {
        "start": probe.start,
        "end": probe.end,
        "term": probe.text,
        "claim_id": claim.claim_id if claim is not None else None,
        "category": probe.category,
        "voice": voice,
        "speaker": claim.speaker if claim is not None and voice != "outlet" else None,
        "target": target.actor,
        "target_rule": target.rule,
        "voice_rule": voice_rule,
    }


def _checked_spans(doc: Document, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans as ``(start, end)`` pairs, each checked to be a non-empty part of the text."""
    wanted = []
    for item in spans:
        start, end = (int(v) for v in item)
        if not 0 <= start < end <= len(doc.text):
            raise ParameterError(
                f"span ({start}, {end}) is not inside the text (0..{len(doc.text)}) or is empty"
            )
        wanted.append((start, end))
    return wanted


# Rules of find_loaded_terms that the ranker of span_targets replaces: they choose among the
# document's people by position and counts, which the ranker weighs from data.
_LEARNT_OVER = ("relative clause", "he/she", "main person", "headline", "subject of the claim")


_SPEAKER_QUOTED = FEATURES.index("speaker_quoted")


def _learnt_over(found: Found) -> bool:
    return found.actor is None or found.rule.startswith(_LEARNT_OVER)


@dataclass(frozen=True)
class _Bodies:
    """A document's mentions with its bodies and groups added (for the ranker's candidates)."""

    text: str
    mentions: list[Mention]
    kinds: Mapping[str, str]

    @cached_property
    def all(self) -> tuple[list[Mention], dict[str, str], frozenset[str]]:
        extra, kinds = body_mentions(self.text, self.mentions, self.kinds)
        merged = sorted([*self.mentions, *extra], key=lambda m: (m.start, m.end))
        return merged, {**kinds, **self.kinds}, frozenset(kinds) - set(self.kinds)


def _candidates(
    ctx: Context, m: TermMatch, claim: Claim | None, bodies: _Bodies
) -> list[Candidate]:
    mentions, kinds, groups = bodies.all
    speaker = ctx.speaker_target(claim) if claim is not None else None
    return candidates(
        text=ctx.text,
        claims=ctx.claims,
        start=m.start,
        end=m.end,
        mentions=mentions,
        kinds=kinds,
        speaker=speaker.actor if speaker is not None else None,
        groups=groups,
    )


def _ranked(
    ctx: Context,
    m: TermMatch,
    claim: Claim | None,
    model: TargetRanker,
    bodies: _Bodies,
) -> Found:
    """The ranker's target for a span no pattern rule resolves (``span_targets``)."""
    if claim is not None:
        named = named_as(ctx.text, claim, m.start, ctx.mentions, ctx.kinds)
        if named is not None:
            return Found(named.actor, "named as")
    found = _candidates(ctx, m, claim, bodies)
    # A word inside a quotation is its speaker's about someone else ("They are crooks,"
    # Haftar said): the speaker is a candidate only when the document names nobody else.
    others = [c for c in found if not c.features[_SPEAKER_QUOTED]]
    best = model.best(others or found)
    if best is None:
        return NO_TARGET
    return Found(best[0], f"ranker (p={best[1]:.2f})")


def target_candidates(
    doc: Document,
    spans: Iterable[tuple[int, int]],
    *,
    actors: ActorsLike | None = None,
) -> pd.DataFrame:
    """Every actor a span may point at, with the features the target ranker weighs.

    The people, organisations, bodies ("the Obama campaign") and groups ("protesters") the
    document names, for each span (see :func:`span_targets`). Use it to ask why a target was
    chosen, or to fit a :class:`~claimcompare.TargetRanker`.

    Parameters
    ----------
    doc : Document
    spans : iterable of (start, end)
        Half-open character offsets into ``doc.text``.
    actors : ActorIndex, find_actors() frame or mapping, optional
        None runs :func:`find_actors` on ``doc``.

    Returns
    -------
    pandas.DataFrame
        One row per (span, candidate): ``span`` (the span's position in ``spans``), ``start,
        end, actor``, one column per feature of
        :data:`~claimcompare.terms.ranker.FEATURES`, and ``score`` (the shipped ranker's, NaN
        without one). Sorted by span, then actor.

    Examples
    --------
    >>> doc = Document(doc_id="d", text="Ann Lee met Bo Ray. Ann Lee made a fierce attack.")
    >>> out = target_candidates(doc, [(35, 41)], actors={"Ann Lee": [], "Bo Ray": []})
    >>> out[["actor", "in_claim", "log_mentions"]].round(2).values.tolist()
    [['Ann Lee', 1.0, 1.1], ['Bo Ray', 0.0, 0.69]]
    """
    if not isinstance(doc, Document):
        raise ParameterError(f"doc must be a Document, got {type(doc).__name__}")
    wanted = _checked_spans(doc, spans)
    index = actor_index(actors, [doc])
    claims = claims_of(doc)
    (mentions,), kinds = corpus_mentions([doc], index)
    ctx = Context(doc, claims, [], mentions, kinds, government_actor(index))
    bodies = _Bodies(doc.text, mentions, kinds)
    model = TargetRanker.default()
    rows: list[dict[str, object]] = []
    for k, (start, end) in enumerate(wanted):
        probe = TermMatch(start, end, doc.text[start:end], SPAN_ENTRY, "emotive", -1, 1.0)
        found = _candidates(ctx, probe, ctx.claim_at(start), bodies)
        scores = model.scores(np.array([c.features for c in found])) if found and model else None
        for j, c in enumerate(found):
            rows.append(
                {
                    "span": k,
                    "start": start,
                    "end": end,
                    "actor": c.actor,
                    **dict(zip(FEATURES, c.features, strict=True)),
                    "score": float(scores[j]) if scores is not None else float("nan"),
                }
            )
    columns = ["span", "start", "end", "actor", *FEATURES, "score"]
    return pd.DataFrame(rows, columns=columns)


def _fallback(ctx: Context, m: TermMatch, claim: Claim | None) -> Found:
    """Targets of a span no rule of :func:`find_loaded_terms` resolves (``span_targets``).

    First a name before the words it is called ("called Obama an ..."). In a quotation: the
    document's most-named person other than the speaker, else the claim's subject other than
    the speaker (a word in someone's quote is seldom about the speaker), unless the clause
    before the quotation marks has a subject (:meth:`Context.claim_person`). Elsewhere: the
    subject of the span's clause, the person a leading "he"/"she" stands for, the most-named
    person if the claim names them, else the document's most-named person or organisation.
    """
    speaker = ctx.speaker_target(claim) if claim is not None else None
    quote = None
    if claim is not None:
        named = named_as(ctx.text, claim, m.start, ctx.mentions, ctx.kinds)
        if named is not None:
            return Found(named.actor, "named as")
        # the quotation marks may lie inside or outside the span
        quote = next(((s, e) for s, e in claim.quotes if s < m.end and m.start < e), None)
    if claim is not None and quote is not None:
        found = ctx.claim_person(m, claim)
        if found is not None:
            return found
        spoken = frozenset({speaker.actor} if speaker is not None and speaker.actor else ())
        for name, count in main_people(ctx.mentions, ctx.kinds):
            if name not in spoken:
                return Found(name, f"main person other than the speaker ({count} mentions)")
        subject = claim_subject(ctx.text, claim, ctx.mentions, ctx.kinds, exclude=spoken)
        if subject is not None:
            return Found(subject.actor, "subject of the claim, not the speaker")
        return NO_TARGET
    if claim is not None:
        found = ctx.claim_person(m, claim)
        if found is not None:
            return found
    top = main_actors(ctx.mentions, ctx.kinds)
    if top:
        return Found(top[0][0], f"main actor of the document ({top[0][1]} mentions)")
    return NO_TARGET
