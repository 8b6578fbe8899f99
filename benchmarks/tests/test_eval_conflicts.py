"""Conflict-detection evaluation (eval_conflicts): floors a little below the figures
measured with ``python benchmarks/evaluate.py conflicts``, perturbation edits as hypothesis
properties, and bad input. Benchmark checks skip when ../shared/benchmarks is absent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import eval_conflicts as ev
import pandas as pd
import pytest
from eval_common import DEFAULT_BENCHMARKS as BENCH
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.compare import compare_claim_pair
from claimcompare.errors import InputError
from claimcompare.facts import clause_spans


def _need(*parts: str) -> Path:
    path = BENCH.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"benchmark data absent: {path}")
    return BENCH


def _values(rows: list[dict]) -> dict[tuple[str, str], float]:  # type: ignore[type-arg]
    return {(r["check"], r["metric"]): r["value"] for r in rows}


def test_sick_test_f1_reaches_the_goal() -> None:
    # Measured: P 0.906, R 0.778, F1 0.837; no SICK test entailment pair flagged.
    rows = _values(
        ev.evaluate_sick(
            _need("sick", "SICK_test_annotated.txt"),
            names=("SICK_test_annotated.txt",),
            label="test",
        )
    )
    assert rows[("SICK test: conflict vs rest", "F1")] >= 0.82
    assert rows[("SICK test: conflict vs rest", "precision")] >= 0.88
    assert rows[("compatible: SICK test entailment pairs", "false conflict rate")] <= 0.005


def test_rte_negated_precision_and_recall() -> None:
    # Measured: precision 0.595, recall 0.393 (the base rate of YES in the set is 0.50).
    rows = _values(ev.evaluate_rte_negated(_need("stanford-contradiction-rte2neg", "SOURCE.md")))
    assert rows[("RTE2 negated: conflict", "precision")] >= 0.55
    assert rows[("RTE2 negated: conflict", "recall")] >= 0.33


def test_perturbations_are_detected_and_controls_are_not() -> None:
    # Measured on 300 sentences each: number 0.994, date 1.000, set 1.000, negation 0.987;
    # controls ('about', reordered list, 'reportedly') 0.000.
    rows = ev.evaluate_perturbations(_need("basil", "articles"), sample=80)
    for row in rows:
        assert row["n"] >= 50, row
        if row["metric"] == "detection":
            assert row["value"] >= 0.95, row
        else:
            assert row["value"] <= 0.02, row


def test_compatible_pairs_have_no_contradiction() -> None:
    # Measured: MSRP test paraphrases 0.071 (many differ in a figure or date), curated 0.
    rows = _values(ev.evaluate_compatible(_need("msrp", "msr_paraphrase_test.txt")))
    assert rows[("compatible: curated restatements", "false conflict rate")] == 0.0
    assert rows[("compatible: MSRP test paraphrase pairs", "false conflict rate")] <= 0.09


@pytest.mark.parametrize(("a", "b", "published"), ev.COMPATIBLE_PAIRS)
def test_each_curated_restatement_is_compatible(a: str, b: str, published: dt.date | None) -> None:
    findings = compare_claim_pair(
        {"text": a, "voice": "outlet"},
        {"text": b, "voice": "outlet"},
        published_a=published,
        published_b=published,
    )
    assert not [f for f in findings if f.severity == "contradiction"], findings


def test_missing_benchmark_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"SICK_test_annotated\.txt"):
        ev.evaluate_conflicts(tmp_path)
    with pytest.raises(InputError, match="basil"):
        ev.evaluate_perturbations(tmp_path)
    assert ev.main(["--benchmarks", str(tmp_path)]) == 2


def test_format_table_marks_goals() -> None:
    table = pd.DataFrame(
        [
            ev._row("x", "F1", 0.9, 10, 0.8, ""),
            ev._row("y", "false conflict rate", 0.1, 10, 0.0, ""),
            ev._row("z", "recall", 0.5, 10, None, ""),
        ]
    )
    lines = ev.format_table(table).splitlines()
    assert lines[1].endswith("yes") and lines[2].endswith("NO") and lines[3].rstrip()[-5:] != "yes"


# --- the perturbations are exact edits: offsets round-trip --------------------------------------

SENTENCES = [
    "Ankara deployed 35 troops in Tripoli on Monday.",
    "More than 1,000 people were killed in 2019, officials said.",
    "Haftar is backed by Egypt, the UAE and Russia.",
    "The vote was held on 12 March 2019 and 2.5 million people took part.",
    "Sirte has fallen to Haftar's forces.",
    "Turkey and Qatar support the GNA, which was formed in December 2015.",
]
pieces = st.sampled_from(SENTENCES) | st.text(max_size=40)


@settings(max_examples=150, deadline=None)
@given(text=st.lists(pieces, min_size=1, max_size=3).map(" ".join))
def test_perturbations_round_trip(text: str) -> None:
    published = dt.date(2020, 1, 7)
    edits = [
        ev.perturb_number(text),
        ev.control_number(text),
        ev.perturb_date(text, published=published),
        ev.perturb_set(text),
        ev.control_set(text),
        ev.perturb_negation(text),
        ev.control_negation(text),
    ]
    for p in edits:
        if p is None:
            continue
        assert p.text == text
        assert text[p.start : p.end] == p.old
        assert p.perturbed == text[: p.start] + p.new + text[p.end :]
        assert p.perturbed[p.start : p.start + len(p.new)] == p.new
        assert p.perturbed != text or p.old == p.new


@settings(max_examples=150, deadline=None)
@given(text=st.lists(pieces, min_size=1, max_size=3).map(" ".join))
def test_clause_spans_are_ordered_trimmed_and_cover_every_word(text: str) -> None:
    spans = clause_spans(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        previous_end = e
    import re

    words = [m.start() for m in re.finditer(r"[A-Za-z]+", text)]
    separators = re.compile(r"(?i)but|while|whereas|although|though|because|however|unless|yet")
    for pos in words:
        inside = any(s <= pos < e for s, e in spans)
        word = re.match(r"[A-Za-z]+", text[pos:])
        assert word is not None
        # Every word is in a clause, except the separating conjunctions themselves.
        assert inside or separators.fullmatch(word.group()) or word.group().lower() in {"and", "or"}
