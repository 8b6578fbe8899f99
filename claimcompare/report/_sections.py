"""The sections of the HTML page, each drawn from the :class:`Page` they share."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ..framing import what_each_outlet_calls
from ..plot import framing_svg
from ._page import Page, html_table
from .highlight import _CATEGORIES, _OTHER, _VOICES, _slug, highlight_terms
from .text import blindspots, cell_html, cell_text

__all__ = ["SECTIONS"]

logger = logging.getLogger(__name__)


def _section_summary(page: Page) -> str:
    result = page.result
    clusters = result.alignment.clusters
    own = int((result.loaded_terms["voice"] == "outlet").sum())
    stats = [
        (len(result.corpus), "documents"),
        (len(page.outlets), "outlets"),
        (len(result.claims), "claims"),
        (clusters["cluster_id"].nunique(), "clusters of aligned claims"),
        (len(result.conflicts), "conflicts and differences"),
        (len(result.agreements), "agreements"),
        (len(result.loaded_terms), f"loaded terms, {own} in the outlets' own words"),
        (len(result.omissions), "omissions"),
    ]
    items = "".join(f"<li><b>{n}</b><span>{cell_html(label)}</span></li>" for n, label in stats)
    docs = pd.DataFrame(
        [
            {
                "doc_id": doc.doc_id,
                "outlet": doc.label,
                "published": doc.published.isoformat() if doc.published else "",
                "title": doc.title or "",
                "url": doc.url or "",
                "claims": int((result.claims["doc_id"] == doc.doc_id).sum()),
            }
            for doc in result.corpus
        ],
        columns=["doc_id", "outlet", "published", "title", "url", "claims"],
    )
    table = html_table(
        docs,
        {
            "doc_id": "document",
            "outlet": "outlet",
            "published": "published",
            "title": "title",
            "url": "url (as given)",
            "claims": "claims",
        },
        numeric=["claims"],
        nowrap=["published"],
    )
    return f'<section id="summary"><h2>Summary</h2><ul class="stats">{items}</ul>{table}</section>'


def _section_legend(page: Page) -> str:
    terms = page.result.loaded_terms
    found = terms["category"].astype(str).value_counts()
    categories = sorted(set(found.index) | set(_CATEGORIES), key=lambda c: (-found.get(c, 0), c))
    items = []
    for category in categories:
        gloss = _CATEGORIES.get(category, _OTHER)[2]
        examples = terms.loc[terms["category"] == category, "term"].astype(str).str.lower()
        shown = ", ".join(examples.value_counts().index[:3])
        items.append(
            f'<span class="item"><mark class="term swatch cat-{_slug(category)}">'
            f"{cell_html(category.replace('_', ' '))}</mark> "
            f'<span class="gloss">{cell_html(gloss)} ({int(found.get(category, 0))} found'
            + (f": {cell_html(shown)}" if shown else "")
            + ")</span></span>"
        )
    voices = (
        '<span class="voices">Solid: <mark class="term cat-other v-outlet">'
        f"{cell_html(_VOICES['outlet'])}</mark>; dashed: "
        f'<mark class="term cat-other v-quoted">{cell_html(_VOICES["quoted"])}</mark>; dotted: '
        f'<mark class="term cat-other v-attributed">{cell_html(_VOICES["attributed"])}</mark>. '
        "Hover over a term for its lexicon entry, voice and target. "
        '<label class="switch" for="show-targets">show each term\'s target</label></span>'
    )
    return (
        '<section id="legend"><h2>Loaded terms: legend</h2>'
        f'<div class="legend">{"".join(items)}{voices}</div></section>'
    )


def _finding_values(row: Mapping[str, Any]) -> str:
    extra = []
    for key, label in (("shared", "both"), ("only_a", "only A"), ("only_b", "only B")):
        if cell_text(row.get(key)):
            extra.append(f"{label}: {cell_html(row.get(key))}")
    return f' <span class="muted">({"; ".join(extra)})</span>' if extra else ""


def _finding_item(index: int, row: Mapping[str, Any]) -> str:
    return (
        f'<li class="finding" id="conflict-{index}">'
        f'<span class="badge">{cell_html(row["kind"])}</span> '
        f'<span class="badge {_slug(cell_text(row["severity"]))}">'
        f"{cell_html(row['severity'])}</span> "
        f'A: <span class="value">{cell_html(row["value_a"])}</span> · '
        f'B: <span class="value">{cell_html(row["value_b"])}</span>'
        f'<div class="explanation">{cell_html(row["explanation"])}{_finding_values(row)}</div>'
        "</li>"
    )


def _pair_card(
    page: Page, claim_a: str, claim_b: str, findings: list[tuple[int, dict[str, Any]]]
) -> str:
    """Two claims side by side with every finding between them."""
    first = findings[0][1]
    sides = "".join(
        f'<div class="outlet"><h4>{side.upper()}: {cell_html(first[f"outlet_{side}"])}</h4>'
        f"{page.claim_block(claim)}</div>"
        for side, claim in (("a", claim_a), ("b", claim_b))
    )
    items = "".join(_finding_item(index, row) for index, row in findings)
    return (
        f'<article class="card pair"><header>{page.cluster_link(first["cluster_id"])}'
        f'<span class="muted">{len(findings)} finding'
        f"{'s' if len(findings) > 1 else ''}</span></header>"
        f'<div class="body"><div class="side">{sides}</div>'
        f'<ul class="findings">{items}</ul></div></article>'
    )


_AGREEMENT_COLUMNS = {
    "cluster_id": "cluster",
    "kind": "kind",
    "verdict": "verdict",
    "outlet_a": "outlet A",
    "value_a": "A says",
    "outlet_b": "outlet B",
    "value_b": "B says",
    "explanation": "why",
}


def _section_conflicts(page: Page) -> str:
    result = page.result
    if result.conflicts.empty:
        body = "<p>No conflicts or differences between aligned claims.</p>"
    else:
        cards = [_pair_card(page, a, b, findings) for (a, b), findings in page.shown_pairs]
        body = "".join(cards) + page.more(len(page.pairs) - len(cards), "pairs of claims")
    agreements = result.agreements
    if not agreements.empty:
        body += (
            f"<details><summary>{len(agreements)} agreements (the same fact, or one account "
            "less precise)</summary>"
            + html_table(agreements, _AGREEMENT_COLUMNS, numeric=["cluster_id"])
            + "</details>"
        )
    return (
        '<section id="conflicts"><h2>Conflicts and differences</h2>'
        '<p class="intro">Facts compared between claims that state the same thing, from '
        "different outlets. A <i>contradiction</i> means both cannot be true; a <i>difference"
        "</i> means the same fact is presented differently (a hedge, an attribution, another "
        f"loaded label). Contradictions come first.</p>{body}</section>"
    )


def _outlet_columns(page: Page, group: pd.DataFrame) -> str:
    """One column per outlet with its claims in the cluster, or a note that it has none."""
    columns = []
    for outlet in page.outlets:
        ids = sorted(group.loc[group["outlet"].astype(str) == outlet, "claim_id"].astype(str))
        inner = (
            "".join(page.claim_block(cid) for cid in ids)
            if ids
            else '<p class="absent">not reported by this outlet</p>'
        )
        columns.append(f'<div class="outlet"><h4>{cell_html(outlet)}</h4>{inner}</div>')
    return "".join(columns)


def _cluster_findings(page: Page, findings: pd.DataFrame | None) -> tuple[str, str]:
    """``(badges, notes)``: the count of findings by kind and one line per finding."""
    if findings is None:
        return "", ""
    kinds = findings["kind"].astype(str).value_counts().sort_index()
    badges = "".join(f'<span class="badge">{n} {cell_html(k)}</span>' for k, n in kinds.items())
    notes = (
        '<ul class="findings">'
        + "".join(
            f"<li>{_finding_link(page, i, r['kind'])}: {cell_html(r['outlet_a'])} "
            f'<span class="value">{cell_html(r["value_a"])}</span> vs '
            f"{cell_html(r['outlet_b'])} "
            f'<span class="value">{cell_html(r["value_b"])}</span></li>'
            for i, r in zip(findings.index, findings.to_dict("records"), strict=True)
        )
        + "</ul>"
    )
    return badges, notes


def _section_clusters(page: Page) -> str:
    result = page.result
    clusters = result.alignment.clusters
    if clusters.empty:
        return (
            '<section id="clusters"><h2>Aligned claims</h2>'
            "<p>No claims were aligned across outlets.</p></section>"
        )
    by_cluster = {key: group for key, group in result.conflicts.groupby("cluster_id", sort=True)}
    cards = []
    for cluster_id, group in clusters.groupby("cluster_id", sort=True):
        if cluster_id not in page.shown_clusters:
            continue
        carried = sorted(set(group["outlet"].astype(str)))
        badges, notes = _cluster_findings(page, by_cluster.get(cluster_id))
        cards.append(
            f'<article class="card cluster" id="cluster-{cell_html(cluster_id)}"><header>'
            f"<h3>Cluster {cell_html(cluster_id)}</h3>"
            f'<span class="muted">carried by {len(carried)} of {len(page.outlets)} outlets'
            f"</span>{badges}</header>"
            f'<div class="body"><div class="side">{_outlet_columns(page, group)}</div>'
            f"{notes}</div></article>"
        )
    return (
        '<section id="clusters"><h2>Aligned claims, side by side</h2>'
        '<p class="intro">Each cluster groups claims that state the same thing. One column per '
        "outlet; loaded terms are highlighted by category (see the legend).</p>"
        f"{''.join(cards)}{page.more(clusters['cluster_id'].nunique() - len(cards), 'clusters')}"
        "</section>"
    )


def _finding_link(page: Page, index: int, kind: Any) -> str:
    if index in page.shown_findings:
        return f'<a href="#conflict-{index}">{cell_html(kind)}</a>'
    return cell_html(kind)


def _section_framing(page: Page) -> str:
    result = page.result
    framing = result.framing
    if framing.empty:
        return (
            '<section id="framing"><h2>What each outlet calls each actor</h2>'
            "<p>No loaded labels aimed at an actor.</p></section>"
        )
    calls = what_each_outlet_calls(result.loaded_terms).reset_index()
    wide = html_table(calls, {str(c): str(c) for c in calls.columns})
    detail = framing.assign(
        per_1000_words=framing["per_1000_words"].map(lambda v: f"{v:.1f}" if pd.notna(v) else ""),
        net_polarity=framing["net_polarity"].map(lambda v: f"{v:+.2f}" if pd.notna(v) else ""),
    )
    long = html_table(
        detail,
        {
            "actor": "actor",
            "outlet": "outlet",
            "labels": "labels (own voice)",
            "count": "uses",
            "per_1000_words": "per 1,000 words",
            "net_polarity": "net polarity",
            "quoted_count": "in quotes",
            "categories": "categories",
        },
        numeric=["count", "per_1000_words", "net_polarity", "quoted_count"],
    )
    return (
        '<section id="framing"><h2>What each outlet calls each actor</h2>'
        '<p class="intro">Loaded labels each outlet applies to each actor in its own words '
        "(quotations of sources are counted apart), with the number of uses.</p>"
        f"{wide}<details><summary>The framing table: rates, polarity and quoted uses"
        f"</summary>{long}</details></section>"
    )


def _section_heatmap(page: Page) -> str:
    framing = page.result.framing
    try:
        svg = framing_svg(framing)
    except ImportError as exc:
        logger.info("no heatmap in the report: %s", exc)
        figure = (
            '<p class="note">The heatmap needs matplotlib, an optional extra: '
            '<code>pip install "claimcompare[plot]"</code>.</p>'
        )
    else:
        figure = (
            '<figure><div class="plot" role="img" aria-label="Heatmap of the net polarity of '
            f'loaded labels, actors by outlet">{svg}</div><figcaption>Colour: net polarity of '
            "the labels an outlet applies to an actor in its own voice, from -1 (red, "
            "delegitimising) to +1 (blue, legitimising); n: the number of uses. Grey: no "
            "label.</figcaption></figure>"
        )
    return f'<section id="heatmap"><h2>Framing heatmap</h2>{figure}</section>'


def _omitted_list(page: Page, frame: pd.DataFrame) -> str:
    """The claims an outlet leaves out, with who carries them (at most ``max_items``)."""
    shown = frame.head(page.cap(len(frame)))
    return (
        '<ol class="omitted">'
        + "".join(
            f"<li>{page.claim_text(str(r['claim_ids'][0]))} "
            f'<span class="muted">(carried by {cell_html(r["carried_by"])}'
            + (f"; {page.cluster_link(int(r['cluster_id']))}" if pd.notna(r["cluster_id"]) else "")
            + ")</span></li>"
            for r in shown.to_dict("records")
        )
        + "</ol>"
        + page.more(len(frame) - len(shown), "claims")
    )


def _outlet_omissions(page: Page, outlet: Any, group: pd.DataFrame) -> str:
    """What one outlet leaves out: first what two or more others carry, then the rest."""
    wide = group[group["n_carrying"] > 1]
    single = group[group["n_carrying"] <= 1]
    inner = (
        _omitted_list(page, wide)
        if not wide.empty
        else '<p class="muted">Nothing that two or more other outlets carry.</p>'
    )
    if not single.empty:
        inner += (
            f"<details><summary>{len(single)} claims that one other outlet carries"
            f"</summary>{_omitted_list(page, single)}</details>"
        )
    return (
        f'<details class="doc" open><summary>{cell_html(outlet)}: leaves out {len(group)} '
        f"claims ({len(wide)} carried by two or more outlets)</summary>{inner}</details>"
    )


def _section_omissions(page: Page) -> str:
    omissions = page.result.omissions
    if omissions.empty:
        return (
            '<section id="omissions"><h2>Omissions</h2>'
            "<p>Every outlet carries every claim.</p></section>"
        )
    spots = blindspots(omissions)
    spots_frame = spots.reset_index()
    spots_frame.columns = [str(c) for c in spots_frame.columns]
    headers = {"outlet": "outlet"} | {
        str(n): f"carried by {n} other outlet{'s' if int(n) > 1 else ''}" for n in spots.columns
    }
    parts = [
        '<section id="omissions"><h2>Omissions</h2>'
        '<p class="intro">What each outlet leaves out that others carry. The more outlets carry '
        "a claim one leaves out, the more telling the gap.</p>",
        html_table(spots_frame, headers, numeric=list(headers)[1:]),
    ]
    for outlet, group in omissions.groupby("outlet", sort=True):
        parts.append(_outlet_omissions(page, outlet, group))
    parts.append("</section>")
    return "".join(parts)


def _section_documents(page: Page) -> str:
    parts = [
        '<section id="documents"><h2>The documents</h2>'
        '<p class="intro">Each article as loaded (after boilerplate removal), with every '
        "loaded term highlighted.</p>"
    ]
    docs = list(page.result.corpus)
    for doc in docs[: page.cap(len(docs))]:
        meta = " · ".join(
            cell_html(v)
            for v in (doc.doc_id, doc.published.isoformat() if doc.published else "", doc.url)
            if v
        )
        text = highlight_terms(doc.text, page.terms_by_doc.get(doc.doc_id, []))
        parts.append(
            f'<details class="doc" id="doc-{cell_html(doc.doc_id)}">'
            f"<summary>{cell_html(doc.label)}: "
            f"{cell_html(doc.title or '(untitled)')}</summary>"
            f'<p class="muted"><span class="id">{meta}</span></p>'
            f'<div class="doctext">{text}</div></details>'
        )
    parts.append(page.more(len(docs) - page.cap(len(docs)), "documents"))
    parts.append("</section>")
    return "".join(parts)


#: The page's sections in order: their id, their name in the navigation bar and what draws them.
SECTIONS: tuple[tuple[str, str, Callable[[Page], str]], ...] = (
    ("summary", "Summary", _section_summary),
    ("legend", "Legend", _section_legend),
    ("conflicts", "Conflicts", _section_conflicts),
    ("clusters", "Aligned claims", _section_clusters),
    ("framing", "Framing", _section_framing),
    ("heatmap", "Heatmap", _section_heatmap),
    ("omissions", "Omissions", _section_omissions),
    ("documents", "Documents", _section_documents),
)
