"""Claims, quotes, speakers and voice of whole documents (claimcompare.claims.split).

On the seeds, on crafted sentences and, as properties, on arbitrary text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.document import Corpus, Document

S000, S001, S002, S003, S004 = (
    "000_348943f42b5aa69a",
    "001_61a362be6e1436b7",
    "002_03d7a90d1c96a686",
    "003_d3d53ad44076e59b",
    "004_cce714069143a072",
)


def _claims(text: str) -> pd.DataFrame:
    return cc.split_claims(Document(doc_id="d", text=text))


def _texts(text: str) -> list[str]:
    return _claims(text)["text"].tolist()


def _claim(claims: pd.DataFrame, startswith: str) -> pd.Series:
    found = claims[claims["text"].str.startswith(startswith)]
    assert len(found) == 1, f"{len(found)} claims start with {startswith!r}"
    return found.iloc[0]


# --- seeds ------------------------------------------------------------------------------------


def test_columns_are_the_documented_contract(seed_claims: pd.DataFrame) -> None:
    documented = [
        "claim_id",
        "doc_id",
        "outlet",
        "start",
        "end",
        "text",
        "paragraph",
        "kind",
        "speaker",
        "cue",
        "voice",
    ]
    assert set(documented) <= set(seed_claims.columns)
    assert seed_claims["claim_id"].is_unique
    assert set(seed_claims["kind"]) == {"claim", "heading"}
    assert set(seed_claims["voice"]) <= {"outlet", "quoted", "attributed", "mixed"}


def test_claim_text_is_the_slice_of_the_document(seeds: Corpus, seed_claims: pd.DataFrame) -> None:
    for row in seed_claims.itertuples():
        assert seeds[row.doc_id].text[row.start : row.end] == row.text


def test_no_removed_line_survives_in_any_claim(seeds: Corpus, seed_claims: pd.DataFrame) -> None:
    removed = {r.text for d in seeds for r in d.removed}
    assert len(removed) >= 10
    for text in seed_claims["text"]:
        for line in removed:
            assert line not in text


@pytest.mark.parametrize(
    "fragment",
    [
        "Join the",
        "JOIN NOW",
        "Laisser un commentaire",
        "Votre adresse",
        "LINK:",
        "TAGS:",
        "podcast",
        "Weapons of Mass Destruction",
        "UNITED24",
        "Iran Press TV",
        "07 January 2020",
    ],
)
def test_named_boilerplate_is_in_no_claim(seed_claims: pd.DataFrame, fragment: str) -> None:
    assert not seed_claims["text"].str.contains(fragment, regex=False).any()


# Where a sentence can end in the raw lines: after . ! ? (and a closing quote), before a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z«“\"])|(?<=[.!?][\"”’»])\s+(?=[A-Z«“\"])")


@pytest.mark.parametrize("doc_id", [S000, S001, S002, S003, S004])
def test_every_article_sentence_is_inside_one_claim(
    seeds: Corpus, seed_claims: pd.DataFrame, seeds_dir: Path, doc_id: str
) -> None:
    doc = seeds[doc_id]
    removed = {r.line for r in doc.removed}
    claims = seed_claims[seed_claims["doc_id"] == doc_id]["text"].tolist()
    raw = (seeds_dir / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()
    pieces = 0
    for n, line in enumerate(raw, start=1):
        if n in removed or not line.strip():
            continue
        assert line.strip() in doc.text
        for piece in _SENTENCE_BREAK.split(line.strip()):
            pieces += 1
            holders = [c for c in claims if piece in c]
            assert len(holders) == 1, f"{doc_id}: {piece[:60]!r} is in {len(holders)} claims"
    assert pieces >= len(claims) - 1


def test_claim_counts_per_seed(seed_claims: pd.DataFrame) -> None:
    counts = seed_claims.groupby("doc_id").size().tolist()
    # Sentences and headings counted by eye in the raw seed files.
    assert counts == [21, 16, 20, 14, 17]


@pytest.mark.parametrize(
    ("doc_id", "heading"),
    [
        (S000, "'Militia loyal to renegade general in Libya seize coastal city'"),
        (S000, "UN calls for end to foreign interference"),
        (S001, "Haftar’s Libya forces take Gaddafi hometown"),
        (S002, "Libya's rebel commander urges forces to rally against Turkey"),
        (S002, "Government forces retake more areas near capital"),
        (S002, "Trump, Erdogan discuss Libya in phone call"),
        (S003, "Haftar rejects Turkey-Russia's call for Libyan ceasefire"),
        (S004, "Government issues alert to security forces"),
    ],
)
def test_headlines_and_subheadings_are_headings(
    seed_claims: pd.DataFrame, doc_id: str, heading: str
) -> None:
    row = _claim(seed_claims[seed_claims["doc_id"] == doc_id], heading)
    assert row["kind"] == "heading"


def test_only_headlines_and_subheadings_are_headings(seed_claims: pd.DataFrame) -> None:
    assert (seed_claims["kind"] == "heading").sum() == 8
    first = seed_claims.groupby("doc_id").head(1)
    assert first["kind"].tolist() == ["heading", "heading", "heading", "heading", "claim"]


def test_sirte_liberated_quote_in_001(seeds: Corpus, seed_claims: pd.DataFrame) -> None:
    text = seeds[S001].text
    row = _claim(seed_claims, "«\xa0Sirte has been totally liberated")
    assert (row["speaker"], row["cue"]) == ("Ahmad al-Mesmari", "said")
    assert text[row["speaker_start"] : row["speaker_end"]] == "Ahmad al-Mesmari"
    assert text[row["cue_start"] : row["cue_end"]] == "said"
    assert [text[s:e] for s, e in row["quotes"]] == [
        "Sirte has been totally liberated… from terrorist groups,"
    ]
    quoted = [text[s:e] for s, e, v in row["spans"] if v == "quoted"]
    assert (
        len(quoted) == 1 and "Sirte has been totally liberated… from terrorist groups," in quoted[0]
    )
    outlet = "".join(text[s:e] for s, e, v in row["spans"] if v == "outlet")
    assert "Ahmad al-Mesmari" in outlet and "Sirte" not in outlet
    assert row["voice"] != "outlet"


def test_multi_sentence_quote_in_000_is_salameh_throughout(seed_claims: pd.DataFrame) -> None:
    doc = seed_claims[seed_claims["doc_id"] == S000]
    first = doc.index[doc["text"].str.startswith('"There is enough weapons')][0]
    rows = doc.loc[first : first + 2]
    assert rows["text"].iloc[-1].endswith("he told reporters.")
    assert rows["speaker"].tolist() == ["Ghassan Salameh"] * 3
    assert rows["voice"].tolist() == ["quoted"] * 3


@pytest.mark.parametrize(
    ("doc_id", "claim", "speaker", "cue", "voice"),
    [
        (S000, "Ahmad al-Mesmari, a spokesman", "Ahmad al-Mesmari", "said", "mixed"),
        (S000, "He said the militia took over", "Ahmad al-Mesmari", "said", "mixed"),
        (S000, "Al-Mesmari said Haftar's forces struck", "Al-Mesmari", "said", "attributed"),
        (S000, "Meanwhile, Ghassan Salameh", "Ghassan Salameh", "urged", "attributed"),
        (S003, "More than 1,000 people have been killed", "the UN", "according to", "attributed"),
        (S003, '"The GNA urgently wants', "Mohammed Ali Abdallah", "said in a statement", "quoted"),
        (S003, 'The GNA "welcomes', "Mohammed Ali Abdallah", "added", "mixed"),
        (S004, "“Right now, there are clashes", "Mismari", "told", "quoted"),
        (S004, "“In fulfillment of his", "the LNA", "said in the statement", "quoted"),
        (
            S004,
            "Additionally, LNA spokesman Ahmed al-Mismari",
            "Ahmed al-Mismari",
            "said",
            "attributed",
        ),
        (S002, "Mohamad Gnounou, a spokesman", "Mohamad Gnounou", "said in a statement", "mixed"),
        (S001, "Erdogan said the Turkish soldiers", "Erdogan", "said", "mixed"),
    ],
)
def test_seed_speakers_cues_and_voices(
    seed_claims: pd.DataFrame, doc_id: str, claim: str, speaker: str, cue: str, voice: str
) -> None:
    row = _claim(seed_claims[seed_claims["doc_id"] == doc_id], claim)
    assert (row["speaker"], row["cue"], row["voice"]) == (speaker, cue, voice)


def test_he_said_resolves_to_the_last_named_speaker(
    seeds: Corpus, seed_claims: pd.DataFrame
) -> None:
    row = _claim(seed_claims, "He said the militia took over")
    assert row["speaker_source"] == "pronoun"
    # The offsets point at the antecedent, in the claim before.
    text = seeds[S000].text
    assert text[row["speaker_start"] : row["speaker_end"]] == "Ahmad al-Mesmari"
    assert row["speaker_start"] < row["start"]


def test_bare_quote_paragraph_in_001_is_erdogan(seed_claims: pd.DataFrame) -> None:
    doc = seed_claims[seed_claims["doc_id"] == S001]
    first = doc.index[doc["text"].str.startswith("«\xa0Our soldiers’ duty")][0]
    rows = doc.loc[first : first + 2]
    assert rows["text"].iloc[-1].endswith("right now.\xa0»")
    assert rows["speaker"].tolist() == ["Erdogan"] * 3
    assert rows["voice"].tolist() == ["quoted"] * 3


def test_outlet_sentences_have_no_speaker(seed_claims: pd.DataFrame) -> None:
    for start in [
        "Haftar is backed by Egypt",
        "The Libyan government did not immediately",
        "Libya is now divided between",
    ]:
        row = _claim(seed_claims, start)
        assert pd.isna(row["speaker"]) and row["voice"] == "outlet"


def test_find_quotes_on_seeds(seeds: Corpus) -> None:
    quotes = cc.find_quotes(seeds)
    for row in quotes.itertuples():
        assert seeds[row.doc_id].text[row.start : row.end] == row.text
    salameh = quotes[quotes["text"].str.startswith("There is enough weapons")]
    assert salameh["speaker"].tolist() == ["Ghassan Salameh"]
    assert salameh["text"].iloc[0].endswith("stop all kinds of foreign interference,")
    scare = quotes[quotes["text"] == "general alert"]
    assert scare["speaker"].isna().all() and scare["words"].tolist() == [2]


def test_voice_spans_on_seeds(seeds: Corpus) -> None:
    spans = cc.voice_spans(seeds)
    assert set(spans["voice"]) == {"outlet", "quoted", "attributed"}
    assert spans.loc[spans["voice"] == "outlet", "speaker"].isna().all()
    sirte = spans[spans["text"].str.contains("Sirte has been totally liberated…")]
    assert sirte["voice"].tolist() == ["quoted"]
    assert sirte["speaker"].tolist() == ["Ahmad al-Mesmari"]


# --- quotes over several sentences and paragraphs ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We won. They lost. It is over," Haftar told reporters.',
        "“We won. They lost. It is over,” Haftar told reporters.",
        "« We won. They lost. It is over, » Haftar told reporters.",
        "„We won. They lost. It is over“, Haftar told reporters.",
        'Haftar told reporters: "We won. They lost. It is over."',
    ],
)
def test_quote_spanning_sentences_is_attributed_in_each(text: str) -> None:
    claims = _claims(text)
    assert len(claims) == 3
    assert claims["speaker"].tolist() == ["Haftar"] * 3
    assert claims["cue"].tolist() == ["told"] * 3
    assert claims["voice"].tolist() == ["quoted"] * 3
    quotes = cc.find_quotes(Document(doc_id="d", text=text))
    assert len(quotes) == 1
    assert quotes["text"].iloc[0].rstrip(".,") == "We won. They lost. It is over"


@pytest.mark.parametrize("marks", ["“”", '""', "«»"])
def test_quote_running_into_the_next_paragraph(marks: str) -> None:
    o, c = marks
    text = f"{o}We won,{c} Haftar said. {o}They lost.\n\n{o}The war is over.{c}"
    claims = _claims(text)
    assert claims["speaker"].tolist() == ["Haftar"] * 3
    assert claims["voice"].tolist() == ["quoted"] * 3
    quotes = cc.find_quotes(Document(doc_id="d", text=text))
    assert quotes["text"].tolist() == ["We won,", "They lost.", "The war is over."]


# --- contract ----------------------------------------------------------------------------------


def test_split_claims_rejects_a_string() -> None:
    with pytest.raises(cc.ParameterError, match="not a string"):
        cc.split_claims("Haftar seized Sirte.")  # type: ignore[arg-type]


def test_split_claims_rejects_non_documents() -> None:
    with pytest.raises(cc.ParameterError, match="Document"):
        cc.split_claims([{"text": "Haftar seized Sirte."}])  # type: ignore[list-item]


def test_empty_corpus_gives_empty_frame_with_columns() -> None:
    frame = cc.split_claims(Corpus([]))
    assert frame.empty and "voice" in frame.columns


def test_claim_ids_and_rows_follow_doc_id_order() -> None:
    docs = [Document(doc_id="b", text="Two. Three."), Document(doc_id="a", text="One.")]
    frame = cc.split_claims(Corpus(docs))
    assert frame["claim_id"].tolist() == ["a#0", "b#0", "b#1"]
    assert frame["paragraph"].tolist() == [0, 0, 0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ahmad al-Mesmari spoke on Monday. "We won," he said.', "Ahmad al-Mesmari"),
        ("Foreign Minister Mevlut Cavusoglu flew in. She said he would talk.", "Mevlut Cavusoglu"),
        # No person to refer to: the pronoun stays as written.
        ("Haftar’s forces moved on Sirte. He said the city fell.", "He"),
        ("The army moved on Sirte. He said the city fell.", "He"),
    ],
)
def test_pronoun_refers_to_the_person_the_claim_before_is_about(text: str, speaker: str) -> None:
    row = _claims(text).iloc[1]
    assert row["speaker"] == speaker
    assert text[row["speaker_start"] : row["speaker_end"]] == speaker


# --- properties on arbitrary text ---------------------------------------------------------------


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
