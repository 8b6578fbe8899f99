"""Aligning claims across outlets: which claims state the same thing.

Three steps, each visible in the output:

1. **candidates**: claims become sparse TF-IDF vectors (word 1-2 grams); each claim's ``top_k``
   most similar claims from *other* documents (and, by default, other outlets) are found chunk by
   chunk, so memory stays linear in the number of claims (never a dense N x N matrix);
2. **scoring**: each candidate pair is scored on several signals (word, character and fuzzy
   similarity, shared numbers and names, ...) combined by a small calibrated model
   (:class:`~claimcompare.similarity.PairModel`); ``Alignment.pairs`` keeps every signal;
3. **clustering**: pairs at or above ``threshold`` are merged strongest first into groups in which
   *every* two claims from different documents score at or above the threshold (complete linkage),
   so an unrelated claim cannot join through a common neighbour. Ties break on claim ids, so the
   result does not depend on the order of the input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from .errors import InputError, ParameterError
from .similarity import PairModel, _distinct, _signal_frame, _tables, pair_signals

__all__ = ["Alignment", "ClaimAligner"]

logger = logging.getLogger(__name__)

_REQUIRED = ("claim_id", "doc_id", "outlet", "text")
_PAIR_COLUMNS = [
    "claim_a",
    "claim_b",
    "score",
    "doc_a",
    "doc_b",
    "outlet_a",
    "outlet_b",
    "text_a",
    "text_b",
    "cosine",
]
_CLUSTER_COLUMNS = ["cluster_id", "claim_id", "doc_id", "outlet", "text", "size", "n_outlets"]


@dataclass(frozen=True)
class Alignment:
    """The result of :meth:`ClaimAligner.align`.

    Attributes
    ----------
    pairs : pandas.DataFrame
        Scored candidate pairs at or above the threshold, one row per unordered pair with
        ``claim_a < claim_b``: ``claim_a, claim_b, score`` (calibrated probability that both state
        the same thing), the documents, outlets and texts, the TF-IDF ``cosine`` that proposed the
        pair, and one column per signal of the pair model.
    clusters : pandas.DataFrame
        ``cluster_id, claim_id, doc_id, outlet, text, size, n_outlets``: one row per claim in a
        cluster of two or more claims. Cluster ids are numbered by the cluster's smallest claim id.
    candidates : int
        How many candidate pairs were scored.
    """

    pairs: pd.DataFrame
    clusters: pd.DataFrame
    candidates: int = 0


class ClaimAligner:
    """Find claims that state the same thing across documents and outlets.

    Parameters
    ----------
    model : PairModel, optional
        Scores pairs; the default model ships with the package (see ``docs/alignment.md``).
    threshold : float, optional
        Minimum probability for a pair to count as aligned; default: the model's own threshold.
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

    Examples
    --------
    >>> import claimcompare as cc
    >>> claims = cc.split_claims(cc.load_corpus("seeds/"))
    >>> alignment = ClaimAligner().align(claims)
    >>> int(alignment.clusters.cluster_id.nunique()) > 0
    True
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
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.top_k = top_k
        self.min_cosine = min_cosine
        self.cross_outlet = cross_outlet
        self.kinds = kinds
        self.chunk_size = chunk_size

    # -- parameters -----------------------------------------------------------------------------

    def _validate(self) -> tuple[PairModel, float]:
        if not isinstance(self.top_k, (int, np.integer)) or isinstance(self.top_k, bool):
            raise ParameterError(f"top_k must be an integer >= 1, got {self.top_k!r}")
        if not 1 <= self.top_k <= 1000:
            raise ParameterError(f"top_k must be between 1 and 1000, got {self.top_k}")
        if not isinstance(self.chunk_size, (int, np.integer)) or not 1 <= self.chunk_size <= 10**6:
            raise ParameterError(
                f"chunk_size must be an integer from 1 to 1e6, got {self.chunk_size!r}"
            )
        if not isinstance(self.min_cosine, (int, float)) or not 0.0 <= self.min_cosine < 1.0:
            raise ParameterError(f"min_cosine must be in [0, 1), got {self.min_cosine!r}")
        model = self.model if self.model is not None else PairModel.default()
        if not isinstance(model, PairModel):
            raise ParameterError(f"model must be a PairModel, got {type(model).__name__}")
        threshold = self.threshold if self.threshold is not None else model.threshold_
        if not isinstance(threshold, (int, float)) or not 0.0 < float(threshold) < 1.0:
            raise ParameterError(f"threshold must be a probability in (0, 1), got {threshold!r}")
        bad = sorted(set(self.kinds) - {"claim", "heading"})
        if bad or isinstance(self.kinds, str):
            raise ParameterError(
                f"kinds must be a tuple of 'claim' and/or 'heading', got {self.kinds!r}"
            )
        return model, float(threshold)

    # -- pair API -------------------------------------------------------------------------------

    def fit(
        self, texts_a: Sequence[str], texts_b: Sequence[str], labels: Sequence[int]
    ) -> ClaimAligner:
        """Learn the pair model from your own gold pairs (1: same claim, 0: not).

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
        """
        base = self.model if self.model is not None else PairModel()
        params = {k: getattr(base, k) for k in _MODEL_PARAMS}
        self.model = PairModel(**params).fit(texts_a, texts_b, labels)
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

    def align(self, claims: pd.DataFrame) -> Alignment:
        """Align a claims table (from :func:`~claimcompare.claims.split_claims`).

        Returns
        -------
        Alignment
            ``.pairs`` and ``.clusters``; see :class:`Alignment`.
        """
        model, threshold = self._validate()
        table = _check_claims(claims)
        table = table[table["kind"].isin(self.kinds)] if "kind" in table.columns else table
        table = table.sort_values("claim_id", kind="stable").reset_index(drop=True)
        n = len(table)
        if n < 2:
            return Alignment(_empty_pairs(), pd.DataFrame(columns=_CLUSTER_COLUMNS), 0)
        texts = table["text"].astype(str).tolist()
        ia, ib, cosine = _candidates(
            texts,
            docs=table["doc_id"].astype(str).to_numpy(),
            outlets=table["outlet"].astype(str).to_numpy() if self.cross_outlet else None,
            top_k=int(self.top_k),
            min_cosine=float(self.min_cosine),
            chunk_size=int(self.chunk_size),
        )
        logger.info("aligning %d claims: %d candidate pairs", n, len(ia))
        # One table over the distinct texts of the candidates (what pair_signals would build
        # from the two text lists) serves the candidates and the pairs clustering asks for.
        row_of = np.full(n, -1, dtype=np.int64)
        if len(ia):
            used = np.unique(np.r_[ia, ib])
            distinct, row_of[used] = _distinct([texts[k] for k in used])
            tab = _tables(distinct)
            signals = _signal_frame(tab, row_of[ia], row_of[ib])
        else:
            signals = pair_signals([], [])
        scores = model.predict_proba_signals(signals)[:, 1] if len(ia) else np.zeros(0)
        logger.debug("scored %d candidate pairs", len(ia))

        def score_pairs(keys: list[tuple[int, int]]) -> np.ndarray:
            x = np.fromiter((k[0] for k in keys), dtype=np.int64, count=len(keys))
            y = np.fromiter((k[1] for k in keys), dtype=np.int64, count=len(keys))
            # Every group member is an end of a kept candidate pair, so it has a table row.
            return model.predict_proba_signals(_signal_frame(tab, row_of[x], row_of[y]))[:, 1]

        ids = table["claim_id"].astype(str).to_numpy()
        pairs = pd.DataFrame(
            {
                "claim_a": ids[ia],
                "claim_b": ids[ib],
                "score": scores,
                "doc_a": table["doc_id"].to_numpy()[ia],
                "doc_b": table["doc_id"].to_numpy()[ib],
                "outlet_a": table["outlet"].to_numpy()[ia],
                "outlet_b": table["outlet"].to_numpy()[ib],
                "text_a": [texts[i] for i in ia],
                "text_b": [texts[j] for j in ib],
                "cosine": cosine,
            }
        )
        pairs = pd.concat([pairs, signals.reset_index(drop=True)], axis=1)
        kept = pairs[pairs["score"] >= threshold]
        kept = kept.sort_values(["score", "claim_a", "claim_b"], ascending=[False, True, True])
        clusters = _complete_linkage(table, kept, score_pairs=score_pairs, threshold=threshold)
        return Alignment(kept.reset_index(drop=True), clusters, candidates=len(ia))

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Parameters, as scikit-learn estimators give them."""
        return {
            "model": self.model,
            "threshold": self.threshold,
            "top_k": self.top_k,
            "min_cosine": self.min_cosine,
            "cross_outlet": self.cross_outlet,
            "kinds": self.kinds,
            "chunk_size": self.chunk_size,
        }

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items() if v != _DEFAULTS.get(k)}
        inner = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"ClaimAligner({inner})"


#: Threads of the candidate search (each holds one block of ``chunk_size`` rows).
_SEARCH_THREADS = 2
#: Aligned pairs looked ahead when unscored pairs are needed for a merge (see _complete_linkage).
_LOOKAHEAD = 4096
_MODEL_PARAMS = ("C", "gate", "gate_center", "gate_slope", "cv", "random_state")
_DEFAULTS: dict[str, Any] = {
    "model": None,
    "threshold": None,
    "top_k": 10,
    "min_cosine": 0.1,
    "cross_outlet": True,
    "kinds": ("claim",),
    "chunk_size": 2048,
}


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(columns=_PAIR_COLUMNS)


def _check_claims(claims: Any) -> pd.DataFrame:
    if not isinstance(claims, pd.DataFrame):
        raise ParameterError(
            f"align() takes the DataFrame from cc.split_claims(), got {type(claims).__name__}"
        )
    missing = [c for c in _REQUIRED if c not in claims.columns]
    if missing:
        raise InputError(
            f"claims table lacks column(s) {missing}; needs {list(_REQUIRED)}, "
            f"has {[str(c) for c in claims.columns]}"
        )
    if claims["claim_id"].duplicated().any():
        dupes = claims.loc[claims["claim_id"].duplicated(), "claim_id"].head(3).tolist()
        raise InputError(f"claims table has duplicate claim_id values, e.g. {dupes}")
    return claims.copy()


def _candidates(
    texts: list[str],
    *,
    docs: np.ndarray,
    outlets: np.ndarray | None,
    top_k: int,
    min_cosine: float,
    chunk_size: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unordered pairs ``(i < j)`` among each row's top-k TF-IDF neighbours, chunk by chunk."""
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, min_df=1, stop_words="english", dtype=np.float32
    )
    try:
        matrix = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text is empty or only stop words
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    transposed = matrix.T.tocsr()
    _, doc_codes = np.unique(docs, return_inverse=True)
    outlet_codes = np.unique(outlets, return_inverse=True)[1] if outlets is not None else None

    def top_of_block(lo: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        hi = min(lo + chunk_size, matrix.shape[0])
        block = (matrix[lo:hi] @ transposed).tocsr()
        # Most products are tiny cosines: drop them before anything else touches the block.
        strong = np.flatnonzero(block.data >= min_cosine)
        rows = lo + np.searchsorted(block.indptr, strong, side="right") - 1
        cols, values = block.indices[strong], block.data[strong]
        del block, strong
        keep = doc_codes[rows] != doc_codes[cols]
        if outlet_codes is not None:
            keep &= outlet_codes[rows] != outlet_codes[cols]
        rows, cols, values = rows[keep], cols[keep], values[keep]
        # Each row's top_k: highest cosine first, ties broken by column so the choice does not
        # depend on the input order.
        order = np.lexsort((cols, -values, rows))
        rows, cols, values = rows[order], cols[order], values[order]
        top = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left") < top_k
        return rows[top], cols[top], values[top]

    # Sparse products and sorts release the GIL: two blocks at a time use two cores, and
    # memory holds at most two blocks.
    with ThreadPoolExecutor(max_workers=_SEARCH_THREADS) as pool:
        found = list(pool.map(top_of_block, range(0, matrix.shape[0], chunk_size)))
    rows_kept = [f[0] for f in found]
    cols_kept = [f[1] for f in found]
    vals_kept = [f[2] for f in found]
    del found
    rows = np.concatenate(rows_kept) if rows_kept else np.zeros(0, dtype=np.int64)
    if not len(rows):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    cols = np.concatenate(cols_kept).astype(np.int64)
    values = np.concatenate(vals_kept)
    ia, ib = np.minimum(rows, cols), np.maximum(rows, cols)
    # A pair found from both sides keeps the cosine computed from its later row.
    order = np.lexsort((rows, ib, ia))
    ia, ib, values = ia[order], ib[order], values[order]
    last = np.r_[(ia[1:] != ia[:-1]) | (ib[1:] != ib[:-1]), True]
    return ia[last], ib[last], values[last].astype(np.float64)


def _complete_linkage(
    table: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    score_pairs: Callable[[list[tuple[int, int]]], np.ndarray],
    threshold: float,
) -> pd.DataFrame:
    """Merge strongest pairs first; two groups merge only if every cross pair is aligned."""
    ids = table["claim_id"].astype(str).tolist()
    index = {cid: k for k, cid in enumerate(ids)}
    docs = table["doc_id"].astype(str).tolist()
    texts = table["text"].astype(str).tolist()
    score: dict[tuple[int, int], float] = {}
    for a, b, s in zip(pairs["claim_a"], pairs["claim_b"], pairs["score"], strict=True):
        i, j = index[a], index[b]
        score[(min(i, j), max(i, j))] = float(s)
    group_of = {k: k for k in range(len(ids))}
    members: dict[int, list[int]] = {k: [k] for k in range(len(ids))}

    def cross(left: list[int], right: list[int]) -> list[tuple[int, int]] | None:
        """The pairs a merge of two groups needs, or None when they cannot merge."""
        if {docs[x] for x in left} & {docs[y] for y in right}:
            return None  # a group holds at most one claim of each document
        return [(x, y) if x < y else (y, x) for x in left for y in right]

    def missing_ahead(start: int) -> list[tuple[int, int]]:
        """Unscored pairs the merges from ``order[start]`` on may need, looking ahead.

        The next merges are replayed on an overlay of the groups, as if every unscored pair
        failed: exact up to the first merge an unscored pair decides, and a batch of the pairs
        the merges ahead ask for.
        """
        sim_group: dict[int, int] = {}
        sim_members: dict[int, list[int]] = {}
        needed: set[tuple[int, int]] = set()
        for i2, j2 in order[start : start + _LOOKAHEAD]:
            ga2, gb2 = sim_group.get(i2, group_of[i2]), sim_group.get(j2, group_of[j2])
            if ga2 == gb2:
                continue
            left, right = sim_members.get(ga2, members[ga2]), sim_members.get(gb2, members[gb2])
            keys2 = cross(left, right)
            if keys2 is None:
                continue
            needed.update(k for k in keys2 if k not in score)
            if all(score.get(k, 0.0) >= threshold for k in keys2):
                keep, drop = (ga2, gb2) if ga2 < gb2 else (gb2, ga2)
                sim_members[keep] = merged = sorted(left + right)
                sim_members[drop] = []
                sim_group.update((x, keep) for x in merged)
        return sorted(needed)

    order = [(index[a], index[b]) for a, b in zip(pairs["claim_a"], pairs["claim_b"], strict=True)]
    extra = [0, 0]  # batches, pairs scored for the clustering
    for t, (i, j) in enumerate(order):
        ga, gb = group_of[i], group_of[j]
        if ga == gb:
            continue
        keys = cross(members[ga], members[gb])
        if keys is None:
            continue
        if any(k not in score for k in keys):
            # Pairs the candidate search did not propose (e.g. same outlet) are scored in one
            # batch with those the next merges may need: one call per pair dominated align()
            # on large inputs. Extra scores are only cached, so the merges are the same as
            # pair by pair.
            todo = missing_ahead(t)
            score.update(zip(todo, score_pairs(todo).tolist(), strict=True))
            extra[0] += 1
            extra[1] += len(todo)
        if all(score[k] >= threshold for k in keys):
            keep, drop = (ga, gb) if ga < gb else (gb, ga)
            members[keep] = sorted(members[keep] + members.pop(drop))
            for x in members[keep]:
                group_of[x] = keep
    logger.debug("clustering scored %d more pairs in %d batches", extra[1], extra[0])
    groups = sorted(sorted(ids[x] for x in m) for m in members.values() if len(m) > 1)
    rows = []
    outlets = table["outlet"].astype(str).tolist()
    for cluster_id, group in enumerate(groups):
        n_outlets = len({outlets[index[c]] for c in group})
        for cid in group:
            k = index[cid]
            rows.append(
                {
                    "cluster_id": cluster_id,
                    "claim_id": cid,
                    "doc_id": docs[k],
                    "outlet": outlets[k],
                    "text": texts[k],
                    "size": len(group),
                    "n_outlets": n_outlets,
                }
            )
    return pd.DataFrame(rows, columns=_CLUSTER_COLUMNS)
