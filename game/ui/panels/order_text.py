"""How the order panel and queue word an order: where it acts, why it is refused, two lines at most."""

from __future__ import annotations

from game.ui.text import Text


def where_label(target: str, power: str) -> str:
    """Where an order without a state acts: the whole region, or at home (Washington for the US)."""
    if target == "region":
        return "region"
    return "Washington" if power == "us" else "home"


def reason_only(name: str, reason: str) -> str:
    """'Education exchanges is already ordered there' -> 'already ordered there': the row already names it
    (so does 'not enough points: Education exchanges costs 2, …' -> 'not enough points: costs 2, …')."""
    if reason.startswith(name + " "):
        reason = reason[len(name) + 1 :]
        if reason.startswith("is "):
            reason = reason[3:]
    return reason.replace(f": {name} ", ": ")


def elsewhere(names: list[str]) -> str:
    """What follows 'cannot target Kazakhstan': where the action can go instead."""
    if not names:
        return "; no state qualifies now"
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"; it can target {listed}"


def capitalised(line: str) -> str:
    return line[:1].upper() + line[1:]


def wrap_two(text: Text, line: str, width: int, size: int) -> list[str]:
    """The line wrapped to at most two lines (the second clipped with an ellipsis if still too long)."""
    lines = text.wrap(line, width, size)
    if len(lines) <= 2:
        return [text.clip(part, width, size) for part in lines]
    return [text.clip(lines[0], width, size), text.clip(" ".join(lines[1:]), width, size)]


def paginate(heights: list[int], room: int) -> list[list[int]]:
    """Split rows of these heights into pages that fit `room` (each page holds at least one row)."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, height in enumerate(heights):
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0
        pages[-1].append(i)
        used += height
    return pages
