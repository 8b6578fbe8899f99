"""The learnt components follow scikit-learn's estimator conventions.

``get_params`` / ``set_params`` / ``sklearn.base.clone``, learnt state only in attributes ending
in ``_``, a not-fitted error that is also scikit-learn's ``NotFittedError``, and numpy numbers
accepted wherever a parameter is an integer or a real number (bools are not).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError as SklearnNotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.utils.validation import check_is_fitted

import claimcompare as cc
from claimcompare.align import ClaimAligner
from claimcompare.align.model import AlignmentModel
from claimcompare.detect import BiasDetector
from claimcompare.document import Corpus, Document
from claimcompare.errors import NotFittedError, ParameterError
from claimcompare.similarity import PairModel
from claimcompare.similarity.semantic import semantic_signals
from claimcompare.terms import TargetRanker

A = [
    "Haftar's forces seized Sirte.",
    "Turkey sent troops.",
    "Sirte fell to Haftar.",
    "The UN called for a ceasefire.",
    "Haftar rejected the truce.",
    "Gaddafi fell.",
]
B = [
    "Forces loyal to Haftar took Sirte.",
    "Egypt backs Haftar.",
    "Haftar took Sirte.",
    "It rained in Tripoli.",
    "Haftar said no to the truce.",
    "Oil prices rose.",
]
LABELS = [1, 0, 1, 0, 1, 0]
TEXTS = [
    "The rebels took the town.",
    "The brutal thugs butchered the town.",
    "Talks resume on Monday.",
    "The disgraceful regime lied again.",
] * 4
BIASED = [0, 1, 0, 1] * 4
X_RANK = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
Y_RANK = [1, 0, 1, 0]


def _corpus() -> Corpus:
    return Corpus(
        [
            Document("a1", "The rebels advanced. The rebels fled.", outlet="A"),
            Document("b1", "Government forces advanced. Government forces won.", outlet="B"),
        ]
    )


def _fitted(name: str) -> Any:
    """A fitted estimator of each kind, small enough to fit in well under a second."""
    if name == "ClaimAligner":
        return ClaimAligner(model=PairModel(cv=2), top_k=5).fit(A, B, LABELS)
    if name == "PairModel":
        return PairModel(cv=2, C=0.5).fit(A, B, LABELS)
    if name == "TargetRanker":
        return TargetRanker(C=10.0).fit(X_RANK, Y_RANK, features=("a", "b"))
    return BiasDetector(char_ngrams=None, cv=2, C=1.0).fit(TEXTS, BIASED)


ESTIMATORS = ["ClaimAligner", "PairModel", "TargetRanker", "BiasDetector"]


@pytest.mark.parametrize("name", ESTIMATORS)
def test_clone_keeps_parameters_and_drops_learnt_state(name: str) -> None:
    fitted = _fitted(name)
    copy = clone(fitted)
    assert type(copy) is type(fitted)
    assert sorted(copy.get_params(deep=False)) == sorted(fitted.get_params(deep=False))
    for key, value in fitted.get_params(deep=False).items():
        if key == "model":  # an estimator parameter is cloned too, unfitted
            assert type(copy.model) is type(value)
            assert copy.model.get_params() == value.get_params()
            assert not hasattr(copy.model, "coef_")
        else:
            assert copy.get_params(deep=False)[key] == value
    learnt = [k for k in vars(fitted) if k.endswith("_") and not k.startswith("_")]
    assert learnt, f"{name} learnt nothing"
    assert not any(hasattr(copy, k) for k in learnt)


@pytest.mark.parametrize("name", ESTIMATORS)
def test_set_params_round_trip(name: str) -> None:
    est = _fitted(name)
    params = est.get_params(deep=False)
    assert est.set_params(**params) is est
    assert est.get_params(deep=False) == params
    changed = {"C": 3.0} if "C" in params else {"top_k": 7}
    est.set_params(**changed)
    assert {k: est.get_params(deep=False)[k] for k in changed} == changed
    assert repr(est).startswith(f"{name}(") and repr(est).endswith(")")


@pytest.mark.parametrize("name", ESTIMATORS)
def test_set_params_unknown_name_is_a_parameter_error(name: str) -> None:
    est = clone(_fitted(name))
    with pytest.raises(ParameterError) as info:
        est.set_params(nonsense=1)
    message = str(info.value)
    assert "'nonsense'" in message and name in message
    assert all(repr(k) in message for k in est.get_params(deep=False))


def test_claim_aligner_fit_keeps_model_as_given() -> None:
    given = PairModel(cv=2)
    aligner = ClaimAligner(model=given).fit(A, B, LABELS)
    assert aligner.model is given and not hasattr(given, "coef_")
    assert isinstance(aligner.model_, PairModel) and aligner.model_ is not given
    assert aligner.model_.get_params() == given.get_params()
    assert aligner.predict(A, B).tolist() == aligner.model_.predict(A, B).tolist()
    # A refit starts from the parameters, not from the model learnt last time.
    again = aligner.fit(A[::-1], B[::-1], LABELS[::-1])
    np.testing.assert_allclose(again.predict_proba(A, B), aligner.model_.predict_proba(A, B))
    # Without a model, fit learns one with default parameters; the parameter stays None.
    plain = ClaimAligner().set_params(model=None)
    plain.fit(A * 2, B * 2, LABELS * 2)
    assert plain.model is None and plain.model_.get_params() == PairModel().get_params()


def test_claim_aligner_nested_parameters() -> None:
    aligner = ClaimAligner(model=PairModel())
    assert aligner.get_params()["model__cv"] == 5
    aligner.set_params(model__cv=2)
    assert aligner.model is not None and aligner.model.cv == 2
    with pytest.raises(ParameterError, match="'model__cv'"):
        ClaimAligner().set_params(model__cv=2)  # model is None: nothing to set


def test_claim_aligner_threshold_comes_from_the_fitted_model() -> None:
    aligner = ClaimAligner(model=PairModel(cv=2)).fit(A, B, LABELS)
    proba = aligner.predict_proba(A, B)[:, 1]
    expected = (proba >= aligner.model_.threshold_).astype(int)
    assert aligner.predict(A, B).tolist() == expected.tolist()


def test_claim_aligner_uses_the_shipped_model_by_default() -> None:
    shipped = PairModel.default().predict_proba(A, B)
    np.testing.assert_allclose(ClaimAligner(encoder=None).predict_proba(A, B), shipped)
    np.testing.assert_allclose(ClaimAligner(model=PairModel.default()).predict_proba(A, B), shipped)
    signals = pd.concat([cc.similarity.pair_signals(A, B), semantic_signals(A, B)], axis=1)
    semantic = AlignmentModel.default().predict_proba_signals(signals)
    np.testing.assert_allclose(ClaimAligner().predict_proba(A, B), semantic)


UNFITTED: list[tuple[str, Callable[[], Any]]] = [
    ("ClaimAligner", lambda: ClaimAligner(model=PairModel()).predict(A, B)),
    ("ClaimAligner", lambda: ClaimAligner(model=PairModel()).predict_proba(A, B)),
    ("ClaimAligner", lambda: ClaimAligner(model=PairModel()).align(pd.DataFrame())),
    ("PairModel", lambda: PairModel().predict(A, B)),
    ("PairModel", lambda: PairModel().predict_proba_signals(cc.similarity.pair_signals(A, B))),
    ("PairModel", lambda: PairModel().to_dict()),
    ("PairModel", lambda: PairModel().similarity(A, B)),
    ("TargetRanker", lambda: TargetRanker().scores(X_RANK)),
    ("TargetRanker", lambda: TargetRanker().best([])),
    ("TargetRanker", lambda: TargetRanker().to_dict()),
    ("BiasDetector", lambda: BiasDetector().predict(["Thugs lied."])),
    ("BiasDetector", lambda: BiasDetector().token_scores(["Thugs lied."])),
]


@pytest.mark.parametrize(("name", "call"), UNFITTED)
def test_unfitted_use_is_a_not_fitted_error(name: str, call: Callable[[], Any]) -> None:
    with pytest.raises(SklearnNotFittedError) as info:
        call()
    assert isinstance(info.value, NotFittedError)
    assert isinstance(info.value, ParameterError) and isinstance(info.value, ValueError)
    message = str(info.value)
    assert name in message and "fit" in message


@pytest.mark.parametrize("name", ["PairModel", "TargetRanker", "BiasDetector"])
def test_check_is_fitted_agrees(name: str) -> None:
    fitted = _fitted(name)
    check_is_fitted(fitted)
    with pytest.raises(SklearnNotFittedError):
        check_is_fitted(clone(fitted))


def test_check_is_fitted_on_claim_aligner() -> None:
    check_is_fitted(ClaimAligner())  # the shipped model
    check_is_fitted(ClaimAligner(model=PairModel.default()))
    check_is_fitted(_fitted("ClaimAligner"))
    with pytest.raises(SklearnNotFittedError):
        check_is_fitted(ClaimAligner(model=PairModel()))


def test_numpy_numbers_accepted_by_claim_aligner(seed_claims: pd.DataFrame) -> None:
    claims = seed_claims.head(60)
    plain = ClaimAligner(top_k=3, min_quote_words=4, n_jobs=1, chunk_size=64, min_cosine=0.1)
    numpy = ClaimAligner(
        top_k=np.int64(3),
        min_quote_words=np.int32(4),
        n_jobs=np.int64(1),
        chunk_size=np.int64(64),
        min_cosine=np.float32(0.1),
        min_coverage=np.float64(0.8),
        threshold=np.float32(AlignmentModel.default().threshold_),
        cluster_threshold=np.float32(0.8 * AlignmentModel.default().threshold_),
    )
    got, want = numpy.align(claims), plain.align(claims)
    assert got.pairs[["claim_a", "claim_b"]].equals(want.pairs[["claim_a", "claim_b"]])
    assert got.clusters.equals(want.clusters)


def test_numpy_numbers_accepted_by_pair_model_and_ranker() -> None:
    model = PairModel(cv=np.int64(2), C=np.float32(0.5), gate_slope=np.int64(10)).fit(A, B, LABELS)
    assert model.predict(A, B, threshold=np.float32(0.5)).shape == (6,)
    data = model.to_dict()
    json.dumps(data)  # the numpy parameters are written as plain numbers
    assert data["params"]["cv"] == 2 and type(data["params"]["cv"]) is int
    ranker = TargetRanker(C=np.float64(10.0), min_probability=np.float32(0.0))
    ranker.fit(X_RANK, Y_RANK, features=("a", "b"))
    json.dumps(ranker.to_dict())
    assert ranker.scores(X_RANK).shape == (4,)


def test_numpy_numbers_accepted_by_bias_detector_and_grid_search() -> None:
    det = BiasDetector(
        cv=np.int64(2),
        word_ngrams=(np.int64(1), np.int64(2)),
        char_ngrams=(np.int32(2), np.int32(3)),
        max_char_features=np.int64(200),
        C=np.float32(2.0),
        token_threshold=np.float64(0.5),
    ).fit(TEXTS, BIASED)
    assert det.predict(["The brutal thugs lied."]).tolist() == [1]
    grid = GridSearchCV(
        BiasDetector(char_ngrams=(2, 3), cv=2),
        {"max_char_features": np.array([50, 500])},
        cv=2,
    ).fit(TEXTS, BIASED)
    assert int(grid.best_params_["max_char_features"]) in (50, 500)


def test_numpy_numbers_accepted_by_distinctive_terms() -> None:
    corpus = _corpus()
    plain = cc.distinctive_terms(
        corpus, prior={"the": 5, "rebels": 1.5}, ngram_range=(1, 1), min_count=1, top=3
    )
    numpy = cc.distinctive_terms(
        corpus,
        prior={"the": np.int64(5), "rebels": np.float32(1.5)},
        ngram_range=(np.int64(1), np.int64(1)),
        min_count=np.int64(1),
        top=np.int64(3),
    )
    pd.testing.assert_frame_equal(numpy, plain)
    series = cc.distinctive_terms(corpus, prior=pd.Series({"the": 5, "rebels": 2}), top=2)
    assert len(series) == 4
    uniform = cc.distinctive_terms(corpus, prior=np.float32(0.5), ngram_range=(1, 1))
    assert (uniform.alpha == 0.5).all()
    strength = cc.distinctive_terms(corpus, prior_strength=np.int64(10), ngram_range=(1, 1))
    assert strength.alpha.sum() > 0


BOOLS: list[tuple[str, Callable[[], Any]]] = [
    ("top_k", lambda: ClaimAligner(top_k=True).predict(A, B)),
    ("chunk_size", lambda: ClaimAligner(chunk_size=True).predict(A, B)),
    ("min_cosine", lambda: ClaimAligner(min_cosine=False).predict(A, B)),
    ("threshold", lambda: ClaimAligner(threshold=True).predict(A, B)),
    ("n_jobs", lambda: ClaimAligner(n_jobs=True).predict(A, B)),
    ("min_coverage", lambda: ClaimAligner(min_coverage=True).align(pd.DataFrame())),
    ("min_quote_words", lambda: ClaimAligner(min_quote_words=True).align(pd.DataFrame())),
    ("cv", lambda: PairModel(cv=True).fit(A, B, LABELS)),
    ("C", lambda: PairModel(C=True).fit(A, B, LABELS)),
    ("gate_slope", lambda: PairModel(gate_slope=True).fit(A, B, LABELS)),
    ("threshold", lambda: PairModel.default().predict(A, B, threshold=True)),
    ("C", lambda: TargetRanker(C=True).fit(X_RANK, Y_RANK, features=("a", "b"))),
    (
        "min_probability",
        lambda: TargetRanker(min_probability=False).fit(X_RANK, Y_RANK, features=("a", "b")),
    ),
    ("cv", lambda: BiasDetector(cv=True).fit(TEXTS, BIASED)),
    ("max_char_features", lambda: BiasDetector(max_char_features=True).fit(TEXTS, BIASED)),
    ("C", lambda: BiasDetector(C=True).fit(TEXTS, BIASED)),
    ("token_threshold", lambda: BiasDetector(token_threshold=False).fit(TEXTS, BIASED)),
    ("word_ngrams", lambda: BiasDetector(word_ngrams=(True, 2)).fit(TEXTS, BIASED)),
    ("top", lambda: cc.distinctive_terms(_corpus(), top=True)),
    ("min_count", lambda: cc.distinctive_terms(_corpus(), min_count=False)),
    ("ngram_range", lambda: cc.distinctive_terms(_corpus(), ngram_range=(True, 1))),
    ("prior", lambda: cc.distinctive_terms(_corpus(), prior=True)),
    ("prior", lambda: cc.distinctive_terms(_corpus(), prior={"the": True})),
    ("prior_strength", lambda: cc.distinctive_terms(_corpus(), prior_strength=True)),
]


@pytest.mark.parametrize(("param", "call"), BOOLS)
def test_bools_are_rejected(param: str, call: Callable[[], Any]) -> None:
    with pytest.raises(ParameterError, match=param):
        call()
