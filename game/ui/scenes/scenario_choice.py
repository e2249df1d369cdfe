"""Choosing a scenario file, its difficulty and seed (invalid files are listed with their errors)."""

from __future__ import annotations

import secrets

import pygame
import pygame_gui

from game.ui import catalogue
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop, replace
from game.ui.theme import ACCENT, BAD, MUTED, TEXT, WARN
from game.ui.widgets import panel

SEED_DIGITS = 9


class ScenarioScene(Dialog):
    """Every file in scenarios/: valid ones to choose, invalid ones with their errors."""

    name = "scenarios"
    overlay = False
    heading = "Choose a scenario"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.entries = catalogue.scan()
        self.index = catalogue.default_index(self.entries)
        self.first: int | None = None  # the first entry shown: the list scrolls when more than fit
        self.rows = 1
        self.difficulty: str | None = None
        self.seed = ctx.options.get("seed")
        if self.seed is None:
            self.seed = secrets.randbelow(1_000_000)
        self.seed_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.message = ""

    @property
    def entry(self) -> catalogue.Entry | None:
        return self.entries[self.index] if self.entries else None

    def pick(self, index: int) -> None:
        if not self.entries:
            return
        self.index = max(0, min(len(self.entries) - 1, index))
        self.difficulty = None
        self.keep_visible()
        self.rebuild()

    def keep_visible(self) -> None:
        """Scroll just enough that the selected entry is on screen."""
        if self.first is None:  # the first layout: show the default choice near the middle
            self.first = self.index - self.rows // 2
        elif self.index < self.first:
            self.first = self.index
        elif self.index >= self.first + self.rows:
            self.first = self.index - self.rows + 1
        self.first = max(0, min(self.first, len(self.entries) - self.rows))

    def scroll(self, rows: int) -> None:
        """Move the view (not the selection) by `rows` (mouse wheel)."""
        first = max(0, min((self.first or 0) + rows, len(self.entries) - self.rows))
        if first != self.first:
            self.first = first
            self.rebuild()

    def set_difficulty(self, difficulty: str) -> None:
        self.difficulty = difficulty
        self.rebuild()

    def new_seed(self) -> None:
        self.seed = secrets.randbelow(1_000_000)
        if self.seed_entry is not None:
            self.seed_entry.set_text(str(self.seed))
        self.rebuild()

    def typed_seed(self) -> int | None:
        """The seed in the box (teams on separate laptops type the same one), None if it is not a number."""
        if self.seed_entry is None:
            return self.seed
        typed = self.seed_entry.get_text().strip()
        return int(typed) if typed.isdigit() and len(typed) <= SEED_DIGITS else None

    def rebuild(self, new_theme: bool = False) -> None:
        seed = self.typed_seed()  # keep what was typed when the list or the difficulty changes
        if seed is not None:
            self.seed = seed
        self.seed_entry = None
        super().rebuild(new_theme)

    def start(self) -> Transition | None:
        """On to the classroom setup (who plays which side), then the briefing."""
        from game.ui.scenes.setup import SetupScene

        entry = self.entry
        if entry is None or entry.scenario is None:
            return None
        seed = self.typed_seed()
        if seed is None:
            self.message = f"The seed must be a whole number of up to {SEED_DIGITS} digits."
            self.dirty = True
            return None
        return replace(SetupScene(self.ctx, entry.scenario, entry.path, seed, self.difficulty))

    def accept(self) -> Transition | None:
        return self.start()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.start()  # Enter in the seed box starts, as Enter does elsewhere here
        if event.type == pygame.KEYDOWN:
            steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -self.rows, pygame.K_PAGEDOWN: self.rows}
            if event.key in steps:
                self.pick(self.index + steps[event.key])
                return None
            if event.key in (pygame.K_HOME, pygame.K_END):
                self.pick(0 if event.key == pygame.K_HOME else len(self.entries) - 1)
                return None
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y * 3)
            return None
        return super().handle_event(event)

    ROW = 48  # a title button and the file name under it

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.list_rect = pygame.Rect(px(16), px(64), px(320), h - px(140))
        self.info_rect = pygame.Rect(
            self.list_rect.right + px(12), px(64), w - self.list_rect.right - px(28), h - px(140)
        )
        self.rows_top = self.list_rect.y + px(40)
        self.rows = max(1, (self.list_rect.bottom - px(22) - self.rows_top) // px(self.ROW))
        if self.first is None:
            self.keep_visible()
        self.first = max(0, min(self.first or 0, len(self.entries) - self.rows))
        y = self.rows_top
        for i in range(self.first, min(len(self.entries), self.first + self.rows)):
            entry = self.entries[i]
            label = entry.title if entry.scenario else f"(!) {entry.path.name} (invalid)"
            widget = self.add_button(
                pygame.Rect(self.list_rect.x + px(10), y, self.list_rect.width - px(20), px(30)),
                label,
                lambda i=i: self.pick(i),
                str(entry.path),
                "#tab",
                key=f"file:{entry.path.name}",
            )
            if i == self.index:
                widget.select()
            y += px(self.ROW)
        entry = self.entry
        self.add_button(pygame.Rect(px(16), h - px(58), px(120), px(40)), "Back", pop)
        if entry and entry.scenario:
            scenario = entry.scenario
            chosen = self.difficulty or scenario.default_difficulty
            x = self.info_rect.x + px(12)
            by = self.info_rect.bottom - px(48)
            for difficulty in scenario.difficulties:
                width = self.ctx.text.width(difficulty.name, 15) + px(30)
                tip = f"Rivals' income ×{difficulty.rival_budget:g}, skill {difficulty.rival_skill:g}."
                widget = self.add_button(
                    pygame.Rect(x, by, width, px(34)),
                    difficulty.name,
                    lambda d=difficulty.id: self.set_difficulty(d),
                    tip,
                    "#tab",
                )
                if difficulty.id == chosen:
                    widget.select()
                x += width + px(6)
            seed_x = x + px(20) + self.ctx.text.width("Seed", 14) + px(8)
            self.seed_label_at = (x + px(20), by + px(17))
            self.seed_entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(seed_x, by, px(110), px(34)), self.gui)
            self.seed_entry.set_allowed_characters("numbers")
            self.seed_entry.set_text_length_limit(SEED_DIGITS)
            self.seed_entry.set_text(str(self.seed))
            self.add_button(
                pygame.Rect(seed_x + px(116), by, px(64), px(34)),
                "New",
                self.new_seed,
                "Same seed + same orders = the same game: type the seed another team uses, or roll a new one.",
            )
            self.add_button(
                pygame.Rect(w - px(216), h - px(58), px(200), px(40)),
                "Start campaign",
                self.start,
                "Read the briefing, then play.",
                "#primary",
            )

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        panel(surface, self.list_rect, text, f"scenarios/ ({len(self.entries)} files)")
        self._draw_file_names(surface)
        y = panel(surface, self.info_rect)
        entry = self.entry
        x, width = self.info_rect.x + px(14), self.info_rect.width - px(28)
        bottom = self.info_rect.bottom - px(76)  # above the "Difficulty" label
        if entry is None:
            text.draw(surface, "No scenario files found in scenarios/.", (x, y + px(8)), 15, BAD)
            return
        if entry.scenario is None:
            text.draw(surface, f"{entry.path.name} cannot be played:", (x, y + px(6)), 17, BAD, bold=True)
            y += px(40)
            for problem in entry.problems:
                y = text.draw_wrapped(surface, "• " + problem, pygame.Rect(x, y, width, bottom - y), 14, TEXT) + px(4)
            text.draw(
                surface, f"Fix the file and check it with: python main.py validate {entry.path}", (x, bottom), 13, MUTED
            )
            return
        about = entry.scenario.about
        text.draw(surface, about.title, (x, y + px(4)), 22, TEXT, bold=True)
        y += px(40)
        difficulty = self.difficulty or entry.scenario.default_difficulty
        facts = f"{about.period} · {entry.scenario.turns} turns (quarters) · difficulty: {difficulty}"
        text.draw(surface, facts, (x, y), 14, ACCENT)
        y += px(28)
        for warning in entry.warnings:  # what `validate` warns about: worth fixing, not blocking
            y = text.draw_wrapped(surface, "Check: " + warning, pygame.Rect(x, y, width, bottom - y), 13, WARN) + px(8)
        for heading, body in (
            ("The situation", about.summary),
            ("Your goal", about.goal),
            ("How it works", about.how_it_works),
            ("Things to try", "\n".join(f"• {t}" for t in about.things_to_try)),
        ):
            if not body or y > bottom - px(40):
                continue
            text.draw(surface, heading, (x, y), 14, TEXT, bold=True)
            y = text.draw_wrapped(
                surface, body, pygame.Rect(x, y + px(20), width, bottom - y - px(20)), 14, (210, 218, 228)
            ) + px(10)
        text.draw(surface, "Difficulty", (x, self.info_rect.bottom - px(70)), 12, MUTED)
        if self.seed_entry is not None:
            text.draw(surface, "Seed", self.seed_label_at, 14, TEXT, anchor="midleft")
        if self.message:
            text.draw(surface, self.message, (px(150), self.ctx.size[1] - px(38)), 14, BAD, anchor="midleft")

    def _draw_file_names(self, surface: pygame.Surface) -> None:
        """The file name under each title (two files may share a title), and what is scrolled away."""
        text, px = self.ctx.text, self.ctx.px
        x, width = self.list_rect.x + px(16), self.list_rect.width - px(32)
        y = self.rows_top + px(31)
        shown = self.entries[self.first : self.first + self.rows]
        for entry in shown:
            colour = ACCENT if entry is self.entry else MUTED
            text.draw(surface, text.clip(entry.path.name, width, 11), (x, y), 11, colour)
            y += px(self.ROW)
        above, below = self.first, len(self.entries) - self.first - len(shown)
        if above or below:
            note = f"{above} above · {below} below · wheel, arrow keys, PgUp/PgDn"
            note = text.clip(note, width, 11)
            text.draw(surface, note, (x, self.list_rect.bottom - px(6)), 11, MUTED, anchor="bottomleft")
            track = pygame.Rect(self.list_rect.right - px(6), self.rows_top, px(3), self.rows * px(self.ROW) - px(8))
            pygame.draw.rect(surface, (50, 60, 74), track)
            total = len(self.entries)
            thumb = pygame.Rect(
                track.x,
                track.y + track.height * above // total,
                track.width,
                max(px(12), track.height * len(shown) // total),
            )
            pygame.draw.rect(surface, ACCENT, thumb)
