"""The HTML report and the term highlighter (the framing heatmap: test_plot.py)."""

from __future__ import annotations

import ast
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimcompare as cc
import claimcompare.report
from claimcompare.document import Corpus, Document
from claimcompare.report import highlight_terms, to_html

SECTIONS = ("summary", "legend", "conflicts", "clusters", "framing", "heatmap", "omissions")


@pytest.fixture(scope="module")
def result(seeds: Corpus) -> cc.Comparison:
    return cc.compare(seeds)


@pytest.fixture(scope="module")
def page(result: cc.Comparison) -> str:
    return result.to_html()


class _Checker(HTMLParser):
    """Records tags and checks that every non-void element is closed in order."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "path", "use", "image", "rect"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    return checker


# --- the highlighter ------------------------------------------------------------------------------


def _term(start: int, end: int, **extra: Any) -> dict[str, Any]:
    row = {"start": start, "end": end, "term": "x", "entry": "x", "category": "emotive"}
    row |= {"voice": "outlet", "target": None, "speaker": None}
    return row | extra


def test_highlight_nests_and_splits_crossing_terms() -> None:
    text = 'what it called "terrorist groups" here'
    terms = [_term(16, 25, category="delegitimising_label"), _term(15, 33, category="scare_quote")]
    out = highlight_terms(text, terms)
    assert out.count("<mark") == 2
    assert re.sub(r"<[^>]+>", "", html.unescape(out)) == text
    # A term that crosses the end of the open one is split, so tags always nest.
    crossing = highlight_terms("abcdefgh", [_term(0, 4), _term(2, 6)])
    assert not _parse(crossing).errors
    assert crossing.count("<mark") == 3
    assert re.sub(r"<[^>]+>", "", crossing) == "abcdefgh"


def test_highlight_uses_claim_offsets_and_clips() -> None:
    # The claim starts at 100 in its document; terms point into the document.
    out = highlight_terms("Rebels took Sirte.", [_term(100, 106), _term(90, 95)], offset=100)
    assert out.startswith("<mark") and ">Rebels</mark> took Sirte." in out
    assert out.count("<mark") == 1


def test_highlight_escapes_text_and_attributes() -> None:
    terms = [_term(0, 8, target='<b onload="x">', category='bad"cat <x>')]
    out = highlight_terms("<script>alert(1)</script>", terms)
    assert "<script" not in out and "<b " not in out
    assert 'class="term cat-bad-cat-x v-outlet"' in out
    assert not _parse(out).errors


spans = st.lists(
    st.tuples(st.integers(-3, 40), st.integers(-3, 40)).map(lambda p: (min(p), max(p))),
    max_size=8,
)


@given(text=st.text(alphabet="ab<>&\"' \n", max_size=30), spans=spans, offset=st.integers(0, 5))
def test_highlight_round_trips_and_is_well_formed(
    text: str, spans: list[tuple[int, int]], offset: int
) -> None:
    out = highlight_terms(text, [_term(s, e) for s, e in spans], offset=offset)
    checker = _parse(out)
    assert not checker.errors and not checker.stack
    assert "".join(checker.text) == text
    inside = [(max(s - offset, 0), min(e - offset, len(text))) for s, e in spans]
    assert out.count("<mark") >= sum(1 for s, e in inside if e > s)


# --- the page ------------------------------------------------------------------------------------


def test_page_is_well_formed_with_its_sections(page: str) -> None:
    checker = _parse(page)
    assert not checker.errors, checker.errors[:5]
    assert checker.stack == []
    ids = {attrs.get("id") for _, attrs in checker.tags}
    assert set(SECTIONS) | {"documents"} <= ids
    # Every in-page link points to an element of the page.
    links = {a["href"] for tag, a in checker.tags if tag == "a" and a.get("href")}
    assert links and all(link.startswith("#") and link[1:] in ids for link in links)


def test_page_is_self_contained(page: str) -> None:
    checker = _parse(page)
    for tag, attrs in checker.tags:
        for name in ("src", "href", "xlink:href", "action", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (tag, name, value)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", page)
    assert "@import" not in page and "<script" not in page
    assert not any(tag == "link" and a.get("rel") == "stylesheet" for tag, a in checker.tags)
    # The documents' own url is shown as text, not as a link.
    assert "https://www.ansarpress.com/english/10608" in page
    assert 'href="https://www.ansarpress.com' not in page


def test_page_marks_every_loaded_term_with_its_target(result: cc.Comparison, page: str) -> None:
    marks = re.findall(r"<mark class=\"term cat-([\w-]+) v-(\w+)\"[^>]*>", page)
    assert {"delegitimising_label", "legitimising_label", "emotive"} <= {c for c, _ in marks}
    assert {"outlet", "quoted"} <= {v for _, v in marks}
    renegade = re.search(r'<mark [^>]*title="renegade general: [^"]*"[^>]*>renegade general<', page)
    assert renegade is not None
    assert 'data-target="Khalifa Haftar"' in renegade.group(0)
    assert "voice: outlet" in renegade.group(0)
    # In the documents section every loaded term of every document is marked once.
    docs = page[page.index('id="documents"') :]
    assert docs.count("<mark") >= len(result.loaded_terms)


def test_page_sections_carry_the_evidence(result: cc.Comparison, page: str) -> None:
    conflicts = page[page.index('id="conflicts"') : page.index('id="clusters"')]
    assert conflicts.count('<li class="finding"') == len(result.conflicts)
    # one card per pair of claims, whatever the number of findings between them
    pairs = result.conflicts[["claim_a", "claim_b"]].drop_duplicates()
    assert conflicts.count('class="card pair"') == len(pairs)
    # every finding with its explanation and both claims as evidence, terms highlighted
    for row in result.conflicts.itertuples():
        assert html.escape(row.explanation, quote=True) in conflicts
        for claim_id in (row.claim_a, row.claim_b):
            assert f'<span class="id">{claim_id}</span>' in conflicts
    n_marks = result.loaded_terms.claim_id.isin(set(pairs.claim_a) | set(pairs.claim_b)).sum()
    assert conflicts.count("<mark") >= n_marks
    clusters = page[page.index('id="clusters"') : page.index('id="framing"')]
    members = result.alignment.clusters
    n_clusters = members.cluster_id.nunique()
    assert clusters.count('class="card cluster"') == n_clusters
    # one column per outlet in every cluster, an empty one says so
    assert clusters.count('<div class="outlet">') == 3 * n_clusters
    empty = sum(3 - n for n in members.groupby("cluster_id").outlet.nunique())
    assert clusters.count("not reported by this outlet") == empty
    framing = page[page.index('id="framing"') : page.index('id="heatmap"')]
    assert "renegade general" in framing and "strongman (1)" in framing
    omissions = page[page.index('id="omissions"') : page.index('id="documents"')]
    for n in set(result.omissions.n_carrying):
        assert f"carried by {n} other outlet" in omissions
    assert omissions.count("<li>") == len(result.omissions)


def test_page_escapes_user_text() -> None:
    docs = [
        Document(
            doc_id="a",
            outlet="<b>Wire</b>",
            title="A & B <i>",
            text='Renegade general Khalifa Haftar took Sirte. "<script>x</script>" said.',
        ),
        Document(doc_id="b", outlet="Other", text="Khalifa Haftar's forces took Sirte."),
    ]
    page = cc.compare(Corpus(docs)).to_html(title="<Report>")
    assert "<script>x" not in page and "<b>Wire" not in page
    assert "&lt;b&gt;Wire&lt;/b&gt;" in page and "&lt;Report&gt;" in page
    assert not _parse(page).errors
    markdown = cc.compare(Corpus(docs)).to_markdown()
    assert "<script>" not in markdown and "<b>Wire" not in markdown
    assert "&lt;b&gt;Wire&lt;/b&gt;" in markdown


def test_summary_counts_omitted_claims_not_pairs(result: cc.Comparison) -> None:
    line = result.summary().splitlines()[-1]
    claims = result.omissions["claim_ids"].nunique()
    assert line == (
        f"omissions: {claims} claims carried by some outlets and not others "
        f"({len(result.omissions)} (outlet, claim) pairs)"
    )
    assert claims <= len(result.claims)


def test_page_is_deterministic_and_written(
    result: cc.Comparison, page: str, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    assert result.to_html(path) == page
    assert path.read_text(encoding="utf-8") == page
    shuffled = cc.compare(Corpus(list(result.corpus)[::-1]))
    assert to_html(shuffled).count("<mark") == page.count("<mark")


def test_max_items_bounds_the_page(result: cc.Comparison) -> None:
    small = result.to_html(max_items=2)
    checker = _parse(small)
    assert not checker.errors
    ids = {attrs.get("id") for _, attrs in checker.tags}
    links = {a["href"][1:] for tag, a in checker.tags if tag == "a" and a.get("href")}
    assert links <= ids  # no link to a card left out
    pairs = result.conflicts[["claim_a", "claim_b"]].drop_duplicates()
    assert small.count('class="card pair"') == 2
    assert f"{len(pairs) - 2} more pairs of claims not shown" in small
    # the clusters of the shown conflicts are kept first
    shown = [int(i.split("-")[1]) for i in ids if i and i.startswith("cluster-")]
    n_clusters = result.alignment.clusters.cluster_id.nunique()
    assert 2 <= len(shown) <= 2 + 2 and f"{n_clusters - len(shown)} more clusters" in small
    assert small.count('<details class="doc" id="doc-') == 2
    assert "3 more documents not shown" in small
    lists = [
        len(group[group.n_carrying > 1]) if wide else len(group[group.n_carrying <= 1])
        for _, group in result.omissions.groupby("outlet")
        for wide in (True, False)
    ]
    for n in lists:
        if n > 2:
            assert f"{n - 2} more claims not shown" in small
    omissions = small[small.index('id="omissions"') : small.index('id="documents"')]
    assert omissions.count("<li>") == sum(min(n, 2) for n in lists)
    assert "not shown" not in result.to_html(max_items=None)
    with pytest.raises(ValueError, match="max_items must be a positive integer"):
        result.to_html(max_items=0)


def test_heatmap_is_an_inline_svg(page: str) -> None:
    heatmap = page[page.index('id="heatmap"') : page.index('id="omissions"')]
    assert "<svg" in heatmap and "<?xml" not in heatmap and "<!DOCTYPE svg" not in heatmap
    assert "Khalifa Haftar" in heatmap and "Iran Press TV" in heatmap
    assert "<metadata" not in heatmap


def test_page_says_when_matplotlib_is_missing(
    result: cc.Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    page = result.to_html()
    heatmap = page[page.index('id="heatmap"') : page.index('id="omissions"')]
    assert "<svg" not in heatmap and 'pip install "claimcompare[plot]"' in html.unescape(heatmap)


def test_notebook_repr(result: cc.Comparison) -> None:
    fragment = result._repr_html_()
    assert fragment.startswith("<pre>5 documents from 3 outlets")
    assert "renegade general" in fragment and "<table" in fragment


def test_reports_sit_below_the_comparison() -> None:
    # The comparison's methods call the reports, never the other way round.
    folder = Path(claimcompare.report.__file__).parent
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("compare"), (path.name, node.module)
                assert not (node.module or "").startswith("claimcompare.compare"), path.name
