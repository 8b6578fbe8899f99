"""The learnt target ranker of span_targets (claimcompare._rank_targets) and its candidates."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimcompare import _targets
from claimcompare._rank_targets import FEATURES, Candidate, TargetRanker, candidates
from claimcompare.actors import Mention
from claimcompare.claims import claims_of
from claimcompare.document import Document
from claimcompare.errors import ParameterError
from claimcompare.terms import span_targets, target_candidates

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def test_shipped_model_has_provenance_and_round_trips() -> None:
    path = Path(__file__).resolve().parents[1] / "claimcompare" / "data" / "target_model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "2010-2016" in data["provenance"]["data"]
    assert "2017" in data["provenance"]["data"]  # says the reported years were not used
    model = TargetRanker.default()
    assert model is not None and model.features_ == FEATURES
    again = TargetRanker.from_dict(model.to_dict())
    X = np.random.RandomState(0).rand(5, len(FEATURES))
    assert np.allclose(again.scores(X), model.scores(X))


def test_bad_parameters_and_models() -> None:
    X, y = np.eye(len(FEATURES)), [1] + [0] * (len(FEATURES) - 1)
    with pytest.raises(ParameterError, match="min_probability"):
        TargetRanker(min_probability=2).fit(X, y)
    with pytest.raises(ParameterError, match="X must be"):
        TargetRanker().fit(X[:, :3], y)
    with pytest.raises(ParameterError, match="format"):
        TargetRanker.from_dict({"format": "other"})


def test_no_candidates_is_unresolved_and_a_threshold_leaves_spans_unresolved() -> None:
    model = TargetRanker.default()
    assert model is not None and model.best([]) is None
    strict = TargetRanker.from_dict({**model.to_dict(), "params": {"C": 1, "min_probability": 1}})
    only = Candidate("Ann Lee", tuple(0.0 for _ in FEATURES))
    assert strict.best([only]) is None
    doc = Document(doc_id="d", text="Prices were unaffordable.")
    out = span_targets(doc, [(12, 24)], actors={"Ann Lee": []})
    assert (out.target.iloc[0], out.target_rule.iloc[0]) == (None, "unresolved")


def test_pattern_rules_win_over_the_ranker() -> None:
    text = "Bo Ray spoke at length. The hapless general Khalifa Haftar left. Bo Ray smiled."
    doc = Document(doc_id="d", text=text)
    start = text.index("hapless")
    out = span_targets(doc, [(start, start + 7)], actors={"Khalifa Haftar": [], "Bo Ray": []})
    assert (out.target.iloc[0], out.target_rule.iloc[0]) == ("Khalifa Haftar", "name follows")


def test_the_speaker_of_a_quotation_is_weighed_down() -> None:
    quoted = "Ann Lee spoke. “Bo Ray is a crook,” Ann Lee said. Ann Lee left."
    plain = "Ann Lee spoke. Bo Ray is a crook, Ann Lee said. Ann Lee left."
    actors: dict[str, list[str]] = {"Ann Lee": [], "Bo Ray": []}
    scores = []
    for text in (quoted, plain):
        start = text.index("crook")
        out = target_candidates(Document(doc_id="d", text=text), [(start, start + 5)],
                                actors=actors).set_index("actor")  # fmt: skip
        scores.append(out.loc["Ann Lee", "score"])
        assert out.loc["Ann Lee", "speaker_quoted"] == float(text is quoted)
    assert scores[0] < scores[1]


def test_bodies_and_groups_are_candidates() -> None:
    text = (
        "President Barack Obama spoke. Romney's campaign hit back at the Obama campaign. "
        "The administration and protesters clashed; Colorado officials watched."
    )
    doc = Document(doc_id="d", text=text)
    index = {"Barack Obama": ["Obama"], "Mitt Romney": ["Romney"]}
    found = target_candidates(doc, [(text.index("clashed"), text.index("clashed") + 7)],
                              actors=index)  # fmt: skip
    groups = set(found.loc[found.group == 1, "actor"])
    assert groups == {"Obama campaign", "Romney campaign", "Obama administration", "protesters",
                      "Colorado officials"}  # fmt: skip
    men = [Mention(10, 22, "Barack Obama", "Barack Obama", "Barack Obama")]
    extra, kinds = _targets.body_mentions(text, men, {"Barack Obama": "person"})
    assert all(text[m.start : m.end] == m.text for m in extra)
    assert set(kinds.values()) == {"organisation"}


def test_candidates_are_sorted_by_actor() -> None:
    text = "Ann Lee met Bo Ray. Ann Lee made a fierce attack."
    men = [Mention(s, s + len(n), n, n, n) for s, n in ((0, "Ann Lee"), (12, "Bo Ray"),
           (20, "Ann Lee"))]  # fmt: skip
    kinds = {"Ann Lee": "person", "Bo Ray": "person"}
    claims = claims_of(Document(doc_id="d", text=text))
    found = candidates(text=text, claims=claims, start=35, end=41, mentions=men, kinds=kinds)
    assert [c.actor for c in found] == ["Ann Lee", "Bo Ray"]
    assert all(len(c.features) == len(FEATURES) for c in found)
