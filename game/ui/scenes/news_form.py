"""The facilitator's news form: headline, text, states and effect rows (type/power/variable/amount).

Choice columns cycle through their values on click (no dropdowns to mis-click on a
projector); the form builds the payload of `sim.act("news", ...)` and the simulation says
whether the effects are valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.sim.receptivity import multiplier
from game.ui.facilitator_data import NO_EFFECT, effect_payload, effect_types, subjects, takes_power
from game.ui.tab_row import RowStyle, Tab, state_picker, state_tabs, tab_row

if TYPE_CHECKING:
    from game.ui.scenes.facilitator import FacilitatorScene

ROWS = 3


class EffectRow:
    """One effect row's choices (kept across rebuilds; the widgets are not)."""

    def __init__(self) -> None:
        self.kind = NO_EFFECT
        self.power = "us"
        self.subject = ""
        self.amount = "0"


def _cycle(values: tuple[str, ...], current: str) -> str:
    if not values:
        return current
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


class NewsForm:
    """Builds its widgets into the facilitator scene and reads them back."""

    def __init__(self) -> None:
        self.title = ""
        self.text = ""
        self.states: set[str] = set()  # empty: every state
        self.rows = [EffectRow() for _ in range(ROWS)]
        self.title_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.text_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.amount_entries: list[pygame_gui.elements.UITextEntryLine] = []

    def remember(self) -> None:
        """Keep what was typed before the widgets are rebuilt."""
        if self.title_entry is not None:
            self.title = self.title_entry.get_text()
        if self.text_entry is not None:
            self.text = self.text_entry.get_text()
        for row, entry in zip(self.rows, self.amount_entries, strict=False):
            row.amount = entry.get_text()

    def build(self, scene: FacilitatorScene, body: pygame.Rect) -> None:
        px, gui, sim = scene.ctx.px, scene.gui, scene.session.sim
        x, y = body.x + px(16), body.y + px(40)
        self.title_entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(x + px(110), y, px(560), px(34)), gui)
        self.title_entry.set_text(self.title)
        y += px(42)
        self.text_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(x + px(110), y, body.width - px(160), px(34)), gui
        )
        self.text_entry.set_text_length_limit(400)
        self.text_entry.set_text(self.text)
        y += px(46)
        every = Tab("All states", self._all_states, "The news reaches every state (the default).", not self.states)
        sx = tab_row(scene, x + px(110), y, [every], RowStyle(height=px(30), gap=px(6), width=px(110)))
        states = state_tabs(
            sim.world, self._toggle_state, "Limit the news to {name} (toggle).", self.states.__contains__
        )
        tab_row(scene, sx, y, states, state_picker(px))
        y += px(56)
        self.rows_top = y
        self.amount_entries = []
        widths = (px(150), px(120), px(210), px(100))
        for index, row in enumerate(self.rows):
            cx = x + px(110)
            values = subjects(row.kind, sim.scenario)
            if row.subject not in values:
                row.subject = values[0] if values else ""
            labels = (
                f"type: {row.kind}",
                f"power: {row.power}" if takes_power(row.kind) else "power: —",
                f"{row.subject or '—'}",
            )
            handlers = (
                lambda r=row: self._next_kind(r),
                lambda r=row: self._next_power(r, sim.world.powers.ids),
                lambda r=row, v=values: self._next_subject(r, v),
            )
            tips = (
                "Effect type (click to change): the scenario's effect types.",
                "Whose alignment, floor or budget (click to change).",
                "Which variable, flag, project or track (click to change).",
            )
            for label, handler, tip, width in zip(labels, handlers, tips, widths, strict=False):
                scene.add_button(
                    pygame.Rect(cx, y, width, px(32)),
                    f"{index + 1}·{label}" if cx == x + px(110) else label,
                    handler,
                    tip,
                    enabled=row.kind != NO_EFFECT or cx == x + px(110),
                )
                cx += width + px(6)
            entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(cx, y, widths[3], px(32)), gui)
            entry.set_text(row.amount)
            self.amount_entries.append(entry)
            y += px(40)
        scene.add_button(
            pygame.Rect(x + px(110), y + px(12), px(200), px(40)),
            "Publish news",
            scene.publish_news,
            "Apply the effects now; the item is logged in the ledger as a facilitator act.",
            "#primary",
        )

    def draw(self, scene: FacilitatorScene, surface: pygame.Surface, body: pygame.Rect) -> None:
        text, px = scene.ctx.text, scene.ctx.px
        x, y = body.x + px(16), body.y + px(40)
        muted = (154, 167, 184)
        text.draw(
            surface,
            "Write a news item: it applies at once and appears in the ledger.",
            (x, body.y + px(12)),
            14,
            (232, 236, 241),
            bold=True,
        )
        for label, dy in (("Headline", 8), ("Text", 50), ("States", 94)):
            text.draw(surface, label, (x, y + px(dy)), 14, muted)
        text.draw(surface, "Effects", (x, self.rows_top + px(6)), 14, muted)
        text.draw(
            surface,
            "amount (flags: 0 = off)",
            (x + px(110) + px(150 + 120 + 210 + 18), self.rows_top - px(20)),
            12,
            muted,
        )
        lines = self.preview(scene)
        if lines:
            box = pygame.Rect(
                x + px(330), self.rows_top + px(len(self.rows) * 40 + 8), body.right - x - px(350), px(90)
            )
            text.draw(surface, "Applied after receptivity (C1):", (box.x, box.y), 13, (240, 190, 90), bold=True)
            text.draw_wrapped(
                surface, "  ".join(lines), pygame.Rect(box.x, box.y + px(20), box.width, box.height), 12, muted
            )

    def preview(self, scene: FacilitatorScene) -> list[str]:
        """What each influence row will really add: gains are scaled by each state's receptivity (C1),
        so 5 typed can land as +11 in an open state; the form says so before the teacher publishes."""
        sim = scene.session.sim
        targets = [s for s in sim.world.state_ids if not self.states or s in self.states]
        lines = []
        for index, (row, entry) in enumerate(zip(self.rows, self.amount_entries, strict=False)):
            if row.kind != "influence":
                continue
            try:
                amount = float(entry.get_text().strip().replace(",", ".") or "0")
            except ValueError:
                continue
            if amount <= 0:
                lines.append(f"{index + 1}: {amount:g} applies as entered (losses are not scaled)")
                continue
            parts = []
            for state_id in targets:
                country = sim.state.countries[state_id]
                factor = multiplier(sim.world, country, row.power, None)
                parts.append(f"{sim.world.state_name(state_id)} {amount * factor:+.2f} (×{factor:.2f})")
            lines.append(f"{index + 1}: {amount:g} × receptivity gives " + ", ".join(parts))
        return lines

    def payload(self, scene: FacilitatorScene) -> dict[str, Any]:
        """The act's payload; ValueError when an amount is not a number."""
        self.remember()
        effects = []
        for index, row in enumerate(self.rows):
            if row.kind == NO_EFFECT:
                continue
            try:
                amount = float(row.amount.strip().replace(",", ".") or "0")
            except ValueError:
                raise ValueError(f"effect {index + 1}: '{row.amount}' is not a number") from None
            data = effect_payload(row.kind, row.power, row.subject, amount)
            if data is not None:
                effects.append(data)
        payload: dict[str, Any] = {"title": self.title.strip(), "text": self.text.strip(), "effects": effects}
        if self.states:
            payload["states"] = [s for s in scene.session.sim.world.state_ids if s in self.states]
        return payload

    # --- clicks -------------------------------------------------------------------------

    def _all_states(self) -> None:
        self.states.clear()

    def _toggle_state(self, state_id: str) -> None:
        self.states.symmetric_difference_update({state_id})

    def _next_kind(self, row: EffectRow) -> None:
        row.kind = _cycle(effect_types(), row.kind)
        row.subject = ""

    def _next_power(self, row: EffectRow, powers: tuple[str, ...]) -> None:
        row.power = _cycle(powers, row.power)

    def _next_subject(self, row: EffectRow, values: tuple[str, ...]) -> None:
        row.subject = _cycle(values, row.subject)
