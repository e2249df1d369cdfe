"""The map's legend: who leads (colour, shape, pattern), what the shade depth, the share bar,
the numbers and the orange "tipped" frame mean, and the route. Folds to one line on a click.

Drawn by the campaign scene over the map's top-left corner; kept small at 1024×640 (under a
tenth of the map) by putting the powers on one line there. Every power in the scenario's
power table gets its row, so an added power is explained like the standard three.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.powers import PowerTable, standard_table
from game.ui.mapview import NEUTRAL
from game.ui.scene import Context
from game.ui.shapes import draw_shape
from game.ui.theme import TEXT, WARN, mix, power_colour

FOLDED = "Legend ›"


def legend_size(ctx: Context, compact: bool, open_: bool, table: PowerTable | None = None) -> tuple[int, int]:
    px = ctx.px
    if not open_:
        return (px(78), px(20))
    extra = len(table or standard_table()) - 3  # a row (or, compact, a word) for each added power
    return (px(152 + 44 * extra), px(84)) if compact else (px(262), px(184 + 18 * extra))


def legend_tip(open_: bool, table: PowerTable | None = None) -> str:
    """The legend's tooltip: everything it says, in full sentences."""
    table = table or standard_table()
    powers = "; ".join(f"{p.short}: {p.look.shape}, {p.look.pattern}" for p in table)
    order = ", ".join(p.short for p in table)
    action = "Click to fold the legend away." if open_ else "Click to show the legend."
    return (
        f"Each state is shaded for the power that leads it — {powers}. A deeper shade means a wider lead, so two "
        "states led by the same power can differ in shade. Under each name, a bar splits the state's alignment "
        f"into the {table.count_word} powers' shares ({order}, left to right; the white tick marks the preferred-"
        "partner share, C1, C2) and the numbers give each share's change, in points, since you last pressed "
        "End Turn. An orange frame marked 'tipped' means the lead changed hands in that time. "
        f"White line: the Trans-Caspian route. {action}"
    )


def draw_legend(
    surface: pygame.Surface,
    ctx: Context,
    box: pygame.Rect,
    compact: bool,
    open_: bool,
    route_progress: float,
    table: PowerTable | None = None,
) -> None:
    text, px = ctx.text, ctx.px
    table = table or standard_table()
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
        for power in table:
            draw_shape(surface, power.look.shape, (cx, cy), px(5), power_colour(table, power.id))
            cx = text.draw(surface, power.short, (cx + px(8), cy), size, TEXT, anchor="midleft").right + px(9)
    else:
        text.draw(surface, "Who leads each state", (x + px(8), y + px(3)), size, TEXT, bold=True)
        cy += px(20)
        for power in table:
            draw_shape(surface, power.look.shape, (icon, cy), px(7), power_colour(table, power.id))
            label = f"{power.short} — {power.look.shape}, {power.look.pattern}"
            text.draw(surface, label, (left, cy), size, TEXT, anchor="midleft")
            cy += step
        cy -= step
    rows = (
        ("shade", "deeper: wider lead" if compact else "Deeper shade: a wider lead"),
        ("bar", "bar: shares, ± change" if compact else f"Bar: {' | '.join(p.short for p in table)} shares"),
        ("numbers", "" if compact else "Numbers: share change since End Turn"),
        ("tipped", "orange: lead tipped" if compact else "Orange frame: the lead tipped"),
        ("route", _route_label(route_progress, compact)),
    )
    for kind, label in rows:
        if not label:
            continue
        cy += step
        _sample(surface, kind, (x + px(8), cy), px, table)
        text.draw(surface, label, (left, cy), size, TEXT, anchor="midleft")


def _route_label(progress: float, compact: bool) -> str:
    if compact:
        return "route built" if progress >= 100 else f"route {progress:.0f}%"
    return "Trans-Caspian route (" + ("built" if progress >= 100 else f"dashed: {progress:.0f}% built") + ")"


def _sample(
    surface: pygame.Surface, kind: str, at: tuple[int, int], px: Callable[[float], int], table: PowerTable
) -> None:
    """A small picture of what the row explains, 18 px wide."""
    x, y = at
    if kind == "shade":  # the same power, a narrow lead and a wide one
        colour = power_colour(table, "china")
        pygame.draw.rect(surface, mix(NEUTRAL, colour, 0.5), (x, y - px(5), px(9), px(10)))
        pygame.draw.rect(surface, mix(NEUTRAL, colour, 0.95), (x + px(9), y - px(5), px(9), px(10)))
    elif kind == "bar":
        widths = [18 // len(table) + (1 if i < 18 % len(table) else 0) for i in range(len(table))]
        for i, (power, width) in enumerate(zip(table.ids, widths, strict=True)):
            start = x + px(sum(widths[:i]))
            pygame.draw.rect(surface, power_colour(table, power), (start, y - px(3), px(width), px(7)))
    elif kind == "numbers":
        draw_shape(surface, table["us"].look.shape, (x + px(9), y), px(5), power_colour(table, "us"))
    elif kind == "tipped":
        pygame.draw.rect(surface, WARN, (x, y - px(5), px(18), px(10)), 2, border_radius=3)
    else:
        pygame.draw.line(surface, (250, 250, 250), (x, y), (x + px(18), y), 2)
