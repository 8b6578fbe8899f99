"""What :func:`~claimcompare.compare.compare` returns: the tables of a comparison, and its
reports (summary, Markdown, HTML, the framing heatmap).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .. import report
from ..align import Alignment
from ..document import Corpus
from ..plot import plot_framing

__all__ = ["Comparison"]


@dataclass(frozen=True)
class Comparison:
    """Everything :func:`compare` found, as DataFrames that trace back to claims and offsets.

    Attributes
    ----------
    corpus : Corpus
    claims : DataFrame
        From :func:`~claimcompare.claims.split_claims`.
    actors : DataFrame
        From :func:`~claimcompare.actors.find_actors` (or the actors you passed).
    alignment : Alignment
        ``.pairs`` and ``.clusters`` of claims that state the same thing.
    loaded_terms : DataFrame
        From :func:`~claimcompare.terms.find_loaded_terms`.
    framing : DataFrame
        From :func:`~claimcompare.framing.framing_table`: what each outlet calls each actor.
    agreements, conflicts : DataFrame
        Facts compared within each cluster (columns ``FINDING_COLUMNS``).
    omissions : DataFrame
        What each outlet leaves out that others carry (columns ``OMISSION_COLUMNS``).
    """

    corpus: Corpus
    claims: pd.DataFrame
    actors: pd.DataFrame
    alignment: Alignment
    loaded_terms: pd.DataFrame
    framing: pd.DataFrame
    agreements: pd.DataFrame
    conflicts: pd.DataFrame
    omissions: pd.DataFrame

    def summary(self) -> str:
        """A few lines: documents, outlets, clusters, conflicts by kind, loaded terms.

        Examples
        --------
        >>> import claimcompare as cc
        >>> print(cc.compare(cc.load_corpus("seeds/")).summary())  # doctest: +ELLIPSIS
        5 documents from 3 outlets; 88 claims; ... clusters of aligned claims
        ...
        """
        return report.summary(self)

    def to_markdown(self) -> str:
        """The comparison as a Markdown report (see :func:`claimcompare.report.to_markdown`)."""
        return report.to_markdown(self)

    def to_html(
        self,
        path: str | Path | None = None,
        *,
        title: str = "claimcompare report",
        max_items: int | None = 500,
    ) -> str:
        """The comparison as one self-contained HTML page; written to ``path`` when given.

        See :func:`claimcompare.report.to_html` for the sections and ``max_items``. Returns the
        page.

        Examples
        --------
        >>> import claimcompare as cc, tempfile, os
        >>> result = cc.compare(cc.load_corpus("seeds/"))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     page = result.to_html(os.path.join(tmp, "report.html"))
        ...     os.path.getsize(os.path.join(tmp, "report.html")) == len(page.encode())
        True
        """
        page = report.to_html(self, title=title, max_items=max_items)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def plot_framing(self, *, value: str = "net_polarity", ax: Any = None) -> Any:
        """Heatmap of :attr:`framing` (needs ``pip install "claimcompare[plot]"``).

        See :func:`claimcompare.plot.plot_framing`; returns the matplotlib Axes.
        """
        return plot_framing(self.framing, value=value, ax=ax)

    def _repr_html_(self) -> str:
        return report.to_html_fragment(self)
