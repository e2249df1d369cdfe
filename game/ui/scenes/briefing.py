"""The briefing before the first turn: situation, goal, grading and tracks beside the map."""

from __future__ import annotations

import pygame

from game.content.vocabulary import CORRIDOR
from game.sim.engine import Simulation
from game.ui import glossary
from game.ui.classroom import Session
from game.ui.contest import state_looks
from game.ui.geometry import MapError, load_map
from game.ui.mapview import MapInputs, MapView
from game.ui.scene import Context, Scene, Transition, replace
from game.ui.scenes.launch import campaign
from game.ui.theme import ACCENT, MUTED, TEXT
from game.ui.widgets import panel


class BriefingScene(Scene):
    """The situation, the goal, the grades and the three tracks, beside the map they play on."""

    name = "briefing"

    def __init__(self, ctx: Context, sim: Simulation, session: Session | None = None) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.session = session
        try:
            self.map: MapView | None = MapView(load_map(), ctx.text)
        except MapError:
            self.map = None

    def begin(self) -> Transition:
        return replace(campaign(self.ctx, self.sim, self.session))

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE):
            return self.begin()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(px(16), px(16), max(px(460), round(w * 0.42)), h - px(32))
        self.map_rect = pygame.Rect(self.box.right + px(12), px(16), w - self.box.right - px(28), h - px(32))
        self.add_button(
            pygame.Rect(self.box.right - px(220), self.box.bottom - px(56), px(200), px(40)),
            "Begin (Enter)",
            self.begin,
            "Go to the map and plan your first quarter.",
            "#primary",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px, sim = self.ctx.text, self.ctx.px, self.sim
        self._draw_map(surface)
        panel(surface, self.box)
        about = sim.scenario.about
        x, width = self.box.x + px(24), self.box.width - px(48)
        text.draw(surface, f"Briefing — {about.title}", (x, self.box.y + px(16)), 22, TEXT, bold=True)
        y = self.box.y + px(56)
        grades = glossary.grades_sentence(sim.scenario.score)
        tracks = (
            "Soft power — education, culture, markets: cheap, slow to mature, lasting (C5, C6). "
            "Trade — investment, resources, the corridor, ERICEN: strong once trust exists (C9–C11, C15). "
            "Diplomacy — C5+1, visits, security, water, technology: the whole region and shared threats "
            "(C8, C12, C13)."
        )
        sections = (
            ("The situation", about.summary),
            ("Your goal", about.goal),
            (
                "How you are graded",
                f"Your campaign score is the average US position over all {sim.scenario.turns} turns, so it "
                f"starts low (grade F at first) and climbs as you gain ground. Grades: {grades}. Victory at "
                f"{sim.scenario.score.victory_score:g}, defeat at {sim.scenario.score.defeat_score:g} or below — "
                "both judged on the final score at the end of the campaign.",
            ),
            ("Three tracks", tracks),
        )
        bottom = self.box.bottom - px(100)
        size = 14  # a small window: a smaller font rather than cutting the last section
        while size > 11:
            needed = sum(px(32) + len(text.wrap(body, width, size)) * text.line_height(size) for _h, body in sections)
            if y + needed <= bottom:
                break
            size -= 1
        for heading, body in sections:
            if not body:
                continue
            text.draw(surface, heading, (x, y), 15, ACCENT, bold=True)
            y = text.draw_wrapped(surface, body, pygame.Rect(x, y + px(22), width, bottom - y - px(22)), size, TEXT)
            y += px(10)
        text.draw(
            surface,
            f"Seed {sim.seed} · difficulty {sim.difficulty_id} · F1 opens help at any time",
            (x, self.box.bottom - px(92)),
            13,
            MUTED,
        )

    def _draw_map(self, surface: pygame.Surface) -> None:
        """The starting map, undimmed, with who leads each state at the start."""
        text, px = self.ctx.text, self.ctx.px
        rect = self.map_rect
        if self.map is None:
            panel(surface, rect, text, "The map could not be drawn")
            return
        looks = state_looks(self.sim)  # the same plates as the campaign map: every power's share
        progress = self.sim.state.projects.get(CORRIDOR, 0.0)
        share = self.sim.scenario.score.preferred_share
        self.map.draw(
            surface,
            rect,
            MapInputs(rect.size, looks, progress, self.ctx.scale, share, powers=self.sim.world.powers),
            None,
        )
        bar = " | ".join(power.short for power in self.sim.world.powers)
        caption = f"The region at the start: shade = who leads; bar = {bar} shares."
        caption = text.clip(caption, rect.width - px(16), 13)  # a narrow map must not push it off screen
        text.draw(surface, caption, (rect.x + px(8), rect.bottom - px(8)), 13, TEXT, anchor="bottomleft")
