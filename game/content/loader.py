"""Load a scenario file: read YAML safely, structure it strictly, check cross-references.

`check_scenario` never raises for bad content: it returns every problem found, sorted,
each as `file:line:column`. `load_scenario` raises one `ScenarioError` holding them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from game.content import scenario as scenario_module
from game.content.scenario import FORMAT_VERSION, Scenario
from game.content.structure import Structured, StructureIssue, describe, make_converter, structure_all
from game.content.validator import Finding, validate_references
from game.content.yamlread import Document, Path_, Problem

attrs.resolve_types(Scenario, vars(scenario_module))
_CONVERTER = make_converter()


class ScenarioError(Exception):
    """A scenario file has problems; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def place(
    document: Document,
    path: Path_,
    message: str,
    *,
    at_key: bool = False,
    code: str = "invalid",
    severity: str = "error",
    whole_mapping: bool = False,
) -> Problem:
    """A problem at the line and column where `path` is written in the document.

    `whole_mapping` is for problems about a mapping as a whole (a missing key): they are
    placed at the mapping's own key, where the author would add the missing line.
    """
    line, column = document.mapping_mark(path) if whole_mapping else document.mark(path, key=at_key)
    where = _path_text(path, document.data)
    text = f"{where}: {message}" if where else message
    return Problem(document.file_for(path), line, column, text, severity=severity, code=code)


def _path_text(path: Path_, data: object = None) -> str:
    """`states['kazakhstan'].alignment.us`: the path as an author would point at it.

    An item with an id is named by its id, not by its place in the merged list: after
    `extends:` that place is not in any file the author wrote.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            item = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            text += f"['{item_id}']" if isinstance(item_id, str) and item_id else f"[{part}]"
            data = item
        else:
            text += f".{part}" if text else str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return text


def structure_document(document: Document) -> tuple[Scenario | None, list[Problem]]:
    """Structure a read document into a `Scenario`, returning it and every problem found.

    The scenario is None whenever any error was found, even if a repaired version could be
    built for the cross-reference checks: a repaired scenario is never played.
    """
    problems = list(document.problems)
    data = document.data
    if "format_version" not in data:
        message = f"missing 'format_version': add 'format_version: {FORMAT_VERSION}' as the first line"
        problems.append(Problem(document.file, 1, 1, message, code="missing-key"))
        data = {"format_version": FORMAT_VERSION, **data}
    elif data["format_version"] != FORMAT_VERSION or isinstance(data["format_version"], bool):
        message = _version_message(data["format_version"])
        return None, _sorted([*problems, place(document, ("format_version",), message, code="version")])
    result = structure_all(_CONVERTER, data, Scenario)
    problems += _structure_problems(document, result.issues)
    if result.value is not None:
        problems += _reference_problems(document, result, validate_references(result.value))
    problems = _sorted(problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return result.value, problems


def _version_message(version: object) -> str:
    """Why a format_version cannot be read; a file of another version is not checked further."""
    if isinstance(version, str) and version.strip() == str(FORMAT_VERSION):
        return f"write the number {FORMAT_VERSION} without quotes"
    return f"{describe(version)} is not a format this game reads: it reads format_version {FORMAT_VERSION}"


def _structure_problems(document: Document, issues: list[StructureIssue]) -> list[Problem]:
    """Place structuring issues, leaving out those the reader or a typo already explains."""
    guessed: set[tuple[Path_, str | None]] = {
        (issue.path[:-1], issue.suggestion) for issue in issues if issue.suggestion
    }
    problems = []
    missing: dict[Path_, list[StructureIssue]] = {}
    for issue in issues:
        if _under(issue.path, document.replaced) or _explained(issue, guessed, document.incomplete):
            continue
        if issue.code == "missing-key" and issue.missing is not None:
            missing.setdefault(issue.path, []).append(issue)
            continue
        problems.append(place(document, issue.path, issue.message, at_key=issue.at_key, code=issue.code))
    for path, absent in missing.items():
        message = absent[0].message
        if len(absent) > 1:  # one line for the mapping, not one per key
            message = "missing required keys " + ", ".join(f"'{issue.missing}'" for issue in absent)
        problems.append(place(document, path, message, code="missing-key", whole_mapping=True))
    return problems


def _explained(issue: StructureIssue, guessed: set[tuple[Path_, str | None]], incomplete: set[Path_]) -> bool:
    """A missing key that another problem explains: a misspelling of it, or a merge key.

    "unknown key 'stabilty' (did you mean 'stability'?)" already says what to do; adding
    "missing required key 'stability'" would make one typo look like two mistakes.
    """
    if issue.code != "missing-key" or issue.missing is None:
        return False
    return (issue.path, issue.missing) in guessed or issue.path in incomplete


def _reference_problems(document: Document, result: Structured, findings: Iterable[Finding]) -> list[Problem]:
    """Place cross-reference findings, except those inside a value already reported as wrong."""
    skip = (*result.repaired, *document.replaced)
    problems = []
    for finding in findings:
        if _under(finding.path, skip) or _unreliable(finding.refers_to, skip):
            continue
        if any(_under(value, skip) for value in finding.relies_on):
            continue
        message = finding.message
        if finding.also is not None:
            line, column = document.mark(finding.also)
            message = f"{message} at line {line}, column {column}"
        at_key = finding.code == "unknown-key"  # an unknown key is pointed at where it is written
        problems.append(
            place(document, finding.path, message, code=finding.code, severity=finding.severity, at_key=at_key)
        )
    return problems


def _under(path: Path_, roots: Iterable[Path_]) -> bool:
    """Whether `path` is one of `roots` or lies inside one."""
    return any(path[: len(root)] == root for root in roots)


def _unreliable(collection: Path_ | None, skip: Iterable[Path_]) -> bool:
    """Whether an id collection lost members to a repair, so an "unknown id" may be wrong.

    True when the collection (or what holds it) was replaced, or one of its items or an
    item's `id` was: `states: kazakhstan` must not also give "unknown state 'kazakhstan'".
    """
    if not collection:
        return False
    size = len(collection)
    for path in skip:
        if collection[: len(path)] == path:
            return True
        if path[:size] == collection and (len(path) == size + 1 or (len(path) == size + 2 and path[-1] == "id")):
            return True
    return False


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Unique problems in file order, so an author can work down the file."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))


def check_scenario(path: str | Path) -> tuple[Scenario | None, list[Problem]]:
    """Load and check a scenario (merged with its parents, if it extends one); never raises for bad content."""
    from game.content.inherit import read_with_parents

    document, problems = read_with_parents(path)
    if document is None:
        return None, _sorted(problems)
    scenario, found = structure_document(document)
    merge_errors = any(p.severity == "error" for p in problems)  # a merge warning still plays
    return (None if merge_errors else scenario), _sorted([*problems, *found])


def load_scenario(path: str | Path) -> Scenario:
    """Load a scenario or raise `ScenarioError` listing every problem."""
    scenario, problems = check_scenario(path)
    errors = [p for p in problems if p.severity == "error"]
    if scenario is None or errors:
        raise ScenarioError(errors or problems)
    return scenario
