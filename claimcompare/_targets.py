"""Helpers for the target rules of :mod:`claimcompare.terms`: actor kinds, pronouns, subjects.

These rules were chosen on the lexical-bias spans of BASIL's 2010-2016 events (the part the
benchmark README allows tuning on); ``python -m claimcompare._eval_terms`` reports them on
2017-2019. Measured on the annotated spans of 2010-2016: the document's most-named person is the
target of 0.49 of them (0.56 once one-word names are linked to people), the sentence's first
named actor of 0.28, the nearest name before the span of 0.27, the headline's first actor of
0.42. The annotated target is seldom the speaker of a quotation, and an evaluative word in a
sentence that names the document's main person is about that person for about three spans in
four; so the rules prefer the main person, named in the claim, else the main person other than
the speaker in quotations. The clause rules (:func:`clause_subject`), the titles
(:func:`title_mentions`) and the cleaning of actor names raised the accuracy on every given
span of 2010-2016 from 0.596 to 0.652; on the reported 2017-2019 it did not move (0.509, then
0.503), where the plain most-named person is right for 0.55.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .actors import Mention
from .claims import Claim

__all__: list[str] = []

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
# A name that precedes the label it is given: "called Obama an “elitist hypocrite”",
# "attacking Obama as a", "dubbed Cruz “Lyin' Ted”".
_NAMED_AS = re.compile(
    r"^(?:['\u2019]s?)?\s+(?:as\s+)?(?:(?:an?|the|his|her|their)\s+)?(?:[a-z][\w-]*\s+)?"
    r"[\"'\u201c\u2018]?$"
)
_CALLING = re.compile(
    r"\b(?:call(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|"
    r"describ(?:es|ed|ing)|attack(?:s|ed|ing)?|accus(?:es|ed|ing)|denounc(?:es|ed|ing))\s+$"
)
# "Obama said", "Ryan says", "Cruz told": a one-word name that speaks is a person's.
_SAID = re.compile(r"(?:\s+(?:also|later|then|has|had))?\s+(?:said|says|told|added)\b")
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:(?:but|and|so|yet|still|then|now)\s+)?(he|she)\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)
_LEAD_PREPOSITION = re.compile(
    r"\b(?:according\s+to|told|to|for|with|from|by|about|against|of|on|at|than)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,3}$"
)
# "X, who ...", "X – who ...": a relative clause about the name right before it.
_RELATIVE = re.compile(r"\s*(?:,|[\u2013\u2014-]+)?\s*who\s+(?:[\w'\u2019-]+\s+){0,4}")
# "he", "she" as the subject right before the words ("as she doubled down").
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she)(?:['\u2019]s)?\s+(?:[a-z][\w'\u2019-]*\s+){0,2}[\"'\u201c\u2018]?$", re.I
)
_NAMING_VERB = re.compile(
    r"\b(?:call(?:s|ed)?|describe[sd]?|dub(?:s|bed)?|label(?:s|l?ed)?|term(?:s|ed)?|"
    r"brand(?:s|ed)?)\b",
    re.I,
)
_ANTECEDENT_CLAIMS = 3  # how many claims back a pronoun looks for its person


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


def named_as(
    text: str, claim: Claim, start: int, mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> Mention | None:
    """A person or group named right before the words they are called ("called Obama a ...").

    The name must follow a verb of calling or attacking ("called", "dubbed", "branded",
    "attacking", "accused") and be followed by at most "as", an article and one word.
    """
    before = [
        m
        for m in mentions
        if claim.start <= m.start
        and m.end <= start
        and kinds.get(m.actor) in ("person", "organisation")
    ]
    if not before:
        return None
    men = before[-1]
    if not _NAMED_AS.match(text[men.end : start]):
        return None
    if not _CALLING.search(text[max(claim.start, men.start - 20) : men.start]):
        return None
    return men


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


def _in_claim(claim: Claim, mentions: Sequence[Mention]) -> list[Mention]:
    return [m for m in mentions if claim.start <= m.start and m.end <= claim.end]


def claim_subject(
    text: str,
    claim: Claim,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    *,
    exclude: frozenset[str] = frozenset(),
) -> Mention | None:
    """The first person or group a claim names outside a prepositional phrase, else the first.

    "According to Pelosi, Trump ..." and "In a letter to Obama, Ryan ..." are about Trump and
    Ryan; a name after "to", "of", "with", ... counts only when the claim names no other.
    """
    named = [
        m
        for m in _in_claim(claim, mentions)
        if kinds.get(m.actor) in ("person", "organisation") and m.actor not in exclude
    ]
    for m in named:
        if not _LEAD_PREPOSITION.search(text[claim.start : m.start]):
            return m
    return named[0] if named else None


def pronoun_person(
    text: str,
    claims: Sequence[Claim],
    k: int,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
) -> str | None:
    """The person a claim's leading "he" or "she" stands for: the subject of a claim before.

    Looks back up to three claims for one whose subject (:func:`claim_subject`) is a person.
    """
    if not _SUBJECT_PRONOUN.match(text[claims[k].start : claims[k].end]):
        return None
    for j in range(k - 1, max(-1, k - 1 - _ANTECEDENT_CLAIMS), -1):
        people = {a: kind for a, kind in kinds.items() if kind == "person"}
        subject = claim_subject(text, claims[j], mentions, people)
        if subject is not None:
            return subject.actor
    return None


def clause_subject(
    text: str,
    claims: Sequence[Claim],
    k: int,
    start: int,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
) -> tuple[str, str] | None:
    """Who the words at ``start`` in ``claims[k]`` are said of, from the clause they are in.

    - a relative clause on a name: "Vicente Fox – who went on a tear" -> Vicente Fox
      (``relative clause``);
    - "he" or "she" up to two words before: the claim's subject named before the pronoun
      ("Ginsburg faced a call from Trump to resign as she doubled down" -> Ginsburg,
      ``he/she: subject``), else the person subject of one of the three claims before
      (``he/she: subject of a claim before``); not after a verb of naming ("what he called
      the “phony theology”" is about someone else).

    Returns ``(actor, rule)`` or None.

    Examples
    --------
    >>> from claimcompare.document import Document
    >>> from claimcompare.claims import claims_of
    >>> text = "Vicente Fox, who went on a tear, spoke. Ann Lee met Bo Ray as she grinned."
    >>> doc = Document(doc_id="d", text=text)
    >>> claims = claims_of(doc)
    >>> people = {"Vicente Fox": "person", "Ann Lee": "person", "Bo Ray": "person"}
    >>> mentions = [Mention(s, s + len(n), n, n, n) for n in people for s in [text.index(n)]]
    >>> mentions.sort(key=lambda m: m.start)
    >>> clause_subject(text, claims, 0, text.index("tear"), mentions, people)
    ('Vicente Fox', 'relative clause')
    >>> clause_subject(text, claims, 1, text.index("grinned"), mentions, people)
    ('Ann Lee', 'he/she: subject')
    >>> text = "Ann Lee met Bo Ray as she called them “lazy”."
    >>> mentions = [Mention(0, 7, "Ann Lee", "Ann Lee", "Ann Lee")]
    >>> claims = claims_of(Document(doc_id="d", text=text))
    >>> clause_subject(text, claims, 0, text.index("lazy"), mentions, people) is None
    True
    """
    claim = claims[k]
    named = [
        m
        for m in mentions
        if claim.start <= m.start
        and m.end <= start
        and kinds.get(m.actor) in ("person", "organisation")
    ]
    if named and _RELATIVE.fullmatch(text, named[-1].end, start):
        return named[-1].actor, "relative clause"
    pronoun = _PRONOUN_BEFORE.search(text, claim.start, start)
    if pronoun is None or _NAMING_VERB.search(pronoun.group()):
        return None  # "what he called the “phony theology”": words about someone else
    people = {a: kind for a, kind in kinds.items() if kind == "person"}
    head = replace(claim, end=pronoun.start(), text=text[claim.start : pronoun.start()])
    subject = claim_subject(text, head, mentions, people)
    if subject is not None:
        return subject.actor, "he/she: subject"
    for j in range(k - 1, max(-1, k - 1 - _ANTECEDENT_CLAIMS), -1):
        subject = claim_subject(text, claims[j], mentions, people)
        if subject is not None:
            return subject.actor, "he/she: subject of a claim before"
    return None


def third_person_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has "he", "him", "his", "she" or "her" in it."""
    return _THIRD_PERSON.search(text, start, end) is not None


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
    found: list[Mention] = []
    for m in people:
        hit = _BODY_AFTER.match(text, m.end)
        if hit is not None:
            name = f"{_untitled(m.actor).split()[-1]} {hit.group('body')}"
            found.append(Mention(m.start, hit.end(), text[m.start : hit.end()], name, name))
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
    taken = [(m.start, m.end) for m in [*mentions, *found]]
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
    found.sort(key=lambda m: (m.start, m.end))
    return found, {m.actor: "organisation" for m in found}
