"""The aligner's decision with an encoder: a logistic regression on the lexical pair signals and the
semantic ones, fitted on hand-aligned claims of real cross-outlet news, its threshold chosen for
precision. Learnt state: a few dozen numbers with their provenance in ``data/alignment_model.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from .._common.data import data_text
from .._common.estimator import Estimator, is_real, plain
from ..errors import InputError, ParameterError
from ..similarity import SIGNALS
from ..similarity.semantic import SEMANTIC_SIGNALS

__all__ = ["FEATURES", "AlignmentModel"]

#: The columns the model reads: every lexical signal, then the semantic ones.
FEATURES = (*SIGNALS, *SEMANTIC_SIGNALS)


class AlignmentModel(Estimator):
    """Probability that two claims state the same thing, from their lexical and semantic signals.

    Parameters
    ----------
    C : float, default 0.1
        Inverse strength of the L2 penalty of the logistic regression.
    target_precision : float, default 0.85
        :meth:`fit` sets ``threshold_`` to the lowest score at which the cross-validated
        precision (folds by ``groups``) reaches this, so that what the aligner reports is right
        that often on data like the training data.

    Examples
    --------
    >>> model = AlignmentModel.default()
    >>> 0 < model.threshold_ < 1 and len(model.coef_) == len(FEATURES)
    True
    """

    _fitted_attribute = "coef_"

    def __init__(self, *, C: float = 0.1, target_precision: float = 0.85) -> None:
        self.C = C
        self.target_precision = target_precision

    def _check_params(self) -> None:
        if not is_real(self.C) or not self.C > 0:
            raise ParameterError(f"C must be a number > 0, got {self.C!r}")
        if not is_real(self.target_precision) or not 0 < self.target_precision < 1:
            raise ParameterError(
                f"target_precision must be in (0, 1), got {self.target_precision!r}"
            )

    @staticmethod
    def _matrix(signals: pd.DataFrame) -> np.ndarray:
        missing = [f for f in FEATURES if f not in signals.columns]
        if missing:
            raise InputError(f"signals lack the columns {missing}; give pair and semantic signals")
        return np.nan_to_num(signals[list(FEATURES)].to_numpy(dtype=np.float64))

    def _fit_lr(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, Any]:
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale = np.where(scale > 0, scale, 1.0)
        lr = LogisticRegression(C=float(self.C), max_iter=5000)
        return mean, scale, lr.fit((x - mean) / scale, y)

    def fit(
        self, signals: pd.DataFrame, labels: Sequence[int], *, groups: Sequence[str]
    ) -> AlignmentModel:
        """Fit on signal rows of claim pairs, labels 1 (the same claim) or 0, and the group
        (event) of each row, which the threshold's cross-validation keeps together."""
        self._check_params()
        x, y, g = self._matrix(signals), np.asarray(labels, dtype=int), np.asarray(groups)
        if not len(x) == len(y) == len(g) or set(np.unique(y)) != {0, 1}:
            raise InputError("labels must be 0 and 1, one per row of signals, with both present")
        folds = GroupKFold(n_splits=min(5, len(np.unique(g))))
        held_out = np.zeros(len(y))
        for train, test in folds.split(x, y, g):
            mean, scale, lr = self._fit_lr(x[train], y[train])
            held_out[test] = lr.predict_proba((x[test] - mean) / scale)[:, 1]
        self.threshold_ = _threshold_for_precision(held_out, y, float(self.target_precision))
        self.mean_, self.scale_, lr = self._fit_lr(x, y)
        self.coef_, self.intercept_ = lr.coef_[0], float(lr.intercept_[0])
        return self

    def predict_proba_signals(self, signals: pd.DataFrame) -> np.ndarray:
        """``(n, 2)`` probabilities of "different" and "the same claim" per signal row."""
        self._check_fitted()
        z = ((self._matrix(signals) - self.mean_) / self.scale_) @ self.coef_ + self.intercept_
        p = 1.0 / (1.0 + np.exp(-z))
        return np.column_stack([1.0 - p, p])

    def to_dict(self) -> dict[str, Any]:
        """The learnt state as JSON-ready numbers (with ``provenance`` when set)."""
        self._check_fitted()
        return {
            "features": list(FEATURES),
            "params": {k: plain(v) for k, v in self.get_params().items()},
            "mean": self.mean_.tolist(),
            "scale": self.scale_.tolist(),
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_,
            "threshold": self.threshold_,
            "provenance": getattr(self, "provenance_", {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AlignmentModel:
        """The model :meth:`to_dict` wrote."""
        if list(data.get("features", [])) != list(FEATURES):
            raise InputError("the model's features are not this version's; refit it")
        model = cls(**data["params"])
        model.mean_, model.scale_ = np.asarray(data["mean"]), np.asarray(data["scale"])
        model.coef_, model.intercept_ = np.asarray(data["coef"]), float(data["intercept"])
        model.threshold_ = float(data["threshold"])
        model.provenance_ = dict(data.get("provenance", {}))
        return model

    @classmethod
    def default(cls) -> AlignmentModel:
        """The model shipped in ``claimcompare/data/alignment_model.json`` (see its provenance)."""
        return cls.from_dict(json.loads(data_text("alignment_model.json")))


def _threshold_for_precision(scores: np.ndarray, labels: np.ndarray, target: float) -> float:
    """The lowest score at which the precision of ``scores >= it`` reaches ``target`` (the
    highest score when it never does)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    precision = np.cumsum(y) / np.arange(1, len(y) + 1)
    last_of_tie = np.r_[s[1:] != s[:-1], True]
    ok = np.flatnonzero(last_of_tie & (precision >= target))
    return float(s[ok[-1]]) if len(ok) else float(s[0])
