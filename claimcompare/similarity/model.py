"""PairModel: the probability that two texts state the same thing, from their pair signals.

The top of :mod:`claimcompare.similarity`: a gated logistic regression with a Platt calibration
(and an optional graded head) on :func:`~claimcompare.similarity.pair_signals`; the shipped
numbers are ``claimcompare/data/pair_model.json`` (:meth:`PairModel.default`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._common.data import data_text
from .._common.estimator import Estimator, is_int, is_real, plain
from ..errors import InputError, NotFittedError, ParameterError
from .signals import SIGNALS, _check_pairs, pair_signals

__all__ = ["PairModel"]

#: PairModel's parameters, in the order its JSON lists them.
_PAIR_PARAMS = ("C", "gate", "gate_center", "gate_slope", "cv", "random_state", "graded_alpha")


def _check_labels(labels: Any, n: int) -> np.ndarray:
    try:
        y = np.asarray(labels)
    except Exception as exc:  # pragma: no cover - numpy accepts nearly anything
        raise InputError(f"labels must be a sequence of 0/1 values: {exc}") from None
    if y.ndim != 1 or len(y) != n:
        raise InputError(f"labels must be one-dimensional with {n} values, got shape {y.shape}")
    if y.dtype == bool:
        return y.astype(np.int64)
    if y.dtype.kind not in "iuf" or not np.isin(y, (0, 1)).all():
        bad = [v for v in y.tolist() if v not in (0, 1)][:3]
        raise InputError(f"labels must be 0 or 1, got values such as {bad!r}")
    return y.astype(np.int64)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


class PairModel(Estimator):
    """Probability that two texts state the same thing, from :func:`pair_signals`.

    A logistic regression on standardised signals, then a Platt (sigmoid) calibration fitted on
    out-of-fold scores, and a decision threshold tuned for accuracy on the same out-of-fold
    predictions. With a ``gate``, the regression has two sets of weights, blended by
    ``g = sigmoid(gate_slope * (signal - gate_center))``: one for clearly different pairs and
    one for close pairs, where what separates "same" from "nearly the same" (numbers, extra
    words, length) matters more. The model stays a logistic regression on the expanded inputs
    ``[z * (1 - g), z * g, g]``. The learnt state is a few numbers per signal (:meth:`to_dict`).

    There are two heads on the same signals. The *paraphrase* head (:meth:`fit`,
    :meth:`predict_proba`, :meth:`predict`) answers "do the two texts state the same thing?"
    (MSRP's sense) and is what :class:`~claimcompare.align.ClaimAligner` uses. The optional
    *graded* head (:meth:`fit_graded`, :meth:`similarity`) is a ridge regression for graded
    similarity (STS's 0-5 scale, mapped to 0-1): a pair that shares a topic but not the claim
    is "not a paraphrase" for the first head and "somewhat similar" for the second, and one
    set of weights cannot serve both orderings well.

    Parameters
    ----------
    C : float, default 0.1
        Inverse L2 regularisation strength of the logistic regression (> 0).
    gate : str or None, default "char_cosine"
        Signal that blends the two weight sets; None for a single set.
    gate_center, gate_slope : float, default 0.5 and 10.0
        Where the blend is half-way and how sharp it is (``gate_slope`` > 0).
    cv : int, default 5
        Folds for the out-of-fold scores that calibration and threshold are fitted on (>= 2).
    random_state : int, default 0
        Seed of the fold split.
    graded_alpha : float, default 10.0
        L2 strength of the graded head's ridge regression (> 0), see :meth:`fit_graded`.

    Attributes
    ----------
    signals_ : list of str
        Signal names, in the order of ``mean_``, ``scale_`` and ``coef_``.
    mean_, scale_ : numpy.ndarray
        Standardisation of each signal.
    coef_ : numpy.ndarray
        Logistic regression weights: on the standardised signals, or with a gate on
        ``[z * (1 - g), z * g, g]`` (``2 * len(signals_) + 1`` numbers).
    intercept_ : float
    platt_ : tuple of float
        ``(a, b)``: the probability is ``sigmoid(a * decision + b)``.
    threshold_ : float
        Probability at or above which :meth:`predict` answers 1.
    provenance_ : dict
        What data and command produced the numbers (free-form; empty when fitted here).
    graded_mean_, graded_scale_, graded_coef_ : numpy.ndarray
        The graded head (:meth:`fit_graded`, :meth:`similarity`): standardisation and ridge
        weights on the same gated inputs; absent until fitted.
    graded_intercept_ : float

    Notes
    -----
    A scikit-learn estimator in its conventions: ``get_params``, ``set_params`` and
    ``sklearn.base.clone`` work, and using an unfitted model raises
    :class:`~claimcompare.errors.NotFittedError` (also scikit-learn's).

    Examples
    --------
    >>> model = PairModel.default()
    >>> p = model.predict_proba(
    ...     ["Haftar's forces seized Sirte."],
    ...     ["Forces loyal to Khalifa Haftar have taken the city of Sirte."],
    ... )
    >>> p.shape
    (1, 2)
    >>> bool(0.0 <= p[0, 1] <= 1.0)
    True
    """

    def __init__(
        self,
        *,
        C: float = 0.1,
        gate: str | None = "char_cosine",
        gate_center: float = 0.5,
        gate_slope: float = 10.0,
        cv: int = 5,
        random_state: int = 0,
        graded_alpha: float = 10.0,
    ) -> None:
        self.C = C
        self.graded_alpha = graded_alpha
        self.gate = gate
        self.gate_center = gate_center
        self.gate_slope = gate_slope
        self.cv = cv
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------
    def fit(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        labels: Sequence[int] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
        calibrate_on: Sequence[bool] | np.ndarray | None = None,
    ) -> PairModel:
        """Learn weights, calibration and threshold from labelled pairs.

        Parameters
        ----------
        texts_a, texts_b : sequence of str
            The pairs.
        labels : sequence of {0, 1}
            1 where the two texts state the same thing.
        sample_weight : sequence of float, optional
            Non-negative weight of each pair in the logistic regression (graded similarity can
            be given as the same pair twice, labelled 1 and 0, weighted ``s`` and ``1 - s``).
        calibrate_on : sequence of bool, optional
            Pairs whose out-of-fold scores fit the calibration and the threshold (default all).

        Returns
        -------
        PairModel
            ``self``.
        """
        a, b = _check_pairs(texts_a, texts_b)
        y = _check_labels(labels, len(a))
        return self.fit_signals(
            pair_signals(a, b), y, sample_weight=sample_weight, calibrate_on=calibrate_on
        )

    def fit_signals(
        self,
        signals: pd.DataFrame,
        labels: Sequence[int] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
        calibrate_on: Sequence[bool] | np.ndarray | None = None,
    ) -> PairModel:
        """:meth:`fit` on a table from :func:`pair_signals` (saves recomputing it).

        Returns
        -------
        PairModel
            ``self``.

        Examples
        --------
        >>> a = ["Rebels took Sirte", "Rain fell", "Oil rose", "Troops left Derna"] * 3
        >>> b = ["Sirte was taken by rebels", "The cup final", "Oil went up", "Ships sank"] * 3
        >>> model = PairModel(cv=3).fit_signals(pair_signals(a, b), [1, 0, 1, 0] * 3)
        >>> model.coef_.shape == (2 * len(SIGNALS) + 1,)  # two gated weight sets and the gate
        True
        """
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        self._check_params()
        x = self._signal_matrix(signals)
        y = _check_labels(labels, len(x))
        if len(np.unique(y)) < 2:
            raise InputError("labels must contain both 0 and 1 to fit a PairModel")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if w.shape != y.shape or not np.isfinite(w).all() or (w < 0).any():
            raise ParameterError(
                f"sample_weight must hold {len(y)} finite non-negative numbers, got shape {w.shape}"
            )
        cal = np.ones(len(y), dtype=bool) if calibrate_on is None else np.asarray(calibrate_on)
        if cal.shape != y.shape or cal.dtype != bool or not cal.any():
            raise ParameterError(f"calibrate_on must hold {len(y)} booleans with at least one True")
        mean = np.average(x, axis=0, weights=w)
        scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
        scale[scale < 1e-9] = 1.0

        inputs = self._inputs(x, mean, scale)

        def fit_lr(rows: np.ndarray) -> LogisticRegression:
            return LogisticRegression(C=self.C, max_iter=5000).fit(
                inputs[rows], y[rows], sample_weight=w[rows]
            )

        fewest = int(min(np.sum(y == 0), np.sum(y == 1)))
        if fewest < self.cv:
            raise ParameterError(
                f"cv={self.cv} needs at least {self.cv} pairs of each label; the smaller label "
                f"has {fewest}: give more labelled pairs or a smaller cv"
            )
        oof = np.zeros(len(y))
        folds = StratifiedKFold(n_splits=self.cv, shuffle=True, random_state=self.random_state)
        for train, test in folds.split(x, y):
            oof[test] = fit_lr(train).decision_function(inputs[test])
        platt = LogisticRegression(C=1e6, max_iter=1000).fit(
            oof[cal, None], y[cal], sample_weight=w[cal]
        )
        final = fit_lr(np.arange(len(y)))
        self.signals_ = list(SIGNALS)
        self.mean_ = mean
        self.scale_ = scale
        self.coef_ = final.coef_.ravel().astype(float)
        self.intercept_ = float(final.intercept_[0])
        self.platt_ = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
        prob = _sigmoid(self.platt_[0] * oof[cal] + self.platt_[1])
        self.threshold_ = _best_threshold(prob, y[cal], w[cal])
        self.provenance_: dict[str, Any] = {}
        return self

    def fit_graded(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        scores: Sequence[float] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
    ) -> PairModel:
        """Learn the graded head from pairs with similarity scores in ``[0, 1]``.

        The paraphrase head (:meth:`fit`) is left as it is.

        Parameters
        ----------
        texts_a, texts_b : sequence of str
            The pairs.
        scores : sequence of float
            Gold similarity of each pair, scaled to ``[0, 1]`` (an STS score divided by 5).
        sample_weight : sequence of float, optional
            Non-negative weight of each pair.

        Returns
        -------
        PairModel
            ``self``.
        """
        a, b = _check_pairs(texts_a, texts_b)
        return self.fit_graded_signals(pair_signals(a, b), scores, sample_weight=sample_weight)

    def fit_graded_signals(
        self,
        signals: pd.DataFrame,
        scores: Sequence[float] | np.ndarray,
        *,
        sample_weight: Sequence[float] | np.ndarray | None = None,
    ) -> PairModel:
        """:meth:`fit_graded` on a table from :func:`pair_signals`.

        Returns
        -------
        PairModel
            ``self``.

        Examples
        --------
        >>> a = ["Rebels took Sirte", "Rain fell", "Oil rose", "Troops left Derna"]
        >>> b = ["Sirte was taken by rebels", "The cup final", "Oil went up", "Ships sank"]
        >>> model = PairModel().fit_graded_signals(pair_signals(a, b), [0.9, 0.0, 0.8, 0.1])
        >>> sim = model.similarity_signals(pair_signals(a, b))
        >>> bool(sim[0] > sim[1] and sim[2] > sim[3])
        True
        """
        from sklearn.linear_model import Ridge

        self._check_params()
        if not is_real(self.graded_alpha) or not self.graded_alpha > 0:
            raise ParameterError(
                f"graded_alpha must be a positive number, got {self.graded_alpha!r}"
            )
        x = self._signal_matrix(signals)
        try:
            y = np.asarray(scores, dtype=np.float64)
        except (TypeError, ValueError):
            raise InputError("scores must be numbers in [0, 1]") from None
        if y.shape != (len(x),) or not np.isfinite(y).all() or (y < 0).any() or (y > 1).any():
            raise InputError(
                f"scores must hold {len(x)} numbers in [0, 1] (divide 0-5 STS scores by 5), "
                f"got shape {y.shape}"
            )
        if len(y) < 2:
            raise InputError("fit_graded needs at least two scored pairs")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if w.shape != y.shape or not np.isfinite(w).all() or (w < 0).any():
            raise ParameterError(
                f"sample_weight must hold {len(y)} finite non-negative numbers, got shape {w.shape}"
            )
        mean = np.average(x, axis=0, weights=w)
        scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
        scale[scale < 1e-9] = 1.0
        ridge = Ridge(alpha=float(self.graded_alpha)).fit(
            self._inputs(x, mean, scale), y, sample_weight=w
        )
        self.graded_mean_ = mean
        self.graded_scale_ = scale
        self.graded_coef_ = np.asarray(ridge.coef_, dtype=float).ravel()
        self.graded_intercept_ = float(ridge.intercept_)
        return self

    def similarity_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """:meth:`similarity` on a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().similarity_signals(sig).shape
        (1,)
        """
        if not hasattr(self, "graded_coef_"):
            raise NotFittedError(
                "this PairModel has no graded head: call fit_graded() or PairModel.default()"
            )
        x = self._signal_matrix(signals)
        inputs = self._inputs(x, self.graded_mean_, self.graded_scale_)
        return np.clip(inputs @ self.graded_coef_ + self.graded_intercept_, 0.0, 1.0)

    def similarity(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Graded similarity of each pair in ``[0, 1]`` (STS's 0-5 scale divided by 5).

        Examples
        --------
        >>> s = PairModel.default().similarity(
        ...     ["A man is playing a guitar.", "A man is playing a guitar."],
        ...     ["A man plays the guitar.", "The stock market fell sharply."],
        ... )
        >>> bool(s[0] > s[1])
        True
        """
        return self.similarity_signals(pair_signals(texts_a, texts_b))

    def _check_params(self) -> None:
        if not is_real(self.C) or not self.C > 0:
            raise ParameterError(f"C must be a positive number, got {self.C!r}")
        if self.gate is not None and self.gate not in SIGNALS:
            raise ParameterError(f"gate must be None or a signal name, got {self.gate!r}")
        if not is_real(self.gate_slope) or not self.gate_slope > 0:
            raise ParameterError(f"gate_slope must be a positive number, got {self.gate_slope!r}")
        if not is_real(self.gate_center) or not np.isfinite(self.gate_center):
            raise ParameterError(f"gate_center must be a finite number, got {self.gate_center!r}")
        if not is_int(self.cv) or self.cv < 2:
            raise ParameterError(f"cv must be an integer >= 2, got {self.cv!r}")

    @staticmethod
    def _signal_matrix(signals: pd.DataFrame) -> np.ndarray:
        if not isinstance(signals, pd.DataFrame):
            raise InputError(f"signals must be a DataFrame from pair_signals, got {type(signals)}")
        missing = [s for s in SIGNALS if s not in signals.columns]
        if missing:
            raise InputError(f"signals lacks the columns {missing}; use pair_signals() to make it")
        return signals[list(SIGNALS)].to_numpy(dtype=np.float64)

    # -- prediction ----------------------------------------------------------------------
    def decision_function_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """Uncalibrated logit of each row of a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().decision_function_signals(sig).shape
        (1,)
        """
        self._check_fitted()
        x = self._signal_matrix(signals)
        inputs = self._inputs(x, self.mean_, self.scale_)
        return np.asarray(inputs @ self.coef_ + self.intercept_)

    def _inputs(self, x: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        """Standardised signals, split into the two gated regimes when there is a gate."""
        z = (x - mean) / scale
        if self.gate is None:
            return z
        g = _sigmoid(self.gate_slope * (x[:, SIGNALS.index(self.gate)] - self.gate_center))
        return np.hstack([z * (1.0 - g[:, None]), z * g[:, None], g[:, None]])

    def decision_function(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Uncalibrated score (logit) of each pair; higher means more alike.

        Examples
        --------
        >>> z = PairModel.default().decision_function(["A cat sat."], ["A cat sat."])
        >>> z.shape
        (1,)
        """
        self._check_fitted()
        return self.decision_function_signals(pair_signals(texts_a, texts_b))

    def predict_proba_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """:meth:`predict_proba` on a :func:`pair_signals` table.

        Examples
        --------
        >>> sig = pair_signals(["A cat sat."], ["A cat sat down."])
        >>> PairModel.default().predict_proba_signals(sig).shape
        (1, 2)
        """
        z = self.decision_function_signals(signals)
        p = _sigmoid(self.platt_[0] * z + self.platt_[1])
        return np.column_stack([1.0 - p, p])

    def predict_proba(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, an ``(n, 2)`` array: column 1 is "same thing".

        Examples
        --------
        >>> PairModel.default().predict_proba(["No."], ["Yes."]).shape
        (1, 2)
        """
        self._check_fitted()
        return self.predict_proba_signals(pair_signals(texts_a, texts_b))

    def predict(
        self, texts_a: Sequence[str], texts_b: Sequence[str], threshold: float | None = None
    ) -> np.ndarray:
        """1 where the probability is at least ``threshold`` (default: the tuned ``threshold_``).

        Examples
        --------
        >>> PairModel.default().predict(["Rain fell in Tripoli."], ["Rain fell in Tripoli."])
        array([1])
        """
        self._check_fitted()
        thr = self.threshold_ if threshold is None else threshold
        if not is_real(thr) or not 0.0 <= thr <= 1.0:
            raise ParameterError(f"threshold must be a number in [0, 1] or None, got {threshold!r}")
        return (self.predict_proba(texts_a, texts_b)[:, 1] >= thr).astype(np.int64)

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The parameters and learnt numbers, as plain JSON-ready values.

        Examples
        --------
        >>> d = PairModel.default().to_dict()
        >>> d["format"], len(d["coef"]) == 2 * len(d["signals"]) + 1
        ('claimcompare.PairModel', True)
        """
        self._check_fitted()
        return {
            "format": "claimcompare.PairModel",
            "version": 2,
            "provenance": dict(self.provenance_),
            "params": {k: plain(getattr(self, k)) for k in _PAIR_PARAMS},
            "signals": list(self.signals_),
            "mean": [float(v) for v in self.mean_],
            "scale": [float(v) for v in self.scale_],
            "coef": [float(v) for v in self.coef_],
            "intercept": self.intercept_,
            "platt": list(self.platt_),
            "threshold": self.threshold_,
            **(
                {
                    "graded": {
                        "mean": [float(v) for v in self.graded_mean_],
                        "scale": [float(v) for v in self.graded_scale_],
                        "coef": [float(v) for v in self.graded_coef_],
                        "intercept": self.graded_intercept_,
                    }
                }
                if hasattr(self, "graded_coef_")
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        """Rebuild a model written by :meth:`to_dict`.

        Examples
        --------
        >>> m = PairModel.default()
        >>> PairModel.from_dict(m.to_dict()).threshold_ == m.threshold_
        True
        """
        if not isinstance(data, dict) or data.get("format") != "claimcompare.PairModel":
            raise InputError(
                "data is not a PairModel dict (its 'format' must be 'claimcompare.PairModel')"
            )
        if list(data.get("signals", [])) != list(SIGNALS):
            raise InputError(
                "the model was fitted on other signals than this version computes: "
                f"{data.get('signals')!r} != {list(SIGNALS)!r}"
            )
        try:
            model = cls(**data.get("params", {}))
            model._check_params()
            n = len(SIGNALS)
            model.signals_ = list(SIGNALS)
            model.mean_ = np.asarray(data["mean"], dtype=float).reshape(n)
            model.scale_ = np.asarray(data["scale"], dtype=float).reshape(n)
            width = n if model.gate is None else 2 * n + 1
            model.coef_ = np.asarray(data["coef"], dtype=float).reshape(width)
            model.intercept_ = float(data["intercept"])
            a, b = data["platt"]
            model.platt_ = (float(a), float(b))
            model.threshold_ = float(data["threshold"])
            graded = data.get("graded")
            if graded is not None:
                model.graded_mean_ = np.asarray(graded["mean"], dtype=float).reshape(n)
                model.graded_scale_ = np.asarray(graded["scale"], dtype=float).reshape(n)
                model.graded_coef_ = np.asarray(graded["coef"], dtype=float).reshape(width)
                model.graded_intercept_ = float(graded["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"malformed PairModel dict: {exc}") from None
        model.provenance_ = dict(data.get("provenance", {}))
        return model

    @classmethod
    def default(cls) -> PairModel:
        """The model shipped in ``claimcompare/data/pair_model.json``.

        See its ``provenance`` field (also ``provenance_``) for the data and command.

        Examples
        --------
        >>> sorted(PairModel.default().provenance_)[:2]
        ['command', 'data']
        """
        return cls.from_dict(json.loads(_default_json()))


@functools.lru_cache(maxsize=1)
def _default_json() -> str:
    return data_text("pair_model.json")


def _best_threshold(prob: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Probability threshold with the best weighted accuracy (the one nearest 0.5 on ties)."""
    candidates = np.round(np.linspace(0.05, 0.95, 181), 4)
    acc = np.array([np.sum(w * ((prob >= t) == (y == 1))) for t in candidates])
    best = np.flatnonzero(acc >= acc.max() - 1e-12)
    return float(candidates[best[np.argmin(np.abs(candidates[best] - 0.5))]])
