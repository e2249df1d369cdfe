"""The facilitator PIN: kept only as a slow salted hash, and guessed only slowly at the prompt.

A classroom PIN is short, so no hash makes it secret against an offline search; PBKDF2 with
many iterations turns "milliseconds for every 4-digit PIN" into tens of minutes, and the
prompt's doubling delays stop guessing at the screen. Saves from before this scheme hold a
salted sha256 ('sha256$SALT$HEX'): it is still accepted, and replaced by the slow hash the
first time the right PIN is typed (a clean migration, no reset needed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

SCHEME = "pbkdf2_sha256"
LEGACY = "sha256"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
FREE_GUESSES = 3
FIRST_DELAY_S = 2.0
MAX_DELAY_S = 300.0


def hash_pin(pin: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2_sha256$ITERATIONS$SALT$HEX' for `pin` (stripped), with a fresh salt unless one is given."""
    salt = salt if salt is not None else secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.strip().encode(), salt.encode(), iterations).hex()
    return f"{SCHEME}${iterations}${salt}${digest}"


def _legacy_hash(pin: str, salt: str) -> str:
    digest = hashlib.sha256(f"{salt}:{pin.strip()}".encode()).hexdigest()
    return f"{LEGACY}${salt}${digest}"


def is_legacy(stored: str) -> bool:
    return stored.startswith(LEGACY + "$")


def pin_matches(stored: str, typed: str) -> bool:
    """Whether `typed` is the PIN behind `stored`; a malformed stored value matches nothing."""
    parts = stored.split("$")
    if len(parts) == 3 and parts[0] == LEGACY:
        return hmac.compare_digest(_legacy_hash(typed, parts[1]), stored)
    if len(parts) != 4 or parts[0] != SCHEME or not parts[1].isdigit():
        return False
    iterations = int(parts[1])
    if not 1 <= iterations <= 10 * ITERATIONS:  # a crafted count must not hang the prompt
        return False
    return hmac.compare_digest(hash_pin(typed, parts[2], iterations), stored)


class PinGuard:
    """Counts wrong PINs: three are free, then each wrong one doubles the wait before the next try."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or time.monotonic
        self.failures = 0
        self.until = 0.0

    def wait(self) -> float:
        """Seconds before the next guess is accepted (0 when one may be tried now)."""
        return max(0.0, self.until - self.clock())

    def failed(self) -> None:
        self.failures += 1
        self._wait_from_now()

    def resume(self, failures: int) -> None:
        """Carry on from wrong guesses made before the window was closed: a restart waits in full."""
        self.failures = max(0, failures)
        self._wait_from_now()

    def _wait_from_now(self) -> None:
        if self.failures >= FREE_GUESSES:
            delay = min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** min(self.failures - FREE_GUESSES, 20))
            self.until = self.clock() + delay

    def succeeded(self) -> None:
        self.failures, self.until = 0, 0.0
