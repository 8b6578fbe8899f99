"""Per-pair fact comparison on seed claims the issue names, and on crafted pairs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.cli import main
from claimcompare.compare import (
    FINDING_COLUMNS,
    STAGES,
    Finding,
    compare_claim_pair,
    compare_clusters,
)

Compare = Callable[[str, str], list[Finding]]

S000, S001, S002, S003 = (
    "000_348943f42b5aa69a",
    "001_61a362be6e1436b7",
    "002_03d7a90d1c96a686",
    "003_d3d53ad44076e59b",
)


@pytest.fixture(scope="module")
def corpus() -> cc.Corpus:
    return cc.load_corpus("seeds/")


@pytest.fixture(scope="module")
def claims(corpus: cc.Corpus) -> pd.DataFrame:
    return cc.split_claims(corpus).set_index("claim_id", drop=False)


@pytest.fixture(scope="module")
def compare(corpus: cc.Corpus, claims: pd.DataFrame) -> Compare:
    index = cc.ActorIndex.from_frame(cc.find_actors(corpus))

    def run(x: str, y: str) -> list[Finding]:
        a, b = claims.loc[x], claims.loc[y]
        return compare_claim_pair(
            a.to_dict(),
            b.to_dict(),
            published_a=corpus[a.doc_id].published,
            published_b=corpus[b.doc_id].published,
            canonical=index.canonical,
        )

    return run


@pytest.mark.parametrize(
    ("other", "added"),
    [(f"{S001}#7", "Russia"), (f"{S002}#4", "Jordan"), (f"{S003}#5", "Saudi Arabia")],
)
def test_backers_differ_by_who_each_outlet_adds(compare: Compare, other: str, added: str) -> None:
    sets = [f for f in compare(f"{S000}#6", other) if f.kind == "set"]
    assert len(sets) == 1
    finding = sets[0]
    assert (finding.verdict, finding.severity) == ("conflict", "difference")
    assert finding.shared == ("Egypt", "United Arab Emirates")  # "UAE" merged as an alias
    assert finding.only_a == () and finding.only_b == (added,)


def test_operation_length_is_not_a_conflict(compare: Compare) -> None:
    findings = compare(f"{S000}#3", f"{S001}#3")
    numbers = [f for f in findings if f.kind == "number"]
    assert [(f.value_a, f.value_b, f.verdict) for f in numbers] == [
        ("only three hours", "just hours", "compatible")
    ]
    assert not [f for f in findings if f.verdict == "conflict" and f.kind == "number"]


@pytest.mark.parametrize("other", [f"{S003}#5", f"{S002}#18"])
def test_april_2019_dated_three_ways_agrees(compare: Compare, other: str) -> None:
    dates = [f for f in compare(f"{S000}#10", other) if f.kind == "date"]
    assert [f.verdict for f in dates] == ["agree"]


def test_sirte_hedged_in_one_outlet_and_asserted_in_another(compare: Compare) -> None:
    hedges = [f for f in compare(f"{S000}#1", f"{S001}#1") if f.kind == "hedge"]
    assert [(f.value_a, f.verdict, f.severity) for f in hedges] == [
        ("reportedly", "conflict", "difference")
    ]


def test_asserted_against_attributed_is_an_attribution_difference() -> None:
    a = {"text": "Haftar's forces seized Sirte.", "voice": "outlet"}
    b = {"text": "Haftar's forces seized Sirte.", "voice": "attributed", "speaker": "LNA",
         "cue": "said"}  # fmt: skip
    [finding] = compare_claim_pair(a, b)
    assert (finding.kind, finding.value_b) == ("attribution", "said by LNA")


def test_claimed_against_said_is_an_attribution_difference() -> None:
    a = {"text": "X seized Sirte.", "voice": "attributed", "speaker": "X", "cue": "claimed"}
    b = {"text": "X seized Sirte.", "voice": "attributed", "speaker": "X", "cue": "said"}
    assert [f.kind for f in compare_claim_pair(a, b)] == ["attribution"]


def test_a_changed_number_is_a_contradiction() -> None:
    a = {"text": "Ankara deployed 35 troops in Tripoli.", "voice": "outlet"}
    b = {"text": "Ankara deployed 350 troops in Tripoli.", "voice": "outlet"}
    [finding] = compare_claim_pair(a, b)
    assert (finding.kind, finding.verdict, finding.severity) == (
        "number",
        "conflict",
        "contradiction",
    )


@pytest.mark.parametrize(
    ("other", "verdict"),
    [("450 km", "compatible"), ("300 kilometres", "conflict")],
    ids=["same distance", "another distance"],
)
def test_units_spelled_differently_are_compared(other: str, verdict: str) -> None:
    a = {"text": "Sirte lies some 450 kilometers east of Tripoli.", "voice": "outlet"}
    b = {"text": f"Sirte lies {other} east of Tripoli.", "voice": "outlet"}
    assert [(f.kind, f.verdict) for f in compare_claim_pair(a, b)] == [("number", verdict)]


def test_identical_claims_have_no_findings() -> None:
    a = {"text": "Haftar is backed by Egypt and the UAE.", "voice": "outlet"}
    assert all(f.verdict == "agree" for f in compare_claim_pair(a, dict(a)))


def test_compare_clusters_splits_agreements_and_conflicts(
    claims: pd.DataFrame, corpus: cc.Corpus
) -> None:
    ids = [f"{S000}#6", f"{S001}#7", f"{S000}#3", f"{S001}#3"]
    clusters = pd.DataFrame({"cluster_id": [0, 0, 1, 1], "claim_id": ids})
    published = {d.doc_id: d.published for d in corpus}
    agreements, conflicts = compare_clusters(
        claims.reset_index(drop=True), clusters, published=published
    )
    assert list(conflicts.columns) == FINDING_COLUMNS == list(agreements.columns)
    assert set(conflicts.kind) >= {"set"}
    assert (conflicts.verdict == "conflict").all() and (agreements.verdict != "conflict").all()
    assert "number" in set(agreements.kind)


def test_omissions_on_a_seed_cluster(claims: pd.DataFrame) -> None:
    from claimcompare.compare import blindspots, find_omissions

    background = [f"{S000}#20", "004_cce714069143a072#13"]
    clusters = pd.DataFrame({"cluster_id": [0, 0], "claim_id": background})
    omissions = find_omissions(claims.reset_index(drop=True), clusters)
    # The background sentence is carried by Press TV and Ansar Press; 001 leaves it out.
    missing = omissions[omissions.cluster_id == 0]
    assert missing.outlet.tolist() == ["<unknown outlet: 001_61a362be6e1436b7>"]
    assert missing.n_carrying.tolist() == [2]
    # Every claim in no cluster is an omission of every other outlet, never of its own.
    for row in omissions.itertuples():
        assert row.outlet not in row.carried_by
    assert set(blindspots(omissions).index) == set(claims.outlet)


# --- cc.compare, the report and the CLI ----------------------------------------------------------


@pytest.fixture(scope="module")
def result(corpus: cc.Corpus) -> cc.Comparison:
    return cc.compare(corpus)


def test_compare_returns_every_table(result: cc.Comparison) -> None:
    assert list(result.conflicts.columns) == FINDING_COLUMNS
    assert {"actor", "outlet", "labels", "count"} <= set(result.framing.columns)
    assert set(result.conflicts.kind) <= {
        "number", "date", "set", "negation", "attribution", "hedge", "label"
    }  # fmt: skip
    # Every conflict traces back to two aligned claims of different outlets.
    clustered = set(result.alignment.clusters.claim_id)
    assert set(result.conflicts.claim_a) <= clustered and set(result.conflicts.claim_b) <= clustered
    assert (result.conflicts.outlet_a != result.conflicts.outlet_b).all()


def test_compare_reports_the_sirte_claim_hedged_in_one_outlet_only(result: cc.Comparison) -> None:
    # 000 "have reportedly seized control of ... Sirte", 001 "have taken the city of Sirte"
    hedges = result.conflicts[result.conflicts.kind == "hedge"]
    found = hedges[(hedges.claim_a == f"{S000}#1") & (hedges.claim_b == f"{S001}#1")]
    assert found[["value_a", "value_b"]].values.tolist() == [["reportedly", "no hedge"]]
    assert hedges.claim_a.isin([f"{S000}#1"]).all()  # no other hedge difference on the seeds


def test_sirte_labels_are_compared_for_the_actor_both_claims_name(result: cc.Comparison) -> None:
    # 000 "a renegade general" (Haftar) also calls the Tripoli government
    # "internationally-recognized" in a clause 001 lacks; 001 calls Gaddafi a "dictator" in an
    # apposition 000 lacks. Only Haftar's labels are the same claim worded differently.
    labels = result.conflicts[
        (result.conflicts.kind == "label")
        & (result.conflicts.claim_a == f"{S000}#1")
        & (result.conflicts.claim_b == f"{S001}#1")
    ]
    assert labels[["value_a", "value_b", "only_a", "only_b"]].values.tolist() == [
        ["militia, renegade general", "rogue general", ("militia", "renegade general"),
         ("rogue general",)]
    ]  # fmt: skip
    assert labels.explanation.str.endswith("for Khalifa Haftar").all()


def test_labels_of_an_actor_one_claim_does_not_name_are_not_compared() -> None:
    claims = pd.DataFrame(
        {
            "claim_id": ["a#0", "b#0"],
            "doc_id": ["a", "b"],
            "outlet": ["A", "B"],
            "text": ["Rebels took Sirte.", "Fighters took Sirte."],
        }
    )
    clusters = pd.DataFrame({"cluster_id": [0, 0], "claim_id": ["a#0", "b#0"]})
    labels = {"a#0": {"Haftar": ("rebel",), "GNA": ("legitimate",)}, "b#0": {}}
    named = {"a#0": frozenset({"Haftar", "GNA"}), "b#0": frozenset({"Haftar"})}
    _, conflicts = compare_clusters(claims, clusters, labels=labels, named=named)
    assert conflicts[["kind", "value_a", "value_b"]].values.tolist() == [
        ["label", "rebel", "(no loaded label)"]
    ]


def test_compare_does_not_depend_on_document_order(
    corpus: cc.Corpus, result: cc.Comparison
) -> None:
    shuffled = cc.Corpus(list(corpus)[::-1])
    again = cc.compare(shuffled)
    pd.testing.assert_frame_equal(again.conflicts, result.conflicts)
    pd.testing.assert_frame_equal(again.omissions, result.omissions)


def test_markdown_report_has_its_sections(result: cc.Comparison) -> None:
    md = result.to_markdown()
    for heading in ("## Conflicts and differences", "## What each outlet calls each actor",
                    "## Aligned claims", "## Omissions"):  # fmt: skip
        assert heading in md
    assert "renegade general" in md
    assert result._repr_html_().startswith("<pre>")


def test_cli_compare_writes_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    code = main(["compare", "seeds/", "--markdown", str(tmp_path / "r.md"), "--csv", str(out),
                 "--actor", "Khalifa Haftar=Haftar,Hafar"])  # fmt: skip
    assert code == 0
    assert "5 documents from 3 outlets" in capsys.readouterr().out
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# claimcompare report")
    assert {p.name for p in out.iterdir()} >= {"claims.csv", "conflicts.csv", "framing.csv"}


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["compare", "no/such/dir"], 1, "no such file or folder"),
        (["compare", "seeds/", "--actor", "bad"], 1, "expected NAME=ALIAS"),
        (["compare", "seeds/", "--csv", "no/such/dir"], 1, "not a folder"),
    ],
)
def test_cli_compare_errors(
    argv: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == code
    assert message in capsys.readouterr().err


def test_cli_rejects_unknown_options() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "seeds/", "--nope"])
    assert exit_info.value.code == 2


# --- issue 5 seed checks at the level of facts -------------------------------------------------


def test_backers_in_an_outlet_appositive_are_not_an_attribution_difference(
    compare: Compare,
) -> None:
    # 002: "The rebels, backed by the UAE, Egypt, and Jordan, also announced ...": the claim
    # reports an announcement, but the backers list is the outlet's own words.
    for other in (f"{S000}#6", f"{S001}#7", f"{S003}#5"):
        kinds = [f.kind for f in compare(other, f"{S002}#4")]
        assert "set" in kinds and "attribution" not in kinds, (other, kinds)


def test_operation_length_quoted_in_one_outlet_and_narrated_in_the_other(compare: Compare) -> None:
    findings = compare(f"{S000}#3", f"{S001}#3")
    assert not [f for f in findings if f.severity == "contradiction"]
    [attribution] = [f for f in findings if f.kind == "attribution"]
    assert attribution.value_a.endswith("by Ahmad al-Mesmari")
    assert attribution.value_b == "asserted by the outlet"
    assert "'only three hours' / 'just hours'" in attribution.explanation


@pytest.mark.parametrize(
    ("x", "y"),
    [(f"{S000}#10", f"{S003}#5"), (f"{S000}#10", f"{S002}#18"), (f"{S003}#5", f"{S002}#18")],
)
def test_three_datings_of_the_april_offensive_never_conflict(
    compare: Compare, x: str, y: str
) -> None:
    findings = compare(x, y)
    assert [f.verdict for f in findings if f.kind == "date"] == ["agree"]
    # "have so far failed to advance past the city's outskirts" is not said by the other.
    assert not [f for f in findings if f.severity == "contradiction"]


def test_a_negated_clause_conflicts_only_with_what_the_other_states() -> None:
    a = {"text": "Haftar's forces seized Sirte and Turkey sent troops.", "voice": "outlet"}
    b = {"text": "Haftar's forces seized Sirte and Turkey did not send troops.", "voice": "outlet"}
    c = {"text": "Haftar's forces seized Sirte; no one was hurt.", "voice": "outlet"}
    [neg] = [f for f in compare_claim_pair(a, b) if f.kind == "negation"]
    assert neg.severity == "contradiction"
    assert not [f for f in compare_claim_pair(a, c) if f.severity == "contradiction"]


def test_opposite_predicates_are_a_negation_conflict() -> None:
    a = {"text": "Parliament accepted the proposal on Monday.", "voice": "outlet"}
    b = {"text": "Parliament rejected the proposal on Monday.", "voice": "outlet"}
    [neg] = [f for f in compare_claim_pair(a, b) if f.kind == "negation"]
    assert (neg.severity, neg.value_a, neg.value_b) == ("contradiction", "accepted", "rejected")
    assert "'accepted'" in neg.explanation and "'rejected'" in neg.explanation


def test_bare_figures_and_several_dates_are_paired() -> None:
    pub = dt.date(2018, 6, 15)
    a = {
        "text": "Mr. Strzok, 48, testified on Friday about events early this year.",
        "voice": "outlet",
    }
    b = {
        "text": "Mr. Strzok, 97, testified on Sunday about events early this year.",
        "voice": "outlet",
    }
    findings = compare_claim_pair(a, b, published_a=pub, published_b=pub)
    got = {(f.kind, f.value_a, f.value_b, f.verdict) for f in findings}
    assert ("number", "48", "97", "conflict") in got
    assert ("date", "Friday", "Sunday", "conflict") in got
    assert ("date", "this year", "this year", "agree") in got


def test_compare_reports_each_stage_to_progress_in_order() -> None:
    seen: list[str] = []
    cc.compare(cc.load_corpus("seeds/"), progress=seen.append)
    assert tuple(seen) == STAGES


def test_compare_rejects_a_progress_that_is_not_callable() -> None:
    with pytest.raises(cc.ParameterError, match="progress must be callable"):
        cc.compare(cc.load_corpus("seeds/"), progress="yes")  # type: ignore[arg-type]
