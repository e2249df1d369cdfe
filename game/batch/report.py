"""Write batch rows to CSV and summarise them (mean and 95% interval of the score, alignment)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from types import TracebackType
from typing import Any

from game.batch.csvfile import CsvStream, write_csv
from game.batch.runner import BatchResult
from game.batch.stats import mean_interval

__all__ = ["BatchFiles", "RunSummary", "summary_lines", "write_batch", "write_csv"]


def write_batch(result: BatchResult, out: Path) -> tuple[Path, Path]:
    runs, turns = out / "runs.csv", out / "turns.csv"
    write_csv(runs, result.runs)
    write_csv(turns, result.turns)
    return runs, turns


class RunSummary:
    """The summary table, built one run row at a time (a few numbers per run, no rows kept)."""

    def __init__(self, parameters: tuple[str, ...] = ()) -> None:
        self.parameters = parameters
        self.states: list[str] = []
        self._scores: dict[tuple[Any, ...], list[float]] = defaultdict(list)
        self._wins: dict[tuple[Any, ...], int] = defaultdict(int)
        self._alignment: dict[tuple[Any, ...], dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(self, row: dict[str, Any]) -> None:
        if not self.states:
            self.states = [key[: -len("_us")] for key in row if key.endswith("_us")]
        key = (row["strategy"], *(row.get(p) for p in self.parameters))
        self._scores[key].append(row["score"])
        self._wins[key] += row["outcome"] == "victory"
        for state in self.states:
            self._alignment[key][state] += row[f"{state}_us"]

    def lines(self) -> list[str]:
        if not self._scores:
            return ["no runs"]
        header = ["strategy", *self.parameters, "runs", "score (95% CI)", "victory", *[s[:3] for s in self.states]]
        rows = [header]
        for key, scores in self._scores.items():
            count = len(scores)
            alignment = [f"{self._alignment[key][s] / count:.0f}" for s in self.states]
            wins = self._wins[key] / count
            rows.append([*map(str, key), str(count), str(mean_interval(scores)), f"{wins:.0%}", *alignment])
        lines = aligned(rows, left=1 + len(self.parameters))
        lines.append("(state columns: mean final US alignment, 0-100)")
        return lines


def aligned(rows: list[list[str]], left: int) -> list[str]:
    """Rows as text columns: the first `left` columns (names) flush left, the numbers flush right,
    so a column of scores reads down the page whatever the strategy's name."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def summary_lines(result: BatchResult) -> list[str]:
    """A plain-text table: per strategy (and swept values), the score and the final US alignment."""
    summary = RunSummary(result.parameters)
    for row in result.runs:
        summary.add(row)
    return summary.lines()


class BatchFiles:
    """runs.csv and turns.csv written row by row as a batch plays (`run_batch(on_rows=...)`)."""

    def __init__(self, out: Path, parameters: tuple[str, ...] = ()) -> None:
        self.runs_path, self.turns_path = out / "runs.csv", out / "turns.csv"
        self.summary = RunSummary(parameters)
        self._runs = CsvStream(self.runs_path)
        self._turns = CsvStream(self.turns_path)

    def __call__(self, run_row: dict[str, Any], turn_rows: list[dict[str, Any]]) -> None:
        self._runs.write(run_row)
        self._turns.write_all(turn_rows)
        self._runs.flush()  # a run at a time on disk: a stopped batch keeps every finished run
        self._turns.flush()
        self.summary.add(run_row)

    def close(self) -> None:
        self._runs.close()
        self._turns.close()

    def __enter__(self) -> BatchFiles:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
