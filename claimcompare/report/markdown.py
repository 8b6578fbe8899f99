"""The comparison as Markdown: the summary, conflicts, framing, aligned claims and omissions."""

from __future__ import annotations

import pandas as pd

from ..framing import what_each_outlet_calls
from .text import ComparisonTables, summary

__all__ = ["to_markdown"]


def _md_cell(value: object) -> str:
    if isinstance(value, tuple):
        value = ", ".join(map(str, value))
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    # article text may hold markup that a Markdown renderer would run or swallow
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "_none_\n"
    head = "| " + " | ".join(map(_md_cell, columns)) + " |\n| " + " | ".join("---" for _ in columns)
    head += " |\n"
    body = "".join(
        "| " + " | ".join(_md_cell(v) for v in row) + " |\n"
        for row in frame[columns].itertuples(index=False)
    )
    return head + body


def to_markdown(result: ComparisonTables) -> str:
    """The comparison as Markdown: summary, conflicts, framing, aligned claims, omissions.

    Examples
    --------
    >>> import claimcompare as cc
    >>> md = to_markdown(cc.compare(cc.load_corpus("seeds/")))
    >>> [line for line in md.splitlines() if line.startswith("## ")]
    ['## Conflicts and differences', '## What each outlet calls each actor',
     '## Aligned claims', '## Omissions']
    """
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
