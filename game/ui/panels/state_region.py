"""The campaign's selected-state panel and region strip, rendered into cached surfaces on refresh
(see `game.ui.state_panel`) and blitted each frame."""

from __future__ import annotations

import pygame

from game.ui.panels.base import Panel
from game.ui.state_panel import draw_region_panel, draw_state_panel


class StateRegionPanels(Panel):
    state: pygame.Surface | None = None
    region: pygame.Surface | None = None

    def refresh(self) -> None:
        scene, lay = self.scene, self.scene.layout
        self.state = pygame.Surface(lay.state.size)
        draw_state_panel(self.state, scene.ctx, scene.sim, scene.selected, scene.tips, lay.state.topleft)
        self.region = pygame.Surface(lay.region.size)
        draw_region_panel(self.region, scene.ctx, scene.sim, scene.tips, lay.region.topleft)

    def draw(self, surface: pygame.Surface) -> None:
        if self.state is not None:
            surface.blit(self.state, self.scene.layout.state)
        if self.region is not None:
            surface.blit(self.region, self.scene.layout.region)
