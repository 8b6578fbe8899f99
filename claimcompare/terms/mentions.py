"""Who a document names, and what each actor is: kinds, and the mentions the actor index misses.

The first step of the target rules: actors are sorted into people, organisations and others
(:func:`actor_kinds`, corrected by how the texts use names: :func:`refine_kinds`); bare surnames,
titled names and "the president" become mentions of their person (:func:`corpus_mentions`), and
bodies and groups ("the Obama campaign", "protesters") are found for the ranker
(:func:`body_mentions`). What each correction is for is in docs/loaded-terms.md.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ..actors import ActorIndex, ActorsLike, Mention, find_actors, gazetteer_entries
from ..document import Document
from ..errors import ParameterError

__all__ = [
    "PLACE_WORDS",
    "actor_index",
    "actor_kinds",
    "body_mentions",
    "corpus_mentions",
    "link_surnames",
    "main_actors",
    "main_people",
    "name_tokens",
    "named",
    "refine_kinds",
    "surname_mentions",
    "title_mentions",
]

_PARTICLES = frozenset(
    "al el bin ibn bint abu abd de del della di da du dos das van von der den ter ten le la".split()
)
_ORG_WORDS = frozenset(
    """
    accord administration agency alliance army assembly authority bank brigade brigades cabinet
    coalition command commission committee company corporation council court courts empire
    federation force forces front fund government group guard guards house kingdom league media
    ministry movement national nations network news office organisation organization parliament
    party police press republic security state states tv union university
    """.split()
)
PLACE_WORDS = frozenset(
    "north south east west eastern western northern southern central city island islands gulf "
    "sea valley province region".split()
)
# A date word in a name marks a capitalisation accident of the actor finder ("CNN Friday"),
# and so does a capitalised function word or verb at its start ("At Chick", "Asked Wednesday").
_DATE_WORDS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December
    """.split()
)
_NOT_NAME_START = frozenset(
    """
    A An And As Asked At But By During For From If In Into It On Or Since So That The Then This
    Though To Under Until When Where While With Without Yet
    """.split()
)
# A title word before a surname in an actor's name: "Mr. Santorum", "Sen. Cruz".
_TITLE_WORDS = frozenset(
    "mr mrs ms dr sen senator rep representative gov governor president gen general".split()
)
# A person's title right before a one-word name: "President Obama", "Mr. Ryan", "Sen. Cruz".
_TITLE_BEFORE = re.compile(
    r"\b(?:President|Vice\s+President|Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Representative|Gov|"
    r"Governor|Justice|Judge|Secretary|Speaker|Mayor|Minister|Prime\s+Minister|Gen|General|"
    r"Leader|Chairman|Chairwoman|candidate|nominee|Pope|King|Queen|Prince)\.?\s+$"
)
# Plural nouns for members of a party, creed or movement ("Democrats", "Senate Republicans").
_GROUP_SUFFIX = re.compile(r"(?:ans|ats|ists|ives|ics|ites|ers|als)$")
_MEDIA_WORDS = frozenset(
    """
    journal post times news standard magazine tribune herald gazette review network channel
    radio daily weekly telegraph guardian observer monitor chronicle record report
    """.split()
)
# US states are places, though two capitalised words look like a person's name.
_US_STATES = frozenset(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
    """.split()
) | {
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
}
# "R-Ariz", "D-N.Y.": a party and state tag after a lawmaker's name, not an actor.
_PARTY_TAG = re.compile(r"^[RDI][-\u2010\u2011][A-Z][\w.]*$")
# "Obama said", "Ryan says", "Cruz told": a one-word name that speaks is a person's.
_SAID = re.compile(r"(?:\s+(?:also|later|then|has|had))?\s+(?:said|says|told|added)\b")


def actor_index(actors: ActorsLike | None, docs: list[Document]) -> ActorIndex:
    """The actors targets are chosen from: ``actors`` as an index, or those the documents name."""
    if actors is None:
        return ActorIndex.from_frame(find_actors(docs))
    if isinstance(actors, ActorIndex):
        return actors
    if isinstance(actors, pd.DataFrame | Mapping):
        return ActorIndex.from_actors(actors)
    raise ParameterError(
        "actors must be None, an ActorIndex, a find_actors() frame or {actor: [aliases]}, "
        f"got {type(actors).__name__}"
    )


def name_tokens(name: str) -> list[str]:
    """The words of an actor's name, split at spaces and hyphens."""
    return [t for t in re.split(r"[\s\u2010\u2011-]+", name) if t]


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The countries of the shipped actor gazetteer: the actors it gives a demonym."""
    return frozenset(e.actor for e in gazetteer_entries() if e.kind == "demonym")


def actor_kinds(index: ActorIndex) -> dict[str, str]:
    """Sort actors into ``person``, ``organisation`` and ``other`` (places, countries) by name.

    A country of the shipped gazetteer (one with a demonym) is ``other``; an actor with an
    acronym among its aliases, or a word such as Army, Government, Council or National in its
    name, is an ``organisation``; two or more capitalised name words (name particles such as
    "al" left aside, no compass or place word) make a ``person``; the rest is ``other``.

    Examples
    --------
    >>> index = ActorIndex.from_actors(
    ...     {"Khalifa Haftar": ["Haftar"], "Libyan National Army": ["LNA"], "Sirte": [],
    ...      "United Arab Emirates": ["UAE"], "Al Jazeera": []})
    >>> kinds = actor_kinds(index)
    >>> [kinds[a] for a in ("Khalifa Haftar", "Libyan National Army", "Sirte", "Al Jazeera")]
    ['person', 'organisation', 'other', 'other']
    >>> kinds["United Arab Emirates"]  # a country of the gazetteer
    'other'
    """
    countries = _countries()
    kinds: dict[str, str] = {}
    for actor in index.actors:
        tokens = name_tokens(actor)
        words = {t.lower() for t in tokens}
        acronym = any(_is_acronym(a) for a in index.aliases(actor))
        if actor in countries:
            kinds[actor] = "other"
        elif acronym or words & _ORG_WORDS:
            kinds[actor] = "organisation"
        elif (
            len([t for t in tokens if t.lower() not in _PARTICLES]) >= 2
            and not words & PLACE_WORDS
            and all(t[0].isupper() or t.lower() in _PARTICLES for t in tokens)
        ):
            kinds[actor] = "person"
        else:
            kinds[actor] = "other"
    return kinds


def _is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


def corpus_mentions(
    docs: Sequence[Document], index: ActorIndex
) -> tuple[list[list[Mention]], dict[str, str]]:
    """Each document's actor mentions, surnames and titles linked, and each actor's kind.

    The kinds are refined over all the documents at once (a title before a one-word name in one
    text makes it a person's name in every text): :func:`actor_kinds`, :func:`surname_mentions`,
    :func:`refine_kinds`, :func:`link_surnames`, :func:`title_mentions`.
    """
    base = actor_kinds(index)
    found = [surname_mentions(d.text, index.find(d.text), base) for d in docs]
    kinds = refine_kinds(base, [(d.text, f) for d, f in zip(docs, found, strict=True)])
    linked = [link_surnames(f, kinds) for f in found]
    return [title_mentions(d.text, f, kinds) for d, f in zip(docs, linked, strict=True)], kinds


def refine_kinds(
    kinds: Mapping[str, str], mentions: Iterable[tuple[str, Sequence[Mention]]]
) -> dict[str, str]:
    """Kinds of :func:`~claimcompare.terms.actor_kinds`, corrected by how the texts use names.

    - a one-word name that a title precedes somewhere ("President Obama", "Mr. Ryan") is a
      ``person``;
    - a name ending in a plural member noun ("Democrats", "Senate Republicans") is a group,
      an ``organisation``;
    - a name with a publication word ("Wall Street Journal", "Huffington Post") is
      ``other``, not a person or organisation (a source, not whom the words are about);
    - a name of two or more words with a weekday or month in it ("CNN Friday") or that starts
      with a capitalised function word or verb ("At Chick", "Asked Wednesday") is ``other``:
      the actor finder joined capitalised words that are not one name.

    ``mentions`` is ``(text, mentions of the index in text)`` for each document.
    """
    out = dict(kinds)
    titled: set[str] = set()
    for text, found in mentions:
        for men in found:
            if _TITLE_BEFORE.search(text[max(0, men.start - 30) : men.start]) or _SAID.match(
                text, men.end
            ):
                titled.add(men.actor)
    for actor, kind in kinds.items():
        words = actor.split()
        last = words[-1] if words else ""
        if kind == "other" and len(words) == 1 and actor in titled and actor[:1].isupper():
            out[actor] = "person"
        elif (
            kind != "organisation"
            and last[:1].isupper()
            and _GROUP_SUFFIX.search(last)
            and not (len(words) >= 2 and kind == "person" and actor in titled)
        ):
            out[actor] = "organisation"
        lowered = {w.lower() for w in words}
        if out[actor] != "other" and lowered & _MEDIA_WORDS:
            out[actor] = "other"  # a publication is a source, not whom the words are about
        if actor in _US_STATES or _PARTY_TAG.match(actor) or re.search(r"[a-z]ic$", last):
            out[actor] = "other"  # a state, a party tag, an adjective ("Roman Catholic")
        if len(words) >= 2 and (set(words) & _DATE_WORDS or words[0] in _NOT_NAME_START):
            out[actor] = "other"  # "CNN Friday", "At Chick": not a name
    return out


def named(mention: Mention) -> bool:
    """Whether a mention names its actor (not "the president" of :func:`title_mentions`)."""
    return not mention.alias.startswith(_TITLE_ALIAS)


def main_actors(mentions: Sequence[Mention], kinds: Mapping[str, str]) -> list[tuple[str, int]]:
    """People and organisations of a document by named mentions, most first, ties by name.

    Examples
    --------
    >>> men = [Mention(0, 4, "AARP", "AARP", "AARP"), Mention(9, 13, "AARP", "AARP", "AARP"),
    ...        Mention(20, 29, "John Roe", "John Roe", "John Roe")]
    >>> main_actors(men, {"AARP": "organisation", "John Roe": "person"})
    [('AARP', 2), ('John Roe', 1)]
    """
    counts = Counter(
        m.actor for m in mentions if kinds.get(m.actor) in ("person", "organisation") and named(m)
    )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def main_people(mentions: Sequence[Mention], kinds: Mapping[str, str]) -> list[tuple[str, int]]:
    """People of a document by mentions, most first, ties by name (deterministic).

    Only names count: "the president" (:func:`title_mentions`) does not.
    """
    counts = Counter(m.actor for m in mentions if kinds.get(m.actor) == "person" and named(m))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def surname_mentions(
    text: str, mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> list[Mention]:
    """``mentions`` plus bare surnames of people the index did not link ("Obama" alone).

    A surname counts for a person with two or more name words when no other person or actor
    shares it; a capitalised occurrence that no mention covers becomes a mention (alias: the
    surname). Sorted by position.
    """
    owners: dict[str, set[str]] = {}
    for actor, kind in kinds.items():
        words = actor.split()
        if _untitled(actor) != actor and " " not in _untitled(actor):
            continue  # "Mr. Obama" is linked to its person by link_surnames
        for w in words[-1:]:
            owners.setdefault(w, set()).add(actor if kind == "person" and len(words) >= 2 else "")
    surnames = {
        w: next(iter(a))
        for w, a in owners.items()
        if len(a) == 1 and "" not in a and len(w) >= 3 and w[:1].isupper() and w not in kinds
    }
    if not surnames:
        return list(mentions)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if any(a < e and s < b for a, b in taken):
            continue
        actor = surnames[hit.group()]
        extra.append(Mention(start=s, end=e, text=hit.group(), actor=actor, alias=hit.group()))
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


def _untitled(actor: str) -> str:
    """An actor's name without leading title words: "Mr. Santorum" -> "Santorum"."""
    words = actor.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


# Titles a person holds in a text ("President Obama", "Sen. Cruz") and the common noun that
# stands for them later ("the president", "the senator").
_TITLE_NOUNS = {
    "president": "president",
    "sen": "senator",
    "senator": "senator",
    "gov": "governor",
    "governor": "governor",
    "speaker": "speaker",
    "secretary": "secretary",
    "mayor": "mayor",
    "sheriff": "sheriff",
    "justice": "justice",
    "judge": "judge",
    "gen": "general",
    "general": "general",
    "congressman": "congressman",
    "congresswoman": "congresswoman",
    "chairman": "chairman",
    "chairwoman": "chairwoman",
}
_TITLED = re.compile(
    r"(?<![\w-])(?P<prev>former|then|ex|vice|deputy|lieutenant|assistant|attorney|surgeon|"
    r"press|state|under)?[\s-]*\b(?P<title>President|Sen|Senator|Gov|Governor|Speaker|Secretary|"
    r"Mayor|Sheriff|Justice|Judge|Gen|General|Congressman|Congresswoman|Chairman|Chairwoman)"
    r"\.?\s+$",
    re.IGNORECASE,
)
_TITLE_ALIAS = "the "
_THE_TITLE = re.compile(
    r"\b(?:the|The)\s+(?P<title>president|senator|governor|speaker|secretary|mayor|sheriff|"
    r"justice|judge|general|congressman|congresswoman|chairman|chairwoman)\b"
    r"(?!\s+(?:of|for|pro)\b)(?!\s+[A-Z])"
)


def title_mentions(
    text: str, mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> list[Mention]:
    """``mentions`` plus "the president", "the senator" for the text's one person so titled.

    A person holds a title in a text when it stands right before one of their mentions
    ("President Obama", "Sen. Cruz"), not after "former", "vice", "then-", ... . Where exactly
    one person holds a title, each "the <title>" (not followed by "of", "for" or a name) is
    a mention of that person (the title noun itself; alias: "the <title>"). Sorted by position.

    Examples
    --------
    >>> text = "President Obama met Sen. Ted Cruz. The president spoke; the senator left."
    >>> men = [Mention(10, 15, "Obama", "Barack Obama", "Obama"),
    ...        Mention(25, 33, "Ted Cruz", "Ted Cruz", "Ted Cruz")]
    >>> kinds = {"Barack Obama": "person", "Ted Cruz": "person"}
    >>> [(m.text, m.actor) for m in title_mentions(text, men, kinds)][2:]
    [('president', 'Barack Obama'), ('senator', 'Ted Cruz')]
    """
    holders: dict[str, set[str]] = {}
    for men in mentions:
        if kinds.get(men.actor) != "person":
            continue
        hit = _TITLED.search(text[max(0, men.start - 40) : men.start])
        if hit is None or hit.group("prev"):
            continue
        noun = _TITLE_NOUNS[hit.group("title").lower()]
        holders.setdefault(noun, set()).add(men.actor)
    titled = {noun: next(iter(who)) for noun, who in holders.items() if len(who) == 1}
    if not titled:
        return list(mentions)
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for hit in _THE_TITLE.finditer(text):
        noun = hit.group("title").lower()
        s, e = hit.span("title")
        if noun not in titled or any(a < e and s < b for a, b in taken):
            continue
        extra.append(Mention(s, e, hit.group("title"), titled[noun], _TITLE_ALIAS + noun))
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


def link_surnames(mentions: Sequence[Mention], kinds: Mapping[str, str]) -> list[Mention]:
    """Mentions of a one-word actor ("Obama") given to the one person whose surname it is.

    :func:`~claimcompare.actors.find_actors` sometimes keeps "Obama" (or "Mr. Obama") apart
    from "Barack Obama"; where exactly one person of two or more name words ends in the
    one-word name (a leading title such as "Mr." or "Sen." left aside), its mentions are that
    person's.

    Examples
    --------
    >>> men = [Mention(0, 12, "Mr. Santorum", "Mr. Santorum", "Mr. Santorum")]
    >>> kinds = {"Rick Santorum": "person", "Mr. Santorum": "other"}
    >>> [m.actor for m in link_surnames(men, kinds)]
    ['Rick Santorum']
    """
    full: dict[str, set[str]] = {}
    for actor, kind in kinds.items():
        words = _untitled(actor).split()
        if kind == "person" and len(words) >= 2:
            full.setdefault(words[-1], set()).add(actor)
    out = []
    for m in mentions:
        bare = _untitled(m.actor)
        owners = full.get(bare, set()) if " " not in bare else set()
        if len(owners) == 1:
            m = Mention(
                start=m.start, end=m.end, text=m.text, actor=next(iter(owners)), alias=m.alias
            )
        out.append(m)
    return out


# Bodies and groups the actor finder does not produce, named in the text: "the Obama
# administration", "Romney's campaign", "his administration", "Colorado officials", "protesters".
_BODY_NOUNS = ("administration", "campaign")
_BODY_AFTER = re.compile(
    r"(?:['\u2019]s?)?\s+(?:(?:presidential|re-?election|reelection)\s+)?"
    r"(?P<body>administration|campaign)\b"
)
_BODY_PRONOUN = re.compile(
    r"\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]his)\s+(?:(?:presidential|re-?election|reelection)\s+)?"
    r"(?P<body>administration|campaign)\b"
)
_GROUP_NOUN = re.compile(
    r"\b(?:(?P<mod>[A-Z][a-z]+)\s+)?(?P<noun>protesters|protestors|demonstrators|lawmakers|"
    r"legislators|officials|activists|plaintiffs|conservatives|liberals|critics|opponents|"
    r"supporters|voters)\b"
)
_GROUP_MOD_STOP = _NOT_NAME_START | {"Some", "Many", "Other", "Most", "Several", "These", "Those"}


def body_mentions(
    text: str, mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> tuple[list[Mention], dict[str, str]]:
    """Mentions of bodies around a person and of groups, for the target ranker.

    - "<person>'s administration/campaign" ("the Obama administration", "Romney's campaign"):
      the body ``"<surname> administration"``;
    - "his/her administration/campaign": the body of the last person named before it;
      "the administration/campaign": the last such body named before it, else for
      "administration" the one person the text titles "President";
    - a plural noun for a group of people ("protesters", "Colorado officials", "Republican
      lawmakers"): the group, named by its capitalised modifier and the noun.

    Returns ``(mentions, kinds)``: only the new mentions, sorted by position, and the kind
    (``organisation``) of each new actor.

    Examples
    --------
    >>> text = "President Obama spoke. The Obama campaign hit back. Later, protesters and the "
    >>> text += "administration clashed; Colorado officials watched."
    >>> men = [Mention(10, 15, "Obama", "Barack Obama", "Obama"),
    ...        Mention(27, 32, "Obama", "Barack Obama", "Obama")]
    >>> found, kinds = body_mentions(text, men, {"Barack Obama": "person"})
    >>> [(text[m.start:m.end], m.actor) for m in found]  # doctest: +NORMALIZE_WHITESPACE
    [('Obama campaign', 'Obama campaign'), ('protesters', 'protesters'),
     ('administration', 'Obama administration'), ('Colorado officials', 'Colorado officials')]
    """
    people = [m for m in mentions if kinds.get(m.actor) == "person"]
    found = _bodies_referred_to(text, people, _bodies_named_after(text, people))
    found += _group_mentions(text, [*mentions, *found])
    found.sort(key=lambda m: (m.start, m.end))
    return found, {m.actor: "organisation" for m in found}


def _bodies_named_after(text: str, people: Sequence[Mention]) -> list[Mention]:
    """ "the Obama administration", "Romney's campaign": the body after a person's mention."""
    found: list[Mention] = []
    for m in people:
        hit = _BODY_AFTER.match(text, m.end)
        if hit is not None:
            name = f"{_untitled(m.actor).split()[-1]} {hit.group('body')}"
            found.append(Mention(m.start, hit.end(), text[m.start : hit.end()], name, name))
    return found


def _bodies_referred_to(
    text: str, people: Sequence[Mention], named: Sequence[Mention]
) -> list[Mention]:
    """``named`` plus "his administration", "the campaign", ...: whose body each one is.

    "his"/"her": the last person named before it; "the", "this": the last body of that noun
    named (or referred to) before it, else for "administration" the one person the text titles
    "President".
    """
    found = list(named)
    president = {
        m.actor
        for m in people
        if re.search(r"\bPresident\s+$", text[max(0, m.start - 12) : m.start])
    }
    for hit in _BODY_PRONOUN.finditer(text):
        s, e = hit.span("body")
        if any(f.start <= s < f.end for f in found):
            continue
        body = hit.group("body")
        det = hit.group("det").lower()
        owner = None
        if det in ("his", "her"):
            before = [m for m in people if m.end <= hit.start()]
            owner = _untitled(before[-1].actor).split()[-1] if before else None
        else:
            earlier = [f for f in found if f.end <= s and f.actor.endswith(body)]
            if earlier:
                owner = earlier[-1].actor.rsplit(" ", 1)[0]
            elif body == "administration" and len(president) == 1:
                owner = _untitled(next(iter(president))).split()[-1]
        if owner is not None:
            name = f"{owner} {body}"
            found.append(Mention(s, e, text[s:e], name, text[hit.start() : e]))
    return found


def _group_mentions(text: str, taken_by: Sequence[Mention]) -> list[Mention]:
    """ "protesters", "Colorado officials": groups named by a plural noun, where no mention is."""
    taken = [(m.start, m.end) for m in taken_by]
    found: list[Mention] = []
    for hit in _GROUP_NOUN.finditer(text):
        mod = hit.group("mod")
        if mod in _GROUP_MOD_STOP:
            mod = None
        s = hit.start("mod") if mod else hit.start("noun")
        e = hit.end()
        if any(a < e and s < b for a, b in taken):
            continue
        name = f"{mod} {hit.group('noun')}" if mod else hit.group("noun")
        found.append(Mention(s, e, text[s:e], name, text[s:e]))
    return found
