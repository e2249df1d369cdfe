"""The scenario files the player can choose from, each checked by the validator first."""

from __future__ import annotations

from pathlib import Path

import attrs

from game.content.library import DEFAULT_FILE, SCENARIO_DIR
from game.content.loader import check_scenario
from game.content.scenario import Scenario


@attrs.frozen
class Entry:
    """One file: its scenario if valid, otherwise its problems in plain words.

    `warnings` are what `validate` would warn about a playable file (e.g. a shortened campaign
    that kept its parent's thresholds), so an author who only uses the window still sees them.
    """

    path: Path
    scenario: Scenario | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.scenario.about.title if self.scenario else self.path.name


def plain(problem: object) -> str:
    """'line 12, column 3: unknown state …' — the place and message without jargon."""
    line, column = getattr(problem, "line", 0), getattr(problem, "column", 0)
    message = getattr(problem, "message", str(problem))
    return f"line {line}, column {column}: {message}" if line else str(message)


def check(path: Path) -> Entry:
    try:
        scenario, problems = check_scenario(path)
    except Exception as error:  # the loader should never raise, but a menu must never crash
        return Entry(path, None, (f"could not be read: {error}",))
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    if scenario is None or errors:
        return Entry(path, None, tuple(plain(p) for p in errors) or ("could not be loaded",))
    return Entry(path, scenario, (), tuple(plain(p) for p in problems))


def scan(folder: Path | None = None) -> list[Entry]:
    """Every *.yaml / *.yml file in the folder (default scenarios/), valid ones first."""
    folder = folder or SCENARIO_DIR
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
    entries = [check(path) for path in files]
    return sorted(entries, key=lambda entry: entry.scenario is None)


def default_index(entries: list[Entry]) -> int:
    """The entry to select first: window-2023.yaml if it is there and valid, else the first valid one."""
    for i, entry in enumerate(entries):
        if entry.path.name == DEFAULT_FILE and entry.scenario is not None:
            return i
    return 0
