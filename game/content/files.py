"""Reading a file the player named without hanging on it or filling memory with it.

A save or scenario path may be a FIFO (opening it waits for a writer for ever), a device
such as /dev/zero (reading it never ends) or a huge file. Each is refused before or while
reading, in well under a second, with a reason a player can act on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class RefusedFile(Exception):
    """A file that is not read; `reason` completes "cannot read PATH: ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a regular file"
    return "it is not a regular file"


def read_regular_file(path: str | Path, limit_bytes: int) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit_bytes` bytes.

    The type is checked on the opened descriptor (O_NONBLOCK, so a FIFO does not block the
    open), which also covers a symlink to a device; the read stops one byte past the limit
    in case the file grows while it is read.

    Raises:
        RefusedFile: missing, not a regular file, too large or unreadable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise RefusedFile("there is no such file") from None
    except IsADirectoryError:
        raise RefusedFile("it is a folder, not a file") from None
    except PermissionError:
        raise RefusedFile("permission was denied") from None
    except OSError as error:
        raise RefusedFile(error.strerror or str(error)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFile(_kind(info.st_mode))
        if info.st_size > limit_bytes:
            raise RefusedFile(_too_large(limit_bytes))
        chunks: list[bytes] = []
        size = 0
        while size <= limit_bytes:
            chunk = os.read(handle, min(1 << 20, limit_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit_bytes:
            raise RefusedFile(_too_large(limit_bytes))
        return b"".join(chunks)
    except OSError as error:
        raise RefusedFile(error.strerror or str(error)) from None
    finally:
        os.close(handle)


def _too_large(limit_bytes: int) -> str:
    return f"the file is larger than {limit_bytes / 1_000_000:g} MB, far more than the game ever writes or reads"
