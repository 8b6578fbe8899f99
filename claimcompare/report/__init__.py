"""Reports of a comparison: a summary, Markdown, one self-contained HTML page, a notebook view.

:func:`highlight_terms` is the highlighter the page uses, for your own pages. Reports read only
the tables of a :class:`~claimcompare.compare.Comparison` (see :class:`ComparisonTables`).
"""

from __future__ import annotations

from .highlight import highlight_terms
from .html import to_html, to_html_fragment
from .markdown import to_markdown
from .text import ComparisonTables, blindspots, summary

__all__ = [
    "ComparisonTables",
    "blindspots",
    "highlight_terms",
    "summary",
    "to_html",
    "to_html_fragment",
    "to_markdown",
]
