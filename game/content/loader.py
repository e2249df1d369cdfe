"""Load a scenario file: read YAML safely, structure it strictly, check cross-references.

`check_scenario` never raises for bad content: it returns every problem found, sorted,
each as `file:line:column`. `load_scenario` raises one `ScenarioError` holding them all.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from game.content import scenario as scenario_module
from game.content.scenario import FORMAT_VERSION, Scenario
from game.content.structure import issues_from, make_converter
from game.content.validator import validate_references
from game.content.yamlread import Document, Problem, YamlProblem, read_yaml_file

attrs.resolve_types(Scenario, vars(scenario_module))
_CONVERTER = make_converter()


class ScenarioError(Exception):
    """A scenario file has problems; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def place(document: Document, path: tuple[str | int, ...], message: str, *, at_key: bool = False, code: str = "invalid", severity: str = "error") -> Problem:
    """A problem at the line and column where `path` is written in the document."""
    line, column = document.mark(path, key=at_key)
    where = _path_text(path)
    text = f"{where}: {message}" if where else message
    return Problem(document.file, line, column, text, severity=severity, code=code)


def _path_text(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def structure_document(document: Document) -> tuple[Scenario | None, list[Problem]]:
    """Structure a read document into a `Scenario`, returning it and every problem found."""
    data = document.data
    version = data.get("format_version")
    if version is None:
        return None, [Problem(document.file, 1, 1, "missing 'format_version' (add 'format_version: 1' at the top)", code="missing-key")]
    if version != FORMAT_VERSION:
        return None, [place(document, ("format_version",), f"format_version {version!r} is not supported; this game reads version {FORMAT_VERSION}", code="version")]
    try:
        scenario = _CONVERTER.structure(data, Scenario)
    except Exception as error:  # noqa: BLE001 - every structuring failure becomes a placed problem
        problems = [place(document, issue.path, issue.message, at_key=issue.at_key, code=issue.code) for issue in issues_from(error)]
        return None, sorted(set(problems), key=_order)
    problems = [place(document, path, message, code=code, severity=severity) for path, message, code, severity in validate_references(scenario)]
    return scenario, sorted(set(problems), key=_order)


def _order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.message)


def check_scenario(path: str | Path) -> tuple[Scenario | None, list[Problem]]:
    """Load and check a scenario; never raises for bad content."""
    try:
        document = read_yaml_file(path)
    except YamlProblem as error:
        return None, [error.problem]
    scenario, problems = structure_document(document)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return scenario, problems


def load_scenario(path: str | Path) -> Scenario:
    """Load a scenario or raise `ScenarioError` listing every problem."""
    scenario, problems = check_scenario(path)
    errors = [p for p in problems if p.severity == "error"]
    if scenario is None or errors:
        raise ScenarioError(errors or problems)
    return scenario
