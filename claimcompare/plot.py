"""Plots of a comparison: the framing heatmap (what each outlet calls each actor).

Plotting needs matplotlib, an optional extra: ``pip install "claimcompare[plot]"``. matplotlib
is imported only when a plot is drawn. Figures are built with :class:`matplotlib.figure.Figure`
directly, not through ``pyplot``: nothing is shown, no global state or backend is touched, and
the figure is returned for you to save or display (``ax.figure.savefig("framing.png")``).
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from .errors import ParameterError, require_columns

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FRAMING_VALUES", "framing_svg", "plot_framing"]

#: The columns of :func:`~claimcompare.framing.framing_table` a heatmap can show.
FRAMING_VALUES = ("net_polarity", "per_1000_words", "count", "quoted_count")

_VALUE_LABELS = {
    "net_polarity": "net polarity of the labels\n(-1 delegitimising, +1 legitimising)",
    "per_1000_words": "loaded labels per 1,000 words\nof the outlet's own voice",
    "count": "loaded labels",
    "quoted_count": "loaded labels in quoted speech",
}
_MISSING_MESSAGE = 'plotting needs matplotlib, an optional extra: pip install "claimcompare[plot]"'


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:  # the extra is not installed
        raise ImportError(_MISSING_MESSAGE) from exc
    return matplotlib


def _check(framing: pd.DataFrame, value: str) -> None:
    if value not in FRAMING_VALUES:
        raise ParameterError(f"value must be one of {list(FRAMING_VALUES)}, got {value!r}")
    require_columns(
        framing, ("actor", "outlet", "count", value), name="framing", made_by="framing_table"
    )


def _matrices(framing: pd.DataFrame, value: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(values, counts, labels)``: actors as rows, most labels first; outlets sorted."""
    table = framing.assign(actor=framing["actor"].astype(str), outlet=framing["outlet"].astype(str))
    totals = table.groupby("actor")["count"].sum()
    actors = sorted(totals.index, key=lambda a: (-int(totals[a]), a))
    outlets = sorted(table["outlet"].unique())
    values = table.pivot_table(index="actor", columns="outlet", values=value, aggfunc="first")
    counts = table.pivot_table(index="actor", columns="outlet", values="count", aggfunc="sum")
    values = values.reindex(index=actors, columns=outlets).astype(float)
    counts = counts.reindex(index=actors, columns=outlets).fillna(0).astype(int)
    labels = pd.DataFrame(None, index=actors, columns=outlets, dtype=object)
    if "labels" in table.columns:
        for actor, outlet, shown in table[["actor", "outlet", "labels"]].itertuples(index=False):
            labels.at[actor, outlet] = shown
    return values, counts, labels


def _tick(label: str, width: int) -> str:
    """Wrap a long label; escape ``$`` so that matplotlib does not read it as mathtext."""
    return textwrap.fill(label, width=width, break_long_words=False).replace("$", r"\$")


def _cell_text(value: str, v: float, n: int, labels: Any) -> str:
    if value == "net_polarity":
        head = f"{v:+.2f}  (n={n})"
    elif value == "per_1000_words":
        head = f"{v:.1f}  (n={n})"
    else:
        head = f"{v:.0f}"
    if isinstance(labels, tuple) and labels:
        shown = textwrap.fill(
            ", ".join(map(str, labels)),
            width=26,
            max_lines=2,
            placeholder=" ...",
            break_long_words=False,
            break_on_hyphens=False,
        )
        head += "\n" + shown.replace("$", r"\$")
    return head


def plot_framing(
    framing: pd.DataFrame,
    *,
    value: str = "net_polarity",
    ax: Axes | None = None,
    annotate: bool = True,
    title: str | None = None,
) -> Axes:
    """Heatmap of a framing table: actors as rows, outlets as columns.

    Parameters
    ----------
    framing : pandas.DataFrame
        As returned by :func:`~claimcompare.framing.framing_table` (``Comparison.framing``).
    value : {"net_polarity", "per_1000_words", "count", "quoted_count"}, default "net_polarity"
        The column shown by colour. ``net_polarity`` uses a diverging scale from -1 (red,
        delegitimising) to +1 (blue, legitimising); the others a sequential one from 0.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure sized to the table.
    annotate : bool, default True
        Write in each cell the value (with ``n=``, the number of labels, for rates and
        polarity) and the labels themselves when ``framing`` has the ``labels`` column.
    title : str, optional
        Default "What each outlet calls each actor".

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on; ``ax.figure`` is the figure. Cells without a label are grey.

    Raises
    ------
    ImportError
        When matplotlib is not installed (``pip install "claimcompare[plot]"``).

    Examples
    --------
    >>> import claimcompare as cc
    >>> result = cc.compare(cc.load_corpus("seeds/"))
    >>> ax = plot_framing(result.framing)
    >>> ax.get_ylabel(), ax.get_yticklabels()[0].get_text()
    ('actor', 'Khalifa Haftar')
    >>> ax.figure.savefig(io.BytesIO(), format="png")
    """
    _check(framing, value)
    _matplotlib()
    from matplotlib.figure import Figure

    values, counts, labels = _matrices(framing, value)
    n_rows, n_cols = values.shape
    if ax is None:
        per_row = 0.8 if annotate and "labels" in framing.columns else 0.55
        size = (min(3.0 + 2.0 * max(n_cols, 1), 16.0), min(1.6 + per_row * max(n_rows, 1), 24.0))
        ax = Figure(figsize=size, layout="constrained").add_subplot()
    ax.set_title(title if title is not None else "What each outlet calls each actor")
    if values.empty:
        ax.text(0.5, 0.5, "no loaded labels aimed at an actor", ha="center", va="center")
        ax.set_axis_off()
        return ax
    import matplotlib as mpl

    data = np.ma.masked_invalid(values.to_numpy(dtype=float))
    # The middle of the scales only, so that annotations stay readable in black on every cell.
    if value == "net_polarity":
        colours, vmin, vmax = mpl.colormaps["RdBu"](np.linspace(0.15, 0.85, 256)), -1.0, 1.0
    else:
        top = float(np.nanmax(values.to_numpy(dtype=float))) if data.count() else 1.0
        colours, vmin, vmax = mpl.colormaps["Oranges"](np.linspace(0.0, 0.6, 256)), 0.0, top
    cmap = mpl.colors.ListedColormap(colours).with_extremes(bad="#eeeeee")
    image = ax.imshow(data, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(n_cols), [_tick(str(o), 18) for o in values.columns], fontsize=9)
    ax.set_yticks(range(n_rows), [_tick(str(a), 28) for a in values.index], fontsize=9)
    ax.set_xlabel("outlet")
    ax.set_ylabel("actor")
    ax.tick_params(length=0)
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate:
        grid, uses = values.to_numpy(dtype=float), counts.to_numpy(dtype=int)
        for i, j in np.ndindex(n_rows, n_cols):
            if np.isnan(grid[i, j]):
                continue
            text = _cell_text(value, float(grid[i, j]), int(uses[i, j]), labels.iat[i, j])
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color="#1a1a1a")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label(_VALUE_LABELS[value], fontsize=8)
    return ax


_XML_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def framing_svg(framing: pd.DataFrame, *, value: str = "net_polarity") -> str:
    """The framing heatmap as an inline ``<svg>`` element, the same bytes for the same input.

    Text stays text (searchable, read by screen readers); element ids come from a fixed hash
    salt; the XML prolog and the metadata block (with its date) are left out, so the string can
    be pasted into an HTML page.

    Examples
    --------
    >>> import claimcompare as cc
    >>> framing = cc.compare(cc.load_corpus("seeds/")).framing
    >>> svg = framing_svg(framing)
    >>> svg.startswith("<svg"), "Khalifa Haftar" in svg, svg == framing_svg(framing)
    (True, True, True)
    """
    _check(framing, value)
    matplotlib = _matplotlib()
    settings = {"svg.hashsalt": "claimcompare", "svg.fonttype": "none", "font.size": 9}
    with matplotlib.rc_context(settings):
        figure = cast("Figure", plot_framing(framing, value=value).figure)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = _SVG_METADATA.sub("", _XML_PROLOG.sub("", buffer.getvalue(), count=1), count=1)
    return svg.strip() + "\n"
