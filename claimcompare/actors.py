"""Actors and their aliases: who is named in a corpus, and under which names.

:func:`find_actors` proposes names from capitalisation: runs of capitalised words with name
particles (``al-Sarraj``, ``bin Salman``, ``Government of National Accord``) and acronyms, with
possessives (``Haftar's``) and titles (``General``, ``Prime Minister``) stripped. Capitals that a
sentence start, a quote or a Title Case headline explain carry no weight: a common word there is
dropped, and a single word seen only at sentence starts is kept only if another rule joins it to
an actor. The forms that name one actor are then merged, each with the rule that made it:

========================  ===================================================================
rule                      when
========================  ===================================================================
``user``                  the caller said so; a user alias never moves to another actor
``acronym expansion``     the text spells the acronym out: ``Libyan National Army (LNA)``
``gazetteer``             the shipped list of well-known aliases (``UAE``, ``U.S.``, ``NATO``)
``demonym``               ``Libyan`` -> ``Libya``, for the demonyms the gazetteer lists
``same name in other      ``COVID`` / ``Covid``
capitals``
``words reordered``       ``Tayyip Recep Erdogan`` / ``Recep Tayyip Erdogan``
``surname``               ``Haftar`` / ``Khalifa Haftar``: the last name word of one actor's full
                          name (or of one with at least 90% of the full-name mentions), seen in
                          an article together with it
``shorter form``          ``Donald Trump`` / ``Donald J. Trump`` (middle initials must agree)
``fuzzy ratio``           spelling variants: ``al-Mesmari`` / ``al-Mismari``, ``Haftar`` / ``Hafar``
========================  ===================================================================

Demonyms are adjectives ("Libyan fighters") as often as names of the state, and ``Libya`` is a
prefix of ``Libyan``: fuzzy matching never joins them; the gazetteer does, as its own
``demonym`` rule, which ``demonyms=False`` turns off (the demonym is then an actor of its own).

Fuzzy merges (RapidFuzz ``ratio`` >= ``fuzzy_threshold``) are guarded so that distinct names stay
apart: both words at least 5 letters, the same first letter, neither a prefix of the other, at
most one edit (two above 10 letters), a substituted letter must be a vowel for a vowel and not in
the last three letters (``Johnson`` / ``Johnsen``), neither word common in lower case, two
spellings met in one article only if one is a rare slip, acronyms never, and every surname of one
group must match every surname of the other. ``Egypt`` / ``Erdogan``, ``Tripoli`` / ``Tobruk``,
``Libya`` / ``Libyan``, ``Saleh`` / ``Salem`` and ``GNA`` / ``LNA`` therefore never merge.

:class:`ActorIndex` finds the known aliases of actors in any text in one pass over its tokens;
:func:`actor_mentions` lists every mention with offsets into ``Document.text``.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Union

import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ._common.data import data_rows
from .document import Corpus, Document, documents_of
from .errors import ParameterError, require_columns

__all__ = ["ActorIndex", "Mention", "actor_mentions", "find_actors"]

logger = logging.getLogger(__name__)

ActorsLike = Union[Mapping[str, Iterable[str]], pd.DataFrame, "ActorIndex"]
Key = tuple[str, ...]
Token = tuple[int, int, str]

# --------------------------------------------------------------------------------------------
# word lists

# A word: letters or digits, with the combining marks that belong to it; "U.S." is one token.
_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f])*"
)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_DOT_GAP_RE = re.compile(r"\.[ \t\u00a0\u2009\u202f]*")
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
_NEWLINES = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_SENTENCE_CHARS = frozenset(".!?:;\"“”„«»‘’'()[]{}…—–•*|/<>=#-")
_VOWELS = frozenset("aeiouyáàâäãåéèêëíìîïóòôöõúùûüýÿæœ")

# Particles joined to a name after a space ("Fayez al Sarraj", "Mohammed bin Salman").
_SPACE_PARTICLES = frozenset(
    "al el bin ibn bint de del della di da du dos das van von der den ter ten le la".split()
)
# Particles joined to a name by a hyphen ("al-Sarraj", "as-Sisi", "ul-Haq").
_HYPHEN_PARTICLES = _SPACE_PARTICLES | frozenset("ad ar as ash at az an ul ud abu abd".split())
# Lower-case words allowed inside a name: "Government of National Accord", "Bank of the South".
_CONNECTORS = frozenset({"of", "the"})
# Not name words for surnames, and compared case-insensitively.
_NON_CORE = (_HYPHEN_PARTICLES - {"abu", "abd"}) | _CONNECTORS
# Capitalised prefixes that a hyphen binds to the next word: "Al-Arabiya", "Abdel-Fattah".
_CAP_JOINERS = frozenset(
    {"Al", "El", "Abd", "Abdel", "Abdul", "Abdal", "Abu", "Bin", "Ibn", "Ould"}
)
# Words an expansion may contain between its initials: "Islamic State of Iraq and Syria".
_EXPANSION_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "du", "des"})

_STOPWORDS = frozenset(
    """
    a about above according accordingly across additionally after afterwards again against ago
    all almost along already also although always am among amid an and another any anyone
    anything are around as at back be because been before being below beside besides between
    beyond both but by can could did do does doing done down during each earlier either else
    even ever every everyone everything except few first following for former from further
    had has have having he hence her here hers herself him himself his how however i if in
    including indeed inside instead into is it its itself just last late later latest least
    less let like many may maybe me meanwhile might mine more moreover most much must my myself
    near nearly neither never nevertheless new next no nobody none nor not nothing now of off
    often on once one only onto or other others otherwise our ours ourselves out over own
    per perhaps please rather recently right same several shall she should since so some
    someone something sometimes soon still such than that the their theirs them themselves then
    there thereby therefore these they this those though through throughout thus to today
    together tomorrow too toward towards two under unless unlike until up upon us very via was
    we well were what whatever when whenever where whereas wherever whether which while who
    whoever whole whom whose why will with within without would yes yesterday yet you your
    yours yourself yourselves
    """.split()
)
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    jan feb aug sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    am pm gmt utc bst est edt cet cest
    """.split()
)
# Words that make a capitalised sequence an organisation or place rather than a person.
_ORG_WORDS = frozenset(
    """
    academy accord administration agency air airlines airport alliance army assembly association
    authority bank base basin battalion board brigade brigades bureau camp center centre channel
    church city coalition coast command commission committee community company congress
    corporation council court daily department desert destruction district division embassy
    emirates empire federation field force forces foundation front gazette government group guard
    gulf harbor harbour herald hospital house inc institute intelligence island islands journal
    kingdom league ltd media ministry mountains movement navy network news office organisation
    organization palace parliament party peninsula police port post press province radio region
    republic review river school sea security senate service services square state states street
    television times tribune tv union university valley arabia north south east west northern
    southern eastern western central upper lower democrat democrats democratic republican
    republicans conservative conservatives liberal liberals labour tory tories socialist
    socialists communist communists green greens lake mount bay county counties fort hill
    park beach canyon creek springs heights area day week month year act bill report survey
    hurricane storm fund co corp aid games olympics
    """.split()
)
# Titles and roles stripped from names; a title splits a sequence ("US President Donald Trump").
_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """
            Field Marshal|Marshal|General|Gen|Lieutenant General|Lt Gen|Lt|Major General|Maj Gen
            |Maj|Brigadier General|Brigadier|Brig|Colonel|Col|Captain|Capt|Commander|Admiral|Adm
            |Sergeant|Sgt|President|Vice President|Prime Minister|Deputy Prime Minister|Minister
            |Foreign Minister|Defence Minister|Defense Minister|Interior Minister
            |Finance Minister|Secretary|Secretary General|Secretary of State|Foreign Secretary
            |Chancellor|King|Queen|Prince|Princess|Crown Prince|Sheikh|Sheik|Emir|Sultan|Mr|Mrs|Ms
            |Dr|Prof|Professor|Sir|Dame|Lord|Senator|Sen|Rep|Representative|Governor|Gov|Mayor
            |Ambassador|Envoy|Special Envoy|Spokesman|Spokeswoman|Spokesperson|Judge|Justice
            |Chief|Pope|Ayatollah|Imam|Rev|Reverend|Premier|Speaker|Chairman|Chairwoman|Director
            |Deputy|Acting|Strongman|Leader|Commissioner|Attorney General|Attorney|Assistant
            |Sheriff|Superintendent|Inspector|Detective|Officer|Coach|Rapper|Singer|Actor
            |Actress|Accuser|Press Secretary|Lieutenant Governor|Vice Chancellor|Archbishop
            |Bishop|Cardinal|CEO|CEOs|Chief Executive|Founder|Chief of Staff
            """.replace("\n", "").split("|")
        ),
        key=lambda t: (-len(t), t),
    )
)
_TITLE_FIRST = frozenset(t[0] for t in _TITLES)
_ABBREVIATIONS = frozenset(
    {"Gen", "Lt", "Maj", "Brig", "Col", "Capt", "Adm", "Sgt", "Mr", "Mrs"}
) | {
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "Rev",
    "St",
    "Mt",
    "Ft",
    "Jr",
    "Sr",
}

# Share of full-name mentions one actor needs for a surname shared with others to go to it
# ("Biden": "Joe Biden" 206 times, "Jill Biden" twice).
_DOMINANCE = 0.9

_RULE_ORDER = {
    "case": 1,
    "canonical": 0,
    "user": 1,
    "acronym": 2,
    "gazetteer": 3,
    "demonym": 4,
    "surname": 5,
    "subset": 6,
    "reorder": 7,
    "fuzzy": 8,
    "fuzzy_surname": 9,
}


# --------------------------------------------------------------------------------------------
# public records


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: ``text == source[start:end]``, half-open character offsets.

    Attributes
    ----------
    start, end : int
        Offsets into the searched text.
    text : str
        The mention as written (without a possessive ``'s``).
    actor : str
        Canonical name of the actor.
    alias : str
        The alias of the index that matched.

    Examples
    --------
    >>> Mention(start=0, end=6, text="Haftar", actor="Khalifa Haftar", alias="Haftar").actor
    'Khalifa Haftar'
    """

    start: int
    end: int
    text: str
    actor: str
    alias: str


# --------------------------------------------------------------------------------------------
# tokens and keys


def _tokenize(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _token_key(token: str) -> str:
    if not token.isascii():
        token = unicodedata.normalize("NFC", token)
    if "." in token:
        return token.replace(".", "")
    low = token.casefold()
    return low if low in _NON_CORE else token


def _text_keys(token: str) -> tuple[str, ...]:
    """Keys a token of searched text may match: as written, and title case if shouted."""
    key = _token_key(token)
    if len(token) > 1 and token.isalpha() and token.isupper():
        title = _token_key(token[0] + token[1:].lower())
        if title != key:
            return (key, title)
    return (key,)


def _joinable_gap(gap: str, previous: str) -> bool:
    """Whether two tokens with ``gap`` between them can belong to one name."""
    if len(gap) == 1 and (gap in _HYPHENS or gap in _APOSTROPHES):
        return True
    if _SPACES_RE.fullmatch(gap):
        return True
    return bool(
        _DOT_GAP_RE.fullmatch(gap)
        and ((len(previous) == 1 and previous.isupper()) or previous in _ABBREVIATIONS)
    )


def _name_key(name: str) -> Key:
    return tuple(_token_key(t) for _, _, t in _tokenize(name))


def _fold(key: Key) -> Key:
    return tuple(t.casefold() for t in key)


def _core(key: Key) -> Key:
    return tuple(t for t in key if t.casefold() not in _NON_CORE)


def _is_acronym(token: str) -> bool:
    if "." in token:
        return True
    return (
        2 <= len(token) <= 8
        and token[0].isalpha()
        and token.isupper()
        and (token.isalpha() or len(token) <= 4)
    )


def _is_cap(token: str) -> bool:
    """A capitalised word that can be part of a name (not ``UNITED24``, not ``2016``)."""
    return token[0].isupper() and (token.isalpha() or _is_acronym(token))


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "\u2019s", "'S", "\u2019S", "'", "\u2019"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _strip_titles(tokens: list[str]) -> list[str]:
    changed = True
    while changed and tokens:
        changed = False
        for title in _TITLES:
            n = len(title)
            if len(tokens) > n and tuple(t.casefold() for t in tokens[:n]) == tuple(
                t.casefold() for t in title
            ):
                tokens = tokens[n:]
                changed = True
                break
    return tokens


# --------------------------------------------------------------------------------------------
# ActorIndex


def _check_name(value: Any, *, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"{what} must be a non-empty string, got {value!r}")
    if not _tokenize(value):
        raise ParameterError(f"{what} {value!r} has no letters or digits; it can never match")
    return " ".join(value.split())


@dataclass(frozen=True, eq=True)
class ActorIndex:
    """An immutable map from aliases to actors that finds them in text.

    Build it with :meth:`from_frame` (a :func:`find_actors` table) or :meth:`from_actors`
    (``{canonical: [aliases]}``). Each actor's canonical name is also one of its aliases.

    Matching is token-based (one walk over a token trie per text): longest alias first, on word
    boundaries, a possessive ``'s`` left out; a hyphen, an apostrophe or spaces may separate the
    words of an alias, and particles (``al``, ``bin``, ``of``) and shouted capitals (``HAFTAR``)
    match in either case. Acronyms match case-sensitively, so ``US`` never matches ``us``.

    Parameters
    ----------
    pairs : tuple of (actor, alias)
        The table; :meth:`from_frame` and :meth:`from_actors` make it.

    Examples
    --------
    >>> index = ActorIndex.from_actors({"Khalifa Haftar": ["Haftar", "Hafar"], "UAE": []})
    >>> [(m.start, m.end, m.text, m.actor) for m in index.find("General Khalifa Haftar’s men")]
    [(8, 22, 'Khalifa Haftar', 'Khalifa Haftar')]
    >>> index.canonical("Haftar's"), index.canonical("Sirte")
    ('Khalifa Haftar', None)
    >>> index.actors
    ['Khalifa Haftar', 'UAE']
    """

    pairs: tuple[tuple[str, str], ...]
    _by_key: Mapping[Key, tuple[str, str]] = field(init=False, repr=False, compare=False)
    _by_fold: Mapping[Key, frozenset[str]] = field(init=False, repr=False, compare=False)
    _trie: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.pairs, (str, bytes)) or not isinstance(self.pairs, Iterable):
            raise ParameterError(
                "pairs must be an iterable of (actor, alias) pairs, "
                f"got {type(self.pairs).__name__}"
            )
        cleaned: set[tuple[str, str]] = set()
        for pair in self.pairs:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise ParameterError(f"pairs must hold (actor, alias) tuples, got {pair!r}")
            actor = _check_name(pair[0], what="actor")
            alias = _check_name(pair[1], what=f"alias of actor {actor!r}")
            cleaned.add((actor, alias))
            cleaned.add((actor, actor))
        pairs = tuple(sorted(cleaned))
        by_key: dict[Key, tuple[str, str]] = {}
        # An actor's own name wins over the same key given as a differently written alias.
        for actor, alias in sorted(pairs, key=lambda p: (p[0] != p[1], p)):
            key = _name_key(alias)
            other = by_key.get(key)
            if other is None:
                by_key[key] = (actor, alias)
            elif other[0] != actor:
                raise ParameterError(
                    f"alias {alias!r} is assigned to two actors, {other[0]!r} and {actor!r}; "
                    "an alias must belong to one actor"
                )
        by_fold: dict[Key, set[str]] = defaultdict(set)
        trie: dict[str, Any] = {}
        for key, (actor, alias) in by_key.items():
            by_fold[_fold(key)].add(actor)
            node = trie
            for part in key:
                node = node.setdefault(part, {})
            node["\0"] = (actor, alias)
        object.__setattr__(self, "pairs", pairs)
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(
            self, "_by_fold", MappingProxyType({k: frozenset(v) for k, v in by_fold.items()})
        )
        object.__setattr__(self, "_trie", trie)

    @classmethod
    def from_actors(cls, actors: ActorsLike) -> ActorIndex:
        """Build an index from ``{canonical: [aliases]}``, a frame or another index.

        Parameters
        ----------
        actors : mapping, pandas.DataFrame or ActorIndex
            A mapping from canonical name to a list of aliases, or a frame with ``actor`` and
            ``alias`` columns (such as :func:`find_actors` returns).

        Examples
        --------
        >>> ActorIndex.from_actors({"United Nations": ["UN", "U.N."]}).canonical("U.N.")
        'United Nations'
        """
        if isinstance(actors, ActorIndex):
            return actors
        return cls(tuple(_pairs_from(actors)))

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> ActorIndex:
        """Build an index from a frame with ``actor`` and ``alias`` columns.

        Examples
        --------
        >>> frame = pd.DataFrame({"actor": ["Libya", "Libya"], "alias": ["Libya", "Libyan"]})
        >>> ActorIndex.from_frame(frame).canonical("Libyan")
        'Libya'
        """
        if not isinstance(frame, pd.DataFrame):
            raise ParameterError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        return cls(tuple(_pairs_from(frame)))

    @property
    def actors(self) -> list[str]:
        """Canonical names, sorted."""
        return sorted({actor for actor, _ in self.pairs})

    def aliases(self, actor: str) -> list[str]:
        """Aliases of ``actor`` (its own name included), sorted; ``[]`` for an unknown actor.

        Examples
        --------
        >>> ActorIndex.from_actors({"Libya": ["Libyan"]}).aliases("Libya")
        ['Libya', 'Libyan']
        """
        return sorted(alias for a, alias in self.pairs if a == actor)

    def to_frame(self) -> pd.DataFrame:
        """One row per ``actor, alias``.

        Examples
        --------
        >>> ActorIndex.from_actors({"Libya": ["Libyan"]}).to_frame().shape
        (2, 2)
        """
        return pd.DataFrame(list(self.pairs), columns=["actor", "alias"])

    def canonical(self, name: str) -> str | None:
        """Return the actor that ``name`` names, or None.

        ``name`` is compared after dropping a possessive and leading titles; an exact match
        (case-sensitive for acronyms) wins, else a case-insensitive one if only one actor has it.

        Examples
        --------
        >>> index = ActorIndex.from_actors({"Fayez al-Sarraj": ["Sarraj"], "United States": ["US"]})
        >>> index.canonical("Prime Minister Fayez Al-Sarraj’s"), index.canonical("us")
        ('Fayez al-Sarraj', 'United States')
        """
        if not isinstance(name, str):
            raise ParameterError(f"name must be a string, got {type(name).__name__}")
        raw = " ".join(name.split())
        candidates = [raw, _strip_possessive(raw)]
        for text in list(candidates):
            words = [t for _, _, t in _tokenize(text)]
            stripped = _strip_titles(words)
            if stripped != words:
                candidates.append(" ".join(stripped))
        keys = [_name_key(c) for c in candidates]
        for key in keys:
            hit = self._by_key.get(key)
            if key and hit is not None:
                return hit[0]
        for key in keys:
            actors = self._by_fold.get(_fold(key))
            if key and actors is not None and len(actors) == 1:
                return next(iter(actors))
        return None

    def find(self, text: str) -> list[Mention]:
        """Find every alias in ``text``: longest match first, no overlaps, in text order.

        Examples
        --------
        >>> index = ActorIndex.from_actors({"Fayez al-Sarraj": ["Sarraj", "al-Sarraj"]})
        >>> [m.text for m in index.find("Fayez al-Sarraj met Al-Sarraj's aides; SARRAJ left.")]
        ['Fayez al-Sarraj', 'Al-Sarraj', 'SARRAJ']
        """
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        tokens = _tokenize(text)
        keys = [_text_keys(t) for _, _, t in tokens]
        found: list[Mention] = []
        n = len(tokens)
        i = 0
        while i < n:
            best: tuple[int, tuple[str, str]] | None = None
            stack: list[tuple[dict[str, Any], int]] = [(self._trie, i)]
            while stack:
                node, j = stack.pop()
                hit = node.get("\0")
                if hit is not None and j > i and (best is None or j > best[0]):
                    best = (j, hit)
                if j >= n:
                    continue
                if j > i and not _joinable_gap(
                    text[tokens[j - 1][1] : tokens[j][0]], tokens[j - 1][2]
                ):
                    continue
                # reversed so that the exact key is explored first and wins ties
                for key in reversed(keys[j]):
                    child = node.get(key)
                    if child is not None:
                        stack.append((child, j + 1))
            if best is None:
                i += 1
                continue
            j, (actor, alias) = best
            start, end = tokens[i][0], tokens[j - 1][1]
            found.append(
                Mention(start=start, end=end, text=text[start:end], actor=actor, alias=alias)
            )
            i = j
        return found


def _pairs_from(actors: Any) -> list[tuple[str, str]]:
    """(actor, alias) pairs from a mapping or a frame, validated."""
    pairs: list[tuple[str, str]] = []
    if isinstance(actors, pd.DataFrame):
        require_columns(actors, ("actor", "alias"), name="actors", made_by="find_actors")
        for actor, alias in zip(actors["actor"].tolist(), actors["alias"].tolist(), strict=True):
            actor = _check_name(actor, what="actor")
            if alias is None or (isinstance(alias, float) and alias != alias):
                alias = actor
            pairs.append((actor, _check_name(alias, what=f"alias of actor {actor!r}")))
        return pairs
    if isinstance(actors, Mapping):
        for actor, aliases in actors.items():
            actor = _check_name(actor, what="actor")
            if isinstance(aliases, (str, bytes)) or not isinstance(aliases, Iterable):
                raise ParameterError(
                    f"aliases of actor {actor!r} must be a list of strings, got {aliases!r}"
                )
            pairs.append((actor, actor))
            pairs.extend((actor, _check_name(a, what=f"alias of actor {actor!r}")) for a in aliases)
        return pairs
    raise ParameterError(
        "actors must be a mapping {canonical: [aliases]}, a DataFrame with 'actor' and 'alias' "
        f"columns, or an ActorIndex; got {type(actors).__name__}"
    )


def _user_groups(actors: ActorsLike | None) -> dict[str, list[str]]:
    """Validated user actors: canonical -> aliases (own name first), no alias under two actors."""
    if actors is None:
        return {}
    pairs = actors.pairs if isinstance(actors, ActorIndex) else _pairs_from(actors)
    groups: dict[str, list[str]] = defaultdict(list)
    owner: dict[Key, tuple[str, str]] = {}
    for actor, alias in sorted(set(pairs), key=lambda p: (p[0] != p[1], p)):
        key = _name_key(alias)
        other = owner.get(key)
        if other is not None and other[0] != actor:
            raise ParameterError(
                f"user alias {alias!r} is assigned to two actors, {other[0]!r} and {actor!r}; "
                "an alias must belong to one actor"
            )
        if other is None:
            owner[key] = (actor, alias)
            groups[actor].append(alias)
    for actor in groups:
        groups[actor].sort(key=lambda a: (a != actor, a))
    return dict(groups)


# --------------------------------------------------------------------------------------------
# gazetteer


@dataclass(frozen=True, slots=True)
class _GazetteerEntry:
    actor: str
    alias: str
    kind: str


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[_GazetteerEntry, ...]:
    entries = []
    for row in data_rows("actor_gazetteer.csv"):
        if row.get("kind") not in {"alias", "demonym"}:
            raise ValueError(f"actor_gazetteer.csv: bad kind in {row}")
        entries.append(_GazetteerEntry(row["actor"], row["alias"], row["kind"]))
    return tuple(entries)


# --------------------------------------------------------------------------------------------
# discovery of names


@dataclass(slots=True)
class _Word:
    toks: list[Token]
    possessive: bool
    line: int
    initial: bool
    gap: str  # text between the previous word and this one
    after: str  # text after this word up to the next token


@dataclass(slots=True)
class _Piece:
    toks: list[Token]
    kind: str  # "name", "particle" or "connector"
    left: bool
    right: bool
    initial: bool
    word: int


@dataclass(slots=True)
class _Segment:
    toks: list[Token]
    initial: bool
    protected: bool = False


@dataclass(slots=True)
class _Occurrence:
    key: Key
    surface: str
    initial: bool
    protected: bool


@dataclass(slots=True)
class _Expansion:
    acronym: Key
    expansion: Key
    evidence: str


def _words(text: str, tokens: list[Token]) -> list[_Word]:
    words: list[_Word] = []
    line = 0
    prev_end = 0
    prev_last = ""
    i, n = 0, len(tokens)
    while i < n:
        gap = text[prev_end : tokens[i][0]]
        newline = any(c in _NEWLINES for c in gap)
        if newline:
            line += 1
        group = [tokens[i]]
        possessive = False
        j = i + 1
        while j < n:
            between = text[group[-1][1] : tokens[j][0]]
            nxt = tokens[j][2]
            if len(between) == 1 and between in _HYPHENS:
                group.append(tokens[j])
                j += 1
                continue
            if len(between) == 1 and between in _APOSTROPHES:
                if nxt in ("s", "S"):
                    possessive = True
                    j += 1
                elif nxt[0].isupper() and group[-1][2][0].isupper():
                    group.append(tokens[j])
                    j += 1
                    continue
            break
        end = tokens[j - 1][1]
        after = text[end : tokens[j][0]] if j < n else text[end:]
        stripped = gap.strip()
        initial = (
            not words
            or newline
            or (
                bool(stripped)
                and any(c in _SENTENCE_CHARS for c in stripped)
                and not (
                    _DOT_GAP_RE.fullmatch(gap)
                    and (
                        (len(prev_last) == 1 and prev_last.isupper()) or prev_last in _ABBREVIATIONS
                    )
                )
            )
        )
        words.append(_Word(group, possessive, line, initial, gap, after))
        prev_end = end
        prev_last = group[-1][2]
        i = j
    return words


def _title_case_lines(words: list[_Word]) -> set[int]:
    """Lines written in Title Case (mastheads, headlines): capitals there say nothing."""
    content: dict[int, list[bool]] = defaultdict(list)
    ending: dict[int, str] = {}
    for w in words:
        for _, _, t in w.toks:
            low = t.casefold()
            if len(t) > 2 and t.isalpha() and low not in _STOPWORDS and low not in _NON_CORE:
                content[w.line].append(t[0].isupper())
        ending[w.line] = re.split(r"[\n\r]", w.after, maxsplit=1)[0].strip()
    lines = set()
    for line, caps in content.items():
        share = sum(caps) / len(caps) if caps else 0.0
        sentence = ending.get(line, "").endswith((".", '."', ".\u201d"))
        if (len(caps) >= 3 and share == 1.0) or (len(caps) >= 5 and share >= 0.85 and not sentence):
            lines.add(line)
    return lines


def _pieces(word: _Word, index: int, standalone: set[str]) -> list[_Piece]:
    toks = word.toks
    texts = [t for _, _, t in toks]
    caps = [_is_cap(t) for t in texts]
    if not any(caps):
        if len(texts) == 1 and texts[0] in _SPACE_PARTICLES:
            return [_Piece(toks, "particle", True, True, word.initial, index)]
        if len(texts) == 1 and texts[0] in _CONNECTORS:
            return [_Piece(toks, "connector", True, True, word.initial, index)]
        return []
    k = caps.index(True)
    left = k == 0 or all(t in _HYPHEN_PARTICLES for t in texts[:k])
    start = 0 if left else k
    m = start
    while m < len(texts) and (caps[m] or (texts[m] in _HYPHEN_PARTICLES and m + 1 < len(texts))):
        m += 1
    while m > start and not caps[m - 1]:
        m -= 1
    right = m == len(texts) and not word.possessive
    name = toks[start:m]
    initial = word.initial and start == 0
    parts = [t for _, _, t in name]
    has_joiner = any(p in _CAP_JOINERS or p.casefold() in _HYPHEN_PARTICLES for p in parts)
    if len(name) > 1 and not has_joiner and any(p in standalone or _is_acronym(p) for p in parts):
        # "Turkey-Russia": names that also stand alone are two names, not one.
        return [
            _Piece([tok], "name", False, False, initial and n == 0, index)
            for n, tok in enumerate(name)
        ]
    return [_Piece(name, "name", left, right, initial, index)]


def _runs(text: str, words: list[_Word], pieces: list[_Piece]) -> list[_Segment]:
    segments: list[_Segment] = []
    current: list[_Piece] = []

    def close() -> None:
        while current and current[-1].kind != "name":
            current.pop()
        while current and current[0].kind == "connector":
            current.pop(0)
        if current:
            toks = [t for p in current for t in p.toks]
            segments.append(_Segment(toks, current[0].initial))
        current.clear()

    for piece in pieces:
        if current:
            prev = current[-1]
            joined = False
            if prev.right and piece.left and words[prev.word].line == words[piece.word].line:
                gap = text[prev.toks[-1][1] : piece.toks[0][0]]
                ok_gap = bool(_SPACES_RE.fullmatch(gap)) or (
                    bool(_DOT_GAP_RE.fullmatch(gap))
                    and (
                        (len(prev.toks[-1][2]) == 1 and prev.toks[-1][2].isupper())
                        or prev.toks[-1][2] in _ABBREVIATIONS
                    )
                )
                if ok_gap:
                    last = prev.toks[-1][2]
                    if piece.kind == "connector":
                        joined = (last == "of" and piece.toks[0][2] == "the") or (
                            piece.toks[0][2] == "of" and prev.kind == "name"
                        )
                    else:
                        joined = True
            if not joined:
                close()
        current.append(piece)
    close()
    return segments


def _expansions(text: str, words: list[_Word]) -> list[tuple[_Expansion, int, int]]:
    """``Long Form (ACR)`` and ``ACR (Long Form)``: (expansion, start, end) of the long form."""
    found: list[tuple[_Expansion, int, int]] = []

    def initials_match(toks: list[Token], acronym: str) -> bool:
        texts = [t for _, _, t in toks]
        if not texts or not _is_cap(texts[0]) or not _is_cap(texts[-1]):
            return False
        content = [t for t in texts if t.casefold() not in _EXPANSION_SKIP]
        if any(not _is_cap(t) and t.casefold() not in _HYPHEN_PARTICLES for t in content):
            return False
        letters = acronym.replace(".", "").casefold()
        with_particles = "".join(t[0] for t in content).casefold()
        without = "".join(t[0] for t in content if t.casefold() not in _HYPHEN_PARTICLES)
        return letters in (with_particles, without.casefold()) and len(content) >= 2

    def record(acr: Token, toks: list[Token]) -> None:
        start, end = toks[0][0], toks[-1][1]
        surface = " ".join(text[start:end].split())
        evidence = f"{surface} ({acr[2]})"
        key = tuple(_token_key(t) for _, _, t in toks)
        found.append((_Expansion((_token_key(acr[2]),), key, evidence), start, end))

    for i, w in enumerate(words):
        if len(w.toks) != 1 or not _is_acronym(w.toks[0][2]) or w.toks[0][2][0].islower():
            continue
        acr = w.toks[0]
        if w.gap.strip() == "(" and w.after.lstrip().startswith(")"):
            if i == 0 or words[i - 1].line != w.line or words[i - 1].possessive:
                continue
            j = i - 1
            back: list[Token] = list(words[j].toks)
            while (
                j > 0
                and len(back) < 2 * len(acr[2]) + 4
                and _SPACES_RE.fullmatch(words[j].gap)
                and not words[j - 1].possessive
                and words[j - 1].line == w.line
            ):
                j -= 1
                back[:0] = words[j].toks
            for k in range(len(back) - 1, -1, -1):
                if initials_match(back[k:], acr[2]):
                    record(acr, back[k:])
                    break
        elif w.after.strip() == "(":
            inner: list[Token] = []
            j = i + 1
            while j < len(words) and words[j].line == w.line:
                inner.extend(words[j].toks)
                if words[j].after.strip().startswith(")"):
                    break
                if not _SPACES_RE.fullmatch(words[j].after):
                    inner = []
                    break
                j += 1
            else:
                inner = []
            if inner and initials_match(inner, acr[2]):
                record(acr, inner)
    return found


def _split_titles(seg: _Segment) -> list[_Segment]:
    out: list[_Segment] = []
    toks = seg.toks
    cur: list[Token] = []
    initial = seg.initial
    i = 0
    while i < len(toks):
        word = toks[i][2]
        matched = 0
        if word in _TITLE_FIRST:
            for title in _TITLES:
                n = len(title)
                if tuple(t for _, _, t in toks[i : i + n]) != title:
                    continue
                prev = [t.casefold() for _, _, t in toks[max(0, i - 2) : i]]
                after = toks[i + n][2].casefold() if i + n < len(toks) else ""
                if (prev and prev[-1] in _CONNECTORS) or after in _ORG_WORDS:
                    continue
                matched = n
                break
        if matched:
            if cur:
                out.append(_Segment(cur, initial))
            cur = []
            initial = False
            i += matched
            continue
        cur.append(toks[i])
        i += 1
    if cur:
        out.append(_Segment(cur, initial if not out else False))
    return out


def _trim(toks: list[Token]) -> list[Token]:
    while toks and toks[-1][2].casefold() in _NON_CORE:
        toks = toks[:-1]
    while toks and toks[0][2].casefold() in _CONNECTORS:
        toks = toks[1:]
    return toks


def _common(word: str, seen_lower: set[str]) -> bool:
    low = word.casefold()
    return low in _STOPWORDS or low in seen_lower or low in _CALENDAR


def _surface(text: str, toks: list[Token]) -> str:
    return " ".join(text[toks[0][0] : toks[-1][1]].split())


def _key_of(toks: list[Token]) -> Key:
    return tuple(_token_key(t) for _, _, t in toks)


def _strip_start(
    toks: list[Token], initial: bool, noninitial: set[Key], seen_lower: set[str]
) -> tuple[list[Token], bool]:
    """Drop leading articles, and common words that are capitalised only by a sentence start."""
    while toks and toks[0][2] in ("The", "A", "An"):
        toks, initial = _trim(toks[1:]), False
    if initial and _key_of(toks) not in noninitial:
        while (
            toks
            and toks[0][2].casefold() not in _HYPHEN_PARTICLES
            and _common(toks[0][2], seen_lower)
        ):
            toks, initial = _trim(toks[1:]), False
    return toks, initial


def _keep(toks: list[Token], keep_stop_acronyms: set[Key]) -> bool:
    """Whether a name candidate is worth keeping: not empty, a date word, a title or a stopword."""
    if not toks:
        return False
    if len(toks) > 1:
        return True
    word = toks[0][2]
    low = word.casefold()
    if low in _CALENDAR or (word,) in _TITLES or len(word) < 2:
        return False
    return low not in _STOPWORDS or (
        _is_acronym(word) and (_token_key(word),) in keep_stop_acronyms
    )


def _discover(
    docs: Sequence[Document], keep_stop_acronyms: set[Key]
) -> tuple[list[tuple[str, _Occurrence]], list[_Expansion], set[str], set[str]]:
    """Name occurrences (doc_id, occurrence), acronym expansions, the words seen lower-case and
    the words seen lower-case at least as often as capitalised mid-sentence."""
    parsed: list[tuple[Document, list[_Word]]] = []
    seen_lower: set[str] = set()
    lower_n: Counter[str] = Counter()
    upper_n: Counter[str] = Counter()
    standalone: set[str] = set()
    for doc in docs:
        words = _words(doc.text, _tokenize(doc.text))
        parsed.append((doc, words))
        for w in words:
            for n, (_, _, t) in enumerate(w.toks):
                if t[0].islower():
                    lower_n[t.casefold()] += 1
                elif t[0].isupper() and not (w.initial and n == 0):
                    upper_n[t.casefold()] += 1
            if len(w.toks) == 1 and _is_cap(w.toks[0][2]):
                standalone.add(w.toks[0][2])

    seen_lower = set(lower_n)
    mostly_lower = {w for w, n in lower_n.items() if n >= upper_n[w]}
    segments: list[tuple[Document, _Segment]] = []
    expansions: list[_Expansion] = []
    for doc, words in parsed:
        skip = _title_case_lines(words)
        pieces = [
            p for i, w in enumerate(words) if w.line not in skip for p in _pieces(w, i, standalone)
        ]
        line_of = {w.toks[0][0]: w.line for w in words}
        spans: list[tuple[int, int]] = []
        for exp, start, end in _expansions(doc.text, words):
            if line_of.get(start) in skip:
                continue
            expansions.append(exp)
            spans.append((start, end))
            toks = [(s + start, e + start, t) for s, e, t in _tokenize(doc.text[start:end])]
            segments.append((doc, _Segment(toks, False, protected=True)))
        for run in _runs(doc.text, words, pieces):
            parts: list[_Segment] = []
            cur: list[Token] = []
            initial = run.initial
            for tok in run.toks:
                if any(s <= tok[0] < e for s, e in spans):
                    if cur:
                        parts.append(_Segment(cur, initial))
                    cur, initial = [], False
                    continue
                cur.append(tok)
            if cur:
                parts.append(_Segment(cur, initial))
            segments.extend((doc, piece) for part in parts for piece in _split_titles(part))

    noninitial = {_key_of(_trim(s.toks)) for _, s in segments if not s.initial}
    expansion_keys = {e.expansion for e in expansions}
    occurrences: list[tuple[str, _Occurrence]] = []
    for doc, seg in segments:
        toks = _trim(seg.toks)
        protected = seg.protected or _key_of(toks) in expansion_keys
        initial = seg.initial and toks[:1] == seg.toks[:1]
        found = [(toks, initial)]
        if not protected:
            found = [_strip_start(toks, initial, noninitial, seen_lower)]
            if initial and _key_of(found[0][0]) not in noninitial:
                # "Forces of Haftar" opening a sentence: only the part after "of" is sure.
                cut = [i for i, t in enumerate(found[0][0]) if t[2].casefold() in _CONNECTORS]
                if cut:
                    head, rest = found[0][0][: cut[0]], found[0][0][cut[-1] + 1 :]
                    found = [
                        _strip_start(_trim(head), found[0][1], noninitial, seen_lower),
                        (_trim(rest), False),
                    ]
        for part, initial in found:
            if _keep(part, keep_stop_acronyms):
                occurrences.append(
                    (
                        doc.doc_id,
                        _Occurrence(_key_of(part), _surface(doc.text, part), initial, protected),
                    )
                )
    return occurrences, expansions, seen_lower, mostly_lower


# --------------------------------------------------------------------------------------------
# merging


@dataclass(slots=True)
class _Node:
    key: Key
    surfaces: Counter[str] = field(default_factory=Counter)
    mid: Counter[str] = field(default_factory=Counter)  # surfaces seen mid-sentence
    docs: set[str] = field(default_factory=set)
    n: int = 0
    strong: bool = False
    given: str | None = None  # how the user or the gazetteer writes it
    user_alias: bool = False

    @property
    def surface(self) -> str:
        if self.given is not None:
            return self.given
        return min(
            self.surfaces.items(),
            key=lambda kv: (-self.mid[kv[0]], -kv[1], kv[0][0].isupper(), kv[0]),
        )[0]


@dataclass(frozen=True, slots=True)
class _Edge:
    kind: str
    a: Key
    b: Key
    score: float = 100.0
    evidence: str = ""


class _Graph:
    """Union-find over alias keys with anchors (user > gazetteer) and the edges that joined."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}
        self.anchor: dict[Key, tuple[int, str]] = {}
        self.members: dict[Key, list[Key]] = {}
        self.edges: list[_Edge] = []

    def add(self, key: Key) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = [key]

    def find(self, key: Key) -> Key:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def set_anchor(self, key: Key, level: int, name: str) -> bool:
        root = self.find(key)
        current = self.anchor.get(root)
        if current is None or current[0] < level:
            self.anchor[root] = (level, name)
            return True
        return current == (level, name)

    def union(self, edge: _Edge) -> bool:
        ra, rb = self.find(edge.a), self.find(edge.b)
        if ra == rb:
            return False
        aa, ab = self.anchor.get(ra), self.anchor.get(rb)
        if aa is not None and ab is not None and aa != ab and aa[0] == ab[0]:
            logger.debug("not merging %s and %s: anchored to %s and %s", edge.a, edge.b, aa, ab)
            return False
        root, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = root
        self.members[root].extend(self.members.pop(other))
        anchors = [a for a in (aa, ab) if a is not None]
        self.anchor.pop(other, None)
        if anchors:
            self.anchor[root] = max(anchors)
        self.edges.append(edge)
        return True


def _variant(a: str, b: str, *, strict: bool, threshold: float) -> float | None:
    """Fuzzy ratio of two name words if they are spelling variants of each other, else None."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return 100.0
    if min(len(a), len(b)) < (5 if strict else 4) or a[0] != b[0]:
        return None
    if a.startswith(b) or b.startswith(a) or not (a.isalpha() and b.isalpha()):
        return None
    ops = Levenshtein.editops(a, b)
    if len(ops) > (1 if min(len(a), len(b)) <= 10 else 2):
        return None
    for op in ops:
        if op.tag == "replace":
            if a[op.src_pos] not in _VOWELS or b[op.dest_pos] not in _VOWELS:
                return None
            # Johnson / Johnsen, Hanson / Hansen: a changed ending makes another surname.
            if strict and (min(len(a), len(b)) < 6 or op.src_pos >= len(a) - 3):
                return None
    score = round(fuzz.ratio(a, b), 2)
    return score if score >= threshold else None


@dataclass(frozen=True, slots=True)
class _Shape:
    core: Key
    person: bool
    single: bool


def _shapes(
    nodes: Mapping[Key, _Node],
    expansion_keys: set[Key],
    place_words: set[str],
    not_persons: set[Key],
    mostly_lower: set[str],
) -> dict[Key, _Shape]:
    shapes = {}
    for key in nodes:
        core = _core(key)
        folded = [c.casefold() for c in core]
        acronym = any(_is_acronym(c) for c in core)
        person = (
            2 <= len(core) <= 5
            and not acronym
            and "of" not in key
            and key not in expansion_keys
            and key not in not_persons
            and key[0].casefold() not in _STOPWORDS
            and folded[0] not in mostly_lower
            and folded[-1] not in mostly_lower
            and all(c.isalpha() for c in core)
            and len(core[0]) > 1
            and len(core[-1]) > 1
            and not any(f in _ORG_WORDS or f in place_words or f in _STOPWORDS for f in folded)
            # "Texas Democrats": a first word that mostly stands alone is a place, not a name
            and not (
                (core[0],) in nodes
                and nodes[(core[0],)].strong
                and nodes[(core[0],)].n > nodes[key].n
            )
        )
        single = len(core) == 1 and not acronym and core[0].isalpha() and len(core[0]) > 1
        shapes[key] = _Shape(core, person, single)
    return shapes


def _surname_cores(graph: _Graph, root: Key, shapes: Mapping[Key, _Shape]) -> set[str]:
    return {
        shapes[k].core[-1].casefold()
        for k in graph.members[root]
        if k in shapes and (shapes[k].person or shapes[k].single)
    }


def _compatible(graph: _Graph, a: Key, b: Key, shapes: Mapping[Key, _Shape], t: float) -> bool:
    """Complete linkage: every surname in one group is a variant of every one in the other."""
    ca, cb = (
        _surname_cores(graph, graph.find(a), shapes),
        _surname_cores(graph, graph.find(b), shapes),
    )
    return all(_variant(x, y, strict=True, threshold=t) is not None for x in ca for y in cb)


def _fuzzy_pairs(names: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """Index pairs whose fuzzy ratio reaches ``threshold``, compared within first-letter blocks."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        blocks[name[:1].casefold()].append(i)
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        texts = [names[i].casefold() for i in members]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=threshold)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if scores[x, y] >= threshold and scores[x, y] > 0:
                    exact = fuzz.ratio(texts[x], texts[y])
                    pairs.append((members[x], members[y], round(exact, 2)))
    return pairs


def _unique_target(
    graph: _Graph, targets: list[Key], nodes: Mapping[Key, _Node]
) -> tuple[Key, str] | None:
    """The one actor among ``targets``, or the one with nearly all their mentions; and why."""
    weight: Counter[Key] = Counter()
    for t in targets:
        weight[graph.find(t)] += nodes[t].n
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    top, top_n = ranked[0]
    total = sum(weight.values())
    evidence = ""
    if len(ranked) > 1:
        if top_n < _DOMINANCE * total or top_n < 3:
            return None
        evidence = f"{top_n} of {total} full-name mentions"
    best = min(
        (t for t in targets if graph.find(t) == top), key=lambda t: (-nodes[t].n, nodes[t].surface)
    )
    return best, evidence


def _together(graph: _Graph, short: Key, full: Key, nodes: Mapping[Key, _Node]) -> bool:
    """Whether a short form shares an article with the full name's actor: news articles name
    a person in full before they shorten the name, so a short form never seen beside the full
    name is more likely someone else."""
    docs = set().union(*(nodes[m].docs for m in graph.members[graph.find(full)]))
    return bool(nodes[short].docs & docs)


def _name_edges(
    graph: _Graph,
    nodes: Mapping[Key, _Node],
    shapes: Mapping[Key, _Shape],
    threshold: float,
    common: set[str],
) -> None:
    """Join names by their structure: case, word order, spelling, shorter forms and surnames."""
    keys = sorted(nodes)
    persons = [k for k in keys if shapes[k].person]
    singles = [k for k in keys if shapes[k].single]
    by_rank = sorted(nodes, key=lambda k: (-nodes[k].n, nodes[k].surface))
    gazetteer_level = {k for k in keys if graph.anchor.get(graph.find(k), (0, ""))[0] == 1}

    # The same word in capitals and in title case: "COVID" / "Covid".
    by_fold: dict[Key, list[Key]] = defaultdict(list)
    for k in by_rank:
        if len(k) == 1 and k[0].isalpha():
            by_fold[_fold(k)].append(k)
    surnames_of_persons = {shapes[k].core[-1].casefold() for k in persons}
    for folded, group in by_fold.items():
        # "Gao" the surname of "George Gao" is not "GAO" the Government Accountability Office
        if (
            len(group) > 1
            and any(_is_acronym(k[0]) for k in group)
            and folded[0] not in surnames_of_persons
        ):
            for k in group[1:]:
                graph.union(_Edge("case", k, group[0]))

    # Same name words in another order: "Tayyip Recep Erdogan" / "Recep Tayyip Erdogan".
    by_words: dict[Key, list[Key]] = defaultdict(list)
    for k in by_rank:
        if shapes[k].person:
            by_words[tuple(sorted(_fold(shapes[k].core)))].append(k)
    for group in by_words.values():
        for k in group[1:]:
            graph.union(_Edge("reorder", k, group[0]))

    # Spelling variants of full names, word by word.
    candidates: list[_Edge] = []
    core_text = [" ".join(shapes[k].core) for k in persons]
    for i, j, score in _fuzzy_pairs(core_text, threshold):
        a, b = shapes[persons[i]].core, shapes[persons[j]].core
        if len(a) != len(b):
            continue
        if _variant(a[-1], b[-1], strict=True, threshold=0.0) is None:
            continue
        if all(
            _variant(x, y, strict=False, threshold=0.0) is not None
            for x, y in zip(a, b, strict=True)
        ):
            candidates.append(_Edge("fuzzy", persons[i], persons[j], score))
    for edge in sorted(candidates, key=lambda e: (-e.score, e.a, e.b)):
        if _compatible(graph, edge.a, edge.b, shapes, threshold):
            graph.union(edge)

    # Shorter forms and surnames, when one actor has (nearly) all full names that fit.
    by_last: dict[str, list[Key]] = defaultdict(list)
    for k in persons:
        by_last[shapes[k].core[-1].casefold()].append(k)
    for k in persons:
        core = _fold(shapes[k].core)
        fits = [
            f
            for f in by_last[core[-1]]
            if len(shapes[f].core) > len(core)
            and _is_subsequence(core, _fold(shapes[f].core))
            and _same_initials(core, _fold(shapes[f].core))
        ]
        target = _unique_target(graph, fits, nodes) if fits else None
        if target is not None:
            graph.union(_Edge("subset", k, target[0], evidence=target[1]))
    ambiguous: set[Key] = set()
    for k in singles:
        fits = by_last.get(shapes[k].core[0].casefold(), [])
        if k in gazetteer_level or not fits:
            continue
        target = _unique_target(graph, fits, nodes)
        if target is None:
            logger.debug("surname %s fits several actors: %s", k, fits)
            ambiguous.add(k)
            continue
        if _together(graph, k, target[0], nodes):
            graph.union(_Edge("surname", k, target[0], evidence=target[1]))

    # Spelling variants of single names: "Hafar" / "Haftar", "al-Mesmari" / "al-Mismari".
    # Not for common words ("Marine" / "Maine") nor a surname several actors share.
    fuzzy_singles = [
        k for k in singles if k not in ambiguous and shapes[k].core[0].casefold() not in common
    ]
    candidates = []
    core_text = [shapes[k].core[0] for k in fuzzy_singles]
    for i, j, _ in _fuzzy_pairs(core_text, threshold):
        ratio = _variant(core_text[i], core_text[j], strict=True, threshold=threshold)
        one, two = nodes[fuzzy_singles[i]], nodes[fuzzy_singles[j]]
        # Two spellings in one article are two names, unless one is a rare slip.
        if one.docs & two.docs and 3 * min(one.n, two.n) > max(one.n, two.n):
            continue
        if ratio is not None and ratio < 100.0:
            candidates.append(_Edge("fuzzy", fuzzy_singles[i], fuzzy_singles[j], ratio))
    for edge in sorted(candidates, key=lambda e: (-e.score, e.a, e.b)):
        if _compatible(graph, edge.a, edge.b, shapes, threshold):
            graph.union(edge)

    # A single name that is a variant of exactly one actor's surname.
    lonely = [
        k
        for k in fuzzy_singles
        if k not in gazetteer_level
        and not any(shapes[m].person for m in graph.members[graph.find(k)])
    ]
    surnames = sorted(by_last)
    words = [shapes[k].core[0] for k in lonely]
    matches: dict[Key, list[tuple[float, Key]]] = defaultdict(list)
    for i, j, _ in _fuzzy_pairs(words + surnames, threshold):
        if (i < len(words)) == (j < len(words)):
            continue
        i, j = min(i, j), max(i, j)
        ratio = _variant(words[i], surnames[j - len(words)], strict=True, threshold=threshold)
        if ratio is not None and ratio < 100.0:
            matches[lonely[i]].extend((ratio, f) for f in by_last[surnames[j - len(words)]])
    for k in sorted(matches):
        scored = matches[k]
        target = _unique_target(graph, [f for _, f in scored], nodes)
        # no _together here: another outlet's spelling is exactly what this is for
        if target is not None and _compatible(graph, k, target[0], shapes, threshold):
            root = graph.find(target[0])
            best = max(r for r, f in scored if graph.find(f) == root)
            graph.union(_Edge("fuzzy_surname", k, target[0], best, target[1]))


def _same_initials(short: Key, long: Key) -> bool:
    """ "George W. Bush" is not "George H. W. Bush": given initials must agree."""
    mine = [t for t in short if len(t) == 1]
    return not mine or mine == [t for t in long if len(t) == 1]


def _is_subsequence(short: Key, long: Key) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _render(edge: _Edge, child: Key, parent: str) -> str:
    forward = edge.a == child
    why = f" ({edge.evidence})" if edge.evidence else ""
    if edge.kind == "user":
        return "user"
    if edge.kind == "case":
        return f"same name in other capitals: '{parent}'"
    if edge.kind == "acronym":
        return f"acronym expansion '{edge.evidence}'"
    if edge.kind == "gazetteer":
        return "gazetteer"
    if edge.kind == "demonym":
        return f"demonym of '{edge.evidence}' (gazetteer)" if forward else "gazetteer"
    if edge.kind == "surname":
        return f"surname of '{parent}'{why}" if forward else f"full name of '{parent}'"
    if edge.kind == "subset":
        return f"shorter form of '{parent}'{why}" if forward else f"longer form of '{parent}'"
    if edge.kind == "reorder":
        return f"words reordered from '{parent}'"
    if edge.kind == "fuzzy":
        return f"fuzzy ratio {edge.score:.1f} with '{parent}'"
    if forward:
        return f"fuzzy ratio {edge.score:.1f} with surname of '{parent}'{why}"
    return f"full name of '{parent}' (fuzzy ratio {edge.score:.1f})"


# --------------------------------------------------------------------------------------------
# public functions


def _documents(corpus: Any) -> list[Document]:
    # Actors are found across a corpus; one document alone is more likely a mistake.
    if isinstance(corpus, Document):
        raise ParameterError("corpus must be a Corpus (or an iterable of Document), got Document")
    return documents_of(corpus)


def _check_params(min_count: Any, fuzzy_threshold: Any) -> None:
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count must be an integer >= 1, got {min_count!r}")
    if (
        isinstance(fuzzy_threshold, bool)
        or not isinstance(fuzzy_threshold, (int, float))
        or not 0.0 <= float(fuzzy_threshold) <= 100.0
    ):
        raise ParameterError(
            f"fuzzy_threshold must be a number from 0 to 100, got {fuzzy_threshold!r}"
        )


_COLUMNS = ["actor", "alias", "count", "doc_ids", "rule", "score", "actor_count"]


def find_actors(
    corpus: Corpus | Iterable[Document],
    actors: ActorsLike | None = None,
    *,
    min_count: int = 1,
    fuzzy_threshold: float = 80.0,
    gazetteer: bool = True,
    demonyms: bool = True,
) -> pd.DataFrame:
    """Find the actors named in a corpus and the aliases each goes by.

    Parameters
    ----------
    corpus : Corpus
        The documents; their ``text`` is searched.
    actors : mapping, pandas.DataFrame or ActorIndex, optional
        Actors you know: ``{canonical: [aliases]}`` or a frame with ``actor`` and ``alias``.
        They win over inferred ones: a user alias never ends up under another actor, and
        inferred aliases may join a user actor.
    min_count : int, default 1
        Drop inferred actors mentioned fewer times than this (user actors are always kept).
    fuzzy_threshold : float, default 80.0
        Least RapidFuzz ``ratio`` (0-100) for two spellings to merge, on top of the safeguards
        described in the module docstring; 100 turns fuzzy merging off.
    gazetteer : bool, default True
        Use the shipped list of well-known aliases (``data/actor_gazetteer.csv``).
    demonyms : bool, default True
        Join gazetteer demonyms to their country (``Libyan`` -> ``Libya``).

    Returns
    -------
    pandas.DataFrame
        One row per ``(actor, alias)``: ``actor, alias, count, doc_ids, rule, score,
        actor_count``. ``count`` counts the alias' matches (longest match first, as
        :meth:`ActorIndex.find`), ``doc_ids`` is a sorted tuple, ``rule`` says why the alias
        belongs to the actor and ``score`` is the similarity behind it (100 for exact rules).
        Each actor's own name has a row (``rule`` ``canonical``, ``user`` or ``gazetteer``).
        Rows are sorted by ``actor_count`` (descending), actor, then alias count.

    Raises
    ------
    ParameterError
        For a bad argument or a user alias given to two actors.
    InputError
        For an actors frame without the ``actor`` and ``alias`` columns.

    Examples
    --------
    >>> corpus = Corpus([
    ...     Document(doc_id="a", text="General Khalifa Haftar's Libyan National Army (LNA) "
    ...              "took Sirte, said Ahmad al-Mesmari. Haftar thanked them."),
    ...     Document(doc_id="b", text="Forces of Haftar and the LNA advanced, al-Mismari said."),
    ... ])
    >>> table = find_actors(corpus)
    >>> table.loc[table.alias == "Haftar", ["actor", "count", "rule"]].values.tolist()
    [['Khalifa Haftar', 2, "surname of 'Khalifa Haftar'"]]
    >>> sorted(set(table.actor))
    ['Ahmad al-Mesmari', 'Khalifa Haftar', 'Libyan National Army', 'Sirte']
    >>> table.set_index("alias").loc["al-Mismari", "rule"]
    "fuzzy ratio 85.7 with surname of 'Ahmad al-Mesmari'"
    """
    docs = _documents(corpus)
    _check_params(min_count, fuzzy_threshold)
    for name, value in (("gazetteer", gazetteer), ("demonyms", demonyms)):
        if not isinstance(value, bool):
            raise ParameterError(f"{name} must be True or False, got {value!r}")
    threshold = float(fuzzy_threshold)
    user = _user_groups(actors)
    entries = [e for e in (_gazetteer() if gazetteer else ()) if demonyms or e.kind != "demonym"]
    keep_stop = {_name_key(e.alias) for e in entries if _is_acronym(e.alias)}
    keep_stop |= {_name_key(a) for aliases in user.values() for a in aliases if _is_acronym(a)}
    occurrences, expansions, seen_lower, mostly_lower = _discover(docs, keep_stop)

    nodes = _nodes(occurrences)
    in_text = set(nodes)
    graph = _Graph()
    for key in sorted(nodes):
        graph.add(key)
    _user_edges(graph, nodes, user)
    _acronym_edges(graph, nodes, expansions)
    places = _gazetteer_edges(graph, nodes, entries, in_text)
    anchored = {k for k in nodes if graph.anchor.get(graph.find(k), (0, ""))[0] == 1}
    expansion_keys = {e.expansion for e in expansions}
    shapes = _shapes(nodes, expansion_keys, places, anchored, mostly_lower)
    _name_edges(graph, {k: nodes[k] for k in sorted(nodes)}, shapes, threshold, seen_lower)

    kept = _kept_groups(graph, nodes, in_text)
    counts, where = _count(docs, kept, nodes)
    adjacency: dict[Key, list[tuple[_Edge, Key]]] = defaultdict(list)
    for edge in graph.edges:
        adjacency[edge.a].append((edge, edge.b))
        adjacency[edge.b].append((edge, edge.a))
    rows = []
    for root, members in sorted(kept.items()):
        anchor = graph.anchor.get(root)
        if (anchor is None or anchor[0] < 2) and sum(counts[m] for m in members) < min_count:
            continue
        rows.extend(_actor_rows(members, anchor, nodes, counts, where, adjacency))
    return _frame(rows)


def _nodes(occurrences: list[tuple[str, _Occurrence]]) -> dict[Key, _Node]:
    nodes: dict[Key, _Node] = {}
    for doc_id, occ in occurrences:
        node = nodes.setdefault(occ.key, _Node(occ.key))
        node.docs.add(doc_id)
        node.surfaces[occ.surface] += 1
        if not occ.initial:
            node.mid[occ.surface] += 1
        node.n += 1
        node.strong = node.strong or not occ.initial or occ.protected or len(occ.key) > 1
    return nodes


def _given(graph: _Graph, nodes: dict[Key, _Node], name: str, *, user_alias: bool = False) -> Key:
    """The node of a name the user or the gazetteer gives, written their way."""
    key = _name_key(name)
    node = nodes.setdefault(key, _Node(key))
    if node.given is None or user_alias:
        node.given = name
    node.user_alias = node.user_alias or user_alias
    graph.add(key)
    return key


def _user_edges(graph: _Graph, nodes: dict[Key, _Node], user: Mapping[str, list[str]]) -> None:
    for actor in sorted(user):
        root = _given(graph, nodes, actor, user_alias=True)
        graph.set_anchor(root, 2, actor)
        for alias in user[actor][1:]:
            graph.union(_Edge("user", _given(graph, nodes, alias, user_alias=True), root))


def _acronym_edges(graph: _Graph, nodes: Mapping[Key, _Node], expansions: list[_Expansion]) -> None:
    evidence: dict[tuple[Key, Key], Counter[str]] = defaultdict(Counter)
    for exp in expansions:
        evidence[exp.acronym, exp.expansion][exp.evidence] += 1
    for (acr, long), texts in sorted(evidence.items()):
        if acr in nodes and long in nodes:
            best = min(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            graph.union(_Edge("acronym", acr, long, evidence=best))


def _gazetteer_edges(
    graph: _Graph,
    nodes: dict[Key, _Node],
    entries: list[_GazetteerEntry],
    in_text: set[Key],
) -> set[str]:
    """Join the gazetteer actors named in the text; return the one-word names it knows."""
    by_actor: dict[str, list[_GazetteerEntry]] = defaultdict(list)
    for e in entries:
        by_actor[e.actor].append(e)
    for actor in sorted(by_actor):
        forms = [actor, *(e.alias for e in by_actor[actor])]
        if not any(_name_key(f) in in_text for f in forms):
            continue
        root = _given(graph, nodes, actor)
        if not graph.set_anchor(root, 1, actor):
            continue
        for e in by_actor[actor]:
            kind = "demonym" if e.kind == "demonym" else "gazetteer"
            graph.union(_Edge(kind, _given(graph, nodes, e.alias), root, evidence=actor))
    names = [*by_actor, *(e.alias for e in entries)]
    return {_fold(_name_key(n))[0] for n in names if len(_name_key(n)) == 1}


def _kept_groups(
    graph: _Graph, nodes: Mapping[Key, _Node], in_text: set[Key]
) -> dict[Key, list[Key]]:
    """User actors, and groups found in the text with more than a sentence-initial capital."""
    groups: dict[Key, list[Key]] = {}
    for key in sorted(nodes):
        groups.setdefault(graph.find(key), []).append(key)
    return {
        root: members
        for root, members in groups.items()
        if (root in graph.anchor and graph.anchor[root][0] == 2)
        or (
            any(m in in_text for m in members)
            and (root in graph.anchor or any(nodes[m].strong for m in members))
        )
    }


def _count(
    docs: list[Document], kept: Mapping[Key, list[Key]], nodes: Mapping[Key, _Node]
) -> tuple[Counter[Key], dict[Key, set[str]]]:
    """Mentions of each alias, counted the way ActorIndex.find finds them."""
    label = {root: f"\x00{n}" for n, root in enumerate(sorted(kept))}
    index = ActorIndex(
        tuple((label[root], nodes[m].surface) for root, members in kept.items() for m in members)
    )
    counts: Counter[Key] = Counter()
    where: dict[Key, set[str]] = defaultdict(set)
    for doc in docs:
        for mention in index.find(doc.text):
            key = _name_key(mention.alias)
            counts[key] += 1
            where[key].add(doc.doc_id)
    return counts, where


def _actor_rows(
    members: list[Key],
    anchor: tuple[int, str] | None,
    nodes: Mapping[Key, _Node],
    counts: Counter[Key],
    where: Mapping[Key, set[str]],
    adjacency: Mapping[Key, list[tuple[_Edge, Key]]],
) -> list[dict[str, Any]]:
    """One row per alias of one actor, each explained by the edge towards the canonical name."""
    if anchor is not None:
        canonical = _name_key(anchor[1])
        own_rule = "user" if anchor[0] == 2 else "gazetteer"
    else:
        canonical = min(
            (m for m in members if counts[m] > 0),
            key=lambda m: (
                -sum(len(c) > 1 for c in _core(m)),  # a middle initial adds nothing
                -counts[m],
                nodes[m].surface,
            ),
        )
        own_rule = "canonical: most complete frequent form"
    explained = {canonical: (own_rule, 100.0)}
    queue = deque([canonical])
    while queue:
        current = queue.popleft()
        neighbours = sorted(
            adjacency.get(current, []),
            key=lambda en: (_RULE_ORDER[en[0].kind], -en[0].score, nodes[en[1]].surface),
        )
        for edge, other in neighbours:
            if other not in explained:
                explained[other] = (_render(edge, other, nodes[current].surface), edge.score)
                queue.append(other)
    total = sum(counts[m] for m in members)
    rows = []
    for m in members:
        if m != canonical and counts[m] == 0 and not nodes[m].user_alias:
            continue
        rule, score = explained[m]
        if nodes[m].user_alias and anchor is not None and anchor[0] == 2:
            rule, score = "user", 100.0
        rows.append(
            {
                "actor": nodes[canonical].surface,
                "alias": nodes[m].surface,
                "count": counts[m],
                "doc_ids": tuple(sorted(where.get(m, ()))),
                "rule": rule,
                "score": score,
                "actor_count": total,
            }
        )
    return rows


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    if frame.empty:
        return frame.astype({"count": "int64", "score": "float64", "actor_count": "int64"})
    frame["is_actor"] = frame["alias"] == frame["actor"]
    frame = frame.sort_values(
        ["actor_count", "actor", "is_actor", "count", "alias"],
        ascending=[False, True, False, False, True],
        kind="mergesort",
    )
    return frame.drop(columns="is_actor").reset_index(drop=True)


def actor_mentions(
    corpus: Corpus | Iterable[Document], actors: ActorsLike | None = None
) -> pd.DataFrame:
    """Every mention of every actor, with offsets into ``Document.text``.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    actors : ActorIndex, pandas.DataFrame or mapping, optional
        The actors to look for, used as given: an index, a :func:`find_actors` table (any frame
        with ``actor`` and ``alias``) or ``{canonical: [aliases]}``. None runs
        :func:`find_actors` on the corpus first.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, text, actor, alias``, sorted by document and offset, with
        ``Document.text[start:end] == text``.

    Examples
    --------
    >>> corpus = Corpus([Document(doc_id="a", text="The UAE backs Haftar’s forces.")])
    >>> actor_mentions(corpus, {"Khalifa Haftar": ["Haftar"]}).values.tolist()
    [['a', 14, 20, 'Haftar', 'Khalifa Haftar', 'Haftar']]
    >>> actor_mentions(corpus)[["text", "actor"]].values.tolist()
    [['UAE', 'United Arab Emirates'], ['Haftar', 'Haftar']]
    """
    docs = _documents(corpus)
    index = (
        ActorIndex.from_frame(find_actors(docs))
        if actors is None
        else ActorIndex.from_actors(actors)
    )
    rows = [
        {
            "doc_id": doc.doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "actor": m.actor,
            "alias": m.alias,
        }
        for doc in docs
        for m in index.find(doc.text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "actor", "alias"])
