"""A child scenario that shortens the campaign but keeps its parent's score thresholds.

The final score is the mean US position over the turns played, so fewer turns leave less
time to build it and the parent's victory line and grade bands become too high to reach
(the author walk-through, step 3). Only the merge knows which file set each value, so the
check runs there, on the file being checked, and says where to find better numbers.
"""

from __future__ import annotations

from typing import Any

from game.content.resolve import origin
from game.content.yamlread import Document, Path_, Problem

TURNS: Path_ = ("turns",)
VICTORY: Path_ = ("score", "victory_score")
DEFEAT: Path_ = ("score", "defeat_score")


def _count(value: Any) -> int | None:
    """A turn count, or None for anything the structuring step will report instead."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _inherited(merged: Document, path: Path_) -> bool:
    """Whether a parent file, not the child, set the value at `path` (the merge's origins)."""
    return merged.file_for(path) != merged.file


def _grade_bands(merged: Document) -> list[tuple[str, Any]]:
    """The inherited grades' (name, min_score), leaving out the lowest: a floor, not a threshold."""
    score = merged.data.get("score")
    grades = score.get("grades") if isinstance(score, dict) else None
    if not isinstance(grades, list):
        return []
    bands: list[tuple[int, Any, float]] = [
        (index, grade.get("name"), grade["min_score"])
        for index, grade in enumerate(grades)
        if isinstance(grade, dict) and isinstance(grade.get("min_score"), int | float)
    ]
    floor = min((band[2] for band in bands), default=None)
    return [
        (str(name), min_score)
        for index, name, min_score in bands
        if min_score != floor and _inherited(merged, ("score", "grades", index, "min_score"))
    ]


def _inherited_thresholds(merged: Document) -> list[str]:
    """'score.victory_score 37 (window-2023.yaml:965)', the defeat line and the grades, where a parent set them."""
    named = []
    score = merged.data.get("score")
    victory = score.get("victory_score") if isinstance(score, dict) else None
    if isinstance(victory, int | float) and _inherited(merged, VICTORY):
        named.append(f"score.victory_score {victory:g} ({origin(merged, VICTORY)})")
    defeat = score.get("defeat_score") if isinstance(score, dict) else None
    if isinstance(defeat, int | float) and _inherited(merged, DEFEAT):
        named.append(f"score.defeat_score {defeat:g} ({origin(merged, DEFEAT)})")
    bands = _grade_bands(merged)
    if bands:
        where = origin(merged, ("score", "grades"))
        named.append("the grades " + ", ".join(f"{name} {low:g}" for name, low in bands) + f" ({where})")
    return named


def shortened_campaign(parent: Document, merged: Document) -> list[Problem]:
    """A warning at the child's `turns` when it is below the parent's and the thresholds are inherited."""
    child_turns, parent_turns = _count(merged.data.get("turns")), _count(parent.data.get("turns"))
    if child_turns is None or parent_turns is None or child_turns >= parent_turns or _inherited(merged, TURNS):
        return []
    named = _inherited_thresholds(merged)
    if not named:
        return []
    line, column = merged.mark(TURNS)
    message = (
        f"turns: {child_turns} is shorter than the parent's {parent_turns}, but the file keeps the parent's "
        f"{' and '.join(named)}; a shorter campaign scores lower, so these are likely out of reach: "
        f"run 'python main.py check-balance {merged.file}' and set score.victory_score near what "
        "balanced play reaches, with the grades around it"
    )
    return [Problem(merged.file_for(TURNS), line, column, message, severity="warning", code="shortened")]
