"""The debrief: grade against the thresholds, the score's parts, main causes, claims, charts."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.content.powers import PLAYER
from game.saves.slots import default_save_folder
from game.sim.engine import Simulation
from game.sim.explain import claim_weights, describe_cause, top_causes
from game.sim.rules.contest import prize
from game.sim.score import collapsed
from game.ui import glossary
from game.ui.charts import Line, line_chart
from game.ui.figures import signed_amount
from game.ui.history import alignment_series
from game.ui.reference import CLAIMS
from game.ui.scene import Context, Scene, Transition, push, quit_game, reset
from game.ui.scenes.charts import score_lines
from game.ui.theme import ACCENT, GOOD, MUTED, TEXT, WARN
from game.ui.widgets import panel

STATE_COLOURS = [(86, 180, 233), (0, 158, 115), (204, 121, 167), (230, 159, 0), (200, 200, 200)]


def debrief_folder(sim: Simulation) -> Path:
    """Where the window writes a game's debrief pack: beside the saves, one folder per campaign."""
    return default_save_folder().parent / "debriefs" / f"{sim.scenario.id}-seed{sim.seed}"


def outcome_reason(sim: Simulation) -> str:
    """'stalemate: campaign score 19.3, above defeat (17) but short of victory (25.4)': a player
    reads why the game ended as it did, not only a word."""
    rules, score = sim.scenario.score, sim.score()
    outcome = sim.state.outcome or "in progress"
    if outcome == "defeat" and collapsed(sim.world):
        return f"defeat: the US lost every state (alignment under {rules.collapse_alignment:g} everywhere)"
    if outcome == "defeat":
        return f"defeat: campaign score {score:.1f}, at or below the defeat line ({rules.defeat_score:g})"
    if outcome == "victory":
        return f"victory: campaign score {score:.1f} reached the victory line ({rules.victory_score:g})"
    if outcome == "stalemate":
        between = f"above defeat ({rules.defeat_score:g}) but short of victory ({rules.victory_score:g})"
        return f"stalemate: campaign score {score:.1f}, {between}"
    return f"{outcome}: campaign score {score:.1f}"


def tenders_won(sim: Simulation) -> dict[str, int]:
    """How many closed tenders each power won (C15)."""
    winners = [r["winner"] for r in sim.state.tender_results]
    return {p: winners.count(p) for p in sim.world.powers.ids}


def tender_tally(sim: Simulation) -> str:
    """'Tenders won: US 2 of 8 · Russia 3 · China 2 · none 1' (C15), or '' when none closed."""
    results = sim.state.tender_results
    if not results:
        return ""
    table, won = sim.world.powers, tenders_won(sim)
    others = " · ".join(f"{table.short(p)} {won[p]}" for p in table.ids if p != PLAYER and won[p])
    unawarded = sum(1 for r in results if not r["winner"])
    tail = (f" · {others}" if others else "") + (f" · none {unawarded}" if unawarded else "")
    return f"Tenders won: {table.short(PLAYER)} {won[PLAYER]} of {len(results)}{tail}"


def next_steps(sim: Simulation, causes: list[tuple[str, float]]) -> list[str]:
    """What to try in the next game, read from this one: its biggest drag, the tenders it lost,
    and the same-seed replay that shows what one changed choice does."""
    steps = []
    drags = [(name, delta) for name, delta in causes if delta < 0]
    if drags:
        name, delta = min(drags, key=lambda item: item[1])
        steps.append(f"Biggest drag: {name} ({delta:+.1f}). The turn reports show where it struck.")
    results, won = sim.state.tender_results, tenders_won(sim)[PLAYER]
    if results and 2 * won < len(results):
        steps.append(
            f"Tenders: the US won {won} of {len(results)}. Order in a state while the map shows its "
            f"'tender' tag; the best offer gains {prize(sim.world):g} alignment there."
        )
    steps.append(
        f"Play seed {sim.seed} again and change one thing; save both games and line them up with "
        "'python main.py compare A.json B.json'."
    )
    return steps


class EndScene(Scene):
    name = "end"

    def __init__(self, ctx: Context, sim: Simulation) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.answer_lines: list[tuple[str, bool]] = []
        self.breakdown = sim.score_breakdown()
        causes: dict[str, float] = {}
        for cause, delta in top_causes(sim.ledger, "alignment.us", None, limit=200):
            name = describe_cause(cause, sim.scenario)
            causes[name] = causes.get(name, 0.0) + delta
        self.causes = sorted(causes.items(), key=lambda item: -abs(item[1]))[:7]
        self.claims = list(claim_weights(sim.ledger).items())[:6]
        self.series = alignment_series(sim)
        self.steps = next_steps(sim, self.causes)
        self.step_lines: list[list[str]] = []

    def play_again(self) -> Transition:
        from game.ui.scenes.campaign import CampaignScene

        sim = self.sim
        again = type(sim)(
            sim.scenario_at_start, sim.seed, sim.difficulty_id, humans=sim.humans, scenario_path=sim.scenario_path
        )
        again.classroom = getattr(sim, "classroom", None)  # the same class: sides, desks, timer, PIN
        return reset(CampaignScene(self.ctx, again))

    def write_debrief(self) -> Transition:
        """Write the debrief pack (report.html, charts and their CSV) beside the saves, and say where."""
        from game.report.game_report import build_game_report
        from game.ui.scenes.message import MessageScene

        folder = debrief_folder(self.sim)
        try:
            page = build_game_report(self.sim, folder)
        except OSError as error:
            return push(MessageScene(self.ctx, "The debrief could not be written", f"{folder}: {error}"))
        return push(
            MessageScene(
                self.ctx,
                "Debrief written",
                f"The debrief pack is in {page.parent}: open report.html in a browser (charts, tenders, "
                "causes, claims and the class's answers; every chart has its CSV beside it).",
            )
        )

    def menu(self) -> Transition:
        from game.ui.scenes.title import TitleScene

        return reset(TitleScene(self.ctx))

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        y = h - px(54)
        self.add_button(
            pygame.Rect(w - px(780), y, px(210), px(40)),
            "Write debrief",
            self.write_debrief,
            "Write report.html with its charts and CSV to a folder beside your saves, for the class's debrief; "
            "the dialog then says where.",
        )
        self.add_button(
            pygame.Rect(w - px(560), y, px(250), px(40)),
            "Play again (same seed)",
            self.play_again,
            f"A new campaign with seed {self.sim.seed}: the same luck, so you can compare choices.",
            "#primary",
        )
        self.add_button(pygame.Rect(w - px(300), y, px(140), px(40)), "Main menu", self.menu)
        self.add_button(pygame.Rect(w - px(150), y, px(134), px(40)), "Quit", quit_game)
        self.answer_lines = self._answers((w - px(48)) // 3 - px(24))
        width = (w - px(48)) // 3 - px(24)
        self.step_lines = [self.ctx.text.wrap("• " + step, width, 12) for step in self.steps]

    def _answers(self, width: int) -> list[tuple[str, bool]]:
        """The class's reflection answers, wrapped once: (line, is_prompt)."""
        text = self.ctx.text
        lines: list[tuple[str, bool]] = []
        for answer in self.sim.state.reflections:
            prompt = f"Turn {answer['turn']}: {answer['prompt']}"
            lines += [(line, True) for line in text.wrap(prompt, width, 12)]
            lines += [(line, False) for line in text.wrap(f"“{answer['answer']}”", width, 13)]
        return lines

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px, sim = self.ctx.text, self.ctx.px, self.sim
        w, h = self.ctx.size
        grade = sim.grade()
        label = next((g.label for g in sim.scenario.score.grades if g.name == grade), "")
        outcome = sim.state.outcome or "in progress"
        text.draw(surface, f"Debrief — {sim.scenario.about.title}", (px(16), px(12)), 22, TEXT, bold=True)
        text.draw(
            surface, f"Grade {grade}: {label}", (px(16), px(46)), 18, GOOD if outcome == "victory" else WARN, bold=True
        )
        text.draw(
            surface,
            f"Outcome: {outcome_reason(sim)} · {len(sim.state.score_history)} turns · seed {sim.seed}",
            (px(16), px(76)),
            14,
            TEXT,
        )
        col = (w - px(48)) // 3
        top = px(104)
        box_h = round((h - top - px(70)) * 0.52)
        left = pygame.Rect(px(16), top, col, box_h)
        y = panel(surface, left, text, "The score against the thresholds")
        rules = sim.scenario.score
        rows = [(f"Victory at {rules.victory_score:g}, defeat at {rules.defeat_score:g} or below", MUTED)]
        rows += [(band, ACCENT if name == grade else MUTED) for name, band in glossary.grade_bands(rules)]
        b = self.breakdown
        rows += [
            ("Final position, in parts:", TEXT),
            (f"standing {b.standing:.1f} (US share against the rivals, weighted)", TEXT),
            (
                f"partnership {signed_amount(b.partnership)} · corridor {signed_amount(b.corridor)} · "
                f"PNTR {signed_amount(b.pntr)}" + (f" · projects {signed_amount(b.projects)}" if b.projects else ""),
                TEXT,
            ),
            (
                f"stability {signed_amount(b.stability)} · backlash {signed_amount(-b.backlash)} · total {b.total:.1f}",
                TEXT,
            ),
        ]
        tally = tender_tally(sim)
        if tally:
            rows.append((tally, TEXT))
        for line, colour in rows:
            text.draw(surface, text.clip(line, col - px(24), 13), (left.x + px(12), y), 13, colour)
            y += text.line_height(13)
        mid = pygame.Rect(left.right + px(8), top, col, box_h)
        y = panel(surface, mid, text, "What moved US alignment most")
        for name, delta in self.causes:
            text.draw(surface, text.clip(name, col - px(90), 13), (mid.x + px(12), y), 13, TEXT)
            text.draw(
                surface,
                f"{delta:+.1f}",
                (mid.right - px(12), y),
                13,
                GOOD if delta > 0 else WARN,
                bold=True,
                anchor="topright",
            )
            y += text.line_height(13) + px(3)
        drawn_steps = self._draw_steps(surface, mid, y + px(8))
        right = pygame.Rect(mid.right + px(8), top, col, box_h)
        y = panel(surface, right, text, "The claims that mattered")
        for claim, weight in self.claims:
            info = CLAIMS.get(claim)
            title = f"{claim} {info.title} ({info.paragraphs})" if info else claim
            text.draw(surface, text.clip(title, col - px(80), 13), (right.x + px(12), y), 13, TEXT)
            text.draw(surface, f"{weight:.0f}", (right.right - px(12), y), 13, MUTED, anchor="topright")
            y += text.line_height(13) + px(3)
        self._draw_steps(surface, right, y + px(8), drawn_steps)
        chart_top = top + box_h + px(8)
        chart_h = h - chart_top - px(64)
        half = (w - px(40)) // 2
        if self.answer_lines:
            half = col
            self._draw_answers(surface, pygame.Rect(px(32) + 2 * col, chart_top, col, chart_h))
        lines = [
            Line(sim.world.state_name(s), self.series[s]["us"], STATE_COLOURS[i % 5], 2)
            for i, s in enumerate(sim.world.state_ids)
        ]
        line_chart(surface, pygame.Rect(px(16), chart_top, half, chart_h), text, "US alignment per state", lines)
        score_data, low, high, guides = score_lines(sim)
        line_chart(
            surface,
            pygame.Rect(px(24) + half, chart_top, half, chart_h),
            text,
            "Score over time",
            score_data,
            low,
            high,
            guides,
            "turn 1",
            1,
        )

    def _draw_steps(self, surface: pygame.Surface, box: pygame.Rect, y: int, start: int = 0) -> int:
        """'Try next' in the room left in `box`: whole suggestions only, from `start`; returns the
        first one left undrawn, so the rest can follow in the next panel."""
        text, px = self.ctx.text, self.ctx.px
        bottom = box.bottom - px(6)
        pending = self.step_lines[start:]
        if not pending or y + text.line_height(14) + len(pending[0]) * text.line_height(12) > bottom:
            return start
        text.draw(surface, "Try next", (box.x + px(12), y), 14, ACCENT, bold=True)
        y += text.line_height(14) + px(2)
        for lines in pending:
            if y + len(lines) * text.line_height(12) > bottom:
                break
            for line in lines:
                text.draw(surface, line, (box.x + px(12), y), 12, TEXT)
                y += text.line_height(12)
            y += px(3)
            start += 1
        return start

    def _draw_answers(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        text, px = self.ctx.text, self.ctx.px
        y = panel(surface, rect, text, "Reflections of the class")
        for line, is_prompt in self.answer_lines:
            size = 12 if is_prompt else 13
            if y + text.line_height(size) > rect.bottom - px(6):
                text.draw(
                    surface, "… (all answers are in the save and the debrief pack)", (rect.x + px(12), y), 12, MUTED
                )
                break
            text.draw(surface, line, (rect.x + px(12), y), size, MUTED if is_prompt else TEXT)
            y += text.line_height(size)
