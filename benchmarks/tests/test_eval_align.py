"""The hand-made alignment gold and its evaluation (align_gold, eval_align)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from align_gold import GOLD, chosen_events, gold_pairs, load_gold
from eval_align import Counts, Event, _best_threshold, evaluate_align, load_events
from eval_common import DEFAULT_BENCHMARKS

import claimcompare as cc

needs_data = pytest.mark.skipif(
    not (DEFAULT_BENCHMARKS / "basil").is_dir(), reason="../shared/benchmarks is absent"
)


@needs_data
def test_every_gold_file_resolves_and_is_a_chosen_event() -> None:
    chosen = {event: part for part, events in chosen_events().items() for _, event in events}
    files = sorted(GOLD.glob("*.json"))
    assert files
    for path in files:
        gold = load_gold(path)  # raises on an anchor that is not in its sentence
        assert chosen[gold["event"]] == gold["part"], path.name
        assert path.name == f"{gold['year']}_{gold['event']}.json"
        assert gold_pairs(gold)


@needs_data
def test_the_events_are_drawn_year_by_year() -> None:
    chosen = chosen_events()
    assert [len(chosen["tune"]), len(chosen["report"])] == [12, 6]
    assert {year for year, _ in chosen["report"]} == {2017, 2018, 2019}
    assert all(2010 <= year <= 2016 for year, _ in chosen["tune"])


def test_a_bad_anchor_names_the_file_and_group(tmp_path: Path) -> None:
    if not (DEFAULT_BENCHMARKS / "basil").is_dir():
        pytest.skip("../shared/benchmarks is absent")
    source = sorted(GOLD.glob("*.json"))[0]
    gold = json.loads(source.read_text(encoding="utf-8"))
    gold["groups"][0]["members"][0]["anchor"] = "words that are in no sentence"
    bad = tmp_path / source.name
    bad.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(ValueError, match=f"{source.name} group 0: anchor"):
        load_gold(bad)


def _event(gold: set[tuple[tuple[str, int], tuple[str, int]]]) -> Event:
    covers = {
        "a#0": frozenset({("a", 0)}),
        "b#0": frozenset({("b", 0), ("b", 1)}),
        "b#1": frozenset({("b", 2)}),
    }
    return Event("e", "tune", cc.Corpus([]), None, covers, frozenset(gold), frozenset())  # type: ignore[arg-type]


def test_counts_score_claim_pairs_against_sentence_pairs() -> None:
    event = _event({(("a", 0), ("b", 1)), (("a", 0), ("b", 2))})
    counts = Counts()
    counts.add(event, [("a#0", "b#0")])  # covers one of the two gold pairs
    row = counts.row()
    assert (row["precision"], row["recall"]) == (1.0, 0.5)
    counts.add(_event(set()), [("a#0", "b#1")])  # a pair where the gold has none
    assert counts.row()["precision"] == 0.5


def test_best_threshold_admits_ties() -> None:
    scores = np.array([0.9, 0.8, 0.8, 0.1])
    labels = np.array([1, 1, 0, 0])
    assert _best_threshold(scores, labels) in (0.9, 0.8)
    assert _best_threshold(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5


@needs_data
def test_the_evaluation_runs_on_the_gold() -> None:
    events = load_events()
    table = evaluate_align(events)
    row = table[(table.method == "aligner pairs") & (table.part == "tune")].iloc[0]
    assert 0 <= row.recall <= 1 and row.gold > 0
    assert set(table.method) >= {"aligner pairs", "aligner clusters", "tfidf cosine"}
