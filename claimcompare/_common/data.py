"""Read the files shipped in ``claimcompare/data/`` (lexicon, gazetteers, learnt models)."""

from __future__ import annotations

import csv
from importlib import resources

__all__ = ["data_rows", "data_text"]


def data_text(name: str) -> str:
    """The text of the shipped data file ``name`` (a path inside ``claimcompare/data/``).

    Examples
    --------
    >>> data_text("lexicon.csv").startswith("#")
    True
    """
    return resources.files("claimcompare").joinpath(f"data/{name}").read_text(encoding="utf-8")


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of the shipped CSV file ``name``, its ``#`` comment lines (the provenance) left out.

    Examples
    --------
    >>> sorted(data_rows("word_classes.csv")[0])
    ['class', 'words']
    """
    lines = [line for line in data_text(name).splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines))
