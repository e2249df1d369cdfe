"""A strict, safe YAML reader that keeps every value's line and column.

Scenario files are data and must never run code, so this reader walks PyYAML's event
stream itself instead of constructing objects: no tags, no anchors or aliases, no merge
keys, no duplicate keys, and only `true`/`false` are booleans (YAML 1.1 would read `no`,
`on` or `012` as something the author did not mean). Depth, size and node count are capped
so hostile input fails fast in bounded memory.

Mistakes the reader can step over (a duplicate key, an alias, a tag, a merge key) are
collected in `Document.problems` and reading goes on, so an author sees every problem in
one pass; mistakes that stop the parser (bad syntax, wrong encoding, the caps) raise
`YamlError`, which still carries the problems found before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import yaml

from game.content.files import RefusedFile, read_regular_file

try:  # libyaml's parser is several times faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 50_000  # window-2023 has about 3,000; this leaves room for far larger scenarios
MAX_SAME = 10  # reading problems of one kind kept per file; the rest are counted in one line

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)")
_STANDARD_TAG = "tag:yaml.org,2002:"


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

    def as_dict(self) -> dict[str, str | int]:
        """The problem as plain data, for `validate --format json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


class YamlError(Exception):
    """The file could not be read as YAML at all.

    `problem` is the one that stopped reading; `problems` also holds those found before it.
    """

    def __init__(self, problem: Problem, earlier: list[Problem] | None = None) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.problems = [*(earlier or []), problem]


YamlProblem = YamlError  # the name used before the rename; kept for callers


@attrs.define
class Document:
    """Plain data read from a file, with the place of every value and key.

    `problems` are the recoverable reading problems; `replaced` are the paths whose
    value was dropped or is not trustworthy because of one of them (the loader reports no
    further problems there); `incomplete` are mappings that lost keys to a merge key.
    """

    file: str
    data: Any
    value_marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]
    problems: list[Problem] = attrs.field(factory=list)
    replaced: set[Path_] = attrs.field(factory=set)
    incomplete: set[Path_] = attrs.field(factory=set)
    # For a scenario merged from a file and its parents (`extends:`): the file that set
    # each value, so a merged value's problem points at the file and line that set it.
    origins: dict[Path_, str] = attrs.field(factory=dict)

    def file_for(self, path: Path_) -> str:
        """The file that wrote the value at `path` (the nearest enclosing value that has one)."""
        probe = tuple(path)
        while probe:
            if probe in self.origins:
                return self.origins[probe]
            probe = probe[:-1]
        return self.file

    def mark(self, path: Path_, *, key: bool = False) -> Mark:
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

    def mapping_mark(self, path: Path_) -> Mark:
        """Where a mapping is introduced: its key if it has one, else its first line.

        Used for problems about the mapping as a whole, such as a missing key, so the
        author is sent to `about:` rather than to whichever key happens to come first.
        """
        if path in self.key_marks:
            return self.key_marks[path]
        return self.mark(path)


def read_yaml_file(path: str | Path, display_name: str | None = None) -> Document:
    """Read a file from disk with the size cap applied before anything is parsed."""
    name = display_name or str(path)
    try:
        raw = read_regular_file(path, MAX_BYTES + 1)  # one byte over: the size message below says why
    except RefusedFile as error:
        if error.reason.startswith("the file is larger"):
            raise YamlError(_size_problem(name)) from None
        reason = "no such file" if error.reason == "there is no such file" else error.reason
        reason = "this is a folder, not a file" if reason.startswith("it is a folder") else reason
        raise YamlError(Problem(name, 0, 0, reason, code="file")) from None
    return read_yaml_bytes(raw, name)


def _size_problem(name: str) -> Problem:
    limit = MAX_BYTES // 1_000_000
    return Problem(name, 1, 1, f"the file is larger than {limit} MB; a scenario is far smaller", code="size")


def read_yaml_bytes(raw: bytes, name: str) -> Document:
    """Decode and parse YAML bytes into a `Document`, or raise `YamlError`."""
    if len(raw) > MAX_BYTES:
        raise YamlError(_size_problem(name))
    return parse_yaml_text(decode_text(raw, name), name)


def decode_text(raw: bytes, name: str) -> str:
    """Bytes to text, refusing anything but UTF-8 with a message that names the encoding.

    Teachers' editors often save UTF-16 (Windows Notepad) or Latin-1; saying which one it
    looks like tells them what to change.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw[:4096]):
        raise YamlError(Problem(name, 1, 1, "the file is UTF-16 text; save it as UTF-8", code="encoding"))
    if b"\x00" in raw[:8192] or _looks_binary(raw[:8192]):
        message = "this looks like a binary file, not YAML text"
        raise YamlError(Problem(name, 1, 1, message, code="encoding"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        byte = raw[error.start]
        hint = " (it looks like Latin-1 or Windows-1252)" if 0xA0 <= byte <= 0xFF else ""
        message = f"the file is not UTF-8 text: byte 0x{byte:02x} here{hint}; save it as UTF-8"
        raise YamlError(Problem(name, line, column, message, code="encoding")) from None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is zero."""
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return evens.count(0) > 0.8 * len(evens) or odds.count(0) > 0.8 * len(odds)


def _looks_binary(head: bytes) -> bool:
    """Many control bytes mean an image, archive or the like rather than text."""
    control = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0D))
    return control > max(8, len(head) // 50)


def parse_yaml_text(text: str, name: str) -> Document:
    """Parse YAML text into plain data with marks; see the module docstring for the rules."""
    builder = _Builder(name)
    try:
        try:
            builder.consume(yaml.parse(text, Loader=_Loader))
        finally:
            builder.summarise()
    except _Stop as stop:
        raise YamlError(stop.problem, builder.problems) from None
    except yaml.MarkedYAMLError as error:
        raise YamlError(plain_syntax_problem(name, error, text), builder.problems) from None
    except yaml.reader.ReaderError as error:
        raise YamlError(_reader_problem(name, error, text), builder.problems) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        problem = Problem(name, 1, 1, f"not valid YAML: {error}", code="syntax")
        raise YamlError(problem, builder.problems) from None
    if builder.root is _NOTHING or builder.root is None:
        message = "the file is empty; a scenario starts with 'format_version: 1'"
        raise YamlError(Problem(name, 1, 1, message, code="empty"), builder.problems)
    if not isinstance(builder.root, dict):
        line, column = builder.value_marks[()]
        kind = "a list" if isinstance(builder.root, list) else "a single value"
        message = f"the file must be a mapping of keys to values (key: value lines), not {kind}"
        raise YamlError(Problem(name, line, column, message, code="type"), builder.problems)
    return Document(
        name,
        builder.root,
        builder.value_marks,
        builder.key_marks,
        builder.problems,
        builder.replaced,
        builder.incomplete,
    )


_NOTHING = object()
_SKIP = object()  # a mapping's pending key whose value is to be dropped


class _Stop(Exception):
    """Raised inside the builder for a problem that ends reading (a cap was hit)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@attrs.define
class _Frame:
    """An open mapping or list; `container` is None while dropping a value's contents."""

    container: dict[str, Any] | list[Any] | None
    path: Path_
    key: Any = _NOTHING


class _Builder:
    """Turns the event stream into dicts, lists and scalars with an explicit stack (no recursion)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.root: Any = _NOTHING
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.documents = 0
        self.problems: list[Problem] = []
        self.left_out: dict[str, tuple[int, Mark]] = {}
        self.replaced: set[Path_] = set()
        self.incomplete: set[Path_] = set()

    def stop(self, event: yaml.Event, message: str, code: str) -> None:
        """End reading: the rest of the file cannot be trusted or would cost too much."""
        line, column = _mark(event)
        raise _Stop(Problem(self.name, line, column, message, code=code))

    def report(self, event: yaml.Event, message: str, code: str) -> None:
        """Record a problem and carry on, unless the value it is in is being dropped anyway."""
        if self._dropping():
            return
        kept = sum(1 for problem in self.problems if problem.code == code)
        if kept >= MAX_SAME:  # an alias bomb must not turn into thousands of lines
            count, first = self.left_out.get(code, (0, _mark(event)))
            self.left_out[code] = (count + 1, first)
            return
        line, column = _mark(event)
        self.problems.append(Problem(self.name, line, column, message, code=code))

    def summarise(self) -> None:
        """One closing line per kind of problem that was reported too often to list."""
        for code, (count, (line, column)) in self.left_out.items():
            note = f"{count} more problems like the ones above ({code}) from here on are not listed; fix those first"
            self.problems.append(Problem(self.name, line, column, note, code=code))
        self.left_out.clear()

    def _dropping(self) -> bool:
        return bool(self.stack) and (self.stack[-1].container is None or self.stack[-1].key is _SKIP)

    def consume(self, events: Iterator[yaml.Event]) -> None:
        """Build the data from the events; see `_Builder` for how each kind is handled."""
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.stop(event, "only one YAML document per file: remove the second '---'", "syntax")
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
            elif isinstance(event, yaml.ScalarEvent):
                tagged = self._check_node(event)
                self._add(event, _scalar(event), tagged=tagged)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                tagged = self._check_node(event)
                if len(self.stack) >= MAX_DEPTH:
                    self.stop(event, f"nesting is deeper than {MAX_DEPTH} levels; a scenario never needs that", "depth")
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                self._add(event, container, tagged=tagged)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                self.stack.pop()

    def _alias(self, event: yaml.AliasEvent) -> None:
        """An alias is reported and stands for nothing; it is never expanded (no alias bombs)."""
        self.report(
            event, f"aliases (*{event.anchor}) are not allowed in scenario files: write the value out in full", "alias"
        )
        self._add(event, None, tagged=True)

    def _check_node(self, event: yaml.NodeEvent) -> bool:
        """Count the node against the cap; report anchors and tags. True if it was tagged."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.stop(event, f"the file has more than {MAX_NODES} values; a scenario is far smaller", "size")
        if event.anchor is not None:
            self.report(
                event, f"anchors (&{event.anchor}) are not allowed in scenario files: write each value out", "anchor"
            )
        if _explicit_tag(event):
            self.report(
                event,
                f"tags such as '{_show_tag(str(getattr(event, 'tag', '')))}' are not allowed: scenario files hold plain data only",
                "tag",
            )
            return True
        return False

    def _add(self, event: yaml.NodeEvent, value: Any, *, tagged: bool = False) -> None:
        """Attach a value where the stack says it belongs.

        `tagged` marks a value that stands in for something the file should not hold (an
        alias, a tagged node): it is kept out of further checks via `replaced`.
        """
        mark = _mark(event)
        is_container = isinstance(value, dict | list)
        if not self.stack:
            self.root = value
            self.value_marks[()] = mark
            self._enter(value, (), is_container, tagged)
            return
        frame = self.stack[-1]
        if frame.container is None or frame.key is _SKIP:
            if frame.key is _SKIP:
                frame.key = _NOTHING
            if is_container:
                self.stack.append(_Frame(None, frame.path))
            return
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
        elif frame.key is _NOTHING:
            self._key(event, frame, value, mark)
            return
        else:
            path = (*frame.path, frame.key)
            frame.container[frame.key] = value
            frame.key = _NOTHING
        self.value_marks[path] = mark
        self._enter(value, path, is_container, tagged)

    def _enter(self, value: Any, path: Path_, is_container: bool, tagged: bool) -> None:
        """Open a frame for a new container; remember tagged values as untrustworthy."""
        if tagged:
            self.replaced.add(path)
        if is_container:
            self.stack.append(_Frame(value, path))

    def _key(self, event: yaml.NodeEvent, frame: _Frame, value: Any, mark: Mark) -> None:
        """Handle a mapping key: complex keys, merge keys and duplicates are reported and skipped."""
        assert isinstance(frame.container, dict)
        if isinstance(event, yaml.AliasEvent):  # already reported; its value goes with it
            frame.key = _SKIP
            return
        if isinstance(value, dict | list):
            self.report(event, "a key must be a plain name, not a list or mapping", "syntax")
            frame.key = _SKIP
            self.stack.append(_Frame(None, frame.path))
            return
        key = event.value if isinstance(event, yaml.ScalarEvent) else str(value)
        if key == "<<":
            self.report(event, "merge keys ('<<') are not allowed: write the values out in full", "merge-key")
            self.incomplete.add(frame.path)
            frame.key = _SKIP
            return
        if key in frame.container:
            first = self.key_marks.get((*frame.path, key), (0, 0))
            self.report(
                event,
                f"duplicate key '{key}': it is already set at line {first[0]}, column {first[1]}; keep only one",
                "duplicate-key",
            )
            frame.key = _SKIP
            return
        frame.key = key
        frame.container[key] = None
        self.key_marks[(*frame.path, key)] = mark


def _mark(event: yaml.Event) -> Mark:
    mark = event.start_mark  # the reader always sets it; the stubs allow None
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar's value: quoted text stays text; only true/false, null, and plain numbers convert."""
    value = event.value
    if event.style:  # quoted or block text is always a string
        return value
    if value in ("true", "false"):
        return value == "true"
    if value in ("", "~", "null"):
        return None
    if len(value) > 40:  # no sensible number is this long (and int() refuses over 4300 digits)
        return value
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _explicit_tag(event: yaml.NodeEvent) -> bool:
    """Whether the author wrote a tag (`!foo`, `!!python/...`) on this node."""
    tag = getattr(event, "tag", None)
    implicit = getattr(event, "implicit", True)
    return tag is not None and (implicit is False or (isinstance(implicit, tuple) and not any(implicit)))


def _show_tag(tag: str) -> str:
    """A tag as the author wrote it: `!!python/...` rather than `tag:yaml.org,2002:python/...`."""
    return "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag


def _reader_problem(name: str, error: yaml.reader.ReaderError, text: str) -> Problem:
    """A forbidden character (a control code) in otherwise valid UTF-8 text."""
    position = max(0, min(int(error.position), len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
    message = f"the control character 0x{character:02x} is not allowed in a scenario file; delete it"
    return Problem(name, line, column, message, code="encoding")


def plain_syntax_problem(name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """Say what a PyYAML syntax error means in words an author understands, at the line to fix."""
    lines = text.splitlines()
    for explain in (_tab, _unclosed_quote, _runaway_quote, _unclosed_flow, _colon, _missing_colon, _indentation):
        found = explain(error, lines, text)
        if found is not None:
            (line, column), message = found
            return Problem(name, line, column, message, code="syntax")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or ""
    if "maximum nesting depth" in problem:  # libyaml's own cap (1000 levels) fires before ours
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        opening = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=column - 1)
        message = f"the nesting that starts here is deeper than {MAX_DEPTH} levels; a scenario never needs that"
        return Problem(name, line, opening + 1, message, code="depth")
    if "cannot start any token" in problem:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        character = text[column - 1 : column] or "this character"
        message = f"'{character}' cannot start a value: put quotes around the value"
    elif "unknown escape" in problem:
        message = "a '\\' escape in double quotes is not valid: use single quotes, or write '\\\\'"
    else:
        message = f"not valid YAML: {problem}".rstrip(": ")
    return Problem(name, line, column, message, code="syntax")


Explained = tuple[Mark, str] | None


def _at(mark: Any) -> Mark:
    return (mark.line + 1, mark.column + 1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """A tab in the indentation (YAML forbids it): point at the tabbed line near the error."""
    mark = error.problem_mark
    if mark is None or not lines:
        return None
    message = "a tab character is used for indentation; YAML needs spaces"
    last = min(mark.line, len(lines) - 1)
    for index in range(max(0, last - 2), last + 1):
        indentation = lines[index][: len(lines[index]) - len(lines[index].lstrip(" \t"))]
        if "\t" in indentation:
            return (index + 1, 1), message
    return (_at(mark), message) if "tab" in (error.problem or "") else None


def _unclosed_quote(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """The file ends inside a quoted string: point at the opening quote."""
    if "quoted scalar" not in (error.context or "") or error.context_mark is None:
        return None
    if "end of stream" not in (error.problem or ""):
        return None
    line, column = _at(error.context_mark)
    return (
        line,
        column,
    ), f"a quoted string is never closed: it opens at line {line}, column {column}; add the closing quote"


def _runaway_quote(error: yaml.MarkedYAMLError, lines: list[str], text: str) -> Explained:
    """A missing closing quote makes the string run on to the next quote and break the file there.

    The symptom is far from the cause, so look for a quoted string that spans lines and
    ends on the line where parsing failed, and point at where it opens.
    """
    mark = error.problem_mark
    if mark is None:
        return None
    culprit = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line > mark.line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and token.start_mark.line < token.end_mark.line
                and token.end_mark.line >= mark.line - 1
            ):
                culprit = token
    except yaml.YAMLError:
        pass
    if culprit is None:
        return None
    line, column = _at(culprit.start_mark)
    return (
        line,
        column,
    ), f"a quoted string is never closed: it opens at line {line}, column {column}; add the closing quote"


def _unclosed_flow(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """A `{...}` or `[...]` that is not closed on its line, or is missing a comma."""
    context = error.context or ""
    if "flow mapping" not in context and "flow sequence" not in context:
        return None
    if error.context_mark is None or error.problem_mark is None:
        return None
    opener, closer = ("{", "}") if "mapping" in context else ("[", "]")
    start = _at(error.context_mark)
    if error.problem_mark.line != error.context_mark.line:
        return start, f"the '{opener}' opened here is never closed: add '{closer}' at the end of its items"
    return _at(
        error.problem_mark
    ), f"a ',' is missing between items here, or the '{opener}' is not closed with '{closer}'"


def _colon(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """`key: some: text` — a value containing ': ' must be quoted."""
    mark = error.problem_mark
    if mark is None or "mapping values are not allowed" not in (error.problem or ""):
        return None
    text = lines[mark.line] if mark.line < len(lines) else ""
    if ": " not in text[: mark.column]:
        return None
    return _at(mark), "this value contains ': ': put quotes around the whole value"


def _missing_colon(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """A key line without its ':'; PyYAML notices on the next line, so point at the key."""
    if "could not find expected ':'" not in (error.problem or "") or error.context_mark is None:
        return None
    line, column = _at(error.context_mark)
    return (line, column), f"line {line} is missing the ':' after its key (write 'key: value')"


def _indentation(error: yaml.MarkedYAMLError, lines: list[str], _: str) -> Explained:
    """The parser lost track of the block structure: almost always one line's indentation."""
    problem = error.problem or ""
    symptoms = (
        "expected <block end>",
        "did not find expected key",
        "did not find expected '-'",
        "mapping values are not allowed",
    )
    mark = error.problem_mark
    if mark is None or not any(symptom in problem for symptom in symptoms):
        return None
    index = min(mark.line, len(lines) - 1)
    bad = lines[index] if index >= 0 else ""
    previous = _previous_content_line(lines, index)
    here = _indent(bad)
    detail = ""
    if previous is not None and _indent(lines[previous]) != here:
        detail = f" (it is indented by {here} spaces, the line above by {_indent(lines[previous])})"
    elif bad.lstrip().startswith("- "):
        detail = " (a '- ' list item is not expected here)"
    if bad.lstrip().startswith(":"):
        return (index + 1, here + 1), f"line {index + 1} starts with ':' but has no key before it"
    return (
        index + 1,
        here + 1,
    ), f"the indentation of line {index + 1} looks inconsistent with the lines above it{detail}"


def _previous_content_line(lines: list[str], index: int) -> int | None:
    """The nearest line above that holds data (not blank, not only a comment)."""
    for probe in range(index - 1, -1, -1):
        stripped = lines[probe].strip()
        if stripped and not stripped.startswith("#"):
            return probe
    return None
