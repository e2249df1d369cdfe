"""Write batch rows to CSV and summarise them (mean and 95% interval of the score, alignment)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

from game.batch.runner import BatchResult
from game.batch.stats import mean, mean_interval


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write rows with a header from the first row's keys (all rows share them); LF line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        if not rows:
            return
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_batch(result: BatchResult, out: Path) -> tuple[Path, Path]:
    runs, turns = out / "runs.csv", out / "turns.csv"
    write_csv(runs, result.runs)
    write_csv(turns, result.turns)
    return runs, turns


def summary_lines(result: BatchResult) -> list[str]:
    """A plain-text table: per strategy (and swept values), the score and the final US alignment."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in result.runs:
        groups[(row["strategy"], *(row[p] for p in result.parameters))].append(row)
    if not result.runs:
        return ["no runs"]
    states = [key[: -len("_us")] for key in result.runs[0] if key.endswith("_us")]
    header = ["strategy", *result.parameters, "runs", "score (95% CI)", "victory", *[s[:3] for s in states]]
    lines = ["  ".join(header)]
    for key, rows in groups.items():
        interval = mean_interval([r["score"] for r in rows])
        wins = sum(r["outcome"] == "victory" for r in rows) / len(rows)
        alignment = [f"{mean([r[f'{s}_us'] for r in rows]):.0f}" for s in states]
        lines.append("  ".join([*map(str, key), str(len(rows)), str(interval), f"{wins:.0%}", *alignment]))
    lines.append("(state columns: mean final US alignment, 0-100)")
    return lines
