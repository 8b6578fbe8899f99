"""Cues and speakers before, after or around what they say (claimcompare.claims.attribution)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.document import Document

CLAUSE = "Haftar took Sirte"


def _claims(text: str) -> pd.DataFrame:
    return cc.split_claims(Document(doc_id="d", text=text))


def _check_offsets(text: str, row: pd.Series) -> None:
    assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker"]
    assert text[row["cue_start"] : row["cue_end"]] == row["cue"]


# --- cues and speakers ------------------------------------------------------------------------


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


# --- speakers after what they say: "Haftar took Sirte, officials said." ----------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Haftar took Sirte, officials said.", "officials", "said"),
        ("Haftar took Sirte, the army said.", "the army", "said"),
        ("Haftar took Sirte, a spokesman for the LNA said.", "a spokesman for the LNA", "said"),
        ("Haftar took Sirte, said officials.", "officials", "said"),
        ("Haftar took Sirte, Mesmari said.", "Mesmari", "said"),
        (
            "Haftar took Sirte, the ministry said in a statement.",
            "the ministry",
            "said in a statement",
        ),
        ("Haftar took Sirte, according to officials.", "officials", "according to"),
        ("Haftar took Sirte, U.S. officials told reporters.", "U.S. officials", "told"),
        ("Haftar took Sirte, a senior official said on Monday.", "a senior official", "said"),
        ("Haftar took Sirte, local residents said.", "local residents", "said"),
        ("Haftar took Sirte, two diplomats said.", "two diplomats", "said"),
        (
            "Haftar took Sirte, the Libyan National Army's spokesman said.",
            "the Libyan National Army's spokesman",
            "said",
        ),
        ("Haftar took Sirte, the army later confirmed.", "the army", "confirmed"),
        ("Haftar took Sirte, LNA spokesman Ahmad al-Mesmari said.", "Ahmad al-Mesmari", "said"),
        ("Haftar took Sirte, said the LNA.", "the LNA", "said"),
        ("Haftar took Sirte, said U.S. officials on Monday.", "U.S. officials", "said"),
    ],
)
def test_trailing_speaker_cue_and_paraphrase(text: str, speaker: str, cue: str) -> None:
    claims = _claims(text)
    assert len(claims) == 1
    row = claims.iloc[0]
    assert (row["speaker"], row["cue"], row["voice"]) == (speaker, cue, "attributed")
    assert row["speaker_source"] == "cue"
    _check_offsets(text, row)
    attributed = [text[s:e] for s, e, v in row["spans"] if v == "attributed"]
    assert attributed == [CLAUSE]


def test_they_said_resolves_to_the_last_named_speaker() -> None:
    text = "Ahmad al-Mesmari said the army advanced. Haftar took Sirte, they said."
    row = _claims(text).iloc[1]
    assert (row["speaker"], row["speaker_source"], row["voice"]) == (
        "Ahmad al-Mesmari",
        "pronoun",
        "attributed",
    )
    assert text[row["speaker_start"] : row["speaker_end"]] == "Ahmad al-Mesmari"
    assert text[row["cue_start"] : row["cue_end"]] == "said"


@pytest.mark.parametrize(
    "text",
    [
        "Haftar took Sirte, the city he had said he would take.",
        "Forces said to be loyal to Haftar took Sirte.",
        "Haftar took Sirte, a move officials said was planned.",
        "Haftar took Sirte, saying the city was calm.",
    ],
)
def test_clauses_are_not_trailing_attributions(text: str) -> None:
    row = _claims(text).iloc[0]
    cue = text.index(" said") if " said" in text else text.index(" saying")
    # No speaker is taken from the words between the comma (or the cue) and the sentence end.
    assert pd.isna(row["speaker"]) or row["speaker_end"] <= cue
    assert row["speaker"] not in {"he", "the city he", "the city", "officials", "a move officials"}


def test_a_clause_after_the_cue_is_not_a_speaker() -> None:
    row = _claims("Ahmad al-Mesmari, a spokesman, said officials were wrong.").iloc[0]
    assert row["speaker"] == "Ahmad al-Mesmari"


def test_parenthetical_cue_attributes_both_parts() -> None:
    text = "Sirte fell, officials said, and Tripoli is next."
    row = _claims(text).iloc[0]
    assert (row["speaker"], row["voice"]) == ("officials", "attributed")
    attributed = [text[s:e] for s, e, v in row["spans"] if v == "attributed"]
    assert attributed == ["Sirte fell", "and Tripoli is next."]


def test_participle_before_a_quote_stays_the_outlets_frame() -> None:
    text = 'Ahmad al-Mesmari spoke. Asked about Sirte, he said, "It is free."'
    row = _claims(text).iloc[1]
    assert (row["speaker"], row["voice"]) == ("Ahmad al-Mesmari", "quoted")


def test_paraphrase_before_a_quote_is_attributed_too() -> None:
    text = 'Haftar took Sirte, the army said, "and Tripoli is next."'
    row = _claims(text).iloc[0]
    assert (row["speaker"], row["voice"]) == ("the army", "mixed")
    voices = [(text[s:e], v) for s, e, v in row["spans"] if v != "outlet"]
    assert voices == [(CLAUSE, "attributed"), ('"and Tripoli is next."', "quoted")]


def test_according_to_in_the_middle_covers_the_whole_sentence() -> None:
    text = "It was the first such suit, according to officials, that the state has filed."
    row = _claims(text).iloc[0]
    assert (row["speaker"], row["cue"], row["voice"]) == ("officials", "according to", "attributed")


def test_loaded_term_in_a_trailing_attribution_is_attributed() -> None:
    doc = Document(doc_id="d", text="The renegade general took Sirte, officials said.")
    terms = cc.find_loaded_terms([doc])
    row = terms[terms["term"].str.contains("renegade")].iloc[0]
    assert (row["voice"], row["speaker"]) == ("attributed", "officials")


# --- property: speaker phrases from a small grammar round-trip ----------------------------------

_DETERMINERS = ["", "the ", "a ", "two ", "several ", "his "]
_MODIFIERS = ["", "senior ", "local ", "U.S. ", "Libyan ", "unnamed "]
_HEADS = ["officials", "spokesman", "diplomats", "residents", "army", "ministry", "commander"]
_POSTS = ["", " for the LNA", " of the UN mission", " from Misrata"]
_CLAUSES = [CLAUSE, "Sirte fell", "the renegade general moved east", "the LNA advanced"]
_CUES = ["said", "told reporters", "said on Monday", "confirmed", "added", "said in a statement"]

speaker_phrases = st.builds(
    lambda d, m, h, p: f"{d}{m}{h}{p}",
    st.sampled_from(_DETERMINERS),
    st.sampled_from(_MODIFIERS),
    st.sampled_from(_HEADS),
    st.sampled_from(_POSTS),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    speaker=speaker_phrases,
    clause=st.sampled_from(_CLAUSES),
    cue=st.sampled_from(_CUES),
    form=st.sampled_from(["trailing", "inverted", "according"]),
    lead=st.sampled_from(["", "Fighting continued. "]),
    lead_in=st.sampled_from(["", "On Monday, "]),
)
def test_speaker_offsets_round_trip(
    speaker: str, clause: str, cue: str, form: str, lead: str, lead_in: str
) -> None:
    said = lead_in + clause
    if form == "trailing":
        sentence = f"{said}, {speaker} {cue}."
    elif form == "inverted":
        sentence = f"{said}, said {speaker}."
    else:
        sentence = f"{said}, according to {speaker}."
    sentence = sentence[0].upper() + sentence[1:]
    text = lead + sentence
    claims = _claims(text)
    row = claims.iloc[-1]
    assert row["speaker"] == speaker
    assert row["voice"] == "attributed"
    _check_offsets(text, row)
    assert row["speaker_start"] >= row["start"] and row["speaker_end"] <= row["end"]
    attributed = [text[s:e] for s, e, v in row["spans"] if v == "attributed"]
    assert attributed[0] == sentence[: len(said)]
