"""The whole flow on a corpus: claims, actors, loaded terms, alignment, then the facts compared
within each cluster of aligned claims.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from ..actors import ActorIndex, find_actors
from ..align import ClaimAligner
from ..claims import split_claims
from ..document import Corpus
from ..errors import ParameterError
from ..framing import framing_table
from ..lexicon import Lexicon
from ..load import load_corpus
from ..terms import find_loaded_terms
from .comparison import Comparison
from .findings import compare_clusters
from .omissions import find_omissions

__all__ = ["STAGES", "compare"]

#: The stages :func:`compare` reports to its ``progress`` callback, in order.
STAGES = ("claims", "actors", "terms", "align", "facts")

_LABEL_CATEGORIES = (
    "delegitimising_label",
    "legitimising_label",
    "self_designation_doubt",
    "emotive",
    "scare_quote",
)


def _own_labels(terms: pd.DataFrame) -> dict[str, dict[str | None, tuple[str, ...]]]:
    """Per claim, the loaded labels the outlet uses in its own voice, by the actor each points
    at (None: unresolved)."""
    own = terms[(terms["voice"] == "outlet") & terms["category"].isin(_LABEL_CATEGORIES)]
    labels: dict[str, dict[str | None, tuple[str, ...]]] = {}
    for (cid, target), group in own.groupby(["claim_id", "target"], dropna=False):
        key = target if isinstance(target, str) else None
        labels.setdefault(str(cid), {})[key] = tuple(sorted(set(group["entry"].astype(str))))
    return labels


def compare(
    corpus: Any,
    *,
    actors: Any = None,
    lexicon: Lexicon | None = None,
    aligner: ClaimAligner | None = None,
    progress: Callable[[str], None] | None = None,
) -> Comparison:
    """Align claims across outlets, score loaded terms and compare the facts.

    Parameters
    ----------
    corpus : Corpus or anything :func:`~claimcompare.load.load_corpus` takes
    actors : dict, DataFrame or ActorIndex, optional
        Your actors and aliases ({"Khalifa Haftar": ["Haftar", "Hafar"]}); they win over the
        inferred ones, which fill in the rest.
    lexicon : Lexicon, optional
        Loaded terms to look for; default :meth:`Lexicon.default`.
    aligner : ClaimAligner, optional
        How claims are aligned; default ``ClaimAligner()``.
    progress : callable, optional
        Called with the name of each stage as it starts (one of :data:`STAGES`), e.g. to move a
        progress bar; the command line uses it.

    Examples
    --------
    >>> import claimcompare as cc
    >>> result = cc.compare(cc.load_corpus("seeds/"))
    >>> sorted(result.conflicts.columns)[:4]
    ['claim_a', 'claim_b', 'cluster_id', 'explanation']
    """
    aligner = aligner if aligner is not None else ClaimAligner()
    if not isinstance(aligner, ClaimAligner):
        raise ParameterError(f"aligner must be a ClaimAligner, got {type(aligner).__name__}")
    if progress is not None and not callable(progress):
        raise ParameterError(f"progress must be callable or None, got {type(progress).__name__}")
    stage = progress if progress is not None else (lambda name: None)
    corpus = corpus if isinstance(corpus, Corpus) else load_corpus(corpus)
    stage("claims")
    claims = split_claims(corpus)
    stage("actors")
    actor_table = find_actors(corpus, actors)
    index = ActorIndex.from_frame(actor_table)
    stage("terms")
    terms = find_loaded_terms(corpus, lexicon, index, claims=claims)
    stage("align")
    # A label's target is a mention of its actor: "a renegade general" names Haftar.
    alignment = aligner.align(claims, targets=terms)
    stage("facts")
    labels = _own_labels(terms)
    # Only claims of a cluster are compared.
    clustered = claims[claims["claim_id"].isin(alignment.clusters["claim_id"])]
    named = {
        cid: frozenset({m.actor for m in index.find(text)} | {t for t in labels.get(cid, {}) if t})
        for cid, text in zip(clustered["claim_id"], clustered["text"], strict=True)
    }
    agreements, conflicts = compare_clusters(
        claims,
        alignment.clusters,
        published={d.doc_id: d.published for d in corpus},
        canonical=index.canonical,
        labels=labels,
        named=named,
    )
    return Comparison(
        corpus=corpus,
        claims=claims,
        actors=actor_table,
        alignment=alignment,
        loaded_terms=terms,
        framing=framing_table(terms, corpus),
        agreements=agreements,
        conflicts=conflicts,
        omissions=find_omissions(claims, alignment.clusters),
    )
