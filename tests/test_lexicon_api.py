"""The Lexicon API: replace vs. whole entries, constructor forms, remove, ``in``, categories."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from claimcompare.errors import InputError, ParameterError
from claimcompare.lexicon import BUILTIN_CATEGORIES, EXCEPTION, Lexicon, LexiconEntry

DEFAULT = Lexicon.default()
LOGGER = "claimcompare.lexicon"


# --- replace: what is given replaces, what is not given is kept --------------------------------


def test_replace_with_a_partial_mapping_keeps_the_other_fields() -> None:
    old = DEFAULT["UN-backed"]
    new = DEFAULT.replace({"UN-backed": {"category": "hedge"}})["UN-backed"]
    assert new.category == "hedge"
    assert new == LexiconEntry(**{**old.to_dict(), "category": "hedge"})
    assert DEFAULT["UN-backed"] == old  # the original is untouched
    shorthand = DEFAULT.replace({"UN-backed": "hedge"})["UN-backed"]
    assert shorthand == new


def test_replace_with_a_mapping_can_reset_a_field_explicitly() -> None:
    new = DEFAULT.replace({"UN-backed": {"variants": (), "inflect": True}})["UN-backed"]
    assert new.variants == () and new.inflect is True
    assert new.polarity == DEFAULT["UN-backed"].polarity


def test_replace_with_entries_replaces_every_field() -> None:
    new = DEFAULT.replace([LexiconEntry("UN-backed", category="hedge")])["UN-backed"]
    assert new == LexiconEntry("UN-backed", category="hedge")
    other = Lexicon([LexiconEntry("UN-backed", category="hedge", weight=0.2)])
    assert DEFAULT.replace(other)["UN-backed"].weight == 0.2


def test_replace_with_a_frame_changes_only_its_columns() -> None:
    old = DEFAULT["UN-backed"]
    frame = pd.DataFrame({"entry": ["UN-backed"], "weight": [0.25]})
    new = DEFAULT.replace(frame)["UN-backed"]
    assert new == LexiconEntry(**{**old.to_dict(), "weight": 0.25})
    with pytest.raises(InputError, match="'entry' column"):
        DEFAULT.replace(pd.DataFrame({"weight": [0.25]}))
    with pytest.raises(InputError, match=r"row 0 \(entry 'UN-backed'\): column 'weight'"):
        DEFAULT.replace(pd.DataFrame({"entry": ["UN-backed"], "weight": [3.0]}))


def test_replace_errors() -> None:
    with pytest.raises(InputError, match=r"\['warlordism'\] are not in the lexicon; use add"):
        DEFAULT.replace({"warlordism": {"category": "emotive"}})
    with pytest.raises(InputError, match="unknown fields"):
        DEFAULT.replace({"rebel": {"polarty": 1}})
    with pytest.raises(InputError, match="polarity must be -1, 0 or 1"):
        DEFAULT.replace({"rebel": {"polarity": 5}})
    rebel = DEFAULT["rebel"]
    with pytest.raises(InputError, match="same entry twice"):
        DEFAULT.replace([rebel, rebel])


# --- constructor forms -----------------------------------------------------------------------


def test_constructor_takes_what_add_takes() -> None:
    spec: dict[str, Any] = {"foo": "hedge", "bar": {"category": "emotive", "polarity": -1}}
    assert Lexicon(spec) == Lexicon.from_dict(spec)
    frame = DEFAULT.to_frame()
    assert Lexicon(frame) == DEFAULT
    assert Lexicon(DEFAULT) == DEFAULT


@pytest.mark.parametrize("bad", [["foo"], "foo", 3])
def test_constructor_error_says_what_is_allowed(bad: object) -> None:
    with pytest.raises(InputError) as info:
        Lexicon(bad)  # type: ignore[arg-type]
    message = str(info.value)
    assert "LexiconEntry objects" in message and "Lexicon.from_dict" in message
    assert type(bad if not isinstance(bad, list) else bad[0]).__name__ in message


# --- remove ----------------------------------------------------------------------------------


def test_remove_takes_strings_and_iterables() -> None:
    one_by_one = DEFAULT.remove("rebel", "militia")
    assert DEFAULT.remove(["rebel", "militia"]) == one_by_one
    assert DEFAULT.remove(("rebel",), "militia") == one_by_one
    assert DEFAULT.remove(e for e in ["militia", "rebel"]) == one_by_one
    assert len(one_by_one) == len(DEFAULT) - 2
    assert DEFAULT.remove([]) == DEFAULT


def test_remove_unknown_names_are_named() -> None:
    with pytest.raises(ParameterError, match=r"cannot remove \['nope'\]"):
        DEFAULT.remove(["rebel", "nope"])
    with pytest.raises(ParameterError, match="'rebels' is a form of the entry 'rebel'"):
        DEFAULT.remove(["rebels"])
    with pytest.raises(ParameterError, match="strings"):
        DEFAULT.remove([DEFAULT["rebel"]])  # type: ignore[list-item]
    with pytest.raises(ParameterError, match="iterables"):
        DEFAULT.remove(3)  # type: ignore[arg-type]


# --- CSV errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("w,hedge,0,0.5,maybe", "column 'inflect' must be 0/1 or true/false, got 'maybe'"),
        ("w,hedge,7,0.5,1", "column 'polarity' must be -1, 0 or 1"),
        ("w,hedge,0,0.5,1,...", "6 fields, the header has 5"),
    ],
)
def test_csv_errors_name_the_place_once(tmp_path: Path, row: str, expected: str) -> None:
    path = tmp_path / "l.csv"
    path.write_text(f"entry,category,polarity,weight,inflect\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        Lexicon.from_csv(path)
    message = str(info.value)
    assert expected in message
    assert message.count("line 2") == 1 and message.count(str(path)) == 1


def test_csv_entry_errors_name_the_entry_once(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("entry,variants,category,polarity,weight\nw,--,hedge,0,0.5\n")
    with pytest.raises(InputError) as info:
        Lexicon.from_csv(path)
    message = str(info.value)
    assert message.endswith("line 2 (entry 'w'): form '--' has no letters or digits")
    assert message.count("'w'") == 1


# --- ``in`` and lookup -----------------------------------------------------------------------


def test_in_is_true_exactly_for_what_finditer_reports() -> None:
    assert "claimed responsibility" not in DEFAULT
    assert "claims credit" not in DEFAULT
    assert DEFAULT.finditer("claimed responsibility") == []
    assert DEFAULT["claimed responsibility"].category == EXCEPTION
    assert DEFAULT.get("claimed responsibility") is DEFAULT["claimed responsibility"]
    assert "Rebels" in DEFAULT and " rebel " in DEFAULT
    assert "the rebels" not in DEFAULT and "rebellion" not in DEFAULT
    for entry in DEFAULT:
        for form in entry.forms:
            reported = DEFAULT.finditer(form)
            whole = len(reported) == 1 and reported[0].text == form
            assert (form in DEFAULT) == whole, form
            assert (form in DEFAULT) == (entry.category != EXCEPTION), form


def test_get() -> None:
    assert DEFAULT.get("rebel") is DEFAULT["rebel"]
    assert DEFAULT.get("rebels") is None
    assert DEFAULT.get(["x"]) is None  # type: ignore[arg-type]
    fallback = LexiconEntry("z", category="hedge")
    assert DEFAULT.get("zzz", fallback) is fallback
    with pytest.raises(KeyError, match="no entry"):
        DEFAULT[["x"]]  # type: ignore[index]


# --- categories ------------------------------------------------------------------------------


def test_builtin_categories_are_those_of_the_default_lexicon() -> None:
    assert sorted(BUILTIN_CATEGORIES) == DEFAULT.categories


def test_categories_are_lower_cased_on_every_way_in(tmp_path: Path) -> None:
    entry = LexiconEntry("x", category="  Hedge ")
    assert entry.category == "hedge"
    assert Lexicon.from_dict({"x": "HEDGE"})["x"].category == "hedge"
    frame = pd.DataFrame({"entry": ["x"], "category": ["Hedge"], "polarity": [0], "weight": [1]})
    assert Lexicon.from_frame(frame)["x"].category == "hedge"
    path = tmp_path / "l.csv"
    path.write_text("entry,category,polarity,weight\nx,Hedge,0,1\n", encoding="utf-8")
    assert Lexicon.from_csv(path)["x"].category == "hedge"
    assert DEFAULT.add({"x": "Hedge"})["x"].category == "hedge"
    assert DEFAULT.replace({"rebel": "Hedge"})["rebel"].category == "hedge"
    assert DEFAULT.select(categories="HEDGE ") == DEFAULT.select(categories=["hedge"])


def test_a_category_close_to_a_known_one_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=LOGGER):
        lex = DEFAULT.add({"x": "emotiv"})
    assert lex["x"].category == "emotiv"  # user-defined categories stay allowed
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "'emotiv'" in warnings[0].getMessage() and "'emotive'" in warnings[0].getMessage()


def test_a_new_category_far_from_known_ones_is_info(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=LOGGER):
        lex = Lexicon.from_dict({"x": "label", "y": "label"})
        lex.add({"z": "label"}).remove("x")
    records = [r for r in caplog.records if r.name == LOGGER]
    assert [r.levelno for r in records] == [logging.INFO]  # once, not on every change
    assert "'label'" in records[0].getMessage()


def test_a_typo_of_a_user_category_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    mine = Lexicon.from_dict({"x": "my_label"})
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        mine.add({"y": "my_lable"})
    assert any("'my_label'" in r.getMessage() for r in caplog.records)


def test_default_lexicon_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=LOGGER):
        Lexicon(DEFAULT.entries)
        DEFAULT.add({"x": "hedge"}).remove("x")
    assert caplog.records == []


# --- numbers ---------------------------------------------------------------------------------


def test_numpy_numbers_are_accepted() -> None:
    e = LexiconEntry("x", category="hedge", polarity=np.int64(-1), weight=np.float64(0.5))
    assert e.polarity == -1 and type(e.polarity) is int
    assert e.weight == 0.5 and type(e.weight) is float
    f = LexiconEntry("x", category="hedge", polarity=np.int8(1), weight=np.int64(1))
    assert (f.polarity, f.weight) == (1, 1.0) and type(f.weight) is float
    g = LexiconEntry("x", category="hedge", inflect=np.bool_(False))  # type: ignore[arg-type]
    assert g.inflect is False
    assert Lexicon.from_dict({"x": {"category": "hedge", "polarity": np.int64(1)}})["x"] == (
        LexiconEntry("x", category="hedge", polarity=1)
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"polarity": True},
        {"polarity": np.bool_(True)},
        {"polarity": np.float64(0.5)},
        {"weight": False},
        {"weight": np.bool_(True)},
        {"weight": np.float64("nan")},
        {"weight": "0.5"},
        {"inflect": 1},
    ],
)
def test_bools_and_non_numbers_are_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError, match=f"entry 'x': {next(iter(kwargs))}"):
        LexiconEntry("x", category="hedge", **kwargs)  # type: ignore[arg-type]


def test_a_lexicon_file_that_is_not_utf8_or_not_text(tmp_path: Path) -> None:
    latin = tmp_path / "l.csv"
    latin.write_bytes(
        "entry,category,polarity,weight\ncafé thug,emotive,-1,0.5\n".encode("latin-1")
    )
    with pytest.raises(
        InputError, match=r"cannot decode .*l\.csv as utf-8: byte .* save it as UTF-8"
    ):
        Lexicon.from_csv(latin)
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        Lexicon.from_csv(binary)
    with pytest.raises(InputError, match="folder"):
        Lexicon.from_csv(tmp_path)
