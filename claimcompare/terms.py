r"""Loaded terms in context: which words each outlet uses, in whose voice, and about whom.

:func:`find_loaded_terms` runs the lexicon once over each document's text, places every match in
its claim and in the voice span that holds it, and points it at an actor.

Voice
-----
``voice`` is the voice of the match itself, from the claim's voice spans (:func:`split_claims`):
``outlet`` (the outlet's own words, including the attribution frame "X claimed"), ``quoted``
(inside quotation marks) or ``attributed`` (reported paraphrase). ``speaker`` is the claim's
speaker for quoted and attributed matches, None for the outlet's. ``voice_rule`` says why:

- ``voice span``: the voice of the span.
- ``distancing marker``: "what it called", "what they described as" outside quotation marks are
  always the outlet's words, whatever the span.
- ``attribution verb``: a loaded attribution verb ("claimed", "insisted") outside quotation marks
  is the outlet's choice of verb for what a speaker did, even inside paraphrase ("they announced
  that they had withdrawn, but also claimed to have killed ...").
- ``outlet's description in paraphrase``: a legitimising label on a government
  ("the internationally-recognized government", "UN-backed authorities") inside paraphrase of
  someone other than that government ("Haftar insisted he would fight forces of the
  internationally-recognized government"): the label is the outlet's way of identifying the
  government in its own report, not the speaker's word (the government's opponents do not call
  it recognised); paraphrase of the government itself keeps the speaker's voice. Only a label
  that modifies the word "government" (or authorities, administration) that follows it;
  "government forces" in paraphrase stays the speaker's.
- ``speaker's own side in paraphrase``: a negative label in paraphrase aimed at the speaker, or
  after "his"/"her"/"its"/"their" ("Haftar urged his self-proclaimed Libyan National Army"): no one
  calls their own side self-proclaimed, so the word is the outlet's.

Scare quotes
------------
A quotation of one to three words is a scare quote when the claim it stands in has no speaker
(the outlet puts the words in quotation marks without saying whose they are), or when a
distancing marker stands right before it ("what it called “terrorist groups”"), and it does not
make up most of its claim. It is reported as an extra row: ``category`` ``scare_quote``, ``entry``
``scare quotes``, ``voice`` ``outlet``, ``term`` the quoted words without the marks, polarity -1,
weight 0.5. The words inside keep their own rows, in ``quoted`` voice. A short quotation whose
claim names a speaker ("the "colonial" intervention", Haftar urged) is that speaker's word.

Targets
-------
``target`` is the canonical name of an actor of the :class:`ActorIndex`, or None;
``target_rule`` says how it was found. Actors are sorted into people, organisations and others
(places, countries) by their names (see :func:`actor_kinds`); only people and organisations are
targets of the local rules. Rules, first that applies wins:

=================================  ==============================================================
``inside actor mention``           the match lies in a mention of an actor (a user's alias)
``name follows``                   up to three words, no comma or function word, then a name:
                                   "renegade general Khalifa Haftar", "self-styled Libyan
                                   National Army" (the label attaches to the name that follows it,
                                   even after a possessive: "Haftar's self-proclaimed LNA" -> LNA)
``name before``                    a name right before: "LNA militia"
``possessive``                     "Haftar's self-styled forces"
``X-linked``                       "Haftar-linked militias" (also -backed, -led, -aligned, -allied)
``copula``                         "Haftar is the self-proclaimed commander of ... militia groups"
``his/her``                        "his decades-long brutal rule": the last person named before
                                   it in the claim or the two claims before
``apposition``                     a short noun phrase set off by a comma before a name: "The
                                   self-styled commander of the rebels in Libya, Khalifa Haftar,"
``loyal to`` (and ``of``, ...)     "militia loyal to X", "forces of X", "commander of the rebels":
                                   X is a name or another label, whose target is then taken
``government``                     a label on or with the word "government" (or authorities,
                                   administration: "government forces") and no name: the one
                                   actor of the index whose name holds "Government" (so the
                                   "internationally-recognized government of Fayez al-Sarraj" is
                                   the Government of National Accord, not al-Sarraj); unresolved
                                   if there are none or several
``coreference``                    "the rebels", "the militia" (a definite article, a
                                   demonstrative or a possessive before it): the target of an
                                   earlier match of the same entry in the same document
``relative clause``,               an evaluative word (``emotive``, not an intensifier, not
``he/she: subject``,               on a place: "the restive region") that no rule above
``he/she: subject of a claim       resolves: the name a relative clause is on ("Vicente Fox -
before``, ``main person of the     who went on a tear"), the claim's subject before a "he"/"she"
document, named in the claim``     right before the word ("Ginsburg faced ... as she doubled
                                   down"); outside quotation marks also the person a leading
                                   "he"/"she" stands for, else the person the document names
                                   most often if the claim names them (chosen on BASIL
                                   2010-2016, where the annotated target was this person for
                                   about three spans in four); in quotation marks only the
                                   clause before the marks ("he said he had “real doubts”")
``headline``                       a label for a person ("general", "commander", "strongman",
                                   ...) with no name: the one person the headline names
``main person of the document``    else the person the document names most often (strictly more
                                   than any other)
``unresolved``                     none of the above: target None
=================================  ==============================================================

Kinds and mentions are corrected first (``claimcompare._targets``): a one-word name after a
title ("President Obama") or before "said" is a person's, and it is the person's whose surname
it is where one person has it ("Obama" -> "Barack Obama"); a bare surname the index misses
counts as a mention of that person; plural member nouns ("Democrats", "Senate Republicans")
are groups (organisations); US states, party tags ("R-Ariz"), adjectives ("Roman Catholic")
and publications ("Wall Street Journal") are not targets, nor are names with a weekday or
month ("CNN Friday") or starting with a function word ("At Chick"); a titled surname actor
("Mr. Santorum") is its person's. "The president", "the senator", ... is a mention of the one
person the document gives that title ("President Obama"), used by the local rules but not
counted as naming them.
A match that is the whole of an "actor mention" ("Lyin'") is not inside one.

Hedges and loaded attribution verbs ("reportedly", "claimed") point at the claim's speaker
(``speaker of the claim``) where it names an actor (a hedge right after a name is about that
name: "Clinton apparently was not", ``name before``), else at the claim's subject: the first person
or organisation named or labelled in the claim, else the first actor named before the hedge
(``subject of the claim``).
A distancing marker and a scare quote with a speaker point at that speaker
(``whose words are quoted``).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from . import _rank_targets, _targets
from .actors import ActorIndex, ActorsLike, Mention, find_actors, gazetteer_entries
from .claims import Claim, claims_of
from .document import Corpus, Document, documents_of
from .errors import ParameterError
from .lexicon import Lexicon, TermMatch

__all__ = [
    "SPAN_COLUMNS",
    "TERM_COLUMNS",
    "actor_kinds",
    "find_loaded_terms",
    "span_targets",
    "target_candidates",
]

logger = logging.getLogger(__name__)

TERM_COLUMNS = [
    "doc_id",
    "outlet",
    "claim_id",
    "start",
    "end",
    "term",
    "entry",
    "category",
    "polarity",
    "weight",
    "voice",
    "speaker",
    "target",
    "target_rule",
    "voice_rule",
    "kind",
]

_OPTIONAL_COLUMNS = ("claim_id", "speaker", "target", "kind")

SPAN_COLUMNS = [
    "start",
    "end",
    "term",
    "claim_id",
    "category",
    "voice",
    "speaker",
    "target",
    "target_rule",
    "voice_rule",
]

SCARE_QUOTE = "scare_quote"
UNRESOLVED = "unresolved"
_SPEAKER_CATEGORIES = frozenset({"hedge", "loaded_attribution"})

_WORD = re.compile(r"\w+")
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
_PLACE_WORDS = frozenset(
    "north south east west eastern western northern southern central city island islands gulf "
    "sea valley province region".split()
)
_PERSON_NOUNS = frozenset(
    """
    autocrat chief chieftain commander commanders despot dictator field general leader leaders
    marshal premier president ruler spokesman strongman strongmen tyrant warlord warlords
    """.split()
)
_GROUP_NOUNS = frozenset(
    """
    army fighters force forces group groups gunmen junta militants militia militias rebels
    regime troops
    """.split()
)
_PLACE_NOUNS = _PLACE_WORDS | frozenset(
    "area areas capital country countries district districts land region regions territory "
    "town towns village villages".split()
)
_GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration"})
_ROLE_NOUNS = (
    _PERSON_NOUNS
    | _GROUP_NOUNS
    | frozenset(
        "senator sen rep representative governor gov mr mrs ms dr justice secretary speaker mayor "
        "candidate nominee minister chairman congressman congresswoman billionaire".split()
    )
)
_FUNCTION = frozenset(
    """
    a about after against an and as at before but by for from in into like of on or over than
    that the their these this those to toward towards upon whether which who whom whose with
    """.split()
)
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "his", "her", "its", "their"})
_COPULA = re.compile(
    r"\s+(?:is|was|are|were|remains|remained|became|becomes|has\s+been|had\s+been|have\s+been|"
    r"(?:would|will|could|might|may|to)\s+be)"
    r"\s+(?:[\w\"'\u201c\u2018-]+\s+){0,8}[\"'\u201c\u2018]?$"
)
_LINKED = re.compile(r"[-\u2010\u2011](?:linked|backed|led|aligned|allied)\s+(?:[\w-]+\s+){0,2}$")
# a given span that ends like a verb form ("assailed", "mocking"), unless a determiner precedes
# it ("the embattled general")
_VERB_SPAN = re.compile(r"[a-z](?:ed|ing)$")
_POSSESSIVE = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}$")
_PRONOUN = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_OWN_SIDE = re.compile(r"\b(?:his|her|its|their)\s+$", re.IGNORECASE)
_LINK = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?P<link>loyal\s+to|allied\s+(?:to|with)|aligned\s+with|"
    r"linked\s+to|under\s+the\s+command\s+of|commanded\s+by|led\s+by|of)"
    r"\s+(?:(?:the|a|an)\s+)?"
)
# "what it called", "what they described as": the outlet distancing itself from a speaker's label.
_DISTANCING = re.compile(
    r"\b(?:what\s+(?:it|they|he|she)\s+(?:call(?:s|ed)?|term(?:s|ed)?|describe[sd]?\s+as|"
    r"dubbed|labell?ed|branded)|so-called)\s*[\"'\u201c\u2018\u00ab]?\s*$",
    re.IGNORECASE,
)
_DISTANCING_TERM = re.compile(r"^what\s", re.IGNORECASE)
_SCARE_MAX_WORDS = 3
_SCARE_POLARITY = -1
_SCARE_WEIGHT = 0.5
_NP_WORDS = 6  # longest stretch on either side of a label inside an appositive noun phrase
_SPAN_ENTRY = "span"  # the entry of spans given to span_targets
_NAME_GAP = re.compile(r"(?:[\s\u2010\u2011-]+[\w.]+){0,3}?[\s\u2010\u2011-]+|")


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved target: the actor and the rule that found it."""

    actor: str | None
    rule: str


_NONE = _Found(None, UNRESOLVED)


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\u2010\u2011-]+", name) if t]


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
    countries = {e.actor for e in gazetteer_entries() if e.kind == "demonym"}
    kinds: dict[str, str] = {}
    for actor in index.actors:
        tokens = _name_tokens(actor)
        words = {t.lower() for t in tokens}
        acronym = any(_is_acronym(a) for a in index.aliases(actor))
        if actor in countries:
            kinds[actor] = "other"
        elif acronym or words & _ORG_WORDS:
            kinds[actor] = "organisation"
        elif (
            len([t for t in tokens if t.lower() not in _PARTICLES]) >= 2
            and not words & _PLACE_WORDS
            and all(t[0].isupper() or t.lower() in _PARTICLES for t in tokens)
        ):
            kinds[actor] = "person"
        else:
            kinds[actor] = "other"
    return kinds


def _is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


@dataclass
class _Context:
    """What the rules of one document look at; ``memo`` caches resolved matches."""

    doc: Document
    claims: list[Claim]
    matches: list[TermMatch]
    mentions: list[Mention]
    kinds: Mapping[str, str]
    government: str | None
    memo: dict[int, _Found] = field(default_factory=dict)
    active: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.claim_starts = [c.start for c in self.claims]
        self.mention_starts = [m.start for m in self.mentions]
        self.match_starts = [m.start for m in self.matches]
        self.headline = next((c for c in self.claims if c.kind == "heading"), None)
        people = Counter(
            m.actor
            for m in self.mentions
            if self.kinds.get(m.actor) == "person" and _targets.named(m)
        )
        ranked = people.most_common(2)
        self.main_person: tuple[str, int] | None = None
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            self.main_person = ranked[0]

    # lookups --------------------------------------------------------------------------------
    def claim_at(self, pos: int) -> Claim | None:
        i = bisect.bisect_right(self.claim_starts, pos) - 1
        if i >= 0 and self.claims[i].start <= pos < self.claims[i].end:
            return self.claims[i]
        return None

    def claim_index(self, claim: Claim) -> int:
        return self.claim_starts.index(claim.start)

    def targetable(self, mention: Mention) -> bool:
        return self.kinds.get(mention.actor) in ("person", "organisation")

    def next_mention(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, pos)
        return self.mentions[i] if i < len(self.mentions) else None

    def previous_mention(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        while i >= 0 and self.mentions[i].end > pos:
            i -= 1
        return self.mentions[i] if i >= 0 else None

    def match_starting(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.match_starts, pos)
        if i < len(self.matches) and self.matches[i].start == pos:
            return i
        return None

    def head(self, m: TermMatch) -> str | None:
        """The noun a label is about: its own last word, or one of the two words after it."""
        words = [w.lower() for w in _WORD.findall(m.text)][-1:]
        after = self.text[m.end : m.end + 60]
        words += [w for w in re.findall(r"[\w-]+", after)[:3] if w[:1].islower()][:2]
        for w in words:
            if w in _PERSON_NOUNS or w in _GROUP_NOUNS or w in _GOVERNMENT_NOUNS:
                return w
        return None

    def speaker_target(self, claim: Claim) -> _Found | None:
        """The actor a claim's speaker names: a person or organisation, else a labelled one."""
        if claim.speaker_start is None or claim.speaker_end is None:
            return None
        s, e = claim.speaker_start, claim.speaker_end
        inside = [m for m in self.mentions if s <= m.start and m.end <= e]
        heads = [m for m in inside if not _POSSESSIVE.match(self.text[m.end : m.end + 3] + " ")]
        heads = [m for m in heads if self.text[m.end : m.end + 1] not in "-\u2010\u2011"]
        for m in [m for m in heads if self.targetable(m)] + heads:
            return _Found(m.actor, "speaker of the claim")
        for i, match in enumerate(self.matches):
            if s <= match.start and match.end <= e and match.category not in _SPEAKER_CATEGORIES:
                found = self.resolve(i)
                if found.actor is not None:
                    return _Found(found.actor, f"speaker of the claim ({found.rule})")
        return None

    # rules ----------------------------------------------------------------------------------
    def resolve(self, i: int) -> _Found:
        if i in self.memo:
            return self.memo[i]
        if i in self.active:  # a cycle ("the rebels loyal to the rebels"): no target through it
            return _NONE
        self.active.add(i)
        try:
            found = self._resolve(i)
        finally:
            self.active.discard(i)
        self.memo[i] = found
        return found

    def _resolve(self, i: int) -> _Found:
        m = self.matches[i]
        claim = self.claim_at(m.start)
        if m.category in _SPEAKER_CATEGORIES:
            return self._speaker_or_subject(m, claim)
        if _DISTANCING_TERM.match(m.text) and claim is not None:
            who = self.speaker_target(claim)
            if who is not None:
                return _Found(who.actor, "whose words are quoted")
        for rule in (self._inside, self._follows, self._before, self._pronoun):
            found = rule(m, claim)
            if found is not None:
                return found
        found = self._apposition(m, claim) or self._link(m)
        if found is not None:
            return found
        head = self.head(m)
        words = {w.lower() for w in _WORD.findall(m.text)}
        on_government = head in _GOVERNMENT_NOUNS or bool(words & _GOVERNMENT_NOUNS)
        if on_government and self.government is not None:
            return _Found(self.government, "government")
        return self._document_rules(i, m, claim, head)

    def _inside(self, m: TermMatch, claim: Claim | None) -> _Found | None:
        for men in self.mentions:
            if men.start <= m.start and m.end <= men.end:
                # a "name" that is the match itself ("Lyin'", "Very Serious") is no actor
                if (men.start, men.end) == (m.start, m.end) or not self.targetable(men):
                    return None
                return _Found(men.actor, "inside actor mention")
        return None

    def _follows(self, m: TermMatch, claim: Claim | None) -> _Found | None:
        men = self.next_mention(m.end)
        if men is None or (claim is not None and men.start >= claim.end):
            return None
        gap = self.text[m.end : men.start]
        if not _NAME_GAP.fullmatch(gap) or "\n" in gap:
            return None
        if m.entry == _SPAN_ENTRY:
            # a given span is not known to be a label: "Rubio assailed Obama", "the
            # prestigious Whittington Lecture"; only "hapless general Haftar" names its referent,
            # and a verb form before a title names its object ("assailed Justice Ginsburg")
            if not {w.lower() for w in _WORD.findall(gap)} & _ROLE_NOUNS:
                return None
            before = _WORD.findall(self.text[max(0, m.start - 20) : m.start])[-1:]
            determined = bool(before) and before[0].lower() in _DEFINITE | {"a", "an"}
            if _VERB_SPAN.search(m.text) and not determined:
                return None
        if any(w.lower() in _FUNCTION | _GOVERNMENT_NOUNS for w in _WORD.findall(gap)):
            return None
        if not self.targetable(men):
            return None
        return _Found(men.actor, "name follows")

    def _before(self, m: TermMatch, claim: Claim | None) -> _Found | None:
        men = self.previous_mention(m.start)
        if men is None or (claim is not None and men.start < claim.start):
            return None
        gap = self.text[men.end : m.start]
        if "\n" in gap or not self.targetable(men):
            return None
        if gap.isspace():
            return _Found(men.actor, "name before")
        for rule, pattern in (
            ("possessive", _POSSESSIVE),
            ("X-linked", _LINKED),
            ("copula", _COPULA),
        ):
            if pattern.fullmatch(gap) and (rule != "copula" or not re.search(r"[,;:()]", gap)):
                return _Found(men.actor, rule)
        return None

    def _pronoun(self, m: TermMatch, claim: Claim | None) -> _Found | None:
        if claim is None:
            return None
        before = self.text[claim.start : m.start]
        if not _PRONOUN.search(before):
            return None
        first = self.claims[max(0, self.claim_index(claim) - 2)].start
        for men in reversed(self.mentions):
            if first <= men.start and men.end <= m.start and self.kinds[men.actor] == "person":
                return _Found(men.actor, "his/her")
        return None

    def _apposition(self, m: TermMatch, claim: Claim | None) -> _Found | None:
        if claim is None:
            return None
        lead = re.split(r"[,;:()\u2014]", self.text[claim.start : m.start])[-1]
        tail_end = self.text.find(",", m.end, claim.end)
        if tail_end < 0 or len(_WORD.findall(lead)) > _NP_WORDS:
            return None
        tail = self.text[m.end : tail_end]
        if len(_WORD.findall(tail)) > _NP_WORDS or re.search(r"[;:()\u2014]", tail):
            return None
        rest = self.text[tail_end + 1 : claim.end]
        after = claim.end - len(rest.lstrip())
        men = self.next_mention(after)
        if men is None or men.start != after or not self.targetable(men):
            return None
        return _Found(men.actor, "apposition")

    def _link(self, m: TermMatch) -> _Found | None:
        link = _LINK.match(self.text, m.end)
        if link is None:
            return None
        word = " ".join(link.group("link").split())
        head = self.head(m)
        if word == "of" and (head is None or head in _GOVERNMENT_NOUNS):
            return None
        pos = link.end()
        window = self.text[pos : pos + 60]
        cut = re.search(r"[,;:.()\n]", window)
        limit = pos + (cut.start() if cut else len(window))
        men = self.next_mention(pos)
        while men is not None and men.start < limit and not self.targetable(men):
            men = self.next_mention(men.start + 1)
        j = bisect.bisect_left(self.match_starts, pos)
        label = self.matches[j] if j < len(self.matches) and self.matches[j].start < limit else None
        if men is not None and men.start < limit and (label is None or men.start <= label.start):
            return _Found(men.actor, word)
        if label is not None:
            inner = self.resolve(j)
            if inner.actor is not None:
                return _Found(inner.actor, f"{word} '{label.text}' ({inner.rule})")
        return None

    def _document_rules(
        self, i: int, m: TermMatch, claim: Claim | None, head: str | None
    ) -> _Found:
        before = _WORD.findall(self.text[max(0, m.start - 20) : m.start])
        if before and before[-1].lower() in _DEFINITE:
            for k in range(i - 1, -1, -1):
                earlier = self.matches[k]
                if earlier.entry == m.entry:
                    found = self.resolve(k)
                    if found.actor is not None:
                        return _Found(found.actor, f"coreference: earlier '{earlier.text}'")
        after = re.findall(r"[\w-]+", self.text[m.end : m.end + 40])[:1]
        on_place = bool(after) and after[0].lower() in _PLACE_NOUNS  # "the restive region"
        # an evaluative word that is not a label; an intensifier (polarity 0: "fierce war",
        # "massive campaign") qualifies a thing, not a person
        evaluative = m.category == "emotive" and m.polarity != 0 and head is None
        if evaluative and claim is not None and not on_place:
            person = self._claim_person(m, claim)
            if person is not None:
                return person
        if head not in _PERSON_NOUNS:
            return _NONE
        if self.headline is not None and claim is not self.headline:
            named = {
                men.actor
                for men in self.mentions
                if self.headline.start <= men.start < self.headline.end
                and self.kinds[men.actor] == "person"
            }
            if len(named) == 1:
                return _Found(named.pop(), "headline")
        if self.main_person is not None:
            name, count = self.main_person
            return _Found(name, f"main person of the document ({count} mentions)")
        return _NONE

    def _claim_person(self, m: TermMatch, claim: Claim) -> _Found | None:
        """Who an evaluative word outside quotation marks is about (no label).

        The subject of its clause (:func:`~claimcompare._targets.clause_subject`: a relative
        clause on a name, a "he"/"she" right before it), the person a leading "he"/"she" stands
        for, else the document's most-named person if the claim names them; on BASIL
        2010-2016 these were right for about three spans in four. In a quotation only the
        clause before the quotation marks counts ("he said he had “real doubts”"); the rest is
        left to :func:`_fallback` (a quoted word is seldom about the speaker).
        """
        quote = next(((s, e) for s, e in claim.quotes if s < m.end and m.start < e), None)
        k = self.claim_index(claim)
        local = _targets.clause_subject(
            self.text,
            self.claims,
            k,
            m.start if quote is None else min(m.start, quote[0]),
            self.mentions,
            self.kinds,
        )
        if local is not None:
            return _Found(*local)
        if quote is not None:
            return None
        person = _targets.pronoun_person(self.text, self.claims, k, self.mentions, self.kinds)
        if person is not None:
            return _Found(person, "he/she: subject of a claim before")
        people = _targets.main_people(self.mentions, self.kinds)
        inside = {men.actor for men in self.mentions if claim.start <= men.start < claim.end}
        if people and people[0][0] in inside:
            return _Found(people[0][0], "main person of the document, named in the claim")
        return None

    def _speaker_or_subject(self, m: TermMatch, claim: Claim | None) -> _Found:
        if claim is None:
            return _NONE
        men = self.previous_mention(m.start)
        if (
            m.category == "hedge"
            and men is not None
            and men.start >= claim.start
            and self.targetable(men)
            and self.text[men.end : m.start].isspace()
        ):  # "Clinton apparently was not": the hedge is about the subject it follows
            return _Found(men.actor, "name before")
        who = self.speaker_target(claim)
        if who is not None:
            return who
        inside = [men for men in self.mentions if claim.start <= men.start and men.end <= claim.end]
        candidates: list[tuple[int, str]] = [
            (men.start, men.actor) for men in inside if self.targetable(men)
        ]
        for k, other in enumerate(self.matches):
            if (
                claim.start <= other.start < claim.end
                and other.category not in _SPEAKER_CATEGORIES
                and other.polarity != 0
            ):
                found = self.resolve(k)
                if found.actor is not None:
                    candidates.append((other.start, found.actor))
        if not candidates:
            candidates = [(men.start, men.actor) for men in inside if men.end <= m.start]
        if candidates:
            return _Found(min(candidates)[1], "subject of the claim")
        return _NONE


def _voice(ctx: _Context, m: TermMatch, claim: Claim | None, target: _Found) -> tuple[str, str]:
    """The voice of a match and the rule behind it (see the module docstring)."""
    if claim is None:
        return "outlet", "outside any claim"
    span = next((s for s in claim.spans if s.start <= m.start < s.end), None)
    voice = span.voice if span is not None else "outlet"
    if voice == "quoted":
        return voice, "voice span"
    if _DISTANCING_TERM.match(m.text) and m.category not in _SPEAKER_CATEGORIES:
        return "outlet", "distancing marker"
    if voice == "attributed" and m.category == "loaded_attribution":
        return "outlet", "attribution verb"
    if voice == "attributed" and m.category == "legitimising_label":
        words = {w.lower() for w in _WORD.findall(m.text)}
        # a modifier of "government" after it, not a phrase holding the word ("government forces")
        on_government = ctx.head(m) in _GOVERNMENT_NOUNS and not words & _GOVERNMENT_NOUNS
        speaker = ctx.speaker_target(claim)
        own = speaker is not None and speaker.actor == target.actor
        if on_government and not own:
            return "outlet", "outlet's description in paraphrase"
    if voice == "attributed" and m.polarity < 0 and m.category not in _SPEAKER_CATEGORIES:
        speaker = ctx.speaker_target(claim)
        own = speaker is not None and speaker.actor == target.actor
        if own or _OWN_SIDE.search(ctx.text[claim.start : m.start]):
            return "outlet", "speaker's own side in paraphrase"
    return voice, "voice span"


def _scare_quotes(ctx: _Context) -> list[tuple[int, int, Claim, _Found]]:
    """Short quotations the outlet puts in quotation marks to distance itself (module docstring)."""
    found = []
    for claim in ctx.claims:
        claim_words = len(_WORD.findall(claim.text))
        for start, end in claim.quotes:
            words = len(_WORD.findall(ctx.text[start:end]))
            if not 0 < words <= _SCARE_MAX_WORDS or 2 * words > claim_words:
                continue
            marked = _DISTANCING.search(ctx.text[claim.start : start])
            if claim.speaker is not None and not marked:
                continue
            who = ctx.speaker_target(claim) if claim.speaker is not None else None
            target = _Found(who.actor, "whose words are quoted") if who is not None else _NONE
            found.append((start, end, claim, target))
    return found


def _index(actors: ActorsLike | None, docs: list[Document]) -> ActorIndex:
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


def _government(index: ActorIndex) -> str | None:
    named = [a for a in index.actors if "government" in {t.lower() for t in _name_tokens(a)}]
    return named[0] if len(named) == 1 else None


def _rows(ctx: _Context) -> list[dict[str, object]]:
    doc = ctx.doc
    rows: list[dict[str, object]] = []

    def row(start: int, end: int, claim: Claim | None, **values: object) -> None:
        voice = values["voice"]
        rows.append(
            {
                "doc_id": doc.doc_id,
                "outlet": doc.label,
                "claim_id": claim.claim_id if claim is not None else None,
                "start": start,
                "end": end,
                "term": doc.text[start:end],
                **values,
                "speaker": claim.speaker if claim is not None and voice != "outlet" else None,
                "kind": claim.kind if claim is not None else None,
            }
        )

    for i, m in enumerate(ctx.matches):
        claim = ctx.claim_at(m.start)
        target = ctx.resolve(i)
        voice, voice_rule = _voice(ctx, m, claim, target)
        row(
            m.start,
            m.end,
            claim,
            entry=m.entry,
            category=m.category,
            polarity=m.polarity,
            weight=m.weight,
            voice=voice,
            target=target.actor,
            target_rule=target.rule,
            voice_rule=voice_rule,
        )
    for start, end, claim, target in _scare_quotes(ctx):
        if target.actor is None:
            probe = TermMatch(start, end, doc.text[start:end], "scare quotes", SCARE_QUOTE, -1, 0.5)
            target = ctx._follows(probe, claim) or ctx._before(probe, claim) or _NONE
        row(
            start,
            end,
            claim,
            entry="scare quotes",
            category=SCARE_QUOTE,
            polarity=_SCARE_POLARITY,
            weight=_SCARE_WEIGHT,
            voice="outlet",
            target=target.actor,
            target_rule=target.rule,
            voice_rule="scare quotes",
        )
    return rows


def find_loaded_terms(
    corpus: Corpus | Document | Iterable[Document],
    lexicon: Lexicon | None = None,
    actors: ActorsLike | None = None,
) -> pd.DataFrame:
    """Loaded terms of each document, with their claim, voice, speaker and target actor.

    Parameters
    ----------
    corpus : Corpus, Document or iterable of Document
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`. Matched once over each whole document text.
    actors : ActorIndex, find_actors() frame or mapping, optional
        The actors targets are chosen from; None runs :func:`find_actors` on ``corpus``.

    Returns
    -------
    pandas.DataFrame
        One row per match and per scare quote, columns :data:`TERM_COLUMNS`: ``doc_id, outlet,
        claim_id, start, end, term, entry, category, polarity, weight, voice, speaker, target,
        target_rule, voice_rule, kind`` (``kind``: the claim's, ``claim`` or ``heading``).
        ``Document.text[start:end] == term``. Sorted by ``doc_id, start, end, entry``, whatever
        the order of the corpus. The rules behind ``voice`` and ``target`` are in the module
        docstring.

    Examples
    --------
    >>> doc = Document(doc_id="d", outlet="Wire", text=(
    ...     "Renegade general Khalifa Haftar took Sirte. "
    ...     "“We defeated terrorist groups,” Haftar said."))
    >>> terms = find_loaded_terms(doc, actors={"Khalifa Haftar": ["Haftar"]})
    >>> for row in terms[["term", "voice", "speaker", "target", "target_rule"]].values:
    ...     print(list(row))
    ['Renegade general', 'outlet', None, 'Khalifa Haftar', 'name follows']
    ['terrorist', 'quoted', 'Haftar', None, 'unresolved']
    """
    lex = Lexicon.default() if lexicon is None else lexicon
    if not isinstance(lex, Lexicon):
        raise ParameterError(f"lexicon must be a Lexicon or None, got {type(lex).__name__}")
    docs = documents_of(corpus)
    index = _index(actors, docs)
    base = actor_kinds(index)
    found = [(d, _targets.surname_mentions(d.text, index.find(d.text), base)) for d in docs]
    kinds = _targets.refine_kinds(base, [(d.text, f) for d, f in found])
    found = [(d, _targets.link_surnames(f, kinds)) for d, f in found]
    found = [(d, _targets.title_mentions(d.text, f, kinds)) for d, f in found]
    government = _government(index)
    rows: list[dict[str, object]] = []
    for doc, mentions in found:
        ctx = _Context(
            doc=doc,
            claims=claims_of(doc),
            matches=lex.finditer(doc.text),
            mentions=mentions,
            kinds=kinds,
            government=government,
        )
        rows.extend(_rows(ctx))
    rows.sort(key=lambda r: (str(r["doc_id"]), r["start"], r["end"], str(r["entry"])))
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "polarity": "int64"})
    frame["weight"] = frame["weight"].astype("float64")
    for name in _OPTIONAL_COLUMNS:  # None, not NaN, where there is no value
        frame[name] = pd.Series([r[name] for r in rows], index=frame.index, dtype=object)
    return frame


def span_targets(
    doc: Document,
    spans: Iterable[tuple[int, int]],
    *,
    actors: ActorsLike | None = None,
    lexicon: Lexicon | None = None,
    category: str = "emotive",
    polarity: int = -1,
    fallback: bool = True,
    ranker: _rank_targets.TargetRanker | None = None,
) -> pd.DataFrame:
    """Voice and target of any spans of a document, by the rules of :func:`find_loaded_terms`.

    Use it for words found by something other than the lexicon (a :class:`~claimcompare.detect.
    BiasDetector`, an annotator). Each span is treated as a match of ``category`` and
    ``polarity``, unless a lexicon match overlaps it, whose category and polarity it then takes
    (so a span on "claimed" points at the speaker, as a loaded attribution verb does). The
    lexicon's other matches stay in place for the rules that look at neighbouring labels.

    Parameters
    ----------
    doc : Document
    spans : iterable of (start, end)
        Half-open character offsets into ``doc.text``.
    actors : ActorIndex, find_actors() frame or mapping, optional
        None runs :func:`find_actors` on ``doc``.
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`.
    category : str, default "emotive"
    polarity : {-1, 0, 1}, default -1
    fallback : bool, default True
        Where no pattern rule of :func:`find_loaded_terms` finds a target (``inside actor
        mention``, ``name follows``, ``possessive``, ``apposition``, ``loyal to``, ...; the
        clause and main-person rules are not used here) and the words are not said of a name
        right before them ("called Obama an “elitist hypocrite”": ``named as``), a learnt ranker
        (:class:`~claimcompare._rank_targets.TargetRanker`) scores every person, organisation,
        body ("the Obama campaign") and group ("Colorado officials") the document names and
        the best is the target, ``target_rule`` ``ranker (p=0.62)`` with its score. A given
        span is not known to be a label, so ``name follows`` needs a role noun between it and
        the name ("hapless general X") and no verb form in the span: "Rubio assailed Obama",
        "Rubio assailed Sen. Obama" are about Rubio. False: these spans stay ``unresolved``.
    ranker : TargetRanker, optional
        The ranker of ``fallback``; None uses the shipped one (``claimcompare/data/
        target_model.json``, fitted on BASIL events 2010-2016 by
        ``benchmarks/fit_target_model.py``). Without a shipped model the hand rules of
        earlier versions are used (``_fallback``).

    Returns
    -------
    pandas.DataFrame
        One row per span in the order given, columns :data:`SPAN_COLUMNS`:
        ``start, end, term, claim_id, category, voice, speaker, target, target_rule, voice_rule``.

    Examples
    --------
    >>> doc = Document(doc_id="d", outlet="Wire", text=(
    ...     "The hapless Khalifa Haftar took Sirte. “Tripoli is full of crooks,” Haftar said "
    ...     "of Fayez al-Sarraj."))
    >>> actors = {"Khalifa Haftar": ["Haftar"], "Fayez al-Sarraj": []}
    >>> out = span_targets(doc, [(4, 11), (59, 65)], actors=actors)
    >>> out[["term", "voice", "target", "target_rule"]].values.tolist()
    [['hapless', 'outlet', 'Khalifa Haftar', 'ranker (p=0.87)'],
     ['crooks', 'quoted', 'Fayez al-Sarraj', 'ranker (p=0.06)']]

    A word in a quotation is about someone other than its speaker when the document names
    anyone else; the low score says the ranker alone was unsure.
    """
    if not isinstance(doc, Document):
        raise ParameterError(f"doc must be a Document, got {type(doc).__name__}")
    if polarity not in (-1, 0, 1) or isinstance(polarity, bool):
        raise ParameterError(f"polarity must be -1, 0 or 1, got {polarity!r}")
    lex = Lexicon.default() if lexicon is None else lexicon
    if not isinstance(lex, Lexicon):
        raise ParameterError(f"lexicon must be a Lexicon or None, got {type(lex).__name__}")
    wanted = _checked_spans(doc, spans)
    index = _index(actors, [doc])
    found = lex.finditer(doc.text)
    probes: list[TermMatch] = []
    for start, end in wanted:
        over = [m for m in found if m.start < end and start < m.end]
        cat, pol = (over[0].category, over[0].polarity) if over else (category, polarity)
        probes.append(TermMatch(start, end, doc.text[start:end], _SPAN_ENTRY, cat, pol, 1.0))
    others = [m for m in found if not any(m.start < e and s < m.end for s, e in wanted)]
    rows: list[dict[str, object]] = []
    claims = claims_of(doc)
    mentions, kinds = _doc_mentions(doc, index)
    government = _government(index)
    model = _rank_targets.TargetRanker.default() if ranker is None else ranker
    bodies = _Bodies(doc.text, mentions, kinds)
    for probe in probes:
        # each span is resolved on its own, beside the lexicon's matches it does not overlap
        matches = sorted([*others, probe], key=lambda m: (m.start, m.end))
        ctx = _Context(doc, claims, matches, mentions, kinds, government)
        i = matches.index(probe)
        claim = ctx.claim_at(probe.start)
        target = ctx.resolve(i)
        if fallback and model is not None and _learnt_over(target):
            target = _ranked(ctx, probe, claim, model, bodies)
        elif fallback and target.actor is None:
            target = _fallback(ctx, probe, claim)
        voice, voice_rule = _voice(ctx, probe, claim, target)
        rows.append(
            {
                "start": probe.start,
                "end": probe.end,
                "term": probe.text,
                "claim_id": claim.claim_id if claim is not None else None,
                "category": probe.category,
                "voice": voice,
                "speaker": claim.speaker if claim is not None and voice != "outlet" else None,
                "target": target.actor,
                "target_rule": target.rule,
                "voice_rule": voice_rule,
            }
        )
    frame = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64"})
    for name in ("claim_id", "speaker", "target"):
        frame[name] = pd.Series([r[name] for r in rows], index=frame.index, dtype=object)
    return frame


def _checked_spans(doc: Document, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    wanted = []
    for item in spans:
        start, end = (int(v) for v in item)
        if not 0 <= start < end <= len(doc.text):
            raise ParameterError(
                f"span ({start}, {end}) is not inside the text (0..{len(doc.text)}) or is empty"
            )
        wanted.append((start, end))
    return wanted


def _doc_mentions(doc: Document, index: ActorIndex) -> tuple[list[Mention], dict[str, str]]:
    """A document's actor mentions, surnames and titles linked, and each actor's kind."""
    base = actor_kinds(index)
    mentions = _targets.surname_mentions(doc.text, index.find(doc.text), base)
    kinds = _targets.refine_kinds(base, [(doc.text, mentions)])
    mentions = _targets.link_surnames(mentions, kinds)
    return _targets.title_mentions(doc.text, mentions, kinds), kinds


# Rules of find_loaded_terms that the ranker of span_targets replaces: they choose among the
# document's people by position and counts, which the ranker weighs from data.
_LEARNT_OVER = ("relative clause", "he/she", "main person", "headline", "subject of the claim")


_SPEAKER_QUOTED = _rank_targets.FEATURES.index("speaker_quoted")


def _learnt_over(found: _Found) -> bool:
    return found.actor is None or found.rule.startswith(_LEARNT_OVER)


@dataclass(frozen=True)
class _Bodies:
    """A document's mentions with its bodies and groups added (for the ranker's candidates)."""

    text: str
    mentions: list[Mention]
    kinds: Mapping[str, str]

    @cached_property
    def all(self) -> tuple[list[Mention], dict[str, str], frozenset[str]]:
        extra, kinds = _targets.body_mentions(self.text, self.mentions, self.kinds)
        merged = sorted([*self.mentions, *extra], key=lambda m: (m.start, m.end))
        return merged, {**kinds, **self.kinds}, frozenset(kinds) - set(self.kinds)


def _candidates(
    ctx: _Context, m: TermMatch, claim: Claim | None, bodies: _Bodies
) -> list[_rank_targets.Candidate]:
    mentions, kinds, groups = bodies.all
    speaker = ctx.speaker_target(claim) if claim is not None else None
    return _rank_targets.candidates(
        text=ctx.text,
        claims=ctx.claims,
        start=m.start,
        end=m.end,
        mentions=mentions,
        kinds=kinds,
        speaker=speaker.actor if speaker is not None else None,
        groups=groups,
    )


def _ranked(
    ctx: _Context,
    m: TermMatch,
    claim: Claim | None,
    model: _rank_targets.TargetRanker,
    bodies: _Bodies,
) -> _Found:
    """The ranker's target for a span no pattern rule resolves (``span_targets``)."""
    if claim is not None:
        named = _targets.named_as(ctx.text, claim, m.start, ctx.mentions, ctx.kinds)
        if named is not None:
            return _Found(named.actor, "named as")
    found = _candidates(ctx, m, claim, bodies)
    # A word inside a quotation is its speaker's about someone else ("They are crooks,"
    # Haftar said): the speaker is a candidate only when the document names nobody else.
    others = [c for c in found if not c.features[_SPEAKER_QUOTED]]
    best = model.best(others or found)
    if best is None:
        return _NONE
    return _Found(best[0], f"ranker (p={best[1]:.2f})")


def target_candidates(
    doc: Document,
    spans: Iterable[tuple[int, int]],
    *,
    actors: ActorsLike | None = None,
) -> pd.DataFrame:
    """Every actor a span may point at, with the features the target ranker weighs.

    The people, organisations, bodies ("the Obama campaign") and groups ("protesters") the
    document names, for each span (see :func:`span_targets`). Use it to ask why a target was
    chosen, or to fit a :class:`~claimcompare._rank_targets.TargetRanker`.

    Parameters
    ----------
    doc : Document
    spans : iterable of (start, end)
        Half-open character offsets into ``doc.text``.
    actors : ActorIndex, find_actors() frame or mapping, optional
        None runs :func:`find_actors` on ``doc``.

    Returns
    -------
    pandas.DataFrame
        One row per (span, candidate): ``span`` (the span's position in ``spans``), ``start,
        end, actor``, one column per feature of
        :data:`~claimcompare._rank_targets.FEATURES`, and ``score`` (the shipped ranker's, NaN
        without one). Sorted by span, then actor.

    Examples
    --------
    >>> doc = Document(doc_id="d", text="Ann Lee met Bo Ray. Ann Lee made a fierce attack.")
    >>> out = target_candidates(doc, [(35, 41)], actors={"Ann Lee": [], "Bo Ray": []})
    >>> out[["actor", "in_claim", "log_mentions"]].round(2).values.tolist()
    [['Ann Lee', 1.0, 1.1], ['Bo Ray', 0.0, 0.69]]
    """
    if not isinstance(doc, Document):
        raise ParameterError(f"doc must be a Document, got {type(doc).__name__}")
    wanted = _checked_spans(doc, spans)
    index = _index(actors, [doc])
    claims = claims_of(doc)
    mentions, kinds = _doc_mentions(doc, index)
    ctx = _Context(doc, claims, [], mentions, kinds, _government(index))
    bodies = _Bodies(doc.text, mentions, kinds)
    model = _rank_targets.TargetRanker.default()
    rows: list[dict[str, object]] = []
    for k, (start, end) in enumerate(wanted):
        probe = TermMatch(start, end, doc.text[start:end], _SPAN_ENTRY, "emotive", -1, 1.0)
        found = _candidates(ctx, probe, ctx.claim_at(start), bodies)
        scores = model.scores(np.array([c.features for c in found])) if found and model else None
        for j, c in enumerate(found):
            rows.append(
                {
                    "span": k,
                    "start": start,
                    "end": end,
                    "actor": c.actor,
                    **dict(zip(_rank_targets.FEATURES, c.features, strict=True)),
                    "score": float(scores[j]) if scores is not None else float("nan"),
                }
            )
    columns = ["span", "start", "end", "actor", *_rank_targets.FEATURES, "score"]
    return pd.DataFrame(rows, columns=columns)


def _fallback(ctx: _Context, m: TermMatch, claim: Claim | None) -> _Found:
    """Targets of a span no rule of :func:`find_loaded_terms` resolves (``span_targets``).

    First a name before the words it is called ("called Obama an ..."). In a quotation: the
    document's most-named person other than the speaker, else the claim's subject other than
    the speaker (a word in someone's quote is seldom about the speaker), unless the clause
    before the quotation marks has a subject (:meth:`_Context._claim_person`). Elsewhere: the
    subject of the span's clause, the person a leading "he"/"she" stands for, the most-named
    person if the claim names them, else the document's most-named person or organisation.
    """
    speaker = ctx.speaker_target(claim) if claim is not None else None
    quote = None
    if claim is not None:
        named = _targets.named_as(ctx.text, claim, m.start, ctx.mentions, ctx.kinds)
        if named is not None:
            return _Found(named.actor, "named as")
        # the quotation marks may lie inside or outside the span
        quote = next(((s, e) for s, e in claim.quotes if s < m.end and m.start < e), None)
    if claim is not None and quote is not None:
        found = ctx._claim_person(m, claim)
        if found is not None:
            return found
        spoken = frozenset({speaker.actor} if speaker is not None and speaker.actor else ())
        for name, count in _targets.main_people(ctx.mentions, ctx.kinds):
            if name not in spoken:
                return _Found(name, f"main person other than the speaker ({count} mentions)")
        subject = _targets.claim_subject(ctx.text, claim, ctx.mentions, ctx.kinds, exclude=spoken)
        if subject is not None:
            return _Found(subject.actor, "subject of the claim, not the speaker")
        return _NONE
    if claim is not None:
        found = ctx._claim_person(m, claim)
        if found is not None:
            return found
    top = _targets.main_actors(ctx.mentions, ctx.kinds)
    if top:
        return _Found(top[0][0], f"main actor of the document ({top[0][1]} mentions)")
    return _NONE
