"""ClaimAligner: which claims of different outlets state the same thing, as pairs and groups.

The top of :mod:`claimcompare.align`, above the similarity models: the candidate search
(:mod:`~claimcompare.align.search`), the pair model's scores
(:class:`~claimcompare.similarity.PairModel`), the relations a score misses
(:mod:`~claimcompare.align.relations`) and the clustering (:mod:`~claimcompare.align.cluster`).
``docs/alignment.md`` gives the four steps and every rule.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from .._common.estimator import Estimator, is_int, is_real
from ..actors import ActorIndex
from ..errors import InputError, NotFittedError, ParameterError, require_columns
from ..similarity import (
    PairModel,
    TextTables,
    distinct_texts,
    pair_signals,
    signal_frame,
    text_tables,
)
from ..similarity.semantic import (
    Encoder,
    WordVectors,
    embed,
    resolve_encoder,
    semantic_signals,
    signals_of,
)
from .cluster import (
    CLAUSE,
    FAR,
    FIRST_IN,
    LINKS,
    MUTUAL,
    QUOTE,
    SECOND_IN,
    UNEVEN,
    cluster_claims,
    relation_bits,
)
from .model import AlignmentModel
from .relations import RelationTable, gazetteer_index, pair_relations, relation_table, shared_actors
from .search import (
    Candidates,
    find_candidates,
    find_embedding_candidates,
    merge_candidates,
    tfidf,
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
    model : AlignmentModel or PairModel, optional
        Scores pairs; the default ships with the package (see ``docs/alignment.md``): an
        :class:`~claimcompare.align.model.AlignmentModel` on lexical and semantic signals, or
        with ``encoder=None`` a :class:`PairModel` on lexical signals alone (a PairModel given
        here, or learnt by :meth:`fit`, reads lexical signals whatever the encoder).
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
        Relations that align a pair whatever its score (see ``docs/alignment.md``); ``()``
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
    encoder : "wordllama", object with ``encode(list[str])``, or None, default "wordllama"
        Text embeddings for the semantic signals (sentence cosine and soft word alignment):
        ``"wordllama"`` (static embeddings shipped in the wordllama wheel, loaded once per
        process, never downloaded) or any encoder you have (a sentence-transformers model);
        None: lexical signals only.

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
        encoder: Any = "wordllama",
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
        self.encoder = encoder

    # -- parameters -----------------------------------------------------------------------------

    def _check_model(self) -> None:
        if self.model is not None and not isinstance(self.model, (PairModel, AlignmentModel)):
            raise ParameterError(
                "model must be a PairModel, an AlignmentModel or None, "
                f"got {type(self.model).__name__}"
            )
        semantic = resolve_encoder(self.encoder) is not None
        if isinstance(self.model, AlignmentModel) and not semantic:
            raise ParameterError("an AlignmentModel reads semantic signals: give an encoder")

    def _model(self) -> PairModel | AlignmentModel:
        """What scores pairs: ``model_`` once fitted, else ``model`` or the shipped model."""
        self._check_model()
        fitted = getattr(self, "model_", None)
        if isinstance(fitted, PairModel | AlignmentModel):
            return fitted
        if self.model is None:
            semantic = resolve_encoder(self.encoder) is not None
            return AlignmentModel.default() if semantic else PairModel.default()
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

    def _validate(self) -> tuple[PairModel | AlignmentModel, float]:
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
            return gazetteer_index()
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
        if isinstance(model, PairModel):
            return model.predict_proba(texts_a, texts_b)
        encoder = resolve_encoder(self.encoder)
        assert encoder is not None  # _check_model: an AlignmentModel comes with an encoder
        frame = pair_signals(texts_a, texts_b)
        semantic = semantic_signals(texts_a, texts_b, encoder=encoder)
        return model.predict_proba_signals(pd.concat([frame, semantic], axis=1))

    def predict(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """1 where a pair of texts states the same thing (probability >= threshold), else 0."""
        _, threshold = self._validate()
        return (self.predict_proba(texts_a, texts_b)[:, 1] >= threshold).astype(int)

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
        run = _Run(
            table["text"].astype(str).tolist(),
            _mentions(table["claim_id"].astype(str).tolist(), targets),
            mentioned=targets is not None,
            actors=index,
            model=model,
            # A PairModel reads lexical signals only: the encoder then has nothing to do.
            encoder=resolve_encoder(self.encoder) if isinstance(model, AlignmentModel) else None,
            relations=relations,
            min_quote_words=int(self.min_quote_words),
            min_coverage=float(self.min_coverage),
            min_cosine=float(self.min_cosine),
        )
        docs = table["doc_id"].astype(str).to_numpy()
        found = self._candidates(run, docs, table["outlet"].astype(str).to_numpy())
        ia, ib = found.ia, found.ib
        logger.info("aligning %d claims: %d candidate pairs", n, len(ia))
        run.index_signals(np.unique(np.r_[ia, ib, found.wa, found.wb]))
        signals = run.signals(ia, ib)
        scores = run.score(signals)
        logger.debug("scored %d candidate pairs", len(ia))
        rel = run.relate(ia, ib)
        bits = relation_bits(rel, relations)
        label = _label(bits, scores, threshold=threshold)
        keep = np.flatnonzero(label != "")
        pairs = _pair_frame(table, run, found, keep, scores, label, rel, signals)
        groups = _groups(
            run,
            found,
            docs.tolist(),
            scores,
            bits,
            aligned=label != "",
            threshold=threshold,
            floor=floor,
        )
        clusters = _cluster_frame(table, groups, one_outlet=not self.cross_outlet)
        return Alignment(pairs.reset_index(drop=True), clusters, candidates=len(ia))

    def _candidates(self, run: _Run, docs: np.ndarray, outlets: np.ndarray) -> Candidates:
        """The TF-IDF top-k candidates and, with an encoder, the embedding top-k ones too."""
        outlets_or_none = outlets if self.cross_outlet else None
        top_k, n_jobs = int(self.top_k), _threads(self.n_jobs)
        found = find_candidates(
            run.vectors[run.rel_row],
            docs=docs,
            outlets=outlets_or_none,
            top_k=top_k,
            min_cosine=run.min_cosine,
            chunk_size=int(self.chunk_size),
            n_jobs=n_jobs,
        )
        if run.embedding is None:
            return found
        near = find_embedding_candidates(
            run.embedding[0][run.rel_row],
            docs=docs,
            outlets=outlets_or_none,
            top_k=min(top_k, _EMBED_TOP_K),
            min_cosine=_MIN_EMBED_COSINE,
            # a dense block is chunk x n floats: 1,024 rows measured best at 100k claims
            chunk_size=min(int(self.chunk_size), 1024),
            n_jobs=n_jobs,
        )
        return merge_candidates(found, near, run.vectors[run.rel_row])

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params(deep=False).items() if v != _DEFAULTS.get(k)}
        inner = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"ClaimAligner({inner})"


class _Run:
    """One call of :meth:`ClaimAligner.align`: the claims' tables, and what relates and scores
    pairs of claims (table positions ``x``, ``y``).

    Relations and candidates use one table over the distinct texts of all claims (with the actors
    their labels point at), its weights inverse document frequencies among them; the signals use
    one table over the distinct texts of the candidates, which serves the pairs the clustering
    asks for too (what :func:`~claimcompare.similarity.pair_signals` would build from two lists).
    """

    def __init__(
        self,
        texts: list[str],
        mentions: list[tuple[str, ...]],
        *,
        mentioned: bool,
        actors: ActorIndex,
        model: PairModel | AlignmentModel,
        encoder: Encoder | None,
        relations: frozenset[str],
        min_quote_words: int,
        min_coverage: float,
        min_cosine: float,
    ) -> None:
        self.texts = texts
        self.model = model
        self.relations = relations
        self.min_coverage = min_coverage
        self.min_cosine = min_cosine
        keyed: dict[tuple[str, tuple[str, ...]], int] = {}
        #: Row of each claim in the relation table.
        self.rel_row = np.fromiter(
            (keyed.setdefault(key, len(keyed)) for key in zip(texts, mentions, strict=True)),
            dtype=np.int64,
            count=len(texts),
        )
        self.rtab: RelationTable = relation_table(
            [text for text, _ in keyed],
            actors=actors,
            min_quote_words=min_quote_words,
            mentions=[m for _, m in keyed] if mentioned else None,
        )
        self.vectors = tfidf(self.rtab)
        #: With an encoder: each relation-table text embedded, and its words.
        self.embedding: tuple[np.ndarray, WordVectors] | None = None
        if encoder is not None:
            distinct = [text for text, _ in keyed]
            self.embedding = (embed(distinct, encoder), WordVectors(distinct, encoder))
        #: Row of each claim in the signal table (-1: not indexed), see index_signals.
        self.row_of = np.full(len(texts), -1, dtype=np.int64)
        self.tab: TextTables | None = None

    def index_signals(self, used: np.ndarray) -> None:
        """Build the signal table over the distinct texts of the claims ``used``."""
        if len(used):
            distinct, self.row_of[used] = distinct_texts([self.texts[k] for k in used])
            self.tab = text_tables(distinct)

    def signals(self, x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
        """The pair signals of claims indexed by :meth:`index_signals`: the lexical ones and,
        with an encoder, the semantic ones."""
        if self.tab is None or not len(x):
            frame = pair_signals([], [])
        else:
            frame = signal_frame(self.tab, self.row_of[x], self.row_of[y])
        if self.embedding is None:
            return frame
        vectors, words = self.embedding
        semantic = signals_of(vectors, words, self.rel_row[x], self.rel_row[y])
        return pd.concat([frame.reset_index(drop=True), semantic], axis=1)

    def relate(self, x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
        """The relations of each pair (see :func:`~claimcompare.align.relations.pair_relations`)."""
        return pair_relations(
            self.rtab,
            self.rel_row[x],
            self.rel_row[y],
            min_coverage=self.min_coverage,
            min_terms=_MIN_TERMS,
        )

    def fetch_scores(self, keys: list[tuple[int, int]]) -> np.ndarray:
        """Scores of pairs the clustering asks for."""
        x, y = _unzip(keys)
        # Every group member is an end of a candidate or searched pair: it has a table row.
        assert self.tab is not None
        return self.score(self.signals(x, y))

    def score(self, signals: pd.DataFrame) -> np.ndarray:
        """The model's probability that each pair of :meth:`signals` states the same thing."""
        return self.model.predict_proba_signals(signals)[:, 1] if len(signals) else np.zeros(0)

    def fetch_bits(self, keys: list[tuple[int, int]]) -> np.ndarray:
        """Relation bits of pairs the clustering asks for, and whether they are far."""
        x, y = _unzip(keys)
        vectors, rows = self.vectors, self.rel_row
        near = np.asarray(vectors[rows[x]].multiply(vectors[rows[y]]).sum(axis=1))
        far = np.where(near.ravel() < self.min_cosine / 2.0, FAR, 0)
        return relation_bits(self.relate(x, y), self.relations) | far


def _unzip(keys: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.fromiter((k[0] for k in keys), dtype=np.int64, count=len(keys))
    y = np.fromiter((k[1] for k in keys), dtype=np.int64, count=len(keys))
    return x, y


def _groups(
    run: _Run,
    found: Candidates,
    docs: list[str],
    scores: np.ndarray,
    bits: np.ndarray,
    *,
    aligned: np.ndarray,
    threshold: float,
    floor: float,
) -> list[list[int]]:
    """Clusters along the ``aligned`` candidates and the same-outlet pairs a relation links;
    what is known of the other candidates and searched pairs is passed on, not fetched again."""
    ia, ib = found.ia, found.ib
    keep, drop = np.flatnonzero(aligned), np.flatnonzero(~aligned)
    # Same-outlet pairs of the search: only those a relation links help the clustering.
    witness = (
        relation_bits(run.relate(found.wa, found.wb), run.relations)
        if len(found.wa)
        else np.zeros(0, dtype=np.int64)
    )
    is_linked = (witness & LINKS) > 0
    linked, unlinked = np.flatnonzero(is_linked), np.flatnonzero(~is_linked)
    wa, wb, wbits = found.wa[linked], found.wb[linked], witness[linked]
    wscore = (
        run.fetch_scores(list(zip(wa.tolist(), wb.tolist(), strict=True))) if len(wa) else wbits
    )
    return cluster_claims(
        docs=docs,
        pairs=(
            np.r_[ia[keep], wa],
            np.r_[ib[keep], wb],
            np.r_[scores[keep], wscore].astype(np.float64),
            np.r_[bits[keep], wbits].astype(np.int64),
        ),
        bits=run.fetch_bits,
        scores=run.fetch_scores,
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


#: Embedding neighbours below this cosine are not candidates (WordLlama sentences of one story
#: that say different things mostly lie below it).
_MIN_EMBED_COSINE = 0.5
#: At most this many embedding neighbours per claim (each one costs a scored candidate pair).
_EMBED_TOP_K = 5
#: Least number of shared content terms of a containment or a mutual coverage.
_MIN_TERMS = 3
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
    "encoder": "wordllama",
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


def _label(bits: np.ndarray, scores: np.ndarray, *, threshold: float) -> np.ndarray:
    """Why each pair is aligned (``""`` when it is not): containment, paraphrase, shared quote
    or clause, from its relation bits (the relations switched on) and its score. Verbatim
    evidence names the pair before the model's score does."""
    label = np.full(len(bits), "", dtype=object)
    label[((scores >= threshold) & ((bits & UNEVEN) == 0)) | ((bits & MUTUAL) > 0)] = "paraphrase"
    label[(bits & CLAUSE) > 0] = "shared_clause"
    label[(bits & QUOTE) > 0] = "shared_quote"
    label[(bits & (FIRST_IN | SECOND_IN)) > 0] = "containment"
    return label


def _missing(values: Iterable[Any]) -> list[Any]:
    """Empty strings as missing values (pandas shows them as NaN)."""
    return [v if v else None for v in values]


def _pair_frame(
    table: pd.DataFrame,
    run: _Run,
    found: Candidates,
    keep: np.ndarray,
    scores: np.ndarray,
    label: np.ndarray,
    rel: pd.DataFrame,
    signals: pd.DataFrame,
) -> pd.DataFrame:
    """The candidates ``keep`` with their scores, relations and signals, highest score first."""
    pairs = _relation_frame(
        table,
        run,
        found.ia[keep],
        found.ib[keep],
        scores[keep],
        label[keep],
        found.cosine[keep],
        rel.iloc[keep].reset_index(drop=True),
    )
    pairs = pd.concat([pairs, signals.iloc[keep].reset_index(drop=True)], axis=1)
    return pairs.sort_values(["score", "claim_a", "claim_b"], ascending=[False, True, True])


def _relation_frame(
    table: pd.DataFrame,
    run: _Run,
    ia: np.ndarray,
    ib: np.ndarray,
    scores: np.ndarray,
    label: np.ndarray,
    cosine: np.ndarray,
    rel: pd.DataFrame,
) -> pd.DataFrame:
    """The pairs ``(ia[k], ib[k])`` with their scores and relations, before the signals."""
    ids = table["claim_id"].astype(str).to_numpy()
    texts, rel_row = run.texts, run.rel_row
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
                _missing(shared_actors(run.rtab, rel_row[ia], rel_row[ib])), dtype="str"
            ),
        },
        columns=_PAIR_COLUMNS,
    )


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
