"""Every key binding of the play screens, in one table: key → action → button label → help line.

The key handlers look actions up here, buttons write their key from here ("End turn (Enter)"),
and the help's Keys page is written from here, so the three cannot drift apart again.
"""

from __future__ import annotations

import attrs
import pygame

ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)


@attrs.frozen
class Binding:
    """One action on one screen, the keys that trigger it and how the help and buttons name them."""

    screen: str  # title, campaign, report, event, dialog, help or anywhere (the app itself)
    action: str  # the name the screen's handler dispatches on
    keys: tuple[int, ...]
    keys_text: str  # the keys as the help writes them
    does: str  # what it does, as the help says it
    button_key: str = ""  # the key a button names in brackets, e.g. "Enter" in "End turn (Enter)"


BINDINGS: tuple[Binding, ...] = (
    Binding("campaign", "end_turn", ENTER, "Enter", "end turn", "Enter"),
    Binding("campaign", "next_state", (pygame.K_TAB,), "Tab / Shift+Tab", "next / previous state"),
    Binding("campaign", "track", (pygame.K_1, pygame.K_2, pygame.K_3), "1 2 3", "pick a track"),
    Binding("campaign", "remove_last", (pygame.K_BACKSPACE,), "Backspace", "remove the last order"),
    Binding("campaign", "answer_event", (pygame.K_e,), "E", "answer an event set aside", "E"),
    Binding("campaign", "report", (pygame.K_r,), "R", "turn report", "R"),
    Binding("campaign", "charts", (pygame.K_c,), "C", "charts", "C"),
    Binding("campaign", "save", (pygame.K_s,), "S", "save", "S"),
    Binding("campaign", "load", (pygame.K_l,), "L", "load"),
    Binding("campaign", "help", (pygame.K_F1, pygame.K_h), "F1 or H", "help", "F1"),
    Binding("campaign", "reload", (pygame.K_F5,), "F5", "reload the scenario file"),
    Binding("campaign", "facilitator", (pygame.K_F9,), "F9", "facilitator view"),
    Binding("campaign", "menu", (pygame.K_ESCAPE, pygame.K_q), "Esc or Q", "menu / quit (asks first)", "Esc"),
    Binding("report", "next_page", (pygame.K_RIGHT, pygame.K_PAGEDOWN), "Right arrow", "next page"),
    Binding("report", "previous_page", (pygame.K_LEFT, pygame.K_PAGEUP), "Left arrow", "previous page"),
    Binding("report", "next_filter", (pygame.K_TAB,), "Tab", "cycles the state filter"),
    Binding(
        "report",
        "close",
        (pygame.K_ESCAPE, *ENTER, pygame.K_r, pygame.K_SPACE),
        "Enter or Esc",
        "back to the map",
        "Enter",
    ),
    Binding("event", "choose", tuple(range(pygame.K_1, pygame.K_9 + 1)), "1–9", "choose"),
    Binding(
        "event",
        "set_aside",
        (pygame.K_m, pygame.K_ESCAPE),
        "M or Esc",
        "look at the map first (E or End Turn brings the event back)",
        "M",
    ),
    Binding("dialog", "accept", ENTER, "Enter", "takes the highlighted button; in Leave? that is Cancel"),
    Binding("dialog", "cancel", (pygame.K_ESCAPE,), "Esc", "closes it"),
    Binding("title", "new", (*ENTER, pygame.K_n), "Enter or N", "new campaign"),
    Binding("title", "help", (pygame.K_F1, pygame.K_h), "F1 or H", "help"),
    Binding("title", "quit", (pygame.K_ESCAPE, pygame.K_q), "Esc or Q", "quit (asks first)"),
    Binding("help", "next_page", (pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_SPACE), "Right arrow", "next page"),
    Binding("help", "previous_page", (pygame.K_LEFT, pygame.K_PAGEUP), "Left arrow", "previous page"),
    Binding("help", "next_topic", (pygame.K_TAB,), "Tab", "next topic", "Tab"),
    Binding("help", "close", (pygame.K_ESCAPE, pygame.K_F1, pygame.K_h), "Esc, F1 or H", "close", "Esc"),
    Binding(
        "anywhere", "toggle_size", (pygame.K_F11,), "F11", "toggles the window size between 1280×720 and 1920×1080"
    ),
)

SCREEN_TITLES = {
    "title": "Title screen",
    "campaign": "Campaign",
    "report": "Report",
    "event": "Event dialog",
    "dialog": "Dialogs",
    "help": "Help",
    "anywhere": "Anywhere",
}


def bindings(screen: str) -> tuple[Binding, ...]:
    return tuple(b for b in BINDINGS if b.screen == screen)


def action(screen: str, key: int) -> str | None:
    """The action this key triggers on this screen, or None."""
    for binding in BINDINGS:
        if binding.screen == screen and key in binding.keys:
            return binding.action
    return None


def keys(screen: str, name: str) -> tuple[int, ...]:
    """The keys bound to one action (dialogs test against them)."""
    return next(b.keys for b in BINDINGS if b.screen == screen and b.action == name)


def key_name(screen: str, name: str) -> str:
    """The key a button or hint names for one action ("Enter" for the campaign's end_turn)."""
    binding = next(b for b in BINDINGS if b.screen == screen and b.action == name)
    if not binding.button_key:
        raise ValueError(f"the {screen} action '{name}' names no key for a button")
    return binding.button_key


def label(text: str, screen: str, name: str) -> str:
    """A button's label with its key from the table: label('End turn', 'campaign', 'end_turn') → 'End turn (Enter)'."""
    return f"{text} ({key_name(screen, name)})"


def help_lines() -> list[str]:
    """One line per screen for the help's Keys page."""
    lines = []
    for screen, title in SCREEN_TITLES.items():
        parts = [f"{b.keys_text} {b.does}" for b in bindings(screen)]
        lines.append(f"{title}: " + " · ".join(parts) + ".")
    return lines
