"""Hypothesis properties of loading, cleaning and claim splitting on arbitrary text."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.clean import clean_text
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


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".csv", ".jsonl", ".json"]))
@example(data=b"\xff\xfe\x00\x00", suffix=".txt")
@example(data=b"text\n\x00\x01", suffix=".csv")
@example(data=b'{"text": 5}\n', suffix=".jsonl")
@example(data=b"[1, 2]", suffix=".json")
@example(data=b'"', suffix=".csv")
def test_loading_arbitrary_bytes_loads_or_raises_our_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"item{suffix}"
    path.write_bytes(data)
    for errors in ("raise", "warn"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                corpus = cc.load_corpus(path, errors=errors)
            except cc.ClaimCompareError:
                continue
        assert isinstance(corpus, Corpus)
        for doc in corpus:
            assert isinstance(doc.text, str) and doc.text.strip()
            cc.split_claims(doc)


# Article sentences, some opening with words that site chrome also starts with ("Share prices
# fell.", "Email records show ...") or holding advert words ("security-cleared staff").
RISKY_OPENINGS = [
    "",
    "",
    "Share",
    "Email",
    "Print",
    "Follow us to",
    "Support us,",
    "Donate",
    "Source: the UN said",
    "Related",
    "Only security-cleared",
    "Tweet",
    "Join",
]
ARTICLE_LINE = st.builds(
    lambda opening, words, middle, end: (
        " ".join([opening, *words[:2], middle, *words[2:]]).strip() + end
    ),
    st.sampled_from(RISKY_OPENINGS),
    st.lists(st.from_regex(r"[A-Z]?[a-z]{2,9}", fullmatch=True), min_size=4, max_size=18),
    st.sampled_from(["", "", "to make a donation", "join now", "podcast", "mailing list"]),
    st.sampled_from([".", ".", "?", "!", ".”", '."', "…"]),
)
CHROME = st.sampled_from(
    [
        "Join the mailing list",
        "JOIN NOW",
        "LINK: https://www.example.com/a/1",
        "TAGS:",
        "Laisser un commentaire",
        "Share this article",
        "Iran Press TV",
        "Tuesday, 07 January 2020 7:10 AM",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), ARTICLE_LINE, CHROME), min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n"]),
)
def test_clean_text_keeps_every_article_line(
    items: list[tuple[bool, str, str]], separator: str
) -> None:
    lines = []
    article = []
    for with_chrome, line, chrome in items:
        if with_chrome:
            lines.append(chrome)
        lines.append(line)
        article.append(line)
    cleaned = clean_text(separator.join(lines))
    kept = cleaned.text.split("\n")
    for line in article:
        assert line in kept, f"article line lost: {line!r}"
    removed = {r.text for r in cleaned.removed}
    assert not removed & set(article)
