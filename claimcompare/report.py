"""Reports of a :class:`~claimcompare.compare.Comparison`: a summary, Markdown, notebook HTML."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .compare import Comparison

__all__ = ["summary", "to_html_fragment", "to_markdown"]


def _outlets(result: Comparison) -> list[str]:
    return sorted(result.claims["outlet"].astype(str).unique())


def summary(result: Comparison) -> str:
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
        f"omissions: {len(result.omissions)} claims carried by some outlets and not others",
    ]
    return "\n".join(lines)


def _md_cell(value: object) -> str:
    if isinstance(value, tuple):
        value = ", ".join(map(str, value))
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "_none_\n"
    head = "| " + " | ".join(columns) + " |\n| " + " | ".join("---" for _ in columns) + " |\n"
    body = "".join(
        "| " + " | ".join(_md_cell(v) for v in row) + " |\n"
        for row in frame[columns].itertuples(index=False)
    )
    return head + body


def to_markdown(result: Comparison) -> str:
    """The comparison as Markdown: summary, conflicts, framing, aligned claims, omissions.

    Examples
    --------
    >>> import claimcompare as cc
    >>> md = to_markdown(cc.compare(cc.load_corpus("seeds/")))
    >>> [line for line in md.splitlines() if line.startswith("## ")]
    ['## Conflicts and differences', '## What each outlet calls each actor',
     '## Aligned claims', '## Omissions']
    """
    from .framing import what_each_outlet_calls

    texts = result.claims.set_index("claim_id")["text"]
    conflicts = result.conflicts.assign(
        text_a=lambda f: f["claim_a"].map(texts), text_b=lambda f: f["claim_b"].map(texts)
    )
    parts = ["# claimcompare report\n", "```\n" + summary(result) + "\n```\n"]
    parts.append("## Conflicts and differences\n")
    parts.append(
        _md_table(
            conflicts,
            ["kind", "severity", "outlet_a", "value_a", "outlet_b", "value_b", "explanation"],
        )
    )
    parts.append("\n## What each outlet calls each actor\n")
    calls = what_each_outlet_calls(result.loaded_terms)
    parts.append(_md_table(calls.reset_index(), [str(c) for c in calls.reset_index().columns]))
    parts.append("\n## Aligned claims\n")
    for cluster_id, group in result.alignment.clusters.groupby("cluster_id", sort=True):
        parts.append(f"\n### Cluster {cluster_id}\n")
        for row in group.itertuples(index=False):
            parts.append(f"- **{_md_cell(row.outlet)}**: {_md_cell(row.text)}\n")
    parts.append("\n## Omissions\n")
    top = result.omissions[result.omissions["n_carrying"] > 1]
    parts.append(_md_table(top, ["outlet", "n_carrying", "carried_by", "text"]))
    return "".join(parts)


def to_html_fragment(result: Comparison) -> str:
    """A short HTML view for notebooks: the summary and the conflicts table."""
    table = result.conflicts[
        ["kind", "severity", "outlet_a", "value_a", "outlet_b", "value_b", "explanation"]
    ]
    return f"<pre>{html.escape(summary(result))}</pre>" + table.to_html(
        index=False, escape=True, border=0
    )
