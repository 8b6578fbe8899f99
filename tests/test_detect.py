"""Tests for claimcompare.detect: the learnt BiasDetector and its word-level output."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone

from claimcompare.detect import BiasDetector, tokenize
from claimcompare.errors import ParameterError
from claimcompare.lexicon import Lexicon

BIASED = [
    "The brutal regime slaughtered protesters.",
    "Thugs and bandits terrorised the town.",
    "The self-styled general and his militia lied again.",
    "A vicious crackdown by the despot.",
    "The disgraceful warlord butchered villagers.",
    "Ruthless militias looted the market.",
]
NEUTRAL = [
    "The government held talks on Monday.",
    "Officials met in Geneva to discuss the ceasefire.",
    "The minister said the meeting would resume.",
    "Forces moved to the south of the city.",
    "The committee published its report on Tuesday.",
    "Delegates agreed on a timetable for elections.",
]
TEXTS = (BIASED + NEUTRAL) * 2
LABELS = ([1] * len(BIASED) + [0] * len(NEUTRAL)) * 2
WORDS = (
    [
        ["brutal", "slaughtered"],
        ["thugs", "bandits", "terrorised"],
        ["self-styled", "militia", "lied"],
        ["vicious", "despot"],
        ["disgraceful", "warlord", "butchered"],
        ["ruthless", "looted"],
    ]
    + [[] for _ in NEUTRAL]
) * 2


@pytest.fixture(scope="module")
def fitted() -> BiasDetector:
    return BiasDetector(char_ngrams=None, cv=2).fit(TEXTS, LABELS, biased_words=WORDS)


def test_learns_sentences_and_words(fitted: BiasDetector) -> None:
    assert fitted.classes_.tolist() == [0, 1]
    assert fitted.predict(["The brutal despot slaughtered them."]).tolist() == [1]
    assert fitted.predict(["The committee met on Monday."]).tolist() == [0]
    proba = fitted.predict_proba(["Thugs looted.", "Talks on Tuesday."])
    assert proba.shape == (2, 2) and np.allclose(proba.sum(axis=1), 1)
    flagged = {w.lower() for _, _, w, _ in fitted.flag_words("The brutal thugs met officials.")}
    assert {"brutal", "thugs"} <= flagged and not flagged & {"met", "officials", "the"}
    assert 0 <= fitted.threshold_ <= 1


def test_string_labels_and_positive_label() -> None:
    labels = ["Biased" if y else "Non-biased" for y in LABELS]
    det = BiasDetector(char_ngrams=None, cv=2, positive_label="Biased").fit(TEXTS, labels)
    assert det.classes_.tolist() == ["Biased", "Non-biased"]
    assert det.predict(["Brutal thugs slaughtered them."]).tolist() == ["Biased"]
    # the column of "Biased" holds the probability of bias
    assert det.predict_proba(["Brutal thugs slaughtered them."])[0, 0] > 0.5


def test_context_columns_and_word_lists() -> None:
    frame = pd.DataFrame({"text": TEXTS, "outlet": ["A", "B"] * (len(TEXTS) // 2)})
    det = BiasDetector(
        char_ngrams=None,
        cv=2,
        context_columns=("outlet",),
        word_lists={"mine": ["looted", "lied"]},
        lexicon=None,
    ).fit(frame, LABELS)
    out = det.predict(pd.DataFrame({"text": ["Thugs looted it."], "outlet": ["Z"]}))
    assert out.tolist() == [1]
    with pytest.raises(ParameterError, match="context_columns"):
        det.predict(["no frame"])


def test_without_word_annotations_scores_every_token(fitted: BiasDetector) -> None:
    det = BiasDetector(char_ngrams=None, cv=2).fit(TEXTS, LABELS)
    assert det.threshold_ == 0.5
    scores = det.token_scores(["The brutal thugs met officials."])
    by_word = dict(zip(scores.token, scores.score, strict=True))
    assert by_word["brutal"] > by_word["officials"]


def test_clone_and_params() -> None:
    det = BiasDetector(C=3.0, cv=4)
    copy = clone(det)
    assert copy.get_params()["C"] == 3.0 and copy.get_params()["cv"] == 4
    assert not hasattr(copy, "classes_")


@pytest.mark.parametrize(
    ("params", "match"),
    [
        ({"C": 0}, "C must be a positive number, got 0"),
        ({"token_C": -1}, "token_C"),
        ({"cv": 1}, "cv must be an integer >= 2, got 1"),
        ({"word_ngrams": (2, 1)}, "word_ngrams"),
        ({"char_ngrams": (0, 3)}, "char_ngrams"),
        ({"lexicon": "mine"}, "lexicon must be a Lexicon, 'default' or None, got 'mine'"),
        ({"word_lists": ["a"]}, "word_lists must be a mapping"),
        ({"word_lists": {"x": "abc"}}, r"word_lists\['x'\]"),
        ({"token_threshold": 2}, "token_threshold"),
        ({"positive_label": "yes"}, "positive_label='yes'"),
    ],
)
def test_bad_parameters(params: dict[str, object], match: str) -> None:
    with pytest.raises(ParameterError, match=match):
        BiasDetector(**{"char_ngrams": None, "cv": 2, **params}).fit(TEXTS, LABELS)  # type: ignore[arg-type]


def test_bad_input(fitted: BiasDetector) -> None:
    with pytest.raises(ParameterError, match="X has 24 sentences but y has 3"):
        BiasDetector(cv=2).fit(TEXTS, [0, 1, 0])
    with pytest.raises(ParameterError, match="single string"):
        BiasDetector(cv=2).fit("text", [0])
    with pytest.raises(ParameterError, match=r"X\[1\] must be a string"):
        fitted.predict(["ok", 3])
    with pytest.raises(ParameterError, match="exactly two labels"):
        BiasDetector(cv=2).fit(TEXTS, [1] * len(TEXTS))
    with pytest.raises(ParameterError, match="biased_words"):
        BiasDetector(cv=2).fit(TEXTS, LABELS, biased_words=[["x"]])
    with pytest.raises(ParameterError, match="not fitted"):
        BiasDetector().predict(["text"])


def test_lexicon_feature_is_used() -> None:
    # a word seen in no training sentence is still scored through its lexicon category
    lex = Lexicon.default()
    assert "usurper" in lex
    det = BiasDetector(char_ngrams=None, cv=2).fit(TEXTS, LABELS, biased_words=WORDS)
    scores = det.token_scores(["The usurper spoke."]).set_index("token")["score"]
    assert scores["usurper"] > scores["spoke"]


_TEXT = st.text(
    alphabet=st.sampled_from(list("abcé XYZ'’-“”\"\n.,!?0123")), min_size=0, max_size=60
)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4))
def test_token_offsets_round_trip(fitted: BiasDetector, texts: list[str]) -> None:
    scores = fitted.token_scores(texts)
    assert len(scores) == sum(len(tokenize(t)) for t in texts)
    for k, token, s, e in scores[["sentence", "token", "start", "end"]].itertuples(index=False):
        assert texts[k][s:e] == token
    assert scores["score"].between(0, 1).all()
    assert (~scores["flagged"] | (scores["score"] >= fitted.threshold_)).all()


@settings(max_examples=60, deadline=None)
@given(prefix=_TEXT, text=_TEXT)
def test_tokens_do_not_depend_on_what_comes_before(prefix: str, text: str) -> None:
    # shifting a text by a prefix and a separator shifts its tokens' offsets, nothing else
    joined = prefix + " \n" + text
    shift = len(prefix) + 2
    tail = [(s - shift, e - shift) for s, e in tokenize(joined) if s >= shift]
    assert tail == tokenize(text)


@settings(max_examples=8, deadline=None)
@given(st.permutations(list(range(len(TEXTS)))))
def test_fit_does_not_depend_on_the_order_of_the_sentences(order: list[int]) -> None:
    probe = ["The brutal despot lied to the committee.", "Officials met on Monday.", "Thugs."]

    def fit(idx: list[int]) -> BiasDetector:
        return BiasDetector(char_ngrams=(2, 3), cv=3).fit(
            [TEXTS[i] for i in idx],
            [LABELS[i] for i in idx],
            biased_words=[WORDS[i] for i in idx],
        )

    base, shuffled = fit(list(range(len(TEXTS)))), fit(order)
    assert base.threshold_ == shuffled.threshold_
    assert np.array_equal(base.predict_proba(probe), shuffled.predict_proba(probe))
    a, b = base.token_scores(probe), shuffled.token_scores(probe)
    assert a.equals(b)


def test_fit_with_context_does_not_depend_on_row_order() -> None:
    frame = pd.DataFrame({"text": TEXTS, "outlet": ["a", "b", "c"] * (len(TEXTS) // 3)})
    labels = pd.Series(LABELS)
    order = np.random.default_rng(3).permutation(len(TEXTS))
    det = BiasDetector(char_ngrams=None, cv=2, context_columns=("outlet",))
    base = det.fit(frame, labels).predict_proba(frame)
    again = clone(det).fit(frame.iloc[order], labels.iloc[order]).predict_proba(frame)
    assert np.array_equal(base, again)
