"""Whether a change is good or bad for the United States, which is what a change's colour shows.

A sign is not a verdict: Russia losing alignment is good news for the US, backlash rising is
bad, and goodwill leaving the pipeline as it matures into trust is neither.
"""

from __future__ import annotations

GOOD_WHEN_UP = frozenset(
    {
        "alignment.us",
        "floors.us",
        "values.stability",
        "values.economy",
        "values.us_trust",
        "values.resilience",
        "values.china_wariness",  # wariness of China lowers its receptivity and opens the door to the US (C4)
        "values.russia_strain",  # strain with Russia opens the window for the US (C3, C7)
        "values.opening",  # a passing opening widens the window (C7)
        "region.c5plus1_preparation",
        "region.western_trade",
        "washington.political_capital",
        "washington.congress_support",
    }
)
GOOD_WHEN_DOWN = frozenset({"values.neglect_turns", "region.backlash"})
RIVAL_GROUPS = ("alignment.", "floors.")  # any rival's alignment or floor: every power but the US


def verdict(variable: str, delta: float) -> int:
    """+1 if this change helps the US, -1 if it hurts, 0 if neither (or too small to matter)."""
    if abs(delta) < 0.05:
        return 0
    sign = 1 if delta > 0 else -1
    if variable in GOOD_WHEN_UP or variable.startswith("projects."):  # the US's own projects
        return sign
    if variable in GOOD_WHEN_DOWN or (variable.startswith(RIVAL_GROUPS) and not variable.endswith(".us")):
        return -sign
    return 0
