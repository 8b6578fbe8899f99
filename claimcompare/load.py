"""Loading articles into a :class:`~claimcompare.document.Corpus`.

``load_corpus`` reads folders, files, globs, ``.txt``/``.csv``/``.jsonl``/``.json`` files, pandas
DataFrames and lists of records. Explicit metadata (columns, fields) always beats metadata that
cleaning infers from the text; every inferred value records where it came from.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import glob
import io
import json
import logging
import math
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .clean import clean_text
from .document import Corpus, Document, Skipped
from .errors import InputError, ParameterError

__all__ = ["corpus_from_frame", "corpus_from_records", "load_corpus", "read_text_file"]

logger = logging.getLogger(__name__)

FIELDS = ("doc_id", "text", "title", "outlet", "published", "url")
SUFFIXES = (".txt", ".csv", ".jsonl", ".json")
#: Explicit metadata: a table with a ``doc_id`` column, a CSV file of one, or {doc_id: fields}.
Metadata = pd.DataFrame | str | os.PathLike[str] | Mapping[str, Mapping[str, Any]]
_ERRORS = ("raise", "warn")


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ParameterError(f"errors must be one of {_ERRORS}, got {errors!r}")


def _check_column_map(column_map: Mapping[str, Any]) -> dict[str, str]:
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


class _Sink:
    """Collects skipped inputs under ``errors="warn"``; raises under ``errors="raise"``."""

    def __init__(self, errors: str) -> None:
        _check_errors(errors)
        self.errors = errors
        self.skipped: list[Skipped] = []

    def fail(self, source: str, reason: str) -> None:
        reason = reason.removeprefix(f"{source}: ")
        if self.errors == "raise":
            # A reason that names its own source (a row of the file) needs no second prefix.
            raise InputError(reason if source in reason else f"{source}: {reason}")
        message = f"skipped {source}: {reason}"
        logger.warning(message)
        warnings.warn(message, stacklevel=4)
        self.skipped.append(Skipped(source, reason))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _check_encoding(encoding: Any) -> None:
    if not isinstance(encoding, str):
        raise ParameterError(f"encoding must be a string such as 'utf-8', got {encoding!r}")


def read_text_file(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> str:
    """Read a text file, refusing binary files and naming the byte that cannot be decoded.

    A UTF-16 or UTF-32 byte order mark is followed whatever ``encoding`` says.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write(b"Sirte fell.")
    >>> read_text_file(f.name)
    'Sirte fell.'
    """
    _check_encoding(encoding)
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    # A UTF-16 or UTF-32 byte order mark names the encoding; such text is full of NUL bytes.
    marked = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if marked is not None and encoding.lower().replace("_", "-") in ("utf-8", marked):
        encoding = marked
    wide = encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32"))
    if not wide and b"\x00" in data[:8192]:
        raise InputError(f"{p} looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding
        )
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode {p} as {encoding}: byte {data[exc.start : exc.start + 1]!r} at offset "
            f"{exc.start} is invalid; pass encoding= with the file's real encoding"
        ) from None
    except LookupError:
        raise ParameterError(f"unknown encoding {encoding!r}") from None
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.1 * min(len(text), 4096):
        raise InputError(f"{p} looks like a binary file (mostly control characters), not text")
    return text


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return bool(value is pd.NaT or (isinstance(value, str) and not value.strip()))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$")


def _parse_published(value: Any, where: str) -> _dt.date:
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


def _make_document(
    values: Mapping[str, Any],
    *,
    doc_id: str,
    source: str,
    clean: bool,
    meta: Mapping[str, Any] | None = None,
    explicit_from: str = "column",
) -> Document:
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
        if _is_missing(value):
            continue
        if name == "published":
            value = _parse_published(value, source)
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
    _check_column_map(column_map)
    label = source or "records"
    rows = list(records)
    where = [f"{label} row {n}" for n in range(len(rows))]
    return _records_corpus(where, rows, clean=clean, sink=_Sink(errors), column_map=column_map)


def _records_corpus(
    located: Sequence[str],
    records: Sequence[Any],
    *,
    clean: bool,
    sink: _Sink,
    column_map: Mapping[str, str],
) -> Corpus:
    """Documents of records, ``located[n]`` saying where record ``n`` is (for messages)."""
    columns = _check_column_map(column_map)
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
        if columns["doc_id"] in record and _is_missing(raw_id):
            # a row without the id its table gives the others: its row number would be a guess
            sink.fail(where, f"no {columns['doc_id']!r} (the id column is empty in this row)")
            continue
        doc_id = str(n) if _is_missing(raw_id) else _id_text(raw_id)
        if doc_id in seen:
            sink.fail(
                where,
                f"duplicate doc_id {doc_id!r}: {seen[doc_id]} and {where}; ids must be unique",
            )
            continue
        used = set(columns.values())
        meta = {str(k): v for k, v in record.items() if k not in used}
        try:
            doc = _make_document(values, doc_id=doc_id, source=where, clean=clean, meta=meta)
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
    columns = _check_column_map(column_map)
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


def _read_json_records(path: Path, *, encoding: str, sink: _Sink) -> list[tuple[str, Any]]:
    """The records of a JSON or JSONL file, each with where it is (``path line n``)."""
    text = read_text_file(path, encoding=encoding)
    if path.suffix.lower() == ".jsonl":
        records = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((f"{path} line {n}", json.loads(line)))
            except json.JSONDecodeError as exc:
                sink.fail(f"{path} line {n}", f"invalid JSON ({exc.msg})")
            except RecursionError:
                sink.fail(f"{path} line {n}", "JSON nested too deeply")
        return records
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON object or a list of objects")
    return [(f"{path} record {n}", record) for n, record in enumerate(data)]


def _load_file(
    path: Path, *, clean: bool, sink: _Sink, encoding: str, column_map: Mapping[str, str]
) -> list[Document]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = read_text_file(path, encoding=encoding)
        return [_make_document({"text": text}, doc_id=path.stem, source=str(path), clean=clean)]
    if suffix == ".csv":
        # Read through read_text_file so that binary and undecodable CSV files get the same
        # messages (file and byte offset) as text files.
        text = read_text_file(path, encoding=encoding)
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
            raise InputError(f"cannot read {path} as CSV: {exc}") from None
        corpus = corpus_from_frame(
            frame, clean=clean, errors=sink.errors, source=str(path), **column_map
        )
    else:
        located = _read_json_records(path, encoding=encoding, sink=sink)
        corpus = _records_corpus(
            [where for where, _ in located],
            [record for _, record in located],
            clean=clean,
            sink=_Sink(sink.errors),
            column_map=column_map,
        )
    sink.skipped.extend(corpus.skipped)
    return list(corpus)


def _expand(source: Any) -> list[Path]:
    if isinstance(source, (str, os.PathLike)):
        items = [source]
    elif isinstance(source, (list, tuple)):
        items = list(source)
    else:
        raise ParameterError(
            f"source must be a path, a list of paths, a glob, a DataFrame, a list of records "
            f"or a Corpus, got {type(source).__name__}"
        )
    paths: list[Path] = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise ParameterError(f"expected a path, got {type(item).__name__}")
        text = os.fspath(item)
        if not text.strip():
            raise InputError("empty path: name a file, a folder or a glob")
        p = Path(text)
        if not p.exists() and any(ch in text for ch in "*?["):  # "news[2020]" may be a folder
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"no files match the pattern {text!r}")
            paths.extend(Path(m) for m in matches)
            continue
        if not p.exists():
            raise InputError(f"no such file or folder: {text!r}")
        if p.is_dir():
            entries = sorted(p.iterdir())
            if not entries:
                raise InputError(f"the folder {text!r} has no files")
            paths.extend(entries)
        else:
            paths.append(p)
    unique: dict[str, Path] = {}
    for path in paths:
        unique.setdefault(os.path.realpath(path), path)  # the same file named twice loads once
    return list(unique.values())


def _not_loadable(path: Path) -> str | None:
    """Why a path found in a folder or a glob is not loaded, or None if it is."""
    if path.is_dir():
        return (
            "a folder: folders are read one level deep; name it, or use a glob such as "
            f"'{path.parent / '**' / '*.txt'}'"
        )
    if not path.is_file():
        return "not a regular file (a broken link?)"
    if path.suffix.lower() not in SUFFIXES:
        return f"unsupported file type {path.suffix or '(none)'!r}; loadable: {SUFFIXES}"
    return None


def load_corpus(
    source: Any,
    *,
    clean: bool = True,
    errors: str = "raise",
    encoding: str = "utf-8",
    metadata: Metadata | None = None,
    **column_map: str,
) -> Corpus:
    """Load articles from files, folders, globs, a DataFrame or records.

    Parameters
    ----------
    source : path, list of paths, glob, DataFrame, list of dicts or Corpus
        A folder loads the ``.txt``, ``.csv``, ``.jsonl`` and ``.json`` files directly in it
        (others are reported as skipped). A ``.txt`` file is one article with its stem as
        ``doc_id``; ``.csv``/``.jsonl``/``.json`` files hold one article per row or record.
    clean : bool, default True
        Strip boilerplate and infer title, outlet, date and url from the text
        (:func:`~claimcompare.clean.clean_text`). Explicit values always win.
    errors : {"raise", "warn"}, default "raise"
        ``"warn"`` skips bad files and rows with a warning and records them in
        ``Corpus.skipped`` instead of raising.
    encoding : str, default "utf-8"
        Encoding of the files.
    metadata : DataFrame, path to a CSV, or mapping, optional
        Explicit metadata for documents by ``doc_id`` (columns among ``title``, ``outlet``,
        ``published``, ``url``), or a mapping ``{doc_id: {"outlet": ...}}``; it overrides
        anything inferred.
    **column_map : str
        Column or field names for ``doc_id, text, title, outlet, published, url`` in tabular
        input, e.g. ``text="body"``.

    Returns
    -------
    Corpus
        Documents in a stable order: by ``doc_id`` for files, in row order for tables.

    Examples
    --------
    >>> corpus = load_corpus("seeds/")
    >>> len(corpus), corpus[0].outlet, corpus[0].published
    (5, 'Iran Press TV', datetime.date(2020, 1, 7))
    """
    _check_errors(errors)
    _check_column_map(column_map)
    if not isinstance(clean, bool):
        raise ParameterError(f"clean must be True or False, got {clean!r}")
    _check_encoding(encoding)
    if isinstance(source, Corpus):
        corpus = source
    elif isinstance(source, pd.DataFrame):
        corpus = corpus_from_frame(source, clean=clean, errors=errors, **column_map)
    elif (
        isinstance(source, (list, tuple)) and source and all(isinstance(s, Mapping) for s in source)
    ):
        corpus = corpus_from_records(source, clean=clean, errors=errors, **column_map)
    elif (
        isinstance(source, (list, tuple))
        and source
        and all(isinstance(s, Document) for s in source)
    ):
        corpus = Corpus(source)
    else:
        if isinstance(source, (list, tuple)) and not source:
            raise InputError("no input given: the list of paths is empty")
        sink = _Sink(errors)
        docs: list[Document] = []
        for path in _expand(source):
            reason = _not_loadable(path)
            if reason is not None:
                logger.warning("skipped %s: %s", path, reason)
                sink.skipped.append(Skipped(str(path), reason))
                continue
            try:
                docs.extend(
                    _load_file(
                        path, clean=clean, sink=sink, encoding=encoding, column_map=column_map
                    )
                )
            except InputError as exc:
                sink.fail(str(path), str(exc))
        if not docs:
            detail = "; ".join(f"{s.source}: {s.reason}" for s in sink.skipped)
            raise InputError(
                f"no documents could be loaded from {source!r}" + (f" ({detail})" if detail else "")
            )
        by_id: dict[str, Document] = {}
        for doc in sorted(docs, key=lambda d: (d.doc_id, d.source or "")):
            if doc.doc_id in by_id:
                sink.fail(
                    str(doc.source),
                    f"duplicate doc_id {doc.doc_id!r}: from {by_id[doc.doc_id].source} and from "
                    f"{doc.source}; ids must be unique (rename one, or give an id column)",
                )
                continue
            by_id[doc.doc_id] = doc
        corpus = Corpus(list(by_id.values()), skipped=sink.skipped)
    if metadata is not None:
        corpus = apply_metadata(corpus, metadata, encoding=encoding)
    return corpus


def apply_metadata(corpus: Corpus, metadata: Metadata, *, encoding: str = "utf-8") -> Corpus:
    """Override document metadata from a table with a ``doc_id`` column, or a mapping by id.

    Examples
    --------
    >>> corpus = load_corpus([{"doc_id": "a", "text": "Sirte fell."}])
    >>> apply_metadata(corpus, pd.DataFrame({"doc_id": ["a"], "outlet": ["X"]}))["a"].outlet
    'X'
    >>> apply_metadata(corpus, {"a": {"outlet": "Y", "published": "2020-01-07"}})["a"].published
    datetime.date(2020, 1, 7)
    """
    label = "metadata"
    table: pd.DataFrame
    if isinstance(metadata, Mapping):
        bad = [k for k, v in metadata.items() if not isinstance(v, Mapping)]
        if bad:
            raise InputError(
                f"metadata: the value for {bad[0]!r} is not a mapping of fields; expected "
                "{doc_id: {'outlet': ..., 'title': ...}}"
            )
        if not metadata:
            return corpus
        table = pd.DataFrame([{**v, "doc_id": str(k)} for k, v in metadata.items()])
    elif isinstance(metadata, pd.DataFrame):
        table = metadata
    else:
        label = os.fspath(metadata)
        if not Path(label).is_file():
            raise InputError(f"no such metadata file: {label!r}")
        text = read_text_file(label, encoding=encoding)
        try:
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
            raise InputError(f"cannot read {label} as CSV: {exc}") from None
    if "doc_id" not in table.columns:
        raise InputError(
            f"{label}: needs a 'doc_id' column; columns: {list(map(str, table.columns))}"
        )
    allowed = {"doc_id", "title", "outlet", "published", "url"}
    extra = sorted(set(map(str, table.columns)) - allowed)
    if extra:
        raise InputError(f"{label}: unknown column(s) {extra}; allowed: {sorted(allowed)}")
    ids = table["doc_id"].astype(str)
    if ids.duplicated().any():
        twice = sorted(set(ids[ids.duplicated()]))
        raise InputError(f"{label}: doc_id(s) given more than once: {twice[:5]}")
    rows = {str(r["doc_id"]): r for r in table.to_dict(orient="records")}
    unknown = sorted(set(rows) - set(corpus.ids))
    if unknown:
        raise InputError(f"{label}: doc_id(s) not in the corpus: {unknown[:5]}")
    docs = []
    for doc in corpus:
        row = rows.get(doc.doc_id)
        if row is None:
            docs.append(doc)
            continue
        values = doc.to_dict()
        for name in ("title", "outlet", "published", "url"):
            if name in row and not _is_missing(row[name]):
                value = row[name]
                if name == "published":
                    value = _parse_published(value, f"{label} doc_id {doc.doc_id!r}")
                values[name] = value
                values["provenance"][name] = f"{label} column {name!r}"
        docs.append(Document.from_dict(values))
    return Corpus(docs, skipped=corpus.skipped)
