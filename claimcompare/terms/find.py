"""Find loaded terms in documents: :func:`find_loaded_terms`, the entry point of this stage.

It runs the lexicon once over each document's text, places every match in its claim and in the
voice span that holds it (:mod:`~claimcompare.terms.voice`), and points it at an actor
(:mod:`~claimcompare.terms.targets`); :mod:`claimcompare.framing` counts the result per actor and
outlet.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..actors import ActorsLike
from ..claims import Claim, claims_from_frame, claims_of
from ..document import Corpus, Document, documents_of
from ..errors import InputError, ParameterError
from ..lexicon import Lexicon, TermMatch
from .mentions import actor_index, corpus_mentions
from .targets import NO_TARGET, Context, government_actor
from .voice import SCARE_POLARITY, SCARE_QUOTE, SCARE_WEIGHT, match_voice, scare_quotes

__all__ = ["TERM_COLUMNS", "find_loaded_terms"]

TERM_COLUMNS = [
    "doc_id",
    "outlet",
    "claim_id",
    "start",
    "end",
    "term",
    "entry",
    "category",
    "polarity",
    "weight",
    "voice",
    "speaker",
    "target",
    "target_rule",
    "voice_rule",
    "kind",
]

_OPTIONAL_COLUMNS = ("claim_id", "speaker", "target", "kind")


def _row(
    doc: Document, start: int, end: int, claim: Claim | None, **values: object
) -> dict[str, object]:
    """One row of :data:`TERM_COLUMNS`: the place of the words, then ``values``."""
    voice = values["voice"]
    return {
        "doc_id": doc.doc_id,
        "outlet": doc.label,
        "claim_id": claim.claim_id if claim is not None else None,
        "start": start,
        "end": end,
        "term": doc.text[start:end],
        **values,
        "speaker": claim.speaker if claim is not None and voice != "outlet" else None,
        "kind": claim.kind if claim is not None else None,
    }


def _match_rows(ctx: Context) -> list[dict[str, object]]:
    """A row for each lexicon match of the document, with its voice and target."""
    rows = []
    for i, m in enumerate(ctx.matches):
        claim = ctx.claim_at(m.start)
        target = ctx.resolve(i)
        voice, voice_rule = match_voice(ctx, m, claim, target)
        rows.append(
            _row(
                ctx.doc,
                m.start,
                m.end,
                claim,
                entry=m.entry,
                category=m.category,
                polarity=m.polarity,
                weight=m.weight,
                voice=voice,
                target=target.actor,
                target_rule=target.rule,
                voice_rule=voice_rule,
            )
        )
    return rows


def _scare_quote_rows(ctx: Context) -> list[dict[str, object]]:
    """A row for each scare quote: the outlet's voice, aimed at whoever used the words."""
    rows = []
    text = ctx.doc.text
    for start, end, claim, target in scare_quotes(ctx):
        if target.actor is None:
            probe = TermMatch(start, end, text[start:end], "scare quotes", SCARE_QUOTE, -1, 0.5)
            target = ctx.name_follows(probe, claim) or ctx.name_before(probe, claim) or NO_TARGET
        rows.append(
            _row(
                ctx.doc,
                start,
                end,
                claim,
                entry="scare quotes",
                category=SCARE_QUOTE,
                polarity=SCARE_POLARITY,
                weight=SCARE_WEIGHT,
                voice="outlet",
                target=target.actor,
                target_rule=target.rule,
                voice_rule="scare quotes",
            )
        )
    return rows


def _claims_by_doc(
    docs: list[Document], claims: pd.DataFrame | None
) -> dict[str, list[Claim]] | None:
    """The given claims table per document (None when there is none), checked against ``docs``."""
    if claims is None:
        return None
    by_doc = claims_from_frame(claims)
    unknown = sorted(set(by_doc) - {doc.doc_id for doc in docs})
    if unknown:
        raise InputError(
            f"claims holds rows of {len(unknown)} document(s) not in the corpus, e.g. "
            f"{unknown[0]!r}: pass the split_claims() table of the same corpus"
        )
    return {doc.doc_id: by_doc.get(doc.doc_id, []) for doc in docs}


def find_loaded_terms(
    corpus: Corpus | Document | Iterable[Document],
    lexicon: Lexicon | None = None,
    actors: ActorsLike | None = None,
    *,
    claims: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Loaded terms of each document, with their claim, voice, speaker and target actor.

    Parameters
    ----------
    corpus : Corpus, Document or iterable of Document
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`. Matched once over each whole document text.
    actors : ActorIndex, find_actors() frame or mapping, optional
        The actors targets are chosen from; None runs :func:`find_actors` on ``corpus``.
    claims : pandas.DataFrame, optional
        The :func:`~claimcompare.claims.split_claims` table of ``corpus``, when you have it: the
        documents are then not split again. A document with no row has no claims; rows of
        documents outside ``corpus`` are an :class:`~claimcompare.errors.InputError`.

    Returns
    -------
    pandas.DataFrame
        One row per match and per scare quote, columns :data:`TERM_COLUMNS`: ``doc_id, outlet,
        claim_id, start, end, term, entry, category, polarity, weight, voice, speaker, target,
        target_rule, voice_rule, kind`` (``kind``: the claim's, ``claim`` or ``heading``).
        ``Document.text[start:end] == term``. Sorted by ``doc_id, start, end, entry``, whatever
        the order of the corpus. The rules behind ``voice`` and ``target`` are in
        docs/loaded-terms.md.

    Examples
    --------
    >>> doc = Document(doc_id="d", outlet="Wire", text=(
    ...     "Renegade general Khalifa Haftar took Sirte. "
    ...     "“We defeated terrorist groups,” Haftar said."))
    >>> terms = find_loaded_terms(doc, actors={"Khalifa Haftar": ["Haftar"]})
    >>> for row in terms[["term", "voice", "speaker", "target", "target_rule"]].values:
    ...     print(list(row))
    ['Renegade general', 'outlet', None, 'Khalifa Haftar', 'name follows']
    ['terrorist', 'quoted', 'Haftar', None, 'unresolved']
    """
    lex = Lexicon.default() if lexicon is None else lexicon
    if not isinstance(lex, Lexicon):
        raise ParameterError(f"lexicon must be a Lexicon or None, got {type(lex).__name__}")
    docs = documents_of(corpus)
    claims_by_doc = _claims_by_doc(docs, claims)
    index = actor_index(actors, docs)
    found, kinds = corpus_mentions(docs, index)
    government = government_actor(index)
    rows: list[dict[str, object]] = []
    for doc, mentions in zip(docs, found, strict=True):
        ctx = Context(
            doc=doc,
            claims=claims_by_doc[doc.doc_id] if claims_by_doc else claims_of(doc),
            matches=lex.finditer(doc.text),
            mentions=mentions,
            kinds=kinds,
            government=government,
        )
        rows.extend(_match_rows(ctx))
        rows.extend(_scare_quote_rows(ctx))
    rows.sort(key=lambda r: (str(r["doc_id"]), r["start"], r["end"], str(r["entry"])))
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "polarity": "int64"})
    frame["weight"] = frame["weight"].astype("float64")
    for name in _OPTIONAL_COLUMNS:  # None, not NaN, where there is no value
        frame[name] = pd.Series([r[name] for r in rows], index=frame.index, dtype=object)
    return frame
