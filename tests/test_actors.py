"""Tests for the claimcompare.actors package: discovery, merging, ActorIndex, actor_mentions."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.actors import (
    ActorIndex,
    GazetteerEntry,
    Mention,
    actor_mentions,
    find_actors,
    gazetteer_entries,
)
from claimcompare.document import Corpus, Document
from claimcompare.errors import InputError, ParameterError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_documents() -> list[Document]:
    """The seed articles as plain documents (no cleaning: the loader is tested elsewhere)."""
    return [
        Document(doc_id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def _corpus(*texts: str) -> Corpus:
    return Corpus([Document(doc_id=f"d{i}", text=t) for i, t in enumerate(texts)])


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    docs = _seed_documents()
    assert len(docs) == 5
    return Corpus(docs)


@pytest.fixture(scope="module")
def table(seeds: Corpus) -> pd.DataFrame:
    return find_actors(seeds)


def _actor_of(table: pd.DataFrame) -> dict[str, str]:
    return dict(zip(table["alias"], table["actor"], strict=True))


# --------------------------------------------------------------------------------------------
# merges on the seeds


@pytest.mark.parametrize(
    ("actor", "aliases"),
    [
        ("Khalifa Haftar", ["Khalifa Haftar", "Haftar", "Hafar"]),
        ("Fayez al-Sarraj", ["Fayez al-Sarraj", "Sarraj", "Fayez al-Serraj"]),
        ("Ahmad al-Mesmari", ["Ahmad al-Mesmari", "al-Mesmari", "Ahmed al-Mismari", "Mismari"]),
        ("Libyan National Army", ["Libyan National Army", "LNA"]),
        ("Government of National Accord", ["Government of National Accord", "GNA"]),
        ("United Nations", ["United Nations", "UN"]),
        ("United Arab Emirates", ["United Arab Emirates", "UAE"]),
        ("Recep Tayyip Erdogan", ["Recep Tayyip Erdogan", "Tayyip Recep Erdogan", "Erdogan"]),
        ("Muammar Gaddafi", ["Muammar Gaddafi", "Gaddafi"]),
        ("Libya", ["Libya", "Libyan"]),
        ("Turkey", ["Turkey", "Turkish"]),
    ],
)
def test_seed_merges(table: pd.DataFrame, actor: str, aliases: list[str]) -> None:
    actor_of = _actor_of(table)
    for alias in aliases:
        assert actor_of.get(alias) == actor, (alias, actor_of.get(alias))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Egypt", "Erdogan"),
        ("Tripoli", "Tobruk"),
        ("LNA", "GNA"),
        ("Libya", "Libyan National Army"),
        ("Haftar", "Sarraj"),
        ("Turkey", "Tripoli"),
        ("Sirte", "Syria"),
        ("United Nations", "United Arab Emirates"),
        ("Mismari", "Gnounou"),
    ],
)
def test_seed_distinct_names_stay_apart(table: pd.DataFrame, a: str, b: str) -> None:
    actor_of = _actor_of(table)
    assert a in actor_of and b in actor_of
    assert actor_of[a] != actor_of[b]


def test_seed_rules_explain_each_merge(table: pd.DataFrame) -> None:
    rule = dict(zip(table["alias"], table["rule"], strict=True))
    score = dict(zip(table["alias"], table["score"], strict=True))
    assert rule["Haftar"] == "surname of 'Khalifa Haftar'"
    assert rule["Hafar"] == "fuzzy ratio 90.9 with 'Haftar'"
    assert score["Hafar"] == pytest.approx(90.91, abs=0.01)
    assert rule["LNA"] == "acronym expansion 'Libyan National Army (LNA)'"
    assert rule["GNA"] == "acronym expansion 'Government of National Accord (GNA)'"
    assert rule["UAE"] == "gazetteer"
    assert rule["Libyan"] == "demonym of 'Libya' (gazetteer)"
    assert rule["Tayyip Recep Erdogan"] == "words reordered from 'Recep Tayyip Erdogan'"
    assert rule["Fayez al-Serraj"].startswith("fuzzy ratio ")
    assert rule["Khalifa Haftar"].startswith("canonical")
    assert set(score) and all(0 < s <= 100 for s in score.values())


def test_seed_table_shape(table: pd.DataFrame) -> None:
    assert list(table.columns[:6]) == ["actor", "alias", "count", "doc_ids", "rule", "score"]
    assert not table.duplicated(["actor", "alias"]).any()
    assert not table["alias"].duplicated().any()
    for doc_ids in table["doc_ids"]:
        assert isinstance(doc_ids, tuple) and list(doc_ids) == sorted(set(doc_ids))
    for actor, rows in table.groupby("actor"):
        assert actor in set(rows["alias"])
        assert (rows["actor_count"] == rows["count"].sum()).all()
    assert table["actor_count"].is_monotonic_decreasing
    assert table.iloc[0]["actor"] == "Libya"


def test_seed_filters_titles_possessives_and_common_words(table: pd.DataFrame) -> None:
    aliases = set(table["alias"])
    for junk in [
        "General Khalifa Haftar",
        "Prime Minister",
        "President",
        "Haftar’s",
        "Haftar's",
        "Meanwhile",
        "However",
        "Last Thursday",
        "Thursday",
        "January",
        "Join",
        "Forces",
        "Government",
        "Militia",
        "Laisser",
        "The United Nations",
        "AM",
    ]:
        assert junk not in aliases, junk
    assert all("’" not in a and "'" not in a for a in aliases)


def test_counts_agree_with_mentions(seeds: Corpus, table: pd.DataFrame) -> None:
    mentions = actor_mentions(seeds, table)
    assert mentions.groupby("alias").size().to_dict() == {
        a: c for a, c in zip(table["alias"], table["count"], strict=True) if c
    }
    docs = {d.doc_id: d.text for d in seeds}
    for doc_id, start, end, text in mentions[["doc_id", "start", "end", "text"]].values:
        assert docs[doc_id][start:end] == text
    haftar = mentions[mentions.actor == "Khalifa Haftar"]
    assert {"Haftar", "Khalifa Haftar", "Hafar"} <= set(haftar.text)


def test_actor_mentions_default_infers(seeds: Corpus, table: pd.DataFrame) -> None:
    inferred = actor_mentions(seeds)
    assert inferred.equals(actor_mentions(seeds, ActorIndex.from_frame(table)))
    assert list(inferred.columns) == ["doc_id", "start", "end", "text", "actor", "alias"]


REFERENCE: dict[str, pd.DataFrame] = {}


@settings(max_examples=10, deadline=None)
@given(st.permutations(_seed_documents()))
def test_order_independence(docs: list[Document]) -> None:
    if "seeds" not in REFERENCE:
        REFERENCE["seeds"] = find_actors(Corpus(_seed_documents()))
    pd.testing.assert_frame_equal(find_actors(Corpus(docs)), REFERENCE["seeds"])


# --------------------------------------------------------------------------------------------
# merges and safeguards on small texts


def test_particle_spelling_variants() -> None:
    table = find_actors(
        _corpus("Talks with al-Sarraj failed on Monday.", "Officials close to al-Serraj said no.")
    )
    actor_of = _actor_of(table)
    assert actor_of["al-Serraj"] == actor_of["al-Sarraj"]
    assert {r for r in table["rule"] if r.startswith("fuzzy")} == {
        "fuzzy ratio 83.3 with 'al-Sarraj'"
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Saleh", "Salem"),  # consonant substituted
        ("Biden", "Baden"),  # short names with a substitution
        ("Austria", "Australia"),  # two edits
        ("Niger", "Nigeria"),  # prefix
        ("Gambia", "Zambia"),  # first letter differs
        ("Hamas", "Hamad"),
        ("Johnson", "Johnsen"),  # substitution in the ending
    ],
)
def test_fuzzy_safeguards(a: str, b: str) -> None:
    table = find_actors(
        _corpus(f"Reports say {a} agreed.", f"Later, officials from {b} disagreed."),
        gazetteer=False,
    )
    actor_of = _actor_of(table)
    assert actor_of[a] != actor_of[b]


def test_acronym_never_fuzzy_and_reverse_expansion() -> None:
    table = find_actors(
        _corpus(
            "The LNA (Libyan National Army) attacked.",
            "The GNA replied, and the LNA withdrew; the UNA watched.",
        )
    )
    actor_of = _actor_of(table)
    assert actor_of["LNA"] == "Libyan National Army"
    assert actor_of["GNA"] != actor_of["LNA"] != actor_of["UNA"]


def test_ambiguous_surname_is_not_merged() -> None:
    table = find_actors(
        _corpus("Donald Trump met Ivanka Trump in Paris.", "Later, aides said Trump left.")
    )
    actor_of = _actor_of(table)
    assert actor_of["Donald Trump"] != actor_of["Ivanka Trump"]
    assert actor_of["Trump"] not in {"Donald Trump", "Ivanka Trump"}


def test_dominant_full_name_takes_a_shared_surname() -> None:
    texts = [f"President Joe Biden spoke on day {i}. Biden then left." for i in range(9)]
    texts.append("Jill Biden smiled while Biden waved.")
    table = find_actors(_corpus(*texts))
    row = table[table.alias == "Biden"].iloc[0]
    assert row.actor == "Joe Biden"
    assert row.rule == "surname of 'Joe Biden' (9 of 10 full-name mentions)"
    assert _actor_of(table)["Jill Biden"] == "Jill Biden"


def test_surname_needs_an_article_with_the_full_name() -> None:
    table = find_actors(_corpus("Donald Trump spoke.", "Reporters asked Trump."))
    assert _actor_of(table)["Trump"] == "Trump"
    table = find_actors(_corpus("Donald Trump spoke and Trump left.", "Reporters asked Trump."))
    assert _actor_of(table)["Trump"] == "Donald Trump"


def test_shorter_forms_respect_initials() -> None:
    table = find_actors(
        _corpus(
            "George W. Bush met George H. W. Bush and Donald J. Trump.",
            "Donald Trump later said Trump would go.",
        )
    )
    actor_of = _actor_of(table)
    assert actor_of["George W. Bush"] != actor_of["George H. W. Bush"]
    assert actor_of["Donald J. Trump"] == actor_of["Donald Trump"] == actor_of["Trump"]


def test_case_variants_but_not_surnames() -> None:
    table = find_actors(
        _corpus(
            "New COVID cases rose while Covid deaths fell.",
            "The GAO said George Gao and Gao agreed.",
        )
    )
    actor_of = _actor_of(table)
    assert actor_of["Covid"] == actor_of["COVID"]
    assert actor_of["Gao"] == "George Gao" != actor_of["GAO"]


def test_title_case_lines_propose_no_names() -> None:
    table = find_actors(
        _corpus("Find Your Next Security Clearance Job Today\nOfficials said Haftar met Sarraj.")
    )
    assert set(table["alias"]) == {"Haftar", "Sarraj"}


def test_demonyms_option_and_gazetteer_option() -> None:
    corpus = _corpus(
        "Some Libyan forces left Libya.", "The UAE and the United Arab Emirates agreed."
    )
    assert _actor_of(find_actors(corpus))["Libyan"] == "Libya"
    actor_of = _actor_of(find_actors(corpus, demonyms=False))
    assert actor_of["Libyan"] == "Libyan" and actor_of["Libya"] == "Libya"
    actor_of = _actor_of(find_actors(corpus, gazetteer=False))
    assert actor_of["UAE"] != actor_of["United Arab Emirates"]


def test_min_count_and_fuzzy_off() -> None:
    corpus = _corpus("Haftar met Hafar; Haftar left.", "Reporters asked Haftar about Sirte.")
    table = find_actors(corpus, min_count=2)
    assert set(table["actor"]) == {"Haftar"}
    table = find_actors(corpus, fuzzy_threshold=100)
    assert _actor_of(table)["Hafar"] == "Hafar"


def test_hyphenated_compounds_and_possessives() -> None:
    table = find_actors(
        _corpus(
            "Turkey-Russia's talks and the Tripoli-based government met pro-Haftar groups.",
            "Turkey and Russia said Haftar’s men and the UN-backed cabinet would talk.",
        )
    )
    aliases = set(table["alias"])
    assert {"Turkey", "Russia", "Tripoli", "Haftar", "UN"} <= aliases
    assert not any("-" in a and a[0].isupper() for a in aliases)


def test_empty_corpus() -> None:
    table = find_actors(Corpus([]))
    assert table.empty and list(table.columns[:4]) == ["actor", "alias", "count", "doc_ids"]


# --------------------------------------------------------------------------------------------
# user actors


def test_user_actors_win(seeds: Corpus) -> None:
    user = {"Haftar camp": ["Haftar", "LNA"], "Emirates": ["UAE"], "Nobody": ["Zzyzx"]}
    table = find_actors(seeds, user)
    actor_of = _actor_of(table)
    for actor, aliases in user.items():
        for alias in aliases:
            assert actor_of[alias] == actor
            row = table[table.alias == alias].iloc[0]
            assert row.rule == "user"
    assert actor_of["Libyan National Army"] == "Haftar camp"  # inferred alias joins a user actor
    assert table.loc[table.alias == "Zzyzx", "count"].item() == 0


def test_user_actors_keep_apart_what_inference_would_merge() -> None:
    corpus = _corpus("Haftar met Hafar; Haftar left.", "Reporters asked Haftar.")
    assert _actor_of(find_actors(corpus))["Hafar"] == "Haftar"
    frame = pd.DataFrame({"actor": ["Haftar", "Hafar"], "alias": ["Haftar", "Hafar"]})
    actor_of = _actor_of(find_actors(corpus, frame))
    assert actor_of["Hafar"] == "Hafar" and actor_of["Haftar"] == "Haftar"


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ({"A": ["X"], "B": ["X"]}, "assigned to two actors"),
        ({"A": ["x y"], "B": ["X  Y"]}, None),
        ({"A": "Haftar"}, "must be a list of strings"),
        ({"": ["X"]}, "non-empty string"),
        ({"A": [""]}, "non-empty string"),
        ({"A": ["!!!"]}, "no letters or digits"),
        (pd.DataFrame({"name": ["A"], "alias": ["B"]}), "lacks column\\(s\\) \\['actor'\\]"),
        (["A", "B"], "must be a mapping"),
    ],
)
def test_user_actor_errors(actors: object, message: str | None) -> None:
    corpus = _corpus("X met Y.")
    if message is None:
        find_actors(corpus, actors)  # type: ignore[arg-type]
        return
    # a bad value is a ParameterError, a frame without the columns an InputError
    with pytest.raises(ValueError, match=message):
        find_actors(corpus, actors)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_count": 0}, "min_count"),
        ({"min_count": True}, "min_count"),
        ({"min_count": 1.5}, "min_count"),
        ({"fuzzy_threshold": 101}, "fuzzy_threshold"),
        ({"fuzzy_threshold": "80"}, "fuzzy_threshold"),
        ({"fuzzy_threshold": -1}, "fuzzy_threshold"),
        ({"gazetteer": "yes"}, "gazetteer"),
        ({"demonyms": None}, "demonyms"),
    ],
)
def test_parameter_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        find_actors(_corpus("Haftar left."), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("corpus", ["Haftar left.", Document(doc_id="a", text="x"), [1, 2], 3])
def test_corpus_errors(corpus: object) -> None:
    with pytest.raises(ParameterError, match="corpus"):
        find_actors(corpus)  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="corpus"):
        actor_mentions(corpus)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# ActorIndex


INDEX = ActorIndex.from_actors(
    {
        "Khalifa Haftar": ["Haftar", "Hafar", "Field Marshal Haftar"],
        "Fayez al-Sarraj": ["Sarraj", "al-Sarraj"],
        "United States": ["US", "U.S."],
        "United Nations": ["UN"],
        "Libyan National Army": ["LNA"],
        "Government of National Accord": ["GNA"],
    }
)


def _spans(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in INDEX.find(text)]


def test_find_longest_match_boundaries_and_possessives() -> None:
    text = "Khalifa Haftar’s LNA and Haftarism; UNESCO, the UN's envoy and us, the U.S. and US."
    assert _spans(text) == [
        ("Khalifa Haftar", "Khalifa Haftar"),
        ("LNA", "Libyan National Army"),
        ("UN", "United Nations"),
        ("U.S.", "United States"),
        ("US", "United States"),
    ]
    mention = INDEX.find("Haftar’s men")[0]
    assert (mention.start, mention.end) == (0, 6)


def test_find_particles_hyphens_case_and_lines() -> None:
    assert _spans("Al-Sarraj, al Sarraj, Fayez Al-Sarraj and SARRAJ.") == [
        ("Al-Sarraj", "Fayez al-Sarraj"),
        ("al Sarraj", "Fayez al-Sarraj"),
        ("Fayez Al-Sarraj", "Fayez al-Sarraj"),
        ("SARRAJ", "Fayez al-Sarraj"),
    ]
    # an alias never runs over a line break or punctuation
    assert _spans("Khalifa\nHaftar") == [("Haftar", "Khalifa Haftar")]
    assert _spans("Khalifa, Haftar") == [("Haftar", "Khalifa Haftar")]
    assert _spans("the Government of National Accord") == [
        ("Government of National Accord", "Government of National Accord")
    ]


def test_canonical() -> None:
    assert INDEX.canonical("Haftar") == "Khalifa Haftar"
    assert INDEX.canonical("General Khalifa Haftar’s") == "Khalifa Haftar"
    assert INDEX.canonical("Field Marshal Haftar") == "Khalifa Haftar"
    assert INDEX.canonical("haftar") == "Khalifa Haftar"
    assert INDEX.canonical("U.N.") == "United Nations"
    assert INDEX.canonical("Prime Minister Fayez al-Sarraj") == "Fayez al-Sarraj"
    assert INDEX.canonical("Sirte") is None
    assert INDEX.canonical("") is None
    assert INDEX.actors == sorted(INDEX.actors) and len(INDEX.actors) == 6


def test_index_is_immutable_and_comparable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        INDEX.pairs = ()  # type: ignore[misc]
    mention = INDEX.find("Haftar")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.start = 3  # type: ignore[misc]
    again = ActorIndex.from_frame(INDEX.to_frame())
    assert again == INDEX and hash(again) == hash(INDEX)
    assert ActorIndex.from_actors(INDEX) is INDEX


def test_index_errors() -> None:
    with pytest.raises(ParameterError, match="two actors"):
        ActorIndex.from_actors({"A": ["Haftar"], "B": ["haftar", "Haftar"]})
    with pytest.raises(ParameterError, match="two actors"):
        ActorIndex.from_actors({"A": ["B"], "B": []})
    with pytest.raises(ParameterError, match="DataFrame"):
        ActorIndex.from_frame({"actor": ["A"]})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'alias'"):
        ActorIndex.from_frame(pd.DataFrame({"actor": ["A"]}))
    with pytest.raises(ParameterError, match="text must be a string"):
        INDEX.find(None)  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="name must be a string"):
        INDEX.canonical(3)  # type: ignore[arg-type]


def test_gazetteer_file_is_consistent() -> None:
    path = Path(__file__).resolve().parent.parent / "claimcompare" / "data" / "actor_gazetteer.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "Hand-written" in lines[0]
    frame = pd.read_csv(path, comment="#")
    assert list(frame.columns) == ["actor", "alias", "kind"]
    assert set(frame["kind"]) == {"alias", "demonym"}
    ActorIndex.from_frame(frame)  # raises if an alias belonged to two actors


def test_gazetteer_entries_are_the_file_rows_in_order() -> None:
    path = Path(__file__).resolve().parent.parent / "claimcompare" / "data" / "actor_gazetteer.csv"
    frame = pd.read_csv(path, comment="#", keep_default_na=False)
    entries = gazetteer_entries()
    assert [(e.actor, e.alias, e.kind) for e in entries] == list(
        frame.itertuples(index=False, name=None)
    )
    assert all(isinstance(e, GazetteerEntry) for e in entries)
    assert gazetteer_entries() is entries  # read once


# --------------------------------------------------------------------------------------------
# properties


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_round_trip_on_any_text(text: str) -> None:
    previous_end = 0
    for m in INDEX.find(text):
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text and m.start < m.end
        assert m.start >= previous_end
        previous_end = m.end
        assert m.start == 0 or not text[m.start - 1].isalnum()
        assert m.end == len(text) or not text[m.end].isalnum()
        assert INDEX.canonical(m.text) == m.actor


ALIASES = sorted({alias for _, alias in INDEX.pairs})
FILLER = ["said", "met", "in", "forces", "us", "the", "of", "2020", "é"]
SEPARATORS = [", ", "; ", " - ", "\n", " (", ") ", ": "]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(ALIASES), st.sampled_from(FILLER)),
            st.sampled_from(["", "’s", "'s"]),
            st.sampled_from(SEPARATORS),
        ),
        max_size=12,
    )
)
def test_planted_aliases_are_found_exactly(parts: list[tuple[str, str, str]]) -> None:
    text = ""
    expected = []
    for word, suffix, separator in parts:
        if word in ALIASES:
            expected.append((len(text), len(text) + len(word), INDEX.canonical(word)))
        text += word + suffix + separator
    found = [(m.start, m.end, m.actor) for m in INDEX.find(text)]
    assert found == expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["Haftar", "Hafar", "Sirte", "LNA", "Libya", "x"]), max_size=8))
def test_find_agrees_with_a_slow_reference(words: list[str]) -> None:
    # For single-word aliases the index must agree with a plain regular expression per alias.
    text = " ".join(words)
    index = ActorIndex.from_actors({"Khalifa Haftar": ["Haftar", "Hafar"], "LNA": []})
    slow = sorted(
        (m.start(), m.end())
        for alias in ["Haftar", "Hafar", "LNA"]
        for m in re.finditer(rf"(?<!\w){alias}(?!\w)", text)
    )
    assert [(m.start, m.end) for m in index.find(text)] == slow


# --------------------------------------------------------------------------------------------
# public data (skipped where ../shared/benchmarks is absent)

NEUS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "benchmarks"
    / "neus-allsides"
    / "allsides_headline_roundups_2021-10-19.jsonl"
)


def test_neus_allsides_merges() -> None:
    if not NEUS.exists():
        pytest.skip("../shared/benchmarks/neus-allsides is not available")
    import json

    docs = []
    for line in NEUS.read_text(encoding="utf-8").splitlines()[:120]:
        story = json.loads(line)
        for side, article in (story.get("news") or {}).items():
            body = "\n".join(article.get("newBody") or [])
            if body.strip():
                docs.append(Document(doc_id=f"{story['id']}-{side}", text=body))
    table = find_actors(Corpus(docs))
    actor_of = _actor_of(table)
    assert actor_of["Biden"] == "Joe Biden"
    assert actor_of["CDC"] == "Centers for Disease Control"
    assert actor_of["Americans"] == actor_of["US"] == "United States"
    for actor, alias, rule in table[["actor", "alias", "rule"]].values:
        if rule.startswith("surname of "):
            assert actor.split()[-1].endswith(alias.split()[-1]), (actor, alias)
    # never two different acronyms under one inferred actor
    for actor, rows in table[table.rule.str.startswith(("canonical", "acronym"))].groupby("actor"):
        acronyms = {a for a in rows.alias if a.isupper() and len(a) > 1}
        assert len(acronyms) <= 1, (actor, acronyms)
