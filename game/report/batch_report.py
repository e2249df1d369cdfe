"""The debrief of a batch: report.html from the runs.csv and turns.csv that `simulate` writes.

Runs are grouped by strategy and by every swept parameter (the columns `simulate` puts
between `difficulty` and `score`), so a sweep of `rules.window.strength=0,1,2` shows as
three groups per strategy.
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from pathlib import Path

from game.batch.stats import mean, mean_interval
from game.report.charts import Chart, drawing, series_colour
from game.report.page import Page

OUTCOMES = ("victory", "stalemate", "defeat")
OUTCOME_COLOURS = {"victory": "#009E73", "stalemate": "#BBBBBB", "defeat": "#D55E00"}


def is_batch_folder(folder: Path) -> bool:
    return (folder / "runs.csv").is_file() and (folder / "turns.csv").is_file()


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def swept_columns(header: list[str]) -> list[str]:
    """The parameter columns: between `difficulty` and `score` in runs.csv."""
    if "difficulty" in header and "score" in header:
        return header[header.index("difficulty") + 1 : header.index("score")]
    return []


def group_label(row: dict[str, str], swept: list[str]) -> str:
    return " · ".join([row["strategy"], *(f"{p.removeprefix('rules.')}={row[p]}" for p in swept)])


def build_batch_report(folder: Path, out: Path) -> Path:
    """Write `out/report.html` with the distribution, trajectory and outcome charts of a batch."""
    folder, out = Path(folder), Path(out)
    header, runs = _read(folder / "runs.csv")
    _, turns = _read(folder / "turns.csv")
    swept = swept_columns(header)
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in runs:
        groups[group_label(row, swept)].append(row)
    scenario = runs[0]["scenario"] if runs else "?"
    page = Page(f"Batch debrief: {_title(scenario)}", f"{len(runs)} headless campaigns from {folder}")
    page.fact("campaigns", len(runs))
    page.fact("groups", len(groups))
    page.fact("turns per game", max((int(r["turns_played"]) for r in runs), default=0))
    page.fact("seeds", len({r["seed"] for r in runs}))
    _scores(page, groups, out)
    _trajectories(page, turns, swept, list(groups), out)
    _outcomes(page, groups, out)
    _alignment_table(page, header, groups)
    return page.write(
        out / "report.html",
        footer="Crossroads batch debrief. Same seeds across groups: differences come from the strategy or the "
        "parameters, not from luck. Intervals are t-based 95% intervals of the mean.",
    )


def _scores(page: Page, groups: dict[str, list[dict[str, str]]], out: Path) -> None:
    rows = []
    for label, members in groups.items():
        scores = sorted(float(r["score"]) for r in members)
        interval = mean_interval(scores)
        q1, median, q3 = statistics.quantiles(scores, n=4, method="inclusive") if len(scores) > 1 else scores * 3
        rows.append(
            {
                "group": label,
                "n": len(scores),
                "mean": round(interval.estimate, 3),
                "ci_low": round(interval.low, 3),
                "ci_high": round(interval.high, 3),
                "min": scores[0],
                "q1": round(q1, 3),
                "median": round(median, 3),
                "q3": round(q3, 3),
                "max": scores[-1],
            }
        )
    chart = Chart(
        "scores",
        "Campaign score by strategy",
        "Each dot is one campaign; the box spans the middle half of the runs with the median inside; "
        "the black bar is the mean with its 95% interval.",
    )
    with drawing(out, chart, rows, height=1.4 + 0.45 * max(len(groups), 2)) as figure:
        axes = figure.add_subplot()
        labels = list(groups)
        data = [[float(r["score"]) for r in groups[label]] for label in labels]
        axes.boxplot(
            data,
            orientation="horizontal",
            tick_labels=labels,
            widths=0.5,
            showfliers=False,
            medianprops={"color": "#0072B2"},
        )
        for index, values in enumerate(data, start=1):
            offsets = [((k * 0.618) % 1 - 0.5) * 0.35 for k in range(len(values))]  # golden-ratio jitter: no RNG
            axes.scatter(
                values, [index + o for o in offsets], s=10, alpha=0.45, color=series_colour(index - 1), zorder=3
            )
        for index, row in enumerate(rows, start=1):
            axes.errorbar(
                row["mean"],
                index,
                xerr=[[row["mean"] - row["ci_low"]], [row["ci_high"] - row["mean"]]],
                fmt="s",
                color="black",
                markersize=4,
                capsize=3,
                zorder=4,
            )
        axes.invert_yaxis()
        axes.set_xlabel("campaign score (mean US position over the game)")
    page.section("Scores", "How each strategy (and parameter setting) scored over the same seeds.")
    page.figure(chart)
    page.table(
        ["group", "runs", "mean [95% CI]", "median", "min", "max"],
        [
            [
                r["group"],
                r["n"],
                f"{r['mean']:.1f} [{r['ci_low']:.1f}, {r['ci_high']:.1f}]",
                f"{r['median']:.1f}",
                f"{r['min']:.1f}",
                f"{r['max']:.1f}",
            ]
            for r in rows
        ],
        numeric=(1, 2, 3, 4, 5),
    )
    page.end_section()


def _trajectories(page: Page, turns: list[dict[str, str]], swept: list[str], order: list[str], out: Path) -> None:
    positions: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in turns:
        positions[group_label(row, swept)][int(row["turn"])].append(float(row["position"]))
    rows = []
    for label in order:
        for turn, values in sorted(positions[label].items()):
            interval = mean_interval(values)
            rows.append(
                {
                    "group": label,
                    "turn": turn,
                    "n": len(values),
                    "mean": round(interval.estimate, 3),
                    "ci_low": round(interval.low, 3),
                    "ci_high": round(interval.high, 3),
                }
            )
    chart = Chart(
        "positions",
        "The US position over the game, by strategy",
        "The mean US position each turn, with a band for its 95% interval.",
    )
    with drawing(out, chart, rows, height=3.8) as figure:
        axes = figure.add_subplot()
        for index, label in enumerate(order):
            series = [r for r in rows if r["group"] == label]
            colour = series_colour(index)
            x = [r["turn"] for r in series]
            axes.fill_between(
                x, [r["ci_low"] for r in series], [r["ci_high"] for r in series], color=colour, alpha=0.18, linewidth=0
            )
            axes.plot(x, [r["mean"] for r in series], color=colour, linewidth=2, label=label)
        axes.set_xlabel("turn (one quarter)")
        axes.set_ylabel("US position")
        axes.legend(loc="upper left", ncols=2 if len(order) > 4 else 1)
    page.section(
        "Over time",
        "Where each strategy stood, quarter by quarter. Soft power pays late (C5, C6); early effort pays longer (C7).",
    )
    page.figure(chart)
    page.end_section()


def _outcomes(page: Page, groups: dict[str, list[dict[str, str]]], out: Path) -> None:
    rows = []
    for label, members in groups.items():
        counts = {o: sum(r["outcome"] == o for r in members) for o in OUTCOMES}
        rows.append(
            {"group": label, "n": len(members), **{f"{o}_share": round(counts[o] / len(members), 4) for o in OUTCOMES}}
        )
    chart = Chart(
        "outcomes",
        "Win rates",
        "The share of campaigns that ended in victory, stalemate or defeat, by the scenario's thresholds.",
    )
    with drawing(out, chart, rows, height=1.2 + 0.4 * max(len(groups), 2)) as figure:
        axes = figure.add_subplot()
        labels = [r["group"] for r in rows]
        left = [0.0] * len(rows)
        for outcome in OUTCOMES:
            widths = [r[f"{outcome}_share"] * 100 for r in rows]
            axes.barh(labels, widths, left=left, color=OUTCOME_COLOURS[outcome], label=outcome)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        axes.invert_yaxis()
        axes.set_xlim(0, 100)
        axes.set_xlabel("% of campaigns")
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3)
        axes.grid(axis="y", alpha=0)
    page.section("Win rates")
    page.figure(chart)
    page.end_section()


def _alignment_table(page: Page, header: list[str], groups: dict[str, list[dict[str, str]]]) -> None:
    states = [column.removesuffix("_us") for column in header if column.endswith("_us")]
    if not states:
        return
    page.section("Where the US ended", "Mean final US alignment (0–100) in each state.")
    page.table(
        ["group", *[s.capitalize() for s in states]],
        [
            [label, *(f"{mean([float(r[f'{s}_us']) for r in members]):.0f}" for s in states)]
            for label, members in groups.items()
        ],
        numeric=tuple(range(1, len(states) + 1)),
    )
    page.end_section()


def _title(scenario_id: str) -> str:
    """The scenario's title when its file is among the shipped scenarios, else its id."""
    from game.content.loader import check_scenario

    path = Path(__file__).resolve().parents[2] / "scenarios" / f"{scenario_id}.yaml"
    scenario, _ = check_scenario(path) if path.is_file() else (None, [])
    return f"{scenario.about.title} ({scenario_id})" if scenario is not None else scenario_id
