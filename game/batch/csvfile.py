"""The one CSV writer every output uses, so no text from a scenario or a team runs as a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some with a leading tab
or carriage return) as a formula, so a state or grade named `=HYPERLINK(...)` would act when
a teacher opens runs.csv. Following OWASP's advice on CSV injection, such text cells get a
leading single quote; numbers are written as numbers, negative ones included.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, quoted; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe(row: dict[str, Any]) -> dict[str, Any]:
    return {neutralise(key): neutralise(value) for key, value in row.items()}


class CsvStream:
    """Rows written as they arrive (header from the first row), so memory stays flat.

    Use as a context manager; nothing but the header line is buffered between rows.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._handle: IO[str] = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self._writer: csv.DictWriter[str] | None = None
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        if self._writer is None:
            self._writer = csv.DictWriter(self._handle, fieldnames=[neutralise(k) for k in row], lineterminator="\n")
            self._writer.writeheader()
        self._writer.writerow(_safe(row))
        self.rows += 1

    def write_all(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.write(row)

    def flush(self) -> None:
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvStream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def write_csv(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write rows with a header from the first row's keys (all rows share them); LF line ends."""
    with CsvStream(path) as stream:
        stream.write_all(rows)
