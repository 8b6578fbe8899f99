"""Tests for claimcompare.framing: the actor x outlet framing table on the seeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.document import Corpus, Document
from claimcompare.errors import InputError, ParameterError
from claimcompare.framing import (
    FRAMING_COLUMNS,
    framing_table,
    voice_words,
    what_each_outlet_calls,
)

HAFTAR = "Khalifa Haftar"
GNA = "Government of National Accord"
IRAN = "Iran Press TV"
ANSAR = "Ansar Press"
UNKNOWN = "<unknown outlet: 001_61a362be6e1436b7>"


@pytest.fixture(scope="module")
def terms(seeds: Corpus) -> pd.DataFrame:
    return cc.find_loaded_terms(seeds)


@pytest.fixture(scope="module")
def table(terms: pd.DataFrame, seeds: Corpus) -> pd.DataFrame:
    return framing_table(terms, seeds)


def cell(table: pd.DataFrame, actor: str, outlet: str) -> pd.Series:
    found = table[(table.actor == actor) & (table.outlet == outlet)]
    assert len(found) == 1, found
    return found.iloc[0]


def test_columns_and_order(table: pd.DataFrame) -> None:
    assert list(table.columns) == FRAMING_COLUMNS
    assert table.equals(table.sort_values(["actor", "outlet"]).reset_index(drop=True))


def test_what_iran_press_tv_calls_haftar(table: pd.DataFrame, terms: pd.DataFrame) -> None:
    row = cell(table, HAFTAR, IRAN)
    labels = set(row.labels)
    assert {"renegade general", "self-styled", "self-proclaimed", "rebels", "militia"} <= labels
    assert row.labels[0] == "rebels"  # the most frequent first
    own = terms[(terms.target == HAFTAR) & (terms.outlet == IRAN) & (terms.voice == "outlet")]
    own = own[~own.category.isin(["hedge", "loaded_attribution"])]
    assert row["count"] == len(own)
    assert row.net_polarity == -1.0
    assert row.categories == ("delegitimising_label", "self_designation_doubt")


def test_other_outlets_on_haftar(table: pd.DataFrame) -> None:
    assert cell(table, HAFTAR, ANSAR).labels == ("strongman",)
    assert "rogue general" in cell(table, HAFTAR, UNKNOWN).labels


def test_tripoli_government_is_framed_positively(table: pd.DataFrame) -> None:
    for outlet in (IRAN, ANSAR, UNKNOWN):
        row = cell(table, GNA, outlet)
        assert row.net_polarity == 1.0
        assert row.categories == ("legitimising_label",)
    assert "internationally-recognized" in cell(table, GNA, IRAN).labels
    assert "un-recognised" in cell(table, GNA, UNKNOWN).labels


def test_quoted_words_are_counted_apart(table: pd.DataFrame) -> None:
    # Erdogan's "legitimate government" is quoted: not in labels, but in quoted_count
    row = cell(table, GNA, UNKNOWN)
    assert "legitimate government" not in row.labels
    assert row.quoted_count == 1
    assert not any("terrorist" in label and "“" not in label for t in table.labels for label in t)


def test_per_1000_words_is_count_over_words_in_that_voice(
    table: pd.DataFrame, seeds: Corpus
) -> None:
    words = voice_words(seeds)
    assert set(words) == {IRAN, ANSAR, UNKNOWN}
    for row in table.itertuples():
        assert row.words == words[row.outlet]
        assert math.isclose(row.per_1000_words, 1000 * row.count / row.words)
    total = voice_words(seeds, voice="all")
    parts = [voice_words(seeds, voice=v) for v in ("outlet", "quoted", "attributed")]
    for outlet in total:
        assert sum(p[outlet] for p in parts) <= total[outlet]


def test_quoted_voice_table(terms: pd.DataFrame, seeds: Corpus) -> None:
    quoted = framing_table(terms, seeds, voice="quoted")
    row = cell(quoted, GNA, UNKNOWN)
    assert row.labels == ("legitimate government",) and row["count"] == row.quoted_count == 1


def test_net_polarity_is_the_weighted_mean() -> None:
    docs = [
        Document(
            doc_id="a",
            outlet="A",
            text="Rebel commander Khalifa Haftar, a heroic Khalifa Haftar, took Sirte.",
        )
    ]
    terms = cc.find_loaded_terms(docs, actors={HAFTAR: ["Haftar"]})
    row = framing_table(terms, docs).iloc[0]
    weights = dict(zip(terms.entry, terms.weight, strict=True))
    expected = (-weights["rebel commander"] + weights["heroic"]) / sum(weights.values())
    assert math.isclose(row.net_polarity, expected)


def test_what_each_outlet_calls(terms: pd.DataFrame, seeds: Corpus) -> None:
    wide = what_each_outlet_calls(terms)
    assert list(wide.columns) == [UNKNOWN, ANSAR, IRAN]
    assert wide.index[0] == HAFTAR  # most uses first
    assert wide.loc[HAFTAR, ANSAR] == "strongman (1)"
    assert wide.loc[HAFTAR, IRAN].startswith("rebels, ")
    count = cell(framing_table(terms, seeds), HAFTAR, IRAN)["count"]
    assert wide.loc[HAFTAR, IRAN].endswith(f"({count})")
    short = what_each_outlet_calls(terms, top=2)
    assert short.loc[HAFTAR, IRAN].count(",") == 2 and ", ..." in short.loc[HAFTAR, IRAN]
    assert (
        "legitimate government" in what_each_outlet_calls(terms, voice="quoted").loc[GNA, UNKNOWN]
    )


def test_categories_filter(terms: pd.DataFrame, seeds: Corpus) -> None:
    hedges = framing_table(terms, seeds, categories=["hedge"])
    assert set(hedges.actor) == {HAFTAR, "Ghassan Salameh"}
    assert hedges.set_index("actor").loc["Ghassan Salameh", "quoted_count"] == 1  # "probably"
    hedges = hedges[hedges["count"] > 0]
    assert set(hedges.labels.sum()) == {"reportedly", "apparently", "presumably"}


def test_bad_input(terms: pd.DataFrame, seeds: Corpus) -> None:
    with pytest.raises(ParameterError, match="voice"):
        framing_table(terms, seeds, voice="own")
    with pytest.raises(InputError, match="lacks column"):
        framing_table(terms.drop(columns=["target"]), seeds)
    with pytest.raises(ParameterError, match="DataFrame"):
        what_each_outlet_calls("terms")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="top"):
        what_each_outlet_calls(terms, top=0)
    # a misspelt category is an error, not an empty table
    with pytest.raises(ParameterError, match=r"\['hedges'\].*known categories: .*'hedge'"):
        framing_table(terms, seeds, categories=["hedges"])
    with pytest.raises(ParameterError, match="hedges"):
        what_each_outlet_calls(terms, categories="hedges")
    # word counts from another corpus would give wrong rates
    with pytest.raises(InputError, match=r"4 document\(s\) not in corpus"):
        framing_table(terms, list(seeds)[:1])


def test_empty_terms(seeds: Corpus) -> None:
    empty = cc.find_loaded_terms(Corpus([]), actors={"X Y": []})
    assert framing_table(empty, seeds).empty
    assert what_each_outlet_calls(empty).empty
