"""Posting real pygame events to the app, as a player's mouse and keyboard would."""

from __future__ import annotations

import pygame


def settle(app, frames: int = 2) -> None:
    for _ in range(frames):
        app.step(wait=False)


def click(app, pos: tuple[int, int]) -> None:
    """Move there, press and release the left button, and let the app process it."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    settle(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    settle(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app, 2)


def click_button(app, label: str) -> None:
    click(app, app.top.button_rect(label).center)


def press(app, key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    settle(app, 2)


def button_labels(scene) -> list[str]:
    return [widget.text for widget in scene.handlers]
