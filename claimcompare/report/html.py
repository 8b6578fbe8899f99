"""The comparison as one self-contained HTML page (inline CSS, no script, no network), and a
short HTML view for notebooks.

The page shows the outlets' claims side by side per cluster with loaded terms highlighted, the
conflicts and omissions with their evidence, the framing table and heatmap.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .._common.version import VERSION
from ..errors import ParameterError
from ..framing import what_each_outlet_calls
from ._page import Page
from ._sections import SECTIONS
from .highlight import _CATEGORIES, _OTHER, _slug
from .text import ComparisonTables, cell_html, summary

__all__ = ["to_html", "to_html_fragment"]


def to_html_fragment(result: ComparisonTables, *, max_rows: int = 20) -> str:
    """A short HTML view for notebooks: the summary, the conflicts and what outlets call actors.

    Examples
    --------
    >>> import claimcompare as cc
    >>> fragment = to_html_fragment(cc.compare(cc.load_corpus("seeds/")))
    >>> fragment.startswith("<pre>"), "renegade general" in fragment
    (True, True)
    """
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


def to_html(
    result: ComparisonTables, *, title: str = "claimcompare report", max_items: int | None = 500
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
    if max_items is not None and (
        isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1
    ):
        raise ParameterError(f"max_items must be a positive integer or None, got {max_items!r}")
    page = Page(result, max_items=max_items)
    sections = "".join(draw(page) for _, _, draw in SECTIONS)
    nav = "".join(f'<a href="#{key}">{label}</a>' for key, label, _ in SECTIONS)
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
        f"<title>{cell_html(title)}</title>"
        f"<style>{_CSS}{_category_css(categories)}</style></head>\n<body>"
        f'<header class="top"><h1>{cell_html(title)}</h1><p>{cell_html(subtitle)}</p></header>'
        f"<nav>{nav}</nav>"
        '<input type="checkbox" id="show-targets" class="toggle">'
        f"<main>{sections}"
        f"<footer>Made by claimcompare {cell_html(VERSION)}. Every finding points to claims "
        "by id; claim and term offsets are character offsets into each document's text."
        "</footer></main></body></html>\n"
    )
