"""Gold alignment of the five seed articles, as a careful reader of them would draw it.

The seeds are five articles on Libya: Press TV (000, 002, 003; one outlet), an article without
a known outlet (001) and Ansar Press (004). Claims are named by their article and a piece of
their text, not by their number, so that a change in sentence splitting does not silently move
the gold onto other claims.

Each group below lists the claims that state the same thing and says why; ``required`` are the
members the aligner must put in one cluster, ``allowed`` those that may join them. Every
cluster must stay inside one group: a cluster mixing two groups, or holding a claim of none,
is an error (unrelated claims aligned). Outcomes are tested, not scores: the pair model may
change, these judgements do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.align import Alignment, ClaimAligner

#: A claim: its article's number and a piece of its text.
Ref = tuple[str, str]


@dataclass(frozen=True)
class Group:
    name: str
    why: str
    required: tuple[Ref, ...]
    allowed: tuple[Ref, ...] = ()


GROUPS = (
    Group(
        "background",
        "Libya in chaos / violence / civil war since Gaddafi fell in 2011 after an uprising: "
        "000 and 003 verbatim, 004 says 'increasing violence', 002 and 001 reword the whole "
        "sentence ('in chaos ... led to the ouster', 'embroiled in internal fighting and civil "
        "war since the fall of Gaddafi in 2011 following a popular uprising').",
        required=(
            ("000", "Libya has been the scene of chaos since 2011"),
            ("001", "Libya has been embroiled in internal fighting"),
            ("002", "Libya has been in chaos since 2011"),
            ("003", "Libya has been the scene of chaos since 2011"),
            ("004", "Libya has been the scene of increasing violence"),
        ),
    ),
    Group(
        "liberation",
        "Haftar's spokesman al-Mesmari: Sirte 'has been totally liberated' (000 quotes the "
        "same words 001 quotes, 001 adds 'from terrorist groups'). 001's sentence also says "
        "the operation lasted hours, which 000 states in its next sentence.",
        required=(
            ("000", "Ahmad al-Mesmari, a spokesman for General"),
            ("001", "Sirte has been totally liberated"),
        ),
        allowed=(("000", "He said the militia took over the city after an operation"),),
    ),
    Group(
        "backers",
        "Haftar is backed by Egypt and the UAE: 000 says only that; 001 ('Egypt, the UAE and "
        "Russia backing Haftar'), 002 ('The rebels, backed by the UAE, Egypt, and Jordan') and "
        "003 ('Backed by Egypt and the UAE and Saudi Arabia, Haftar's forces ...') state it as "
        "one clause of a longer sentence, each with a different third backer: a set conflict "
        "for the comparison stage, which only sees it if the four are aligned.",
        required=(
            ("000", "Haftar is backed by Egypt"),
            ("001", "Turkey has rushed troops into the country"),
            ("002", "The rebels, backed by the United Arab Emirates"),
            ("003", "Backed by Egypt and the UAE and Saudi Arabia"),
        ),
    ),
    Group(
        "turkish deployment",
        "Erdogan said Turkish troops are deploying to Libya (000, 001). 003 ('Ankara recently "
        "deployed 35 troops in Tripoli') states the deployment too, and the second clauses of "
        "000's lead ('as Turkey has started deploying troops to support the ... government') "
        "and the first of 001's proxy-war sentence ('Turkey has rushed troops into the "
        "country') as well.",
        required=(
            ("000", "And Turkish President Recep Tayyip Erdogan said last Sunday"),
            ("001", "Turkey President Tayyip Recep Erdogan said that troops"),
        ),
        allowed=(
            ("003", "Ankara recently deployed 35 troops"),
            ("000", "Militia members operating under the command"),
            ("001", "Turkey has rushed troops into the country"),
        ),
    ),
    Group(
        "turkey supports the GNA",
        "Turkey supports the Tripoli government (GNA): 003 says so; 001's proxy-war sentence "
        "ends 'while Turkey and Qatar support the GNA'; 002 calls Turkey the one 'which "
        "militarily backs the government'.",
        required=(),
        allowed=(
            ("003", "The Turkish government is among those who support the GNA"),
            ("001", "Turkey has rushed troops into the country"),
            ("002", "The self-styled commander of the rebels in Libya"),
        ),
    ),
    Group(
        "divided",
        "Since 2014 Libya is split between two rival camps / governments, east (Tobruk) and "
        "west (Tripoli, al-Sarraj): 000 and 003 verbatim, 002 reworded, 004 without the date.",
        required=(),
        allowed=(
            ("000", "Since 2014, Libya has been divided"),
            ("002", "Since 2014, two rival seats of power"),
            ("003", "Since 2014, Libya has been divided"),
            ("004", "Libya is now divided between two rival governments"),
        ),
    ),
    Group(
        "sirte taken",
        "Haftar's forces took Sirte: 000's lead ('militia ... seized control of the coastal city "
        "of Sirte') and 001's ('fighters loyal to ... Haftar have taken the city of Sirte'): "
        "each claim goes on with something else, so it is their first clauses that agree "
        "(relation shared_clause).",
        required=(
            ("000", "Militia members operating under the command"),
            ("001", "Libyan fighters loyal to rogue general"),
        ),
    ),
    Group(
        "offensive on Tripoli",
        "Haftar's offensive on Tripoli launched in April (last year) and stalled on the "
        "outskirts: 000, 002, 003, and 001's 'failed to make a breakthrough in his bloody "
        "assault on the Libyan capital'.",
        required=(),
        allowed=(
            ("000", "In April, he launched an offensive"),
            ("001", "After Haftar failed to make a breakthrough"),
            ("002", "The rebels launched a deadly offensive"),
            ("003", "Backed by Egypt and the UAE and Saudi Arabia"),
        ),
    ),
    Group(
        "haftar and the east",
        "Haftar sides with the eastern camp: 000 ('... militia groups apparently supporting "
        "the eastern camp') and 004 ('Haftar is presumably loyal to the one in the east').",
        required=(),
        allowed=(
            ("000", "Haftar is the self-proclaimed commander"),
            ("004", "Haftar is presumably loyal to the one in the east"),
        ),
    ),
)

#: Pairs that must not be aligned (not in .pairs, not in one cluster), and why.
APART = (
    (
        ("001", "Sirte has been totally liberated"),
        ("004", "Sarraj said he had ordered pro-government forces"),
        "both quote 'from terrorist groups': three common words, not the same quotation",
    ),
    (
        ("000", "Ahmad al-Mesmari, a spokesman for General"),
        ("004", "Additionally, LNA spokesman Ahmed al-Mismari"),
        "the same spokesman (two spellings) says different things: Sirte liberated / clashes "
        "near Gharyan",
    ),
    (
        ("000", "And Turkish President Recep Tayyip Erdogan said last Sunday"),
        ("002", "In another development on Saturday, US President Donald Trump"),
        "both name Erdogan: troops deploying / a phone call with Trump",
    ),
    (
        ("000", "Haftar is backed by Egypt"),
        ("003", "The Turkish government is among those who support the GNA"),
        "two different clauses of 001's proxy-war sentence: a long claim must not chain them",
    ),
    (
        ("000", "Haftar is backed by Egypt"),
        ("000", "Libya has been the scene of chaos since 2011"),
        "backers and Gaddafi's fall",
    ),
    (
        ("000", "Militia members operating under the command"),
        ("004", "Forces loyal to Libyan strongman Khalifa Haftar"),
        "the same story (Haftar's forces on the move, Tripoli's government), not the same "
        "claim: Sirte seized while Turkey deploys / an advance on the west, skirmishes south "
        "of Tripoli",
    ),
)


@pytest.fixture(scope="module")
def claims(seed_claims: pd.DataFrame) -> pd.DataFrame:
    return seed_claims


@pytest.fixture(scope="module")
def alignment(seed_alignment: Alignment) -> Alignment:
    return seed_alignment


def _id(claims: pd.DataFrame, ref: Ref) -> str:
    doc, snippet = ref
    hit = claims[
        claims.doc_id.str.startswith(doc + "_") & claims.text.str.contains(snippet, regex=False)
    ]
    assert len(hit) == 1, f"gold claim {ref} matches {len(hit)} claims"
    return str(hit.claim_id.iloc[0])


def _cluster(alignment: Alignment) -> dict[str, int]:
    return dict(zip(alignment.clusters.claim_id, alignment.clusters.cluster_id, strict=True))


def _pair_keys(alignment: Alignment) -> set[tuple[str, str]]:
    return set(zip(alignment.pairs.claim_a, alignment.pairs.claim_b, strict=True))


@pytest.mark.parametrize("group", [g for g in GROUPS if g.required], ids=lambda g: g.name)
def test_required_claims_share_a_cluster(
    claims: pd.DataFrame, alignment: Alignment, group: Group
) -> None:
    cluster = _cluster(alignment)
    ids = [_id(claims, ref) for ref in group.required]
    found = {cid: cluster.get(cid) for cid in ids}
    assert None not in found.values() and len(set(found.values())) == 1, (group.why, found)


def test_every_cluster_stays_inside_one_gold_group(
    claims: pd.DataFrame, alignment: Alignment
) -> None:
    groups = {g.name: {_id(claims, ref) for ref in g.required + g.allowed} for g in GROUPS}
    for _, rows in alignment.clusters.groupby("cluster_id"):
        members = set(rows.claim_id)
        assert any(members <= g for g in groups.values()), sorted(members)


@pytest.mark.parametrize("apart", APART, ids=lambda p: p[2][:40])
def test_unrelated_claims_are_not_aligned(
    claims: pd.DataFrame, alignment: Alignment, apart: tuple[Ref, Ref, str]
) -> None:
    a, b = sorted((_id(claims, apart[0]), _id(claims, apart[1])))
    assert (a, b) not in _pair_keys(alignment), apart[2]
    cluster = _cluster(alignment)
    assert a not in cluster or cluster[a] != cluster.get(b), apart[2]


def test_containment_explains_the_backers(claims: pd.DataFrame, alignment: Alignment) -> None:
    short = _id(claims, ("000", "Haftar is backed by Egypt"))
    long = _id(claims, ("001", "Turkey has rushed troops into the country"))
    row = alignment.pairs[(alignment.pairs.claim_a == short) & (alignment.pairs.claim_b == long)]
    assert len(row) == 1
    assert row.relation.iloc[0] == "containment" and row.contained.iloc[0] == short
    # UAE and United Arab Emirates are one actor
    assert "United Arab Emirates" in row.shared_actors.iloc[0]
    # the GNA clause of the same sentence is a containment too, but stays out of the cluster
    gna = _id(claims, ("003", "The Turkish government is among those who support the GNA"))
    row = alignment.pairs[(alignment.pairs.claim_a == long) & (alignment.pairs.claim_b == gna)]
    assert list(row.relation) == ["containment"] and list(row.contained) == [gna]


def test_the_liberation_quote_is_shared(claims: pd.DataFrame, alignment: Alignment) -> None:
    a = _id(claims, ("000", "Ahmad al-Mesmari, a spokesman for General"))
    b = _id(claims, ("001", "Sirte has been totally liberated"))
    row = alignment.pairs[(alignment.pairs.claim_a == a) & (alignment.pairs.claim_b == b)]
    assert len(row) == 1 and row.shared_quote.iloc[0] == "has been totally liberated"


def test_corpus_actors_give_the_same_required_clusters(claims: pd.DataFrame) -> None:
    actors = cc.find_actors(cc.load_corpus("seeds/"))
    alignment = ClaimAligner(actors=actors).align(claims)
    cluster = _cluster(alignment)
    for group in GROUPS:
        ids = {cluster.get(_id(claims, ref)) for ref in group.required}
        assert len(ids) <= 1 and None not in ids, group.name


@pytest.mark.xfail(reason="known misses: below the threshold, or too uneven for the model")
@pytest.mark.parametrize(
    "pair",
    [
        (("001", "Turkey President Tayyip Recep Erdogan"), ("003", "Ankara recently deployed")),
        # Ansar Press's short "Libya is now divided between two rival governments" against a
        # sentence that names both seats of power, their leader and backers: it has 12 % of the
        # longer one's content, and no pair of the model's training data that uneven was a
        # paraphrase (align.cluster.UNEVEN).
        (("004", "Libya is now divided between two"), ("002", "Since 2014, two rival seats")),
    ],
    ids=["ankara deployed", "divided"],
)
def test_known_misses(claims: pd.DataFrame, alignment: Alignment, pair: tuple[Ref, Ref]) -> None:
    cluster = _cluster(alignment)
    a, b = (_id(claims, ref) for ref in pair)
    assert a in cluster and cluster[a] == cluster.get(b)
