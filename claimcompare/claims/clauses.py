"""A claim's words and clauses: word tokens with their stems, and the spans of its clauses.

The alignment's shared-clause relation and the facts' polarity comparison read claims through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._common.text import CLAUSE_WORDS, stem, word_pattern
from ..errors import ParameterError
from .segment import ends_abbreviation

__all__ = ["Token", "clause_spans", "word_stem", "word_tokens"]

# Irregular past forms -> base form, so that "did not send" meets "sent" (English morphology,
# written here: the common irregular verbs of news reporting).
_IRREGULAR = {
    form: base
    for entry in (
        "begin:began,begun break:broke,broken bring:brought build:built buy:bought catch:caught "
        "choose:chose,chosen come:came do:did,done draw:drew,drawn drive:drove,driven "
        "eat:ate,eaten fall:fell,fallen feel:felt fight:fought find:found flee:fled "
        "fly:flew,flown forbid:forbade,forbidden freeze:froze,frozen get:got,gotten "
        "give:gave,given go:went,gone grow:grew,grown hang:hung hold:held keep:kept "
        "know:knew,known lead:led leave:left lend:lent lose:lost make:made mean:meant meet:met "
        "pay:paid ride:rode,ridden rise:rose,risen run:ran say:said see:saw,seen seek:sought "
        "sell:sold send:sent shake:shook,shaken shoot:shot shrink:shrank,shrunk sing:sang,sung "
        "sit:sat speak:spoke,spoken spend:spent stand:stood steal:stole,stolen "
        "strike:struck,stricken swear:swore,sworn take:took,taken teach:taught tell:told "
        "think:thought throw:threw,thrown understand:understood wake:woke,woken wear:wore,worn "
        "win:won write:wrote,written"
    ).split()
    for base, forms in [entry.split(":")]
    for form in forms.split(",")
}


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    """The Snowball stem of ``word``, lower-cased, irregular past forms mapped to the base verb.

    Examples
    --------
    >>> word_stem("Fought"), word_stem("fighting"), word_stem("Rose")
    ('fight', 'fight', 'rise')
    """
    low = word.lower()
    return stem(_IRREGULAR.get(low, low))


# "isn't" is read as "is", "n", "t": a word stops before its "n't".
_TOKEN_RE = word_pattern(**CLAUSE_WORDS)
_NEGATION_WORDS = frozenset(
    "no not never none nobody nothing neither nor nowhere without cannot n t".split()
)
_FUNCTION_WORDS = _NEGATION_WORDS | frozenset(
    "be been being is are was were am has have had do does did will would shall should can could "
    "may might must ca wo immediately yet even also always ever still really actually officially "
    "the a an any one of to that this these those in on at for with by from and or as it its his "
    "her their he she they them we us our you your i me my who whom which what whose there here "
    "than then so such s just only very too some all both each every much many more most other "
    "another into onto upon about out up down if when where while how why".split()
)
_CLAUSE_BREAK = re.compile(
    r"[,;:!?()\[\]\"“”«»]|\.(?=\s|$)|\b(?:but|while|whereas|although|though|because|however|"
    r"unless|yet)\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
# A conjunct with its own auxiliary or negation is a clause of its own: "a clown is singing and
# people are not dancing"; "holding a sign and seeking money" shares its subject and auxiliary.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|will|would|can|could|shall|should|may|might|must|"
    r"do|does|did|there|no|not|never|nobody|none|nothing|cannot)\b|n['’]t\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: its span, its stem and whether it is a content word.

    Attributes
    ----------
    start, end, text : int, int, str
        The word and its half-open offsets ("isn't" gives "is" and "n't" is left out).
    stem : str
        Its Snowball stem after irregular past forms are mapped to the base verb ("sent" ->
        "send").
    content : bool
        False for function words and negation words ("the", "was", "not").

    Examples
    --------
    >>> [(t.text, t.stem, t.content) for t in word_tokens("Troops were sent")]
    [('Troops', 'troop', True), ('were', 'were', False), ('sent', 'send', True)]
    """

    start: int
    end: int
    text: str
    stem: str
    content: bool


def word_tokens(text: str) -> list[Token]:
    """The words of ``text`` in order, with their stems and whether they carry content.

    Examples
    --------
    >>> [t.text for t in word_tokens("The city isn't taken") if t.content]
    ['city', 'taken']
    """
    out = []
    for m in _TOKEN_RE.finditer(text):
        low = m.group().lower()
        out.append(Token(m.start(), m.end(), m.group(), word_stem(low), low not in _FUNCTION_WORDS))
    return out


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the clauses of ``text``, in order, covering every word.

    A clause ends at punctuation other than an apostrophe or hyphen, at a subordinating "but",
    "while", "although", "because"... and at an "and"/"or" whose conjunct has its own auxiliary
    or negation ("... is singing and people are not dancing"); an "and" between two nouns or two
    verbs that share the auxiliary ("holding a sign and seeking money") does not end a clause.
    The separators themselves belong to no clause; whitespace at either end is trimmed.

    Examples
    --------
    >>> text = "A clown is singing and people are not dancing, he said."
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['A clown is singing', 'people are not dancing', 'he said']
    >>> text = "A man is holding a sign and seeking money"
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['A man is holding a sign and seeking money']
    >>> text = "U.S. troops left Sirte. Turkey sent troops"
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['U.S. troops left Sirte', 'Turkey sent troops']
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.group() == "." and ends_abbreviation(text, m.start()):
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        s = start
        for m in _JOIN.finditer(text, start, end):
            if m.start() < s:
                continue
            if _FINITE.search(text, m.end(), end) and _TOKEN_RE.search(text, s, m.start()):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, end))
    trimmed = []
    for s, e in out:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = e - (len(chunk) - len(chunk.rstrip()))
        if s2 < e2 and _TOKEN_RE.search(text, s2, e2):
            trimmed.append((s2, e2))
    return trimmed
