"""Who a claim or a clause is about: its subject, whom a "he"/"she" stands for, a name called names.

Used by the target rules (:mod:`claimcompare.terms.targets`) and by the learnt ranker's features
(:mod:`claimcompare.terms.ranker`); chosen on BASIL 2010-2016 (docs/loaded-terms.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..actors import Mention
from ..claims import Claim

__all__ = ["claim_subject", "clause_subject", "named_as", "pronoun_person"]

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
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:(?:but|and|so|yet|still|then|now)\s+)?(he|she)\b", re.I)
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
