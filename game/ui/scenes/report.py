"""The turn report: the rivals' answers, the US change per state, events, and the why-ledger (paged).

The ledger of one turn holds hundreds of entries; they are grouped (same target, variable
and cause), tiny ones dropped, and shown a page at a time from cached text, never in a
single text box.
"""

from __future__ import annotations

from collections import defaultdict

import attrs
import pygame

from game.sim.acts import act_lines, facilitator_changes
from game.sim.engine import Simulation, TurnReport
from game.sim.explain import describe_cause, describe_variable
from game.sim.ledger import Change
from game.ui import keymap
from game.ui.contest import fit_summary, openings_in_turn, tenders_in_turn, tipped_in_turn, turn_summaries
from game.ui.figures import signed_amount
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import ACCENT, BAD, MUTED, TEXT, WARN, power_colour
from game.ui.widgets import delta_colour, panel

SUB_ITEM = "\u00a0\u00a0\u00a0– "  # no-break spaces: wrapping keeps the indent of an answer under its situation

HIDDEN_GROUPS = ("budget",)
Line = tuple[str, tuple[int, int, int], bool]  # a wrapped line of the left column: text, colour, bold
SUMMARY_TITLE = "Where the US moved, and why"  # spending and income are shown as orders, not as ledger rows


@attrs.frozen
class LedgerRow:
    target: str
    variable: str
    delta: float
    cause: str
    claims: tuple[str, ...]


def ledger_rows(report: TurnReport, target: str | None = None, extra: tuple[Change, ...] = ()) -> list[LedgerRow]:
    """Changes of a turn grouped by target, variable and cause, largest first.

    `extra` adds changes made during the turn rather than at its end (the facilitator's acts).
    """
    totals: dict[tuple[str, str, str], float] = defaultdict(float)
    claims: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for change in (*extra, *report.changes):
        if change.variable.split(".")[0] in HIDDEN_GROUPS:
            continue
        if target is not None and change.target != target:
            continue
        key = (change.target, change.variable, change.cause)
        totals[key] += change.delta
        claims[key].update(change.claims)
    rows = [
        LedgerRow(t, v, d, c, tuple(sorted(claims[(t, v, c)], key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)))
        for (t, v, c), d in totals.items()
        if abs(d) >= 0.05
    ]
    return sorted(rows, key=lambda r: (-abs(r.delta), r.target, r.variable))


class ReportScene(Scene):
    """Shown after End Turn, and again with R."""

    name = "report"

    def __init__(self, ctx: Context, sim: Simulation, report: TurnReport) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.report = report
        self.filter: str | None = None
        self.page = 0
        self.acts = act_lines(sim, report.turn)
        self.extra = tuple(c for c in facilitator_changes(sim, report.turn) if c not in report.changes)
        self.rows = ledger_rows(report, None, self.extra)
        self.per_page = 10
        self.moves_page = 0
        self.move_pages: list[list[Line]] = [[]]

    def close(self) -> Transition:
        return pop()

    def set_filter(self, target: str | None) -> None:
        self.filter = target
        self.rows = ledger_rows(self.report, target, self.extra)
        self.page = 0
        self.rebuild()

    def turn_page(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self.rebuild()

    def turn_moves(self, step: int) -> None:
        self.moves_page = max(0, min(len(self.move_pages) - 1, self.moves_page + step))
        self.rebuild()

    def summary_lines(self) -> list[tuple[str, tuple[int, int, int]]]:
        """Where the US gained or lost in each state and why, then the states that tipped (issue 9.3)."""
        lines = [(f"• {line}", TEXT) for line in turn_summaries(self.sim, self.report.changes)]
        lines = lines or [("• US alignment did not move this turn.", MUTED)]
        lines += [(f"• Opening — {line}", ACCENT) for line in openings_in_turn(self.sim, self.report.changes)]
        lines += [(f"• Tender — {line}", ACCENT) for line in tenders_in_turn(self.sim, self.report.turn)]
        return lines + [(f"• Tipped — {line}", WARN) for line in tipped_in_turn(self.sim, self.report.turn)]

    def moves(self) -> list[Line]:
        """The rivals' answers first, then events, your orders and refusals (the left column).

        A student reads how each rival power answered (each move with its stated reason), then,
        at the top of the right column, where the US gained or lost and why, then the full ledger.
        """
        sim, report = self.sim, self.report
        lines: list[Line] = []
        if self.acts:  # the teacher's interventions first: they shaped everything below
            lines.append((f"Facilitator acts ({len(self.acts)})", WARN, True))
            lines += [(f"• {line}", TEXT, False) for line in self.acts]
        table = sim.world.powers
        for power in table.rivals:  # every rival in the power table, so none is silently left out
            said = "orders" if power in sim.humans else "answers"  # a human team's moves are not the AI's answers
            lines += self._orders_of(power, f"{table.name(power)}'s {said}", power_colour(table, power))
        if report.events:
            lines.append(("Events", ACCENT, True))
            lines += [(f"• {fired.title}: {fired.text}", TEXT, False) for fired in report.events]
        # With several human sides at one screen, "your" would name whoever ended the turn.
        lines += self._orders_of("us", "Your orders" if sim.humans == ("us",) else "United States's orders", ACCENT)
        for order, why in report.refused:
            lines.append((f"Refused: {sim.world.actions[order.action].name} — {why}", BAD, False))
        return lines

    def _orders_of(self, power: str, title: str, colour: tuple[int, int, int]) -> list[Line]:
        sim = self.sim
        moves = [p for p in self.report.orders if p.order.power == power]
        if not moves:
            return []
        lines = [(f"{title} ({len(moves)})", colour, True)]
        # Several answers often share one situation ("China gained 2.6 in Kazakhstan last quarter; …"):
        # it is said once, with the answers under it, instead of opening every line.
        groups: dict[str, list[str]] = {}
        for index, planned in enumerate(moves):
            action = sim.world.actions[planned.order.action]
            where = sim.world.state_name(planned.order.target) if planned.order.target else "the region"
            situation, _, answer = planned.reason.partition("; ")
            if not planned.reason:
                groups[f"#{index}"] = [f"{action.name} in {where}"]
            elif answer:
                groups.setdefault(situation, []).append(f"{answer} [{action.name}]")
            else:
                groups[f"#{index}"] = [f"{planned.reason} [{action.name}]"]
        for situation, answers in groups.items():
            if situation.startswith("#"):
                lines.append((f"• {answers[0]}", TEXT, False))
            elif len(answers) == 1:
                lines.append((f"• {situation}; {answers[0]}", TEXT, False))
            else:
                lines.append((f"• {situation}:", TEXT, False))
                lines += [(f"{SUB_ITEM}{answer[:1].upper()}{answer[1:]}", TEXT, False) for answer in answers]
        return lines

    def _wrap_summary(self, width: int, room: int, most: int | None = None) -> list[tuple[str, tuple[int, int, int]]]:
        """The summary lines wrapped to the column, cut to `room` pixels (the ledger below has the rest);
        the notices may take up to `most` pixels (see `fit_summary`)."""
        text, px = self.ctx.text, self.ctx.px
        blocks = [[(part, colour) for part in text.wrap(line, width, 13)] for line, colour in self.summary_lines()]

        def lines_in(pixels: int) -> int:
            return max(2, (pixels - px(20) - text.line_height(16, True)) // text.line_height(13))

        shown, cut = fit_summary(blocks, lines_in(room), lines_in(most or room), (ACCENT, WARN))
        return [*shown, ("… more below: filter the ledger by state", MUTED)] if cut else shown

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.rows) // self.per_page))

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        action = keymap.action("report", event.key) if event.type == pygame.KEYDOWN else None
        if action == "close":
            return self.close()
        if action in ("next_page", "previous_page"):
            self.turn_page(1 if action == "next_page" else -1)
        elif action == "next_filter":
            ids = [None, *self.sim.world.state_ids, "region"]
            self.set_filter(ids[(ids.index(self.filter) + 1) % len(ids)])
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.left = pygame.Rect(px(16), px(64), round(w * 0.4), h - px(130))
        column = pygame.Rect(self.left.right + px(12), px(64), w - self.left.right - px(28), h - px(130))
        text = self.ctx.text
        self.summary_wrapped = self._wrap_summary(column.width - px(24), column.height // 3, column.height // 2)
        head = px(12) + text.line_height(16, True) + px(8)  # the panel's title, and a margin below the lines
        height = head + len(self.summary_wrapped) * text.line_height(13)
        self.summary = pygame.Rect(column.topleft, (column.width, height))
        self.right = pygame.Rect(
            column.x, self.summary.bottom + px(8), column.width, column.bottom - self.summary.bottom - px(8)
        )
        blocks = [
            [(part, colour, bold) for part in text.wrap(line, self.left.width - px(24), 13, bold)]
            for line, colour, bold in self.moves()
        ]
        per = max(4, (self.left.height - px(90)) // text.line_height(13))
        self.move_pages = page_lines(blocks, per)
        self.moves_page = min(self.moves_page, len(self.move_pages) - 1)
        if len(self.move_pages) > 1:
            by = self.left.bottom - px(40)
            self.add_button(
                pygame.Rect(self.left.x + px(12), by, px(90), px(30)),
                "‹ More",
                lambda: self.turn_moves(-1),
                enabled=self.moves_page > 0,
            )
            self.add_button(
                pygame.Rect(self.left.right - px(102), by, px(90), px(30)),
                "More ›",
                lambda: self.turn_moves(1),
                enabled=self.moves_page < len(self.move_pages) - 1,
            )
        # filter buttons
        x, y = self.right.x + px(12), self.right.y + px(36)
        choices: list[tuple[str, str | None]] = [("All", None)]
        choices += [(self.sim.world.state_name(s), s) for s in self.sim.world.state_ids]
        choices.append(("Region", "region"))
        for label, target in choices:
            width = self.ctx.text.width(label, 13) + px(20)
            if x + width > self.right.right - px(12):
                x, y = self.right.x + px(12), y + px(32)
            widget = self.add_button(
                pygame.Rect(x, y, width, px(28)),
                label,
                lambda t=target: self.set_filter(t),
                None,  # the label says it all; a tooltip would only cover the next filter
                "#tab",
            )
            if target == self.filter:
                widget.select()
            x += width + px(4)
        self.rows_top = y + px(40)
        row_h = self.ctx.text.line_height(13) * 2 + px(6)
        self.row_h = row_h
        self.per_page = max(3, (self.right.bottom - self.rows_top - px(48)) // row_h)
        self.page = min(self.page, self.pages - 1)
        by = self.right.bottom - px(40)
        self.add_button(
            pygame.Rect(self.right.x + px(12), by, px(90), px(30)),
            "‹ Prev",
            lambda: self.turn_page(-1),
            "Previous page (Left arrow)",
            enabled=self.page > 0,
        )
        self.add_button(
            pygame.Rect(self.right.right - px(102), by, px(90), px(30)),
            "Next ›",
            lambda: self.turn_page(1),
            "Next page (Right arrow)",
            enabled=self.page < self.pages - 1,
        )
        self.add_button(
            pygame.Rect(w - px(196), h - px(54), px(180), px(40)),
            keymap.label("Continue", "report", "close"),
            self.close,
            "Back to the map; events waiting for your answer come next.",
            "#primary",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px, sim, report = self.ctx.text, self.ctx.px, self.sim, self.report
        text.draw(
            surface, f"Turn {report.turn} report — {sim.date_label(report.turn)}", (px(16), px(8)), 22, TEXT, bold=True
        )
        text.draw(
            surface,
            f"Campaign score {report.score:.1f} · grade {sim.grade()} · what happened, and why",
            (px(16), px(40)),
            13,
            MUTED,
        )
        title = "Rivals' answers, events, your orders"
        if len(self.move_pages) > 1:  # the page counter takes room from the title, never overlaps it
            counter_w = text.width(f"{len(self.move_pages)}/{len(self.move_pages)}", 12) + px(16)
            title = text.clip(title, self.left.width - px(24) - counter_w, 16, bold=True)
        y = panel(surface, self.left, text, title)
        if len(self.move_pages) > 1:
            text.draw(
                surface,
                f"{self.moves_page + 1}/{len(self.move_pages)}",
                (self.left.right - px(12), self.left.y + px(12)),
                12,
                MUTED,
                anchor="topright",
            )
        for part, colour, bold in self.move_pages[self.moves_page]:
            text.draw(surface, part, (self.left.x + px(12), y), 13, colour, bold)
            y += text.line_height(13)
        y = panel(surface, self.summary, text, SUMMARY_TITLE)
        for part, colour in self.summary_wrapped:
            text.draw(surface, part, (self.summary.x + px(12), y), 13, colour)
            y += text.line_height(13)
        self._draw_ledger(surface)

    def _draw_ledger(self, surface: pygame.Surface) -> None:
        text, px, sim = self.ctx.text, self.ctx.px, self.sim
        title = "Why things changed (the ledger)"
        panel(surface, self.right, text, title)
        room = self.right.width - text.width(title, 16, True) - px(40)  # the counter never runs into the title
        counter = next(
            (
                line
                for line in (
                    f"page {self.page + 1}/{self.pages} · {len(self.rows)} changes · Tab cycles the filter",
                    f"page {self.page + 1}/{self.pages} · {len(self.rows)} changes",
                )
                if text.width(line, 12) <= room
            ),
            f"{self.page + 1}/{self.pages}",
        )
        text.draw(surface, counter, (self.right.right - px(12), self.right.y + px(12)), 12, MUTED, anchor="topright")
        x, width = self.right.x + px(12), self.right.width - px(24)
        y = self.rows_top
        if not self.rows:
            text.draw(surface, "Nothing changed here this turn.", (x, y), 13, MUTED)
        start = self.page * self.per_page
        for row in self.rows[start : start + self.per_page]:
            where = sim.world.state_name(row.target) if row.target in sim.world.state_defs else row.target.capitalize()
            project = next((p.name for p in sim.scenario.projects if f"projects.{p.id}" == row.variable), None)
            what = f"{where}: {project + ' progress' if project else describe_variable(row.variable)}"
            text.draw(surface, text.clip(what, width - px(70), 13), (x, y), 13, TEXT)
            text.draw(
                surface,
                signed_amount(row.delta),
                (x + width, y),
                13,
                delta_colour(row.delta, row.variable),
                bold=True,
                anchor="topright",
            )
            claims = f" ({', '.join(row.claims)})" if row.claims else ""
            why = f"because of {describe_cause(row.cause, sim.scenario)}{claims}"
            text.draw(surface, text.clip(why, width - px(10), 12), (x + px(10), y + text.line_height(13)), 12, MUTED)
            y += self.row_h


def page_lines(blocks: list[list[Line]], per: int) -> list[list[Line]]:
    """Pages of at most `per` lines from wrapped lines (`blocks`: each line's wrapped parts).

    A section (a bold heading and the lines under it) that fits on a page starts a new page
    rather than being split; a longer one fills the page and goes on under its heading marked
    'continued'. A line's wrapped parts stay together, and a heading never ends a page.
    """
    pages: list[list[Line]] = [[]]
    for heading, items in _sections(blocks):
        size = len(heading) + sum(len(item) for item in items)
        room = per - len(pages[-1])
        opening = len(heading) + (len(items[0]) if items else 0)  # the least worth starting a page with
        if pages[-1] and size > room and (size <= per or opening > room):
            pages.append([])
        pages[-1] += heading
        for item in items:
            if len(pages[-1]) + len(item) > per and len(item) <= per:
                pages.append(_continued(heading))
            for line in item:  # a single line longer than a page is the one thing split across pages
                if len(pages[-1]) >= per:
                    pages.append([])
                pages[-1].append(line)
    return pages


def _sections(blocks: list[list[Line]]) -> list[tuple[list[Line], list[list[Line]]]]:
    """(heading parts, the wrapped lines under it); lines before any heading have an empty heading."""
    sections: list[tuple[list[Line], list[list[Line]]]] = []
    for block in blocks:
        if not block:
            continue
        if block[0][2] or not sections:
            sections.append((block, []) if block[0][2] else ([], [block]))
        else:
            sections[-1][1].append(block)
    return sections


def _continued(heading: list[Line]) -> list[Line]:
    """The heading again at the top of the next page: "China's answers (9), continued"."""
    if not heading:
        return []
    text, colour, bold = heading[0]
    return [(f"{text}, continued", colour, bold)]
