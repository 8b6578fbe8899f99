"""In whose voice a loaded term is (``voice``, ``voice_rule``), and the outlet's scare quotes.

A match takes the voice of the claim's span that holds it (the outlet's, quoted or attributed),
unless a rule says the words are the outlet's own; short quotations the outlet keeps its
distance from are scare quotes. The rules are in docs/loaded-terms.md ("Voice", "Scare quotes").
"""

from __future__ import annotations

import re

from ..claims import Claim
from ..lexicon import TermMatch
from .targets import (
    DISTANCING_TERM,
    GOVERNMENT_NOUNS,
    NO_TARGET,
    SPEAKER_CATEGORIES,
    WORD,
    Context,
    Found,
)

__all__ = ["SCARE_POLARITY", "SCARE_QUOTE", "SCARE_WEIGHT", "match_voice", "scare_quotes"]

SCARE_QUOTE = "scare_quote"
_OWN_SIDE = re.compile(r"\b(?:his|her|its|their)\s+$", re.IGNORECASE)
# "what it called", "what they described as": the outlet distancing itself from a speaker's label.
_DISTANCING = re.compile(
    r"\b(?:what\s+(?:it|they|he|she)\s+(?:call(?:s|ed)?|term(?:s|ed)?|describe[sd]?\s+as|"
    r"dubbed|labell?ed|branded)|so-called)\s*[\"'\u201c\u2018\u00ab]?\s*$",
    re.IGNORECASE,
)
_SCARE_MAX_WORDS = 3
SCARE_POLARITY = -1
SCARE_WEIGHT = 0.5


def match_voice(ctx: Context, m: TermMatch, claim: Claim | None, target: Found) -> tuple[str, str]:
    """The voice of a match and the rule behind it (docs/loaded-terms.md, "Voice")."""
    if claim is None:
        return "outlet", "outside any claim"
    span = next((s for s in claim.spans if s.start <= m.start < s.end), None)
    voice = span.voice if span is not None else "outlet"
    if voice == "quoted":
        return voice, "voice span"
    if DISTANCING_TERM.match(m.text) and m.category not in SPEAKER_CATEGORIES:
        return "outlet", "distancing marker"
    if voice == "attributed" and m.category == "loaded_attribution":
        return "outlet", "attribution verb"
    if voice == "attributed" and m.category == "legitimising_label":
        words = {w.lower() for w in WORD.findall(m.text)}
        # a modifier of "government" after it, not a phrase holding the word ("government forces")
        on_government = ctx.head(m) in GOVERNMENT_NOUNS and not words & GOVERNMENT_NOUNS
        speaker = ctx.speaker_target(claim)
        own = speaker is not None and speaker.actor == target.actor
        if on_government and not own:
            return "outlet", "outlet's description in paraphrase"
    if voice == "attributed" and m.polarity < 0 and m.category not in SPEAKER_CATEGORIES:
        speaker = ctx.speaker_target(claim)
        own = speaker is not None and speaker.actor == target.actor
        if own or _OWN_SIDE.search(ctx.text[claim.start : m.start]):
            return "outlet", "speaker's own side in paraphrase"
    return voice, "voice span"


def scare_quotes(ctx: Context) -> list[tuple[int, int, Claim, Found]]:
    """Short quotations the outlet puts in quotation marks to keep its distance ("Scare quotes")."""
    found = []
    for claim in ctx.claims:
        claim_words = len(WORD.findall(claim.text))
        for start, end in claim.quotes:
            words = len(WORD.findall(ctx.text[start:end]))
            if not 0 < words <= _SCARE_MAX_WORDS or 2 * words > claim_words:
                continue
            marked = _DISTANCING.search(ctx.text[claim.start : start])
            if claim.speaker is not None and not marked:
                continue
            who = ctx.speaker_target(claim) if claim.speaker is not None else None
            target = Found(who.actor, "whose words are quoted") if who is not None else NO_TARGET
            found.append((start, end, claim, target))
    return found
