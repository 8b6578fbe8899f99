"""Frozen documents, the corpus that holds them, and documents built from records and tables.

A :class:`Document` is immutable: everything derived from it (claims, quotes, loaded terms) points
back into ``Document.text`` with half-open character offsets.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
import math
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

import pandas as pd

from .clean import RemovedLine, clean_text
from .errors import InputError, ParameterError

__all__ = [
    "FIELDS",
    "Corpus",
    "Document",
    "RemovedLine",
    "SkipSink",
    "Skipped",
    "check_column_map",
    "corpus_from_frame",
    "corpus_from_records",
    "documents_of",
    "is_missing",
    "make_document",
    "parse_published",
    "records_corpus",
]

# Inputs skipped while building documents are reported on the loading logger, as they always were.
logger = logging.getLogger("claimcompare.load")

#: The fields of a document that records, rows and columns may give.
FIELDS = ("doc_id", "text", "title", "outlet", "published", "url")
_ERRORS = ("raise", "warn")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that lenient loading (``errors="warn"``) skipped, and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text and what is known about it.

    Parameters
    ----------
    doc_id : str
        Unique, stable id (the file stem when loaded from a file).
    text : str
        The article text. Claims, quotes and terms are offsets into it.
    title, outlet, url : str or None
        Headline, publishing outlet and address, given or inferred.
    published : datetime.date or None
        Publication date.
    source : str or None
        Where the document came from: a path, or a path and row.
    meta : Mapping
        Any further fields, e.g. extra columns of a CSV.
    removed : tuple of RemovedLine
        Lines that cleaning dropped from the raw text.
    provenance : Mapping[str, str]
        For each metadata field, where its value came from (``"column 'outlet'"``,
        ``"masthead line 5"``, ...).

    Examples
    --------
    >>> doc = Document(doc_id="a", text="Haftar's forces seized Sirte.", outlet="Example Times")
    >>> doc.text[0:15]
    "Haftar's forces"
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    source: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    removed: tuple[RemovedLine, ...] = ()
    provenance: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        where = f" (from {self.source})" if self.source else ""
        if not isinstance(self.doc_id, str) or not self.doc_id.strip():
            raise InputError(f"doc_id must be a non-empty string{where}, got {self.doc_id!r}")
        if not isinstance(self.text, str):
            raise InputError(
                f"text of document {self.doc_id!r}{where} must be a string, "
                f"got {type(self.text).__name__}"
            )
        for name in ("title", "outlet", "url", "source"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    f"{name} of document {self.doc_id!r}{where} must be a string or None, "
                    f"got {type(value).__name__}"
                )
        published = self.published
        if isinstance(published, _dt.datetime):
            object.__setattr__(self, "published", published.date())
        elif published is not None and not isinstance(published, _dt.date):
            raise InputError(
                f"published of document {self.doc_id!r}{where} must be a datetime.date or None, "
                f"got {published!r}"
            )
        object.__setattr__(self, "meta", dict(self.meta))
        object.__setattr__(self, "provenance", dict(self.provenance))
        object.__setattr__(self, "removed", tuple(self.removed))

    def __hash__(self) -> int:
        return hash((self.doc_id, self.text, self.title, self.outlet, self.published, self.url))

    @property
    def label(self) -> str:
        """The outlet, or ``"<unknown outlet: doc_id>"`` where none is known, for grouping."""
        return self.outlet if self.outlet else f"<unknown outlet: {self.doc_id}>"

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a plain dict (removed lines as dicts).

        Examples
        --------
        >>> Document(doc_id="a", text="Text.").to_dict()["doc_id"]
        'a'
        """
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["removed"] = [dataclasses.asdict(r) for r in self.removed]
        out["meta"] = dict(self.meta)
        out["provenance"] = dict(self.provenance)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Build a document from :meth:`to_dict` output.

        Examples
        --------
        >>> doc = Document(doc_id="a", text="Text.", title="T")
        >>> Document.from_dict(doc.to_dict()) == doc
        True
        """
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown Document fields {unknown}; allowed: {sorted(known)}")
        values = dict(data)
        values["removed"] = tuple(
            r if isinstance(r, RemovedLine) else RemovedLine(**r) for r in values.get("removed", ())
        )
        return cls(**values)


class Corpus(Sequence[Document]):
    """An immutable sequence of documents, indexable by position and by ``doc_id``.

    Parameters
    ----------
    documents : iterable of Document
        Documents with unique ids. A duplicate id raises :class:`InputError` naming both sources.
    skipped : iterable of Skipped, optional
        Inputs that lenient loading skipped; kept so nothing is dropped silently.

    Examples
    --------
    >>> corpus = Corpus([Document(doc_id="a", text="One."), Document(doc_id="b", text="Two.")])
    >>> len(corpus), corpus["b"].text, corpus[0].doc_id
    (2, 'Two.', 'a')
    """

    __slots__ = ("_by_id", "_docs", "skipped")

    def __init__(self, documents: Iterable[Document], *, skipped: Iterable[Skipped] = ()) -> None:
        docs = tuple(documents)
        by_id: dict[str, Document] = {}
        for doc in docs:
            if not isinstance(doc, Document):
                raise InputError(f"a Corpus holds Document objects, got {type(doc).__name__}")
            other = by_id.get(doc.doc_id)
            if other is not None:
                raise InputError(
                    f"duplicate doc_id {doc.doc_id!r}: from {other.source or '(no source)'} "
                    f"and from {doc.source or '(no source)'}; ids must be unique "
                    "(pass an id column, or rename one of the files)"
                )
            by_id[doc.doc_id] = doc
        self._docs = docs
        self._by_id = by_id
        self.skipped: tuple[Skipped, ...] = tuple(skipped)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...

    @overload
    def __getitem__(self, key: slice) -> Corpus: ...

    def __getitem__(self, key: int | str | slice) -> Document | Corpus:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no document with doc_id {key!r}") from None
        if isinstance(key, slice):
            return Corpus(self._docs[key])
        return self._docs[key]

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._docs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._docs == other._docs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        outlets = sorted({d.outlet for d in self._docs if d.outlet})
        return f"Corpus({len(self)} documents, {len(outlets)} outlets)"

    @property
    def ids(self) -> list[str]:
        """Document ids in corpus order."""
        return [d.doc_id for d in self._docs]

    def sorted(self) -> Corpus:
        """Return the corpus ordered by ``doc_id``: the canonical order used by every stage."""
        return Corpus(sorted(self._docs, key=lambda d: d.doc_id), skipped=self.skipped)

    def to_frame(self) -> pd.DataFrame:
        """One row per document: ``doc_id, outlet, published, title, url, source, text, n_removed``.

        Examples
        --------
        >>> Corpus([Document(doc_id="a", text="One.")]).to_frame().columns.tolist()[:3]
        ['doc_id', 'outlet', 'published']
        """
        columns = ["doc_id", "outlet", "published", "title", "url", "source", "text", "n_removed"]
        rows = [
            {
                "doc_id": d.doc_id,
                "outlet": d.outlet,
                "published": d.published,
                "title": d.title,
                "url": d.url,
                "source": d.source,
                "text": d.text,
                "n_removed": len(d.removed),
            }
            for d in self._docs
        ]
        return pd.DataFrame(rows, columns=columns)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        clean: bool = True,
        errors: str = "raise",
        source: str | None = None,
        **column_map: str,
    ) -> Corpus:
        """Build a corpus from a DataFrame with one article per row.

        Parameters
        ----------
        frame : pandas.DataFrame
            Needs a text column; ``doc_id``, ``outlet``, ``published``, ``title`` and ``url``
            columns are used where present. Other columns go to ``Document.meta``.
        clean : bool, default True
            Strip boilerplate and infer missing metadata from the text (see :func:`clean_text`).
            Values from columns always beat inferred ones.
        errors : {"raise", "warn"}
            On a bad row, raise, or warn and record it in ``Corpus.skipped``.
        source : str, optional
            Name used in messages and ``Document.source`` (e.g. the CSV path).
        **column_map : str
            Column names for the fields, e.g. ``text="body", outlet="site"``.

        Examples
        --------
        >>> frame = pd.DataFrame({"body": ["Haftar's forces seized Sirte."], "site": ["Example"]})
        >>> Corpus.from_frame(frame, text="body", outlet="site")[0].outlet
        'Example'
        """
        return corpus_from_frame(frame, clean=clean, errors=errors, source=source, **column_map)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        clean: bool = True,
        errors: str = "raise",
        source: str | None = None,
        **column_map: str,
    ) -> Corpus:
        """Build a corpus from dicts, one per article; keys as in :meth:`from_frame`.

        Examples
        --------
        >>> Corpus.from_records([{"doc_id": "a", "text": "Sirte fell."}])["a"].text
        'Sirte fell.'
        """
        return corpus_from_records(records, clean=clean, errors=errors, source=source, **column_map)


def documents_of(corpus: Corpus | Document | Iterable[Document]) -> list[Document]:
    """The documents of a corpus, a document or an iterable of them, in ``doc_id`` order.

    Every stage processes documents in this canonical order, so results never depend on the
    order of the input.

    Examples
    --------
    >>> docs = [Document(doc_id="b", text="B."), Document(doc_id="a", text="A.")]
    >>> [d.doc_id for d in documents_of(docs)]
    ['a', 'b']
    """
    if isinstance(corpus, Document):
        return [corpus]
    if isinstance(corpus, (str, bytes)):
        raise ParameterError(
            "corpus must be a Corpus, a Document or Documents, not a string; "
            "use cc.load_corpus(...) or cc.Document(doc_id=..., text=...)"
        )
    if isinstance(corpus, pd.DataFrame):
        raise ParameterError("corpus must be a Corpus, not a DataFrame; use cc.load_corpus(frame)")
    if not isinstance(corpus, Iterable):
        raise ParameterError(
            f"corpus must be a Corpus, a Document or Documents, got {type(corpus).__name__}"
        )
    docs = list(corpus)
    for doc in docs:
        if not isinstance(doc, Document):
            raise ParameterError(f"corpus must hold Document objects, got {type(doc).__name__}")
    return sorted(docs, key=lambda d: d.doc_id)


# --- documents from records, rows and tables ---------------------------------------------------


def check_column_map(column_map: Mapping[str, Any]) -> dict[str, str]:
    """The column (or field) name of every field in :data:`FIELDS`, checking the names given.

    Examples
    --------
    >>> check_column_map({"text": "body"})["text"], check_column_map({})["outlet"]
    ('body', 'outlet')
    """
    unknown = sorted(set(column_map) - set(FIELDS))
    if unknown:
        raise ParameterError(
            f"unknown field(s) {unknown} in the column map; allowed fields: {list(FIELDS)}"
        )
    for key, value in column_map.items():
        if not isinstance(value, str) or not value:
            raise ParameterError(
                f"column name for {key!r} must be a non-empty string, got {value!r}"
            )
    return {f: column_map.get(f, f) for f in FIELDS}


class SkipSink:
    """Collects skipped inputs under ``errors="warn"``; raises under ``errors="raise"``.

    Examples
    --------
    >>> import warnings
    >>> sink = SkipSink("warn")
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     sink.fail("rows.csv row 3", "no text")
    >>> sink.skipped
    [Skipped(source='rows.csv row 3', reason='no text')]
    """

    def __init__(self, errors: str) -> None:
        if errors not in _ERRORS:
            raise ParameterError(f"errors must be one of {_ERRORS}, got {errors!r}")
        self.errors = errors
        self.skipped: list[Skipped] = []

    def fail(self, source: str, reason: str) -> None:
        """Raise, or warn and record ``source`` as skipped for ``reason``."""
        reason = reason.removeprefix(f"{source}: ")
        if self.errors == "raise":
            # A reason that names its own source (a row of the file) needs no second prefix.
            raise InputError(reason if source in reason else f"{source}: {reason}")
        message = f"skipped {source}: {reason}"
        logger.warning(message)
        warnings.warn(message, stacklevel=4)
        self.skipped.append(Skipped(source, reason))


def is_missing(value: Any) -> bool:
    """Whether a cell or field holds no value: None, NaN, NaT or blank text.

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), " ", "x", 0)]
    [True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return bool(value is pd.NaT or (isinstance(value, str) and not value.strip()))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$")


def parse_published(value: Any, where: str) -> _dt.date:
    """A publication date from a date, datetime, Timestamp or text; ``where`` names it in errors.

    A numeric date that reads both as day/month and as month/day is an error, not a guess.

    Examples
    --------
    >>> parse_published("2020-01-07T09:00", "row 0"), parse_published("7 January 2020", "row 1")
    (datetime.date(2020, 1, 7), datetime.date(2020, 1, 7))
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, str):
        stamp = value.strip()
        head, rest = stamp[:10], stamp[10:]
        if not rest or rest[0] in "T ":  # a time after the date is fine, other text is not
            try:
                return _dt.date.fromisoformat(head)
            except ValueError:
                pass
        ambiguous = _NUMERIC_DATE.match(value.strip())
        if (
            ambiguous
            and all(1 <= int(ambiguous[k]) <= 12 for k in (1, 2))
            and ambiguous[1] != ambiguous[2]
        ):
            raise InputError(
                f"{where}: published value {value!r} is ambiguous (day/month or month/day); "
                "use an ISO date like 2020-01-07"
            )
        try:
            return pd.Timestamp(value.strip()).date()
        except (ValueError, TypeError):
            pass
    raise InputError(
        f"{where}: published value {value!r} is not a date; use an ISO date like 2020-01-07 "
        "or a datetime.date"
    )


def make_document(
    values: Mapping[str, Any],
    *,
    doc_id: str,
    source: str,
    clean: bool,
    meta: Mapping[str, Any] | None = None,
    explicit_from: str = "column",
) -> Document:
    """A document from field values, cleaned if ``clean``; given values beat inferred ones.

    Parameters
    ----------
    values : Mapping
        ``text`` and any of ``title, outlet, published, url`` (missing values are ignored).
    doc_id, source : str
        The document's id, and where it came from (also the prefix of error messages).
    clean : bool
        Strip boilerplate and infer the fields not given (:func:`~claimcompare.clean.clean_text`).
    meta : Mapping, optional
        Further fields for ``Document.meta``.
    explicit_from : str, default "column"
        What a given field is called in ``Document.provenance`` ("column 'outlet'").

    Examples
    --------
    >>> doc = make_document({"text": "Sirte fell.", "outlet": "X"}, doc_id="a", source="row 0",
    ...                     clean=False)
    >>> doc.outlet, doc.provenance
    ('X', {'outlet': "column 'outlet'"})
    """
    text = values.get("text")
    if not isinstance(text, str):
        raise InputError(
            f"{source}: text must be a string, got {type(text).__name__} ({text!r:.40})"
        )
    if not text.strip():
        raise InputError(f"{source}: the document is empty (no text)")
    provenance: dict[str, str] = {}
    fields: dict[str, Any] = {}
    for name in ("title", "outlet", "published", "url"):
        value = values.get(name)
        if is_missing(value):
            continue
        if name == "published":
            value = parse_published(value, source)
        elif not isinstance(value, str):
            raise InputError(f"{source}: {name} must be a string, got {type(value).__name__}")
        else:
            value = value.strip()
        fields[name] = value
        provenance[name] = f"{explicit_from} {name!r}"
    removed: tuple[Any, ...] = ()
    if clean:
        cleaned = clean_text(text)
        if not cleaned.text.strip():
            raise InputError(
                f"{source}: nothing is left after removing boilerplate "
                f"({len(cleaned.removed)} line(s) removed); pass clean=False to keep the text as is"
            )
        text = cleaned.text
        removed = cleaned.removed
        for name in ("title", "outlet", "published", "url"):
            inferred = getattr(cleaned, name)
            if name not in fields and inferred is not None:
                fields[name] = inferred
                provenance[name] = "inferred from text: " + cleaned.provenance[name]
        if "byline" in cleaned.provenance:
            provenance["byline"] = cleaned.provenance["byline"]
    return Document(
        doc_id=doc_id,
        text=text,
        source=source,
        meta=dict(meta or {}),
        removed=removed,
        provenance=provenance,
        **fields,
    )


def corpus_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    clean: bool = True,
    errors: str = "raise",
    source: str | None = None,
    **column_map: str,
) -> Corpus:
    """Build a corpus from mappings, one per article (see :meth:`Corpus.from_records`).

    Examples
    --------
    >>> corpus_from_records([{"id": "x", "body": "Sirte fell."}], doc_id="id", text="body").ids
    ['x']
    """
    check_column_map(column_map)
    label = source or "records"
    rows = list(records)
    where = [f"{label} row {n}" for n in range(len(rows))]
    return records_corpus(where, rows, clean=clean, sink=SkipSink(errors), column_map=column_map)


def records_corpus(
    located: Sequence[str],
    records: Sequence[Any],
    *,
    clean: bool,
    sink: SkipSink,
    column_map: Mapping[str, str],
) -> Corpus:
    """Documents of records, ``located[n]`` saying where record ``n`` is (for messages).

    A record without an id is numbered by its position, unless its table gives the others ids.

    Examples
    --------
    >>> records = [{"text": "Sirte fell."}, {"text": "Haftar won."}]
    >>> corpus = records_corpus(["a.jsonl line 1", "a.jsonl line 2"], records, clean=False,
    ...                         sink=SkipSink("raise"), column_map={})
    >>> corpus.ids, corpus[1].source
    (['0', '1'], 'a.jsonl line 2')
    """
    columns = check_column_map(column_map)
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for n, (where, record) in enumerate(zip(located, records, strict=True)):
        if not isinstance(record, Mapping):
            sink.fail(where, f"expected a mapping (dict), got {type(record).__name__}")
            continue
        if columns["text"] not in record:
            raise InputError(
                f"{where}: no {columns['text']!r} field for the text; fields present: "
                f"{sorted(map(str, record))}; pass text='<field>' to name it"
            )
        values = {f: record.get(c) for f, c in columns.items()}
        raw_id = values["doc_id"]
        if columns["doc_id"] in record and is_missing(raw_id):
            # a row without the id its table gives the others: its row number would be a guess
            sink.fail(where, f"no {columns['doc_id']!r} (the id column is empty in this row)")
            continue
        doc_id = str(n) if is_missing(raw_id) else _id_text(raw_id)
        if doc_id in seen:
            sink.fail(
                where,
                f"duplicate doc_id {doc_id!r}: {seen[doc_id]} and {where}; ids must be unique",
            )
            continue
        used = set(columns.values())
        meta = {str(k): v for k, v in record.items() if k not in used}
        try:
            doc = make_document(values, doc_id=doc_id, source=where, clean=clean, meta=meta)
        except InputError as exc:
            sink.fail(where, str(exc).removeprefix(f"{where}: "))
            continue
        seen[doc_id] = where
        docs.append(doc)
    return Corpus(docs, skipped=sink.skipped)


def _id_text(value: Any) -> str:
    """An id as text; a whole float (a number column with a gap, read by pandas) loses ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def corpus_from_frame(
    frame: pd.DataFrame,
    *,
    clean: bool = True,
    errors: str = "raise",
    source: str | None = None,
    **column_map: str,
) -> Corpus:
    """Build a corpus from a DataFrame (see :meth:`Corpus.from_frame`).

    Examples
    --------
    >>> corpus_from_frame(pd.DataFrame({"text": ["Sirte fell."]})).ids
    ['0']
    """
    if not isinstance(frame, pd.DataFrame):
        raise ParameterError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    columns = check_column_map(column_map)
    label = source or "DataFrame"
    present = [str(c) for c in frame.columns]
    for field_name, column in columns.items():
        if field_name in column_map and column not in frame.columns:
            raise InputError(
                f"{label}: no column {column!r} (given for {field_name}); columns: {present}"
            )
    if columns["text"] not in frame.columns:
        raise InputError(
            f"{label}: no {columns['text']!r} column for the text; columns: {present}; "
            "pass text='<column>' to name it"
        )
    if frame.columns.duplicated().any():
        dupes = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
        raise InputError(f"{label}: duplicate column names {dupes}")
    records = [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]
    return corpus_from_records(records, clean=clean, errors=errors, source=label, **column_map)
