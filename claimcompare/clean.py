"""Cleaning scraped article text: boilerplate out, headline, outlet, date and url in.

:func:`clean_text` splits the raw text into lines, keeps every line of the article (headline,
sub-headings, paragraphs) and records each line it drops, with the reason, as a
:class:`RemovedLine`. What counts as site chrome: docs/getting-started.md, "What cleaning removes".
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ._common.data import data_rows

__all__ = [
    "Cleaned",
    "RemovedLine",
    "clean_text",
    "outlet_from_domain",
    "outlet_name",
    "parse_dateline",
]


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the raw input that cleaning left out of ``Document.text``.

    Attributes
    ----------
    line : int
        1-based line number in the raw text.
    text : str
        The line as it was, without its line break.
    reason : str
        Why it was removed, e.g. ``"advert"``, ``"masthead"``, ``"dateline"``, ``"comment form"``.
    """

    line: int
    text: str
    reason: str


# Whole-line boilerplate, matched case-insensitively against a stripped line. Each pattern is
# anchored or specific enough that an article sentence cannot match it.
_BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("advert", r"(?:^|[-–—|:!]\s*)join now\b"),
        ("advert", r"^find an? .{0,40}\bjobs?\b.{0,3}$"),
        ("advert", r"^(?:advertisement|sponsored(?: content)?|promoted|ad)$"),
        # Imperative at the start of the line or after a separator ("UNITED24 - Make a ..."), so
        # that "He urged supporters to make a donation." stays.
        (
            "donation",
            r"(?:^|[-–—|:!]\s*)(?:make a (?:charitable )?donation|donate now|"
            r"support our journalism)\b",
        ),
        ("mailing list", r"^join (?:the |our )?(?:[\w.-]+ )?mailing list\b.{0,40}$"),
        ("mailing list", r"^(?:subscribe|sign up)\b.{0,80}\b(?:newsletter|mailing list|updates)\b"),
        ("mailing list", r"^(?:get|receive) (?:our|the) .{0,40}newsletter\b"),
        ("link", r"^(?:link|url)\s*:"),
        ("tags", r"^(?:tags?|topics?|keywords?|filed under|categories)\s*:"),
        ("copyright", r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b"),
        # Comment forms in the languages scraped news sites most often use.
        (
            "comment form",
            r"^(?:leave a (?:reply|comment)|post (?:a )?comment|cancel reply|add a comment|"
            r"laisser un commentaire|laisser une r[ée]ponse|deja un comentario|deja una respuesta|"
            r"lascia un commento|schreibe einen kommentar|hinterlasse einen kommentar|"
            r"deixe um coment[áa]rio|deixe uma resposta|laat een reactie achter|bir yorum yaz[ıi]n|"
            r"добавить комментарий|оставить комментарий|اترك تعليقا|اترك تعليقاً|اترك رد[اًا]?)\W*$",
        ),
        (
            "comment form",
            r"(?:your email address will not be published|required fields are marked|"
            r"adresse (?:de messagerie|e-?mail|[ée]lectronique) ne sera pas publi|"
            r"champs obligatoires sont indiqu|"
            r"direcci[óo]n de correo electr[óo]nico no ser[áa] publicada|"
            r"campos obligatorios est[áa]n marcados|indirizzo email non sar[àa] pubblicato|"
            r"campi obbligatori sono contrassegnati|e-mail-adresse wird nicht ver[öo]ffentlicht|"
            r"erforderliche felder sind|endere[çc]o de e-?mail n[ãa]o ser[áa] publicado|"
            r"campos obrigat[óo]rios s[ãa]o marcados|e-mailadres wordt niet gepubliceerd|"
            r"e-posta (?:hesab[ıi]n[ıi]z|adresiniz) yay[ıi]mlanmayacak|"
            r"адрес email не будет опубликован|لن يتم نشر عنوان بريدك)",
        ),
    )
)

# Site chrome whose first words an article sentence may share ("Share prices fell.", "Email
# records show ...", "Only security-cleared staff ..."): removed only from lines that do not read
# like prose.
_CHROME: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("advert", r"\b(?:career network|security[- ]cleared|security clearance job)\b"),
        ("donation", r"^(?:donate|support us|become a (?:member|patron|subscriber))\b.{0,60}$"),
        ("link", r"^(?:source|read more|read also|see also|related)\s*:"),
        (
            "share",
            r"^(?:share(?: this)?(?: article| story)?|follow us|print|email|tweet)\b.{0,60}$",
        ),
    )
)

# Only after the last paragraph of the article: promotions that read like prose.
_TRAILER: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("promo", r"\b(?:podcast|episode \w+ of|listen (?:now|here)|watch (?:now|here))\b"),
        ("credit", r"^(?:reporting|writing|editing|additional reporting) by\b"),
    )
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\.?,?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
_PREFIX = r"(?:(?:published|posted|updated|last updated|date)\s*(?:on|:)?\s*)?"
_DATELINES = tuple(
    re.compile(r"^" + _PREFIX + body + _TIME + r"\s*$", re.IGNORECASE)
    for body in (
        rf"(?:{_WEEKDAY}\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
        rf"(?:{_WEEKDAY}\s*)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.]+Z?)?",
    )
)
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\b")
_BYLINE_PARTS = re.compile(r"\s*(?:[,|–—]|\s-\s|\bfor\b|\band\b)\s*")
# "TRIPOLI (Reuters) - ..." opening the first paragraph of a wire story.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}\((?P<outlet>[^()]{2,40})\)\s*[-–—]")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]\s]*$")
_QUOTES = "\"'“”‘’«»‹›„"


@dataclass(frozen=True)
class Cleaned:
    """What :func:`clean_text` found: the article text and the metadata around it.

    ``provenance`` maps each inferred field to where it came from, e.g.
    ``{"published": "dateline, line 11"}``.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    provenance: dict[str, str] = field(default_factory=dict)


def parse_dateline(line: str) -> _dt.date | None:
    """Parse a line that is only a date (and maybe a weekday and time); None if it is not.

    Examples
    --------
    >>> parse_dateline("Tuesday, 07 January 2020 7:10 AM")
    datetime.date(2020, 1, 7)
    >>> parse_dateline("Published on March 3, 2019") is not None
    True
    >>> parse_dateline("Haftar rejects calls for a ceasefire") is None
    True
    """
    stripped = line.strip()
    if len(stripped) > 80:
        return None
    for pattern in _DATELINES:
        match = pattern.match(stripped)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return _dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
    return None


# --- outlets by masthead name or web domain (data/outlets.csv) ------------------------------------


def _outlet_key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    rows = data_rows("outlets.csv")
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for row in rows:
        outlet = row["outlet"]
        for name in [outlet, *row["names"].split("|")]:
            names[_outlet_key(name)] = outlet
        for domain in row["domains"].split("|"):
            domains[domain.casefold()] = outlet
    return names, domains


def outlet_name(line: str) -> str | None:
    """The canonical outlet a masthead line names exactly, keeping the line's own wording.

    Examples
    --------
    >>> outlet_name("Iran Press TV"), outlet_name("Haftar seizes Sirte")
    ('Iran Press TV', None)
    """
    stripped = line.strip()
    return stripped if _outlet_key(stripped) in _gazetteer()[0] else None


def outlet_from_domain(host: str) -> str | None:
    """The outlet for a host name: a known outlet, else the registered domain itself.

    Examples
    --------
    >>> outlet_from_domain("www.aljazeera.com"), outlet_from_domain("www.example.org")
    ('Al Jazeera', 'example.org')
    """
    host = host.casefold().strip(".")
    if host.startswith("www."):
        host = host[4:]
    domains = _gazetteer()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in domains:
            return domains[candidate]
    return host or None


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_prose(line: str) -> bool:
    """A line that reads like an article paragraph: several words ending a sentence."""
    return len(_words(line)) >= 4 and bool(_SENTENCE_END.search(line))


def _boilerplate_reason(line: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    for reason, pattern in patterns:
        if pattern.search(line):
            return reason
    return None


def _strip_quotes(line: str) -> str:
    stripped = line.strip()
    if len(stripped) >= 2 and stripped[0] in _QUOTES and stripped[-1] in _QUOTES:
        return stripped[1:-1].strip()
    return stripped


def _blocks(lines: list[str]) -> list[list[int]]:
    """Group line numbers into paragraphs: blank-line separated, or one line each if none are."""
    has_blank = any(not ln.strip() for ln in lines)
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
        elif has_blank:
            current.append(i)
        else:
            blocks.append([i])
    if current:
        blocks.append(current)
    return blocks


@dataclass
class _Reading:
    """The lines of one raw text while :func:`clean_text` sorts them, and what it infers."""

    lines: list[str]
    removed: dict[int, str] = field(default_factory=dict)  # line index -> reason
    provenance: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    url: str | None = None

    @property
    def kept(self) -> list[int]:
        """Indexes of the non-blank lines not removed so far."""
        return [i for i, line in enumerate(self.lines) if line and i not in self.removed]

    def infer(self, name: str, value: str | _dt.date | None, where: str) -> None:
        """Set a metadata field from ``where`` unless an earlier line already set it."""
        if getattr(self, name) is None and value:
            setattr(self, name, value)
            self.provenance[name] = where


def _remove_boilerplate(reading: _Reading) -> None:
    """Boilerplate, datelines out; the first link gives the url, the first dateline the date."""
    for i in reading.kept:
        line = reading.lines[i]
        reason = _boilerplate_reason(line, _BOILERPLATE)
        if reason is None and not _is_prose(line):
            reason = _boilerplate_reason(line, _CHROME)
        if reason is not None:
            reading.removed[i] = reason
            found = _URL.search(line) if reason == "link" else None
            if found:
                reading.infer("url", found.group(0).rstrip(".,;)"), f"link line {i + 1}")
            continue
        date = parse_dateline(line)
        if date is not None:
            reading.removed[i] = "dateline"
            reading.infer("published", date, f"dateline, line {i + 1}: {line!r}")


def _read_preamble(reading: _Reading, first_body: int) -> None:
    """Before the first paragraph: mastheads, bylines out; the last line of words is the title."""
    preamble = [i for i in reading.kept if i < first_body]
    counts = Counter(reading.lines[i] for i in preamble)
    for i in preamble:
        line = reading.lines[i]
        name = outlet_name(line)
        if name is not None or (counts[line] > 1 and len(_words(line)) <= 6):
            reading.removed[i] = "masthead"
            reading.infer("outlet", name or line, f"masthead line {i + 1}: {line!r}")
        elif _BYLINE.match(line):
            reading.removed[i] = "byline"
            reading.provenance.setdefault("byline", f"line {i + 1}: {line!r}")
            named = [outlet_name(part) for part in _BYLINE_PARTS.split(line)]
            by_outlet = next((n for n in named if n), None)
            reading.infer("outlet", by_outlet, f"byline, line {i + 1}: {line!r}")
    candidates = [
        i for i in preamble if i not in reading.removed and len(_words(reading.lines[i])) >= 3
    ]
    if candidates:
        headline = candidates[-1]
        reading.title = _strip_quotes(reading.lines[headline])
        reading.provenance["title"] = f"headline, line {headline + 1}"
    for i in preamble:
        if i not in reading.removed and (not candidates or i != candidates[-1]):
            reading.removed[i] = "navigation"


def _remove_trailer(reading: _Reading, last_body: int) -> None:
    """After the last paragraph, promotions and credits that read like prose."""
    for i in reading.kept:
        if i > last_body:
            reason = _boilerplate_reason(reading.lines[i], _TRAILER)
            if reason is not None:
                reading.removed[i] = reason


def _outlet_from_wire_dateline(reading: _Reading, first_body: int) -> None:
    """The outlet a wire story names in its opening: "TRIPOLI (Reuters) - ..."."""
    wire = _WIRE_DATELINE.match(reading.lines[first_body])
    if wire:
        where = f"wire dateline, line {first_body + 1}: {wire.group(0)!r}"
        reading.infer("outlet", outlet_name(wire.group("outlet")), where)


def _outlet_from_link(reading: _Reading) -> None:
    """The outlet of the link's domain, where nothing in the text names one."""
    if reading.outlet is None and reading.url is not None:
        host = urlsplit(reading.url).hostname or ""
        reading.infer("outlet", outlet_from_domain(host), f"domain of the link {reading.url!r}")


def _kept_text(reading: _Reading) -> str:
    """The kept lines, a paragraph's lines joined by a line break, paragraphs by a blank line."""
    paragraphs = []
    for block in _blocks(reading.lines):
        kept = [reading.lines[i] for i in block if i not in reading.removed]
        if kept:
            paragraphs.append("\n".join(kept))
    return "\n\n".join(paragraphs)


def clean_text(raw: str) -> Cleaned:
    """Strip site chrome from scraped article text and infer its metadata.

    Lines before the first paragraph of the article are read as the preamble: the headline is
    kept (as the first paragraph) and masthead, dateline, adverts and navigation are removed.
    Boilerplate anywhere (mailing lists, comment forms in several languages, ``LINK:`` and
    ``TAGS:`` lines, donation banners) is removed; after the last paragraph, promotions too.
    Every other line is kept unchanged, paragraphs joined by a blank line.

    Parameters
    ----------
    raw : str
        The text as scraped.

    Returns
    -------
    Cleaned
        Text, title, outlet, published date, url, removed lines and provenance.

    Examples
    --------
    >>> raw = (
    ...     "Find a Security Clearance Job!\\n\\nExample News\\n\\nSirte falls to Haftar\\n\\n"
    ...     "Example News\\n\\nTuesday, 07 January 2020 7:10 AM\\n\\n"
    ...     "Forces loyal to Khalifa Haftar have seized the city of Sirte.\\n\\n"
    ...     "Join the mailing list"
    ... )
    >>> cleaned = clean_text(raw)
    >>> cleaned.text
    'Sirte falls to Haftar\\n\\nForces loyal to Khalifa Haftar have seized the city of Sirte.'
    >>> cleaned.title, cleaned.outlet, cleaned.published
    ('Sirte falls to Haftar', 'Example News', datetime.date(2020, 1, 7))
    >>> [r.reason for r in cleaned.removed]
    ['advert', 'masthead', 'masthead', 'dateline', 'mailing list']
    """
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    reading = _Reading(lines)
    _remove_boilerplate(reading)
    body = [i for i in reading.kept if _is_prose(lines[i])]
    if body:
        _read_preamble(reading, body[0])
        _remove_trailer(reading, body[-1])
        if reading.outlet is None:
            _outlet_from_wire_dateline(reading, body[0])
    _outlet_from_link(reading)
    removed = reading.removed
    return Cleaned(
        text=_kept_text(reading),
        title=reading.title,
        outlet=reading.outlet,
        published=reading.published,
        url=reading.url,
        removed=tuple(RemovedLine(i + 1, lines[i], removed[i]) for i in sorted(removed)),
        provenance=reading.provenance,
    )
