"""Check an output path before a command spends minutes computing what it would write there."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def folder_problem(path: str | Path) -> str | None:
    """None if `path` can hold output files (it is created if missing), else why it cannot."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        return f"cannot write to {folder}: it is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"cannot create the folder {folder}: {error.strerror or error}"
    if not os.access(folder, os.W_OK):
        return f"cannot write to {folder}: permission denied"
    try:  # os.access trusts permission bits; /proc or a read-only mount refuse only a real write
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"cannot write to {folder}: a test file could not be created there ({error.strerror or error})"
    return None


def file_problem(path: str | Path) -> str | None:
    """None if a file can be written at `path` (its folder is created if missing), else why not."""
    target = Path(path)
    if target.is_dir():
        return f"cannot write to {target}: it is a folder"
    return folder_problem(target.parent) if str(target.parent) not in ("", ".") else None
