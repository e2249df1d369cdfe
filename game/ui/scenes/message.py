"""Confirmations and error reports: a message with buttons, the quit question, the crash offer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui import saves
from game.ui.classroom import Session
from game.ui.scene import Context, Scene, Transition, pop, push, quit_game, replace, reset
from game.ui.scenes.launch import campaign
from game.ui.theme import ACCENT, TEXT
from game.ui.widgets import panel


class MessageScene(Scene):
    """A dialog with a title, a message and buttons (confirmations and error reports)."""

    name = "dialog"
    overlay = True

    def __init__(
        self,
        ctx: Context,
        title: str,
        message: str,
        choices: tuple[tuple[str, Callable[[], Transition | None]], ...] = (),
        default: int = 0,
    ) -> None:
        super().__init__(ctx)
        self.title, self.message = title, message
        self.choices = choices or (("OK", pop),)
        self.default = default  # the choice Enter takes, drawn as the primary button

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return pop()
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.choices[self.default][1]()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(0, 0, min(w - px(60), px(620)), px(240))
        self.box.center = (w // 2, h // 2)
        x = self.box.right - px(20)
        for label, handler in reversed(self.choices):
            width = self.ctx.text.width(label, 15) + px(36)
            x -= width
            self.add_button(
                pygame.Rect(x, self.box.bottom - px(56), width, px(40)),
                label,
                handler,
                None,
                "#primary" if label == self.choices[self.default][0] else None,
            )
            x -= px(8)

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, ACCENT, self.box, 2, border_radius=6)
        text.draw(surface, self.title, (self.box.x + px(20), self.box.y + px(16)), 19, TEXT, bold=True)
        text.draw_wrapped(
            surface,
            self.message,
            pygame.Rect(self.box.x + px(20), self.box.y + px(56), self.box.width - px(40), px(110)),
            14,
            TEXT,
        )


def quit_confirm(ctx: Context, to_menu: bool = True, session: Session | None = None) -> MessageScene:
    """Quit asks first; from a campaign it also offers the main menu (the game is autosaved).

    In a locked class game the main menu needs the PIN (from there any save could be loaded);
    quitting does not, and a pause survives it (see `game.ui.locks`).
    """
    choices: list[tuple[str, Callable[[], Transition | None]]] = [("Quit game", quit_game)]
    if to_menu:

        def to_title() -> Transition | None:
            from game.ui.scenes.title import TitleScene  # the title screen opens this dialog too

            if session is None or not session.setup.has_pin:
                return reset(TitleScene(ctx))
            from game.ui.scenes.pin import PinScene

            return push(PinScene(ctx, session, lambda: reset(TitleScene(ctx)), "the main menu"))

        choices.append(("Main menu", to_title))
    choices.append(("Cancel", pop))
    note = " Your campaign is autosaved at every End Turn; orders queued this turn are not." if to_menu else ""
    # Enter takes the safe choice: Esc opens this dialog, so Esc then Enter must not end a class's game.
    return MessageScene(ctx, "Leave?", "Do you want to quit?" + note, tuple(choices), default=len(choices) - 1)


def continue_after_crash(ctx: Context, autosave: Path) -> MessageScene:
    """The offer made at start when the last session ended without closing the window."""

    def resume() -> Transition | None:
        sim, error = saves.load_path(autosave)
        if sim is None:
            return replace(MessageScene(ctx, "The autosave could not be loaded", error))
        return reset(campaign(ctx, sim))

    message = (
        f"The game did not close normally last time. Continue from the latest autosave "
        f"({autosave.name}), which is newer than your named saves?"
    )
    return MessageScene(ctx, "Continue after a crash?", message, (("Continue", resume), ("Not now", pop)))
