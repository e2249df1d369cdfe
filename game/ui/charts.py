"""Line charts drawn with pygame.draw: alignment and score over time.

Each line is labelled at its end as well as coloured, so charts read without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pygame

from game.ui.text import Text
from game.ui.theme import MUTED, PANEL_EDGE, TEXT, Colour


@attrs.frozen
class Line:
    label: str
    values: Sequence[float]
    colour: Colour
    width: int = 2


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: Text,
    title: str,
    lines: Sequence[Line],
    low: float = 0.0,
    high: float = 100.0,
    guides: Sequence[tuple[float, str]] = (),
    first_turn_label: str = "start",
    first_turn: int = 0,
) -> None:
    """Draw a chart in `rect`: x is the turn (0 = start), y runs from `low` to `high`."""
    pygame.draw.rect(surface, (22, 29, 39), rect, border_radius=6)
    pygame.draw.rect(surface, PANEL_EDGE, rect, 1, border_radius=6)

    def px(value: float) -> int:  # margins grow with the text, or end labels run off a large window
        return round(value * text.scale)

    text.draw(surface, title, (rect.x + px(10), rect.y + px(6)), 14, TEXT, bold=True)
    plot = pygame.Rect(rect.x + px(44), rect.y + px(32), rect.width - px(150), rect.height - px(58))
    span = (high - low) or 1.0
    count = max((len(line.values) for line in lines), default=1)

    def point(i: int, v: float) -> tuple[int, int]:
        x = plot.x + (plot.width * i / max(1, count - 1))
        y = plot.bottom - plot.height * (min(high, max(low, v)) - low) / span
        return round(x), round(y)

    for k in range(5):
        value = low + span * k / 4
        y = point(0, value)[1]
        pygame.draw.line(surface, (44, 54, 68), (plot.x, y), (plot.right, y))
        text.draw(surface, f"{value:.0f}", (plot.x - px(6), y), 11, MUTED, anchor="midright")
    for value, label in guides:
        y = point(0, value)[1]
        for x in range(plot.x, plot.right, 8):
            pygame.draw.line(surface, (120, 130, 145), (x, y), (min(x + 4, plot.right), y))
        text.draw(surface, label, (plot.right + px(6), y), 11, MUTED, anchor="midleft")
    # Line labels start past the guide letters, so a score ending on a grade line does not hide its letter.
    guide_column = max((text.width(label, 11) + px(4) for _value, label in guides), default=0)
    text.draw(surface, first_turn_label, (plot.x, plot.bottom + px(4)), 11, MUTED)
    text.draw(
        surface, f"turn {count - 1 + first_turn}", (plot.right, plot.bottom + px(4)), 11, MUTED, anchor="topright"
    )
    labels: list[tuple[int, str, Colour]] = []
    for line in lines:
        if not line.values:
            continue
        points = [point(i, v) for i, v in enumerate(line.values)]
        if len(points) > 1:
            pygame.draw.lines(surface, line.colour, False, points, line.width)
        else:
            pygame.draw.circle(surface, line.colour, points[0], 3)
        labels.append((points[-1][1], f"{line.label} {line.values[-1]:.0f}", line.colour))
    # End labels top to bottom, a line apart; a stack that would run out of the chart moves up.
    labels.sort(key=lambda item: item[0])
    step, placed = px(13), []
    for y, label, colour in labels:
        placed.append((max(y, placed[-1][0] + step) if placed else y, label, colour))
    excess = (placed[-1][0] - (rect.bottom - px(8))) if placed else 0
    for y, label, colour in placed:
        text.draw(surface, label, (plot.right + px(6) + guide_column, y - max(0, excess)), 11, colour, anchor="midleft")
