"""ClaimAligner: candidates, scores and clusters on the seeds, and their invariants."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.align import Alignment, ClaimAligner
from claimcompare.errors import InputError, ParameterError


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return cc.split_claims(cc.load_corpus("seeds/"))


@pytest.fixture(scope="module")
def alignment(claims: pd.DataFrame) -> Alignment:
    return ClaimAligner().align(claims)


def _cluster_of(alignment: Alignment, claim_id: str) -> int | None:
    rows = alignment.clusters[alignment.clusters.claim_id == claim_id]
    return None if rows.empty else int(rows.cluster_id.iloc[0])


def test_background_sentence_is_aligned_across_outlets(alignment: Alignment) -> None:
    # "Libya has been the scene of chaos since 2011 ..." in Press TV (000, 003) and Ansar Press.
    group = _cluster_of(alignment, "000_348943f42b5aa69a#20")
    assert group is not None
    assert _cluster_of(alignment, "004_cce714069143a072#13") == group
    assert _cluster_of(alignment, "003_d3d53ad44076e59b#13") == group


def test_unrelated_claims_stay_apart(alignment: Alignment) -> None:
    # Haftar's backers and Gaddafi's fall are different claims.
    backers = _cluster_of(alignment, "000_348943f42b5aa69a#6")
    fall = _cluster_of(alignment, "000_348943f42b5aa69a#20")
    assert backers is None or backers != fall


def test_pairs_are_cross_outlet_and_never_within_a_document(alignment: Alignment) -> None:
    pairs = alignment.pairs
    assert (pairs.doc_a != pairs.doc_b).all()
    assert (pairs.outlet_a != pairs.outlet_b).all()
    assert (pairs.claim_a < pairs.claim_b).all()


def test_clusters_hold_one_claim_per_document_and_link_every_pair(
    claims: pd.DataFrame, alignment: Alignment
) -> None:
    aligner = ClaimAligner()
    texts = claims.set_index("claim_id").text
    threshold = aligner.get_params()["threshold"] or cc.align.PairModel.default().threshold_
    for _, group in alignment.clusters.groupby("cluster_id"):
        assert group.doc_id.is_unique
        ids = group.claim_id.tolist()
        a = [texts[x] for i, x in enumerate(ids) for y in ids[i + 1 :]]
        b = [texts[y] for i, x in enumerate(ids) for y in ids[i + 1 :]]
        # complete linkage: no claim joins through a common neighbour only
        assert (aligner.predict_proba(a, b)[:, 1] >= threshold).all()


def test_pairs_carry_score_and_signals(alignment: Alignment) -> None:
    columns = set(alignment.pairs.columns)
    assert {"claim_a", "claim_b", "score", "cosine", "char_cosine"} <= columns
    assert alignment.pairs.score.between(0, 1).all()
    assert set(alignment.clusters.columns) >= {"cluster_id", "claim_id", "doc_id", "outlet", "text"}


@settings(max_examples=5, deadline=None)
@given(st.randoms(use_true_random=False))
def test_independent_of_input_order(claims: pd.DataFrame, random: object) -> None:
    shuffled = claims.sample(frac=1.0, random_state=random.randint(0, 10**6))  # type: ignore[attr-defined]
    first = ClaimAligner().align(claims)
    second = ClaimAligner().align(shuffled)
    pd.testing.assert_frame_equal(first.pairs, second.pairs)
    pd.testing.assert_frame_equal(first.clusters, second.clusters)


@settings(max_examples=5, deadline=None)
@given(st.floats(0.05, 0.9), st.floats(0.05, 0.9))
def test_raising_the_threshold_never_adds_pairs(claims: pd.DataFrame, t1: float, t2: float) -> None:
    low, high = sorted((t1, t2))
    pairs_low = ClaimAligner(threshold=low).align(claims).pairs
    pairs_high = ClaimAligner(threshold=high).align(claims).pairs
    keys_low = set(zip(pairs_low.claim_a, pairs_low.claim_b, strict=True))
    keys_high = set(zip(pairs_high.claim_a, pairs_high.claim_b, strict=True))
    assert keys_high <= keys_low


def test_same_outlet_pairs_when_asked(claims: pd.DataFrame) -> None:
    pairs = ClaimAligner(cross_outlet=False).align(claims).pairs
    same = pairs[pairs.outlet_a == pairs.outlet_b]
    assert ("000_348943f42b5aa69a#20", "003_d3d53ad44076e59b#13") in set(
        zip(same.claim_a, same.claim_b, strict=True)
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"top_k": 0}, "top_k"),
        ({"top_k": 2.5}, "top_k"),
        ({"threshold": 1.5}, "threshold"),
        ({"min_cosine": -1}, "min_cosine"),
        ({"kinds": ("paragraph",)}, "kinds"),
        ({"chunk_size": 0}, "chunk_size"),
    ],
)
def test_bad_parameters_are_named(claims: pd.DataFrame, params: dict, message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        ClaimAligner(**params).align(claims)


def test_bad_claims_tables(claims: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="lacks column"):
        ClaimAligner().align(claims.drop(columns=["outlet"]))
    with pytest.raises(InputError, match="duplicate claim_id"):
        ClaimAligner().align(pd.concat([claims, claims.head(1)]))
    with pytest.raises(ParameterError, match="split_claims"):
        ClaimAligner().align("not a table")  # type: ignore[arg-type]


def test_small_chunks_give_the_same_result(claims: pd.DataFrame, alignment: Alignment) -> None:
    chunked = ClaimAligner(chunk_size=7).align(claims)
    pd.testing.assert_frame_equal(chunked.pairs, alignment.pairs)
