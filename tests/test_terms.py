"""Tests for claimcompare.terms: loaded terms with voice, speaker and target on the seeds, the
target rules, and the learnt target ranker of span_targets (claimcompare.terms.ranker)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.actors import ActorIndex, Mention
from claimcompare.claims import claims_of
from claimcompare.document import Corpus, Document
from claimcompare.errors import ParameterError
from claimcompare.lexicon import Lexicon, LexiconEntry
from claimcompare.terms import (
    TERM_COLUMNS,
    TargetRanker,
    actor_kinds,
    find_loaded_terms,
    span_targets,
    target_candidates,
)
from claimcompare.terms.mentions import (
    body_mentions,
    link_surnames,
    main_people,
    named,
    refine_kinds,
    surname_mentions,
    title_mentions,
)
from claimcompare.terms.ranker import FEATURES, Candidate, candidates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

HAFTAR = "Khalifa Haftar"
LNA = "Libyan National Army"
GNA = "Government of National Accord"
GADDAFI = "Muammar Gaddafi"


@pytest.fixture(scope="module")
def actors(seeds: Corpus) -> pd.DataFrame:
    return cc.find_actors(seeds)


@pytest.fixture(scope="module")
def terms(seeds: Corpus, actors: pd.DataFrame) -> pd.DataFrame:
    return find_loaded_terms(seeds, actors=actors)


def rows(terms: pd.DataFrame, doc: str, term: str) -> pd.DataFrame:
    """The rows of one document (by doc_id prefix) whose term is ``term`` (case-insensitive)."""
    found = terms[terms.doc_id.str.startswith(doc) & (terms.term.str.lower() == term.lower())]
    assert len(found), f"no {term!r} in {doc}"
    return found


def only(terms: pd.DataFrame, doc: str, term: str) -> pd.Series:
    found = rows(terms, doc, term)
    assert len(found) == 1, found
    return found.iloc[0]


# --- shape -----------------------------------------------------------------------------------


def test_columns_and_offsets(seeds: Corpus, terms: pd.DataFrame) -> None:
    design = "doc_id outlet claim_id start end term entry category polarity voice speaker target"
    assert set(design.split()) <= set(terms.columns)
    assert list(terms.columns) == TERM_COLUMNS
    for row in terms.itertuples():
        assert seeds[row.doc_id].text[row.start : row.end] == row.term
    assert terms.equals(terms.sort_values(["doc_id", "start", "end", "entry"]))
    assert set(terms.voice) <= {"outlet", "quoted", "attributed"}
    assert set(terms.kind) <= {"claim", "heading"}


def test_target_none_exactly_when_unresolved(terms: pd.DataFrame) -> None:
    assert (terms.target.isna() == (terms.target_rule == "unresolved")).all()
    assert terms.target.map(lambda v: v is None or isinstance(v, str)).all()


def test_speaker_only_outside_the_outlets_voice(terms: pd.DataFrame) -> None:
    outlet = terms[terms.voice == "outlet"]
    assert outlet.speaker.isna().all()
    assert terms[terms.voice == "quoted"].speaker.notna().all()


def test_same_result_whatever_the_order(seeds: Corpus, actors: pd.DataFrame) -> None:
    forward = find_loaded_terms(seeds, actors=actors)
    backward = find_loaded_terms(list(reversed(list(seeds))), actors=actors)
    pd.testing.assert_frame_equal(forward, backward)


# --- labels for Haftar and his forces, in the outlets' own voice ------------------------------


@pytest.mark.parametrize(
    ("doc", "term", "target", "rule"),
    [
        ("000", "renegade general", HAFTAR, "main person of the document (4 mentions)"),
        ("000", "self-styled", HAFTAR, "possessive"),
        ("000", "self-proclaimed", HAFTAR, "copula"),
        ("001", "rogue general", HAFTAR, "name follows"),
        ("001", "self-styled", LNA, "name follows"),
        ("002", "rebel commander", HAFTAR, "main person of the document (8 mentions)"),
        ("002", "self-styled", HAFTAR, "apposition"),
        ("002", "self-proclaimed", LNA, "name follows"),
        ("003", "renegade general", HAFTAR, "name follows"),
        ("003", "self-proclaimed", HAFTAR, "headline"),
        ("004", "strongman", HAFTAR, "name follows"),
        ("004", "self-proclaimed", LNA, "name follows"),
    ],
)
def test_labels_for_haftar_and_his_forces(
    terms: pd.DataFrame, doc: str, term: str, target: str, rule: str
) -> None:
    row = rows(terms, doc, term).iloc[0]
    assert (row.voice, row.speaker, row.target, row.target_rule) == ("outlet", None, target, rule)


def test_rebels_in_002_are_all_haftars(terms: pd.DataFrame) -> None:
    rebels = rows(terms, "002", "rebels")
    assert len(rebels) == 7
    assert set(rebels.target) == {HAFTAR}
    assert rebels.target_rule.str.match(r"apposition|coreference|possessive").all()
    assert (rebels.voice == "outlet").sum() == 6  # Gnounou's "Haftar's rebels" is paraphrase
    claimed = only(terms, "002", "claimed")  # "The rebels ... announced ... but also claimed"
    assert (claimed.target, claimed.voice, claimed.voice_rule) == (
        HAFTAR,
        "outlet",
        "attribution verb",
    )


def test_militia_of_the_headline_is_resolved_through_loyal_to(terms: pd.DataFrame) -> None:
    headline = terms[terms.doc_id.str.startswith("000") & (terms.kind == "heading")]
    militia = headline[headline.entry == "militia"].iloc[0]
    assert militia.target == HAFTAR
    assert militia.target_rule.startswith("loyal to 'renegade general'")
    later = rows(terms, "000", "militia")
    assert later.iloc[2].target_rule == "coreference: earlier 'Militia'"


def test_a_militia_in_syria_is_not_haftars(terms: pd.DataFrame) -> None:
    syria = rows(terms, "000", "militia").iloc[-1]  # "an allied, anti-government militia group"
    assert syria.target is None and syria.target_rule == "unresolved"
    assert only(terms, "000", "militants").target is None


# --- the Tripoli government, Gaddafi ----------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "term", "rule"),
    [
        ("000", "internationally-recognized", "government"),
        ("001", "UN-recognised", "name follows"),
        ("003", "UN-recognized", "name follows"),
        ("004", "internationally-recognized", "government"),
    ],
)
def test_labels_for_the_tripoli_government(
    terms: pd.DataFrame, doc: str, term: str, rule: str
) -> None:
    for row in rows(terms, doc, term).itertuples():
        assert (row.voice, row.target, row.target_rule) == ("outlet", GNA, rule)


def test_gaddafi_labels(terms: pd.DataFrame) -> None:
    dictator = terms[terms.entry == "dictator"]
    assert len(dictator) == 5 and set(dictator.target) == {GADDAFI}
    assert set(dictator.voice) == {"outlet"}
    brutal = only(terms, "001", "brutal")
    assert (brutal.target, brutal.target_rule) == (GADDAFI, "his/her")
    assert only(terms, "001", "bloody").target == HAFTAR  # "Haftar ... his bloody assault"


def test_actor_kinds_on_the_seeds(actors: pd.DataFrame) -> None:
    kinds = actor_kinds(cc.ActorIndex.from_frame(actors))
    assert kinds[HAFTAR] == kinds[GADDAFI] == kinds["Ahmad al-Mesmari"] == "person"
    assert kinds[LNA] == kinds[GNA] == kinds["United Nations"] == "organisation"
    assert kinds["Libya"] == kinds["Tripoli"] == kinds["North African"] == "other"


# --- quoted words are the speaker's, not the outlet's -----------------------------------------


def test_terrorist_is_never_the_outlets_word(terms: pd.DataFrame) -> None:
    terrorist = terms[terms.entry == "terrorist"]
    assert len(terrorist) == 6
    assert set(terrorist.voice) == {"quoted"}
    assert terrorist.speaker.notna().all()
    assert only(terms, "001", "terrorist").speaker == "Ahmad al-Mesmari"


def test_legitimate_government_is_erdogans(terms: pd.DataFrame) -> None:
    row = only(terms, "001", "legitimate government")
    assert (row.voice, row.speaker, row.target) == ("quoted", "Erdogan", GNA)


def test_colonial_is_haftars_word(terms: pd.DataFrame) -> None:
    # the seed check: "the “colonial” intervention", Haftar urged -- his word, not the outlet's
    row = only(terms, "002", "colonial")
    assert (row.voice, row.speaker, row.category) == ("quoted", "Haftar", "delegitimising_label")
    assert row.voice_rule == "voice span"


def test_recognised_government_in_paraphrase_is_the_outlets(terms: pd.DataFrame) -> None:
    # 003: "Haftar ... insisting that he would continue the offensive against forces of the
    # internationally-recognized government in Tripoli": Haftar does not call the government he
    # fights recognised; the outlet identifies it so (as it does later in its own voice)
    row = rows(terms, "003", "internationally-recognized").iloc[0]
    assert (row.voice, row.voice_rule, row.speaker) == (
        "outlet",
        "outlet's description in paraphrase",
        None,
    )
    assert row.target == GNA


def test_label_on_a_government_in_paraphrase() -> None:
    actors = {"Government of National Accord": ["GNA"], "Khalifa Haftar": ["Haftar"]}
    text = "Khalifa Haftar said he would topple the UN-backed government in Tripoli."
    row = find_loaded_terms(Document(doc_id="h", text=text), actors=actors).iloc[0]
    assert (row.term, row.voice, row.voice_rule, row.target) == (
        "UN-backed",
        "outlet",
        "outlet's description in paraphrase",
        GNA,
    )
    # the government paraphrased about itself keeps its own voice
    text = "The GNA said the UN-backed government would defend Tripoli."
    row = find_loaded_terms(Document(doc_id="g", text=text), actors=actors).iloc[0]
    assert (row.voice, row.voice_rule, row.speaker) == ("attributed", "voice span", "The GNA")
    # a label holding the word itself ("government forces") is not a description of the speaker's
    # opponent by the outlet: it stays in paraphrase
    text = "Khalifa Haftar said government forces had fled."
    row = find_loaded_terms(Document(doc_id="f", text=text), actors=actors).iloc[0]
    assert (row.term, row.voice) == ("government forces", "attributed")


def test_scare_quotes_and_distancing(terms: pd.DataFrame) -> None:
    scare = terms[terms.category == "scare_quote"]
    assert scare.term.tolist() == ["terrorist groups", "general alert"]
    assert set(scare.voice) == {"outlet"} and set(scare.entry) == {"scare quotes"}
    assert scare.iloc[0].target == LNA and scare.iloc[0].target_rule == "whose words are quoted"
    called = only(terms, "004", "what it called")
    assert (called.voice, called.voice_rule, called.target) == ("outlet", "distancing marker", LNA)
    # "colonial", "rapid de-escalation": short quotes whose claim names the speaker
    assert "colonial" not in set(scare.term)


def test_a_short_quote_without_speaker_is_a_scare_quote() -> None:
    doc = Document(doc_id="d", text='The army began its "peace operation" near the border.')
    scare = find_loaded_terms(doc, Lexicon([]), actors={"Army": []})
    assert scare[["term", "category", "voice"]].values.tolist() == [
        ["peace operation", "scare_quote", "outlet"]
    ]


# --- hedges and loaded attribution verbs ----------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "term", "target", "rule"),
    [
        ("000", "reportedly", HAFTAR, "subject of the claim"),
        ("000", "apparently", HAFTAR, "subject of the claim"),
        ("004", "presumably", HAFTAR, "subject of the claim"),
        ("003", "claimed", HAFTAR, "speaker of the claim"),
        ("003", "insisting", HAFTAR, "speaker of the claim"),
        ("000", "There have been reports", None, "unresolved"),
    ],
)
def test_hedges_and_attribution_verbs(
    terms: pd.DataFrame, doc: str, term: str, target: str | None, rule: str
) -> None:
    row = only(terms, doc, term)
    assert (row.voice, row.target, row.target_rule) == ("outlet", target, rule)


def test_quoted_hedge_targets_the_speaker(terms: pd.DataFrame) -> None:
    row = only(terms, "000", "probably")
    assert (row.voice, row.speaker, row.target) == ("quoted", "Ghassan Salameh", "Ghassan Salameh")


# --- small documents and errors ---------------------------------------------------------------


def test_paraphrase_labelling_the_speakers_own_side_is_the_outlets() -> None:
    doc = Document(
        doc_id="d",
        text="Khalifa Haftar said his self-proclaimed Libyan National Army would march on Tripoli.",
    )
    actors = {"Khalifa Haftar": ["Haftar"], "Libyan National Army": ["LNA"]}
    row = find_loaded_terms(doc, actors=actors).iloc[0]
    assert (row.term, row.target) == ("self-proclaimed", "Libyan National Army")
    assert (row.voice, row.voice_rule) == ("outlet", "speaker's own side in paraphrase")


def test_unknown_person_stays_unresolved() -> None:
    doc = Document(doc_id="d", text="A renegade general took the town. Officials fled.")
    row = find_loaded_terms(doc, actors={"Tripoli": []}).iloc[0]
    assert (row.target, row.target_rule) == (None, "unresolved")


def test_empty_corpus_and_bad_input() -> None:
    empty = find_loaded_terms(Corpus([]), actors={"X Y": []})
    assert empty.empty and list(empty.columns) == TERM_COLUMNS
    with pytest.raises(ParameterError, match="lexicon"):
        find_loaded_terms(Corpus([]), lexicon="renegade", actors={"X Y": []})  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="corpus"):
        find_loaded_terms("some text")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="actors"):
        find_loaded_terms(Corpus([]), actors=["Haftar"])  # type: ignore[arg-type]


# --- properties --------------------------------------------------------------------------------

FRAGMENTS = [
    "renegade general ",
    "Khalifa Haftar",
    "’s self-styled forces ",
    "the rebels ",
    "“terrorist groups” ",
    "reportedly ",
    "said. ",
    "“We won,” he said. ",
    "loyal to ",
    "the UN-recognized Government of National Accord ",
    ", ",
    "\n\n",
    "Sirte ",
    "what it called ",
    "\u00e9 ",
]
ACTORS = {
    HAFTAR: ["Haftar"],
    GNA: ["GNA"],
    "Sirte": [],
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25))
def test_offsets_round_trip(parts: list[str]) -> None:
    text = "".join(parts)
    doc = Document(doc_id="d", text=text)
    for row in find_loaded_terms(doc, actors=ACTORS).itertuples():
        assert text[row.start : row.end] == row.term
        assert 0 <= row.start < row.end <= len(text)


NEW_WORDS = ["town", "forces", "general", "fled", "Sirte", "groups", "took", "border"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS + [w + " " for w in NEW_WORDS]), min_size=1, max_size=25),
    st.sampled_from(NEW_WORDS),
)
def test_adding_an_entry_keeps_the_matches_it_does_not_touch(parts: list[str], word: str) -> None:
    text = "".join(parts)
    doc = Document(doc_id="d", text=text)
    old_lex = Lexicon.default()
    new_lex = old_lex.add([LexiconEntry(word, category="test", polarity=-1, weight=0.5)])
    new_spans = [(m.start, m.end) for m in new_lex.finditer(text, overlapping=True)]
    new_spans = [s for s in new_spans if text[s[0] : s[1]].lower().startswith(word.lower())]
    old_cands = [(m.start, m.end) for m in old_lex.finditer(text, overlapping=True)]
    touching = any(a < d and c < b for a, b in new_spans for c, d in old_cands)
    old = find_loaded_terms(doc, old_lex, ACTORS)
    new = find_loaded_terms(doc, new_lex, ACTORS)
    key = ["start", "end", "entry", "category"]
    old_keys = set(map(tuple, old[key].values.tolist()))
    new_keys = set(map(tuple, new[key].values.tolist()))
    if not touching:
        assert old_keys <= new_keys
    assert {k for k in new_keys if k[3] != "test"} <= old_keys | {
        k for k in new_keys if k[3] == "scare_quote"
    }


SEED_DOCS = list(cc.load_corpus(SEEDS))
SEED_TERMS = find_loaded_terms(SEED_DOCS, actors=ACTORS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(SEED_DOCS))))
def test_independent_of_document_order(order: list[int]) -> None:
    shuffled = [SEED_DOCS[i] for i in order]
    pd.testing.assert_frame_equal(find_loaded_terms(shuffled, actors=ACTORS), SEED_TERMS)


# --- span_targets -----------------------------------------------------------------------------


def test_span_targets_on_given_spans() -> None:
    text = (
        "Khalifa Haftar blasted the talks. The hapless envoy left.\n\n"
        "“They are crooks,” Haftar said of Fayez al-Sarraj."
    )
    doc = Document(doc_id="d", text=text)
    actors = {"Khalifa Haftar": ["Haftar"], "Fayez al-Sarraj": []}
    spans = [(15, 22), (38, 45), (69, 75)]
    out = span_targets(doc, spans, actors=actors)
    assert [text[s:e] for s, e in spans] == out.term.tolist() == ["blasted", "hapless", "crooks"]
    assert (out.start.tolist(), out.end.tolist()) == ([15, 38, 69], [22, 45, 75])
    assert out.voice.tolist() == ["outlet", "outlet", "quoted"]
    assert out.target.tolist()[:2] == ["Khalifa Haftar", "Khalifa Haftar"]
    # no pattern rule: the learnt ranker, its score in the rule
    assert out.target_rule.tolist()[1].startswith("ranker (p=")
    # a quoted word is not about its speaker
    assert out.target.iloc[2] == "Fayez al-Sarraj"
    assert out.target_rule.iloc[2].startswith("ranker (p=")
    strict = span_targets(doc, spans, actors=actors, fallback=False)
    assert strict.target.iloc[1] is None and strict.target_rule.iloc[1] == "unresolved"


def test_span_targets_bad_input() -> None:
    doc = Document(doc_id="d", text="Some text here.")
    with pytest.raises(ParameterError, match="span"):
        span_targets(doc, [(5, 99)], actors={})
    with pytest.raises(ParameterError, match="polarity"):
        span_targets(doc, [(0, 4)], actors={}, polarity=2)
    with pytest.raises(ParameterError, match="doc must be a Document"):
        span_targets("text", [(0, 4)])  # type: ignore[arg-type]


# target rules chosen on BASIL 2010-2016 (claimcompare.terms.mentions) -----------------------
def test_one_word_names_titles_groups_and_places() -> None:
    index = ActorIndex.from_actors(
        {
            "Barack Obama": [],
            "Obama": [],
            "Cruz": [],
            "Senate Republicans": [],
            "New Jersey": [],
            "Wall Street Journal": [],
            "R-Ariz": [],
        }
    )
    text = "Sen. Cruz spoke. Obama said no. Barack Obama left. New Jersey and R-Ariz voted."
    mentions = index.find(text)
    kinds = refine_kinds(actor_kinds(index), [(text, mentions)])
    assert kinds["Cruz"] == "person"  # a title before it
    assert kinds["Senate Republicans"] == "organisation"  # a group
    assert kinds["New Jersey"] == kinds["R-Ariz"] == kinds["Wall Street Journal"] == "other"
    linked = link_surnames(mentions, kinds)
    assert [m.actor for m in linked if m.text == "Obama"] == ["Barack Obama"]
    assert all(text[m.start : m.end] == m.text for m in linked)


def test_bare_surnames_count_for_their_person() -> None:
    index = ActorIndex.from_actors({"Paul Ryan": [], "Joe Biden": []})
    text = "Joe Biden met Paul Ryan. Later Ryan left and Ryanair flew."
    base = actor_kinds(index)
    found = surname_mentions(text, index.find(text), base)
    assert [(m.text, m.actor) for m in found] == [
        ("Joe Biden", "Joe Biden"),
        ("Paul Ryan", "Paul Ryan"),
        ("Ryan", "Paul Ryan"),
    ]


def test_span_targets_quotes_pronouns_and_verbs() -> None:
    text = (
        "Paul Ryan met voters. He was combative.\n\n"
        "Marco Rubio assailed Paul Ryan on Monday.\n\n"
        "“He is a phony,” Marco Rubio said.\n\n"
        "The group called Rubio an “elitist hypocrite” later. Ryan left."
    )
    doc = Document(doc_id="d", text=text)
    actors = {"Paul Ryan": ["Ryan"], "Marco Rubio": ["Rubio"]}
    words = ["combative", "assailed", "phony", "elitist hypocrite"]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    out = span_targets(doc, spans, actors=actors).set_index("term")
    assert out.loc["combative", "target"] == "Paul Ryan"
    assert out.loc["combative", "target_rule"].startswith("ranker (p=")
    # a verb is about its subject: no "name follows" for a given span
    assert out.loc["assailed", "target"] == "Marco Rubio"
    # a word in a quotation is about someone other than the speaker
    assert out.loc["phony", "target"] == "Paul Ryan"
    assert out.loc["phony", "target_rule"].startswith("ranker (p=")
    assert out.loc["elitist hypocrite", "target"] == "Marco Rubio"
    assert out.loc["elitist hypocrite", "target_rule"] == "named as"


def _emotive(*words: str) -> Lexicon:
    """A lexicon of negative emotive words."""
    return Lexicon([LexiconEntry(w, category="emotive", polarity=-1) for w in words])


def test_an_evaluative_word_points_at_the_main_person_named_in_its_claim() -> None:
    text = (
        "Paul Ryan unveiled a budget. Ryan spoke in Ohio. Critics said Ryan gave a "
        "disgraceful speech in the restive region, with Joe Biden there."
    )
    doc = Document(doc_id="d", text=text)
    lex = _emotive("disgraceful", "restive")
    terms = find_loaded_terms(doc, lexicon=lex, actors={"Paul Ryan": ["Ryan"], "Joe Biden": []})
    got = dict(zip(terms.term, terms.target, strict=True))
    assert got["disgraceful"] == "Paul Ryan"
    assert got["restive"] is None  # a word on a place is not about a person


# clause, title and name rules (issue 4; chosen on BASIL 2010-2016) ---------------------------
def test_date_words_and_leading_function_words_are_no_actor_names() -> None:
    index = ActorIndex.from_actors({"CNN Friday": [], "At Chick": [], "Anita Russell": []})
    text = "CNN Friday reported it. At Chick a crowd met Anita Russell."
    kinds = refine_kinds(actor_kinds(index), [(text, index.find(text))])
    assert kinds["CNN Friday"] == kinds["At Chick"] == "other"
    assert kinds["Anita Russell"] == "person"


def test_a_titled_surname_actor_is_the_person() -> None:
    index = ActorIndex.from_actors({"Rick Santorum": [], "Mr. Santorum": []})
    text = "Rick Santorum spoke. Mr. Santorum left."
    mentions = index.find(text)
    kinds = refine_kinds(actor_kinds(index), [(text, mentions)])
    linked = link_surnames(mentions, kinds)
    assert {m.actor for m in linked} == {"Rick Santorum"}


def test_the_president_is_the_one_person_so_titled() -> None:
    text = (
        "President Barack Obama met former President Bill Clinton. The president spoke. "
        "The president of the club left. Sen. Ted Cruz and Sen. Mike Lee voted; the senator won."
    )
    index = ActorIndex.from_actors(
        {"Barack Obama": ["Obama"], "Bill Clinton": [], "Ted Cruz": [], "Mike Lee": []}
    )
    kinds = actor_kinds(index)
    found = title_mentions(text, index.find(text), kinds)
    extra = [(text[m.start : m.end], m.actor) for m in found if not named(m)]
    # "former President Clinton" does not hold the title; two senators: "the senator" is unknown
    assert extra == [("president", "Barack Obama")]
    assert all(text[m.start : m.end] == m.text for m in found)
    # a title does not count as naming: the main person is still counted by names
    assert main_people(found, kinds)[0] == ("Barack Obama", 1)


def test_hedge_after_a_name_copula_with_be_and_verbs_before_titles() -> None:
    text = (
        "Graham asked why the military knew when Hillary Clinton apparently did not. "
        "Vicente Fox warned Enrique Pena would be viewed like “a traitor” by voters. "
        "Donald Trump assailed Justice Ruth Ginsburg on Tuesday."
    )
    doc = Document(doc_id="d", text=text)
    lex = Lexicon(
        [
            LexiconEntry("apparently", category="hedge", polarity=0),
            LexiconEntry("traitor", category="delegitimising_label", polarity=-1),
        ]
    )
    actors = {
        "Lindsey Graham": ["Graham"],
        "Hillary Clinton": [],
        "Vicente Fox": [],
        "Enrique Pena": [],
        "Donald Trump": [],
        "Ruth Ginsburg": [],
    }
    terms = find_loaded_terms(doc, lexicon=lex, actors=actors).set_index("term")
    assert tuple(terms.loc["apparently", ["target", "target_rule"]]) == (
        "Hillary Clinton",
        "name before",
    )
    assert tuple(terms.loc["traitor", ["target", "target_rule"]]) == ("Enrique Pena", "copula")
    start = text.index("assailed")
    out = span_targets(doc, [(start, start + len("assailed"))], actors=actors, lexicon=lex)
    assert out.target.iloc[0] == "Donald Trump"  # the object after a verb is not its target


def test_relative_clause_and_pronoun_subject_in_the_claim() -> None:
    text = (
        "Donald Trump met voters. Vicente Fox, who went on a tear, spoke. "
        "Ruth Ginsburg faced a call from Donald Trump to resign as she doubled down on criticism."
    )
    doc = Document(doc_id="d", text=text)
    lex = _emotive("tear", "doubled down")
    actors = {"Donald Trump": ["Trump"], "Vicente Fox": [], "Ruth Ginsburg": []}
    terms = find_loaded_terms(doc, lexicon=lex, actors=actors).set_index("term")
    assert tuple(terms.loc["tear", ["target", "target_rule"]]) == (
        "Vicente Fox",
        "relative clause",
    )
    assert tuple(terms.loc["doubled down", ["target", "target_rule"]]) == (
        "Ruth Ginsburg",
        "he/she: subject",
    )


def test_span_fallbacks_clause_before_a_quotation_and_main_actor() -> None:
    text = (
        "Donald Trump met Meredith Vieira. Mr. Trump told her that he had “real doubts” about "
        "it.\n\nThe AARP spoke. AARP staff met Jane Roe. AARP officials left. "
        "Prices were unaffordable."
    )
    doc = Document(doc_id="d", text=text)
    actors = {"Donald Trump": ["Mr. Trump"], "Meredith Vieira": [], "AARP": [], "Jane Roe": []}
    words = ["real doubts", "unaffordable"]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    out = span_targets(doc, spans, actors=actors).set_index("term")
    # the subject of the clause before the quotation marks, not someone other than the speaker
    assert out.loc["real doubts", "target"] == "Donald Trump"
    # nobody named in the claim: one of the document's actors, chosen by the ranker
    assert out.loc["unaffordable", "target"] in {"AARP", "Donald Trump"}
    assert out.target_rule.str.startswith("ranker (p=").all()


# --- the learnt target ranker of span_targets (claimcompare.terms.ranker) ------------------


def test_shipped_model_has_provenance_and_round_trips() -> None:
    path = Path(__file__).resolve().parents[1] / "claimcompare" / "data" / "target_model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "2010-2016" in data["provenance"]["data"]
    assert "2017" in data["provenance"]["data"]  # says the reported years were not used
    model = TargetRanker.default()
    assert model is not None and model.features_ == FEATURES
    again = TargetRanker.from_dict(model.to_dict())
    X = np.random.RandomState(0).rand(5, len(FEATURES))
    assert np.allclose(again.scores(X), model.scores(X))


def test_bad_parameters_and_models() -> None:
    X, y = np.eye(len(FEATURES)), [1] + [0] * (len(FEATURES) - 1)
    with pytest.raises(ParameterError, match="min_probability"):
        TargetRanker(min_probability=2).fit(X, y)
    with pytest.raises(ParameterError, match="X must be"):
        TargetRanker().fit(X[:, :3], y)
    with pytest.raises(ParameterError, match="format"):
        TargetRanker.from_dict({"format": "other"})


def test_no_candidates_is_unresolved_and_a_threshold_leaves_spans_unresolved() -> None:
    model = TargetRanker.default()
    assert model is not None and model.best([]) is None
    strict = TargetRanker.from_dict({**model.to_dict(), "params": {"C": 1, "min_probability": 1}})
    only = Candidate("Ann Lee", tuple(0.0 for _ in FEATURES))
    assert strict.best([only]) is None
    doc = Document(doc_id="d", text="Prices were unaffordable.")
    out = span_targets(doc, [(12, 24)], actors={"Ann Lee": []})
    assert (out.target.iloc[0], out.target_rule.iloc[0]) == (None, "unresolved")


def test_pattern_rules_win_over_the_ranker() -> None:
    text = "Bo Ray spoke at length. The hapless general Khalifa Haftar left. Bo Ray smiled."
    doc = Document(doc_id="d", text=text)
    start = text.index("hapless")
    out = span_targets(doc, [(start, start + 7)], actors={"Khalifa Haftar": [], "Bo Ray": []})
    assert (out.target.iloc[0], out.target_rule.iloc[0]) == ("Khalifa Haftar", "name follows")


def test_the_speaker_of_a_quotation_is_weighed_down() -> None:
    quoted = "Ann Lee spoke. “Bo Ray is a crook,” Ann Lee said. Ann Lee left."
    plain = "Ann Lee spoke. Bo Ray is a crook, Ann Lee said. Ann Lee left."
    actors: dict[str, list[str]] = {"Ann Lee": [], "Bo Ray": []}
    scores = []
    for text in (quoted, plain):
        start = text.index("crook")
        out = target_candidates(Document(doc_id="d", text=text), [(start, start + 5)],
                                actors=actors).set_index("actor")  # fmt: skip
        scores.append(out.loc["Ann Lee", "score"])
        assert out.loc["Ann Lee", "speaker_quoted"] == float(text is quoted)
    assert scores[0] < scores[1]


def test_bodies_and_groups_are_candidates() -> None:
    text = (
        "President Barack Obama spoke. Romney's campaign hit back at the Obama campaign. "
        "The administration and protesters clashed; Colorado officials watched."
    )
    doc = Document(doc_id="d", text=text)
    index = {"Barack Obama": ["Obama"], "Mitt Romney": ["Romney"]}
    found = target_candidates(doc, [(text.index("clashed"), text.index("clashed") + 7)],
                              actors=index)  # fmt: skip
    groups = set(found.loc[found.group == 1, "actor"])
    assert groups == {"Obama campaign", "Romney campaign", "Obama administration", "protesters",
                      "Colorado officials"}  # fmt: skip
    men = [Mention(10, 22, "Barack Obama", "Barack Obama", "Barack Obama")]
    extra, kinds = body_mentions(text, men, {"Barack Obama": "person"})
    assert all(text[m.start : m.end] == m.text for m in extra)
    assert set(kinds.values()) == {"organisation"}


def test_candidates_are_sorted_by_actor() -> None:
    text = "Ann Lee met Bo Ray. Ann Lee made a fierce attack."
    men = [Mention(s, s + len(n), n, n, n) for s, n in ((0, "Ann Lee"), (12, "Bo Ray"),
           (20, "Ann Lee"))]  # fmt: skip
    kinds = {"Ann Lee": "person", "Bo Ray": "person"}
    claims = claims_of(Document(doc_id="d", text=text))
    found = candidates(text=text, claims=claims, start=35, end=41, mentions=men, kinds=kinds)
    assert [c.actor for c in found] == ["Ann Lee", "Bo Ray"]
    assert all(len(c.features) == len(FEATURES) for c in found)


def test_terms_read_a_given_claims_table_instead_of_splitting_again(seeds: cc.Corpus) -> None:
    claims = cc.split_claims(seeds)
    given = cc.find_loaded_terms(seeds, claims=claims)
    pd.testing.assert_frame_equal(given, cc.find_loaded_terms(seeds))
    # the table is what is read: terms of a claim left out of it belong to no claim
    dropped = given["claim_id"].value_counts().index[0]
    fewer = cc.find_loaded_terms(seeds, claims=claims[claims["claim_id"] != dropped])
    assert len(fewer) == len(given)
    assert fewer["claim_id"].isna().sum() == (given["claim_id"] == dropped).sum() > 0


def test_terms_refuse_claims_of_another_corpus(seeds: cc.Corpus) -> None:
    claims = cc.split_claims(seeds)
    with pytest.raises(cc.InputError, match="not in the corpus"):
        cc.find_loaded_terms(seeds[0], claims=claims)
