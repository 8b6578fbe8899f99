"""Loading articles into a :class:`~claimcompare.document.Corpus` from files, folders and globs.

``load_corpus`` reads ``.txt``/``.csv``/``.jsonl``/``.json`` files and in-memory tables and records
(through :mod:`~claimcompare.document`), then applies explicit metadata, which always beats what
cleaning infers from the text.
"""

from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .document import (
    Corpus,
    Document,
    Skipped,
    SkipSink,
    check_column_map,
    corpus_from_frame,
    corpus_from_records,
    is_missing,
    make_document,
    parse_published,
    records_corpus,
)
from .errors import InputError, ParameterError

__all__ = ["apply_metadata", "load_corpus", "read_text_file"]

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".csv", ".jsonl", ".json")
#: Explicit metadata: a table with a ``doc_id`` column, a CSV file of one, or {doc_id: fields}.
Metadata = pd.DataFrame | str | os.PathLike[str] | Mapping[str, Mapping[str, Any]]


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


def _read_json_records(path: Path, *, encoding: str, sink: SkipSink) -> list[tuple[str, Any]]:
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
    path: Path, *, clean: bool, sink: SkipSink, encoding: str, column_map: Mapping[str, str]
) -> list[Document]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = read_text_file(path, encoding=encoding)
        return [make_document({"text": text}, doc_id=path.stem, source=str(path), clean=clean)]
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
        corpus = records_corpus(
            [where for where, _ in located],
            [record for _, record in located],
            clean=clean,
            sink=SkipSink(sink.errors),
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


def _check_options(*, clean: Any, encoding: Any, column_map: Mapping[str, Any]) -> None:
    check_column_map(column_map)
    if not isinstance(clean, bool):
        raise ParameterError(f"clean must be True or False, got {clean!r}")
    _check_encoding(encoding)


def _in_memory_corpus(
    source: Any, *, clean: bool, errors: str, column_map: Mapping[str, str]
) -> Corpus | None:
    """The corpus of a Corpus, DataFrame, records or Documents; None for paths and globs."""
    if isinstance(source, Corpus):
        return source
    if isinstance(source, pd.DataFrame):
        return corpus_from_frame(source, clean=clean, errors=errors, **column_map)
    if isinstance(source, (list, tuple)) and source:
        if all(isinstance(s, Mapping) for s in source):
            return corpus_from_records(source, clean=clean, errors=errors, **column_map)
        if all(isinstance(s, Document) for s in source):
            return Corpus(source)
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
    sink = SkipSink(errors)  # checks ``errors`` first
    _check_options(clean=clean, encoding=encoding, column_map=column_map)
    corpus = _in_memory_corpus(source, clean=clean, errors=errors, column_map=column_map)
    if corpus is None:
        if isinstance(source, (list, tuple)) and not source:
            raise InputError("no input given: the list of paths is empty")
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
        # The skip warnings' stacklevel counts frames from here: sink.fail stays in this function.
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
            if name in row and not is_missing(row[name]):
                value = row[name]
                if name == "published":
                    value = parse_published(value, f"{label} doc_id {doc.doc_id!r}")
                values[name] = value
                values["provenance"][name] = f"{label} column {name!r}"
        docs.append(Document.from_dict(values))
    return Corpus(docs, skipped=corpus.skipped)
