"""The map's legend: who leads (colour, shape, pattern), what the shade depth, the share bar,
the numbers and the orange "tipped" frame mean, and the route. Folds to one line on a click.

Drawn by the campaign scene over the map's top-left corner; kept small at 1024×640 (under a
tenth of the map) by putting the three powers on one line there.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.vocabulary import POWERS
from game.ui.mapview import NEUTRAL
from game.ui.scene import Context
from game.ui.shapes import draw_shape
from game.ui.theme import POWER_COLOURS, POWER_PATTERNS, POWER_SHAPES, POWER_SHORT, TEXT, WARN, mix

FOLDED = "Legend ›"


def legend_size(ctx: Context, compact: bool, open_: bool) -> tuple[int, int]:
    px = ctx.px
    if not open_:
        return (px(78), px(20))
    return (px(152), px(84)) if compact else (px(262), px(184))


def legend_tip(open_: bool) -> str:
    """The legend's tooltip: everything it says, in full sentences."""
    powers = "; ".join(f"{POWER_SHORT[p]}: {POWER_SHAPES[p]}, {POWER_PATTERNS[p]}" for p in POWERS)
    action = "Click to fold the legend away." if open_ else "Click to show the legend."
    return (
        f"Each state is shaded for the power that leads it — {powers}. A deeper shade means a wider lead, so two "
        "states led by the same power can differ in shade. Under each name, a bar splits the state's alignment "
        "into the three powers' shares (US, Russia, China, left to right; the white tick marks the preferred-"
        "partner share, C1, C2) and the numbers give each share's change, in points, since you last pressed "
        "End Turn. An orange frame marked 'tipped' means the lead changed hands in that time. "
        f"White line: the Trans-Caspian route. {action}"
    )


def draw_legend(
    surface: pygame.Surface, ctx: Context, box: pygame.Rect, compact: bool, open_: bool, route_progress: float
) -> None:
    text, px = ctx.text, ctx.px
    x, y = box.topleft
    shade = pygame.Surface(box.size, pygame.SRCALPHA)
    shade.fill((12, 16, 22, 190))
    surface.blit(shade, box)
    if not open_:
        text.draw(surface, FOLDED, (x + px(8), box.centery), 11, TEXT, bold=True, anchor="midleft")
        return
    size = 11 if compact else 12
    step = px(15) if compact else px(18)
    icon = x + px(16)
    left = x + px(30)
    cy = y + px(10)
    if compact:
        cx = x + px(10)
        for power in POWERS:
            draw_shape(surface, POWER_SHAPES[power], (cx, cy), px(5), POWER_COLOURS[power])
            cx = text.draw(surface, POWER_SHORT[power], (cx + px(8), cy), size, TEXT, anchor="midleft").right + px(9)
    else:
        text.draw(surface, "Who leads each state", (x + px(8), y + px(3)), size, TEXT, bold=True)
        cy += px(20)
        for power in POWERS:
            draw_shape(surface, POWER_SHAPES[power], (icon, cy), px(7), POWER_COLOURS[power])
            label = f"{POWER_SHORT[power]} — {POWER_SHAPES[power]}, {POWER_PATTERNS[power]}"
            text.draw(surface, label, (left, cy), size, TEXT, anchor="midleft")
            cy += step
        cy -= step
    rows = (
        ("shade", "deeper: wider lead" if compact else "Deeper shade: a wider lead"),
        ("bar", "bar: shares, ± change" if compact else "Bar: US | Russia | China shares"),
        ("numbers", "" if compact else "Numbers: share change since End Turn"),
        ("tipped", "orange: lead tipped" if compact else "Orange frame: the lead tipped"),
        ("route", _route_label(route_progress, compact)),
    )
    for kind, label in rows:
        if not label:
            continue
        cy += step
        _sample(surface, kind, (x + px(8), cy), px)
        text.draw(surface, label, (left, cy), size, TEXT, anchor="midleft")


def _route_label(progress: float, compact: bool) -> str:
    if compact:
        return "route built" if progress >= 100 else f"route {progress:.0f}%"
    return "Trans-Caspian route (" + ("built" if progress >= 100 else f"dashed: {progress:.0f}% built") + ")"


def _sample(surface: pygame.Surface, kind: str, at: tuple[int, int], px: Callable[[float], int]) -> None:
    """A small picture of what the row explains, 18 px wide."""
    x, y = at
    if kind == "shade":  # the same power, a narrow lead and a wide one
        colour = POWER_COLOURS["china"]
        pygame.draw.rect(surface, mix(NEUTRAL, colour, 0.5), (x, y - px(5), px(9), px(10)))
        pygame.draw.rect(surface, mix(NEUTRAL, colour, 0.95), (x + px(9), y - px(5), px(9), px(10)))
    elif kind == "bar":
        for i, (power, width) in enumerate(zip(POWERS, (5, 7, 6), strict=True)):
            start = x + sum((5, 7, 6)[:i])
            pygame.draw.rect(surface, POWER_COLOURS[power], (start, y - px(3), px(width), px(7)))
    elif kind == "numbers":
        draw_shape(surface, POWER_SHAPES["us"], (x + px(9), y), px(5), POWER_COLOURS["us"])
    elif kind == "tipped":
        pygame.draw.rect(surface, WARN, (x, y - px(5), px(18), px(10)), 2, border_radius=3)
    else:
        pygame.draw.line(surface, (250, 250, 250), (x, y), (x + px(18), y), 2)
