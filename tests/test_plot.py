"""The framing heatmap: values, axes, bad input, the optional matplotlib extra, a stable SVG."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import claimcompare as cc
from claimcompare.document import Corpus


@pytest.fixture(scope="module")
def result(seeds: Corpus) -> cc.Comparison:
    return cc.compare(seeds)


def test_plot_framing_values(result: cc.Comparison) -> None:
    pytest.importorskip("matplotlib")
    from claimcompare.plot import plot_framing

    ax = result.plot_framing()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "Khalifa Haftar"  # most labels first
    assert {t.get_text() for t in ax.get_xticklabels()} >= {"Ansar Press", "Iran Press TV"}
    image = ax.get_images()[0]
    assert image.get_clim() == (-1.0, 1.0)
    rate = plot_framing(result.framing, value="per_1000_words")
    assert rate.get_images()[0].get_clim()[0] == 0.0
    cells = [t.get_text() for t in ax.texts]
    assert any(t.startswith("-1.00  (n=18)") and "rebels" in t for t in cells)


def test_plot_framing_on_given_axes_and_empty(result: cc.Comparison) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from claimcompare.plot import plot_framing

    ax = Figure().add_subplot()
    assert plot_framing(result.framing, ax=ax, annotate=False) is ax
    assert not ax.texts
    empty = plot_framing(result.framing.iloc[0:0])
    assert "no loaded labels" in empty.texts[0].get_text()


def test_plot_framing_rejects_bad_input(result: cc.Comparison) -> None:
    pytest.importorskip("matplotlib")
    from claimcompare.plot import plot_framing

    with pytest.raises(ValueError, match="value must be one of"):
        plot_framing(result.framing, value="nope")
    with pytest.raises(ValueError, match="lacks column"):
        plot_framing(pd.DataFrame({"actor": ["x"]}))
    with pytest.raises(ValueError, match="must be a DataFrame"):
        plot_framing([1, 2])  # type: ignore[arg-type]


def test_plot_needs_the_extra(result: cc.Comparison, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcompare.plot import plot_framing

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r'pip install "claimcompare\[plot\]"'):
        plot_framing(result.framing)


def test_svg_is_deterministic(result: cc.Comparison) -> None:
    pytest.importorskip("matplotlib")
    from claimcompare.plot import framing_svg

    first = framing_svg(result.framing)
    assert first == framing_svg(result.framing.sample(frac=1.0, random_state=3))
    assert first.startswith("<svg") and 'id="figure_1"' in first
