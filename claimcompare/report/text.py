"""What every report reads from a comparison, its summary lines, blindspots and cells as text."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Protocol

import pandas as pd

if TYPE_CHECKING:
    from ..align import Alignment
    from ..document import Corpus

__all__ = ["ComparisonTables", "blindspots", "cell_html", "cell_text", "summary"]


class ComparisonTables(Protocol):
    """The tables a report is made of: what :class:`~claimcompare.compare.Comparison` holds.

    Reports read only these, so that they sit below the comparison that calls them.
    """

    @property
    def corpus(self) -> Corpus: ...
    @property
    def claims(self) -> pd.DataFrame: ...
    @property
    def alignment(self) -> Alignment: ...
    @property
    def loaded_terms(self) -> pd.DataFrame: ...
    @property
    def framing(self) -> pd.DataFrame: ...
    @property
    def agreements(self) -> pd.DataFrame: ...
    @property
    def conflicts(self) -> pd.DataFrame: ...
    @property
    def omissions(self) -> pd.DataFrame: ...


def _outlets(result: ComparisonTables) -> list[str]:
    return sorted(result.claims["outlet"].astype(str).unique())


def summary(result: ComparisonTables) -> str:
    """A few lines a person reads first.

    Examples
    --------
    >>> import claimcompare as cc
    >>> text = summary(cc.compare(cc.load_corpus("seeds/")))
    >>> text.splitlines()[0].startswith("5 documents from 3 outlets")
    True
    """
    clusters = result.alignment.clusters
    conflicts = result.conflicts
    by_kind = conflicts["kind"].value_counts().sort_index()
    kinds = ", ".join(f"{n} {kind}" for kind, n in by_kind.items()) or "none"
    own = result.loaded_terms[result.loaded_terms["voice"] == "outlet"]
    lines = [
        f"{len(result.corpus)} documents from {len(_outlets(result))} outlets; "
        f"{len(result.claims)} claims; "
        f"{clusters['cluster_id'].nunique()} clusters of aligned claims",
        f"conflicts and differences: {len(conflicts)} ({kinds}); agreements: "
        f"{len(result.agreements)}",
        f"loaded terms: {len(result.loaded_terms)} ({len(own)} in the outlets' own voice)",
        f"omissions: {result.omissions['claim_ids'].nunique()} claims carried by some outlets "
        f"and not others ({len(result.omissions)} (outlet, claim) pairs)",
    ]
    return "\n".join(lines)


def blindspots(omissions: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how many claims carried by 1, 2, 3... other outlets it leaves out.

    Examples
    --------
    >>> omissions = pd.DataFrame({"outlet": ["A", "A", "B"], "n_carrying": [2, 1, 1]})
    >>> blindspots(omissions).to_dict(orient="index")
    {'A': {1: 1, 2: 1}, 'B': {1: 1, 2: 0}}
    """
    table = omissions.groupby(["outlet", "n_carrying"]).size().unstack(fill_value=0)
    table.columns.name = "carried by N outlets"
    return table


def cell_text(value: Any) -> str:
    """A cell as text: '' for None and NaN, tuples joined with commas.

    Examples
    --------
    >>> cell_text(("Egypt", "Russia")), cell_text(float("nan")), cell_text(3)
    ('Egypt, Russia', '', '3')
    """
    if isinstance(value, tuple | list):
        return ", ".join(cell_text(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def cell_html(value: Any) -> str:
    """A cell as escaped HTML text (quotes escaped too, so it fits in an attribute).

    Examples
    --------
    >>> cell_html('<b>"Haftar"</b>')
    '&lt;b&gt;&quot;Haftar&quot;&lt;/b&gt;'
    """
    return html.escape(cell_text(value), quote=True)
