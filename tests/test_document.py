"""Documents and corpora, and documents built from records, rows and tables."""

from __future__ import annotations

import datetime as dt

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
ARTICLE = "Forces loyal to Khalifa Haftar seized the city of Sirte on Monday."


def test_dataframe_with_column_map() -> None:
    frame = pd.DataFrame(
        {
            "id": ["x", "y"],
            "body": [ARTICLE, "Turkey sent troops to Tripoli."],
            "site": ["Example Times", "Other Post"],
            "day": ["2020-01-07", "2020-01-08"],
            "extra": [1, 2],
        }
    )
    corpus = cc.load_corpus(frame, doc_id="id", text="body", outlet="site", published="day")
    assert corpus.ids == ["x", "y"]
    assert corpus["x"].outlet == "Example Times"
    assert corpus["y"].published == dt.date(2020, 1, 8)
    assert corpus["x"].meta == {"extra": 1}
    assert corpus["x"].provenance["outlet"] == "column 'outlet'"
    assert Corpus.from_frame(frame, doc_id="id", text="body").ids == ["x", "y"]


def test_records_and_from_records() -> None:
    records = [{"doc_id": "a", "text": ARTICLE, "url": "https://example.com/a"}]
    corpus = cc.load_corpus(records)
    assert corpus["a"].url == "https://example.com/a"
    assert Corpus.from_records(records) == corpus


def test_duplicate_ids_in_records_name_both_rows() -> None:
    with pytest.raises(cc.InputError, match="'a': records row 0 and records row 1"):
        cc.load_corpus([{"doc_id": "a", "text": ARTICLE}, {"doc_id": "a", "text": ARTICLE}])


def test_a_row_without_its_id_is_reported_not_numbered() -> None:
    frame = pd.DataFrame({"id": [1, None, 3], "text": [ARTICLE] * 3})
    with pytest.raises(cc.InputError, match="DataFrame row 1: no 'id'"):
        cc.load_corpus(frame, doc_id="id")
    with pytest.warns(UserWarning, match="row 1"):
        corpus = cc.load_corpus(frame, doc_id="id", errors="warn")
    assert corpus.ids == ["1", "3"]  # not "1.0", "3.0": the gap made the column float


def test_duplicate_documents_in_a_corpus() -> None:
    docs = [
        Document(doc_id="a", text="x", source="s1"),
        Document(doc_id="a", text="y", source="s2"),
    ]
    with pytest.raises(cc.InputError, match="from s1 and from s2"):
        Corpus(docs)


def test_dataframe_missing_the_named_column() -> None:
    with pytest.raises(cc.InputError, match=r"columns: \['body'\]"):
        cc.load_corpus(pd.DataFrame({"body": [ARTICLE]}), text="content")


@pytest.mark.parametrize("cell", [5, 3.5, None, ["a list"], b"bytes"])
def test_non_string_text_cell(cell: object) -> None:
    frame = pd.DataFrame({"text": [ARTICLE, cell]})
    with pytest.raises(cc.InputError, match="DataFrame row 1: text must be a string"):
        cc.load_corpus(frame)


def test_bad_published_value() -> None:
    with pytest.raises(cc.InputError, match="published value 'soon' is not a date"):
        cc.load_corpus([{"text": ARTICLE, "published": "soon"}])


def test_bad_column_map_key() -> None:
    with pytest.raises(cc.ParameterError, match=r"unknown field\(s\) \['body'\]"):
        cc.load_corpus([{"text": ARTICLE}], body="text")
    with pytest.raises(cc.ParameterError, match="column name for 'text'"):
        cc.load_corpus([{"text": ARTICLE}], text="")


def test_lenient_rows_of_a_dataframe() -> None:
    frame = pd.DataFrame({"text": [ARTICLE, "   ", 7]})
    with pytest.warns(UserWarning) as caught:
        corpus = cc.load_corpus(frame, errors="warn")
    assert [str(w.message)[:24] for w in caught] == [
        "skipped DataFrame row 1:",
        "skipped DataFrame row 2:",
    ]
    assert corpus.ids == ["0"]
    assert [s.source for s in corpus.skipped] == ["DataFrame row 1", "DataFrame row 2"]


def test_an_ambiguous_numeric_date_is_an_error_not_a_guess() -> None:
    row = {"doc_id": "a", "text": ARTICLE, "published": "07/01/2020"}
    with pytest.raises(cc.InputError, match="'07/01/2020' is ambiguous"):
        cc.load_corpus([row])
    assert cc.load_corpus([{**row, "published": "13/01/2020"}])["a"].published == dt.date(
        2020, 1, 13
    )


def test_seed_frame_lists_documents_by_id_with_their_removed_counts(seeds: Corpus) -> None:
    frame = seeds.to_frame()
    assert frame["doc_id"].tolist() == [S000, S001, S002, S003, S004]
    assert frame["n_removed"].tolist() == [6, 2, 7, 6, 2]
    assert not frame["text"].str.contains("Join the", regex=False).any()
