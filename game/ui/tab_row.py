"""A row of '#tab' buttons laid left to right, the chosen one shown pressed.

The help's and the facilitator's tab bars, the state pickers (charts, events, news) and the
settings' rows were near-copies of one loop; laying them out here keeps their spacing alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs
import pygame

if TYPE_CHECKING:
    from game.sim.world import World
    from game.ui.scene import Scene, Transition


@attrs.frozen
class Tab:
    """One button of a row: its label, what a press does, its tooltip, whether it is the chosen one."""

    label: str
    handler: Callable[[], Transition | None]
    tip: str | None = None
    chosen: bool = False


@attrs.frozen
class RowStyle:
    """Sizes in window pixels (already scaled): a fixed `width`, or the label's width at `text_size` plus `pad`."""

    height: int
    gap: int
    pad: int = 0
    text_size: int = 15
    width: int | None = None


def state_tabs(
    world: World, pick: Callable[[str], Transition | None], tip: str, chosen: Callable[[str], bool]
) -> list[Tab]:
    """A tab per state, in the world's order; `tip` may name the state as {name}."""
    return [
        Tab(world.state_name(s), lambda s=s: pick(s), tip.format(name=world.state_name(s)), chosen(s))
        for s in world.state_ids
    ]


def state_picker(px: Callable[[float], int]) -> RowStyle:
    """A row of state names under a form (the facilitator's events and news)."""
    return RowStyle(height=px(30), gap=px(4), pad=px(24), text_size=14)


def tab_row(scene: Scene, x: int, y: int, tabs: Iterable[Tab], style: RowStyle) -> int:
    """Add the row's buttons to `scene` from (x, y); returns the x just past the last one and its gap."""
    for tab in tabs:
        width = style.width if style.width is not None else scene.ctx.text.width(tab.label, style.text_size) + style.pad
        widget = scene.add_button(pygame.Rect(x, y, width, style.height), tab.label, tab.handler, tab.tip, "#tab")
        if tab.chosen:
            widget.select()
        x += width + style.gap
    return x
