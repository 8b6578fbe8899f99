"""The HTML report in a real headless browser: Debian's Chromium driven by Playwright.

Skipped where /usr/bin/chromium or playwright is missing, except on CI (``CI=true``), which
installs Chromium: there a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimcompare as cc
from claimcompare.document import Corpus

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{reason}; CI must install it (apt-get install chromium; pip install playwright)"
        )
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def result(seeds: Corpus) -> cc.Comparison:
    return cc.compare(seeds)


@pytest.fixture(scope="module")
def report(result: cc.Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    result.to_html(path)
    return path


def _open(browser: Any, path: Path, *, width: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    problems += [f"request to {url}" for url in requests if not url.startswith(("file:", "data:"))]
    return context, page, problems


def test_report_in_chromium(
    browser: Any, result: cc.Comparison, report: Path, tmp_path: Path
) -> None:
    context, page, problems = _open(browser, report, width=1280)
    try:
        assert page.title() == "claimcompare report"
        for section in ("summary", "legend", "conflicts", "clusters", "framing", "heatmap",
                        "omissions", "documents"):  # fmt: skip
            assert page.locator(f"section#{section}").is_visible(), section
        # a loaded label in an aligned claim, highlighted, with its category and target in its
        # tooltip (taken from the comparison, so that alignment changes do not break the test)
        terms = result.loaded_terms
        clustered = set(result.alignment.clusters.claim_id)
        shown = terms[
            terms.claim_id.isin(clustered)
            & (terms.voice == "outlet")
            & terms.target.notna()
            & terms.category.str.endswith("_label")
        ].iloc[0]
        renegade = page.locator("#clusters mark.term", has_text=str(shown.term)).first
        assert renegade.is_visible()
        title = renegade.get_attribute("title") or ""
        category = str(shown.category).replace("_", " ")
        assert category in title and f"target: {shown.target}" in title
        background = renegade.evaluate("e => getComputedStyle(e).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        # quoted-voice terms are styled apart: dashed outline, no fill
        quoted = page.locator("mark.term.v-quoted").first
        assert quoted.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        # one column per outlet, side by side at desktop width
        first = page.locator("article.cluster").first
        columns = first.locator(".side > .outlet")
        assert columns.count() == 3
        tops = {round(columns.nth(k).bounding_box()["y"]) for k in range(3)}
        assert len(tops) == 1
        pairs = result.conflicts[["claim_a", "claim_b"]].drop_duplicates()
        assert page.locator("#conflicts li.finding").count() == len(result.conflicts)
        assert page.locator("#conflicts article.pair").count() == len(pairs)
        assert page.locator("#heatmap svg").is_visible()
        # the toggle shows each term's target next to it, without script
        page.locator("label[for=show-targets]").click()
        after = renegade.evaluate("e => getComputedStyle(e, '::after').content")
        assert str(shown.target) in after
        # in-page links go where they say
        cluster = int(result.conflicts.cluster_id.iloc[0])
        page.locator(f"#conflicts a[href='#cluster-{cluster}']").first.click()
        assert page.evaluate("location.hash") == f"#cluster-{cluster}"
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000
        assert problems == []
    finally:
        context.close()


def test_report_at_phone_width(browser: Any, report: Path, tmp_path: Path) -> None:
    context, page, problems = _open(browser, report, width=390)
    try:
        # nothing wider than the screen but the tables, which scroll in their own box
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 390
        columns = page.locator("article.cluster").first.locator(".side > .outlet")
        xs = {round(columns.nth(k).bounding_box()["x"]) for k in range(3)}
        assert len(xs) == 1  # stacked
        page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        assert (tmp_path / "phone.png").stat().st_size > 20_000
        assert problems == []
    finally:
        context.close()
