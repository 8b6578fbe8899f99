"""What the sections of the HTML page share: the claims, their terms, what the page shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .highlight import highlight_terms
from .text import ComparisonTables, cell_html, cell_text

__all__ = ["Page", "html_table"]


def html_table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    numeric: Iterable[str] = (),
    nowrap: Iterable[str] = (),
) -> str:
    """An escaped HTML table of ``frame[columns]``; ``columns`` maps column to header."""
    classes = {c: ' class="num"' for c in numeric} | {c: ' class="date"' for c in nowrap}
    head = "".join(f"<th>{cell_html(label)}</th>" for label in columns.values())
    rows = []
    for record in frame[list(columns)].to_dict("records"):
        cells = "".join(f"<td{classes.get(c, '')}>{cell_html(record[c])}</td>" for c in columns)
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


class Page:
    """What the sections of the page share: the claims by id and their loaded terms."""

    def __init__(self, result: ComparisonTables, *, max_items: int | None) -> None:
        self.result = result
        self.max_items = max_items
        self.claims = result.claims.set_index("claim_id", drop=False)
        self.terms_by_claim, self.terms_by_doc = _terms_by_claim_and_doc(result.loaded_terms)
        self.outlets = sorted({doc.label for doc in result.corpus})
        self.published = {doc.doc_id: doc.published for doc in result.corpus}
        # Conflicts: one card per pair of claims with every finding between them, pairs with a
        # contradiction first; at most max_items cards.
        self.pairs = _findings_by_pair(result.conflicts)
        self.shown_pairs = list(self.pairs.items())[: self.cap(len(self.pairs))]
        self.shown_findings = {i for _, findings in self.shown_pairs for i, _ in findings}
        # Clusters: those the shown conflicts point to, then the widest, up to max_items.
        clusters = result.alignment.clusters
        width = clusters.groupby("cluster_id")["outlet"].nunique()
        needed = {findings[0][1]["cluster_id"] for _, findings in self.shown_pairs}
        ranked = sorted(width.index, key=lambda c: (c not in needed, -int(width[c]), c))
        self.shown_clusters = set(ranked[: max(self.cap(len(ranked)), len(needed))])

    def cap(self, n: int) -> int:
        return n if self.max_items is None else min(n, self.max_items)

    def more(self, n: int, what: str) -> str:
        """A note for what the page leaves out."""
        if n <= 0:
            return ""
        return (
            f'<p class="note">{n} more {cell_html(what)} not shown (the page shows at most '
            f"{self.max_items}); every row is in the Comparison's DataFrames and in "
            "<code>claimcompare compare --csv</code>.</p>"
        )

    def cluster_link(self, cluster_id: Any) -> str:
        label = f"cluster {cell_html(cluster_id)}"
        if cluster_id in self.shown_clusters:
            return f'<a href="#cluster-{cell_html(cluster_id)}">{label}</a>'
        return label

    def claim_text(self, claim_id: str) -> str:
        """The claim's text with its loaded terms highlighted (escaped HTML)."""
        if claim_id not in self.claims.index:
            return f'<span class="muted">(claim {cell_html(claim_id)} not found)</span>'
        claim = self.claims.loc[claim_id]
        return highlight_terms(
            str(claim["text"]), self.terms_by_claim.get(claim_id, []), offset=int(claim["start"])
        )

    def claim_block(self, claim_id: str, *, meta: bool = True) -> str:
        parts = [f'<div class="claim">{self.claim_text(claim_id)}']
        if meta and claim_id in self.claims.index:
            claim = self.claims.loc[claim_id]
            bits = [f'<span class="id">{cell_html(claim_id)}</span>']
            published = self.published.get(str(claim["doc_id"]))
            if published is not None:
                bits.append(cell_html(published.isoformat()))
            voice = cell_text(claim.get("voice"))
            speaker, cue = cell_text(claim.get("speaker")), cell_text(claim.get("cue"))
            if speaker:
                bits.append(f"{cell_html(cue or 'said')} by {cell_html(speaker)}")
            if voice and voice != "outlet":
                bits.append(f"voice: {cell_html(voice)}")
            parts.append(f'<span class="meta">{" · ".join(bits)}</span>')
        parts.append("</div>")
        return "".join(parts)


#: Findings (their row index in the conflicts table, and the row) of each pair of claims.
PairFindings = dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]


def _terms_by_claim_and_doc(
    loaded_terms: pd.DataFrame,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """The loaded terms of each claim and of each document, in text order."""
    terms = loaded_terms.sort_values(["doc_id", "start", "end"], kind="stable")
    by_claim: dict[str, list[dict[str, Any]]] = {}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in terms.to_dict("records"):
        by_doc.setdefault(str(row["doc_id"]), []).append(row)
        if isinstance(row.get("claim_id"), str):
            by_claim.setdefault(row["claim_id"], []).append(row)
    return by_claim, by_doc


def _findings_by_pair(conflicts: pd.DataFrame) -> PairFindings:
    """Conflicts grouped by pair of claims, pairs with a contradiction first."""
    order = conflicts.assign(
        _rank=(conflicts["severity"] != "contradiction").astype(int)
    ).sort_values(["_rank", "cluster_id", "claim_a", "claim_b", "kind"], kind="stable")
    pairs: PairFindings = {}
    for index, row in zip(order.index, order.to_dict("records"), strict=True):
        key = (str(row["claim_a"]), str(row["claim_b"]))
        pairs.setdefault(key, []).append((int(index), row))
    return pairs
