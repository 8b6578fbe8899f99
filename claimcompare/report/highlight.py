"""Loaded terms highlighted in escaped HTML, with the colours of the lexicon's categories."""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .text import cell_html, cell_text

__all__ = ["highlight_terms"]

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


def _slug(category: str) -> str:
    return _SLUG.sub("-", category.lower()).strip("-") or "other"


def _term_tag(term: Mapping[str, Any]) -> str:
    category = cell_text(term.get("category")) or "other"
    voice = cell_text(term.get("voice")) or "outlet"
    target = cell_text(term.get("target"))
    speaker = cell_text(term.get("speaker"))
    lines = [
        f"{cell_text(term.get('term'))}: {category.replace('_', ' ')}",
        f"entry: {cell_text(term.get('entry'))}",
        f"voice: {voice}" + (f" ({speaker})" if speaker and voice != "outlet" else ""),
        f"target: {target or 'none'}",
    ]
    attrs = [
        f'class="term cat-{_slug(category)} v-{_slug(voice)}"',
        f'data-category="{cell_html(category)}"',
        f'data-voice="{cell_html(voice)}"',
        f'title="{cell_html(chr(10).join(lines))}"',
    ]
    if target:
        attrs.append(f'data-target="{cell_html(target)}"')
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
