"""Tests of claimcompare.similarity: pair signals and the calibrated pair model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.errors import InputError, ParameterError
from claimcompare.similarity import SIGNALS, PairModel, pair_signals

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


def test_containment_of_one_clause() -> None:
    clause = "Haftar's forces seized the port of Sirte"
    longer = "Haftar's forces seized the port of Sirte, and talks in Geneva collapsed on Monday"
    sig = pair_signals([clause, clause], [longer, UNRELATED])
    assert sig.loc[0, "containment"] == 1.0 > sig.loc[0, "word_overlap_max"]
    assert sig.loc[1, "containment"] == 0.0
    assert 0.0 < sig.loc[0, "containment_w"] <= 1.0


def test_shared_quotation() -> None:
    quoted = 'Haftar said the offensive was "a war against terrorism and nothing else".'
    sig = pair_signals(
        [quoted, quoted, "No quotes here at all", 'He said "no" to it'],
        [
            "The general called it a war against terrorism and nothing else.",
            "The bank raised rates.",
            "Nor here, none at all",
            "He said no to it",
        ],
    )
    assert sig.loc[0, "quote_shared"] > 0.95
    assert sig.loc[1, "quote_shared"] < 0.6
    # No quotation of three words or more on either side: the signal is 0.
    assert sig.loc[2, "quote_shared"] == 0.0 and sig.loc[3, "quote_shared"] == 0.0


def test_fuzzy_name_overlap() -> None:
    sig = pair_signals(
        ["Hafar's forces seized Sirte", "Al-Mesmari spoke in Benghazi", "Haftar spoke"],
        ["Haftar's forces seized Sirte", "Al-Mismari spoke in Benghazi", "Serraj spoke"],
    )
    assert sig.loc[0, "name_shared_frac"] < 1.0
    assert sig.loc[0, "name_fuzzy_frac"] == 1.0 and sig.loc[0, "name_fuzzy_only_one"] == 0
    assert sig.loc[1, "name_fuzzy_frac"] == 1.0
    assert sig.loc[2, "name_fuzzy_frac"] == 0.0 and sig.loc[2, "name_fuzzy_only_one"] == 2


def test_bleu_like_precision() -> None:
    text = "Three people were killed in Tripoli on Monday"
    sig = pair_signals([text, text, text], [text, text + " officials said", "Rain fell"])
    assert sig.loc[0, "bleu_min"] == pytest.approx(1.0) and sig.loc[0, "fourgram_dice"] == 1.0
    assert sig.loc[1, "bleu_min"] < sig.loc[1, "bleu_max"] < 1.0
    assert sig.loc[2, "bleu_max"] < 0.3 and sig.loc[2, "stem_bigram_dice"] == 0.0


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


def test_graded_head_default(model: PairModel) -> None:
    s = model.similarity(
        ["A man is playing a guitar.", HAFTAR, HAFTAR, "A woman is slicing an onion."],
        ["A man is playing a guitar.", HAFTAR_LONG, UNRELATED, "A woman is cutting an onion."],
    )
    assert ((s >= 0.0) & (s <= 1.0)).all()
    assert s[0] > 0.8 and s[3] > s[1] > s[2]
    assert "sts-train" in model.provenance_["graded"]
    again = PairModel.from_dict(model.to_dict())
    np.testing.assert_array_equal(again.graded_coef_, model.graded_coef_)


def test_fit_graded_and_bad_scores() -> None:
    a, b, y = _toy()
    scores = [0.9 if v else 0.1 for v in y]
    model = PairModel(graded_alpha=1.0).fit_graded(a, b, scores)
    s = model.similarity(a, b)
    assert s[np.array(y) == 1].min() > s[np.array(y) == 0].max()
    with pytest.raises(ParameterError, match="graded head"):
        PairModel().similarity(a, b)
    with pytest.raises(InputError, match=r"numbers in \[0, 1\]"):
        PairModel().fit_graded(a, b, [5.0] * len(a))
    with pytest.raises(ParameterError, match="graded_alpha"):
        PairModel(graded_alpha=0).fit_graded(a, b, scores)
    # A model with only a paraphrase head round-trips without a graded head.
    only = PairModel(cv=3).fit(a, b, y)
    assert "graded" not in only.to_dict()
    assert not hasattr(PairModel.from_dict(only.to_dict()), "graded_coef_")


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
