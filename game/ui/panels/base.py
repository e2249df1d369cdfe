"""What every part of the campaign screen does: lay out widgets, draw, answer events, add tooltips.

The campaign scene owns the game and the player's choices (selected state, track, seat); a
panel reads them from the scene, adds its buttons to the scene's widget manager in `build`,
re-renders what it caches in `refresh` (where it also adds its tooltips) and paints in `draw`,
which never changes game state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.layout import CampaignLayout
from game.ui.scene import Transition

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene


class Panel:
    """One part of the campaign screen."""

    def __init__(self, scene: CampaignScene) -> None:
        self.scene = scene

    def build(self, lay: CampaignLayout) -> None:
        """Add this panel's widgets for the current layout (after every rebuild)."""

    def refresh(self) -> None:
        """Re-render cached drawing and add tooltips (after anything changed)."""

    def handle_event(self, event: pygame.event.Event) -> tuple[bool, Transition | None]:
        """(handled, transition): a panel that handles an event keeps the others from seeing it."""
        return False, None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the panel; never changes game state."""
