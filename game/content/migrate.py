"""Upgrade scenario files written for an older `format_version`, keeping comments and layout.

Teachers' files are full of comments (sources, reasons), so a migration edits the text rather
than re-dumping parsed data: each step in `MIGRATIONS` is a small text transformation from
version N to N+1, with a description printed when it runs. Version 1 is the only format so
far, so the registry is empty; the machinery is tested with a test-only step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import attrs

from game.content.scenario import FORMAT_VERSION

_VERSION_LINE = re.compile(r"^format_version:[ \t]*(?P<value>[^\s#]+)", re.MULTILINE)


@attrs.frozen
class Migration:
    """One step: turns the text of a version-`from_version` file into version `from_version + 1`."""

    from_version: int
    description: str
    transform: Callable[[str], str]


# from_version -> the step that upgrades it by one. Add a step whenever FORMAT_VERSION rises.
MIGRATIONS: dict[int, Migration] = {}


class MigrationError(Exception):
    """A file cannot be migrated; the message says why in an author's words."""


@attrs.frozen
class Outcome:
    """What migrating one file did (or would do): versions and the steps' descriptions."""

    path: Path
    before: int
    after: int
    steps: tuple[str, ...]
    text: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def file_version(text: str) -> int:
    """The top-level `format_version` written in a file's text."""
    match = _VERSION_LINE.search(text)
    if match is None:
        raise MigrationError("there is no top-level 'format_version:' line; add 'format_version: 1' near the top")
    value = match.group("value").strip("'\"")
    if not value.isdigit():
        raise MigrationError(f"format_version '{value}' is not a whole number")
    return int(value)


def set_version(text: str, version: int) -> str:
    """The text with its `format_version` number replaced, the rest of the line (a comment) kept."""
    return _VERSION_LINE.sub(lambda m: m.group(0).replace(m.group("value"), str(version), 1), text, count=1)


def migrate_text(text: str, target: int = FORMAT_VERSION) -> tuple[str, int, list[str]]:
    """Apply every step from the file's version up to `target`: (new text, old version, descriptions)."""
    start = file_version(text)
    if start > target:
        raise MigrationError(f"format_version {start} is newer than this game reads ({target}); update the game")
    steps = []
    for version in range(start, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no migration from format_version {version}; this game cannot upgrade the file")
        text = set_version(step.transform(text), version + 1)
        steps.append(f"{version} -> {version + 1}: {step.description}")
    return text, start, steps


def migrate_file(path: Path, *, write: bool) -> Outcome:
    """Migrate one file; writes it in place (byte-for-byte outside the changed text) if `write`."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MigrationError("the file is not UTF-8 text; save it as UTF-8 first") from None
    new, before, steps = migrate_text(text)
    after = file_version(new)
    if write and new != text:
        path.write_bytes(new.encode("utf-8"))
    return Outcome(path, before, after, tuple(steps), new)


def rename_key(old: str, new: str, indent: int | None = None) -> Callable[[str], str]:
    """A text transformation renaming a key wherever it starts a mapping entry (optionally at one indentation).

    Handles block (`  old: 1`) and flow (`{old: 1, ...}`) mappings; comments and layout stay.
    """
    spaces = r"[ ]*" if indent is None else f"[ ]{{{indent}}}"
    block = re.compile(rf"^(?P<lead>{spaces}(?:- )?){re.escape(old)}(?P<colon>[ \t]*:)", re.MULTILINE)
    flow = re.compile(rf"(?P<lead>[{{,][ \t]*){re.escape(old)}(?P<colon>[ \t]*:)")

    def transform(text: str) -> str:
        text = block.sub(lambda m: f"{m.group('lead')}{new}{m.group('colon')}", text)
        return text if indent is not None else flow.sub(lambda m: f"{m.group('lead')}{new}{m.group('colon')}", text)

    return transform
