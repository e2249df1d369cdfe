"""How the window writes numbers: points, signed changes and turns, each one way everywhere.

Budgets came out three ways ("5.3", "4/4", "4") and small effects as "-0.0"; writing every
figure through these few functions keeps a screen's numbers comparable at a glance.
"""

from __future__ import annotations


def points(value: float) -> str:
    """A budget or cost: at most one decimal, none when whole ('4', '3.3')."""
    rounded = round(value, 1)
    return f"{rounded + 0.0:g}"  # + 0.0 turns -0.0 into 0.0


def budget(left: float, total: float) -> str:
    """Points left of a track's budget, as every budget in the window is written: '3.3/4'."""
    return f"{points(max(0.0, left))}/{points(total)}"


def signed_amount(value: float) -> str:
    """A change with its sign: one decimal, two when one would round a real change to zero,
    and '±0' only for nothing at all (never '-0.0')."""
    for digits in (1, 2):
        if round(abs(value), digits) > 0:
            return f"{value:+.{digits}f}".replace("-", "−")
    return "±0"


def turn_due(turn: int, last_turn: int) -> str:
    """When something lands: 'on turn 12', or 'after the campaign ends' past its last turn."""
    return f"on turn {turn}" if turn <= last_turn else "after the campaign ends"
