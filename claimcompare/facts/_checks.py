"""Argument checks and span arithmetic shared by the fact finders and comparisons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import ParameterError

__all__ = ["check_fraction", "check_published", "check_text", "check_type", "overlaps"]


def check_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise ParameterError(f"{name} must be a str, got {type(text).__name__}")
    return text


def check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    raise ParameterError(
        f"published must be a datetime.date or None, got {type(published).__name__}"
    )


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of the half-open ``spans``."""
    return any(start < e and s < end for s, e in spans)


def check_type(value: object, cls: type, name: str) -> None:
    if not isinstance(value, cls):
        raise ParameterError(f"{name} must be a {cls.__name__}, got {type(value).__name__}")


def check_fraction(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ParameterError(f"{name} must be a number between 0 and 1, got {value!r}")
    return float(value)
