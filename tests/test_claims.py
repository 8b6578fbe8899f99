"""Claims, quotes, speakers and voice: on the seeds and on crafted sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

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


# --- sentence splitting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "The U.S. embassy closed. Gen. Haftar spoke. Khalifa A. Haftar said nothing.",
            ["The U.S. embassy closed.", "Gen. Haftar spoke.", "Khalifa A. Haftar said nothing."],
        ),
        (
            "The talks were held in the U.S. The army moved on Sirte.",
            ["The talks were held in the U.S.", "The army moved on Sirte."],
        ),
        (
            "More than 1,000 people died at 7:10 a.m. on Tuesday. The rate rose 3.5 percent.",
            ["More than 1,000 people died at 7:10 a.m. on Tuesday.", "The rate rose 3.5 percent."],
        ),
        (
            "Sgt. Maj. A. B. Smith spoke. He arrived at 5 p.m. Sunday. "
            "It was 7 p.m. The army moved.",
            [
                "Sgt. Maj. A. B. Smith spoke.",
                "He arrived at 5 p.m. Sunday.",
                "It was 7 p.m.",
                "The army moved.",
            ],
        ),
        (
            "Some groups, e.g. the LNA, refused. The U.S.-backed forces took $3.5 billion.",
            ["Some groups, e.g. the LNA, refused.", "The U.S.-backed forces took $3.5 billion."],
        ),
        (
            "Mr. Smith met Dr. Jones on Jan. 5. They spoke.",
            ["Mr. Smith met Dr. Jones on Jan. 5.", "They spoke."],
        ),
        (
            "He said there are clashes... in Gharyan. It is possible … we will fight. It ended.",
            [
                "He said there are clashes... in Gharyan.",
                "It is possible … we will fight.",
                "It ended.",
            ],
        ),
        (
            "Sirte has been totally liberated… from terrorist groups. Officials agreed.",
            ["Sirte has been totally liberated… from terrorist groups.", "Officials agreed."],
        ),
        (
            "“Why?” he asked. “Now!” she shouted. Nobody answered.",
            ["“Why?” he asked.", "“Now!” she shouted.", "Nobody answered."],
        ),
        (
            'He said: "We won. They lost." Then he left.',
            ['He said: "We won.', 'They lost."', "Then he left."],
        ),
        (
            "First paragraph.\n\nSecond one.\r\n\r\nThird one.",
            ["First paragraph.", "Second one.", "Third one."],
        ),
    ],
)
def test_sentence_splitting(text: str, sentences: list[str]) -> None:
    assert _texts(text) == sentences


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “we won” on Monday.", "we won"),
        ('He said "we won" on Monday.', "we won"),
        ("He said « we won » on Monday.", "we won"),
        ("He said «we won» on Monday.", "we won"),
        ("He said ‘we won’ on Monday.", "we won"),
        ("He said 'we won' on Monday.", "we won"),
        ("Er sagte „wir haben gewonnen“ am Montag.", "wir haben gewonnen"),
        ("He called it the army’s ‘victory’ in Haftar’s war.", "victory"),
    ],
)
def test_every_quote_form(text: str, quoted: str) -> None:
    quotes = cc.find_quotes(Document(doc_id="d", text=text))
    assert quotes["text"].tolist() == [quoted]
    row = quotes.iloc[0]
    assert text[row["start"] : row["end"]] == quoted


def test_apostrophes_are_not_quotes() -> None:
    text = "Haftar’s forces don’t hold the city's port, the '90s ended."
    assert cc.find_quotes(Document(doc_id="d", text=text)).empty


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


def test_stray_straight_quote_mid_paragraph_is_not_a_quote() -> None:
    text = 'The screen measures 5 " and Haftar said the war is "over'
    assert cc.find_quotes(Document(doc_id="d", text=text)).empty


# --- attribution --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # cue after the quote
        ('"Sirte is free," Ahmad al-Mesmari said.', "Ahmad al-Mesmari", "said"),
        ("“Sirte is free,” said Haftar.", "Haftar", "said"),
        ("“Sirte is free,” said Gen. Khalifa A. Haftar.", "Khalifa A. Haftar", "said"),
        ('"Sirte is free," said LNA spokesman Ahmad al-Mesmari.', "Ahmad al-Mesmari", "said"),
        ("‘Sirte is free,’ Haftar claimed.", "Haftar", "claimed"),
        # cue before the quote
        ('Haftar said: "Sirte is free."', "Haftar", "said"),
        ('Haftar announced that Sirte "is free."', "Haftar", "announced"),
        # cue in the middle
        ('"Sirte is free," Haftar said, "and Tripoli is next."', "Haftar", "said"),
        # paraphrase
        ("The UN said in a statement that 1,000 people died.", "The UN", "said in a statement"),
        ("More than 1,000 people died, according to the UN.", "the UN", "according to"),
        ("According to the UN, more than 1,000 people died.", "the UN", "According to"),
        ("Erdogan urged Haftar to stop the offensive.", "Erdogan", "urged"),
        ("Sirte has fallen, Haftar said.", "Haftar", "said"),
        ("Sirte has fallen, said Haftar.", "Haftar", "said"),
    ],
)
def test_speaker_and_cue(text: str, speaker: str, cue: str) -> None:
    claims = _claims(text)
    assert len(claims) == 1
    row = claims.iloc[0]
    assert (row["speaker"], row["cue"]) == (speaker, cue)
    assert text[row["speaker_start"] : row["speaker_end"]] == speaker
    assert text[row["cue_start"] : row["cue_end"]] == cue


def test_cue_in_the_middle_quotes_both_parts() -> None:
    text = '"Sirte is free," Haftar said, "and Tripoli is next."'
    row = _claims(text).iloc[0]
    assert row["voice"] == "quoted"
    quoted = [text[s:e] for s, e, v in row["spans"] if v == "quoted"]
    assert quoted == ['"Sirte is free,"', '"and Tripoli is next."']
    outlet = [text[s:e] for s, e, v in row["spans"] if v == "outlet"]
    assert outlet == [" Haftar said, "]


@pytest.mark.parametrize(
    ("text", "voice", "attributed"),
    [
        (
            "The army said in a statement that 1,000 people died.",
            "attributed",
            "1,000 people died.",
        ),
        ("Sirte has fallen, Haftar said.", "attributed", "Sirte has fallen"),
        ("Haftar is backed by Egypt and the UAE.", "outlet", None),
        ("Forces were said to be near Sirte.", "outlet", None),
    ],
)
def test_paraphrase_voice(text: str, voice: str, attributed: str | None) -> None:
    row = _claims(text).iloc[0]
    assert row["voice"] == voice
    spans = [text[s:e] for s, e, v in row["spans"] if v == "attributed"]
    assert spans == ([attributed] if attributed else [])


def test_not_a_cue_inside_the_quote() -> None:
    text = '"They said we would lose," Haftar told reporters.'
    row = _claims(text).iloc[0]
    assert (row["speaker"], row["cue"]) == ("Haftar", "told")


def test_calls_for_as_a_noun_is_not_a_cue() -> None:
    row = _claims("Haftar rejected calls for a ceasefire on Monday.").iloc[0]
    assert pd.isna(row["speaker"]) and row["voice"] == "outlet"


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
