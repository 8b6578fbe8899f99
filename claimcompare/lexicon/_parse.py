"""Lexicon entries from table rows (CSV text, a DataFrame) and from dicts; errors say where."""

from __future__ import annotations

import csv
import io
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

import pandas as pd

from ..errors import InputError
from .entry import LexiconEntry

__all__ = [
    "COLUMNS",
    "csv_rows",
    "entries_from_dict",
    "entries_from_rows",
    "frame_rows",
]

# the package's logger, the one the documentation names
logger = logging.getLogger("claimcompare.lexicon")

COLUMNS = (
    "entry",
    "variants",
    "category",
    "polarity",
    "weight",
    "note",
    "inflect",
    "allow_prefix",
)
_REQUIRED = ("entry", "category", "polarity", "weight")
_OPTIONAL = ("variants", "note", "inflect", "allow_prefix")


def _parse_flag(value: Any, *, where: str, column: str, default: bool) -> bool:
    if _is_missing(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "t"}:
        return True
    if text in {"0", "false", "no", "n", "f", ""}:
        return False
    raise InputError(f"{where}: column {column!r} must be 0/1 or true/false, got {value!r}")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple) else False
    except (TypeError, ValueError):
        return False


def _parse_number(value: Any, *, where: str, column: str) -> float:
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        raise InputError(f"{where}: column {column!r} is empty")
    if isinstance(value, bool):
        raise InputError(f"{where}: column {column!r} must be a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: column {column!r} must be a number, got {value!r}") from None


def _row_entry(row: Mapping[str, Any], *, where: str) -> LexiconEntry:
    entry = row.get("entry")
    if _is_missing(entry) or not str(entry).strip():
        raise InputError(f"{where}: column 'entry' is empty")
    entry = str(entry).strip()
    where = f"{where} (entry {entry!r})"
    polarity = _parse_number(row.get("polarity"), where=where, column="polarity")
    if polarity not in (-1.0, 0.0, 1.0):
        raise InputError(f"{where}: column 'polarity' must be -1, 0 or 1, got {row['polarity']!r}")
    weight = _parse_number(row.get("weight"), where=where, column="weight")
    if not 0.0 <= weight <= 1.0:
        raise InputError(f"{where}: column 'weight' must be in [0, 1], got {row['weight']!r}")
    category = row.get("category")
    if _is_missing(category) or not str(category).strip():
        raise InputError(f"{where}: column 'category' is empty")
    variants = row.get("variants")
    if _is_missing(variants):
        variants = ()
    elif isinstance(variants, str):
        variants = tuple(variants.split("|"))
    elif isinstance(variants, list | tuple):
        variants = tuple(str(v) for v in variants)
    else:
        raise InputError(f"{where}: column 'variants' must be text, got {variants!r}")
    note = row.get("note")
    inflect = _parse_flag(row.get("inflect"), where=where, column="inflect", default=True)
    allow_prefix = _parse_flag(
        row.get("allow_prefix"), where=where, column="allow_prefix", default=False
    )
    try:
        return LexiconEntry(
            entry=entry,
            variants=variants,
            category=str(category),
            polarity=int(polarity),
            weight=weight,
            note="" if _is_missing(note) else str(note),
            inflect=inflect,
            allow_prefix=allow_prefix,
        )
    except InputError as exc:
        # LexiconEntry names the entry itself; say where it is once, not twice
        message = str(exc).removeprefix(f"entry {entry!r}: ")
        raise InputError(f"{where}: {message}") from None


def frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    """Column names and ``(where, row)`` pairs of a DataFrame, as the CSV reader gives them."""
    rows = [
        (f"row {idx!r}", dict(zip((str(c) for c in frame.columns), values, strict=True)))
        for idx, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True)
    ]
    return [str(c) for c in frame.columns], rows


def _as_row(entry: LexiconEntry) -> dict[str, Any]:
    """An entry as a table row (variants joined with ``|``), to patch with new cells."""
    return {**entry.to_dict(), "variants": "|".join(entry.variants)}


def entries_from_rows(
    columns: Sequence[str],
    rows: Sequence[tuple[str, Mapping[str, Any]]],
    *,
    base: Mapping[str, LexiconEntry] | None = None,
) -> list[LexiconEntry]:
    """Entries of table rows; with ``base``, each row only changes the cells it has."""
    for col in ("entry",) if base is not None else _REQUIRED:
        if col not in columns:
            raise InputError(
                f"lexicon is missing the column {col!r} (has {list(columns)}); "
                f"required: {list(_REQUIRED)}, optional: {list(_OPTIONAL)}"
            )
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        logger.warning("lexicon columns %s are not used (known: %s)", unknown, list(COLUMNS))
    seen: dict[str, str] = {}
    out = []
    for where, row in rows:
        if base is not None:
            old = base[str(row.get("entry")).strip()]
            row = {**_as_row(old), **{k: v for k, v in row.items() if k in COLUMNS}}
        entry = _row_entry(row, where=where)
        if entry.entry in seen:
            raise InputError(
                f"duplicate entry {entry.entry!r}: {seen[entry.entry]} and {where}; "
                "entries must be unique (put other forms in 'variants')"
            )
        seen[entry.entry] = where
        out.append(entry)
    return out


def entries_from_dict(
    mapping: Mapping[str, Any], *, base: Mapping[str, LexiconEntry] | None = None
) -> list[LexiconEntry]:
    """Entries of ``{entry: {field: value}}`` or ``{entry: category}``.

    Without ``base`` the fields not given take the :class:`LexiconEntry` defaults; with it, they
    keep the values of the entry of that name in ``base``.
    """
    if not isinstance(mapping, Mapping):
        raise InputError(f"from_dict needs a mapping, got {type(mapping).__name__}")
    allowed = {f.name for f in fields(LexiconEntry)} - {"entry"}
    out = []
    for name, spec in mapping.items():
        if isinstance(spec, str):
            spec = {"category": spec}
        if not isinstance(spec, Mapping):
            raise InputError(f"entry {name!r}: needs a category string or a dict, got {spec!r}")
        unknown = sorted(set(spec) - allowed)
        if unknown:
            raise InputError(
                f"entry {name!r}: unknown fields {unknown}; allowed: {sorted(allowed)}"
            )
        if base is not None:
            out.append(LexiconEntry(**{**base[name].to_dict(), **spec}))
            continue
        if "category" not in spec:
            raise InputError(f"entry {name!r}: 'category' is required")
        out.append(LexiconEntry(entry=name, **spec))
    return out


def csv_rows(text: str, *, source: str) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    """The header and ``(where, row)`` pairs of a lexicon CSV text (``#`` lines before the header
    are comments); ``where`` names ``source`` and the line."""
    lines = text.splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and (lines[skip].lstrip().startswith("#") or not lines[skip].strip()):
        skip += 1
    reader = csv.reader(io.StringIO("".join(lines[skip:])))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(f"lexicon file {source!r} has no header line") from None
    rows: list[tuple[str, dict[str, Any]]] = []
    for values in reader:
        line = skip + reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise InputError(
                f"{source}, line {line}: {len(values)} fields, the header has {len(header)}"
            )
        rows.append((f"{source}, line {line}", dict(zip(header, values, strict=True))))
    return header, rows
