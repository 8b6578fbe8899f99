"""Tests for claimcompare.discover: Fightin' Words weighted log-odds with a Dirichlet prior."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.discover import REST, distinctive_terms, tokenize
from claimcompare.document import Corpus, Document
from claimcompare.errors import InputError, ParameterError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

COLUMNS = [
    "group", "other", "term", "n", "z", "delta", "variance", "count_group", "count_rest", "alpha",
]  # fmt: skip


def tiny() -> Corpus:
    return Corpus(
        [
            Document(doc_id="a", text="war war peace", outlet="A"),
            Document(doc_id="b", text="peace peace peace war", outlet="B"),
        ]
    )


def row(frame: pd.DataFrame, group: str, term: str) -> pd.Series:
    (i,) = frame.index[(frame["group"] == group) & (frame["term"] == term)]
    return frame.loc[i]


def test_golden_informative_prior_by_hand() -> None:
    # Counts: A = {war: 2, peace: 1}, n_A = 3; B = {war: 1, peace: 3}, n_B = 4.
    # prior="corpus": alpha_w = corpus count: alpha_war = 3, alpha_peace = 4, alpha_0 = 7.
    # war, A vs B:
    #   A: log((2 + 3) / (3 + 7 - 2 - 3)) = log(5 / 5) = 0
    #   B: log((1 + 3) / (4 + 7 - 1 - 3)) = log(4 / 7)
    #   delta = 0 - log(4/7) = log(7/4);  variance = 1/(2+3) + 1/(1+3) = 0.45
    # peace, A vs B:
    #   A: log((1 + 4) / (3 + 7 - 1 - 4)) = log(5 / 5) = 0
    #   B: log((3 + 4) / (4 + 7 - 3 - 4)) = log(7 / 4)
    #   delta = -log(7/4);  variance = 1/(1+4) + 1/(3+4) = 12/35
    out = distinctive_terms(tiny(), groups=("A", "B"), ngram_range=(1, 1))
    assert out.columns.tolist() == COLUMNS
    war, peace = row(out, "A", "war"), row(out, "A", "peace")
    assert war["other"] == "B" and (war["count_group"], war["count_rest"]) == (2, 1)
    assert war["alpha"] == 3 and peace["alpha"] == 4
    assert war["delta"] == pytest.approx(math.log(7 / 4), rel=1e-12)
    assert war["variance"] == pytest.approx(0.45, rel=1e-12)
    assert war["z"] == pytest.approx(math.log(7 / 4) / math.sqrt(0.45), rel=1e-12)
    assert peace["delta"] == pytest.approx(-math.log(7 / 4), rel=1e-12)
    assert peace["variance"] == pytest.approx(12 / 35, rel=1e-12)
    assert peace["z"] == pytest.approx(-math.log(7 / 4) / math.sqrt(12 / 35), rel=1e-12)
    # positive z = more typical of the group: war leads for A
    assert out["term"].tolist() == ["war", "peace"]


def test_golden_uniform_prior_by_hand() -> None:
    # prior=0.5 for every term: alpha_0 = 2 * 0.5 = 1.
    # war: A: log((2 + .5) / (3 + 1 - 2 - .5)) = log(2.5 / 1.5)
    #      B: log((1 + .5) / (4 + 1 - 1 - .5)) = log(1.5 / 3.5)
    #      variance = 1/2.5 + 1/1.5
    out = distinctive_terms(tiny(), groups=("A", "B"), ngram_range=(1, 1), prior=0.5)
    war = row(out, "A", "war")
    delta = math.log(2.5 / 1.5) - math.log(1.5 / 3.5)
    assert war["delta"] == pytest.approx(delta, rel=1e-12)
    assert war["z"] == pytest.approx(delta / math.sqrt(1 / 2.5 + 1 / 1.5), rel=1e-12)


def test_prior_strength_and_background_counts() -> None:
    # prior_strength=14 doubles the corpus prior: alpha_war = 6, alpha_peace = 8.
    out = distinctive_terms(tiny(), ngram_range=(1, 1), prior_strength=14.0)
    assert row(out, "A", "war")["alpha"] == pytest.approx(6.0)
    # a background is pooled with the corpus counts: alpha_war = 10 + 3, alpha_peace = 0 + 4
    out = distinctive_terms(tiny(), ngram_range=(1, 1), prior={"war": 10, "other": 5})
    assert row(out, "A", "war")["alpha"] == 13 and row(out, "A", "peace")["alpha"] == 4
    # scaled: alpha_0 = 34 over background (13, 4) -> alpha_war = 26
    out = distinctive_terms(
        tiny(), ngram_range=(1, 1), prior=pd.Series({"war": 10}), prior_strength=34.0
    )
    assert row(out, "A", "war")["alpha"] == pytest.approx(26.0)


def test_group_against_rest_equals_pairwise_with_two_groups() -> None:
    rest = distinctive_terms(tiny(), ngram_range=(1, 1))
    pair = distinctive_terms(tiny(), groups=("A", "B"), ngram_range=(1, 1))
    assert set(rest["group"]) == {"A", "B"} and set(rest["other"]) == {REST}
    a = rest[rest["group"] == "A"].drop(columns="other").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, pair.drop(columns="other"))


def seed_corpus() -> Corpus:
    outlets = {"000": "Press TV", "001": "Outlet 1", "002": "Press TV", "003": "Press TV"}
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        outlet = outlets.get(path.name[:3], "Outlet 4")
        docs.append(Document(doc_id=path.stem, text=path.read_text("utf-8"), outlet=outlet))
    return Corpus(docs)


def test_swapping_groups_negates_z_exactly() -> None:
    corpus = seed_corpus()
    ab = distinctive_terms(corpus, groups=("Press TV", "Outlet 1")).set_index("term")
    ba = distinctive_terms(corpus, groups=("Outlet 1", "Press TV")).set_index("term")
    ba = ba.loc[ab.index]
    assert len(ab) > 50
    assert (ab["z"] == -ba["z"]).all()
    assert (ab["delta"] == -ba["delta"]).all()
    assert (ab["variance"] == ba["variance"]).all()
    assert (ab["count_group"] == ba["count_rest"]).all()


words = st.lists(
    st.sampled_from(["rebel", "army", "war", "peace", "self-styled", "un"]), max_size=12
)


@settings(max_examples=60, deadline=None)
@given(a=words, b=words, c=words)
def test_swap_negates_exactly_property(a: list[str], b: list[str], c: list[str]) -> None:
    corpus = Corpus(
        [
            Document(doc_id="1", text=" ".join(a), outlet="A"),
            Document(doc_id="2", text=" ".join(b), outlet="B"),
            Document(doc_id="3", text=" ".join(c), outlet="C"),
        ]
    )
    try:
        ab = distinctive_terms(corpus, groups=("A", "B"), min_count=0)
    except InputError:  # fewer than two distinct terms
        return
    ba = distinctive_terms(corpus, groups=("B", "A"), min_count=0)
    ab, ba = ab.set_index("term"), ba.set_index("term").loc[ab.set_index("term").index]
    assert (ab["z"] == -ba["z"]).all()
    assert ab["z"].map(math.isfinite).all()


def test_seed_labels_are_distinctive_of_their_outlet() -> None:
    out = distinctive_terms(seed_corpus())
    press = out[out["group"] == "Press TV"].set_index("term")
    assert press.loc["renegade general", "z"] > 0
    assert press.loc["renegade general", "count_rest"] == 0
    once = distinctive_terms(seed_corpus(), min_count=1)
    one = once[once["group"] == "Outlet 1"].set_index("term")
    assert one.loc["un-recognised", "z"] > 0 and one.loc["un-recognised", "count_rest"] == 0
    # sorted by z within each group
    assert press["z"].is_monotonic_decreasing


def test_order_of_documents_does_not_matter() -> None:
    corpus = seed_corpus()
    shuffled = Corpus([corpus[i] for i in (3, 0, 4, 2, 1)])
    pd.testing.assert_frame_equal(distinctive_terms(corpus), distinctive_terms(shuffled))


def test_by_other_fields_meta_and_missing_values() -> None:
    corpus = Corpus(
        [
            Document(doc_id="a", text="war war", outlet="A", published=dt.date(2020, 1, 7),
                     meta={"side": "east"}),
            Document(doc_id="b", text="peace peace", outlet=None, published=dt.date(2020, 1, 8),
                     meta={"side": "west"}),
            Document(doc_id="c", text="war peace", outlet=None, meta={}),
        ]
    )  # fmt: skip
    assert set(distinctive_terms(corpus, by="doc_id")["group"]) == {"a", "b", "c"}
    assert set(distinctive_terms(corpus, by="published")["group"]) == {
        "2020-01-07", "2020-01-08", "<no published>",
    }  # fmt: skip
    assert set(distinctive_terms(corpus, by="side")["group"]) == {"east", "west", "<no side>"}
    out = distinctive_terms(corpus, ngram_range=(1, 1), min_count=0)
    # Documents of unknown outlet are each their own group, labelled as in the claims table.
    assert set(out["group"]) == {"A", "<unknown outlet: b>", "<unknown outlet: c>"}
    nobody = row(out, "<unknown outlet: b>", "peace")
    assert (nobody["count_group"], nobody["count_rest"]) == (2, 1)
    with pytest.raises(InputError, match=r"documents \['b', 'c'\] have no 'outlet'"):
        distinctive_terms(corpus, missing="raise")
    with pytest.raises(ParameterError, match="neither a Document field"):
        distinctive_terms(corpus, by="colour")


def test_top_and_min_count() -> None:
    corpus = seed_corpus()
    out = distinctive_terms(corpus, top=5)
    assert out.groupby("group").size().tolist() == [5, 5, 5]
    full = distinctive_terms(corpus, min_count=0)
    assert (full["count_group"] + full["count_rest"] == 1).any()
    assert ((distinctive_terms(corpus)[["count_group", "count_rest"]].sum(axis=1)) >= 2).all()


def test_tokenize_keeps_hyphenated_words_and_never_joins_across_punctuation() -> None:
    assert tokenize("Self\u2011styled U.N.-backed forces; Haftar’s men") == [
        ["self-styled", "un-backed", "forces"],
        ["haftar's", "men"],
    ]
    out = distinctive_terms(
        Corpus(
            [
                Document(doc_id="a", text="rebel army. army rebel", outlet="A"),
                Document(doc_id="b", text="rebel army", outlet="B"),
            ]
        ),
        min_count=0,
    )
    assert "army army" not in set(out["term"])
    assert {"rebel army", "army rebel"} <= set(out["term"])
    assert row(out, "A", "rebel army")["n"] == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"groups": ("A", "Z")}, r"groups \['Z'\] not found"),
        ({"groups": ("A", "A")}, "two different groups"),
        ({"groups": "A"}, "two group labels"),
        ({"ngram_range": (2, 1)}, "ngram_range"),
        ({"ngram_range": (0, 1)}, "ngram_range"),
        ({"prior": "uniform"}, "prior must be"),
        ({"prior": -1.0}, "positive number"),
        ({"prior": 0.5, "prior_strength": 3.0}, "uniform one"),
        ({"prior": {"war": -2}}, ">= 0"),
        ({"prior_strength": 0.0}, "prior_strength"),
        ({"min_count": -1}, "min_count"),
        ({"top": 0}, "top"),
        ({"missing": "drop"}, "missing"),
        ({"by": 3}, "field name"),
    ],
)
def test_bad_parameters(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        distinctive_terms(tiny(), **kwargs)  # type: ignore[arg-type]


def test_bad_inputs() -> None:
    with pytest.raises(ParameterError, match="Corpus"):
        distinctive_terms([Document(doc_id="a", text="x")])  # type: ignore[arg-type]
    one = Corpus([Document(doc_id="a", text="war peace", outlet="A")])
    with pytest.raises(InputError, match="at least two groups"):
        distinctive_terms(one)
    same = Corpus(
        [Document(doc_id="a", text="war", outlet="A"), Document(doc_id="b", text="war", outlet="B")]
    )
    with pytest.raises(InputError, match="distinct terms"):
        distinctive_terms(same)
