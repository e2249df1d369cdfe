"""The load list: each save's date, scenario, turn and score, whether it replays bit for bit,
and what changed in its scenario since; delete (asked first) and a warning before this
turn's unsaved orders are thrown away.

Replaying a save takes up to a few tenths of a second, so the verdicts are worked out one
save per frame after the list shows, never all at once before it opens.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pygame

from game.ui import saves
from game.ui.classroom import Session
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop, push, reset
from game.ui.theme import ACCENT, BAD, GOOD, MUTED, TEXT, WARN
from game.ui.widgets import panel

CHECKING = "checking…"


def saved_at(info: Any) -> str:
    """When the file was written, in local time ('30 Nov 2026 10:35')."""
    modified = getattr(info, "modified", 0.0) or 0.0
    return time.strftime("%d %b %Y %H:%M", time.localtime(modified)) if modified else "date unknown"


def row_label(info: Any, verdict: str | None) -> str:
    """One line of the list: name, scenario, turn, score, when saved, and the integrity verdict."""
    if getattr(info, "error", None):
        return f"{info.name} — damaged: {info.error}"
    check = "checking…" if verdict is None else "verified" if verdict.startswith("verified") else "NOT verified"
    return (
        f"{info.name} — {info.scenario_title} · turn {info.turn} ({info.date_label}) · "
        f"score {info.score:.1f} · saved {saved_at(info)} · {check}"
    )


class LoadScene(Dialog):
    """The saves, newest first, with the chosen one's details; Enter loads, Del deletes (asks first)."""

    name = "load"
    overlay = False
    heading = "Load a game"

    def __init__(self, ctx: Context, unlocked: Session | None = None) -> None:
        super().__init__(ctx)
        self.unlocked = unlocked  # the game being played (its PIN, if any, was typed to get here)
        self.message = ""
        self.good = False
        self.verdicts: dict[Path, str] = {}
        self.warnings: dict[Path, list[str]] = {}
        self.selected: Path | None = None
        self.refresh()

    def refresh(self) -> None:
        self.slots, self.problem = saves.list_slots()
        paths = [info.path for info in self.slots if not getattr(info, "error", None)]
        if self.selected not in paths:
            self.selected = paths[0] if paths else None

    @property
    def info(self) -> Any | None:
        return next((i for i in self.slots if i.path == self.selected), None)

    # --- integrity, one save per frame --------------------------------------------------

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        todo = [i.path for i in self.slots if not getattr(i, "error", None) and i.path not in self.verdicts]
        if todo:
            path = self.selected if self.selected in todo else todo[0]
            self.verdicts[path], self.warnings[path] = saves.integrity(path)
            self.rebuild()
        return None

    # --- acts ---------------------------------------------------------------------------

    def select(self, path: Path) -> None:
        self.selected = path
        self.rebuild()

    def unsaved(self) -> bool:
        """Whether the game being played has input this turn that no save holds yet."""
        return self.unlocked is not None and saves.unsaved(self.unlocked.sim)

    def load(self, path: Path | str | None = None) -> Transition | None:
        """Open the save, first asking before this turn's orders and acts are thrown away."""
        from game.ui.scenes.message import MessageScene

        path = Path(path) if path is not None else self.selected
        if path is None:
            return None
        if self.unsaved():
            sim = self.unlocked.sim if self.unlocked else None
            orders = len(sim.queued) if sim else 0
            answers = len(sim.history[-1].decisions) if sim else 0
            parts = [f"{orders} queued order(s)"] if orders else []
            parts += [f"{answers} event answer(s) or facilitator act(s)"] if answers else []
            message = f"This turn's {' and '.join(parts)} are in no save yet and will be lost."
            return push(
                MessageScene(
                    self.ctx,
                    "Discard unsaved progress?",
                    message,
                    (("Load anyway", lambda: self.open(path) or pop()), ("Cancel", pop)),
                )
            )
        return self.open(path)

    def open(self, path: Path) -> Transition | None:
        """Load; a locked class game's save (an older turn is an undo) asks for its PIN first."""
        from game.ui import locks
        from game.ui.scenes.launch import campaign
        from game.ui.scenes.pin import PinScene

        sim, error = saves.load_path(path)
        if sim is None:
            self.message, self.good = error, False
            self.rebuild()
            return None
        session = Session(sim)

        def start() -> Transition:
            return reset(campaign(self.ctx, sim, session))

        same_game = self.unlocked is not None and locks.game_key(self.unlocked.sim) == locks.game_key(sim)
        if session.setup.has_pin and not same_game:
            return push(PinScene(self.ctx, session, start, "this class game"))
        return start()

    def confirm_delete(self) -> Transition | None:
        from game.ui.scenes.message import MessageScene

        info = self.info
        if info is None:
            return None
        message = f"Delete '{info.name}' ({info.scenario_title}, turn {info.turn}, saved {saved_at(info)})? It cannot be undone."
        return push(MessageScene(self.ctx, "Delete this save?", message, (("Delete", self.delete), ("Cancel", pop))))

    def delete(self) -> Transition:
        info = self.info
        if info is not None:
            problem = saves.delete_path(info.path)
            self.message, self.good = (problem, False) if problem else (f"Deleted '{info.name}'.", True)
            self.verdicts.pop(info.path, None)
            self.refresh()
        return pop()

    def on_resume(self) -> Transition | None:
        self.rebuild()
        return None

    def accept(self) -> Transition | None:
        return self.load()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_DELETE:
            return self.confirm_delete()
        return super().handle_event(event)

    # --- layout -------------------------------------------------------------------------

    def build(self) -> None:
        px, text = self.ctx.px, self.ctx.text
        w, h = self.ctx.size
        self.list_rect = pygame.Rect(px(16), px(100), round(w * 0.62), h - px(170))
        self.detail = pygame.Rect(
            self.list_rect.right + px(12), px(100), w - self.list_rect.right - px(28), h - px(170)
        )
        y = self.list_rect.y + px(10)
        rows = max(1, (self.list_rect.height - px(20)) // px(40))
        for info in self.slots[:rows]:
            label = text.clip(row_label(info, self.verdicts.get(info.path)), self.list_rect.width - px(40), 14)
            widget = self.add_button(
                pygame.Rect(self.list_rect.x + px(8), y, self.list_rect.width - px(16), px(34)),
                label,
                lambda p=info.path: self.select(p),
                f"{row_label(info, self.verdicts.get(info.path))}. File: {info.path}",
                "#tab",
                enabled=not getattr(info, "error", None),
                key=f"slot:{info.name}",
            )
            if info.path == self.selected:
                widget.select()
            y += px(40)
        by = h - px(56)
        chosen = self.selected is not None
        self.add_button(pygame.Rect(w - px(156), by, px(140), px(40)), "Back (Esc)", pop)
        self.add_button(
            pygame.Rect(w - px(336), by, px(170), px(40)),
            "Delete… (Del)",
            self.confirm_delete,
            "Delete the chosen save (asks first).",
            "#danger",
            enabled=chosen,
        )
        self.add_button(
            pygame.Rect(w - px(516), by, px(170), px(40)),
            "Load (Enter)",
            self.load,
            "Open the chosen save.",
            "#primary",
            enabled=chosen,
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, _ = self.ctx.size
        if self.message:
            rect = pygame.Rect(px(16), px(52), w - px(32), px(44))
            text.draw_wrapped(surface, self.message, rect, 14, GOOD if self.good else BAD)
        panel(surface, self.list_rect)
        if self.problem:
            text.draw(surface, self.problem, (self.list_rect.x + px(12), self.list_rect.y + px(12)), 14, BAD)
        elif not self.slots:
            text.draw(surface, "No saved games yet.", (self.list_rect.x + px(12), self.list_rect.y + px(12)), 14, MUTED)
        self._draw_detail(surface)

    def _draw_detail(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        y = panel(surface, self.detail, text, "The chosen save")
        info = self.info
        if info is None:
            return
        x, width = self.detail.x + px(14), self.detail.width - px(28)
        facts = [
            (info.name, ACCENT, True),
            (info.scenario_title, TEXT, False),
            (f"Turn {info.turn} · {info.date_label} · score {info.score:.1f}", TEXT, False),
            (f"Saved {saved_at(info)}", MUTED, False),
        ]
        verdict = self.verdicts.get(info.path)
        facts.append(
            (verdict or CHECKING, MUTED if verdict is None else GOOD if verdict.startswith("verified") else BAD, True)
        )
        for line in self.warnings.get(info.path, []):
            facts.append((f"Warning: {line}", WARN, False))
        for line, colour, bold in facts:
            rect = pygame.Rect(x, y, width, self.detail.bottom - y - px(8))
            y = text.draw_wrapped(surface, line, rect, 14, colour, bold) + px(8)
