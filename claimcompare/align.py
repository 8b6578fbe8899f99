"""Aligning claims across outlets: which claims state the same thing.

Four steps, each visible in the output:

1. **candidates**: claims become sparse TF-IDF vectors of their content words (Snowball stems,
   function words left out, each actor one term whatever alias names it) and of pairs of
   consecutive content words; each claim's ``top_k`` most similar claims from *other*
   documents (and, by default, other outlets) are found chunk by chunk, so memory stays
   linear in the number of claims (never a dense N x N matrix). With
   ``cross_outlet=True`` the same search also keeps each claim's ``top_k`` most similar claims
   of the same outlet's other documents, only to look for the relations of step 3 between them
   (see step 4); these are never scored by the model nor reported in ``.pairs``;
2. **scoring**: each candidate pair is scored on several signals (word, character and fuzzy
   similarity, shared numbers and names, ...) combined by a small calibrated model
   (:class:`~claimcompare.similarity.PairModel`); ``Alignment.pairs`` keeps every signal;
3. **relations** that a single similarity score misses (:mod:`claimcompare._relations`):

   - *containment*: at least ``min_coverage`` of one claim's content (distinct content-word
     stems weighted by inverse document frequency, actor aliases merged: ``UAE`` = ``United
     Arab Emirates``) is found in the other, longer claim, but not the reverse: one clause of
     the longer claim states the shorter one ("Haftar is backed by Egypt and the UAE" in "...
     as Libya turns into a proxy war with Egypt, the UAE and Russia backing Haftar, ...").
     The shorter claim must state something (a verb), not be a phrase that hundreds of
     sentences contain. Two claims that each contain the other restate each other: a
     paraphrase;
   - *shared quote*: both claims quote the same run of at least ``min_quote_words`` words
     (half the shorter quote, or twice ``min_quote_words``), two of them distinctive (rarer
     than the few hundred most common English words; a spelling variant allowed by RapidFuzz
     ``partial_ratio``), as when outlets quote one spokesman;
   - *shared clause*: neither claim is contained in the other, but one clause of one claim
     is contained in the other claim (one shared content term more than a containment needs):
     two compound claims that state one thing in common ("militia members ... have
     reportedly seized control of the coastal city of Sirte, as Turkey has started deploying
     troops ..." and "fighters loyal to rogue general Khalifa Haftar have taken the city of
     Sirte, a former Islamic State group stronghold ...").

   Words news uses for one thing ("seized" / "taken", "militia" / "fighters") count as one
   term in the relations, and with ``align(claims, targets=...)`` the actors a claim's loaded
   labels point at count as actors it names. A pair is aligned when the model scores it at or
   above ``threshold`` or when one of these relations holds, and the ``relation`` column says
   why: ``"containment"``, ``"paraphrase"`` (the model, or mutual coverage),
   ``"shared_quote"`` or ``"shared_clause"``, in that order of precedence. The model's score
   counts only for *even* pairs, each with at least a fifth of its weighted content in the
   other (see ``_UNEVEN``);
4. **clustering** groups claims that state the same thing, ties broken on claim ids so the
   result does not depend on the order of the input. Two groups merge only when *every* two of
   their claims from different documents are *compatible*:

   - a relation links them (containment, shared quote or clause, each covering the other), or
   - both contain a third claim of the group (they share its statement), or
   - they have something in common (TF-IDF cosine at least half of ``min_cosine``; pairs
     below are never scored), they are even, and the model scores them at least
     ``threshold``, or at least ``cluster_threshold`` (default 0.8 x ``threshold``: a
     paraphrase worded too differently to clear the threshold with every variant can still
     join a group through a close variant) *unless* both are contained in a third claim of
     the group: two clauses of one compound claim need a direct link, so a long claim never
     chains unrelated claims together;

   and a group holds at most one claim per document. Merges run in two passes. First the
   symmetric links form the groups of variants of one sentence: verbatim evidence (shared
   quotes, claims that cover each other) first, then the model's paraphrases, each strongest
   score first. Then containments attach the longer claims, the statements with the most
   support first (documents in the contained claim's group plus documents whose claims
   contain it), so a compound claim joins the group of the clause most outlets state.
   Same-outlet relations found in step 1 take part in the merges, but with ``cross_outlet=True``
   a group whose claims all come from one outlet is dropped.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import clone

from . import _relations
from ._common.estimator import Estimator, is_int, is_real
from .actors import ActorIndex
from .errors import InputError, NotFittedError, ParameterError, require_columns
from .similarity import (
    PairModel,
    _distinct,
    _signal_frame,
    _tables,
    pair_signals,
)

__all__ = ["Alignment", "ClaimAligner"]

logger = logging.getLogger(__name__)

_REQUIRED = ("claim_id", "doc_id", "outlet", "text")
_RELATIONS = ("containment", "shared_quote", "shared_clause")
_PAIR_COLUMNS = [
    "claim_a",
    "claim_b",
    "score",
    "relation",
    "doc_a",
    "doc_b",
    "outlet_a",
    "outlet_b",
    "text_a",
    "text_b",
    "cosine",
    "coverage_a",
    "coverage_b",
    "contained",
    "shared_quote",
    "shared_clause",
    "shared_actors",
]
_CLUSTER_COLUMNS = ["cluster_id", "claim_id", "doc_id", "outlet", "text", "size", "n_outlets"]


@dataclass(frozen=True)
class Alignment:
    """The result of :meth:`ClaimAligner.align`.

    Attributes
    ----------
    pairs : pandas.DataFrame
        Aligned pairs, one row per unordered pair with ``claim_a < claim_b``, highest score
        first: ``claim_a, claim_b, score`` (calibrated probability that both state the same
        thing), ``relation`` (why the pair is aligned: ``"containment"``, ``"paraphrase"``,
        ``"shared_quote"`` or ``"shared_clause"``), the documents, outlets and texts, the TF-IDF
        ``cosine`` that proposed the pair, ``coverage_a`` and ``coverage_b`` (share of each
        claim's weighted content found in the other), ``contained`` (the id of the claim
        contained in the other, else missing), ``shared_quote`` (the words both quote, else
        missing), ``shared_clause`` (the clause of one claim contained in the other, when
        neither claim is contained in the other, else missing), ``shared_actors``
        (actors both name, aliases merged, ``"; "``-joined, else missing), and one column per
        signal of the pair model.
    clusters : pandas.DataFrame
        ``cluster_id, claim_id, doc_id, outlet, text, size, n_outlets``: one row per claim in a
        cluster of two or more claims. Cluster ids are numbered by the cluster's smallest claim id.
    candidates : int
        How many candidate pairs were scored.
    """

    pairs: pd.DataFrame
    clusters: pd.DataFrame
    candidates: int = 0


class ClaimAligner(Estimator):
    """Find claims that state the same thing across documents and outlets.

    A scikit-learn estimator in its conventions: ``get_params``, ``set_params`` (an unknown
    name is a :class:`~claimcompare.errors.ParameterError`) and ``sklearn.base.clone`` work;
    :meth:`fit` leaves the parameters as given and keeps what it learns in ``model_``.

    Parameters
    ----------
    model : PairModel, optional
        Scores pairs; the default model ships with the package (see ``docs/alignment.md``).
        A model given here must be fitted, unless :meth:`fit` fits one like it (its
        parameters, learnt afresh) into ``model_``.
    threshold : float, optional
        Minimum probability for the model alone to align a pair; default: the model's own
        threshold.
    top_k : int, default 10
        Candidates kept per claim from the TF-IDF search.
    min_cosine : float, default 0.1
        Candidates below this TF-IDF cosine are not scored.
    cross_outlet : bool, default True
        Only pair claims from different outlets. Claims of one document are never paired.
    kinds : tuple of str, default ("claim",)
        Claim kinds to align (add ``"heading"`` to align headlines too).
    chunk_size : int, default 2048
        Rows of the similarity search computed at once (memory vs. speed).
    n_jobs : int, optional
        Threads of the similarity search, each holding one block of ``chunk_size`` rows;
        None uses up to 4 of the machine's cores, -1 all of them.
    relations : tuple of str, default ("containment", "shared_quote", "shared_clause")
        Relations that align a pair whatever its score (see the module docstring); ``()``
        aligns on the model's score alone.
    min_coverage : float, default 0.8
        Share of a claim's weighted content the other claim must have for a containment.
    min_quote_words : int, default 4
        Least number of words of a shared quote.
    cluster_threshold : float, optional
        Least score at which two claims of a cluster that no relation links are still
        compatible (if their TF-IDF cosine is at least half of ``min_cosine``); default
        0.8 x ``threshold``. Equal to ``threshold``: complete linkage.
    actors : ActorIndex, pandas.DataFrame or mapping, optional
        Actors whose aliases count as one term in the relations (a :func:`find_actors` table,
        ``{canonical: [aliases]}`` or an :class:`~claimcompare.actors.ActorIndex`); default: the
        shipped well-known aliases and demonyms (``UAE``, ``Turkish``). Pass
        ``cc.find_actors(corpus)`` to merge a corpus's own spellings (``Hafar``, ``Haftar``).

    Attributes
    ----------
    model_ : PairModel
        The model :meth:`fit` learnt; absent until then. Once fitted, every method scores
        with it; before, with ``model`` (or the shipped model).

    Examples
    --------
    >>> import claimcompare as cc
    >>> claims = cc.split_claims(cc.load_corpus("seeds/"))
    >>> alignment = ClaimAligner().align(claims)
    >>> sorted(set(alignment.pairs.relation))
    ['containment', 'paraphrase', 'shared_clause', 'shared_quote']
    """

    def __init__(
        self,
        *,
        model: PairModel | None = None,
        threshold: float | None = None,
        top_k: int = 10,
        min_cosine: float = 0.1,
        cross_outlet: bool = True,
        kinds: Sequence[str] = ("claim",),
        chunk_size: int = 2048,
        n_jobs: int | None = None,
        relations: Sequence[str] = _RELATIONS,
        min_coverage: float = 0.8,
        min_quote_words: int = 4,
        cluster_threshold: float | None = None,
        actors: ActorIndex | pd.DataFrame | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.top_k = top_k
        self.min_cosine = min_cosine
        self.cross_outlet = cross_outlet
        self.kinds = kinds
        self.chunk_size = chunk_size
        self.n_jobs = n_jobs
        self.relations = relations
        self.min_coverage = min_coverage
        self.min_quote_words = min_quote_words
        self.cluster_threshold = cluster_threshold
        self.actors = actors

    # -- parameters -----------------------------------------------------------------------------

    def _check_model(self) -> None:
        if self.model is not None and not isinstance(self.model, PairModel):
            raise ParameterError(
                f"model must be a PairModel or None, got {type(self.model).__name__}"
            )

    def _model(self) -> PairModel:
        """What scores pairs: ``model_`` once fitted, else ``model`` or the shipped model."""
        self._check_model()
        fitted = getattr(self, "model_", None)
        if isinstance(fitted, PairModel):
            return fitted
        if self.model is None:
            return PairModel.default()
        if not self.model.__sklearn_is_fitted__():
            raise NotFittedError(
                "this ClaimAligner's model is a PairModel that is not fitted: call "
                "ClaimAligner.fit(texts_a, texts_b, labels) first, or pass a fitted model "
                "(model=PairModel.default(), or None for the shipped one)"
            )
        return self.model

    def __sklearn_is_fitted__(self) -> bool:
        """Whether the aligner can score pairs (fitted, or given a fitted or no model)."""
        if hasattr(self, "model_"):
            return True
        return self.model is None or (
            isinstance(self.model, PairModel) and self.model.__sklearn_is_fitted__()
        )

    def _validate(self) -> tuple[PairModel, float]:
        if not is_int(self.top_k):
            raise ParameterError(f"top_k must be an integer >= 1, got {self.top_k!r}")
        if not 1 <= self.top_k <= 1000:
            raise ParameterError(f"top_k must be between 1 and 1000, got {self.top_k}")
        if not is_int(self.chunk_size) or not 1 <= self.chunk_size <= 10**6:
            raise ParameterError(
                f"chunk_size must be an integer from 1 to 1e6, got {self.chunk_size!r}"
            )
        if not is_real(self.min_cosine) or not 0.0 <= self.min_cosine < 1.0:
            raise ParameterError(f"min_cosine must be in [0, 1), got {self.min_cosine!r}")
        _threads(self.n_jobs)
        model = self._model()
        threshold = self.threshold if self.threshold is not None else model.threshold_
        if not is_real(threshold) or not 0.0 < float(threshold) < 1.0:
            raise ParameterError(f"threshold must be a probability in (0, 1), got {threshold!r}")
        bad = sorted(set(self.kinds) - {"claim", "heading"})
        if bad or isinstance(self.kinds, str):
            raise ParameterError(
                f"kinds must be a tuple of 'claim' and/or 'heading', got {self.kinds!r}"
            )
        return model, float(threshold)

    def _validate_relations(self, threshold: float) -> tuple[frozenset[str], float]:
        if isinstance(self.relations, str) or not set(self.relations) <= set(_RELATIONS):
            raise ParameterError(
                f"relations must be a tuple of {list(_RELATIONS)} (or empty), "
                f"got {self.relations!r}"
            )
        if not is_real(self.min_coverage) or not 0.5 <= self.min_coverage <= 1.0:
            raise ParameterError(f"min_coverage must be in [0.5, 1], got {self.min_coverage!r}")
        if not is_int(self.min_quote_words) or not 2 <= self.min_quote_words <= 50:
            raise ParameterError(
                f"min_quote_words must be an integer from 2 to 50, got {self.min_quote_words!r}"
            )
        floor = self.cluster_threshold
        if floor is None:
            floor = 0.8 * threshold
        if not is_real(floor) or not 0.0 < float(floor) <= threshold:
            raise ParameterError(
                f"cluster_threshold must be in (0, threshold={threshold:g}], got {floor!r}"
            )
        return frozenset(self.relations), float(floor)

    def _actor_index(self) -> ActorIndex:
        if self.actors is None:
            return _relations.gazetteer_index()
        if not isinstance(self.actors, (ActorIndex, pd.DataFrame, Mapping)):
            raise ParameterError(
                "actors must be an ActorIndex, a find_actors() DataFrame or a mapping "
                f"{{actor: [aliases]}}, got {type(self.actors).__name__}"
            )
        return ActorIndex.from_actors(self.actors)

    # -- pair API -------------------------------------------------------------------------------

    def fit(
        self, texts_a: Sequence[str], texts_b: Sequence[str], labels: Sequence[int]
    ) -> ClaimAligner:
        """Learn the pair model from your own gold pairs (1: same claim, 0: not).

        The model learnt goes to ``model_``, a :class:`PairModel` with the parameters of
        ``model`` (default ones when ``model`` is None); ``model`` itself is left as given.

        Returns
        -------
        ClaimAligner
            ``self``.

        Examples
        --------
        >>> from claimcompare.similarity import PairModel
        >>> a = ["Haftar's forces seized Sirte.", "Turkey sent troops.", "Sirte fell to Haftar.",
        ...      "The UN called for a ceasefire.", "Haftar rejected the truce.", "Gaddafi fell."]
        >>> b = ["Forces loyal to Haftar took Sirte.", "Egypt backs Haftar.", "Haftar took Sirte.",
        ...      "It rained in Tripoli.", "Haftar said no to the truce.", "Oil prices rose."]
        >>> aligner = ClaimAligner(model=PairModel(cv=2)).fit(a, b, [1, 0, 1, 0, 1, 0])
        >>> aligner.predict(a, b).tolist()
        [1, 0, 1, 0, 1, 0]
        >>> aligner.model, aligner.model_.threshold_ > 0
        (PairModel(cv=2), True)
        """
        self._check_model()
        base = self.model if self.model is not None else PairModel()
        self.model_ = clone(base).fit(texts_a, texts_b, labels)
        return self

    def predict_proba(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Probability that each pair of texts states the same thing, as an ``(n, 2)`` array.

        Examples
        --------
        >>> a = ["Haftar's forces seized Sirte", "Haftar's forces seized Sirte"]
        >>> b = ["Fighters loyal to Khalifa Haftar have taken the city of Sirte",
        ...      "Trump discussed Libya with Erdogan in a phone call."]
        >>> p = ClaimAligner().predict_proba(a, b)
        >>> p.shape, bool(p[0, 1] > 3 * p[1, 1])
        ((2, 2), True)
        """
        model, _ = self._validate()
        return model.predict_proba(texts_a, texts_b)

    def predict(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """1 where a pair of texts states the same thing (probability >= threshold), else 0."""
        model, threshold = self._validate()
        return (model.predict_proba(texts_a, texts_b)[:, 1] >= threshold).astype(int)

    # -- claims ---------------------------------------------------------------------------------

    def align(self, claims: pd.DataFrame, *, targets: pd.DataFrame | None = None) -> Alignment:
        """Align a claims table (from :func:`~claimcompare.claims.split_claims`).

        Parameters
        ----------
        claims : pandas.DataFrame
            ``claim_id, doc_id, outlet, text`` (and ``kind``, when present).
        targets : pandas.DataFrame, optional
            ``claim_id`` and ``target``, such as :func:`~claimcompare.terms.find_loaded_terms`
            returns: in the relations, each claim also names the actors its loaded labels point
            at ("a renegade general" resolved to Khalifa Haftar names him). Missing targets
            are ignored.

        Returns
        -------
        Alignment
            ``.pairs`` and ``.clusters``; see :class:`Alignment`.
        """
        model, threshold = self._validate()
        relations, floor = self._validate_relations(threshold)
        index = self._actor_index()
        table = _check_claims(claims)
        table = table[table["kind"].isin(self.kinds)] if "kind" in table.columns else table
        table = table.sort_values("claim_id", kind="stable").reset_index(drop=True)
        n = len(table)
        if n < 2:
            return Alignment(_empty_pairs(), pd.DataFrame(columns=_CLUSTER_COLUMNS), 0)
        texts = table["text"].astype(str).tolist()
        docs = table["doc_id"].astype(str).to_numpy()
        outlets = table["outlet"].astype(str).to_numpy()
        mentions = _mentions(table["claim_id"].astype(str).tolist(), targets)
        # Relations and candidates: one table over the distinct texts (with the actors their
        # labels point at) of all claims; weights are inverse document frequencies among them.
        keyed: dict[tuple[str, tuple[str, ...]], int] = {}
        rel_row = np.fromiter(
            (keyed.setdefault(key, len(keyed)) for key in zip(texts, mentions, strict=True)),
            dtype=np.int64,
            count=n,
        )
        rtab = _relations.relation_table(
            [text for text, _ in keyed],
            actors=index,
            min_quote_words=int(self.min_quote_words),
            mentions=[m for _, m in keyed] if targets is not None else None,
        )
        vectors = _relations.tfidf(rtab)
        min_cosine_ = float(self.min_cosine)
        found = _candidates(
            vectors[rel_row],
            docs=docs,
            outlets=outlets if self.cross_outlet else None,
            top_k=int(self.top_k),
            min_cosine=min_cosine_,
            chunk_size=int(self.chunk_size),
            n_jobs=_threads(self.n_jobs),
        )
        ia, ib, cosine = found.ia, found.ib, found.cosine
        logger.info("aligning %d claims: %d candidate pairs", n, len(ia))
        # One table over the distinct texts of the candidates (what pair_signals would build
        # from the two text lists) serves the candidates and the pairs clustering asks for.
        row_of = np.full(n, -1, dtype=np.int64)
        used = np.unique(np.r_[ia, ib, found.wa, found.wb])
        tab = None
        if len(used):
            distinct, row_of[used] = _distinct([texts[k] for k in used])
            tab = _tables(distinct)
        signals = (
            _signal_frame(tab, row_of[ia], row_of[ib]) if tab is not None and len(ia) else None
        )
        if signals is None:
            signals = pair_signals([], [])
        scores = model.predict_proba_signals(signals)[:, 1] if len(ia) else np.zeros(0)
        logger.debug("scored %d candidate pairs", len(ia))
        min_coverage = float(self.min_coverage)

        def relate(x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
            return _relations.pair_relations(
                rtab, rel_row[x], rel_row[y], min_coverage=min_coverage, min_terms=_MIN_TERMS
            )

        rel = relate(ia, ib)
        bits = _bits(rel, relations)
        label = _label(rel, bits, scores, threshold=threshold, relations=relations)
        keep = np.flatnonzero(label != "")

        def unzip(keys: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
            x = np.fromiter((k[0] for k in keys), dtype=np.int64, count=len(keys))
            y = np.fromiter((k[1] for k in keys), dtype=np.int64, count=len(keys))
            return x, y

        def score_pairs(keys: list[tuple[int, int]]) -> np.ndarray:
            """Scores of pairs the clustering asks for."""
            x, y = unzip(keys)
            # Every group member is an end of a candidate or searched pair: it has a table row.
            assert tab is not None
            return model.predict_proba_signals(_signal_frame(tab, row_of[x], row_of[y]))[:, 1]

        def relate_pairs(keys: list[tuple[int, int]]) -> np.ndarray:
            """Relation bits of pairs the clustering asks for, and whether they are far."""
            x, y = unzip(keys)
            near = np.asarray(vectors[rel_row[x]].multiply(vectors[rel_row[y]]).sum(axis=1))
            far = np.where(near.ravel() < min_cosine_ / 2.0, _FAR, 0)
            return _bits(relate(x, y), relations) | far

        ids = table["claim_id"].astype(str).to_numpy()
        pairs = _pair_frame(
            table,
            ids,
            texts,
            ia[keep],
            ib[keep],
            scores[keep],
            label[keep],
            cosine[keep],
            rel.iloc[keep].reset_index(drop=True),
            rtab,
            rel_row,
        )
        pairs = pd.concat([pairs, signals.iloc[keep].reset_index(drop=True)], axis=1)
        pairs = pairs.sort_values(["score", "claim_a", "claim_b"], ascending=[False, True, True])
        # Same-outlet pairs of the search: only those a relation links help the clustering.
        witness = (
            _bits(relate(found.wa, found.wb), relations)
            if len(found.wa)
            else np.zeros(0, dtype=np.int64)
        )
        is_linked = (witness & _LINKS) > 0
        linked, unlinked = np.flatnonzero(is_linked), np.flatnonzero(~is_linked)
        drop = np.flatnonzero(label == "")
        wa, wb, wbits = found.wa[linked], found.wb[linked], witness[linked]
        wscore = score_pairs(list(zip(wa.tolist(), wb.tolist(), strict=True))) if len(wa) else wbits
        groups = _cluster(
            docs=docs.tolist(),
            pairs=(
                np.r_[ia[keep], wa],
                np.r_[ib[keep], wb],
                np.r_[scores[keep], wscore].astype(np.float64),
                np.r_[bits[keep], wbits].astype(np.int64),
            ),
            bits=relate_pairs,
            scores=score_pairs,
            threshold=threshold,
            floor=floor,
            # Facts already computed: the other candidates' scores and bits, and the bits of
            # same-outlet pairs no relation links (the clustering would fetch them again).
            known=(
                np.r_[ia[drop], found.wa[unlinked]],
                np.r_[ib[drop], found.wb[unlinked]],
                np.r_[scores[drop], np.full(len(unlinked), np.nan)].astype(np.float64),
                np.r_[bits[drop], witness[unlinked]].astype(np.int64),
            ),
        )
        clusters = _cluster_frame(table, groups, one_outlet=not self.cross_outlet)
        return Alignment(pairs.reset_index(drop=True), clusters, candidates=len(ia))

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params(deep=False).items() if v != _DEFAULTS.get(k)}
        inner = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"ClaimAligner({inner})"


#: Aligned pairs looked ahead when unscored pairs are needed for a merge (see _merge).
_LOOKAHEAD = 4096
#: Least number of shared content terms of a containment or a mutual coverage.
_MIN_TERMS = 3
#: Relation bits of a pair (i, j), i < j: i in j, j in i, each in the other, a shared quote.
_FIRST_IN, _SECOND_IN, _MUTUAL, _QUOTE, _CLAUSE = 1, 2, 4, 8, 32
_LINKS = _FIRST_IN | _SECOND_IN | _MUTUAL | _QUOTE | _CLAUSE
#: Not a relation: the pair's TF-IDF cosine is below half of ``min_cosine`` (far below what
#: the search proposes), so no score makes it compatible and none is computed.
_FAR = 16
#: Not a relation either: the two claims are too uneven for the model's score to mean
#: anything: one has less than _MIN_EVEN_COVERAGE of its weighted content in the other.
#: MSRP's training paraphrases are almost never that uneven (0.07 %), so the model
#: extrapolates there: in news articles most such "paraphrases" are a short line and a long
#: sentence that happens to contain its words ("Thanks." and a quotation ending in it). A
#: containment judges those pairs instead.
_UNEVEN = 64
_MIN_EVEN_COVERAGE = 0.2
_DEFAULTS: dict[str, Any] = {
    "model": None,
    "threshold": None,
    "top_k": 10,
    "min_cosine": 0.1,
    "cross_outlet": True,
    "kinds": ("claim",),
    "chunk_size": 2048,
    "n_jobs": None,
    "relations": _RELATIONS,
    "min_coverage": 0.8,
    "min_quote_words": 4,
    "cluster_threshold": None,
    "actors": None,
}


def _threads(n_jobs: Any) -> int:
    """Threads for ``n_jobs``: None -> up to 4 cores, -1 -> all cores, else the number given."""
    cores = os.cpu_count() or 1
    if n_jobs is None:
        return min(4, cores)
    if is_int(n_jobs):
        if n_jobs == -1:
            return cores
        if n_jobs >= 1:
            return int(n_jobs)
    raise ParameterError(f"n_jobs must be None, -1 or an integer >= 1, got {n_jobs!r}")


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(columns=_PAIR_COLUMNS)


def _check_claims(claims: Any) -> pd.DataFrame:
    require_columns(claims, _REQUIRED, name="claims table", made_by="split_claims")
    if claims["claim_id"].duplicated().any():
        dupes = claims.loc[claims["claim_id"].duplicated(), "claim_id"].head(3).tolist()
        raise InputError(f"claims table has duplicate claim_id values, e.g. {dupes}")
    return claims.copy()


def _mentions(ids: list[str], targets: pd.DataFrame | None) -> list[tuple[str, ...]]:
    """Per claim, the sorted distinct targets ``targets`` gives it."""
    if targets is None:
        return [()] * len(ids)
    require_columns(targets, ("claim_id", "target"), name="targets", made_by="find_loaded_terms")
    found: dict[str, set[str]] = {}
    for claim, target in zip(targets["claim_id"].tolist(), targets["target"].tolist(), strict=True):
        if isinstance(claim, str) and isinstance(target, str) and target.strip():
            found.setdefault(claim, set()).add(target.strip())
    return [tuple(sorted(found.get(i, ()))) for i in ids]


def _bits(rel: pd.DataFrame, relations: frozenset[str]) -> np.ndarray:
    """Relation bits of each pair (see _FIRST_IN ...), for the relations switched on, and
    ``_UNEVEN``."""
    coverage = np.minimum(rel["coverage_a"].to_numpy(), rel["coverage_b"].to_numpy())
    bits = np.where(coverage < _MIN_EVEN_COVERAGE, _UNEVEN, 0).astype(np.int64)
    if "containment" in relations:
        contained = rel["contained"].to_numpy()
        bits |= np.where(contained == "a", _FIRST_IN, 0)
        bits |= np.where(contained == "b", _SECOND_IN, 0)
        bits |= np.where(rel["mutual"].to_numpy(dtype=bool), _MUTUAL, 0)
    if "shared_quote" in relations:
        bits |= np.where(rel["shared_quote"].to_numpy() != "", _QUOTE, 0)
    if "shared_clause" in relations:
        bits |= np.where(rel["shared_clause"].to_numpy() != "", _CLAUSE, 0)
    return bits


def _label(
    rel: pd.DataFrame,
    bits: np.ndarray,
    scores: np.ndarray,
    *,
    threshold: float,
    relations: frozenset[str],
) -> np.ndarray:
    """Why each pair is aligned (``""`` when it is not): containment, paraphrase, shared quote
    or clause."""
    label = np.full(len(bits), "", dtype=object)
    label[(bits & _CLAUSE) > 0] = "shared_clause"
    label[(bits & _QUOTE) > 0] = "shared_quote"
    label[((scores >= threshold) & ((bits & _UNEVEN) == 0)) | ((bits & _MUTUAL) > 0)] = "paraphrase"
    label[(bits & (_FIRST_IN | _SECOND_IN)) > 0] = "containment"
    return label


def _missing(values: Iterable[Any]) -> list[Any]:
    """Empty strings as missing values (pandas shows them as NaN)."""
    return [v if v else None for v in values]


def _pair_frame(
    table: pd.DataFrame,
    ids: np.ndarray,
    texts: list[str],
    ia: np.ndarray,
    ib: np.ndarray,
    scores: np.ndarray,
    label: np.ndarray,
    cosine: np.ndarray,
    rel: pd.DataFrame,
    rtab: _relations.RelationTable,
    rel_row: np.ndarray,
) -> pd.DataFrame:
    contained = rel["contained"].to_numpy()
    which = np.where(contained == "a", ids[ia], np.where(contained == "b", ids[ib], ""))
    return pd.DataFrame(
        {
            "claim_a": ids[ia],
            "claim_b": ids[ib],
            "score": scores,
            "relation": label.astype(str),
            "doc_a": table["doc_id"].to_numpy()[ia],
            "doc_b": table["doc_id"].to_numpy()[ib],
            "outlet_a": table["outlet"].to_numpy()[ia],
            "outlet_b": table["outlet"].to_numpy()[ib],
            "text_a": [texts[i] for i in ia],
            "text_b": [texts[j] for j in ib],
            "cosine": cosine,
            "coverage_a": rel["coverage_a"].to_numpy(dtype=np.float64),
            "coverage_b": rel["coverage_b"].to_numpy(dtype=np.float64),
            "contained": pd.array(_missing(which.tolist()), dtype="str"),
            "shared_quote": pd.array(_missing(rel["shared_quote"].tolist()), dtype="str"),
            "shared_clause": pd.array(_missing(rel["shared_clause"].tolist()), dtype="str"),
            "shared_actors": pd.array(
                _missing(_relations.shared_actors(rtab, rel_row[ia], rel_row[ib])), dtype="str"
            ),
        },
        columns=_PAIR_COLUMNS,
    )


@dataclass(frozen=True)
class _Found:
    """Candidate pairs ``ia < ib`` with their cosine, and same-outlet pairs ``wa < wb``."""

    ia: np.ndarray
    ib: np.ndarray
    cosine: np.ndarray
    wa: np.ndarray
    wb: np.ndarray


def _top(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``top_k`` entries: highest value first, ties broken by column, so the
    choice does not depend on the input order. Entries are distinct ``(row, col)``."""
    packed = _packed(rows, cols, values)
    if packed is None:
        order = np.lexsort((cols, -values, rows))
        rows, cols, values = rows[order], cols[order], values[order]
    else:
        rows, cols, values = packed
    top = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left") < top_k
    return rows[top], cols[top], values[top]


def _packed(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """``rows, cols, values`` in the order of ``np.lexsort((cols, -values, rows))``, sorted as
    one int64 key each (row, value's float32 bits from the highest down, column), several
    times faster than lexsort; None when the key does not fit in 63 bits or ``values`` are
    not non-negative float32 (whose bits order as the values do)."""
    if values.dtype != np.float32 or not len(values) or values.min() < 0:
        return None
    n_bits = int(max(rows.max(), cols.max(), 0)).bit_length()
    bits = values.view(np.int32).astype(np.int64)
    high = int(bits.max())
    v_bits = (high - int(bits.min())).bit_length()
    if 2 * n_bits + v_bits > 63 or rows.min() < 0 or cols.min() < 0:
        return None
    keys = (rows.astype(np.int64) << (v_bits + n_bits)) | ((high - bits) << n_bits) | cols
    keys.sort()
    rows, cols = keys >> (v_bits + n_bits), keys & ((1 << n_bits) - 1)
    bits = high - ((keys >> n_bits) & ((1 << v_bits) - 1))
    return rows, cols, bits.astype(np.int32).view(np.float32)


def _unordered(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique unordered pairs ``(a < b)``; a pair found from both sides keeps the value
    computed from its later row."""
    ia, ib = np.minimum(rows, cols), np.maximum(rows, cols)
    n_bits = int(ib.max(initial=0)).bit_length()
    if 2 * n_bits + 1 <= 63 and not (len(ia) and ia.min() < 0):
        # One int64 key (a, b, found from b), faster than lexsort((rows, ib, ia)).
        order = np.argsort((ia << (n_bits + 1)) | (ib << 1) | (rows == ib), kind="stable")
    else:
        order = np.lexsort((rows, ib, ia))
    ia, ib, values = ia[order], ib[order], values[order]
    last = np.r_[(ia[1:] != ia[:-1]) | (ib[1:] != ib[:-1]), True] if len(ia) else np.zeros(0, bool)
    return ia[last], ib[last], values[last].astype(np.float64)


def _both_ends(
    first: np.ndarray, second: np.ndarray, values: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(first, second)`` kept when among the ``top_k`` of either end, as unordered
    pairs (see _unordered)."""
    rows, cols, values = _top(
        np.r_[first, second], np.r_[second, first], np.r_[values, values], top_k
    )
    return _unordered(rows, cols, values)


def _candidates(
    matrix: sp.csr_matrix,
    *,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
    chunk_size: int,
    n_jobs: int = 2,
) -> _Found:
    """Each row's top-k neighbours by cosine (rows of ``matrix`` are l2-normalised) in other
    documents, chunk by chunk.

    With ``outlets``, neighbours of other outlets are the candidates, and those of the same
    outlet (other documents) are returned apart, as ``wa, wb``.
    """
    empty = np.zeros(0, dtype=np.int64)
    n = matrix.shape[0]
    _, doc_codes = np.unique(docs, return_inverse=True)
    outlet_codes = np.unique(outlets, return_inverse=True)[1] if outlets is not None else None

    def strong_of_block(lo: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs ``row < col`` of other documents, ``row`` in the block, cosine >= min_cosine.

        Each pair is computed once, from its first row: the block against the rows from
        ``lo`` on (half the products of the whole matrix). Its cosine is the same float from
        either end: rows have sorted indices, so the same products add up in the same order.
        """
        hi = min(lo + chunk_size, n)
        block = (matrix[lo:hi] @ matrix[lo:].T.tocsr()).tocsr()
        # Most products are tiny cosines: drop them before anything else touches the block.
        strong = np.flatnonzero(block.data >= min_cosine)
        rows = lo + np.searchsorted(block.indptr, strong, side="right") - 1
        cols, values = lo + block.indices[strong].astype(np.int64), block.data[strong]
        del block, strong
        keep = (cols > rows) & (doc_codes[rows] != doc_codes[cols])
        return rows[keep], cols[keep], values[keep]

    # Sparse products and sorts release the GIL: n_jobs blocks at a time use n_jobs cores,
    # and memory holds at most n_jobs blocks.
    with ThreadPoolExecutor(max_workers=n_jobs) as pool:
        found = list(pool.map(strong_of_block, range(0, n, chunk_size)))
    first, second, values = (np.concatenate([f[k] for f in found]) for k in range(3))
    del found
    if outlet_codes is None:
        return _Found(*_both_ends(first, second, values, top_k), empty, empty)
    same = outlet_codes[first] == outlet_codes[second]
    ia, ib, cosine = _both_ends(first[~same], second[~same], values[~same], top_k)
    wa, wb, _ = _both_ends(first[same], second[same], values[same], top_k)
    return _Found(ia, ib, cosine, wa, wb)


#: A pair's facts the clustering may lack: relation bits (cheap) or model score (costly).
_Need = tuple[set[tuple[int, int]], set[tuple[int, int]]]
_NONE: frozenset[int] = frozenset()


class _Facts:
    """Relation bits and scores of claim pairs ``(i < j)``, fetched in batches on demand.

    Bits are cheap and fetched for every pair a merge looks at; scores cost a pass of the pair
    model and are fetched only for pairs the bits leave undecided.
    """

    def __init__(
        self,
        *,
        bits: Callable[[list[tuple[int, int]]], np.ndarray],
        scores: Callable[[list[tuple[int, int]]], np.ndarray],
        threshold: float,
        floor: float,
    ) -> None:
        self.fetch_bits = bits
        self.fetch_scores = scores
        self.threshold = threshold
        self.floor = floor
        self.score: dict[tuple[int, int], float] = {}
        self.bits: dict[tuple[int, int], int] = {}
        self.sub: dict[int, set[int]] = {}  # claim -> the claims it contains
        self.sup: dict[int, set[int]] = {}  # claim -> the claims that contain it
        self.fetched = [0, 0, 0]  # batches, pairs with bits, pairs with scores

    def add(self, need: _Need) -> None:
        # Not ``need[0] - self.bits.keys()``: a set minus a dict view walks the whole dict.
        bits = sorted(k for k in need[0] if k not in self.bits)
        scores = sorted(k for k in need[1] if k not in self.score)
        if bits:
            self.record(bits, self.fetch_bits(bits).tolist())
        if scores:
            self.score.update(zip(scores, self.fetch_scores(scores).tolist(), strict=True))
        self.fetched[0] += 1
        self.fetched[1] += len(bits)
        self.fetched[2] += len(scores)

    def record(self, keys: list[tuple[int, int]], bits: list[int]) -> None:
        """Store relation bits, and who contains whom."""
        self.bits.update(zip(keys, bits, strict=True))
        for (i, j), b in zip(keys, bits, strict=True):
            if b & _FIRST_IN:
                self.sub.setdefault(j, set()).add(i)
                self.sup.setdefault(i, set()).add(j)
            elif b & _SECOND_IN:
                self.sub.setdefault(i, set()).add(j)
                self.sup.setdefault(j, set()).add(i)

    def co_contained(self, x: int, y: int, group: set[int]) -> bool:
        """Both ``x`` and ``y`` contain a third claim of ``group`` (as far as known)."""
        sub_x = self.sub.get(x)
        return bool(sub_x and (sub_x & self.sub.get(y, _NONE) & group))

    def compatible(self, x: int, y: int, group: set[int], need: _Need) -> bool | None:
        """May ``x`` and ``y`` (different documents) share ``group``? See the module docstring.

        The bits of the pair must be known; None when its score is missing and needed (the
        key is added to ``need``).
        """
        if self.co_contained(x, y, group):
            return True  # both state a third claim of the group
        return self._judge(x, y, (x, y) if x < y else (y, x), group, need)

    def _judge(
        self, x: int, y: int, key: tuple[int, int], group: set[int], need: _Need
    ) -> bool | None:
        """:meth:`compatible` for a pair known not to be co-contained in ``group``."""
        bits = self.bits[key]
        if bits & _LINKS:
            return True  # a relation links them
        if bits & (_FAR | _UNEVEN):
            return False  # too far apart or too uneven for any score
        score = self.score.get(key)
        if score is None:
            need[1].add(key)
            return None
        if score >= self.threshold:
            return True
        if self.sup.get(x, _NONE) & self.sup.get(y, _NONE) & group:
            return False  # two parts of a third claim, maybe unrelated to each other
        return score >= self.floor

    def decide(self, left: list[int], right: list[int], need: _Need) -> bool | None:
        """Whether two groups of different documents may merge; None when facts are missing.

        Pairs that both contain a claim of the two groups are compatible whatever else is
        known about them (claims joining a group one by one, each containing the same claim,
        need nothing fetched). The other cross pairs need their bits, all of them before any
        pair is judged (co-containment through a claim of the other group needs them); a
        pair known to be incompatible settles the merge at once, so nothing is fetched for a
        merge that cannot happen.
        """
        known = self.bits
        if len(left) == 1 and len(right) == 1:  # two single claims: no third to consider
            x, y = left[0], right[0]
            key = (x, y) if x < y else (y, x)
            if key not in known:
                need[0].add(key)
                return None
            return self._judge(x, y, key, {x, y}, need)
        group = set(left) | set(right)
        sub = self.sub
        # The cross pairs not co-contained, as (x, y, key), and the keys without bits.
        pairs: list[tuple[int, int, tuple[int, int]]] = []
        missing: list[tuple[int, int]] = []
        for x in left:
            sub_x = sub.get(x)
            shared = sub_x & group if sub_x else None
            for y in right:
                if shared and not shared.isdisjoint(sub.get(y, _NONE)):
                    continue
                key = (x, y) if x < y else (y, x)
                pairs.append((x, y, key))
                if key not in known:
                    missing.append(key)
        if not pairs:
            return True
        if missing:
            # A pair known to fail settles the merge when no missing fact could rescue it
            # (a claim of the group containing both, its bits with one of them not known).
            ends = {end for k in missing for end in k}
            ignored: _Need = (set(), set())
            for x, y, key in pairs:
                if x in ends or y in ends or key not in known:
                    continue
                if self._judge(x, y, key, group, ignored) is False:
                    return False
            need[0].update(missing)
            return None
        undecided = False
        for x, y, key in pairs:
            ok = self._judge(x, y, key, group, need)
            if ok is False:
                return False
            undecided |= ok is None
        return None if undecided else True


class _Groups:
    """Disjoint groups of claims, at most one claim per document in each."""

    def __init__(self, docs: list[str]) -> None:
        self.docs = docs
        self.group_of: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}

    def of(self, x: int) -> int:
        return self.group_of.get(x, x)

    def of_group(self, g: int) -> list[int]:
        return self.members.get(g, [g])

    def disjoint(self, left: list[int], right: list[int]) -> bool:
        """No document has a claim in both groups."""
        docs = self.docs
        if len(left) == 1 and len(right) == 1:
            return docs[left[0]] != docs[right[0]]
        seen = {docs[x] for x in left}
        return not any(docs[y] in seen for y in right)

    def merge(self, ga: int, gb: int, merged: list[int]) -> None:
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        self.members[keep] = merged
        self.members.pop(drop, None)
        self.group_of.update((x, keep) for x in merged)


def _merge(order: list[tuple[int, int]], facts: _Facts, groups: _Groups) -> None:
    """Merge along ``order`` wherever every cross pair of the two groups is compatible."""

    def fetch_ahead(start: int) -> None:
        """Fetch the facts the merges from ``order[start]`` on may need, in a few batches.

        The next merges are replayed on an overlay of the groups, as if every merge a missing
        fact decides failed: exact up to the first such merge, and a batch of the facts the
        merges ahead ask for. The replay runs again with them, for the merges they allow.
        One call per pair dominated align() on large inputs.
        """
        for _ in range(2):
            need = ahead(start)
            if not need[0] and not need[1]:
                return
            facts.add(need)

    def ahead(start: int) -> _Need:
        sim_group: dict[int, int] = {}
        sim_members: dict[int, list[int]] = {}
        need: _Need = (set(), set())
        # A group is known by its id and size (groups only grow): a merge looked at again
        # in the same replay, facts unchanged, ends the same way (its facts are in need).
        tried: set[tuple[int, int, int, int]] = set()
        group_of, members = groups.group_of, groups.members
        for i, j in order[start : start + _LOOKAHEAD]:
            ga, gb = sim_group.get(i), sim_group.get(j)
            if ga is None:
                ga = group_of.get(i, i)
            if gb is None:
                gb = group_of.get(j, j)
            if ga == gb:
                continue
            left, right = sim_members.get(ga), sim_members.get(gb)
            if left is None:
                left = members.get(ga) or [ga]
            if right is None:
                right = members.get(gb) or [gb]
            state = (ga, len(left), gb, len(right))
            if state in tried:
                continue
            if groups.disjoint(left, right) and facts.decide(left, right, need):
                keep, drop = (ga, gb) if ga < gb else (gb, ga)
                sim_members[keep] = merged = sorted(left + right)
                sim_members[drop] = []
                sim_group.update((x, keep) for x in merged)
            else:
                tried.add(state)
        return need

    # Merges that failed since the last batch of facts (see ``tried`` in ahead).
    failed: set[tuple[int, int, int, int]] = set()
    batches = facts.fetched[0]
    for t, (i, j) in enumerate(order):
        ga, gb = groups.of(i), groups.of(j)
        if ga == gb:
            continue
        left, right = groups.of_group(ga), groups.of_group(gb)
        state = (ga, len(left), gb, len(right))
        if batches != facts.fetched[0]:
            failed, batches = set(), facts.fetched[0]
        if state in failed:
            continue
        if not groups.disjoint(left, right):
            failed.add(state)
            continue
        ok = facts.decide(left, right, (set(), set()))
        while ok is None:
            fetch_ahead(t)
            ok = facts.decide(left, right, (set(), set()))
        if ok:
            groups.merge(ga, gb, sorted(left + right))
        else:
            if batches != facts.fetched[0]:
                failed, batches = set(), facts.fetched[0]
            failed.add(state)


def _cluster(
    *,
    docs: list[str],
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    bits: Callable[[list[tuple[int, int]]], np.ndarray],
    scores: Callable[[list[tuple[int, int]]], np.ndarray],
    threshold: float,
    floor: float,
    known: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> list[list[int]]:
    """Groups of claims (see the module docstring): symmetric links first, then containments
    by the support of the contained claim's statement.

    ``pairs`` (``a < b``, score, relation bits) are the links merged along; ``known`` holds
    facts of other pairs (score NaN when not scored), never fetched again.
    """
    a, b, score, relation = pairs
    facts = _Facts(bits=bits, scores=scores, threshold=threshold, floor=floor)
    if known is not None:
        keys = list(zip(known[0].tolist(), known[1].tolist(), strict=True))
        scored = np.flatnonzero(~np.isnan(known[2])).tolist()
        facts.score.update(zip([keys[k] for k in scored], known[2][scored].tolist(), strict=True))
        facts.record(keys, known[3].tolist())
    keys = list(zip(a.tolist(), b.tolist(), strict=True))
    facts.score.update(zip(keys, score.tolist(), strict=True))
    facts.record(keys, relation.tolist())
    groups = _Groups(docs)
    contains = (relation & (_FIRST_IN | _SECOND_IN)) > 0
    symmetric = np.flatnonzero(~contains)
    # Verbatim evidence (a shared quote, each claim covering the other) before the model's
    # paraphrases, each strongest first: the same quoted words are the same statement.
    verbatim = (relation[symmetric] & (_MUTUAL | _QUOTE)) > 0
    first = symmetric[np.lexsort((b[symmetric], a[symmetric], -score[symmetric], ~verbatim))]
    _merge([keys[k] for k in first], facts, groups)
    logger.debug(
        "clustering, symmetric links: %d merges looked at, %d pairs fetched",
        len(first),
        facts.fetched[1],
    )
    # Containments, as (contained, container), the best supported statements first.
    edges = [
        (int(a[k]), int(b[k]), float(score[k]))
        if relation[k] & _FIRST_IN
        else (int(b[k]), int(a[k]), float(score[k]))
        for k in np.flatnonzero(contains)
    ]
    holders: dict[int, set[str]] = {}
    for s, container, _ in edges:
        holders.setdefault(groups.of(s), set()).add(docs[container])

    def support(s: int) -> int:
        g = groups.of(s)
        return len({docs[x] for x in groups.of_group(g)} | holders.get(g, set()))

    edges.sort(key=lambda e: (-support(e[0]), -e[2], e[0], e[1]))
    _merge([(s, container) for s, container, _ in edges], facts, groups)
    logger.debug(
        "clustering fetched bits of %d and scores of %d more pairs in %d batches",
        facts.fetched[1],
        facts.fetched[2],
        facts.fetched[0],
    )
    return sorted(sorted(m) for m in groups.members.values() if len(m) > 1)


def _cluster_frame(
    table: pd.DataFrame, groups: list[list[int]], *, one_outlet: bool
) -> pd.DataFrame:
    """One row per claim of each group; groups of one outlet only when ``one_outlet``."""
    ids = table["claim_id"].astype(str).tolist()
    docs = table["doc_id"].astype(str).tolist()
    outlets = table["outlet"].astype(str).tolist()
    texts = table["text"].astype(str).tolist()
    rows = []
    kept = [g for g in groups if one_outlet or len({outlets[k] for k in g}) > 1]
    # Groups hold table positions, and the table is sorted by claim id.
    for cluster_id, group in enumerate(sorted(sorted(g) for g in kept)):
        n_outlets = len({outlets[k] for k in group})
        for k in group:
            rows.append(
                {
                    "cluster_id": cluster_id,
                    "claim_id": ids[k],
                    "doc_id": docs[k],
                    "outlet": outlets[k],
                    "text": texts[k],
                    "size": len(group),
                    "n_outlets": n_outlets,
                }
            )
    return pd.DataFrame(rows, columns=_CLUSTER_COLUMNS)
