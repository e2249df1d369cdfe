"""Drawing and saving charts: one PNG and the CSV behind it, side by side, for every chart.

matplotlib is imported only when a chart is drawn, and always through the object API
(`Figure`, no pyplot) inside an `rc_context`, so nothing global changes and no window
backend is ever touched: the Agg renderer writes the PNG.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from game.batch.report import write_csv
from game.content.powers import PowerTable

DPI = 110
LINE_STYLES = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}


def power_style(table: PowerTable, power: str) -> dict[str, Any]:
    """A power's line from the power table: its colour for white paper and its own line style,
    so a grey printout still tells the powers apart."""
    row = table[power]
    return {"color": row.look.paper_colour, "linestyle": LINE_STYLES[row.look.line], "label": row.short}


TRACK_COLOURS = {"soft_power": "#009E73", "trade": "#56B4E9", "diplomacy": "#CC79A7"}
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#B59B00")
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9.5,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


@attrs.frozen
class Chart:
    """A chart as the page shows it: file stem (`stem`.png and `stem`.csv), title and caption."""

    stem: str
    title: str
    caption: str

    @property
    def image(self) -> str:
        return f"{self.stem}.png"

    @property
    def data(self) -> str:
        return f"{self.stem}.csv"


@contextlib.contextmanager
def drawing(
    out: Path, chart: Chart, rows: Sequence[dict[str, Any]], width: float = 8.0, height: float = 3.6
) -> Iterator[Any]:
    """Yield a blank Figure; on exit save it as `chart.image` and the rows as `chart.data` in `out`."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / chart.data, list(rows))
    with rc_context(STYLE):
        figure = Figure(figsize=(width, height), layout="constrained")
        yield figure
        # No "Software" stamp: the same data gives the same bytes, whatever matplotlib version wrote it.
        figure.savefig(out / chart.image, dpi=DPI, metadata={"Software": None})


def series_colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def shorten(text: str, width: int = 42) -> str:
    """Long ledger descriptions cut to fit a bar label."""
    return text if len(text) <= width else text[: width - 1] + "…"
