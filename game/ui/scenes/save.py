"""Saving into a named slot, and the slot list the load screen shares."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.sim.engine import Simulation
from game.ui import saves
from game.ui.dialog import Dialog
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import BAD, GOOD, MUTED


class SaveScene(Dialog):
    """Save into a named slot (typing a name, or clicking an existing slot to overwrite it)."""

    name = "save"
    overlay = False
    heading = "Save the game"

    def __init__(self, ctx: Context, sim: Simulation) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.message = ""
        self.good = True
        self.slots, self.problem = saves.list_slots()
        self.default = f"{sim.scenario.id}-turn{sim.turn}"
        self.entry: pygame_gui.elements.UITextEntryLine | None = None

    def save(self, name: str | None = None) -> Transition | None:
        name = (name or (self.entry.get_text() if self.entry else "") or self.default).strip()
        error = saves.save(self.sim, name)
        self.message, self.good = (f"Saved as '{name}'.", True) if not error else (error, False)
        self.slots, self.problem = saves.list_slots()
        self.rebuild()
        return None

    def accept(self) -> Transition | None:
        return self.save()  # the field lost focus (a click elsewhere): Enter still saves

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.save()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(px(16), px(80), px(420), px(38)), self.gui)
        self.entry.set_text(self.default)
        self.entry.focus()  # "Enter saves" must hold without clicking the field first
        self.add_button(
            pygame.Rect(px(446), px(80), px(140), px(38)),
            "Save",
            self.save,
            "Write the game to this slot (the previous file is kept as a backup).",
            "#primary",
        )
        slots_box(self, self.slots, lambda info: lambda: self.save(info.name), "Overwrite this slot")
        self.add_button(pygame.Rect(w - px(156), h - px(56), px(140), px(40)), "Back (Esc)", pop)

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(surface, "Slot name (Enter saves):", (px(16), px(56)), 13, MUTED)
        if self.message:
            text.draw(surface, self.message, (px(600), px(90)), 14, GOOD if self.good else BAD)
        slot_notes(self, surface)


def slot_label(info: object) -> str:
    turn = getattr(info, "turn", "?")
    date = getattr(info, "date_label", "")
    score = getattr(info, "score", None)
    score_text = f" · score {score:.1f}" if isinstance(score, int | float) else ""
    return f"{getattr(info, 'name', '?')} — {getattr(info, 'scenario_title', '')} · turn {turn} {date}{score_text}"


def slots_box(
    scene: Scene, slots: list, handler: Callable[[object], Callable[[], Transition | None]], tip: str
) -> None:
    px = scene.ctx.px
    w, h = scene.ctx.size
    y = px(140)
    for info in slots[: max(1, (h - y - px(80)) // px(40))]:
        error = getattr(info, "error", "")
        label = slot_label(info) + (f"  (damaged: {error})" if error else "")
        scene.add_button(
            pygame.Rect(px(16), y, w - px(32), px(34)),
            label,
            handler(info),
            f"{tip}. File: {getattr(info, 'path', '')}",
            "#tab",
            enabled=not error,
        )
        y += px(40)


def slot_notes(scene: Scene, surface: pygame.Surface) -> None:
    text, px = scene.ctx.text, scene.ctx.px
    slots, problem = getattr(scene, "slots", []), getattr(scene, "problem", "")
    if problem:
        text.draw(surface, problem, (px(16), px(124)), 14, BAD)
    elif not slots:
        text.draw(surface, "No saved games yet.", (px(16), px(124)), 14, MUTED)
    else:
        text.draw(surface, f"{len(slots)} saved game(s), newest first:", (px(16), px(124)), 13, MUTED)
