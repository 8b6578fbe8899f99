"""ClaimAligner: candidates, scores and clusters on the seeds, and their invariants."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.align import Alignment, ClaimAligner
from claimcompare.align.relations import gazetteer_index, pair_relations, relation_table
from claimcompare.align.search import tfidf
from claimcompare.errors import InputError, ParameterError
from claimcompare.similarity import PairModel


@pytest.fixture(scope="module")
def claims(seed_claims: pd.DataFrame) -> pd.DataFrame:
    return seed_claims


@pytest.fixture(scope="module")
def alignment(seed_alignment: Alignment) -> Alignment:
    return seed_alignment


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


@pytest.mark.parametrize("encoder", [None, "wordllama"])
def test_a_short_line_inside_a_long_sentence_is_not_a_paraphrase(encoder: str | None) -> None:
    # The model, which never saw so uneven a pair in training, scores it above its threshold;
    # "Thanks." has all its content in the quotation, the quotation a tiny part in "Thanks.".
    short = "Thanks."
    long = (
        '"We will keep fighting for every family in this state, and we will not stop until the '
        'job is done. Thanks."'
    )
    aligner = ClaimAligner(encoder=encoder)
    if encoder is None:  # the lexical model scores it above its threshold; the rule holds it back
        assert aligner.predict_proba([short], [long])[0, 1] >= aligner._validate()[1]
    claims = pd.DataFrame(
        {
            "claim_id": ["x#0", "y#0"],
            "doc_id": ["x", "y"],
            "outlet": ["X", "Y"],
            "text": [short, long],
        }
    )
    alignment = aligner.align(claims)
    assert alignment.candidates == 1 and alignment.pairs.empty and alignment.clusters.empty


def test_pairs_are_cross_outlet_and_never_within_a_document(alignment: Alignment) -> None:
    pairs = alignment.pairs
    assert (pairs.doc_a != pairs.doc_b).all()
    assert (pairs.outlet_a != pairs.outlet_b).all()
    assert (pairs.claim_a < pairs.claim_b).all()


def test_clusters_follow_the_documented_rule(claims: pd.DataFrame, alignment: Alignment) -> None:
    """A slow reference of the cluster rule, pair by pair, from the model and the relations."""
    aligner = ClaimAligner()
    threshold = PairModel.default().threshold_
    floor = 0.8 * threshold
    table = claims[claims.kind == "claim"]
    texts = table.set_index("claim_id").text
    distinct = sorted(set(table.text))
    rtab = relation_table(distinct, actors=gazetteer_index(), min_quote_words=4)
    row = {t: k for k, t in enumerate(distinct)}

    def rel(x: str, y: str) -> pd.Series:
        found = pair_relations(
            rtab, [row[texts[x]]], [row[texts[y]]], min_coverage=0.8, min_terms=3
        )
        return found.iloc[0]

    def inside(x: str, y: str) -> bool:
        return bool(rel(x, y).contained == "a")

    vectors = tfidf(rtab)

    def cosine(x: str, y: str) -> float:
        return float(vectors[row[texts[x]]].multiply(vectors[row[texts[y]]]).sum())

    for _, group in alignment.clusters.groupby("cluster_id"):
        assert group.doc_id.is_unique
        assert group.outlet.nunique() > 1  # cross_outlet: no group of one outlet
        ids = group.claim_id.tolist()
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                r = rel(x, y)
                if r.contained or r.mutual or r.shared_quote or r.shared_clause:
                    continue  # a relation links them
                others = [z for z in ids if z not in (x, y)]
                if any(inside(z, x) and inside(z, y) for z in others):
                    continue  # both contain a third claim of the group
                assert cosine(x, y) >= 0.05, (x, y)  # something in common
                score = aligner.predict_proba([texts[x]], [texts[y]])[0, 1]
                if score >= threshold:
                    continue
                # never two parts of one claim through it; else close enough to the group
                assert not any(inside(x, z) and inside(y, z) for z in others), (x, y)
                assert score >= floor, (x, y, score)


def test_pairs_carry_score_and_signals(alignment: Alignment) -> None:
    columns = set(alignment.pairs.columns)
    assert {"claim_a", "claim_b", "score", "cosine", "char_cosine"} <= columns
    assert {"relation", "coverage_a", "coverage_b", "contained", "shared_quote"} <= columns
    assert "shared_clause" in columns
    relations = {"paraphrase", "containment", "shared_quote", "shared_clause"}
    assert set(alignment.pairs.relation) <= relations
    threshold = PairModel.default().threshold_
    by_model = alignment.pairs[alignment.pairs.relation == "paraphrase"]
    assert (
        (by_model.score >= threshold) | (by_model[["coverage_a", "coverage_b"]].min(axis=1) >= 0.8)
    ).all()
    contained = alignment.pairs[alignment.pairs.relation == "containment"]
    assert contained.contained.isin(set(contained.claim_a) | set(contained.claim_b)).all()
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
        ({"n_jobs": 0}, "n_jobs"),
        ({"n_jobs": 1.5}, "n_jobs"),
        ({"n_jobs": "2"}, "n_jobs"),
        ({"relations": ("paraphrase",)}, "relations"),
        ({"relations": "containment"}, "relations"),
        ({"min_coverage": 0.2}, "min_coverage"),
        ({"min_quote_words": 1}, "min_quote_words"),
        ({"cluster_threshold": 0.9}, "cluster_threshold"),
        ({"actors": ["Haftar"]}, "actors"),
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


def test_threads_give_the_same_result(claims: pd.DataFrame, alignment: Alignment) -> None:
    for n_jobs in (1, 3, -1):
        again = ClaimAligner(n_jobs=n_jobs).align(claims)
        pd.testing.assert_frame_equal(again.pairs, alignment.pairs)
        pd.testing.assert_frame_equal(again.clusters, alignment.clusters)
    assert ClaimAligner(n_jobs=3).get_params()["n_jobs"] == 3
    assert repr(ClaimAligner(n_jobs=1)) == "ClaimAligner(n_jobs=1)"


def test_relations_can_be_switched_off(claims: pd.DataFrame, alignment: Alignment) -> None:
    plain = ClaimAligner(relations=()).align(claims)
    threshold = ClaimAligner()._validate()[1]
    assert set(plain.pairs.relation) == {"paraphrase"} and (plain.pairs.score >= threshold).all()
    keys = set(zip(plain.pairs.claim_a, plain.pairs.claim_b, strict=True))
    assert keys <= set(zip(alignment.pairs.claim_a, alignment.pairs.claim_b, strict=True))
    # (the lexical model leaves the shared quote to the relation; the semantic one accepts it)
    quotes_only = ClaimAligner(relations=("shared_quote",), encoder=None).align(claims).pairs
    assert "containment" not in set(quotes_only.relation)
    assert "shared_quote" in set(quotes_only.relation)


def test_complete_linkage_when_cluster_threshold_is_the_threshold(claims: pd.DataFrame) -> None:
    threshold = ClaimAligner()._validate()[1]
    strict = ClaimAligner(cluster_threshold=threshold).align(claims)
    loose = ClaimAligner().align(claims)
    # a stricter rule can only split groups: every strict group lies inside a loose one
    loose_of = dict(zip(loose.clusters.claim_id, loose.clusters.cluster_id, strict=True))
    for _, group in strict.clusters.groupby("cluster_id"):
        assert len({loose_of.get(c) for c in group.claim_id}) == 1


def test_label_targets_count_as_mentions(claims: pd.DataFrame) -> None:
    corpus = cc.load_corpus("seeds/")
    terms = cc.find_loaded_terms(corpus)
    alignment = ClaimAligner().align(claims, targets=terms)
    pairs = alignment.pairs.set_index(["claim_a", "claim_b"])
    sirte = pairs.loc[("000_348943f42b5aa69a#1", "001_61a362be6e1436b7#1")]
    assert sirte.relation == "shared_clause"
    # "a renegade general" in 000 points at Khalifa Haftar, whom 001 names: more of 001 in 000
    plain = ClaimAligner().align(claims).pairs.set_index(["claim_a", "claim_b"])
    assert sirte.coverage_b > plain.loc[sirte.name].coverage_b
    with pytest.raises(cc.InputError, match="targets lacks column"):
        ClaimAligner().align(claims, targets=terms.drop(columns="target"))
    with pytest.raises(cc.ParameterError, match="targets must be a DataFrame"):
        ClaimAligner().align(claims, targets=[("a", "b")])  # type: ignore[arg-type]


@settings(max_examples=10, deadline=None)
@given(st.data())
def test_pair_scores_and_relations_are_symmetric(claims: pd.DataFrame, data: st.DataObject) -> None:
    texts = sorted(set(claims.text))
    picks = data.draw(st.lists(st.sampled_from(range(len(texts))), min_size=4, max_size=12))
    a, b = [texts[k] for k in picks[::2]], [texts[k] for k in picks[1::2]]
    a = a[: len(b)]
    aligner = ClaimAligner()
    forward, backward = aligner.predict_proba(a, b), aligner.predict_proba(b, a)
    assert forward == pytest.approx(backward)
    tab = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    ia, ib = picks[::2][: len(b)], picks[1::2]
    ab = pair_relations(tab, ia, ib, min_coverage=0.8, min_terms=3)
    ba = pair_relations(tab, ib, ia, min_coverage=0.8, min_terms=3)
    assert ab.coverage_a.tolist() == ba.coverage_b.tolist()
    assert ab.shared_quote.tolist() == ba.shared_quote.tolist()
    assert ab.shared_clause.tolist() == ba.shared_clause.tolist()
    swap = {"a": "b", "b": "a", "": ""}
    assert [swap[c] for c in ab.contained] == ba.contained.tolist()
