"""Confirmations and error reports: a message with buttons, the quit question, the crash offer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui import saves
from game.ui.classroom import Session
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop, push, quit_game, replace, reset
from game.ui.scenes.launch import campaign
from game.ui.theme import TEXT


class MessageScene(Dialog):
    """A dialog with a title, a message and buttons (confirmations and error reports)."""

    name = "dialog"

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

    @property
    def heading(self) -> str:
        return self.title

    def accept(self) -> Transition | None:
        return self.choices[self.default][1]()

    def build(self) -> None:
        w, _h = self.ctx.size
        self.place_box(min(w - self.ctx.px(60), self.ctx.px(620)), self.ctx.px(240))
        self.button_row(self.choices, self.choices[self.default][0])

    def draw_body(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        self.ctx.text.draw_wrapped(
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
