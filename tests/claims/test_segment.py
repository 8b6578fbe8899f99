"""Sentences and quotation marks: what claimcompare.claims.segment finds, seen through claims."""

from __future__ import annotations

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.document import Document


def _claims(text: str) -> pd.DataFrame:
    return cc.split_claims(Document(doc_id="d", text=text))


def _texts(text: str) -> list[str]:
    return _claims(text)["text"].tolist()


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


def test_stray_straight_quote_mid_paragraph_is_not_a_quote() -> None:
    text = 'The screen measures 5 " and Haftar said the war is "over'
    assert cc.find_quotes(Document(doc_id="d", text=text)).empty
