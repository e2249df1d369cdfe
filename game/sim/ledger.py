"""The why-ledger: every change to a state variable, with its cause and claims.

All numeric state lives in plain dicts, and every write goes through `Ledger.change`, which
quantises to 1/1024 (so adding the recorded deltas back onto the initial state reproduces
the final state bit for bit), clamps to the variable's bounds and records what actually
changed. Nothing else writes to state numbers.
"""

from __future__ import annotations

from typing import NamedTuple

QUANTUM_INVERSE = 1024.0


def quantise(value: float) -> float:
    """Round to the nearest 1/1024: sums and differences of such values are exact floats."""
    return round(value * QUANTUM_INVERSE) / QUANTUM_INVERSE


class Change(NamedTuple):
    """One recorded change: on `turn`, `target`'s `variable` moved by `delta` because of `cause`."""

    turn: int
    target: str
    variable: str
    delta: float
    cause: str
    claims: tuple[str, ...]
    # The receptivity multipliers that scaled this change, as (claim, label, value): shown to
    # a student as "×1.80 window of opportunity (C7)". Empty for changes nothing scaled.
    factors: tuple[tuple[str, str, float], ...] = ()


_new_change = tuple.__new__  # builds a Change without NamedTuple's slower keyword constructor


class Ledger:
    """Applies and records changes; `entries` is the full history of a game."""

    __slots__ = ("_gains", "_scan_until", "entries", "turn")

    def __init__(self, entries: list[Change] | None = None) -> None:
        self.entries: list[Change] = entries if entries is not None else []
        self.turn = 1
        # Alignment changes summed per turn and (state, power) as they are recorded, so a rival
        # reading last quarter does not rescan the ledger. Turns up to the last one of entries
        # given here (a restored game) are summed from the entries when asked for.
        self._gains: dict[int, dict[tuple[str, str], float]] = {}
        self._scan_until = self.entries[-1].turn if self.entries else -1

    def alignment_gains(self, turn: int) -> dict[tuple[str, str], float]:
        """Alignment changes per (state, power) recorded on `turn` (the caller must not change it).

        Every delta is a multiple of 1/1024 well inside a float's exact range, so these sums
        are exact and do not depend on the order they were added in.
        """
        if turn > self._scan_until:
            return self._gains.get(turn, {})
        gains: dict[tuple[str, str], float] = {}
        for change in self.entries:
            if change.turn == turn and change.variable.startswith("alignment."):
                key = (change.target, change.variable[10:])
                gains[key] = gains.get(key, 0.0) + change.delta
        return gains

    def change(  # noqa: PLR0913, PLR0917 - the hot path: a parameter object would cost an allocation per change
        self,
        container: dict[str, float],
        key: str,
        target: str,
        group: str,
        delta: float,
        cause: str,
        claims: tuple[str, ...],
        lo: float = 0.0,
        hi: float = 100.0,
        factors: tuple[tuple[str, str, float], ...] = (),
    ) -> float:
        """Add `delta` to `container[key]` within [lo, hi]; record and return what actually changed.

        This is the hot path of the whole simulation (thousands of calls per campaign), so
        it is written flat: quantising inline and building the record as a bare tuple.
        """
        old = container.get(key, 0.0)
        new = round((old + delta) * QUANTUM_INVERSE) / QUANTUM_INVERSE
        if new < lo:
            new = min(old, quantise(lo)) if old < lo else quantise(lo)
        elif new > hi:
            new = max(old, quantise(hi)) if old > hi else quantise(hi)
        actual = new - old
        if actual == 0.0:
            return 0.0
        if new == 0.0 and group == "goodwill_due":
            del container[key]
        else:
            container[key] = new
        self.entries.append(_new_change(Change, (self.turn, target, f"{group}.{key}", actual, cause, claims, factors)))
        if group == "alignment":
            gains = self._gains.get(self.turn)
            if gains is None:
                gains = self._gains[self.turn] = {}
            pair = (target, key)
            gains[pair] = gains.get(pair, 0.0) + actual
        return actual

    def set_flag(
        self,
        flags: dict[str, float],
        key: str,
        target: str,
        value: bool,
        cause: str,
        claims: tuple[str, ...],
        group: str = "flags",
    ) -> bool:
        """Set a 0/1 flag; recorded as a change of +1 or -1. Returns whether it changed."""
        return (
            self.change(
                flags, key, target, group, (1.0 if value else 0.0) - flags.get(key, 0.0), cause, claims, 0.0, 1.0
            )
            != 0.0
        )

    def record(self, turn: int, target: str, variable: str, delta: float, cause: str, claims: tuple[str, ...]) -> None:
        """Record a change made outside the state's numbers (a facilitator's rule change)."""
        self.entries.append(_new_change(Change, (turn, target, variable, delta, cause, claims, ())))
        if variable.startswith("alignment."):
            gains = self._gains.setdefault(turn, {})
            gains[(target, variable[10:])] = gains.get((target, variable[10:]), 0.0) + delta
