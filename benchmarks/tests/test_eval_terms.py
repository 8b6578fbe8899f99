"""Tests for eval_terms: loaders, metrics and quality floors on fast subsets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from eval_common import DEFAULT_BENCHMARKS as BENCHMARKS
from eval_terms import (
    RESULT_COLUMNS,
    _flagged_runs,
    _token_counts,
    evaluate_babe,
    evaluate_basil,
    evaluate_ptc,
    load_basil,
    load_ptc,
    main,
    same_target,
)
from hypothesis import given
from hypothesis import strategies as st

from claimcompare.actors import ActorIndex
from claimcompare.errors import InputError

needs_data = pytest.mark.skipif(
    not (BENCHMARKS / "babe").is_dir(), reason="../shared/benchmarks is absent"
)


def value(frame: pd.DataFrame, method: str, metric: str, benchmark: str | None = None) -> float:
    rows = frame[(frame.method == method) & (frame.metric == metric)]
    if benchmark is not None:
        rows = rows[rows.benchmark == benchmark]
    assert len(rows) == 1, rows
    return float(rows.value.iloc[0])


def test_missing_files_raise_input_error(tmp_path: Path) -> None:
    for func in (evaluate_babe, evaluate_ptc, evaluate_basil):
        with pytest.raises(InputError, match="benchmark file not found"):
            func(tmp_path)
    assert main(["--benchmarks", str(tmp_path)]) == 2


def test_same_target() -> None:
    index = ActorIndex.from_actors({"Donald Trump": ["Trump", "the president"]})
    assert same_target("Donald_Trump", "Donald Trump", index)
    assert same_target("Trump", "Donald Trump")
    assert same_target("Mr._Obama", "Barack Obama")
    assert not same_target("Joe_Biden", "Donald Trump")
    assert not same_target("Joe_Biden", None)
    assert not same_target("Obama_administration", "Barack Obama")
    assert not same_target("Mr._Lee", "Mike Leeds")
    # fair to plural groups, "GOP", acronyms and hyphenated names; strict on bodies around people
    assert same_target("Republican_Lawmakers", "Republicans")
    assert same_target("Senate_Republicans", "GOP")
    assert same_target("Internal_Revenue_Service", "IRS")
    assert same_target("Walmart", "Wal-Mart")
    assert not same_target("Obama_campaign", "Obama")
    assert not same_target("Obama's_administration", "Barack Obama")
    assert same_target("Obama_administration", "Obama administration")
    assert same_target("Obama_administration", "White House")  # the seat of the administration
    assert not same_target("Barack_Obama", "White House")


def test_token_counts_drop_stopwords() -> None:
    texts = ["the brutal regime of the tyrant"]
    gold = {"brutal", "tyrant", "the"}
    tp, fp, fn = _token_counts(texts, [[(4, 10), (11, 17)]], lambda i, s, e, w: w in gold)
    assert (tp, fp, fn) == (1, 1, 1)  # brutal right, regime wrong, tyrant missed; "the" ignored


@given(
    words=st.lists(st.sampled_from(["cruel", "the", "plan", "vile", "met"]), min_size=1),
    picks=st.lists(st.booleans(), min_size=1),
)
def test_token_counts_against_a_slow_reference(words: list[str], picks: list[bool]) -> None:
    text = " ".join(words)
    spans, pos = [], 0
    for k, w in enumerate(words):
        if picks[k % len(picks)]:
            spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    gold = {"cruel", "vile"}
    tp, fp, fn = _token_counts([text], [spans], lambda i, s, e, w: w in gold)
    chosen = {k for k in range(len(words)) if picks[k % len(picks)]}
    content = [k for k, w in enumerate(words) if w != "the"]
    assert tp == sum(k in chosen and words[k] in gold for k in content)
    assert fp == sum(k in chosen and words[k] not in gold for k in content)
    assert fn == sum(k not in chosen and words[k] in gold for k in content)


@needs_data
def test_loaders_resolve_offsets() -> None:
    docs, spans = load_basil(BENCHMARKS)
    assert len(docs) == 300 and len(spans) == 480
    for u, a, s, e, t in (
        spans[["triplet_uuid", "article_idx", "start", "end", "span_text"]]
        .head(50)
        .itertuples(index=False)
    ):
        assert docs[(u, int(a))].text[s:e] == t
    ptc = load_ptc(BENCHMARKS)
    assert ptc.article.nunique() == 371
    row = ptc[ptc.spans.map(len) > 0].iloc[0]
    s, e, tech = row.spans[0]
    assert tech in ("Loaded_Language", "Name_Calling,Labeling") and 0 <= s < e <= len(row.text)


@needs_data
def test_babe_subset_floors() -> None:
    # first 800 sentences, 5 folds by article; measured 2026-11-21: detector macro-F1 0.715,
    # word F1 0.383; lexicon macro-F1 0.528, word F1 0.149
    frame = evaluate_babe(BENCHMARKS, limit=800)
    assert list(frame.columns) == RESULT_COLUMNS
    assert value(frame, "detector", "sentence macro-F1") >= 0.68
    assert value(frame, "detector", "word F1") >= 0.34
    assert value(frame, "lexicon (any match)", "sentence macro-F1") >= 0.48
    assert value(frame, "lexicon", "word F1") >= 0.12
    assert value(frame, "detector", "word F1") > value(frame, "lexicon", "word F1")


@needs_data
def test_ptc_subset_floors() -> None:
    # first 60 articles, 5 folds by article; measured 2026-11-21: detector token F1 0.196,
    # lexicon token F1 0.042 (precision 0.097)
    frame = evaluate_ptc(BENCHMARKS, articles=60)
    assert value(frame, "detector", "token F1") >= 0.17
    assert value(frame, "lexicon", "token F1") >= 0.03
    assert value(frame, "lexicon", "token precision") >= 0.07
    assert value(frame, "detector", "token F1") > value(frame, "lexicon", "token F1")


@needs_data
def test_basil_floors_without_the_detector() -> None:
    # measured on 2017-2019 with the target rules and ranker fitted on 2010-2016: lexicon span
    # recall 0.112, quote agreement 0.944, target accuracy 0.333 (n = 18); gold spans given:
    # quote agreement 0.907, target accuracy 0.522 (n = 161)
    frame = evaluate_basil(BENCHMARKS, detector=False, parts=("2017-2019",))
    part = "BASIL 2017-2019"
    assert value(frame, "lexicon", "span recall", part) >= 0.09
    assert value(frame, "lexicon", "quote agreement (matched)", part) >= 0.85
    assert value(frame, "lexicon", "target accuracy (matched)", part) >= 0.27
    assert value(frame, "gold spans (given)", "quote agreement (matched)", part) >= 0.87
    assert value(frame, "gold spans (given)", "target accuracy (matched)", part) >= 0.49
    # where the annotated targets are named (measured: 0.913, 0.528, 0.696, bound 0.745)
    shares = [
        value(frame, "gold spans (given)", metric, part)
        for metric in (
            "target named in the sentence",
            "target named in it or the two before",
            "local bound (nearby, else most-named person)",
        )
    ]
    assert shares == sorted(shares) and shares[0] >= 0.5
    assert value(frame, "gold spans (given)", "target among the candidates", part) >= 0.9


@needs_data
def test_flagged_runs_point_into_the_document() -> None:
    from claimcompare.detect import BiasDetector
    from claimcompare.document import Document

    texts = ["The vile thugs lied.", "Talks resumed.", "Cruel bandits looted.", "A meeting."] * 3
    det = BiasDetector(char_ngrams=None, cv=2, token_threshold=0.0).fit(texts, [1, 0, 1, 0] * 3)
    doc = Document(doc_id="d", text="Title\n\nThe vile thugs lied. Then talks.")
    runs = _flagged_runs(det, doc)
    assert runs and all(doc.text[s:e].strip() == doc.text[s:e] for s, e in runs)
    assert "vile thugs lied" in [doc.text[s:e] for s, e in runs]
