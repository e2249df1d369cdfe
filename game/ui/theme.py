"""Colours, fonts and the pygame_gui theme, scaled by the player's UI-scale setting.

Each power's colour, shape and hatch pattern come from the scenario's power table
(`game.content.powers`): the Okabe–Ito palette, which stays distinguishable under the common
forms of colour blindness, and a shape and pattern each, so the map never relies on colour alone.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from game.content.powers import PowerTable

Colour = tuple[int, int, int]


def rgb(hex_colour: str) -> Colour:
    """'#0072B2' → (0, 114, 178)."""
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def power_colour(table: PowerTable, power: str) -> Colour:
    """A power's colour on the dark window, from the scenario's power table."""
    return rgb(table[power].look.colour)


BACKGROUND: Colour = (27, 35, 48)
PANEL: Colour = (35, 45, 59)
PANEL_EDGE: Colour = (58, 72, 92)
TEXT: Colour = (232, 236, 241)
MUTED: Colour = (154, 167, 184)
ACCENT: Colour = (86, 180, 233)  # Okabe–Ito sky blue
GOOD: Colour = (0, 158, 115)  # Okabe–Ito bluish green
BAD: Colour = (230, 120, 90)
WARN: Colour = (230, 159, 0)  # Okabe–Ito orange
SEA: Colour = (38, 72, 102)
NEIGHBOUR: Colour = (88, 94, 104)
RIVAL_LAND: Colour = (104, 108, 116)
BORDER: Colour = (20, 26, 34)

THEME_FILE = Path(__file__).with_name("theme.json")


@cache
def _base_theme() -> dict[str, Any]:
    return json.loads(THEME_FILE.read_text(encoding="utf-8"))


# pygame_gui takes no font from "defaults": an element type without its own font block draws in
# its built-in 14 px font, which no UI scale reaches. Each type gets the default font explicitly.
FONT_ELEMENTS = ("button", "label", "text_box", "text_entry_line", "tool_tip", "drop_down_menu")


def gui_theme(scale: float) -> dict[str, Any]:
    """The pygame_gui theme with every font size multiplied by `scale`."""
    theme = copy.deepcopy(_base_theme())
    default_font = theme["defaults"]["font"]
    for element in FONT_ELEMENTS:
        theme.setdefault(element, {}).setdefault("font", dict(default_font))
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
    tip = theme["tool_tip"]["misc"]  # wide enough that a long tooltip is not taller than the window
    tip["rect_width"] = str(round(int(tip["rect_width"]) * scale))
    return theme


def font_path(bold: bool = False) -> str:
    """Noto Sans as bundled with pygame_gui (SIL Open Font Licence, shipped in its data/licenses)."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return str(resources.files("pygame_gui.data").joinpath(name))


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """`a` moved a fraction `t` of the way toward `b`."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def ink_on(colour: Colour) -> Colour:
    """Black or white, whichever reads better on `colour`."""
    luminance = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    return (10, 12, 16) if luminance > 140 else (255, 255, 255)
