"""Reports of a :class:`~claimcompare.compare.Comparison`: a summary, Markdown, HTML.

:func:`to_html` writes one self-contained page (inline CSS, no script, no network): the outlets'
claims side by side per cluster with loaded terms highlighted, the conflicts and omissions with
their evidence, the framing table and heatmap. :func:`highlight_terms` is the highlighter it
uses, for your own pages.
"""

from __future__ import annotations

import heapq
import html
import logging
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import ParameterError

if TYPE_CHECKING:
    from .compare import Comparison

__all__ = ["highlight_terms", "summary", "to_html", "to_html_fragment", "to_markdown"]

logger = logging.getLogger(__name__)


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
        f"omissions: {result.omissions['claim_ids'].nunique()} claims carried by some outlets "
        f"and not others ({len(result.omissions)} (outlet, claim) pairs)",
    ]
    return "\n".join(lines)


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


def to_html_fragment(result: Comparison, *, max_rows: int = 20) -> str:
    """A short HTML view for notebooks: the summary, the conflicts and what outlets call actors.

    Examples
    --------
    >>> import claimcompare as cc
    >>> fragment = to_html_fragment(cc.compare(cc.load_corpus("seeds/")))
    >>> fragment.startswith("<pre>"), "renegade general" in fragment
    (True, True)
    """
    from .framing import what_each_outlet_calls

    conflicts = result.conflicts[
        ["cluster_id", "kind", "severity", "outlet_a", "value_a", "outlet_b", "value_b"]
    ]
    calls = what_each_outlet_calls(result.loaded_terms, top=4)
    more = len(conflicts) - max_rows
    parts = [
        f"<pre>{html.escape(summary(result))}</pre>",
        "<p><b>Conflicts and differences</b></p>",
        conflicts.head(max_rows).to_html(index=False, escape=True, border=0, na_rep=""),
        f"<p>... and {more} more in <code>.conflicts</code></p>" if more > 0 else "",
        "<p><b>What each outlet calls each actor</b> (the outlet's own words)</p>",
        calls.to_html(escape=True, border=0) if not calls.empty else "<p>none</p>",
        "<p>All tables: <code>.claims .alignment .loaded_terms .framing .agreements "
        ".conflicts .omissions</code>; the full report: <code>.to_html('report.html')</code></p>",
    ]
    return "".join(parts)


# --- the self-contained HTML page ---------------------------------------------------------------

#: Colours (background, accent) and a one-line gloss for the lexicon's categories.
_CATEGORIES: dict[str, tuple[str, str, str]] = {
    "delegitimising_label": ("#fbd3d0", "#b03a2e", "denies an actor's legitimacy"),
    "legitimising_label": ("#d3efdc", "#1d7a44", "grants an actor legitimacy"),
    "self_designation_doubt": ("#fde0bf", "#c25e00", "doubts an actor's own title"),
    "emotive": ("#e6dbf5", "#6c3d99", "emotionally charged wording"),
    "hedge": ("#d9e6f4", "#2e5d8a", "hedges the claim"),
    "loaded_attribution": ("#fbefb3", "#8a6d00", "a reporting verb that casts doubt"),
    "scare_quote": ("#f7d4ea", "#9b2a6e", "words held at a distance in quotation marks"),
}
_OTHER = ("#e4e4e4", "#555555", "a category of your lexicon")
_VOICES = {
    "outlet": "the outlet's own words",
    "quoted": "inside a quotation",
    "attributed": "paraphrasing a source",
}
_SLUG = re.compile(r"[^a-z0-9_-]+")


def _text(value: Any) -> str:
    """A cell as text: '' for None and NaN, tuples joined with commas."""
    if isinstance(value, tuple | list):
        return ", ".join(_text(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _esc(value: Any) -> str:
    return html.escape(_text(value), quote=True)


def _slug(category: str) -> str:
    return _SLUG.sub("-", category.lower()).strip("-") or "other"


def _term_tag(term: Mapping[str, Any]) -> str:
    category = _text(term.get("category")) or "other"
    voice = _text(term.get("voice")) or "outlet"
    target = _text(term.get("target"))
    speaker = _text(term.get("speaker"))
    lines = [
        f"{_text(term.get('term'))}: {category.replace('_', ' ')}",
        f"entry: {_text(term.get('entry'))}",
        f"voice: {voice}" + (f" ({speaker})" if speaker and voice != "outlet" else ""),
        f"target: {target or 'none'}",
    ]
    attrs = [
        f'class="term cat-{_slug(category)} v-{_slug(voice)}"',
        f'data-category="{_esc(category)}"',
        f'data-voice="{_esc(voice)}"',
        f'title="{_esc(chr(10).join(lines))}"',
    ]
    if target:
        attrs.append(f'data-target="{_esc(target)}"')
    return "<mark " + " ".join(attrs) + ">"


def highlight_terms(text: str, terms: Iterable[Mapping[str, Any]], *, offset: int = 0) -> str:
    """Escape ``text`` for HTML and wrap each loaded term in a ``<mark>``.

    ``terms`` are rows of :func:`~claimcompare.terms.find_loaded_terms` (``start``, ``end``,
    ``term``, ``entry``, ``category``, ``voice``, ``target``, ``speaker``); their offsets point
    into the document, and ``text`` starts at ``offset`` in it (a claim's ``start``). Terms
    outside ``text`` are clipped or left out. Overlapping terms nest; a term that crosses the end
    of another is split in two, so the markup is always well formed. Each ``<mark>`` has the
    classes ``term cat-<category> v-<voice>``, ``data-target`` and a ``title`` with the entry,
    category, voice and target. Removing the tags and unescaping gives ``text`` back.

    Examples
    --------
    >>> terms = [{"start": 10, "end": 26, "term": "renegade general", "entry": "renegade general",
    ...           "category": "delegitimising_label", "voice": "outlet",
    ...           "target": "Khalifa Haftar"}]
    >>> print(highlight_terms("Forces of renegade general <Haftar>", terms))
    ... # doctest: +NORMALIZE_WHITESPACE
    Forces of <mark class="term cat-delegitimising_label v-outlet"
    data-category="delegitimising_label" data-voice="outlet" title="renegade general:
    delegitimising label
    entry: renegade general
    voice: outlet
    target: Khalifa Haftar" data-target="Khalifa Haftar">renegade general</mark> &lt;Haftar&gt;
    """
    heap: list[tuple[int, int, int, str]] = []
    for order, term in enumerate(terms):
        start = max(int(term["start"]) - offset, 0)
        end = min(int(term["end"]) - offset, len(text))
        if end > start:
            heap.append((start, -end, order, _term_tag(term)))
    heapq.heapify(heap)
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []  # ends of the open marks, innermost last (never increasing)
    while heap:
        start, neg_end, order, tag = heapq.heappop(heap)
        end = -neg_end
        while open_ends and open_ends[-1] <= start:
            close = open_ends.pop()
            out.append(html.escape(text[pos:close]) + "</mark>")
            pos = close
        if open_ends and end > open_ends[-1]:  # crosses the end of the open mark: split
            heapq.heappush(heap, (open_ends[-1], -end, order, tag))
            end = open_ends[-1]
        out.append(html.escape(text[pos:start]) + tag)
        pos = start
        open_ends.append(end)
    while open_ends:
        close = open_ends.pop()
        out.append(html.escape(text[pos:close]) + "</mark>")
        pos = close
    out.append(html.escape(text[pos:]))
    return "".join(out)


_CSS = r"""
:root { --ink: #1f2328; --muted: #5b636e; --line: #d8dde3; --paper: #ffffff;
  --soft: #f5f7f9; --accent: #2e5d8a; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    sans-serif; }
header.top { background: #1f3a56; color: #fff; padding: 1.4rem 1rem 1rem; }
header.top h1 { margin: 0 0 .2rem; font-size: 1.6rem; font-weight: 650; }
header.top p { margin: 0; color: #d5e0ea; }
nav { position: sticky; top: 0; z-index: 5; background: #f0f3f6; border-bottom: 1px solid
  var(--line); padding: .45rem 1rem; display: flex; flex-wrap: wrap; gap: .3rem 1.1rem;
  font-size: .92rem; }
a { color: var(--accent); }
nav a { text-decoration: none; }
nav a:hover { text-decoration: underline; }
main { max-width: 84rem; margin: 0 auto; padding: 0 1rem 3rem; }
section { margin-top: 2.2rem; scroll-margin-top: 3rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem;
  margin: 0 0 .8rem; }
h3 { font-size: 1.08rem; margin: 0; }
h4 { font-size: .95rem; margin: 0 0 .4rem; }
p.intro { color: var(--muted); margin: 0 0 1rem; max-width: 52rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: .6rem;
  margin: 0 0 1.2rem; padding: 0; list-style: none; }
.stats li { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
  padding: .55rem .75rem; }
.stats b { display: block; font-size: 1.5rem; line-height: 1.2; }
.stats span { color: var(--muted); font-size: .88rem; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: .92rem; min-width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.date { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .85em; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem .9rem; padding: .7rem .9rem;
  background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.legend .item { font-size: .9rem; }
.legend .gloss { color: var(--muted); }
.legend .voices { flex-basis: 100%; font-size: .9rem; color: var(--muted); }
mark.term { --bg: #e4e4e4; --fg: #555; background: var(--bg); color: inherit;
  border-bottom: 2px solid var(--fg); border-radius: 3px; padding: 0 .12em;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: help; }
mark.term mark.term { padding: 0; }
mark.v-quoted { background: transparent; border: 1.5px dashed var(--fg);
  border-bottom-width: 1.5px; font-style: italic; }
mark.v-attributed { background: transparent; border-bottom: 2px dotted var(--fg); }
.toggle { position: absolute; opacity: 0; pointer-events: none; }
label.switch { cursor: pointer; color: var(--accent); font-size: .9rem; }
label.switch::before { content: "\2610  "; }
.toggle:focus-visible ~ main label.switch { outline: 2px solid var(--accent); }
.toggle:checked ~ main label.switch::before { content: "\2611  "; }
.toggle:checked ~ main mark.term[data-target]::after { content: " \2192  " attr(data-target);
  font-size: .72em; font-style: normal; color: var(--fg); font-weight: 600; }
.card { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 1.1rem;
  background: var(--paper); overflow: hidden; }
.card > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .7rem;
  padding: .55rem .9rem; background: var(--soft); border-bottom: 1px solid var(--line); }
.card > .body { padding: .7rem .9rem; }
.muted { color: var(--muted); }
.badge { display: inline-block; border-radius: 999px; padding: .05rem .55rem; font-size: .8rem;
  font-weight: 600; background: #e3e8ee; color: #2d3a48; white-space: nowrap; }
.badge.contradiction { background: #b03a2e; color: #fff; }
.badge.difference { background: #fde0bf; color: #7a3b00; }
.badge.agree { background: #d3efdc; color: #145a32; }
.side { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
  gap: .8rem; }
.outlet { min-width: 0; }
.outlet > h4 { color: var(--accent); overflow-wrap: anywhere; }
.claim { margin: 0 0 .6rem; padding: .45rem .65rem; border-left: 3px solid var(--line);
  background: #fbfcfd; }
.claim .meta { display: block; color: var(--muted); font-size: .8rem; margin-top: .25rem; }
.absent { color: var(--muted); font-style: italic; border: 1px dashed var(--line);
  padding: .45rem .65rem; border-radius: 6px; margin: 0; }
.value { font-weight: 600; }
ul.findings { margin: .6rem 0 0; padding-left: 1.2rem; font-size: .93rem; }
ul.findings li { margin: 0 0 .45rem; }
li.finding { list-style: none; margin-left: -1.2rem; }
li.finding .explanation { color: var(--muted); margin-top: .1rem; }
details { margin: 0 0 .7rem; }
details > summary { cursor: pointer; font-weight: 600; }
details.doc { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; }
.doctext { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 48rem; margin-top: .6rem; }
ol.omitted { padding-left: 1.4rem; }
ol.omitted li { margin: 0 0 .5rem; }
figure { margin: 0; }
figure .plot { overflow-x: auto; }
figure svg { width: 100%; min-width: 40rem; max-width: 58rem; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .88rem; margin-top: .3rem; }
.note { background: #fff8e1; border: 1px solid #f0d98c; border-radius: 8px;
  padding: .6rem .8rem; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line);
  margin-top: 3rem; padding-top: .8rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  header.top h1 { font-size: 1.3rem; }
  main { padding: 0 .6rem 2rem; }
  .card > .body { padding: .6rem; }
}
@media print { nav { position: static; } details { display: block; } }
"""


def _category_css(categories: Iterable[str]) -> str:
    rules = []
    for category in sorted(set(categories) | set(_CATEGORIES)):
        bg, fg, _ = _CATEGORIES.get(category, _OTHER)
        rules.append(
            f"mark.cat-{_slug(category)}, .swatch.cat-{_slug(category)} "
            f"{{ --bg: {bg}; --fg: {fg}; }}"
        )
    return "\n".join(rules)


def _table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    numeric: Iterable[str] = (),
    nowrap: Iterable[str] = (),
) -> str:
    """An escaped HTML table of ``frame[columns]``; ``columns`` maps column to header."""
    classes = {c: ' class="num"' for c in numeric} | {c: ' class="date"' for c in nowrap}
    head = "".join(f"<th>{_esc(label)}</th>" for label in columns.values())
    rows = []
    for record in frame[list(columns)].to_dict("records"):
        cells = "".join(f"<td{classes.get(c, '')}>{_esc(record[c])}</td>" for c in columns)
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


class _Page:
    """What the sections of the page share: the claims by id and their loaded terms."""

    def __init__(self, result: Comparison, *, max_items: int | None) -> None:
        self.result = result
        self.max_items = max_items
        self.claims = result.claims.set_index("claim_id", drop=False)
        terms = result.loaded_terms.sort_values(["doc_id", "start", "end"], kind="stable")
        self.terms_by_claim: dict[str, list[dict[str, Any]]] = {}
        self.terms_by_doc: dict[str, list[dict[str, Any]]] = {}
        for row in terms.to_dict("records"):
            self.terms_by_doc.setdefault(str(row["doc_id"]), []).append(row)
            if isinstance(row.get("claim_id"), str):
                self.terms_by_claim.setdefault(row["claim_id"], []).append(row)
        self.outlets = sorted({doc.label for doc in result.corpus})
        self.published = {doc.doc_id: doc.published for doc in result.corpus}
        # Conflicts: one card per pair of claims with every finding between them, pairs with a
        # contradiction first; at most max_items cards.
        conflicts = result.conflicts
        order = conflicts.assign(
            _rank=(conflicts["severity"] != "contradiction").astype(int)
        ).sort_values(["_rank", "cluster_id", "claim_a", "claim_b", "kind"], kind="stable")
        self.pairs: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        for index, row in zip(order.index, order.to_dict("records"), strict=True):
            key = (str(row["claim_a"]), str(row["claim_b"]))
            self.pairs.setdefault(key, []).append((int(index), row))
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
            f'<p class="note">{n} more {_esc(what)} not shown (the page shows at most '
            f"{self.max_items}); every row is in the Comparison's DataFrames and in "
            "<code>claimcompare compare --csv</code>.</p>"
        )

    def cluster_link(self, cluster_id: Any) -> str:
        label = f"cluster {_esc(cluster_id)}"
        if cluster_id in self.shown_clusters:
            return f'<a href="#cluster-{_esc(cluster_id)}">{label}</a>'
        return label

    def claim_text(self, claim_id: str) -> str:
        """The claim's text with its loaded terms highlighted (escaped HTML)."""
        if claim_id not in self.claims.index:
            return f'<span class="muted">(claim {_esc(claim_id)} not found)</span>'
        claim = self.claims.loc[claim_id]
        return highlight_terms(
            str(claim["text"]), self.terms_by_claim.get(claim_id, []), offset=int(claim["start"])
        )

    def claim_block(self, claim_id: str, *, meta: bool = True) -> str:
        parts = [f'<div class="claim">{self.claim_text(claim_id)}']
        if meta and claim_id in self.claims.index:
            claim = self.claims.loc[claim_id]
            bits = [f'<span class="id">{_esc(claim_id)}</span>']
            published = self.published.get(str(claim["doc_id"]))
            if published is not None:
                bits.append(_esc(published.isoformat()))
            voice = _text(claim.get("voice"))
            speaker, cue = _text(claim.get("speaker")), _text(claim.get("cue"))
            if speaker:
                bits.append(f"{_esc(cue or 'said')} by {_esc(speaker)}")
            if voice and voice != "outlet":
                bits.append(f"voice: {_esc(voice)}")
            parts.append(f'<span class="meta">{" · ".join(bits)}</span>')
        parts.append("</div>")
        return "".join(parts)


def _section_summary(page: _Page) -> str:
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
    items = "".join(f"<li><b>{n}</b><span>{_esc(label)}</span></li>" for n, label in stats)
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
    table = _table(
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


def _section_legend(page: _Page) -> str:
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
            f"{_esc(category.replace('_', ' '))}</mark> "
            f'<span class="gloss">{_esc(gloss)} ({int(found.get(category, 0))} found'
            + (f": {_esc(shown)}" if shown else "")
            + ")</span></span>"
        )
    voices = (
        '<span class="voices">Solid: <mark class="term cat-other v-outlet">'
        f"{_esc(_VOICES['outlet'])}</mark>; dashed: "
        f'<mark class="term cat-other v-quoted">{_esc(_VOICES["quoted"])}</mark>; dotted: '
        f'<mark class="term cat-other v-attributed">{_esc(_VOICES["attributed"])}</mark>. '
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
        if _text(row.get(key)):
            extra.append(f"{label}: {_esc(row.get(key))}")
    return f' <span class="muted">({"; ".join(extra)})</span>' if extra else ""


def _section_conflicts(page: _Page) -> str:
    result = page.result
    conflicts = result.conflicts
    if conflicts.empty:
        body = "<p>No conflicts or differences between aligned claims.</p>"
    else:
        cards = []
        for (claim_a, claim_b), findings in page.shown_pairs:
            first = findings[0][1]
            sides = "".join(
                f'<div class="outlet"><h4>{side.upper()}: {_esc(first[f"outlet_{side}"])}</h4>'
                f"{page.claim_block(claim)}</div>"
                for side, claim in (("a", claim_a), ("b", claim_b))
            )
            items = "".join(
                f'<li class="finding" id="conflict-{index}">'
                f'<span class="badge">{_esc(row["kind"])}</span> '
                f'<span class="badge {_slug(_text(row["severity"]))}">'
                f"{_esc(row['severity'])}</span> "
                f'A: <span class="value">{_esc(row["value_a"])}</span> · '
                f'B: <span class="value">{_esc(row["value_b"])}</span>'
                f'<div class="explanation">{_esc(row["explanation"])}{_finding_values(row)}</div>'
                "</li>"
                for index, row in findings
            )
            cards.append(
                f'<article class="card pair"><header>{page.cluster_link(first["cluster_id"])}'
                f'<span class="muted">{len(findings)} finding'
                f"{'s' if len(findings) > 1 else ''}</span></header>"
                f'<div class="body"><div class="side">{sides}</div>'
                f'<ul class="findings">{items}</ul></div></article>'
            )
        body = "".join(cards) + page.more(len(page.pairs) - len(cards), "pairs of claims")
    agreements = result.agreements
    if not agreements.empty:
        body += (
            f"<details><summary>{len(agreements)} agreements (the same fact, or one account "
            "less precise)</summary>"
            + _table(
                agreements,
                {
                    "cluster_id": "cluster",
                    "kind": "kind",
                    "verdict": "verdict",
                    "outlet_a": "outlet A",
                    "value_a": "A says",
                    "outlet_b": "outlet B",
                    "value_b": "B says",
                    "explanation": "why",
                },
                numeric=["cluster_id"],
            )
            + "</details>"
        )
    return (
        '<section id="conflicts"><h2>Conflicts and differences</h2>'
        '<p class="intro">Facts compared between claims that state the same thing, from '
        "different outlets. A <i>contradiction</i> means both cannot be true; a <i>difference"
        "</i> means the same fact is presented differently (a hedge, an attribution, another "
        f"loaded label). Contradictions come first.</p>{body}</section>"
    )


def _section_clusters(page: _Page) -> str:
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
        columns = []
        for outlet in page.outlets:
            ids = sorted(group.loc[group["outlet"].astype(str) == outlet, "claim_id"].astype(str))
            inner = (
                "".join(page.claim_block(cid) for cid in ids)
                if ids
                else '<p class="absent">not reported by this outlet</p>'
            )
            columns.append(f'<div class="outlet"><h4>{_esc(outlet)}</h4>{inner}</div>')
        findings = by_cluster.get(cluster_id)
        badges = ""
        notes = ""
        if findings is not None:
            kinds = findings["kind"].astype(str).value_counts().sort_index()
            badges = "".join(f'<span class="badge">{n} {_esc(k)}</span>' for k, n in kinds.items())
            notes = (
                '<ul class="findings">'
                + "".join(
                    f"<li>{_finding_link(page, i, r['kind'])}: {_esc(r['outlet_a'])} "
                    f'<span class="value">{_esc(r["value_a"])}</span> vs {_esc(r["outlet_b"])} '
                    f'<span class="value">{_esc(r["value_b"])}</span></li>'
                    for i, r in zip(findings.index, findings.to_dict("records"), strict=True)
                )
                + "</ul>"
            )
        cards.append(
            f'<article class="card cluster" id="cluster-{_esc(cluster_id)}"><header>'
            f"<h3>Cluster {_esc(cluster_id)}</h3>"
            f'<span class="muted">carried by {len(carried)} of {len(page.outlets)} outlets'
            f"</span>{badges}</header>"
            f'<div class="body"><div class="side">{"".join(columns)}</div>{notes}</div></article>'
        )
    return (
        '<section id="clusters"><h2>Aligned claims, side by side</h2>'
        '<p class="intro">Each cluster groups claims that state the same thing. One column per '
        "outlet; loaded terms are highlighted by category (see the legend).</p>"
        f"{''.join(cards)}{page.more(clusters['cluster_id'].nunique() - len(cards), 'clusters')}"
        "</section>"
    )


def _finding_link(page: _Page, index: int, kind: Any) -> str:
    if index in page.shown_findings:
        return f'<a href="#conflict-{index}">{_esc(kind)}</a>'
    return _esc(kind)


def _section_framing(page: _Page) -> str:
    from .framing import what_each_outlet_calls

    result = page.result
    framing = result.framing
    if framing.empty:
        return (
            '<section id="framing"><h2>What each outlet calls each actor</h2>'
            "<p>No loaded labels aimed at an actor.</p></section>"
        )
    calls = what_each_outlet_calls(result.loaded_terms).reset_index()
    wide = _table(calls, {str(c): str(c) for c in calls.columns})
    detail = framing.assign(
        per_1000_words=framing["per_1000_words"].map(lambda v: f"{v:.1f}" if pd.notna(v) else ""),
        net_polarity=framing["net_polarity"].map(lambda v: f"{v:+.2f}" if pd.notna(v) else ""),
    )
    long = _table(
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


def _section_heatmap(page: _Page) -> str:
    framing = page.result.framing
    try:
        from .plot import framing_svg

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


def _section_omissions(page: _Page) -> str:
    from .compare import blindspots

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
        _table(spots_frame, headers, numeric=list(headers)[1:]),
    ]
    for outlet, group in omissions.groupby("outlet", sort=True):
        wide = group[group["n_carrying"] > 1]
        single = group[group["n_carrying"] <= 1]

        def items(frame: pd.DataFrame) -> str:
            shown = frame.head(page.cap(len(frame)))
            return (
                '<ol class="omitted">'
                + "".join(
                    f"<li>{page.claim_text(str(r['claim_ids'][0]))} "
                    f'<span class="muted">(carried by {_esc(r["carried_by"])}'
                    + (
                        f"; {page.cluster_link(int(r['cluster_id']))}"
                        if pd.notna(r["cluster_id"])
                        else ""
                    )
                    + ")</span></li>"
                    for r in shown.to_dict("records")
                )
                + "</ol>"
                + page.more(len(frame) - len(shown), "claims")
            )

        inner = (
            items(wide)
            if not wide.empty
            else '<p class="muted">Nothing that two or more other outlets carry.</p>'
        )
        if not single.empty:
            inner += (
                f"<details><summary>{len(single)} claims that one other outlet carries"
                f"</summary>{items(single)}</details>"
            )
        parts.append(
            f'<details class="doc" open><summary>{_esc(outlet)}: leaves out {len(group)} '
            f"claims ({len(wide)} carried by two or more outlets)</summary>{inner}</details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _section_documents(page: _Page) -> str:
    parts = [
        '<section id="documents"><h2>The documents</h2>'
        '<p class="intro">Each article as loaded (after boilerplate removal), with every '
        "loaded term highlighted.</p>"
    ]
    docs = list(page.result.corpus)
    for doc in docs[: page.cap(len(docs))]:
        meta = " · ".join(
            _esc(v)
            for v in (doc.doc_id, doc.published.isoformat() if doc.published else "", doc.url)
            if v
        )
        text = highlight_terms(doc.text, page.terms_by_doc.get(doc.doc_id, []))
        parts.append(
            f'<details class="doc" id="doc-{_esc(doc.doc_id)}"><summary>{_esc(doc.label)}: '
            f"{_esc(doc.title or '(untitled)')}</summary>"
            f'<p class="muted"><span class="id">{meta}</span></p>'
            f'<div class="doctext">{text}</div></details>'
        )
    parts.append(page.more(len(docs) - page.cap(len(docs)), "documents"))
    parts.append("</section>")
    return "".join(parts)


def to_html(
    result: Comparison, *, title: str = "claimcompare report", max_items: int | None = 500
) -> str:
    """The comparison as one self-contained HTML page (inline CSS, no script, no network).

    Sections (with these ids): ``summary``, ``legend``, ``conflicts``, ``clusters`` (the
    outlets' claims side by side, one column per outlet), ``framing``, ``heatmap`` (an inline
    SVG when matplotlib is installed), ``omissions`` and ``documents``. Loaded terms are
    ``<mark>`` elements coloured by category, dashed in quotations and dotted in paraphrase,
    with the entry, voice and target in their tooltip. Every text is escaped. The same
    comparison gives the same bytes.

    ``max_items`` bounds the size of the page on large corpora: at most that many conflict
    cards, clusters (those the shown conflicts point to first, then those carried by most
    outlets), omitted claims per list and documents, with a note saying how many are left out
    (``None``: everything).

    Examples
    --------
    >>> import claimcompare as cc
    >>> page = to_html(cc.compare(cc.load_corpus("seeds/")))
    >>> page.startswith("<!DOCTYPE html>"), 'id="clusters"' in page, "<script" in page
    (True, True, False)
    """
    from . import __version__

    if max_items is not None and (
        isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1
    ):
        raise ParameterError(f"max_items must be a positive integer or None, got {max_items!r}")
    page = _Page(result, max_items=max_items)
    sections = [
        _section_summary(page),
        _section_legend(page),
        _section_conflicts(page),
        _section_clusters(page),
        _section_framing(page),
        _section_heatmap(page),
        _section_omissions(page),
        _section_documents(page),
    ]
    nav = "".join(
        f'<a href="#{key}">{label}</a>'
        for key, label in (
            ("summary", "Summary"),
            ("legend", "Legend"),
            ("conflicts", "Conflicts"),
            ("clusters", "Aligned claims"),
            ("framing", "Framing"),
            ("heatmap", "Heatmap"),
            ("omissions", "Omissions"),
            ("documents", "Documents"),
        )
    )
    categories = result.loaded_terms["category"].astype(str).unique()
    subtitle = f"{len(result.corpus)} documents from {len(page.outlets)} outlets: " + ", ".join(
        page.outlets
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="claimcompare">'
        '<link rel="icon" href="data:,">'
        f"<title>{_esc(title)}</title>"
        f"<style>{_CSS}{_category_css(categories)}</style></head>\n<body>"
        f'<header class="top"><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header>'
        f"<nav>{nav}</nav>"
        '<input type="checkbox" id="show-targets" class="toggle">'
        f"<main>{''.join(sections)}"
        f"<footer>Made by claimcompare {_esc(__version__)}. Every finding points to claims "
        "by id; claim and term offsets are character offsets into each document's text."
        "</footer></main></body></html>\n"
    )
