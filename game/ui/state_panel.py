"""The selected state's panel and the region panel, drawn by hand with a tooltip on every number.

Both draw into a panel-sized surface; `origin` is where that surface will be blitted, so
tooltip zones are registered in screen coordinates.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.sim.engine import Simulation
from game.ui import glossary
from game.ui.contest import breakdown_tip, next_tier_lines, tender_line
from game.ui.history import CHANGE_LABEL, change_since_end_turn
from game.ui.scene import Context
from game.ui.shapes import draw_shape
from game.ui.theme import ACCENT, BACKGROUND, MUTED, TEXT, WARN, power_colour
from game.ui.tips import Tips
from game.ui.widgets import bar, delta_colour, panel, signed

VALUES = (
    ("stability", "Stability"),
    ("economy", "Economy"),
    ("china_wariness", "Wariness of China"),
    ("russia_strain", "Strain with Russia"),
    ("opening", "US opening"),
    ("us_trust", "Trust in the US"),
    ("resilience", "Resilience"),
)
ONLY_WHILE_SET = frozenset({"opening"})  # rows that would read 0 most of the game
FLAG_LABELS = {
    "pntr": "PNTR",
    "pntr_eligible": "In PNTR bill",
    "on_corridor": "On corridor",
    "afghan_border": "Afghan border",
    "partnership": "US partnership",
}


def draw_state_panel(
    surface: pygame.Surface, ctx: Context, sim: Simulation, state_id: str, tips: Tips, origin: tuple[int, int]
) -> None:
    """Draw the panel; if it runs past the bottom (a short window at 130%), draw it again shorter."""
    zones = len(tips.zones)
    for compact in (0, 1, 2, 3):
        del tips.zones[zones:]
        drawn = pygame.Surface(surface.get_size())
        if _draw_state_panel(drawn, ctx, sim, state_id, tips, origin, compact) <= surface.get_height():
            break
    surface.blit(drawn, (0, 0))


def _draw_tender(
    surface: pygame.Surface,
    ctx: Context,
    sim: Simulation,
    state_id: str,
    where: tuple[int, int, int],
    compact: int,
    tip: Callable[[pygame.Rect, str], None],
) -> int:
    """While a tender is open in the state (C15), when it closes and the offers so far; returns the y below."""
    x, y, width = where
    line = tender_line(sim, state_id, short=bool(compact))
    if line is None or compact >= 3:  # the fullest panel in the shortest window: the map's tag tells
        return y
    text, top = ctx.text, y
    for part in text.wrap(line, width, 12) if not compact else [text.clip(line, width, 12)]:
        text.draw(surface, part, (x, y), 12, TEXT)
        y += text.line_height(12)
    tip(pygame.Rect(x, top, width, y - top), glossary.TENDER_TIP)
    return y + ctx.px(4)


def _draw_state_panel(  # noqa: C901 - the panel top to bottom, one block per part
    surface: pygame.Surface,
    ctx: Context,
    sim: Simulation,
    state_id: str,
    tips: Tips,
    origin: tuple[int, int],
    compact: int,
) -> int:
    """The panel from the top down; returns the y below its last line. `compact` 1 shortens the
    description and the empty pipeline's note and puts a tender on one line, 2 leaves the
    description to the name's tooltip, 3 leaves a tender to the map's tag as well."""
    text, px = ctx.text, ctx.px
    surface.fill(BACKGROUND)
    rect = surface.get_rect()
    panel(surface, rect)
    ox, oy = origin

    def tip(area: pygame.Rect, message: str) -> None:
        tips.add(area.move(ox, oy), message)

    country = sim.state.countries[state_id]
    definition = sim.world.state_defs[state_id]
    deltas = change_since_end_turn(sim, state_id)
    x, width = px(12), rect.width - px(24)
    y = px(8)
    name = text.draw(surface, definition.name, (x, y), 20, TEXT, bold=True)
    weight = f"score weight {definition.score_weight:.0%}"
    area = text.draw(surface, weight, (rect.width - px(12), y + px(8)), 12, MUTED, anchor="topright")
    tip(area, "How much this state counts in the US score (C14: Kazakhstan weighs most).")
    y = name.bottom + px(2)
    if definition.about and compact >= 2:
        tip(name, definition.about)
    elif definition.about:
        # Up to four lines, the last ending in an ellipsis if the text goes on (never a silent
        # stop mid-sentence); the whole description is the tooltip.
        lines = text.wrap(definition.about, width, 12)
        most = 2 if compact else 4
        if len(lines) > most:
            lines = [*lines[: most - 1], text.clip(" ".join(lines[most - 1 :]), width, 12)]
        top = y
        for line in lines:
            text.draw(surface, line, (x, y), 12, MUTED)
            y += text.line_height(12)
        tip(pygame.Rect(x, top, width, y - top), definition.about)
        y += px(4)
    leader, table = country.leader(), sim.world.powers
    draw_shape(surface, table[leader].look.shape, (x + px(8), y + px(10)), px(8), power_colour(table, leader))
    area = text.draw(surface, f"Leans toward {table.name(leader)}", (x + px(22), y + px(1)), 14, TEXT, bold=True)
    tip(area, "The power with the highest alignment; the map shades the state in its colour, shape and pattern.")
    y += px(22)
    line = next(
        (form for form in next_tier_lines(sim, state_id) if text.width(form, 12) <= width),
        next_tier_lines(sim, state_id)[-1],
    )
    area = text.draw(surface, text.clip(line, width, 12), (x, y), 12, ACCENT)
    tip(area, f"{next_tier_lines(sim, state_id)[0]}. {glossary.STANDING_TIP}")
    y += text.line_height(12) + px(4)
    y = _draw_tender(surface, ctx, sim, state_id, (x, y, width), compact, tip)

    area = text.draw(surface, "Alignment (0–100, white tick = floor)", (x, y), 12, MUTED)
    tip(area, f"The small signed number beside each value is the {CHANGE_LABEL}.")
    y += px(18)
    for power in table.ids:
        value = country.alignment[power]
        delta = deltas.get(f"alignment.{power}", 0.0)
        row = pygame.Rect(x, y, width, px(30))
        draw_shape(surface, table[power].look.shape, (x + px(7), y + px(8)), px(6), power_colour(table, power))
        text.draw(surface, table.name(power), (x + px(18), y), 13, TEXT)
        text.draw(surface, f"{value:.1f}", (x + width - px(48), y), 13, TEXT, bold=True, anchor="topright")
        colour = delta_colour(delta, f"alignment.{power}")
        text.draw(surface, signed(delta), (x + width, y), 12, colour, anchor="topright")
        bar(surface, pygame.Rect(x, y + px(19), width, px(8)), value, power_colour(table, power), country.floors[power])
        message = glossary.alignment_tip(table.name(power), value, country.floors[power], delta)
        tip(row, f"{breakdown_tip(sim, state_id, power)} {message}")
        y += px(33)

    y += px(2)
    text.draw(surface, "Conditions", (x, y), 12, MUTED)
    y += px(18)
    for key, label in VALUES:
        value = country.values[key]
        delta = deltas.get(f"values.{key}", 0.0)
        if key in ONLY_WHILE_SET and not value and not delta:
            continue  # a passing opening is shown only while there is one (or it just ended)
        row = pygame.Rect(x, y, width, px(20))
        bar_x = round(width * 0.47)
        size = 13 if text.width(label, 13) < bar_x - px(4) else 12
        text.draw(surface, text.clip(label, bar_x - px(4), size), (x, y), size, TEXT)
        bar(surface, pygame.Rect(x + bar_x, y + px(6), round(width * 0.26), px(7)), value, ACCENT)
        text.draw(surface, f"{value:.0f}", (x + width - px(40), y), 13, TEXT, anchor="topright")
        text.draw(surface, signed(delta), (x + width, y), 12, delta_colour(delta, f"values.{key}"), anchor="topright")
        change = f" ({delta:+.1f}: {CHANGE_LABEL})" if abs(delta) >= 0.05 else f" (no {CHANGE_LABEL})"
        tip(row, f"{label}: {value:.1f}{change}. {glossary.value_tip(key)}")
        y += px(21 if compact < 2 else 18)  # tighter rows when the window is short
    neglect = country.values.get("neglect_turns", 0.0)
    row = text.draw(
        surface, f"Quarters without US engagement: {neglect:.0f}", (x, y), 12, WARN if neglect >= 2 else MUTED
    )
    tip(row, glossary.MOVED_BY["neglect_turns"])
    y += px(22)

    pipeline = sorted(((int(t), a) for t, a in country.goodwill_due.items() if a), key=lambda item: item[0])
    row = text.draw(surface, "Goodwill in the pipeline", (x, y), 12, MUTED)
    tip(row, glossary.MOVED_BY["goodwill"])
    y += px(17)
    if pipeline:
        last = sim.scenario.turns
        parts = [together(f"turn {t} ({sim.date_label(t)}): +{a:.1f}") for t, a in pipeline[:6] if t <= last]
        late = sum(a for t, a in pipeline if t > last)
        if late:
            parts.append(together(f"after the campaign: +{late:.1f}"))
        for line in text.wrap(" · ".join(parts), width, 12)[:3]:
            area = text.draw(surface, line, (x, y), 12, TEXT)
            tip(area, glossary.MOVED_BY["goodwill"])
            y += text.line_height(12)
    else:
        note = "none yet (C5, C6)" if compact else "none — soft power puts goodwill here (C5, C6)"
        y = text.draw_wrapped(surface, note, pygame.Rect(x, y, width, px(34)), 12, MUTED)
    y += px(6)

    floors = " · ".join(f"{table.short(p)} {country.floors[p]:.0f}" for p in table.ids)
    area = text.draw(surface, text.clip(f"Floors: {floors}", width, 12), (x, y), 12, TEXT)
    tip(area, glossary.MOVED_BY["floors"])
    y += px(18)
    fragile = [
        together(f"{table.short(p)} {country.fragile[p]:.1f}") for p in table.ids if country.fragile.get(p, 0) >= 0.05
    ]
    if fragile:
        for line in text.wrap("Cash influence fading: " + " · ".join(fragile), width, 12)[: 1 if compact >= 2 else 2]:
            area = text.draw(surface, text.clip(line, width, 12), (x, y), 12, TEXT)
            tip(area, glossary.MOVED_BY["fragile"])
            y += text.line_height(12)
        y += px(4)
    y += px(4)
    cx = x
    for flag, label in FLAG_LABELS.items():
        on = bool(country.flags.get(flag))
        chip = text.render(label, 11 if compact >= 2 else 12, TEXT if on else MUTED)  # smaller chips when short
        dot = px(4)
        box = pygame.Rect(cx, y, chip.get_width() + px(22), chip.get_height() + px(2 if compact >= 2 else 4))
        if box.right > x + width:
            cx, y = x, y + box.height + px(4)
            box.topleft = (cx, y)
        pygame.draw.rect(surface, (30, 70, 100) if on else (40, 48, 60), box, border_radius=8)
        centre = (box.x + px(10), box.centery)
        pygame.draw.circle(surface, (80, 200, 150) if on else MUTED, centre, dot, 0 if on else 1)  # filled = yes
        surface.blit(chip, (box.x + px(17), box.y + px(1 if compact >= 2 else 2)))
        tip(box, f"{label}: {'yes' if on else 'no'}. {glossary.FLAG_DOCS.get(flag, '')}")
        cx = box.right + px(6)
    return y + text.line_height(12) + px(6)


def draw_region_panel(
    surface: pygame.Surface, ctx: Context, sim: Simulation, tips: Tips, origin: tuple[int, int]
) -> None:
    """Projects, C5+1 preparation, backlash and western trade."""
    text, px = ctx.text, ctx.px
    surface.fill(BACKGROUND)
    rect = surface.get_rect()
    title = "Region and Washington"
    if text.width(title, 16, True) > rect.width - px(24):
        title = (
            "Region & Washington" if text.width("Region & Washington", 16, True) <= rect.width - px(24) else "Region"
        )
    y = panel(surface, rect, text, title)
    ox, oy = origin
    x, width = px(12), rect.width - px(24)
    rows: list[tuple[str, float, str]] = []
    for project in sim.scenario.projects:
        progress = sim.state.projects.get(project.id, 0.0)
        claims = ", ".join(project.claims)
        rows.append(
            (
                project.name,
                progress,
                f"{project.name}: {progress:.0f}% of 100. {project.description} Funded by actions; "
                f"slips {project.decay_per_turn:g}/turn unfunded ({claims}).",
            )
        )
    region = sim.state.region
    for key, label in (
        ("c5plus1_preparation", "C5+1 preparation"),
        ("backlash", "Backlash"),
        ("western_trade", "Western trade"),
    ):
        rows.append((label, region.get(key, 0.0), glossary.REGION_DOCS[key]))
    label_w = round(width * 0.5)
    room = rect.height - (y - rect.y) - px(6)
    # When a name does not fit beside its bar, the bar goes under the name, if there is height
    # for it: a clipped "Trans-Caspia…" is what the issue reported at 130%.
    stacked = any(text.width(label, 12) > label_w - px(4) for label, _v, _m in rows) and room >= len(rows) * px(30)
    step = px(30) if stacked else max(px(18), min(px(24), room // max(1, len(rows))))
    for label, value, message in rows:
        row = pygame.Rect(x, y, width, step)
        colour = WARN if label == "Backlash" else ACCENT
        if stacked:
            text.draw(surface, text.clip(label, width, 12), (x, y), 12, TEXT)
            bar(surface, pygame.Rect(x, y + px(19), width - px(34), px(6)), value, colour)
            text.draw(surface, f"{value:.0f}", (x + width, y + px(12)), 12, TEXT, anchor="topright")
        else:
            text.draw(surface, text.clip(label, label_w - px(4), 12), (x, y), 12, TEXT)
            bar(surface, pygame.Rect(x + label_w, y + px(5), round(width * 0.33), px(7)), value, colour)
            text.draw(surface, f"{value:.0f}", (x + width, y), 12, TEXT, anchor="topright")
        tips.add(row.move(ox, oy), message)
        y += step


def together(part: str) -> str:
    """One item of a '·' list with no-break spaces: wrapping breaks between items, never inside
    one ('China' at a line's end and '3.0' on the next read as two things)."""
    return part.replace(" ", "\u00a0")
