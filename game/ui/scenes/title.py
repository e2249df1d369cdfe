"""The title screen over the dimmed map: new game, continue, load, settings, help, quit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.powers import standard_table
from game.content.scenario import Scenario
from game.ui import keymap, saves
from game.ui.contest import starting_look
from game.ui.geometry import MapError, load_map
from game.ui.mapview import MapInputs, MapView
from game.ui.scene import Context, Scene, Transition, push, quit_game, reset
from game.ui.scenes.help import HelpScene
from game.ui.scenes.launch import campaign
from game.ui.scenes.load import LoadScene
from game.ui.scenes.message import MessageScene, quit_confirm
from game.ui.scenes.scenario_choice import ScenarioScene
from game.ui.scenes.settings import SettingsScene
from game.ui.theme import MUTED, TEXT, WARN


class Backdrop:
    """The region's map, dimmed, behind the title and briefing."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        try:
            self.view: MapView | None = MapView(load_map(), ctx.text)
        except MapError:
            self.view = None

    def draw(
        self, surface: pygame.Surface, scenario: Scenario | None = None, covered: tuple[pygame.Rect, ...] = ()
    ) -> None:
        """The map under a dark veil; capitals' names keep clear of `covered` (what is drawn over it)."""
        if self.view is None:
            return
        looks, table = (), standard_table()
        if scenario is not None:
            looks = tuple((s.id, starting_look(s.alignment, scenario.power_table.ids)) for s in scenario.states)
            table = scenario.power_table
        rect = surface.get_rect()
        boxes = tuple((r.x, r.y, r.width, r.height) for r in covered)
        inputs = MapInputs(rect.size, looks, 0.0, self.ctx.scale, powers=table, covered=boxes)
        self.view.draw(surface, rect, inputs, None)
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        shade.fill((10, 14, 20, 150))
        surface.blit(shade, (0, 0))


class TitleScene(Scene):
    name = "title"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.backdrop = Backdrop(ctx)
        self.message = ""

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        latest = saves.latest_autosave()
        width, x = px(300), w // 2 - px(150)
        y = h // 2 - px(90)
        entries: list[tuple[str, Callable[[], Transition | None], str, bool]] = [
            ("New campaign", lambda: push(ScenarioScene(self.ctx)), "Choose a scenario and start.", True),
            (
                "Continue",
                self.continue_latest,
                f"Resume your most recent game: {saves.describe(latest)}" if latest else "No autosave yet.",
                latest is not None,
            ),
            ("Load", lambda: push(LoadScene(self.ctx)), "Open a saved game.", True),
            ("Settings", lambda: push(SettingsScene(self.ctx)), "UI scale and window size.", True),
            ("Help", lambda: push(HelpScene(self.ctx, None)), "How to play, the claims, the keys.", True),
            ("Quit", quit_game, "Close the game.", True),
        ]
        for label, handler, tip, enabled in entries:
            self.add_button(
                pygame.Rect(x, y, width, px(42)),
                label,
                handler,
                tip,
                "#primary" if label == "New campaign" else None,
                enabled,
            )
            y += px(50)

    def continue_latest(self) -> Transition | None:
        latest = saves.latest_autosave()
        if latest is None:
            self.message = "There is no autosave yet."
            return None
        sim, error = saves.load_path(latest)
        if sim is None:
            return push(MessageScene(self.ctx, "The autosave could not be loaded", error))
        return reset(campaign(self.ctx, sim))

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        action = keymap.action("title", event.key) if event.type == pygame.KEYDOWN else None
        if action == "new":
            return push(ScenarioScene(self.ctx))
        if action == "quit":
            return push(quit_confirm(self.ctx, to_menu=False))
        if action == "help":
            return push(HelpScene(self.ctx, None))
        return super().handle_event(event)

    def heading(self) -> list[tuple[str, int, bool, tuple[int, int]]]:
        """The title and subtitle: text, size, bold and centre."""
        w, h = self.ctx.size
        px = self.ctx.px
        return [
            ("Crossroads", 48, True, (w // 2, h // 2 - px(200))),
            ("US policy in Central Asia, one quarter at a time", 17, False, (w // 2, h // 2 - px(148))),
        ]

    def foreground(self) -> tuple[pygame.Rect, ...]:
        """What is drawn over the map: the heading's lines and the menu (city names keep clear of them)."""
        text = self.ctx.text
        lines = tuple(
            text.render(line, size, bold=bold).get_rect(center=centre) for line, size, bold, centre in self.heading()
        )
        buttons = [pygame.Rect(widget.rect) for widget in self.handlers]
        return lines + ((buttons[0].unionall(buttons[1:]),) if buttons else ())

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, h = self.ctx.size
        self.backdrop.draw(surface, covered=self.foreground())
        for line, size, bold, centre in self.heading():
            text.draw(surface, line, centre, size, TEXT if bold else (200, 214, 230), bold=bold, anchor="center")
        if self.message:
            text.draw(surface, self.message, (w // 2, h - px(40)), 14, WARN, anchor="center")
        text.draw(
            surface,
            "Map: Natural Earth (public domain). Font: Noto Sans (OFL).",
            (w - px(12), h - px(10)),
            11,
            MUTED,
            anchor="bottomright",
        )
