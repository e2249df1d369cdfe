"""The merged scenario (after `extends:`), with the file and line that set each value.

`python main.py resolve FILE` prints it so an author can see what a child file really plays:
YAML with an end-of-line `# from window-2023.yaml:57` on every value, or JSON with an
`origins` table. A value written on one line (a flow mapping such as an effect) is printed on
one line with one comment. The YAML reads back as the same data (a test checks it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from game.content.yamlread import Document, Path_

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*( [A-Za-z0-9_\-]+)*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
FLOW_WIDTH = 110


def scalar(value: Any) -> str:
    """A scalar as YAML that this game's reader reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def origin(document: Document, path: Path_) -> str:
    """'window-2023.yaml:57': the file (by name) and line that set the value at `path`."""
    line, _ = document.mark(path)
    return f"{Path(document.file_for(path)).name}:{line}"


def _leaves(value: Any, path: Path_) -> list[Path_]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))] or [path]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))] or [path]
    return [path]


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


class _Writer:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines: list[str] = []

    def one_line(self, value: Any, path: Path_) -> str | None:
        """The flow form of a container whose every value was written on the same line, if short."""
        places = {origin(self.document, leaf) for leaf in _leaves(value, path)}
        text = _flow(value)
        return text if len(places) == 1 and len(text) <= FLOW_WIDTH else None

    def value(self, lead: str, value: Any, path: Path_, indent: int) -> None:
        """Write `lead` (a 'key:' or '- ') followed by the value, inline or as a block below."""
        if not isinstance(value, dict | list) or not value:
            self.lines.append(f"{lead} {_flow(value)}  # from {origin(self.document, path)}")
            return
        flow = self.one_line(value, path)
        if flow is not None:
            self.lines.append(f"{lead} {flow}  # from {origin(self.document, path)}")
            return
        if lead.endswith("-") and isinstance(value, dict):  # '- key: ...' starts the item's mapping
            self.mapping(value, path, indent + 2, first_lead=lead[:-1] + "- ")
            return
        self.lines.append(lead)
        if isinstance(value, dict):
            self.mapping(value, path, indent + 2)
        else:
            self.sequence(value, path, indent + 2)

    def mapping(self, data: dict[str, Any], path: Path_, indent: int, first_lead: str | None = None) -> None:
        for number, (key, item) in enumerate(data.items()):
            pad = first_lead if number == 0 and first_lead is not None else " " * indent
            self.value(f"{pad}{scalar(key)}:", item, (*path, key), indent)

    def sequence(self, data: list[Any], path: Path_, indent: int) -> None:
        for index, item in enumerate(data):
            self.value(" " * indent + "-", item, (*path, index), indent)


def resolved_yaml(document: Document) -> str:
    """The merged data as YAML, each value commented with where it came from."""
    writer = _Writer(document)
    writer.lines.append(f"# {document.file}, merged with its parents; each value says which file and line set it.")
    writer.mapping(document.data, (), 0)
    return "\n".join(writer.lines) + "\n"


def _path_text(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def resolved_json(document: Document) -> str:
    """The merged data and, for every value, 'file:line:column' of where it was set."""
    origins = {}
    for leaf in _leaves(document.data, ()):
        line, column = document.mark(leaf)
        origins[_path_text(leaf)] = f"{document.file_for(leaf)}:{line}:{column}"
    return json.dumps({"scenario": document.data, "origins": origins}, indent=2, ensure_ascii=False) + "\n"
