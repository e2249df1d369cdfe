"""The campaign's map area: the region's map with its legend, clicks that select a state, the
state tooltip, and the status line and lock banner drawn along its edges."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.vocabulary import CORRIDOR
from game.ui.contest import state_looks
from game.ui.geometry import MapError, load_map
from game.ui.map_legend import draw_legend, legend_size, legend_tip
from game.ui.mapview import MapInputs, MapView
from game.ui.panels.base import Panel
from game.ui.scene import Transition
from game.ui.theme import BAD, GOOD, TEXT
from game.ui.widgets import panel

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene


class MapArea(Panel):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__(scene)
        self.error = ""
        self.view: MapView | None = None
        try:
            self.view = MapView(load_map(), scene.ctx.text)
        except MapError as error:
            self.error = str(error)
        self.legend_open = True  # clicking the legend folds it away (it covers part of the map)
        self.legend_rect = pygame.Rect(0, 0, 0, 0)

    def refresh(self) -> None:
        if self.view is not None:
            self.legend_rect = self.legend_box()
            self.scene.tips.add(self.legend_rect, legend_tip(self.legend_open, self.scene.sim.world.powers))
            self.scene.tips.add(self.scene.layout.map, self._tip)

    def toggle_legend(self) -> None:
        self.legend_open = not self.legend_open
        self.scene.refresh()

    def handle_event(self, event: pygame.event.Event) -> tuple[bool, Transition | None]:
        """A click on the legend folds it; a click on a state selects it."""
        if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1:
            return False, None
        if self.legend_rect.collidepoint(event.pos):
            self.toggle_legend()
            return True, None
        hit = self.view.hit(event.pos) if self.view is not None else None
        if hit:
            self.scene.select(hit)
            return True, None
        return False, None

    def _tip(self, pos: tuple[int, int]) -> str | None:
        """The state under the mouse: name, who leads, and every power's alignment."""
        from game.ui.maptips import state_tip

        state_id = self.view.hit(pos) if self.view is not None else None
        return state_tip(self.scene.sim, state_id) if state_id else None

    def inputs(self) -> MapInputs:
        """The map's drawing model: every state's standing among the powers, its change and tipping."""
        scene = self.scene
        return MapInputs(
            scene.layout.map.size,
            state_looks(scene.sim),
            scene.sim.state.projects.get(CORRIDOR, 0.0),
            scene.ctx.scale,
            scene.sim.scenario.score.preferred_share,
            tuple(self.legend_box().move(-scene.layout.map.x, -scene.layout.map.y)),
            scene.sim.world.powers,
        )

    def legend_box(self) -> pygame.Rect:
        """Where the legend sits: full, compact (small maps) or folded to one line."""
        scene, px = self.scene, self.scene.ctx.px
        frame = pygame.Rect(self.view.projection.frame) if self.view else pygame.Rect((0, 0), scene.layout.map.size)
        x, y = scene.layout.map.x + frame.x + px(6), scene.layout.map.y + frame.y + px(6)
        size = legend_size(scene.ctx, scene.layout.compact, self.legend_open, scene.sim.world.powers)
        return pygame.Rect((x, y), size)

    def draw(self, surface: pygame.Surface) -> None:
        scene = self.scene
        lay, text, px = scene.layout, scene.ctx.text, scene.ctx.px
        if self.view is not None:
            self.view.draw(surface, lay.map, self.inputs(), scene.selected)
            self.legend_rect = self.legend_box()
            progress = scene.sim.state.projects.get(CORRIDOR, 0.0)
            powers = scene.sim.world.powers
            draw_legend(surface, scene.ctx, self.legend_rect, lay.compact, self.legend_open, progress, powers)
        else:
            panel(surface, lay.map, text, "The map could not be drawn")
            text.draw_wrapped(surface, self.error, lay.map.inflate(-px(24), -px(60)), 14, BAD)

    def draw_edges(self, surface: pygame.Surface) -> None:
        """The lock banner along the top and the status line along the bottom (over the panels)."""
        scene = self.scene
        if scene.session.locked:
            self._banner(surface, f"Time is up: {scene.seat.label}'s orders are locked. End Turn still works.")
        if scene.status_line:
            lay, text, px = scene.layout, scene.ctx.text, scene.ctx.px
            status = text.clip(scene.status_line, lay.map.width - px(24), 13)
            band = pygame.Rect(lay.map.x, lay.map.bottom - px(26), lay.map.width, px(26))
            shade = pygame.Surface(band.size, pygame.SRCALPHA)
            shade.fill((8, 12, 18, 215))
            surface.blit(shade, band)
            colour = GOOD if scene.status_good else BAD
            text.draw(surface, status, (band.x + px(10), band.centery), 13, colour, anchor="midleft")

    def _banner(self, surface: pygame.Surface, message: str) -> None:
        lay, text, px = self.scene.layout, self.scene.ctx.text, self.scene.ctx.px
        band = pygame.Rect(lay.map.x, lay.map.y, lay.map.width, px(34))
        pygame.draw.rect(surface, (120, 40, 30), band)
        clipped = text.clip(message, band.width - px(20), 14, True)
        text.draw(surface, clipped, band.center, 14, TEXT, bold=True, anchor="center")
