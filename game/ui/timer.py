"""The class timer: a countdown that can pause, read from an injectable clock.

Tests pass a fake clock instead of sleeping; the window uses `time.monotonic`.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TurnTimer:
    """Counts down from a number of seconds; stopped (no limit) until started."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or time.monotonic
        self.limit: float | None = None
        self.used = 0.0  # seconds counted before the current run
        self.since: float | None = None  # when the current run started, None while paused

    @property
    def active(self) -> bool:
        return self.limit is not None

    def start(self, seconds: float) -> None:
        self.limit, self.used, self.since = float(seconds), 0.0, self.clock()

    def stop(self) -> None:
        self.limit, self.used, self.since = None, 0.0, None

    def pause(self) -> None:
        if self.since is not None:
            self.used += self.clock() - self.since
            self.since = None

    def resume(self) -> None:
        if self.limit is not None and self.since is None:
            self.since = self.clock()

    @property
    def paused(self) -> bool:
        return self.limit is not None and self.since is None

    def remaining(self) -> float | None:
        """Seconds left (never below 0), or None without a limit."""
        if self.limit is None:
            return None
        running = self.clock() - self.since if self.since is not None else 0.0
        return max(0.0, self.limit - self.used - running)

    @property
    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0.0

    def label(self) -> str:
        """'m:ss' for the top bar ('' without a limit)."""
        left = self.remaining()
        if left is None:
            return ""
        whole = int(left + 0.999)
        return f"{whole // 60}:{whole % 60:02d}"
