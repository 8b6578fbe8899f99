"""The target rules: which actor a loaded term points at, and by which rule (``target_rule``).

:class:`Context` holds what the rules look at in one document (its claims, lexicon matches and
actor mentions, from :mod:`~claimcompare.terms.mentions`); :meth:`Context.resolve` tries the
pattern rules ("renegade general X", "X's forces", "militia loyal to X", ...) and then the
document rules (coreference, the clause subject, the headline, the main person). The rules in
order, with examples, are in docs/loaded-terms.md ("Targets").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..actors import ActorIndex, Mention
from ..claims import Claim
from ..document import Document
from ..lexicon import TermMatch
from .clauses import clause_subject, pronoun_person
from .mentions import PLACE_WORDS, main_people, name_tokens, named

__all__ = [
    "DISTANCING_TERM",
    "GOVERNMENT_NOUNS",
    "NO_TARGET",
    "SPAN_ENTRY",
    "SPEAKER_CATEGORIES",
    "UNRESOLVED",
    "WORD",
    "Context",
    "Found",
    "government_actor",
]

UNRESOLVED = "unresolved"
SPEAKER_CATEGORIES = frozenset({"hedge", "loaded_attribution"})

WORD = re.compile(r"\w+")
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
_PLACE_NOUNS = PLACE_WORDS | frozenset(
    "area areas capital country countries district districts land region regions territory "
    "town towns village villages".split()
)
GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration"})
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
_LINK = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?P<link>loyal\s+to|allied\s+(?:to|with)|aligned\s+with|"
    r"linked\s+to|under\s+the\s+command\s+of|commanded\s+by|led\s+by|of)"
    r"\s+(?:(?:the|a|an)\s+)?"
)
DISTANCING_TERM = re.compile(r"^what\s", re.IGNORECASE)
_NP_WORDS = 6  # longest stretch on either side of a label inside an appositive noun phrase
SPAN_ENTRY = "span"  # the entry of spans given to span_targets
_NAME_GAP = re.compile(r"(?:[\s\u2010\u2011-]+[\w.]+){0,3}?[\s\u2010\u2011-]+|")


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved target: the actor and the rule that found it."""

    actor: str | None
    rule: str


NO_TARGET = Found(None, UNRESOLVED)


def government_actor(index: ActorIndex) -> str | None:
    """The one actor whose name holds the word "Government", or None (none, or several)."""
    holders = [a for a in index.actors if "government" in {t.lower() for t in name_tokens(a)}]
    return holders[0] if len(holders) == 1 else None


@dataclass
class Context:
    """What the rules of one document look at; ``memo`` caches resolved matches."""

    doc: Document
    claims: list[Claim]
    matches: list[TermMatch]
    mentions: list[Mention]
    kinds: Mapping[str, str]
    government: str | None
    memo: dict[int, Found] = field(default_factory=dict)
    active: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.claim_starts = [c.start for c in self.claims]
        self.mention_starts = [m.start for m in self.mentions]
        self.match_starts = [m.start for m in self.matches]
        self.headline = next((c for c in self.claims if c.kind == "heading"), None)
        people = Counter(
            m.actor for m in self.mentions if self.kinds.get(m.actor) == "person" and named(m)
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
        words = [w.lower() for w in WORD.findall(m.text)][-1:]
        after = self.text[m.end : m.end + 60]
        words += [w for w in re.findall(r"[\w-]+", after)[:3] if w[:1].islower()][:2]
        for w in words:
            if w in _PERSON_NOUNS or w in _GROUP_NOUNS or w in GOVERNMENT_NOUNS:
                return w
        return None

    def speaker_target(self, claim: Claim) -> Found | None:
        """The actor a claim's speaker names: a person or organisation, else a labelled one."""
        if claim.speaker_start is None or claim.speaker_end is None:
            return None
        s, e = claim.speaker_start, claim.speaker_end
        inside = [m for m in self.mentions if s <= m.start and m.end <= e]
        heads = [m for m in inside if not _POSSESSIVE.match(self.text[m.end : m.end + 3] + " ")]
        heads = [m for m in heads if self.text[m.end : m.end + 1] not in "-\u2010\u2011"]
        for m in [m for m in heads if self.targetable(m)] + heads:
            return Found(m.actor, "speaker of the claim")
        for i, match in enumerate(self.matches):
            if s <= match.start and match.end <= e and match.category not in SPEAKER_CATEGORIES:
                found = self.resolve(i)
                if found.actor is not None:
                    return Found(found.actor, f"speaker of the claim ({found.rule})")
        return None

    # rules ----------------------------------------------------------------------------------
    def resolve(self, i: int) -> Found:
        if i in self.memo:
            return self.memo[i]
        if i in self.active:  # a cycle ("the rebels loyal to the rebels"): no target through it
            return NO_TARGET
        self.active.add(i)
        try:
            found = self._resolve(i)
        finally:
            self.active.discard(i)
        self.memo[i] = found
        return found

    def _resolve(self, i: int) -> Found:
        m = self.matches[i]
        claim = self.claim_at(m.start)
        if m.category in SPEAKER_CATEGORIES:
            return self._speaker_or_subject(m, claim)
        if DISTANCING_TERM.match(m.text) and claim is not None:
            who = self.speaker_target(claim)
            if who is not None:
                return Found(who.actor, "whose words are quoted")
        for rule in (self._inside, self.name_follows, self.name_before, self._pronoun):
            found = rule(m, claim)
            if found is not None:
                return found
        found = self._apposition(m, claim) or self._link(m)
        if found is not None:
            return found
        head = self.head(m)
        words = {w.lower() for w in WORD.findall(m.text)}
        on_government = head in GOVERNMENT_NOUNS or bool(words & GOVERNMENT_NOUNS)
        if on_government and self.government is not None:
            return Found(self.government, "government")
        return self._document_rules(i, m, claim, head)

    def _inside(self, m: TermMatch, claim: Claim | None) -> Found | None:
        for men in self.mentions:
            if men.start <= m.start and m.end <= men.end:
                # a "name" that is the match itself ("Lyin'", "Very Serious") is no actor
                if (men.start, men.end) == (m.start, m.end) or not self.targetable(men):
                    return None
                return Found(men.actor, "inside actor mention")
        return None

    def name_follows(self, m: TermMatch, claim: Claim | None) -> Found | None:
        men = self.next_mention(m.end)
        if men is None or (claim is not None and men.start >= claim.end):
            return None
        gap = self.text[m.end : men.start]
        if not _NAME_GAP.fullmatch(gap) or "\n" in gap:
            return None
        if m.entry == SPAN_ENTRY:
            # a given span is not known to be a label: "Rubio assailed Obama", "the
            # prestigious Whittington Lecture"; only "hapless general Haftar" names its referent,
            # and a verb form before a title names its object ("assailed Justice Ginsburg")
            if not {w.lower() for w in WORD.findall(gap)} & _ROLE_NOUNS:
                return None
            before = WORD.findall(self.text[max(0, m.start - 20) : m.start])[-1:]
            determined = bool(before) and before[0].lower() in _DEFINITE | {"a", "an"}
            if _VERB_SPAN.search(m.text) and not determined:
                return None
        if any(w.lower() in _FUNCTION | GOVERNMENT_NOUNS for w in WORD.findall(gap)):
            return None
        if not self.targetable(men):
            return None
        return Found(men.actor, "name follows")

    def name_before(self, m: TermMatch, claim: Claim | None) -> Found | None:
        men = self.previous_mention(m.start)
        if men is None or (claim is not None and men.start < claim.start):
            return None
        gap = self.text[men.end : m.start]
        if "\n" in gap or not self.targetable(men):
            return None
        if gap.isspace():
            return Found(men.actor, "name before")
        for rule, pattern in (
            ("possessive", _POSSESSIVE),
            ("X-linked", _LINKED),
            ("copula", _COPULA),
        ):
            if pattern.fullmatch(gap) and (rule != "copula" or not re.search(r"[,;:()]", gap)):
                return Found(men.actor, rule)
        return None

    def _pronoun(self, m: TermMatch, claim: Claim | None) -> Found | None:
        if claim is None:
            return None
        before = self.text[claim.start : m.start]
        if not _PRONOUN.search(before):
            return None
        first = self.claims[max(0, self.claim_index(claim) - 2)].start
        for men in reversed(self.mentions):
            if first <= men.start and men.end <= m.start and self.kinds[men.actor] == "person":
                return Found(men.actor, "his/her")
        return None

    def _apposition(self, m: TermMatch, claim: Claim | None) -> Found | None:
        if claim is None:
            return None
        lead = re.split(r"[,;:()\u2014]", self.text[claim.start : m.start])[-1]
        tail_end = self.text.find(",", m.end, claim.end)
        if tail_end < 0 or len(WORD.findall(lead)) > _NP_WORDS:
            return None
        tail = self.text[m.end : tail_end]
        if len(WORD.findall(tail)) > _NP_WORDS or re.search(r"[;:()\u2014]", tail):
            return None
        rest = self.text[tail_end + 1 : claim.end]
        after = claim.end - len(rest.lstrip())
        men = self.next_mention(after)
        if men is None or men.start != after or not self.targetable(men):
            return None
        return Found(men.actor, "apposition")

    def _link(self, m: TermMatch) -> Found | None:
        link = _LINK.match(self.text, m.end)
        if link is None:
            return None
        word = " ".join(link.group("link").split())
        head = self.head(m)
        if word == "of" and (head is None or head in GOVERNMENT_NOUNS):
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
            return Found(men.actor, word)
        if label is not None:
            inner = self.resolve(j)
            if inner.actor is not None:
                return Found(inner.actor, f"{word} '{label.text}' ({inner.rule})")
        return None

    def _document_rules(self, i: int, m: TermMatch, claim: Claim | None, head: str | None) -> Found:
        before = WORD.findall(self.text[max(0, m.start - 20) : m.start])
        if before and before[-1].lower() in _DEFINITE:
            for k in range(i - 1, -1, -1):
                earlier = self.matches[k]
                if earlier.entry == m.entry:
                    found = self.resolve(k)
                    if found.actor is not None:
                        return Found(found.actor, f"coreference: earlier '{earlier.text}'")
        after = re.findall(r"[\w-]+", self.text[m.end : m.end + 40])[:1]
        on_place = bool(after) and after[0].lower() in _PLACE_NOUNS  # "the restive region"
        # an evaluative word that is not a label; an intensifier (polarity 0: "fierce war",
        # "massive campaign") qualifies a thing, not a person
        evaluative = m.category == "emotive" and m.polarity != 0 and head is None
        if evaluative and claim is not None and not on_place:
            person = self.claim_person(m, claim)
            if person is not None:
                return person
        if head not in _PERSON_NOUNS:
            return NO_TARGET
        if self.headline is not None and claim is not self.headline:
            in_headline = {
                men.actor
                for men in self.mentions
                if self.headline.start <= men.start < self.headline.end
                and self.kinds[men.actor] == "person"
            }
            if len(in_headline) == 1:
                return Found(in_headline.pop(), "headline")
        if self.main_person is not None:
            name, count = self.main_person
            return Found(name, f"main person of the document ({count} mentions)")
        return NO_TARGET

    def claim_person(self, m: TermMatch, claim: Claim) -> Found | None:
        """Who an evaluative word outside quotation marks is about (no label).

        The subject of its clause (:func:`~claimcompare.terms.clauses.clause_subject`: a relative
        clause on a name, a "he"/"she" right before it), the person a leading "he"/"she" stands
        for, else the document's most-named person if the claim names them; on BASIL
        2010-2016 these were right for about three spans in four. In a quotation only the
        clause before the quotation marks counts ("he said he had “real doubts”"); the rest is
        left to the fallback of :func:`~claimcompare.terms.span_targets` (a quoted word is
        seldom about the speaker).
        """
        quote = next(((s, e) for s, e in claim.quotes if s < m.end and m.start < e), None)
        k = self.claim_index(claim)
        local = clause_subject(
            self.text,
            self.claims,
            k,
            m.start if quote is None else min(m.start, quote[0]),
            self.mentions,
            self.kinds,
        )
        if local is not None:
            return Found(*local)
        if quote is not None:
            return None
        person = pronoun_person(self.text, self.claims, k, self.mentions, self.kinds)
        if person is not None:
            return Found(person, "he/she: subject of a claim before")
        people = main_people(self.mentions, self.kinds)
        inside = {men.actor for men in self.mentions if claim.start <= men.start < claim.end}
        if people and people[0][0] in inside:
            return Found(people[0][0], "main person of the document, named in the claim")
        return None

    def _speaker_or_subject(self, m: TermMatch, claim: Claim | None) -> Found:
        if claim is None:
            return NO_TARGET
        men = self.previous_mention(m.start)
        if (
            m.category == "hedge"
            and men is not None
            and men.start >= claim.start
            and self.targetable(men)
            and self.text[men.end : m.start].isspace()
        ):  # "Clinton apparently was not": the hedge is about the subject it follows
            return Found(men.actor, "name before")
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
                and other.category not in SPEAKER_CATEGORIES
                and other.polarity != 0
            ):
                found = self.resolve(k)
                if found.actor is not None:
                    candidates.append((other.start, found.actor))
        if not candidates:
            candidates = [(men.start, men.actor) for men in inside if men.end <= m.start]
        if candidates:
            return Found(min(candidates)[1], "subject of the claim")
        return NO_TARGET
