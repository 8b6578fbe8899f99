"""Lookup of known outlets by masthead name or web domain (data/outlets.csv)."""

from __future__ import annotations

import functools

from ._common.data import data_rows

__all__ = ["outlet_from_domain", "outlet_name"]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    rows = data_rows("outlets.csv")
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for row in rows:
        outlet = row["outlet"]
        for name in [outlet, *row["names"].split("|")]:
            names[_key(name)] = outlet
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
    return stripped if _key(stripped) in _gazetteer()[0] else None


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
