"""claimcompare._common.text: the one tokenizer (each preset matches its stage's old regex) and
the one stemmer."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import SnowballStemmer

from claimcompare._common import text
from claimcompare._common.text import (
    ACTOR_WORDS,
    CLAUSE_WORDS,
    DETECT_WORDS,
    DISCOVER_WORDS,
    LEXICON_WORDS,
    RELATION_WORDS,
    SIMILARITY_WORDS,
    WordOptions,
    stem,
    stemmer,
    word_pattern,
    word_spans,
    words,
)
from claimcompare.errors import ParameterError

# ----------------------------------------------------------------------------------------------
# The seven word regexes as the stages compiled them before the tokenizer (commit 7fce5ae),
# copied verbatim with the constants they were built from.

# similarity.py
_SIMILARITY_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
# _relations.py
_RELATIONS_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
# actors.py
_ACTORS_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f])*"
)
# lexicon.py
_LEXICON_APOS = "'\u2018\u2019\u02bc\uff07"
_ABBR_MAX = 5
_LEXICON_RE = re.compile(
    rf"(?<!\w)[^\W\d_](?:\.[^\W\d_]){{1,{_ABBR_MAX - 1}}}\.?(?!\w)"
    rf"|\w+(?:[{_LEXICON_APOS}](?![sS](?!\w))\w+)*"
)
# facts.py
_FACTS_RE = re.compile(r"[A-Za-z]+?(?=n['’]t\b)|[A-Za-z]+")
# detect.py
_DETECT_RE = re.compile(r"\w+(?:['\u2019]\w+)*")
# discover.py
_DISCOVER_APOS = "'\u2018\u2019\u02bc"
_DISCOVER_RE = re.compile(
    r"(?<!\w)[^\W\d_](?:\.[^\W\d_]){1,4}\.?(?:[-\u2010\u2011][^\W_]+)*(?!\w)"
    rf"|[^\W_]+(?:[-\u2010\u2011{_DISCOVER_APOS}][^\W_]+)*"
)

PRESETS: dict[str, tuple[WordOptions, re.Pattern[str]]] = {
    "similarity": (SIMILARITY_WORDS, _SIMILARITY_RE),
    "relations": (RELATION_WORDS, _RELATIONS_RE),
    "actors": (ACTOR_WORDS, _ACTORS_RE),
    "lexicon": (LEXICON_WORDS, _LEXICON_RE),
    "facts": (CLAUSE_WORDS, _FACTS_RE),
    "detect": (DETECT_WORDS, _DETECT_RE),
    "discover": (DISCOVER_WORDS, _DISCOVER_RE),
}

# Texts are strings of these pieces: ASCII, accented and Arabic letters, combining marks (inside
# and just outside the ranges actors keeps), digits (also ² and Arabic-Indic), every apostrophe
# and hyphen, the en dash, number separators, dots, spaces, underscores and the fragments that
# tell the definitions apart.
_PIECES = [
    *"aenstxSUNAZ",
    *"éñÄßİ",
    *"بحر",
    "\u0301",
    "\u0308",
    "\u036f",
    "\u0370",
    "\u0610",
    "\u061a",
    "\u061b",
    "\u064b",
    "\u0650",
    "\u065f",
    "\u0660",
    "\u20dd",
    *"019²",
    *"'\u2018\u2019\u02bc\uff07",
    *"-\u2010\u2011\u2013",
    *".,:/",
    " ",
    "\n",
    "_",
    "n't",
    "n\u2019t",
    "'s",
    "\u2019s",
    "'S",
    "U.S.",
    "U.N.-",
    "e.g.",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)
MANY = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _matches(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> list[tuple[tuple[int, int], str]]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.group()) for m in pattern.finditer(text, pos, end)]


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.mark.parametrize("name", PRESETS)
@MANY
@given(text=texts)
@example(text="U.S.-backed Haftar’s men isn't at 3,000.5 o'clock; Salame\u0301 said")
def test_preset_matches_its_stage_regex(name: str, text: str) -> None:
    options, reference = PRESETS[name]
    assert _matches(word_pattern(**options), text) == _matches(reference, text)


@pytest.mark.parametrize("name", PRESETS)
@settings(max_examples=150, deadline=None)
@given(text=texts, data=st.data())
def test_preset_matches_its_stage_regex_from_any_position(
    name: str, text: str, data: st.DataObject
) -> None:
    # lexicon matches and searches from offsets inside a text, where look-behinds see before pos
    options, reference = PRESETS[name]
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    pattern = word_pattern(**options)
    assert _matches(pattern, text, pos, endpos) == _matches(reference, text, pos, endpos)
    assert _span(pattern.match(text, pos)) == _span(reference.match(text, pos))
    assert _span(pattern.search(text, pos)) == _span(reference.search(text, pos))


@given(text=texts)
@settings(max_examples=100, deadline=None)
def test_words_and_spans_agree(text: str) -> None:
    for options, _ in PRESETS.values():
        assert words(text, **options) == [text[s:e] for s, e in word_spans(text, **options)]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("actors", "U.S.-backed forces", ["U.S.", "backed", "forces"]),
        ("lexicon", "U.S.-backed forces", ["U.S.", "backed", "forces"]),
        ("discover", "U.S.-backed forces", ["U.S.-backed", "forces"]),
        ("similarity", "U.S.-backed forces", ["U", "S", "backed", "forces"]),
        ("detect", "U.S.-backed forces", ["U", "S", "backed", "forces"]),
        ("similarity", "Haftar’s men", ["Haftar’s", "men"]),
        ("relations", "Haftar’s men", ["Haftar", "s", "men"]),
        ("lexicon", "Haftar’s men", ["Haftar", "s", "men"]),
        ("discover", "Haftar’s men", ["Haftar’s", "men"]),
        ("detect", "Haftar’s men", ["Haftar’s", "men"]),
        ("facts", "isn't it", ["is", "n", "t", "it"]),
        ("facts", "don’t", ["do", "n", "t"]),
        ("relations", "isn't it", ["isn't", "it"]),
        ("actors", "isn't it", ["isn", "t", "it"]),
        ("lexicon", "at o'clock", ["at", "o'clock"]),
        ("relations", "at o'clock", ["at", "o'clock"]),
        ("facts", "at o'clock", ["at", "o", "clock"]),
        ("similarity", "3,000.5 and 12:30", ["3,000.5", "and", "12:30"]),
        ("detect", "3,000.5", ["3", "000", "5"]),
        ("facts", "3,000.5 men", ["men"]),
        ("actors", "Salame\u0301 said", ["Salame\u0301", "said"]),
        ("similarity", "Salame\u0301 said", ["Salame", "said"]),
        ("discover", "self\u2010styled U.N.\u2011led", ["self\u2010styled", "U.N.\u2011led"]),
        ("lexicon", "U.S.Army", ["U.S", "Army"]),
        ("actors", "U.S.Army", ["U.S.", "Army"]),
    ],
)
def test_tricky_cases(name: str, text: str, expected: list[str]) -> None:
    options, reference = PRESETS[name]
    assert words(text, **options) == expected == reference.findall(text)


def test_possessive_only_stops_apostrophes() -> None:
    options: WordOptions = {"joiners": "'-", "possessive": True}
    assert words("Haftar's self-styled s-s", **options) == ["Haftar", "s", "self-styled", "s-s"]


def test_contractions_with_marks() -> None:
    assert words("isn\u0301n't", chars="letters", marks=True, contractions=True) == [
        "isn\u0301",
        "n",
        "t",
    ]


def test_pattern_is_made_once() -> None:
    assert word_pattern(**LEXICON_WORDS) is word_pattern(**LEXICON_WORDS)
    assert word_pattern().pattern == r"\w+"


@pytest.mark.parametrize(
    "options",
    [
        {"chars": "digits"},
        {"abbreviations": "acronyms"},
        {"joiners": ("'",)},
        {"abbreviation_joiners": "-"},
        {"abbreviations": "capitals", "abbreviation_joiners": "-"},
    ],
)
def test_bad_options_are_refused(options: dict[str, object]) -> None:
    with pytest.raises(ParameterError):
        word_pattern(**options)


def test_combining_marks_are_no_word_characters() -> None:
    # why ``marks`` is needed at all: regex \w leaves these out
    marks = re.compile(f"[{text.COMBINING_MARKS}]")
    inside = [chr(c) for c in range(0x300, 0x700) if marks.match(chr(c))]
    assert len(inside) == 112 + 11 + 21
    assert not any(re.match(r"\w", c) for c in inside)


# ----------------------------------------------------------------------------------------------
# the stemmer


def test_stemmer_is_one_english_snowball() -> None:
    assert stemmer() is stemmer()
    assert isinstance(stemmer(), SnowballStemmer)
    assert stemmer().stem("seized") == "seiz"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Forces", "forc"), ("seized", "seiz"), ("militias", "militia"), ("running", "run")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected == stemmer().stem(word)


def test_stem_lowercases_and_caches() -> None:
    assert stem("RENEGADE") == stem("renegade") == "renegad"
    hits = stem.cache_info().hits
    stem("renegade")
    assert stem.cache_info().hits == hits + 1
