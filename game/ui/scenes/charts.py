"""Charts over time: a state's alignment with every power, and the US score."""

from __future__ import annotations

import pygame

from game.sim.engine import Simulation
from game.ui.charts import Line, line_chart
from game.ui.history import alignment_series
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.tab_row import RowStyle, state_tabs, tab_row
from game.ui.theme import ACCENT, MUTED, TEXT, WARN, power_colour


def score_lines(sim: Simulation) -> tuple[list[Line], float, float, list[tuple[float, str]]]:
    """Score chart data: the per-turn position, the running campaign score, grade guides."""
    history = list(sim.state.score_history)
    running = [sum(history[: i + 1]) / (i + 1) for i in range(len(history))]
    grades = [(g.min_score, f"{g.name}") for g in sim.scenario.score.grades if g.min_score > -100]
    values = history + [g[0] for g in grades] or [0.0]
    low, high = min(0.0, min(values) - 5), max(values) + 5
    return ([Line("position", history, ACCENT), Line("score", running, WARN, 3)], low, high, grades)


class ChartsScene(Scene):
    name = "charts"

    def __init__(self, ctx: Context, sim: Simulation, state_id: str) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.state_id = state_id
        self.series = alignment_series(sim)

    def pick(self, state_id: str) -> None:
        self.state_id = state_id
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_c, pygame.K_RETURN):
                return pop()
            if event.key == pygame.K_TAB:
                ids = self.sim.world.state_ids
                self.pick(ids[(ids.index(self.state_id) + 1) % len(ids)])
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        states = state_tabs(self.sim.world, self.pick, "Alignment in {name} (Tab cycles)", lambda s: s == self.state_id)
        tab_row(self, px(16), px(56), states, RowStyle(height=px(30), gap=px(4), pad=px(24)))
        self.add_button(pygame.Rect(w - px(156), h - px(52), px(140), px(38)), "Back (Esc)", pop, None, "#primary")

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, h = self.ctx.size
        text.draw(surface, "Charts", (px(16), px(14)), 22, TEXT, bold=True)
        text.draw(
            surface, "Lines are labelled at their right end; the start is before turn 1.", (px(120), px(22)), 13, MUTED
        )
        top = px(100)
        chart_h = (h - top - px(76)) // 2
        name = self.sim.world.state_name(self.state_id)
        table = self.sim.world.powers
        lines = [Line(row.name, self.series[self.state_id][row.id], power_colour(table, row.id), 3) for row in table]
        line_chart(surface, pygame.Rect(px(16), top, w - px(32), chart_h), text, f"Alignment in {name}", lines)
        score, low, high, guides = score_lines(self.sim)
        line_chart(
            surface,
            pygame.Rect(px(16), top + chart_h + px(10), w - px(32), chart_h),
            text,
            "US score: position each turn, and the campaign score (their running mean); dashed = grades",
            score,
            low,
            high,
            guides,
            "turn 1",
            1,
        )
