"""A strict, safe YAML reader that keeps every value's line and column.

Scenario files are data and must never run code, so this reader walks PyYAML's event
stream itself instead of constructing objects: no tags, no anchors or aliases, no merge
keys, no duplicate keys, and only `true`/`false` are booleans (YAML 1.1 would read `no`,
`on` or `012` as something the author did not mean). Depth, size and node count are capped
so hostile input fails fast in bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import yaml

try:  # libyaml's parser is several times faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)")


@attrs.frozen
class Problem:
    """One thing wrong with a file, with its place (1-based line and column; 0 if unknown)."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"
    code: str = "invalid"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message}"


class YamlProblem(Exception):
    """The file could not be read as YAML at all; holds the one problem that stopped it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@attrs.define
class Document:
    """Plain data read from a file, with the place of every value and key."""

    file: str
    data: Any
    value_marks: dict[Path_, tuple[int, int]]
    key_marks: dict[Path_, tuple[int, int]]

    def mark(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The place of a value (or of its key), falling back to the nearest enclosing one."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while probe:
            if probe in marks:
                return marks[probe]
            if not key and probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))


def read_yaml_file(path: str | Path, display_name: str | None = None) -> Document:
    """Read a file from disk with the size cap applied before anything is parsed."""
    name = display_name or str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise YamlProblem(Problem(name, 0, 0, "no such file", code="file")) from None
    except IsADirectoryError:
        raise YamlProblem(Problem(name, 0, 0, "this is a folder, not a file", code="file")) from None
    except OSError as error:
        raise YamlProblem(Problem(name, 0, 0, f"cannot read the file: {error.strerror}", code="file")) from None
    return read_yaml_bytes(raw, name)


def read_yaml_bytes(raw: bytes, name: str) -> Document:
    """Decode and parse YAML bytes into a `Document`, or raise `YamlProblem`."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            Problem(name, 0, 0, f"the file is larger than {MAX_BYTES // 1_000_000} MB; a scenario is far smaller", code="size")
        )
    if b"\x00" in raw[:8192]:
        raise YamlProblem(Problem(name, 1, 1, "this looks like a binary file, not YAML text", code="encoding"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(Problem(name, 1, 1, "the file is UTF-16; save it as UTF-8", code="encoding"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlProblem(
            Problem(name, line, column, f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8", code="encoding")
        ) from None
    return parse_yaml_text(text, name)


def parse_yaml_text(text: str, name: str) -> Document:
    """Parse YAML text into plain data with marks; see the module docstring for the rules."""
    builder = _Builder(name)
    try:
        builder.consume(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(_plain_syntax_problem(name, error, text)) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise YamlProblem(Problem(name, 0, 0, f"not valid YAML: {error}", code="syntax")) from None
    if builder.root is _NOTHING or builder.root is None:
        raise YamlProblem(Problem(name, 1, 1, "the file is empty; a scenario starts with 'format_version: 1'", code="empty"))
    if not isinstance(builder.root, dict):
        raise YamlProblem(
            Problem(name, 1, 1, "the file must be a mapping of keys to values (key: value), not a list or a single value", code="type")
        )
    return Document(name, builder.root, builder.value_marks, builder.key_marks)


_NOTHING = object()


class _Builder:
    """Turns the event stream into dicts, lists and scalars with an explicit stack (no recursion)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.root: Any = _NOTHING
        self.value_marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        # Each frame: [container, path, pending_key, pending_key_mark]
        self.stack: list[list[Any]] = []
        self.nodes = 0
        self.documents = 0

    def fail(self, event: yaml.Event, message: str, code: str) -> None:
        mark = event.start_mark
        raise YamlProblem(Problem(self.name, mark.line + 1, mark.column + 1, message, code=code))

    def consume(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.fail(event, "only one YAML document per file: remove the second '---'", "syntax")
            elif isinstance(event, yaml.AliasEvent):
                self.fail(event, "aliases (*name) are not allowed in scenario files: write the value out in full", "alias")
            elif isinstance(event, yaml.ScalarEvent):
                self._check_node(event)
                self._add(event, self._scalar(event))
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                self._check_node(event)
                if len(self.stack) >= MAX_DEPTH:
                    self.fail(event, f"nesting is deeper than {MAX_DEPTH} levels; a scenario never needs that", "depth")
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                path = self._add(event, container)
                self.stack.append([container, path, _NOTHING, None])
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frame = self.stack.pop()
                if frame[2] is not _NOTHING:  # pragma: no cover - the parser never ends mid-pair
                    self.fail(event, "a key has no value", "syntax")

    def _check_node(self, event: yaml.NodeEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail(event, f"the file has more than {MAX_NODES} values; a scenario is far smaller", "size")
        if event.anchor is not None:
            self.fail(event, f"anchors (&{event.anchor}) are not allowed in scenario files: write each value out", "alias")
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit_tag = tag is not None and (implicit is False or (isinstance(implicit, tuple) and not any(implicit)))
        if explicit_tag:
            self.fail(event, f"tags such as '{tag}' are not allowed: scenario files hold plain data only", "tag")

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if event.style:  # quoted or block text is always a string
            return value
        if value in ("true", "false"):
            return value == "true"
        if value in ("", "~", "null"):
            return None
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        return value

    def _add(self, event: yaml.NodeEvent, value: Any) -> Path_:
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.root = value
            self.value_marks[()] = mark
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
            self.value_marks[child] = mark
            return child
        if frame[2] is _NOTHING:  # this node is a key
            if not isinstance(value, str | int | bool) or isinstance(value, dict | list):
                self.fail(event, "a key must be a plain name, not a list or mapping", "syntax")
            key = event.value if isinstance(event, yaml.ScalarEvent) else str(value)
            if key == "<<":
                self.fail(event, "merge keys ('<<') are not allowed: use 'extends:' or write the values out", "alias")
            if key in container:
                first = self.key_marks.get((*path, key), (0, 0))
                self.fail(event, f"duplicate key '{key}' (first set at line {first[0]}, column {first[1]})", "duplicate-key")
            frame[2] = key
            frame[3] = mark
            container[key] = None
            self.key_marks[(*path, key)] = mark
            return (*path, key)
        key = frame[2]
        child = (*path, key)
        container[key] = value
        self.value_marks[child] = mark
        frame[2] = _NOTHING
        return child


def _plain_syntax_problem(name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """Say what a PyYAML syntax error means in words an author understands."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = error.problem or ""
    context = error.context or ""
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: max(column, 1)] or "'\\t'" in problem:
        message = "a tab character is used for indentation; YAML needs spaces"
    elif "quoted scalar" in context and "end of stream" in problem:
        start = error.context_mark
        where = f" (it opens at line {start.line + 1}, column {start.column + 1})" if start else ""
        message = f"a quoted string is never closed{where}: add the closing quote"
    elif "mapping values are not allowed" in problem:
        message = "a ':' is not expected here: check this line's indentation, or quote a value that contains ': '"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = f"the indentation of line {line} looks inconsistent with the lines above it"
    elif "could not find expected ':'" in problem:
        message = "a key is missing its ':' (or a quoted string runs over several lines)"
    elif "maximum nesting depth" in problem:
        message = f"nesting is deeper than {MAX_DEPTH} levels; a scenario never needs that"
    elif "found undefined tag handle" in problem or "found unknown escape" in problem:
        message = f"not valid YAML here: {problem}"
    else:
        message = f"not valid YAML: {problem or context}".rstrip(": ")
    return Problem(name, line, column, message, code="syntax")
