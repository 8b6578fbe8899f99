"""Who says a sentence: reporting cues, their speakers and the span each voice covers.

Rules, not a parser: a cue is a reporting verb or "according to" outside quotation marks, and its
speaker a noun phrase before or after it. The rules and their reasons: docs/getting-started.md,
"How speakers are found".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .segment import Quote, trim

__all__ = ["Attribution", "attribute_sentence", "is_pronoun", "leading_name"]

_SPEECH_VERBS = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "claimed",
    "claiming",
    "announced",
    "announces",
    "announcing",
    "added",
    "adding",
    "insisted",
    "insists",
    "insisting",
    "stated",
    "declared",
    "declares",
    "declaring",
    "stressed",
    "noted",
    "explained",
    "argued",
    "alleged",
    "asserted",
    "confirmed",
    "denied",
    "warned",
    "warns",
    "warning",
    "reported",
    "wrote",
    "writes",
    "acknowledged",
    "admitted",
    "admits",
    "maintained",
]
_CUE = re.compile(
    r"\b(?:(?P<according>according to)"
    r"|(?P<directive>urged|urges|urging|asked|appealed to|(?:called|calling) on|calls on)"
    r"|(?P<speech>(?:called|calling|calls) for|" + "|".join(_SPEECH_VERBS) + r"))\b"
    r"(?P<frame>\s+(?:in|on) (?:a|an|the) (?:written |joint |televised |video |audio )?"
    r"(?:statement|interview))?",
    re.IGNORECASE,
)
# "calls for" is a noun as often as a verb: as a verb it follows its subject directly.
_NOUN_CALLS = re.compile(r"(?:^|[\s(])(?:[a-z][\w-]*|[A-Z][a-z]*ed)\s+$")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+$", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_CONJUNCTIONS = {"and", "or", "but", "nor", "so", "yet", "while", "whereas"}
_LEADING = re.compile(
    r"^(?:(?:and|but|so|yet|also|meanwhile|additionally|however|moreover|separately|earlier|later|"
    r"then|now|still|further|furthermore|instead|indeed|in addition|in turn|with)\b,?\s*"
    r"|(?:on|in|at|after|before|during|since|last|this|earlier|later|following|as|while|when|for|"
    r"by|from|over|under|amid|despite)\b[^,]{0,80},\s*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:also|later|then|previously|had|has|have|having|would|will|did|does|do|again|"
    r"reportedly|earlier|once|further|recently|already|repeatedly|too|both|all|not|never))+\s*$",
    re.IGNORECASE,
)
_STOP_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "been",
        "being",
        "also",
        "not",
        "never",
        "which",
        "who",
        "that",
        "whose",
        "whom",
        "when",
        "where",
        "while",
        "as",
        "if",
        "because",
    ]
)
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"}
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|al-\w+|el-\w+|bin|ibn|bint|abu|de|van|von)"
_TITLES = (
    r"(?i:president|prime minister|minister|general|gen\.|field marshal|marshal|"
    r"commander|colonel|col\.|spokesman|spokeswoman|spokesperson|envoy|adviser|advisor|"
    r"secretary|chancellor|king|prince|sheikh|ambassador|senator|sen\.|governor|mayor|leader|"
    r"chief|head|official|mr\.|mrs\.|ms\.|dr\.)"
)
_TITLE = re.compile(rf"^.*\b{_TITLES}\s+(?P<name>[A-Z][\w’'.-]*(?:\s+{_NAME_WORD})*)$")
# '"...," said LNA spokesman Ahmad al-Mesmari': up to a title, the name starts after it.
_TITLED_AFTER = re.compile(rf"\s*(?:[\w’'.-]+\s+){{0,4}}?(?P<title>{_TITLES})\s+(?=[A-Z])")
# Between a quote (or a clause and its comma) and an inverted cue: '"...," said X'.
_INVERTED_GAP = re.compile(r"[\s,;:—–-]*")
_NAME = re.compile(rf"^[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,4}}$")
_NAME_RUN = re.compile(rf"[A-Z][\w’'-]*(?:\s+{_NAME_WORD})*(?=[\s,])")
_POSSESSIVE = re.compile(r"['’]s\b")
_NAME_AFTER = re.compile(
    rf"\s*(?P<name>(?:(?:the|a|an)\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|for))*)",
)
_FRAME_BEFORE_THAT = re.compile(
    r"^\s*(?:(?:in|on|at|during|to|via|through|late|earlier|last|in an?|on an?)\b[^\"“«]*)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'.-]+")
_THAT = re.compile(r"\bthat\b")
_TO = re.compile(r"\bto\b")
_ACCORDING_TAIL = re.compile(r",\s*according to\b", re.IGNORECASE)

# Trailing attribution: "Sirte fell, officials said." A speaker after a comma (or, inverted, after
# the cue) that is not a name must end in a noun for who can speak ("officials", "the army", "a
# spokesman for the LNA", "two diplomats"): a clause's noun ("the city he had said") is not one.
_SPEAKER_NOUNS = frozenset(
    """
    poll polls survey surveys study
    official officials spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople
    army armies military militia militias ministry ministries government governments authority
    authorities police agency agencies office council parliament assembly cabinet administration
    presidency command headquarters committee commission court tribunal prosecution
    coalition alliance group groups movement party parties mission delegation embassy consulate
    center centre department service services forces troops soldiers fighters rebels
    militants insurgents residents resident witness witnesses source sources people person man
    men woman women diplomat diplomats analyst analysts expert experts observer observers
    monitor monitors activist activists doctor doctors medic medics nurse nurses staff critics
    rivals allies aide aides adviser advisers advisor advisors envoy envoys minister ministers
    president general commander commanders colonel officer officers chief chiefs head leader
    leaders secretary ambassador ambassadors governor mayor mayors lawmaker lawmakers senator
    senators representative representatives negotiator negotiators mediator mediators
    investigator investigators prosecutor prosecutors lawyer lawyers journalist journalists
    reporter reporters correspondent correspondents statement report reports media newspaper
    broadcaster website daughter son wife husband brother sister father mother family families
    relative relatives neighbour neighbours neighbor neighbors friend friends colleague
    colleagues survivor survivors victim victims citizen citizens locals elders elder
    """.split()
)
# Plural nouns for people by their suffix: "protesters", "campaigners", "migrants".
_PEOPLE_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent)s$")
# A speaker's head noun is followed by these ("a spokesman for the LNA", "officials in Tripoli").
_POSTMODIFIER = frozenset({"of", "for", "from", "with", "at", "in"})
# Where a speaker after its cue ends: "said officials on Monday", "according to officials who".
_SPEAKER_END = frozenset(
    """
    on in at during after before since while when late earlier later last this yesterday today
    tonight overnight monday tuesday wednesday thursday friday saturday sunday who which that
    citing speaking via by to without under
    """.split()
)
_SUBORDINATORS = frozenset({"when", "while", "after", "before", "as", "since", "if", "once"})
_NOT_FIRST = (_SPEAKER_END | _POSTMODIFIER | _CONJUNCTIONS) - {"this"}
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|m|d|t)$|^(?:he|she|it|they|we|i|you)['’]")
_SPEAKER_LIMIT = re.compile(r"[,;:\"“”«»()]")
_TELL = re.compile(r"(?i:told|tells|telling)\b")
_PARTICIPLE = re.compile(
    r"\s*(?:adding|saying|noting|insisting|warning|claiming|stressing|explaining)\b"
)


def is_pronoun(text: str) -> bool:
    """True for a personal pronoun that needs an antecedent ("He", "they").

    Examples
    --------
    >>> is_pronoun("He"), is_pronoun("Haftar")
    (True, False)
    """
    return text.strip().lower() in _PRONOUNS


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker and cue of a sentence, and the spans of what the speaker says.

    All offsets are into the document text. ``content`` spans are what the speaker is reported
    to say (in quoted voice where inside ``quotes``, otherwise attributed paraphrase).
    """

    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    content: tuple[tuple[int, int], ...]


_NONE = Attribution(None, None, None, None, None, None, ())


def _inside(pos: int, quotes: list[Quote]) -> bool:
    return any(q.open <= pos < q.close for q in quotes)


def _strip_leading(text: str, start: int, end: int) -> int:
    """Skip leading conjunctions and adverbial phrases ("Meanwhile, ", "On Monday, ")."""
    match = _LEADING.match(text[start:end])
    if match and match.end() < end - start:
        return start + match.end()
    return start


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunks = []
    offset = start
    for part in text[start:end].split(","):
        s, e = trim(text, offset, offset + len(part))
        if s < e:
            chunks.append((s, e))
        offset += len(part) + 1
    return chunks


def _is_name(text: str, span: tuple[int, int]) -> bool:
    return bool(_NAME.match(text[span[0] : span[1]]))


def _clean_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim an attribution subject to its noun phrase, or None if it does not look like one."""
    start, end = trim(text, start, end)
    start = _strip_leading(text, start, end)
    match = _TRAILING.search(text, start, end)
    if match and match.end() == end:
        end = match.start()
    start, end = trim(text, start, end)
    while end > start and text[end - 1] in ",;:":
        end -= 1
    if start >= end:
        return None
    if "," in text[start:end]:
        # An appositive: "Name, a spokesman for X" -> Name; "senior adviser, Name" -> Name;
        # "The self-styled commander of X, Name" -> Name; "The rebels, backed by X" -> The rebels.
        chunks = _chunks(text, start, end)
        if _is_name(text, chunks[0]) or is_pronoun(text[chunks[0][0] : chunks[0][1]]):
            return _clean_np(text, *chunks[0])
        if len(chunks) > 1 and _is_name(text, chunks[1]):
            return _clean_np(text, *chunks[1])
        return _clean_np(text, *chunks[0])
    segment = text[start:end]
    words = _WORD.findall(segment)
    if not words or len(words) > 10 or words[0].lower() in _CONJUNCTIONS:
        return None
    if any(w.lower() in _STOP_WORDS for w in words) or any(ch in segment for ch in '"“”«»'):
        return None
    first = words[0]
    if not (first[0].isupper() or first.lower() in _DETERMINERS or len(words) <= 2):
        return None
    title = _TITLE.match(segment)
    if title:
        start += title.start("name")
    return start, end


def _leading_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence-initial noun phrase: words up to the first verb-like word or comma."""
    s = _strip_leading(text, *trim(text, start, end))
    stop = s
    for match in _WORD.finditer(text, s, end):
        word = match.group(0)
        lower = word.lower()
        if match.start() > s and (
            lower in _STOP_WORDS
            or lower in _CONJUNCTIONS
            or (word.islower() and "-" not in word and (lower.endswith("ed") or lower in _VERBS))
        ):
            break
        if "," in text[stop : match.start()]:
            break
        stop = match.end()
    if stop == s:
        return None
    return _clean_np(text, s, stop)


def leading_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person's name a sentence opens with ("Ahmad al-Mesmari spoke ..."), or None.

    Examples
    --------
    >>> s = "On Monday, LNA spokesman Ahmad al-Mesmari spoke to reporters."
    >>> span = leading_name(s, 0, len(s))
    >>> s[span[0] : span[1]]
    'Ahmad al-Mesmari'
    >>> [leading_name(s, 0, len(s)) for s in ("The army moved.", "Haftar’s forces moved.")]
    [None, None]
    """
    s = _strip_leading(text, *trim(text, start, end))
    titled = _TITLED_AFTER.match(text, s, end)
    if titled and all(w[0].isupper() for w in _WORD.findall(text, s, titled.start("title"))):
        s = titled.end()  # "LNA spokesman Ahmad al-Mesmari", "Foreign Minister Mevlut Cavusoglu"
    match = _NAME_RUN.match(text, s, end)
    if match is None:
        return None
    name_start, name_end = match.span()
    if _POSSESSIVE.search(text, name_start, name_end):
        return None  # "Haftar’s forces": the subject is not the person
    titled = _TITLE.match(text[name_start:name_end])
    if titled:
        name_start += titled.start("name")
    # One capitalised word could be a place or an organisation ("Sirte", "Officials").
    if len(_WORD.findall(text[name_start:name_end])) < 2:
        return None
    return name_start, name_end


_VERBS = frozenset(_SPEECH_VERBS) | {"urged", "urges", "called", "calls", "denounced", "rejected"}


def attribute_sentence(text: str, start: int, end: int, quotes: list[Quote]) -> Attribution:
    """Find the cue, speaker and content spans of the sentence ``text[start:end]``.

    ``quotes`` are the quotations overlapping the sentence.

    Examples
    --------
    >>> from claimcompare.claims.segment import paragraph_quotes
    >>> s = '"Sirte has been liberated," Ahmad al-Mesmari, spokesman for the LNA, said.'
    >>> a = attribute_sentence(s, 0, len(s), paragraph_quotes(s))
    >>> a.speaker, a.cue, [s[x:y] for x, y in a.content]
    ('Ahmad al-Mesmari', 'said', ['"Sirte has been liberated,"'])
    """
    for match in _CUE.finditer(text, start, end):
        if _inside(match.start(), quotes):
            continue
        preceding = text[max(start, match.start() - 30) : match.start()]
        if match.group("speech") and _PASSIVE.search(preceding):
            continue
        if match.group(0).lower().startswith("calls") and _NOUN_CALLS.search(preceding):
            continue
        found = _attribute_cue(text, start, end, quotes, match)
        if found is not None:
            return found
    return _NONE


def _has_words(text: str, span: tuple[int, int]) -> bool:
    return any(ch.isalnum() for ch in text[span[0] : span[1]])


def _attribute_cue(
    text: str, start: int, end: int, quotes: list[Quote], match: re.Match[str]
) -> Attribution | None:
    """The attribution the cue ``match`` makes in the sentence ``text[start:end]``, if any."""
    cue_start = match.start()
    before = [q for q in quotes if start < q.close <= cue_start]
    after = [q for q in quotes if match.end() <= q.open < end]
    if match.group("according"):
        return _according_to(text, start, end, match)
    inverted = _inverted(text, start, end, quotes, match, before, after)
    if inverted is not None:
        return inverted
    quoted = _after_quote(text, start, match, before, after) if before else None
    if quoted is not None:
        return quoted
    if not _has_words(text, (start, cue_start)):
        return None
    trailing = _trailing(text, start, end, quotes, match)
    if trailing is not None:
        return trailing
    speaker = _subject(text, start, cue_start)
    if speaker is None:
        return None
    said = _said_after_cue(text, end, match, after)
    lead = _strip_leading(text, *trim(text, start, cue_start))
    if not _has_words(text, said) and speaker[0] > lead:
        # 'Sirte has fallen, Haftar said.': what was said stands before the speaker.
        comma = text.rfind(",", lead, speaker[0])
        if comma > lead and not text[comma + 1 : speaker[0]].strip():
            said = trim(text, start, comma)
    return _result(text, match, speaker, [said])


def _according_to(text: str, start: int, end: int, match: re.Match[str]) -> Attribution | None:
    """'X, according to Y' and 'According to Y, X': the speaker follows the cue."""
    cue_start, cue_end = match.start(), match.end()
    speaker = _speaker_after(text, cue_end, end) or _after_np(text, cue_end, end)
    if speaker is None:
        return None
    prefix = trim(text, start, cue_start)
    while prefix[1] > prefix[0] and text[prefix[1] - 1] in ",;:":
        prefix = (prefix[0], prefix[1] - 1)  # "X, according to Y": X without its comma
    if _has_words(text, prefix):
        # "X, according to officials, that Y": the parenthesis covers the whole sentence.
        comma = text.find(",", speaker[1], end)
        if comma >= 0 and _short_tail(text, speaker[1], comma, told=False):
            return _result(text, match, speaker, [prefix, trim(text, comma + 1, end)])
        return _result(text, match, speaker, [prefix])
    comma = text.find(",", speaker[1], end)
    return _result(text, match, speaker, [trim(text, comma + 1, end)] if comma >= 0 else [])


def _after_quote(
    text: str, start: int, match: re.Match[str], before: list[Quote], after: list[Quote]
) -> Attribution | None:
    """'"...," he said' or '“...” after seizing X, the LNA said'.

    The speaker stands between the last quote and the cue, and everything before the speaker is
    what was said.
    """
    cue_start = match.start()
    last = before[-1]
    region = _strip_leading(text, *trim(text, last.close, cue_start))
    speaker = _clean_np(text, region, cue_start)
    if speaker is None:
        return None
    said_end = region if region > trim(text, last.close, cue_start)[0] else last.close
    content = [trim(text, start, said_end)]
    content += [(q.start, q.end) for q in after]
    return _result(text, match, speaker, content)


def _subject(text: str, start: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker before the cue: the subject noun phrase, after the last comma, or leading."""
    speaker = _clean_np(text, start, cue_start)
    if speaker is None and "," in text[start:cue_start]:
        speaker = _clean_np(text, text.rfind(",", start, cue_start) + 1, cue_start)
    if speaker is None:
        speaker = _leading_np(text, start, cue_start)
    return speaker


def _said_after_cue(
    text: str, end: int, match: re.Match[str], after: list[Quote]
) -> tuple[int, int]:
    """What the speaker says after the cue: after "to" or "that", a colon, or the cue itself."""
    cue_end = match.end()
    first_quote = after[0].open if after else end
    content_start = cue_end
    content_end = end
    if match.group("directive"):
        to = _TO.search(text, cue_end, min(end, cue_end + 100))
        if to and "," not in text[cue_end : to.start()] and to.start() <= first_quote:
            content_start = to.start()
        else:
            comma = text.find(",", cue_end, end)
            content_end = comma if comma >= 0 else end
    else:
        that = _THAT.search(text, cue_end, min(end, cue_end + 120))
        between = text[cue_end : that.start()] if that else ""
        told = match.group(0).lower().startswith("told") and len(between.split()) <= 4
        framed = bool(match.group("frame")) and not any(ch in between for ch in '"“«')
        if (
            that
            and that.start() < first_quote
            and (_FRAME_BEFORE_THAT.match(between) or told or framed)
        ):
            content_start = that.end()
        else:
            colon = text.find(":", cue_end, min(first_quote, cue_end + 60))
            if colon >= 0:
                content_start = colon + 1
    tail = _ACCORDING_TAIL.search(text, content_start, content_end)
    if tail:
        content_end = tail.start()
    return trim(text, content_start, content_end)


def _inverted(
    text: str,
    start: int,
    end: int,
    quotes: list[Quote],
    match: re.Match[str],
    before: list[Quote],
    after: list[Quote],
) -> Attribution | None:
    """'"We won," said Haftar' and 'Sirte has fallen, said Haftar': the speaker after the cue."""
    if not match.group("speech") or match.group(0).lower().endswith("ing"):
        return None  # "..., saying the city fell" is no inverted "said X"
    cue_start, cue_end = match.start(), match.end()
    quoted = bool(before) and _INVERTED_GAP.fullmatch(text, before[-1].close, cue_start)
    if quoted:
        said_end = before[-1].close
    else:
        head = text[start:cue_start].rstrip()
        if not head.endswith(",") or not _has_words(text, (start, cue_start)):
            return None
        said_end = start + len(head) - 1
    limit = end
    for mark in ',;:"“”«»(':
        found = text.find(mark, cue_end, limit)
        if found >= 0:
            limit = found
    titled = _TITLED_AFTER.match(text, cue_end, limit)
    name_start = titled.end() if titled else cue_end
    speaker = _speaker_after(text, name_start, limit)
    if speaker is not None and not _short_tail(text, speaker[1], limit, told=False):
        speaker = None  # "X, a spokesman, said officials were wrong"
    speaker = speaker or _after_np(text, name_start, limit)
    if speaker is None:
        return None
    tail = text[speaker[1] : end]
    if not quoted and (any(ch in tail for ch in ',;:"“«') or len(_WORD.findall(tail)) > 4):
        return None  # "X, a spokesman, said Sirte, which lies ...": not inverted
    content = [trim(text, start, said_end)] + [(q.start, q.end) for q in after]
    return _result(text, match, speaker, content)


def _after_np(text: str, pos: int, end: int) -> tuple[int, int] | None:
    match = _NAME_AFTER.match(text, pos, end)
    if not match:
        return None
    s, e = trim(text, *match.span("name"))
    if text[e - 1] == "." and "." not in text[s : e - 1].split()[-1]:
        e -= 1  # the sentence's full stop, not an abbreviation's ("the U.N.")
    return s, e


def _speaker_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` as a speaker's noun phrase, or None if it does not look like one.

    A pronoun ("they"), or up to eight words with no verb-like function word whose head noun (the
    word before "of", "for", ...) is a name or a noun for who can speak: "officials", "the
    army", "a spokesman for the LNA", "the Libyan National Army's spokesman", "U.S. officials".
    """
    start, end = trim(text, start, end)
    segment = text[start:end]
    words = _WORD.findall(segment)
    if not words or _SPEAKER_LIMIT.search(segment):
        return None
    lower = [w.lower() for w in words]
    if len(words) == 1 and lower[0] in _PRONOUNS:
        return start, end
    if len(words) > 8 or lower[0] in _NOT_FIRST or lower[-1] in _CONJUNCTIONS:
        return None  # "and officials", "on Sunday", "in a statement"
    if any(_CONTRACTION.search(w) for w in lower):
        return None  # "he'll coerce Mexico"
    if lower[0] not in _SPEAKER_NOUNS and lower[0].endswith(("ing", "ly")):
        return None  # "recently releasing a report"
    for before, word in itertools.pairwise(words):
        if before[0].isupper() and word.islower() and word.endswith("ed") and "-" not in word:
            return None  # "Steele issued a statement", not "the embattled president"
    if any(w in _STOP_WORDS or w in _PRONOUNS or w in _CONJUNCTIONS - {"and"} for w in lower):
        return None
    cut = next((i for i, w in enumerate(lower) if i > 0 and w in _POSTMODIFIER), len(words))
    if cut == len(words) - 1:
        return None  # "officials in"
    head = _POSSESSIVE.sub("", words[cut - 1])
    if head.lower() in _SPEAKER_END:
        return None  # "a poll released Saturday"
    named = re.fullmatch(_NAME_WORD, head) is not None
    noun = head.lower() in _SPEAKER_NOUNS or bool(_PEOPLE_SUFFIX.search(head.lower()))
    if not (named or noun) or (head.islower() and not noun):
        return None
    title = _TITLE.match(segment)
    if title:
        start += title.start("name")  # "LNA spokesman Ahmad al-Mesmari" -> the name
    return start, end


def _speaker_after(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The longest speaker noun phrase starting at ``pos``: "said officials on Monday"."""
    limit = _SPEAKER_LIMIT.search(text, pos, end)
    stop = limit.start() if limit else end
    ends = []
    for i, match in enumerate(_WORD.finditer(text, pos, stop)):
        if i > 0 and match.group(0).lower() in _SPEAKER_END:
            break
        word_end = match.end()
        if text[word_end - 1] == "." and "." not in match.group(0)[:-1]:
            word_end -= 1  # the sentence's full stop, not an abbreviation's ("the U.N.")
        ends.append(word_end)
    for e in reversed(ends):
        found = _speaker_np(text, pos, e)
        if found is not None:
            return found
    return None


def _short_tail(text: str, pos: int, end: int, *, told: bool) -> bool:
    """Whether ``text[pos:end]`` only sets a trailing cue: "", "on Monday", "told reporters"."""
    words = [w.lower() for w in _WORD.findall(text, pos, end) if any(c.isalnum() for c in w)]
    if not words:
        return True
    if len(words) > 8 or any(w in _STOP_WORDS or w in _PRONOUNS for w in words):
        return False
    return told or words[0] in _SPEAKER_END or words[0] in _POSTMODIFIER


def _trailing(
    text: str, start: int, end: int, quotes: list[Quote], match: re.Match[str]
) -> Attribution | None:
    """'Sirte fell, officials said (on Monday).': the speaker between the last comma and the cue.

    What was said stands before the comma; the cue may be followed only by its setting ("on
    Monday", "told reporters"), then the sentence ends or a comma opens more ("..., adding ...").
    """
    cue_start, cue_end = match.start(), match.end()
    comma = text.rfind(",", start, cue_start)
    if comma < 0 or _inside(comma, quotes):
        return None
    lead = _strip_leading(text, *trim(text, start, cue_start))
    said = trim(text, start, comma)
    if lead > comma or not _has_words(text, said) or _is_name(text, trim(text, lead, comma)):
        return None  # "On Monday, officials said ...", "Ahmad al-Mesmari, LNA spokesman said"
    speaker_end = cue_start
    adverbs = _TRAILING.search(text, comma + 1, cue_start)
    if adverbs and adverbs.end() == cue_start:
        speaker_end = adverbs.start()  # "officials later said"
    speaker = _speaker_np(text, comma + 1, speaker_end)
    if speaker is None:
        return None
    after = [q for q in quotes if cue_end <= q.open < end]
    rest = next((i for i in range(cue_end, end) if text[i] in ",:" and not _inside(i, quotes)), end)
    rest = min([rest] + [q.open for q in after])
    told = bool(_TELL.match(text, cue_start))
    if not _short_tail(text, cue_end, rest, told=told):
        return None
    if after and not _has_words(text, (rest, after[0].open)):
        # 'The savings, she said, "do not cut ..."': both parts are what was said, but in
        # 'Asked about X, he said, "..."' the participle before the comma is the outlet's frame.
        quoted = [(q.start, q.end) for q in after]
        opener = _WORD.match(text, lead)
        clause = _WORD.match(text, _chunks(text, *said)[-1][0])
        if (opener and opener.group(0).lower().endswith(("ed", "ing"))) or (
            clause and clause.group(0).lower() in _SUBORDINATORS
        ):
            return _result(text, match, speaker, quoted)  # "A month ago, when ..., he said: "
        return _result(text, match, speaker, [said, *quoted])
    # "X, officials said, adding that Y" and "X, he said, and Y": both parts are what was said.
    content = [said]
    if rest < end:
        content.append(trim(text, rest + 1, end))
    return _result(text, match, speaker, content)


def _result(
    text: str, match: re.Match[str], speaker: tuple[int, int], content: list[tuple[int, int]]
) -> Attribution:
    spans = tuple(sorted(span for span in content if _has_words(text, span)))
    return Attribution(
        cue=match.group(0),
        cue_start=match.start(),
        cue_end=match.end(),
        speaker=text[speaker[0] : speaker[1]],
        speaker_start=speaker[0],
        speaker_end=speaker[1],
        content=spans,
    )
