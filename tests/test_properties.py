"""Hypothesis properties of loading, cleaning and claim splitting on arbitrary text."""

from __future__ import annotations

import random

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.document import Corpus, Document

# Characters that stress offsets: every quote form, line and paragraph separators, control
# characters Python treats as line breaks, no-break spaces, ellipses and abbreviation dots.
TRICKY = list("\"'“”‘’«»„‚‹›.…!?,;:()[] \n\r\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\xa0\u202f")
WORDS = [
    "He",
    "said",
    "told",
    "according to",
    "U.S.",
    "Gen.",
    "A.",
    "Haftar",
    "al-Mesmari",
    "the",
    "UN",
    "1,000",
    "7:10",
    "3.5",
    "...",
    "\n\n",
    "« ",
    " »",
    "“",
    "”",
    '"',
]

tricky_text = st.lists(
    st.one_of(
        st.sampled_from(TRICKY),
        st.sampled_from(WORDS),
        st.text(min_size=1, max_size=8),
        st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
    ),
    max_size=60,
).map("".join)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(text: str, doc_id: str = "d") -> Document:
    return Document(doc_id=doc_id, text=text)


@FAST
@given(tricky_text)
@example('"We won," he said, "and they lost." Then he left.')
@example("« Sirte is free… from terrorists, » Ahmad al-Mesmari, spokesman, said.\r\n\r\nHe left.")
@example("“A.\u2028B.” \x1c C’s ‘x’ „y“\xa0.")
def test_claims_quotes_and_voice_spans_slice_the_text(text: str) -> None:
    doc = _doc(text)
    claims = cc.split_claims(doc)
    for row in claims.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.text.strip() == row.text and row.text
        for qs, qe in row.quotes:
            assert row.start <= qs < qe <= row.end
        if not pd.isna(row.speaker_start):
            assert text[row.speaker_start : row.speaker_end] == row.speaker
        if not pd.isna(row.cue_start):
            assert text[row.cue_start : row.cue_end] == row.cue
    quotes = cc.find_quotes(doc)
    for row in quotes.itertuples():
        assert text[row.start : row.end] == row.text
    spans = cc.voice_spans(doc)
    for row in spans.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.voice in {"outlet", "quoted", "attributed"}


@FAST
@given(tricky_text)
def test_claims_never_overlap_and_cover_every_non_space_character(text: str) -> None:
    claims = cc.split_claims(_doc(text))
    owner = [0] * len(text)
    previous_end = 0
    for row in claims.itertuples():
        assert row.start >= previous_end, "claims overlap or are out of order"
        # What lies between two claims is only whitespace.
        assert not text[previous_end : row.start].strip()
        previous_end = row.end
        for i in range(row.start, row.end):
            owner[i] += 1
    assert not text[previous_end:].strip()
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owner[i] == 1, f"character {i} ({ch!r}) is in {owner[i]} claims"


@FAST
@given(tricky_text)
def test_voice_spans_partition_each_claim(text: str) -> None:
    claims = cc.split_claims(_doc(text))
    for row in claims.itertuples():
        cursor = row.start
        for start, end, voice in row.spans:
            assert start == cursor and end > start
            assert voice in {"outlet", "quoted", "attributed"}
            cursor = end
        assert cursor == row.end
        assert row.voice in {"outlet", "quoted", "attributed", "mixed"}
        assert row.kind in {"claim", "heading"}


@settings(max_examples=20, deadline=None)
@given(st.lists(tricky_text, min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_claims_do_not_depend_on_document_order(texts: list[str], rnd: random.Random) -> None:
    docs = [_doc(t or "x", doc_id=f"doc{i}") for i, t in enumerate(texts)]
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    pd.testing.assert_frame_equal(cc.split_claims(Corpus(docs)), cc.split_claims(Corpus(shuffled)))
    pd.testing.assert_frame_equal(cc.find_quotes(Corpus(docs)), cc.find_quotes(shuffled))
