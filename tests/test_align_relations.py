"""Relations between two claims (claimcompare.align.relations): coverage, containment, shared
quotes and clauses, on hand-made sentences."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.align.relations import (
    gazetteer_index,
    pair_relations,
    quotes,
    relation_table,
    states_something,
)

_WORDS = st.sampled_from(
    "haftar sirte tripoli egypt troops militia ceasefire offensive airport seized backed "
    "parliament envoy mercenaries uprising oilfields convoy barracks".split()
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=9).map(" ".join)


def _relate(a: str, b: str, others: tuple[str, ...] = ()) -> pd.Series:
    texts = sorted({a, b, *others})
    tab = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    return pair_relations(
        tab, [texts.index(a)], [texts.index(b)], min_coverage=0.8, min_terms=3
    ).iloc[0]


@settings(max_examples=40, deadline=None)
@given(_SENTENCE, _SENTENCE, st.lists(_SENTENCE, max_size=3))
def test_relations_are_symmetric(a: str, b: str, others: list[str]) -> None:
    ab, ba = _relate(a, b, tuple(others)), _relate(b, a, tuple(others))
    assert ab.coverage_a == ba.coverage_b and ab.coverage_b == ba.coverage_a
    assert {"a": "b", "b": "a", "": ""}[ab.contained] == ba.contained
    assert ab.mutual == ba.mutual and ab.shared_quote == ba.shared_quote
    assert ab.shared_clause == ba.shared_clause


@settings(max_examples=40, deadline=None)
@given(_SENTENCE, _SENTENCE)
def test_a_claim_is_contained_in_itself_plus_a_clause(short: str, clause: str) -> None:
    long = f"{short}, while {clause}"
    found = _relate(short, long)
    assert found.coverage_a == pytest.approx(1.0)
    # three content terms, words of one class ("troops", "militia") counting once
    table = relation_table([short], actors=gazetteer_index(), min_quote_words=4)
    if table.n_terms[0] >= 3 and states_something(short):  # a statement, not a phrase
        assert found.contained == "a" or found.mutual


_PAST = st.sampled_from("captured deployed stormed shelled".split())
#: Words of no class of data/word_classes.csv: each its own content term.
_PLAIN = st.lists(
    st.sampled_from(
        "haftar sirte tripoli egypt ceasefire offensive airport parliament envoy mercenaries "
        "uprising oilfields convoy barracks".split()
    ),
    min_size=3,
    max_size=9,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(_PLAIN, _PAST, _PLAIN, _SENTENCE, _SENTENCE)
def test_a_clause_stated_in_two_compound_claims_is_shared(
    subject: str, verb: str, rest: str, left: str, right: str
) -> None:
    clause = f"{subject} {verb} {rest}"
    a, b = f"{clause}, while {left}", f"{clause}, as {right}"
    found = _relate(a, b)
    if found.contained or found.mutual:
        assert found.shared_clause == ""  # a stronger relation says it already
    elif len(set(clause.split())) >= 5:
        assert found.shared_clause == clause


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        (
            "Militia members operating under the command of renegade general Khalifa Haftar have "
            "reportedly seized control of the coastal city of Sirte, as Turkey has started "
            "deploying troops to support the government in the capital, Tripoli.",
            "Libyan fighters loyal to rogue general Khalifa Haftar have taken the city of Sirte, "
            "a former Islamic State group stronghold and hometown of Muammar Gaddafi.",
            "Libyan fighters loyal to rogue general Khalifa Haftar have taken the city of Sirte",
        ),
        (  # the same names, not the same thing done
            "Haftar urged his self-proclaimed Libyan National Army (LNA) forces to fight on.",
            "The media office of Haftar's self-proclaimed Libyan National Army (LNA) announced "
            "an advance, and the army took two towns.",
            "",
        ),
        (  # a relative clause describes a noun; the other claim has no "controlled"
            "Forces loyal to Haftar advanced, with skirmishes south of Tripoli, which is "
            "controlled by the internationally-recognized government of Fayez al-Sarraj.",
            "Since 2014, Libya has been divided between two rival camps: one in the east, the "
            "other, the internationally-recognized government of Fayez al-Sarraj, in Tripoli.",
            "",
        ),
    ],
    ids=["sirte, worded differently", "no shared verb", "relative clause"],
)
def test_shared_clause(a: str, b: str, shared: str) -> None:
    assert _relate(a, b).shared_clause == shared


def test_word_classes_and_hedges_do_not_count_as_different_content() -> None:
    found = _relate("Militia members reportedly seized the port.", "Fighters took the port.")
    assert found.coverage_b == pytest.approx(1.0)


def test_uae_and_united_arab_emirates_are_one_term() -> None:
    found = _relate(
        "Haftar is backed by Egypt and the United Arab Emirates.",
        "Libya turns into a proxy war with Egypt, the UAE and Russia backing Haftar.",
    )
    assert found.coverage_a == pytest.approx(1.0) and found.contained == "a"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet='ab "“”«»‘’.', max_size=40))
def test_quote_spans_are_ordered_and_inside_the_text(text: str) -> None:
    spans = quotes(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))


_QUOTED = st.lists(
    st.sampled_from("liberated totally mercenaries ceasefire colonial intervention".split()),
    min_size=4,
    max_size=6,
    unique=True,
).map(" ".join)


@settings(max_examples=30, deadline=None)
@given(_QUOTED, _SENTENCE, _SENTENCE)
def test_the_same_quotation_is_shared(quote: str, left: str, right: str) -> None:
    found = _relate(f'{left} said "{quote}."', f"« {quote} », {right} said.")
    assert found.shared_quote == quote


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('He said "I am not going to do it."', 'She said "I am not going to sign it."'),
        ('They called it "terrorist groups" again.', '"From terrorist groups," he said.'),
        (
            '"I resign as adviser to the President of the United States," he wrote.',
            '"We are electing a President of the United States, not a staff," he said.',
        ),
    ],
    ids=["commonplace", "three words", "a name in a longer quote"],
)
def test_no_shared_quote(a: str, b: str) -> None:
    assert _relate(a, b).shared_quote == ""
