"""The facilitator PIN as a salted hash, so a save (which pupils can open) never holds the PIN.

A PIN is short, so the hash does not make it secret against a determined guesser; it keeps
the PIN from being read off the file at a glance, which is what a classroom needs.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "sha256"


def hash_pin(pin: str, salt: str | None = None) -> str:
    """'sha256$SALT$HEX' for `pin` (stripped), with a fresh random salt unless one is given."""
    salt = salt if salt is not None else secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{pin.strip()}".encode()).hexdigest()
    return f"{SCHEME}${salt}${digest}"


def pin_matches(stored: str, typed: str) -> bool:
    """Whether `typed` is the PIN behind `stored`; a malformed stored value matches nothing."""
    parts = stored.split("$")
    if len(parts) != 3 or parts[0] != SCHEME:
        return False
    return hmac.compare_digest(hash_pin(typed, parts[1]), stored)
