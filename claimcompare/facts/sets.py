"""Actors named together ("Egypt, the UAE and Russia"), and how two such lists compare.

:func:`find_sets` finds coordinated names with their relation ("backed by") and target;
:func:`compare_sets` gives a :class:`~claimcompare.facts.Verdict` (see docs/facts.md for why a
longer list is only ``compatible``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import ParameterError
from ._calendar import MONTHS, WEEKDAYS
from ._checks import check_text, check_type
from .records import ActorSet, Member, Verdict

__all__ = ["compare_sets", "find_sets"]

_STOP_CAPS = frozenset(
    "The A An In On At By With Backed Supported Armed Funded And But Or Since Meanwhile However "
    "He She It They We I You His Her Its Their Our This That These Those After Before While As "
    "If When Then Also Both Neither Either Last Next Mr Mrs Ms Dr According Despite Under Over "
    "From For To Of Not No Yes Following Some Many Most All".split()
)
# Initials and titles keep a name whole: "George W. Bush", "Rep. Liz Cheney".
_NAME_WORD = (
    r"(?:(?:[A-Z]|Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Prof)\.(?= [A-Z])|"
    r"(?:(?:al|el|bin|ibn|de|van|von)-)?[A-Z](?:[\w-]|['’](?!s\b)\w|\.(?=[A-Z]))*)"
)
_NAME_RE = re.compile(
    rf"(?<![\w'’-]){_NAME_WORD}(?: +(?:(?:of|de|al|bin|el) +(?:the +)?)?{_NAME_WORD})*"
)
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ish|ese|yan|ern|ean|ic|can)|Israeli|Iraqi|Saudi|Emirati|Pakistani|"
    r"Yemeni|Omani|Kuwaiti|Qatari|Bahraini|Somali|Bangladeshi|Afghan|Thai|Greek|Dutch|French|"
    r"Swiss|Welsh|Czech|German)$"
)
# A two-member "list" ending in one of these is one organisation: "Food and Drug Administration".
_ORG_HEADS = frozenset(
    "Administration Prevention Protection Services Committee Department Affairs Agency Commission "
    "Institute Bureau Reform Development Association Office Council Ministry Authority "
    "Technology Research Sciences Industry Trade Welfare Society Company Co Corporation".split()
)
_CONNECT = re.compile(r"^\s*(?:,\s*|,?\s+(?P<and>and|or)\s+)(?:[Tt]he\s+)?$")
_REL_VERBS = (
    r"(?:back|support|arm|fund|financ|sponsor|aid|assist|endors|recogni[sz]|oppos|condemn|"
    r"critici[sz]|sanction|denounc|fight|attack|join|reject)"
)
_SUPPORTIVE = re.compile(
    r"^(?:back|support|arm|fund|financ|sponsor|aid|assist|endors|recogni|join)", re.I
)
_OPPOSING = re.compile(
    r"^(?:oppos|condemn|critici|sanction|denounc|fight|fought|attack|reject)", re.I
)
_REL_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|who|that|have|has|had|are|is|were|was|also|all|both|reportedly|"
    r"openly|militarily|strongly|jointly)\s+)*(?P<rel>" + _REL_VERBS + r"\w*)\b"
)
_REL_BEFORE = re.compile(
    r"(?P<rel>\b(?:" + _REL_VERBS + r"\w*)\s+(?:(?:only|solely|exclusively|militarily|"
    r"mainly|largely|openly|reportedly)\s+)?by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    rf"^ +(?:(?:militarily|openly) +)?(?P<t>(?:the +)?{_NAME_WORD}(?: +{_NAME_WORD})*"
    r"|the +[a-z]+)"
)
_TARGET_BEFORE = re.compile(
    rf"(?P<t>(?:[Tt]he +)?{_NAME_WORD}(?: +{_NAME_WORD})*(?:['’]s +[a-z]+)?|[Tt]he +[a-z]+)"
    r"(?:\s*,\s*|\s+(?:is|are|was|were|being|been|has\s+been|have\s+been|had\s+been|also|"
    r"reportedly|who\s+(?:is|are|was|were)))*\s*$"
)
_TARGET_FOLLOW = re.compile(
    rf"^ *, *(?P<t>(?:the +)?{_NAME_WORD}(?: +{_NAME_WORD})*(?:['’]s +[a-z]+)?)"
)
_CALENDAR_WORDS = frozenset({m.capitalize() for m in MONTHS} | {w.capitalize() for w in WEEKDAYS})


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NAME_RE.finditer(text):
        s, e = match.span()
        words = text[s:e].split()
        # Drop sentence starters and relation words glued to a name ("Backed", "The").
        while words and (words[0] in _STOP_CAPS or words[0].endswith("ly")):
            s = text.index(words[0], s) + len(words[0])
            s += len(text[s:e]) - len(text[s:e].lstrip())
            words = words[1:]
        if not words:
            continue
        # A weekday or month ends the name: "the House and Senate Saturday".
        tokens = list(re.finditer(r"\S+", text[s:e]))
        for i, token in enumerate(tokens[1:], start=1):
            if token.group().rstrip(".,") in _CALENDAR_WORDS:
                e = s + tokens[i - 1].end()
                break
        # A possessive belongs to what follows, not the name: "Haftar's forces".
        chunk = text[s:e]
        poss = re.search(r"['’]s$", chunk)
        if poss:
            e = s + poss.start()
        chunk = text[s:e].rstrip(".")
        e = s + len(chunk)
        if chunk and chunk not in _CALENDAR_WORDS:
            spans.append((s, e))
    return spans


def _default_name(member: str) -> str:
    return re.sub(r"\s+", " ", member).strip()


def find_sets(
    text: str,
    *,
    canonical: Callable[[str], str | None] | None = None,
    known_only: bool = False,
) -> list[ActorSet]:
    """Find actors named together ("Egypt, the UAE and Russia") with their relation and target.

    Parameters
    ----------
    text : str
        The text to read.
    canonical : callable str -> str or None, optional
        Maps a member's text to a canonical name so that aliases compare equal ("UAE" and
        "United Arab Emirates"); returning None keeps the text as written.
    known_only : bool, default False
        Keep only lists whose every member ``canonical`` recognises (returns a name for).
        Capitalised coordinations in news are often not lists of actors ("the Civil War and
        Reconstruction", "Jammu and Kashmir"); with an actor gazetteer this removes them.

    Returns
    -------
    list of ActorSet
        Lists of two or more capitalised names joined by "and"/"or" (with commas), in text
        order. Lists of nationality adjectives ("Turkish and Russian presidents") are left out.

    Examples
    --------
    >>> s = find_sets("with Egypt, the UAE and Russia backing Haftar, while Turkey and Qatar "
    ...               "support the GNA.")
    >>> [([m.text for m in x.members], x.relation, x.target) for x in s]
    [(['Egypt', 'UAE', 'Russia'], 'backing', 'Haftar'), (['Turkey', 'Qatar'], 'support', 'the GNA')]
    """
    text = check_text(text)
    if canonical is not None and not callable(canonical):
        raise ParameterError(
            f"canonical must be a callable str -> str | None, got {type(canonical).__name__}"
        )
    if known_only and canonical is None:
        raise ParameterError("known_only=True needs canonical, a callable str -> str | None")
    names = _name_spans(text)
    chains: list[list[tuple[int, int, bool]]] = []  # (start, end, joined by and/or)
    for s, e in names:
        if chains:
            _, pe, _ = chains[-1][-1]
            gap = _CONNECT.match(text[pe:s])
            if gap is not None:
                chains[-1].append((s, e, bool(gap.group("and"))))
                continue
        chains.append([(s, e, False)])
    out: list[ActorSet] = []
    for chain in chains:
        last_and = max((i for i, (_, _, j) in enumerate(chain) if j), default=-1)
        if last_and < 1:
            continue
        chain = chain[: last_and + 1]
        texts = [text[s:e] for s, e, _ in chain]
        if any(_DEMONYM.match(t.split()[-1]) for t in texts):
            continue
        if len(chain) == 2 and texts[-1].split()[-1] in _ORG_HEADS:
            continue
        if known_only and canonical is not None and not all(canonical(t) for t in texts):
            continue
        out.append(_actor_set(text, chain, canonical))
    return out


def _actor_set(
    text: str,
    chain: list[tuple[int, int, bool]],
    canonical: Callable[[str], str | None] | None,
) -> ActorSet:
    start, end = chain[0][0], chain[-1][1]
    members = []
    for s, e, _ in chain:
        raw = text[s:e]
        name = canonical(raw) if canonical is not None else None
        members.append(Member(s, e, raw, name or _default_name(raw)))
    rel = rel_s = rel_e = None
    tgt = tgt_s = tgt_e = None
    after = _REL_AFTER.match(text[end:])
    before_text = text[max(0, start - 80) : start]
    offset = max(0, start - 80)
    before = _REL_BEFORE.search(before_text)
    if after is not None:
        rel_s, rel_e = end + after.start("rel"), end + after.end("rel")
        target = _TARGET_AFTER.match(text[rel_e:])
        if target is not None:
            tgt_s, tgt_e = rel_e + target.start("t"), rel_e + target.end("t")
    elif before is not None:
        rel_s, rel_e = offset + before.start("rel"), offset + before.end("rel")
        hs = max(0, rel_s - 80)
        target = _TARGET_BEFORE.search(text[hs:rel_s])
        if target is not None:
            tgt_s, tgt_e = hs + target.start("t"), hs + target.end("t")
        else:
            # "Backed by Egypt and the UAE, Haftar's forces ...": the target follows the list.
            follow = _TARGET_FOLLOW.match(text[end:])
            if follow is not None:
                tgt_s, tgt_e = end + follow.start("t"), end + follow.end("t")
    if rel_s is not None and rel_e is not None:
        rel = text[rel_s:rel_e]
    if tgt_s is not None and tgt_e is not None:
        tgt = text[tgt_s:tgt_e]
    exhaustive = bool(
        re.search(r"\b(?:only|solely|exclusively)\b[^.,;]{0,30}$", text[max(0, start - 40) : start])
        or re.match(r"^\s+(?:alone|only)\b", text[end:])
    )
    return ActorSet(
        start=start,
        end=end,
        text=text[start:end],
        members=tuple(members),
        relation=rel,
        relation_start=rel_s,
        relation_end=rel_e,
        target=tgt,
        target_start=tgt_s,
        target_end=tgt_e,
        exhaustive=exhaustive,
    )


def _family(relation: str | None) -> str | None:
    if relation is None:
        return None
    word = relation.split()[0]
    if _SUPPORTIVE.match(word):
        return "support"
    if _OPPOSING.match(word):
        return "oppose"
    return None


def compare_sets(a: ActorSet, b: ActorSet) -> Verdict:
    """Compare two sets of actors meant to state the same relation.

    Returns
    -------
    Verdict
        ``kind="set"`` with ``shared``, ``only_a`` and ``only_b``. ``agree`` for the same
        members; ``conflict`` when a side marks its list as exhaustive and the other names
        someone outside it, or the same members get opposite relations; else ``compatible``
        (news lists are rarely complete, so naming more or other members is not a
        contradiction).

    Examples
    --------
    >>> canon = {"UAE": "United Arab Emirates"}.get
    >>> a = find_sets("with Egypt, the UAE and Russia backing Haftar", canonical=canon)[0]
    >>> b = find_sets("backed by the United Arab Emirates, Egypt, and Jordan", canonical=canon)[0]
    >>> v = compare_sets(a, b)
    >>> v.verdict, v.shared, v.only_a, v.only_b
    ('compatible', ('Egypt', 'United Arab Emirates'), ('Russia',), ('Jordan',))
    """
    check_type(a, ActorSet, "a")
    check_type(b, ActorSet, "b")
    na, nb = a.names, b.names
    shared = tuple(sorted(na & nb))
    only_a, only_b = tuple(sorted(na - nb)), tuple(sorted(nb - na))
    parts = [f"shared: {', '.join(shared) or 'none'}"]
    if only_a:
        parts.append(f"only in a: {', '.join(only_a)}")
    if only_b:
        parts.append(f"only in b: {', '.join(only_b)}")
    detail = "; ".join(parts)

    def verdict(v: str, why: str) -> Verdict:
        return Verdict(v, "set", a.text, b.text, f"{why} ({detail})", shared, only_a, only_b)

    fa, fb = _family(a.relation), _family(b.relation)
    if shared and fa is not None and fb is not None and fa != fb:
        return verdict("conflict", f"opposite relations: {a.relation!r} vs {b.relation!r}")
    if (a.exhaustive and only_b) or (b.exhaustive and only_a):
        return verdict("conflict", "one side gives its list as complete, the other names more")
    if not only_a and not only_b:
        return verdict("agree", "same members")
    if not shared:
        return verdict("compatible", "no member in common")
    return verdict("compatible", "partly the same members, each list may be incomplete")
