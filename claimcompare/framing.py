"""Framing: which loaded words each outlet applies to each actor, from :func:`find_loaded_terms`.

:func:`framing_table` counts, for every actor and outlet, the loaded terms that target the actor,
by default in the outlet's own voice only (a spokesman's "terrorist groups" is not the outlet
calling anyone a terrorist); quoted uses are counted beside them in ``quoted_count``.
:func:`what_each_outlet_calls` is the same as a wide table to read at a glance.

By default only labels count: every category but ``hedge`` and ``loaded_attribution`` (which
colour a claim or a speaker's words rather than name an actor); ``categories`` changes that.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .claims import claims_of
from .document import Corpus, Document, documents_of
from .errors import InputError, ParameterError, require_columns
from .lexicon import Lexicon
from .terms import SCARE_QUOTE

__all__ = ["FRAMING_COLUMNS", "framing_table", "voice_words", "what_each_outlet_calls"]

logger = logging.getLogger(__name__)

FRAMING_COLUMNS = [
    "actor",
    "outlet",
    "labels",
    "count",
    "per_1000_words",
    "net_polarity",
    "categories",
    "quoted_count",
    "words",
    "doc_ids",
]

VOICES = ("outlet", "quoted", "attributed", "all")
_NOT_LABELS = frozenset({"hedge", "loaded_attribution"})
_NEEDED = ("doc_id", "outlet", "term", "category", "polarity", "weight", "voice", "target")
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})


def _check(terms: pd.DataFrame, voice: str) -> None:
    require_columns(terms, _NEEDED, name="terms", made_by="find_loaded_terms")
    if voice not in VOICES:
        raise ParameterError(f"voice must be one of {list(VOICES)}, got {voice!r}")


def _label(term: str, category: str) -> str:
    """How a term is shown: lower case, one spelling of apostrophes and hyphens."""
    shown = " ".join(term.translate(_FOLD).lower().split())
    return f"\u201c{shown}\u201d" if category == SCARE_QUOTE else shown


def _selected(terms: pd.DataFrame, categories: Iterable[str] | None) -> pd.DataFrame:
    if categories is None:
        keep = ~terms["category"].isin(_NOT_LABELS)
    else:
        wanted = [categories] if isinstance(categories, str) else list(categories)
        # a misspelt category would give an empty table, not an error
        known = {*Lexicon.default().categories, SCARE_QUOTE, *terms["category"].dropna()}
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise ParameterError(
                f"categories {unknown} are neither in these terms nor in the default lexicon; "
                f"known categories: {sorted(known)}"
            )
        keep = terms["category"].isin(wanted)
    return terms[keep & terms["target"].notna()]


def _check_documents(terms: pd.DataFrame, docs: list[Document]) -> None:
    """Every document of ``terms`` must be in the corpus that gives the word counts."""
    missing = sorted(set(terms["doc_id"].astype(str)) - {str(d.doc_id) for d in docs})
    if missing:
        shown = ", ".join(repr(m) for m in missing[:5]) + (", ..." if len(missing) > 5 else "")
        raise InputError(
            f"terms come from {len(missing)} document(s) not in corpus ({shown}): pass the "
            "corpus the terms were found in, or the rates per 1,000 words would be wrong"
        )


def _ranked(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct values, most frequent first, ties in alphabetical order."""
    counts = Counter(values)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))


def voice_words(
    corpus: Corpus | Document | Iterable[Document], *, voice: str = "outlet"
) -> dict[str, int]:
    """Words (runs of ``\\w``) per outlet label, in the claims' spans of one voice.

    ``voice="all"`` counts every word of ``Document.text``. Spans are those of
    :func:`split_claims`; a term that :func:`find_loaded_terms` moves to the outlet's voice
    (a distancing marker, a scare quote) does not move its words.

    Examples
    --------
    >>> doc = Document(doc_id="d", outlet="Wire", text='Rebels took Sirte. "We won," they said.')
    >>> voice_words(doc), voice_words(doc, voice="quoted"), voice_words(doc, voice="all")
    ({'Wire': 5}, {'Wire': 2}, {'Wire': 7})
    """
    if voice not in VOICES:
        raise ParameterError(f"voice must be one of {list(VOICES)}, got {voice!r}")
    words: Counter[str] = Counter()
    for doc in documents_of(corpus):
        if voice == "all":
            words[doc.label] += len(_WORD.findall(doc.text))
            continue
        words[doc.label] += 0
        for claim in claims_of(doc):
            for span in claim.spans:
                if span.voice == voice:
                    words[doc.label] += len(_WORD.findall(doc.text[span.start : span.end]))
    return dict(sorted(words.items()))


def framing_table(
    terms: pd.DataFrame,
    corpus: Corpus | Document | Iterable[Document],
    *,
    voice: str = "outlet",
    categories: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Actor x outlet: the loaded terms an outlet applies to an actor, in one voice.

    Parameters
    ----------
    terms : pandas.DataFrame
        As returned by :func:`find_loaded_terms`.
    corpus : Corpus, Document or iterable of Document
        The documents of ``terms``, for the word counts behind ``per_1000_words``.
    voice : {"outlet", "quoted", "attributed", "all"}, default "outlet"
        Which matches count: the outlet's own words by default.
    categories : iterable of str, optional
        Categories that count; None: all but ``hedge`` and ``loaded_attribution``. A category
        neither in ``terms`` nor in :meth:`Lexicon.default` is a ``ParameterError``.

    Returns
    -------
    pandas.DataFrame
        One row per actor and outlet with a targeted term in ``voice`` or in quotes, sorted
        by actor and outlet: ``actor, outlet``; ``labels`` (distinct terms, lower case, most
        frequent first, scare quotes in quotation marks); ``count``; ``per_1000_words``
        (``count`` per 1,000 words of that outlet's text in ``voice``, see :func:`voice_words`);
        ``net_polarity`` (mean polarity weighted by the terms' weights, in [-1, 1], NaN without
        a term); ``categories`` (most frequent first); ``quoted_count`` (the same terms in quoted
        speech, whatever ``voice``); ``words`` (the denominator); ``doc_ids``.

    Examples
    --------
    >>> from claimcompare.terms import find_loaded_terms
    >>> doc = Document(doc_id="d", outlet="Wire", text=(
    ...     "Renegade general Khalifa Haftar took Sirte. "
    ...     "“Haftar is a terrorist,” the rogue government's spokesman said."))
    >>> terms = find_loaded_terms(doc, actors={"Khalifa Haftar": ["Haftar"]})
    >>> table = framing_table(terms, doc)
    >>> columns = ["actor", "outlet", "labels", "count", "net_polarity", "quoted_count"]
    >>> table[columns].values.tolist()
    [['Khalifa Haftar', 'Wire', ('renegade general',), 1, -1.0, 1]]
    >>> int(table.words[0]), float(round(table.per_1000_words[0], 1))  # own voice: 12 words
    (12, 83.3)
    >>> framing_table(terms, [])
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: terms come from 1 document(s) not in corpus ('d'): ...
    """
    _check(terms, voice)
    chosen = _selected(terms, categories)
    docs = list(documents_of(corpus))
    _check_documents(terms, docs)
    words = voice_words(docs, voice=voice)
    in_voice = chosen if voice == "all" else chosen[chosen["voice"] == voice]
    quoted = chosen[chosen["voice"] == "quoted"]
    quoted_counts = Counter(zip(quoted["target"], quoted["outlet"], strict=True))
    rows = []
    keys = sorted(
        set(zip(in_voice["target"], in_voice["outlet"], strict=True)) | set(quoted_counts)
    )
    groups = {key: frame for key, frame in in_voice.groupby(["target", "outlet"], sort=True)}
    for actor, outlet in keys:
        group = groups.get((actor, outlet), in_voice.iloc[0:0])
        weight = float(group["weight"].sum())
        n_words = words.get(outlet, 0)
        rows.append(
            {
                "actor": actor,
                "outlet": outlet,
                "labels": _ranked(
                    _label(t, c) for t, c in zip(group["term"], group["category"], strict=True)
                ),
                "count": len(group),
                "per_1000_words": 1000 * len(group) / n_words if n_words else float("nan"),
                "net_polarity": (
                    float((group["polarity"] * group["weight"]).sum()) / weight
                    if weight > 0
                    else float("nan")
                ),
                "categories": _ranked(group["category"]),
                "quoted_count": quoted_counts.get((actor, outlet), 0),
                "words": n_words,
                "doc_ids": tuple(sorted(set(group["doc_id"]))),
            }
        )
    frame = pd.DataFrame(rows, columns=FRAMING_COLUMNS)
    return frame.astype(
        {"count": "int64", "quoted_count": "int64", "words": "int64", "per_1000_words": "float64"}
    ).astype({"net_polarity": "float64"})


def what_each_outlet_calls(
    terms: pd.DataFrame,
    *,
    voice: str = "outlet",
    categories: Iterable[str] | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """What each outlet calls each actor: actors as rows, outlets as columns, to scan in seconds.

    A cell lists the distinct terms an outlet applies to the actor in ``voice`` (lower case,
    most frequent first, at most ``top``) and the number of uses: ``"renegade general,
    self-styled (3)"``; an empty string where it applies none. Rows are ordered by the total
    number of uses, most first, then by name; columns by outlet label.

    Examples
    --------
    >>> from claimcompare.terms import find_loaded_terms
    >>> docs = [
    ...     Document(doc_id="a", outlet="A", text="Rogue general Khalifa Haftar took Sirte."),
    ...     Document(doc_id="b", outlet="B", text="Haftar's self-styled forces took Sirte."),
    ... ]
    >>> terms = find_loaded_terms(docs, actors={"Khalifa Haftar": ["Haftar"]})
    >>> what_each_outlet_calls(terms).to_dict("index")
    {'Khalifa Haftar': {'A': 'rogue general (1)', 'B': 'self-styled (1)'}}
    """
    _check(terms, voice)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ParameterError(f"top must be a positive integer or None, got {top!r}")
    chosen = _selected(terms, categories)
    if voice != "all":
        chosen = chosen[chosen["voice"] == voice]
    outlets = sorted(set(chosen["outlet"]))
    cells: dict[str, dict[str, str]] = {}
    totals: Counter[str] = Counter()
    for (actor, outlet), group in chosen.groupby(["target", "outlet"], sort=True):
        labels = _ranked(
            _label(t, c) for t, c in zip(group["term"], group["category"], strict=True)
        )
        shown = labels if top is None else labels[:top]
        more = ", ..." if len(shown) < len(labels) else ""
        cells.setdefault(str(actor), {})[str(outlet)] = f"{', '.join(shown)}{more} ({len(group)})"
        totals[str(actor)] += len(group)
    actors = sorted(cells, key=lambda a: (-totals[a], a))
    table = pd.DataFrame(
        [[cells[a].get(o, "") for o in outlets] for a in actors],
        index=pd.Index(actors, name="actor", dtype=object),
        columns=pd.Index(outlets, name="outlet", dtype=object),
        dtype=object,
    )
    return table
