"""Tests of claimcompare.similarity: pair signals and the calibrated pair model."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

from claimcompare.errors import InputError, ParameterError
from claimcompare.similarity import SIGNALS, PairModel, pair_signals

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"

HAFTAR = "Haftar's forces seized Sirte"
HAFTAR_LONG = "Libyan fighters loyal to rogue general Khalifa Haftar have taken the city of Sirte"
UNRELATED = "The central bank raised interest rates by half a point on Thursday"

WORDS = (
    "the a of forces city general fighters Sirte Haftar Tripoli seized took 2019 three "
    "not never said government oil port United Nations killed 1,200 people loyal rogue"
).split()
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
any_text = st.lists(
    st.sampled_from([*"abcXYZ019 ,.'’-é\n", "n't", "Not ", "no ", "Sirte ", "1,200 "]), max_size=30
).map("".join)


@pytest.fixture(scope="module")
def model() -> PairModel:
    return PairModel.default()


# -- pair_signals --------------------------------------------------------------------------


def test_signals_frame_shape_and_columns() -> None:
    sig = pair_signals([HAFTAR, "x"], [HAFTAR_LONG, "y"])
    assert list(sig.columns) == list(SIGNALS)
    assert len(sig) == 2
    assert np.isfinite(sig.to_numpy()).all()


def test_empty_input_gives_empty_frame() -> None:
    sig = pair_signals([], [])
    assert list(sig.columns) == list(SIGNALS) and len(sig) == 0


@settings(max_examples=60, deadline=None)
@given(a=any_text, b=any_text)
def test_signals_symmetric_any_text(a: str, b: str) -> None:
    ab = pair_signals([a], [b])
    ba = pair_signals([b], [a])
    pd.testing.assert_frame_equal(ab, ba, check_exact=True)


@settings(max_examples=60, deadline=None)
@given(pairs=st.lists(st.tuples(sentences, sentences), min_size=1, max_size=6))
def test_signals_symmetric_and_order_free_in_batches(pairs: list[tuple[str, str]]) -> None:
    a = [p[0] for p in pairs]
    b = [p[1] for p in pairs]
    ab = pair_signals(a, b).to_numpy()
    ba = pair_signals(b, a).to_numpy()
    assert np.array_equal(ab, ba)
    rev = pair_signals(a[::-1], b[::-1]).to_numpy()[::-1]
    np.testing.assert_allclose(rev, ab, rtol=0, atol=1e-12)
    one = pair_signals(a[:1], b[:1]).to_numpy()
    np.testing.assert_allclose(one[0], ab[0], rtol=0, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(text=sentences)
def test_identical_texts_have_full_overlap(text: str) -> None:
    sig = pair_signals([text], [text]).iloc[0]
    for name in ("word_jaccard", "idf_cosine", "char_cosine", "fuzz_ratio", "word_lcs"):
        assert sig[name] == pytest.approx(1.0), name
    assert sig["num_only_one"] == 0 and sig["neg_mismatch"] == 0


def test_number_name_and_negation_signals() -> None:
    sig = pair_signals(
        ["3 people were killed in Sirte", "Haftar took the port"],
        ["5 people were killed in Sirte", "Haftar did not take the port"],
    )
    assert sig.loc[0, "num_only_one"] == 2 and sig.loc[0, "num_mismatch"] == 1
    assert sig.loc[0, "name_shared_frac"] == 1.0
    assert sig.loc[1, "neg_mismatch"] == 1 and sig.loc[1, "num_only_one"] == 0
    assert sig.loc[1, "stem_idf_overlap_max"] < 1.0


def test_thousands_separator_is_the_same_number() -> None:
    sig = pair_signals(["1,200 killed"], ["1200 killed"])
    assert sig.loc[0, "num_shared"] == 1 and sig.loc[0, "num_only_one"] == 0


def test_spelling_variant_keeps_character_overlap() -> None:
    sig = pair_signals(
        ["Hafar's forces seized Sirte", "Hafar's forces seized Sirte"],
        ["Haftar's forces seized Sirte", "Zintan brigades held Misrata"],
    )
    assert sig.loc[0, "char_cosine"] > 0.5 > 0.1 > sig.loc[1, "char_cosine"]


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        (["x"], ["x", "y"], "same length"),
        ("abc", ["x", "y", "z"], "single string"),
        (["x", 3], ["x", "y"], r"texts_a\[1\] must be a string"),
        (["x"], [None], r"texts_b\[0\] must be a string"),
        (5, [1], "sequence of strings"),
    ],
)
def test_bad_texts(a: object, b: object, match: str) -> None:
    with pytest.raises(InputError, match=match):
        pair_signals(a, b)  # type: ignore[arg-type]


# -- PairModel -----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(a=any_text, b=any_text)
def test_proba_symmetric_and_in_unit_interval(model: PairModel, a: str, b: str) -> None:
    p = model.predict_proba([a, b], [b, a])
    assert p.shape == (2, 2)
    assert ((p >= 0.0) & (p <= 1.0)).all()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert p[0, 1] == p[1, 1]


@settings(max_examples=30, deadline=None)
@given(text=st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(" ".join))
def test_identical_texts_score_high(model: PairModel, text: str) -> None:
    assert model.predict_proba([text], [text])[0, 1] > 0.75


def test_golden_pairs(model: PairModel) -> None:
    p = model.predict_proba([HAFTAR, HAFTAR, HAFTAR_LONG], [HAFTAR_LONG, UNRELATED, UNRELATED])
    same, unrelated_1, unrelated_2 = p[:, 1]
    # The long version adds facts and uses other words (fighters/forces, taken/seized), so by
    # MSRP's standard it is not a paraphrase; it must still rank well above unrelated pairs.
    assert same > 2.5 * max(unrelated_1, unrelated_2)
    assert max(unrelated_1, unrelated_2) < 0.1
    z = model.decision_function([HAFTAR, HAFTAR_LONG, HAFTAR], [HAFTAR_LONG, UNRELATED, UNRELATED])
    assert z[0] > max(z[1], z[2]) + 0.8
    assert model.predict(
        ["Three people were killed in Tripoli on Monday, officials said."],
        ["Officials said three people were killed in Tripoli on Monday."],
    ).tolist() == [1]
    assert model.predict([HAFTAR], [UNRELATED]).tolist() == [0]


def test_decision_function_is_monotone_with_proba(model: PairModel) -> None:
    a = [HAFTAR, HAFTAR, "The ceasefire held", "Oil exports resumed"]
    b = [HAFTAR_LONG, UNRELATED, "The truce held", "Oil exports resumed at Ras Lanuf"]
    z = model.decision_function(a, b)
    p = model.predict_proba(a, b)[:, 1]
    assert (np.argsort(z) == np.argsort(p)).all()


def test_predict_threshold(model: PairModel) -> None:
    a, b = [HAFTAR, HAFTAR], [HAFTAR_LONG, UNRELATED]
    assert model.predict(a, b, threshold=0.0).tolist() == [1, 1]
    assert model.predict(a, b, threshold=1.0).tolist() == [0, 0]
    with pytest.raises(ParameterError, match="threshold"):
        model.predict(a, b, threshold=1.5)


def test_default_model_has_provenance_and_round_trips(model: PairModel) -> None:
    data = model.to_dict()
    assert "msr_paraphrase_train" in data["provenance"]["data"]
    assert data["signals"] == list(SIGNALS)
    again = PairModel.from_dict(data)
    assert again.to_dict() == data
    assert PairModel.default() is not PairModel.default()


def _toy() -> tuple[list[str], list[str], list[int]]:
    base = [
        ("Rebels seized the port of Sirte", "The port of Sirte was seized by rebels", 1),
        ("Three people died in the blast", "The blast killed three people", 1),
        ("The minister resigned on Monday", "On Monday the minister resigned", 1),
        ("Oil output rose in March", "Oil production rose in March", 1),
        ("Rebels seized the port of Sirte", "Parliament approved the budget", 0),
        ("Three people died in the blast", "The team won the cup final", 0),
        ("The minister resigned on Monday", "Heavy rain flooded the valley", 0),
        ("Oil output rose in March", "Rebels shelled the airport overnight", 0),
    ]
    rows = base * 3
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


@pytest.mark.parametrize(
    ("gate", "width"), [(None, len(SIGNALS)), ("idf_cosine", 2 * len(SIGNALS) + 1)]
)
def test_fit_on_small_data(gate: str | None, width: int) -> None:
    a, b, y = _toy()
    model = PairModel(C=1.0, cv=3, gate=gate).fit(a, b, y)
    assert model.coef_.shape == (width,)
    assert 0.0 < model.threshold_ < 1.0
    assert (model.predict(a, b) == np.array(y)).mean() >= 0.9
    assert (
        PairModel.from_dict(model.to_dict()).predict(a, b).tolist() == model.predict(a, b).tolist()
    )


@pytest.mark.parametrize(
    ("labels", "match"),
    [
        ([2] * 24, "0 or 1"),
        (["yes"] * 24, "0 or 1"),
        ([1] * 23, "24 values"),
        ([1] * 24, "both 0 and 1"),
    ],
)
def test_fit_bad_labels(labels: list[object], match: str) -> None:
    a, b, _ = _toy()
    with pytest.raises(InputError, match=match):
        PairModel().fit(a, b, labels)  # type: ignore[arg-type]


def test_fit_bad_params_and_weights() -> None:
    a, b, y = _toy()
    with pytest.raises(ParameterError, match="C must be"):
        PairModel(C=0).fit(a, b, y)
    with pytest.raises(ParameterError, match="cv must be"):
        PairModel(cv=1).fit(a, b, y)
    with pytest.raises(ParameterError, match="gate must be"):
        PairModel(gate="no_such_signal").fit(a, b, y)
    with pytest.raises(ParameterError, match="gate_slope"):
        PairModel(gate_slope=0).fit(a, b, y)
    with pytest.raises(ParameterError, match="sample_weight"):
        PairModel().fit(a, b, y, sample_weight=[-1.0] * len(y))
    with pytest.raises(ParameterError, match="calibrate_on"):
        PairModel().fit(a, b, y, calibrate_on=[False] * len(y))


def test_unfitted_and_malformed_models() -> None:
    with pytest.raises(ParameterError, match="not fitted"):
        PairModel().predict_proba(["a"], ["b"])
    with pytest.raises(InputError, match="format"):
        PairModel.from_dict({"coef": [1.0]})
    data = PairModel.default().to_dict()
    data["coef"] = data["coef"][:-1]
    with pytest.raises(InputError, match="malformed"):
        PairModel.from_dict(data)
    data = PairModel.default().to_dict()
    data["signals"] = ["other"]
    with pytest.raises(InputError, match="other signals"):
        PairModel.from_dict(data)


# -- quality floors on public test sets ----------------------------------------------------


def _msrp_test() -> pd.DataFrame:
    path = BENCH / "msrp" / "msr_paraphrase_test.txt"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, encoding="utf-8")


def test_msrp_test_floor(model: PairModel) -> None:
    frame = _msrp_test()
    y = frame["Quality"].astype(int).to_numpy()
    pred = model.predict(frame["#1 String"].tolist(), frame["#2 String"].tolist())
    accuracy = (pred == y).mean()
    tp = ((pred == 1) & (y == 1)).sum()
    f1 = 2 * tp / (pred.sum() + y.sum())
    assert accuracy >= ACC_FLOOR
    assert f1 >= F1_FLOOR


def test_sts_test_floor(model: PairModel) -> None:
    path = BENCH / "sts-benchmark" / "sts-test.csv"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]
    prob = model.predict_proba([r[5] for r in rows], [r[6] for r in rows])[:, 1]
    rho = spearmanr(prob, [float(r[4]) for r in rows]).statistic
    assert rho >= SPEARMAN_FLOOR


# Floors a little below what the shipped model measured (see the evaluation report).
ACC_FLOOR = 0.73
F1_FLOOR = 0.80
SPEARMAN_FLOOR = 0.73
