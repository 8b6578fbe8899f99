"""Loading: every input form, explicit metadata over inferred, and clear errors on bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.document import Corpus

ARTICLE = "Forces loyal to Khalifa Haftar seized the city of Sirte on Monday."
SCRAPED = (
    "Iran Press TV\n\nHaftar seizes Sirte\n\nIran Press TV\n\n"
    "Tuesday, 07 January 2020 7:10 AM\n\n" + ARTICLE + "\n\nJoin the mailing list"
)


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- input forms ------------------------------------------------------------------------------


def test_folder_of_seeds(seeds: Corpus, seeds_dir: Path) -> None:
    assert seeds.ids == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert len(seeds) == 5
    assert all(d.source and d.source.endswith(f"{d.doc_id}.txt") for d in seeds)
    assert seeds.skipped == ()


def test_doc_ids_are_file_stems(tmp_path: Path) -> None:
    _write(tmp_path / "b-article.txt", ARTICLE)
    _write(tmp_path / "a.article.txt", ARTICLE)
    assert cc.load_corpus(tmp_path).ids == ["a.article", "b-article"]


def test_glob_and_list_of_files(tmp_path: Path, seeds_dir: Path) -> None:
    by_glob = cc.load_corpus(str(seeds_dir / "00[02]_*.txt"))
    assert by_glob.ids == ["000_348943f42b5aa69a", "002_03d7a90d1c96a686"]
    files = sorted(seeds_dir.glob("*.txt"))
    by_list = cc.load_corpus([files[3], str(files[1])])
    assert by_list.ids == [files[1].stem, files[3].stem]


def test_loading_is_independent_of_file_order(seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    forward = cc.load_corpus(files)
    backward = cc.load_corpus(files[::-1])
    assert forward == backward
    pd.testing.assert_frame_equal(cc.split_claims(forward), cc.split_claims(backward))


def test_jsonl_and_json_files(tmp_path: Path) -> None:
    rows = [
        {"doc_id": "j1", "text": ARTICLE, "outlet": "Example Times"},
        {"doc_id": "j2", "text": "Turkey sent troops to Tripoli."},
    ]
    _write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    _write(tmp_path / "b.json", json.dumps({"doc_id": "j3", "text": ARTICLE}))
    corpus = cc.load_corpus(tmp_path)
    assert corpus.ids == ["j1", "j2", "j3"]
    assert corpus["j1"].outlet == "Example Times"
    assert corpus["j2"].source == f"{tmp_path / 'a.jsonl'} line 2"  # lines count from 1
    assert corpus["j3"].source == f"{tmp_path / 'b.json'} record 0"


def test_csv_file_with_column_map(tmp_path: Path) -> None:
    frame = pd.DataFrame({"key": ["c1"], "body": [SCRAPED], "title": ["Given title"]})
    frame.to_csv(tmp_path / "items.csv", index=False)
    corpus = cc.load_corpus(tmp_path / "items.csv", doc_id="key", text="body")
    doc = corpus["c1"]
    assert doc.title == "Given title"
    assert doc.text == "Haftar seizes Sirte\n\n" + ARTICLE
    assert doc.outlet == "Iran Press TV"


# --- explicit metadata beats inferred ---------------------------------------------------------


def test_csv_outlet_column_beats_masthead(tmp_path: Path) -> None:
    pd.DataFrame({"text": [SCRAPED], "outlet": ["Press TV (given)"]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    doc = cc.load_corpus(tmp_path / "a.csv")[0]
    assert doc.outlet == "Press TV (given)"
    assert doc.provenance["outlet"] == "column 'outlet'"
    # What was not given is still inferred, with where it came from.
    assert doc.published == dt.date(2020, 1, 7)
    assert doc.provenance["published"].startswith("inferred from text: dateline, line 7")
    assert doc.title == "Haftar seizes Sirte"
    assert doc.provenance["title"].startswith("inferred from text: headline")


def test_metadata_table_overrides_inferred(seeds_dir: Path, tmp_path: Path) -> None:
    meta = pd.DataFrame(
        {"doc_id": ["000_348943f42b5aa69a"], "outlet": ["PressTV"], "published": ["2020-01-08"]}
    )
    corpus = cc.load_corpus(seeds_dir, metadata=meta)
    doc = corpus["000_348943f42b5aa69a"]
    assert (doc.outlet, doc.published) == ("PressTV", dt.date(2020, 1, 8))
    assert doc.provenance["outlet"] == "metadata column 'outlet'"
    assert doc.title == "Militia loyal to renegade general in Libya seize coastal city"
    assert corpus["002_03d7a90d1c96a686"].outlet == "Iran Press TV"
    meta.to_csv(tmp_path / "meta.csv", index=False)
    from_csv = cc.load_corpus(seeds_dir, metadata=tmp_path / "meta.csv")
    doc = from_csv["000_348943f42b5aa69a"]
    assert (doc.outlet, doc.published) == ("PressTV", dt.date(2020, 1, 8))
    assert doc.provenance["outlet"] == f"{tmp_path / 'meta.csv'} column 'outlet'"


def test_metadata_table_errors(seeds_dir: Path) -> None:
    with pytest.raises(cc.InputError, match="doc_id"):
        cc.load_corpus(seeds_dir, metadata=pd.DataFrame({"outlet": ["X"]}))
    with pytest.raises(cc.InputError, match=r"not in the corpus: \['nope'\]"):
        cc.load_corpus(seeds_dir, metadata=pd.DataFrame({"doc_id": ["nope"], "outlet": ["X"]}))
    with pytest.raises(cc.InputError, match=r"unknown column\(s\) \['colour'\]"):
        cc.load_corpus(seeds_dir, metadata=pd.DataFrame({"doc_id": ["x"], "colour": ["red"]}))


def test_metadata_as_a_mapping_by_id(seeds_dir: Path) -> None:
    doc_id = "001_61a362be6e1436b7"
    corpus = cc.load_corpus(seeds_dir, metadata={doc_id: {"outlet": "Libya Observer"}})
    assert corpus[doc_id].outlet == "Libya Observer"
    assert corpus[doc_id].provenance["outlet"] == "metadata column 'outlet'"
    with pytest.raises(cc.InputError, match="value for 'x' is not a mapping"):
        cc.load_corpus(seeds_dir, metadata={"x": "Libya Observer"})
    with pytest.raises(cc.InputError, match=r"unknown column\(s\) \['colour'\]"):
        cc.load_corpus(seeds_dir, metadata={doc_id: {"colour": "red"}})


def test_metadata_ids_given_twice(seeds_dir: Path) -> None:
    twice = pd.DataFrame({"doc_id": ["001_61a362be6e1436b7"] * 2, "outlet": ["A", "B"]})
    with pytest.raises(cc.InputError, match="given more than once: \\['001_61a362be6e1436b7'\\]"):
        cc.load_corpus(seeds_dir, metadata=twice)


def test_every_inferred_field_records_its_provenance(seeds: Corpus) -> None:
    for doc in seeds:
        for name in ("title", "outlet", "published", "url"):
            if getattr(doc, name) is None:
                assert name not in doc.provenance
            else:
                assert doc.provenance[name].startswith("inferred from text: ")


def test_clean_false_keeps_text_as_is(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", SCRAPED)
    doc = cc.load_corpus(tmp_path / "a.txt", clean=False)[0]
    assert doc.text == SCRAPED
    assert doc.outlet is None and doc.removed == ()


# --- bad input --------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(cc.InputError, match=r"no such file or folder: .*nothere"):
        cc.load_corpus(tmp_path / "nothere")


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(cc.InputError, match="has no files"):
        cc.load_corpus(tmp_path)


def test_glob_matching_nothing(tmp_path: Path) -> None:
    with pytest.raises(cc.InputError, match="no files match"):
        cc.load_corpus(str(tmp_path / "*.txt"))


@pytest.mark.parametrize("source", [[], ""])
def test_empty_source(source: object) -> None:
    with pytest.raises(cc.InputError):
        cc.load_corpus(source)


def test_unsupported_source_type() -> None:
    with pytest.raises(cc.ParameterError, match="got int"):
        cc.load_corpus(5)


def test_undecodable_bytes_name_file_and_offset(tmp_path: Path) -> None:
    path = _write(tmp_path / "latin.txt", "Sirte est libérée.".encode("latin-1"))
    with pytest.raises(cc.InputError, match=r"latin\.txt.*byte b'\\xe9' at offset 13"):
        cc.load_corpus(path)
    assert cc.load_corpus(path, encoding="latin-1")[0].text == "Sirte est libérée."


def test_undecodable_csv_names_file_and_offset(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", "text\nSirte est libérée.\n".encode("latin-1"))
    with pytest.raises(cc.InputError, match=r"t\.csv.*offset 18"):
        cc.load_corpus(path)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 4])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "image.txt", data)
    with pytest.raises(cc.InputError, match=r"image\.txt looks like a binary file"):
        cc.load_corpus(path)


@pytest.mark.parametrize("content", ["", "  \n\n\t \r\n", "\ufeff"])
def test_empty_and_whitespace_only_documents(tmp_path: Path, content: str) -> None:
    path = _write(tmp_path / "blank.txt", content)
    with pytest.raises(cc.InputError, match=r"blank\.txt: the document is empty"):
        cc.load_corpus(path)


def test_document_of_only_boilerplate(tmp_path: Path) -> None:
    path = _write(tmp_path / "chrome.txt", "Join the mailing list\n\nTAGS: Libya")
    with pytest.raises(cc.InputError, match=r"chrome\.txt: nothing is left .*clean=False"):
        cc.load_corpus(path)


def test_duplicate_ids_name_both_sources(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    _write(tmp_path / "one" / "same.txt", ARTICLE)
    _write(tmp_path / "two" / "same.txt", ARTICLE)
    with pytest.raises(cc.InputError, match="duplicate doc_id 'same'") as info:
        cc.load_corpus([tmp_path / "one", tmp_path / "two"])
    message = str(info.value)
    assert str(tmp_path / "one" / "same.txt") in message
    assert str(tmp_path / "two" / "same.txt") in message


def test_duplicate_ids_under_warn_keep_the_first_and_report_the_rest(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder / "same.txt", ARTICLE)
    with pytest.warns(UserWarning, match="duplicate doc_id 'same'"):
        corpus = cc.load_corpus([tmp_path / "two", tmp_path / "one"], errors="warn")
    assert [d.source for d in corpus] == [str(tmp_path / "one" / "same.txt")]
    assert [s.source for s in corpus.skipped] == [str(tmp_path / "two" / "same.txt")]
    rows = [{"doc_id": "a", "text": ARTICLE}, {"doc_id": "a", "text": ARTICLE}]
    with pytest.warns(UserWarning, match="duplicate doc_id 'a'"):
        corpus = cc.load_corpus(rows, errors="warn")
    assert corpus.ids == ["a"] and [s.source for s in corpus.skipped] == ["records row 1"]


def test_csv_missing_the_text_column_lists_columns(tmp_path: Path) -> None:
    pd.DataFrame({"body": [ARTICLE], "site": ["X"]}).to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(cc.InputError, match=r"no 'text' column .*\['body', 'site'\]"):
        cc.load_corpus(tmp_path / "a.csv")
    with pytest.raises(cc.InputError, match=r"no column 'content' .*\['body', 'site'\]"):
        cc.load_corpus(tmp_path / "a.csv", text="content")


def test_csv_missing_a_named_metadata_column(tmp_path: Path) -> None:
    pd.DataFrame({"body": [ARTICLE], "site": ["X"]}).to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(cc.InputError, match=r"no column 'source' \(given for outlet\)"):
        cc.load_corpus(tmp_path / "a.csv", text="body", outlet="source")


def test_non_string_text_in_jsonl(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": 5}\n')
    with pytest.raises(cc.InputError, match=r"a\.jsonl line 1: text must be a string, got int"):
        cc.load_corpus(path)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "ok text here."}\n{"text": \n')
    with pytest.raises(cc.InputError, match=r"a\.jsonl line 2: invalid JSON"):
        cc.load_corpus(path)


def test_errors_must_be_raise_or_warn(seeds_dir: Path) -> None:
    with pytest.raises(cc.ParameterError, match=r"errors must be one of .*'ignore'"):
        cc.load_corpus(seeds_dir, errors="ignore")
    with pytest.raises(ValueError):  # our errors are ValueErrors too
        Corpus.from_frame(pd.DataFrame({"text": [ARTICLE]}), errors="skip")


def test_lenient_loading_warns_and_records_what_was_skipped(
    tmp_path: Path, seeds_dir: Path
) -> None:
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(path, tmp_path / path.name)
    _write(tmp_path / "blank.txt", " \n")
    _write(tmp_path / "latin.txt", "libérée".encode("latin-1"))
    _write(tmp_path / "notes.md", "# not an article")
    _write(tmp_path / "rows.jsonl", json.dumps({"doc_id": "r", "text": 5}) + "\n")
    with pytest.warns(UserWarning) as caught:
        corpus = cc.load_corpus(tmp_path, errors="warn")
    assert len(corpus) == 2
    skipped = {Path(s.source.split(" line ")[0]).name: s.reason for s in corpus.skipped}
    assert set(skipped) == {"blank.txt", "latin.txt", "notes.md", "rows.jsonl"}
    assert "empty" in skipped["blank.txt"]
    assert "offset 3" in skipped["latin.txt"]
    assert "unsupported file type '.md'" in skipped["notes.md"]
    assert "text must be a string" in skipped["rows.jsonl"]
    warned = " ".join(str(w.message) for w in caught)
    for name in ("blank.txt", "latin.txt", "rows.jsonl"):
        assert name in warned


def test_unsupported_files_are_recorded_even_when_strict(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "b.pdf", b"%PDF-1.4")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = cc.load_corpus(tmp_path)
    assert corpus.ids == ["a"]
    assert [(Path(s.source).name, s.reason[:26]) for s in corpus.skipped] == [
        ("b.pdf", "unsupported file type '.pd")
    ]


def test_lenient_loading_with_nothing_loadable_still_raises(tmp_path: Path) -> None:
    _write(tmp_path / "blank.txt", "")
    with pytest.warns(UserWarning), pytest.raises(cc.InputError, match="no documents"):
        cc.load_corpus(tmp_path, errors="warn")


def test_lenient_loading_skips_a_broken_jsonl_line_and_keeps_the_rest(tmp_path: Path) -> None:
    lines = [
        '{"doc_id": "a", "text": "Sirte fell."}',
        '{"doc_id": "b", "text": broken',
        "",
        '{"doc_id": "c", "text": "Turkey sent troops."}',
    ]
    path = _write(tmp_path / "broken.jsonl", "\n".join(lines))
    with pytest.raises(cc.InputError, match=r"broken\.jsonl line 2: invalid JSON"):
        cc.load_corpus(path)
    with pytest.warns(UserWarning, match="line 2"):
        corpus = cc.load_corpus(path, errors="warn")
    assert corpus.ids == ["a", "c"]
    assert [s.source for s in corpus.skipped] == [f"{path} line 2"]


def test_utf16_files_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("Haftar said Sirte fell.", encoding="utf-16")
    assert cc.load_corpus(path)["u"].text == "Haftar said Sirte fell."
    assert cc.load_corpus(path, encoding="utf-16")["u"].text == "Haftar said Sirte fell."


def test_folders_inside_a_folder_are_reported(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "b.txt", ARTICLE)
    corpus = cc.load_corpus(tmp_path)
    assert corpus.ids == ["a"]
    assert [(Path(s.source).name, s.reason[:8]) for s in corpus.skipped] == [("sub", "a folder")]
    assert "**" in corpus.skipped[0].reason


def test_a_folder_whose_name_looks_like_a_glob(tmp_path: Path) -> None:
    folder = tmp_path / "news[2020]"
    folder.mkdir()
    _write(folder / "a.txt", ARTICLE)
    assert cc.load_corpus(folder).ids == ["a"]
    assert cc.load_corpus([folder / "a.txt", folder / "a.txt"]).ids == ["a"]  # named twice


def test_dates_with_trailing_text_and_bad_parameters() -> None:
    with pytest.raises(cc.InputError, match="2020-01-07garbage"):
        cc.load_corpus([{"text": ARTICLE, "published": "2020-01-07garbage"}])
    when = cc.load_corpus([{"text": ARTICLE, "published": "2020-01-07T10:00:00Z"}])[0].published
    assert when == dt.date(2020, 1, 7)
    with pytest.raises(cc.ParameterError, match="clean must be True or False"):
        cc.load_corpus([{"text": ARTICLE}], clean="no")  # type: ignore[arg-type]
    with pytest.raises(cc.ParameterError, match="encoding must be a string"):
        cc.load_corpus([{"text": ARTICLE}], encoding=None)  # type: ignore[arg-type]


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
