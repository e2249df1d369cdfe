"""The screens around a campaign: title, scenario choice, briefing, settings, help, save/load,
confirmation and error dialogs. Each is small; long text is paged, never one huge text box.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui

from game.ai.doctrine import choose_rival_orders
from game.content.powers import standard_table
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.ui import catalogue, glossary, prefs, reference, saves
from game.ui.classroom import Session
from game.ui.contest import starting_look, state_looks
from game.ui.geometry import MapError, load_map
from game.ui.mapview import MapInputs, MapView
from game.ui.scene import Context, Scene, Transition, pop, push, quit_game, replace, reset
from game.ui.scenes.load import LoadScene
from game.ui.theme import ACCENT, BAD, GOOD, MUTED, TEXT, WARN
from game.ui.widgets import panel

SEED_DIGITS = 9


def start_campaign(
    ctx: Context,
    scenario: Scenario,
    path: Path | str | None,
    seed: int | None,
    difficulty: str | None = None,
    humans: tuple[str, ...] = ("us",),
) -> Simulation:
    seed = seed if seed is not None else secrets.randbelow(1_000_000)
    return Simulation(
        scenario,
        seed,
        difficulty,
        humans=humans,
        rival_chooser=choose_rival_orders,
        scenario_path=str(path) if path else None,
    )


def campaign(ctx: Context, sim: Simulation, session: Session | None = None) -> Scene:
    from game.ui.scenes.campaign import CampaignScene

    return CampaignScene(ctx, sim, session)


class Backdrop:
    """The region's map, dimmed, behind the title and briefing."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        try:
            self.view: MapView | None = MapView(load_map(), ctx.text)
        except MapError:
            self.view = None

    def draw(self, surface: pygame.Surface, scenario: Scenario | None = None) -> None:
        if self.view is None:
            return
        looks, table = (), standard_table()
        if scenario is not None:
            looks = tuple((s.id, starting_look(s.alignment, scenario.power_table.ids)) for s in scenario.states)
            table = scenario.power_table
        rect = surface.get_rect()
        self.view.draw(surface, rect, MapInputs(rect.size, looks, 0.0, self.ctx.scale, powers=table), None)
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
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_n):
                return push(ScenarioScene(self.ctx))
            if event.key in (pygame.K_ESCAPE, pygame.K_q):
                return push(quit_confirm(self.ctx, to_menu=False))
            if event.key in (pygame.K_F1, pygame.K_h):
                return push(HelpScene(self.ctx, None))
        return super().handle_event(event)

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, h = self.ctx.size
        self.backdrop.draw(surface)
        text.draw(surface, "Crossroads", (w // 2, h // 2 - px(200)), 48, TEXT, bold=True, anchor="center")
        text.draw(
            surface,
            "US policy in Central Asia, one quarter at a time",
            (w // 2, h // 2 - px(148)),
            17,
            (200, 214, 230),
            anchor="center",
        )
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


class ScenarioScene(Scene):
    """Every file in scenarios/: valid ones to choose, invalid ones with their errors."""

    name = "scenarios"

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

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.start()  # Enter in the seed box starts, as Enter does elsewhere here
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return pop()
            if event.key == pygame.K_RETURN:
                return self.start()
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

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(surface, "Choose a scenario", (px(16), px(16)), 22, TEXT, bold=True)
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
        progress = self.sim.state.projects.get("trans_caspian", 0.0)
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


class PagedTextScene(Scene):
    """Tabs of long text shown a page at a time (help)."""

    name = "help"

    def __init__(self, ctx: Context, pages: dict[str, str], title: str) -> None:
        super().__init__(ctx)
        self.sources = pages
        self.title = title
        self.tab = next(iter(pages))
        self.page = 0
        self.lines: list[list[str]] = []

    def set_tab(self, tab: str) -> None:
        self.tab, self.page = tab, 0
        self.rebuild()

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.lines) - 1, self.page + step))
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_F1, pygame.K_h):
                return pop()
            if event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_SPACE):
                self.turn(1)
            elif event.key in (pygame.K_LEFT, pygame.K_PAGEUP):
                self.turn(-1)
            elif event.key == pygame.K_TAB:
                tabs = list(self.sources)
                self.set_tab(tabs[(tabs.index(self.tab) + 1) % len(tabs)])
        return super().handle_event(event)

    def build(self) -> None:
        px, text = self.ctx.px, self.ctx.text
        w, h = self.ctx.size
        x = px(16)
        for tab in self.sources:
            width = text.width(tab, 15) + px(28)
            widget = self.add_button(
                pygame.Rect(x, px(56), width, px(32)), tab, lambda t=tab: self.set_tab(t), None, "#tab"
            )
            if tab == self.tab:
                widget.select()
            x += width + px(4)
        self.body = pygame.Rect(px(16), px(98), w - px(32), h - px(166))
        wrapped = text.wrap(self.sources[self.tab], self.body.width - px(32), 15)
        per_page = max(5, (self.body.height - px(24)) // text.line_height(15))
        self.lines = [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]
        self.page = min(self.page, len(self.lines) - 1)
        y = h - px(56)
        self.add_button(
            pygame.Rect(px(16), y, px(100), px(38)),
            "‹ Prev",
            lambda: self.turn(-1),
            "Left arrow",
            enabled=self.page > 0,
        )
        self.add_button(
            pygame.Rect(px(124), y, px(100), px(38)),
            "Next ›",
            lambda: self.turn(1),
            "Right arrow",
            enabled=self.page < len(self.lines) - 1,
        )
        self.add_button(pygame.Rect(w - px(156), y, px(140), px(38)), "Close (Esc)", pop, None, "#primary")

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(surface, self.title, (px(16), px(14)), 22, TEXT, bold=True)
        panel(surface, self.body)
        y = self.body.y + px(12)
        for i, line in enumerate(self.lines[self.page]):
            bold = i == 0 and self.page == 0
            text.draw(surface, line, (self.body.x + px(16), y), 15, ACCENT if bold else TEXT, bold)
            y += text.line_height(15)
        _w, h = self.ctx.size
        text.draw(
            surface,
            f"page {self.page + 1}/{len(self.lines)} · Tab: next topic",
            (px(240), h - px(37)),
            13,
            MUTED,
            anchor="midleft",
        )


def HelpScene(ctx: Context, scenario: Scenario | None) -> PagedTextScene:  # noqa: N802 - reads like a class
    pages = {
        "First turn": reference.GUIDE,
        "Meters": reference.METERS,
        "Claims": reference.claims_text(),
        "Rules": reference.rules_text(),
        "Keys": reference.KEYS,
    }
    if scenario is None:
        entries = catalogue.scan()
        entry = entries[catalogue.default_index(entries)] if entries else None
        scenario = entry.scenario if entry else None
    if scenario is not None:
        pages["Actions"] = reference.actions_text(scenario)
    return PagedTextScene(ctx, pages, "Help")


class SettingsScene(Scene):
    name = "settings"
    escape_closes = True
    SCALES = prefs.SCALES
    SIZES = ((1280, 720), (1600, 900), (1920, 1080))

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.note = ""

    def set_scale(self, scale: float) -> Transition:
        """Apply the scale now and remember it for the next start."""
        self.ctx.settings.ui_scale = scale
        self.note = prefs.save_ui_scale(scale)
        return Transition("rescale")

    def set_size(self, size: tuple[int, int]) -> Transition:
        return Transition("resize", then=lambda: size)  # the app reads the size from `then`

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        x0, y = w // 2 - px(260), px(140)
        for i, scale in enumerate(self.SCALES):
            widget = self.add_button(
                pygame.Rect(x0 + i * px(130), y, px(120), px(38)),
                f"{scale:.0%}",
                lambda s=scale: self.set_scale(s),
                "Text and widget size",
                "#tab",
            )
            if abs(scale - self.ctx.settings.ui_scale) < 1e-6:
                widget.select()
        y += px(110)
        for i, size in enumerate(self.SIZES):
            widget = self.add_button(
                pygame.Rect(x0 + i * px(175), y, px(165), px(38)),
                f"{size[0]}×{size[1]}",
                lambda s=size: self.set_size(s),
                "Window size (you can also drag its edges)",
                "#tab",
            )
            if size == self.ctx.size:
                widget.select()
        self.add_button(pygame.Rect(w // 2 - px(80), h - px(80), px(160), px(40)), "Back", pop, None, "#primary")

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, _ = self.ctx.size
        text.draw(surface, "Settings", (w // 2, px(50)), 26, TEXT, bold=True, anchor="center")
        text.draw(surface, "UI scale", (w // 2 - px(260), px(110)), 16, ACCENT, bold=True)
        applied = (
            f"Drawn at {self.ctx.scale:.0%}: larger windows draw larger, small ones as large as fits."
            if abs(self.ctx.scale - self.ctx.settings.ui_scale) > 1e-6
            else "Kept for the next start."
        )
        note = self.note or applied
        text.draw(
            surface, text.clip(note, w - px(40), 13), (w // 2 - px(260), px(198)), 13, BAD if self.note else MUTED
        )
        text.draw(surface, "Window size", (w // 2 - px(260), px(220)), 16, ACCENT, bold=True)


class SaveScene(Scene):
    """Save into a named slot (typing a name, or clicking an existing slot to overwrite it)."""

    name = "save"
    escape_closes = True

    def __init__(self, ctx: Context, sim: Simulation) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.message = ""
        self.good = True
        self.slots, self.problem = saves.list_slots()
        self.default = f"{sim.scenario.id}-turn{sim.turn}"
        self.entry: pygame_gui.elements.UITextEntryLine | None = None

    def save(self, name: str | None = None) -> Transition | None:
        name = (name or (self.entry.get_text() if self.entry else "") or self.default).strip()
        error = saves.save(self.sim, name)
        self.message, self.good = (f"Saved as '{name}'.", True) if not error else (error, False)
        self.slots, self.problem = saves.list_slots()
        self.rebuild()
        return None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.save()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.save()  # the field lost focus (a click elsewhere): Enter still saves
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(px(16), px(80), px(420), px(38)), self.gui)
        self.entry.set_text(self.default)
        self.entry.focus()  # "Enter saves" must hold without clicking the field first
        self.add_button(
            pygame.Rect(px(446), px(80), px(140), px(38)),
            "Save",
            self.save,
            "Write the game to this slot (the previous file is kept as a backup).",
            "#primary",
        )
        slots_box(self, self.slots, lambda info: lambda: self.save(info.name), "Overwrite this slot")
        self.add_button(pygame.Rect(w - px(156), h - px(56), px(140), px(40)), "Back (Esc)", pop)

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(surface, "Save the game", (px(16), px(16)), 22, TEXT, bold=True)
        text.draw(surface, "Slot name (Enter saves):", (px(16), px(56)), 13, MUTED)
        if self.message:
            text.draw(surface, self.message, (px(600), px(90)), 14, GOOD if self.good else BAD)
        slot_notes(self, surface)


def slot_label(info: object) -> str:
    turn = getattr(info, "turn", "?")
    date = getattr(info, "date_label", "")
    score = getattr(info, "score", None)
    score_text = f" · score {score:.1f}" if isinstance(score, int | float) else ""
    return f"{getattr(info, 'name', '?')} — {getattr(info, 'scenario_title', '')} · turn {turn} {date}{score_text}"


def slots_box(
    scene: Scene, slots: list, handler: Callable[[object], Callable[[], Transition | None]], tip: str
) -> None:
    px = scene.ctx.px
    w, h = scene.ctx.size
    y = px(140)
    for info in slots[: max(1, (h - y - px(80)) // px(40))]:
        error = getattr(info, "error", "")
        label = slot_label(info) + (f"  (damaged: {error})" if error else "")
        scene.add_button(
            pygame.Rect(px(16), y, w - px(32), px(34)),
            label,
            handler(info),
            f"{tip}. File: {getattr(info, 'path', '')}",
            "#tab",
            enabled=not error,
        )
        y += px(40)


def slot_notes(scene: Scene, surface: pygame.Surface) -> None:
    text, px = scene.ctx.text, scene.ctx.px
    slots, problem = getattr(scene, "slots", []), getattr(scene, "problem", "")
    if problem:
        text.draw(surface, problem, (px(16), px(124)), 14, BAD)
    elif not slots:
        text.draw(surface, "No saved games yet.", (px(16), px(124)), 14, MUTED)
    else:
        text.draw(surface, f"{len(slots)} saved game(s), newest first:", (px(16), px(124)), 13, MUTED)


class MessageScene(Scene):
    """A dialog with a title, a message and buttons (confirmations and error reports)."""

    name = "dialog"
    overlay = True

    def __init__(
        self,
        ctx: Context,
        title: str,
        message: str,
        choices: tuple[tuple[str, Callable[[], Transition | None]], ...] = (),
        default: int = 0,
    ) -> None:
        super().__init__(ctx)
        self.title, self.message = title, message
        self.choices = choices or (("OK", pop),)
        self.default = default  # the choice Enter takes, drawn as the primary button

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return pop()
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.choices[self.default][1]()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(0, 0, min(w - px(60), px(620)), px(240))
        self.box.center = (w // 2, h // 2)
        x = self.box.right - px(20)
        for label, handler in reversed(self.choices):
            width = self.ctx.text.width(label, 15) + px(36)
            x -= width
            self.add_button(
                pygame.Rect(x, self.box.bottom - px(56), width, px(40)),
                label,
                handler,
                None,
                "#primary" if label == self.choices[self.default][0] else None,
            )
            x -= px(8)

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, ACCENT, self.box, 2, border_radius=6)
        text.draw(surface, self.title, (self.box.x + px(20), self.box.y + px(16)), 19, TEXT, bold=True)
        text.draw_wrapped(
            surface,
            self.message,
            pygame.Rect(self.box.x + px(20), self.box.y + px(56), self.box.width - px(40), px(110)),
            14,
            TEXT,
        )


def quit_confirm(ctx: Context, to_menu: bool = True, session: Session | None = None) -> MessageScene:
    """Quit asks first; from a campaign it also offers the main menu (the game is autosaved).

    In a locked class game the main menu needs the PIN (from there any save could be loaded);
    quitting does not, and a pause survives it (see `game.ui.locks`).
    """
    choices: list[tuple[str, Callable[[], Transition | None]]] = [("Quit game", quit_game)]
    if to_menu:

        def to_title() -> Transition | None:
            if session is None or not session.setup.has_pin:
                return reset(TitleScene(ctx))
            from game.ui.scenes.pin import PinScene

            return push(PinScene(ctx, session, lambda: reset(TitleScene(ctx)), "the main menu"))

        choices.append(("Main menu", to_title))
    choices.append(("Cancel", pop))
    note = " Your campaign is autosaved at every End Turn; orders queued this turn are not." if to_menu else ""
    # Enter takes the safe choice: Esc opens this dialog, so Esc then Enter must not end a class's game.
    return MessageScene(ctx, "Leave?", "Do you want to quit?" + note, tuple(choices), default=len(choices) - 1)


def continue_after_crash(ctx: Context, autosave: Path) -> MessageScene:
    """The offer made at start when the last session ended without closing the window."""

    def resume() -> Transition | None:
        sim, error = saves.load_path(autosave)
        if sim is None:
            return replace(MessageScene(ctx, "The autosave could not be loaded", error))
        return reset(campaign(ctx, sim))

    message = (
        f"The game did not close normally last time. Continue from the latest autosave "
        f"({autosave.name}), which is newer than your named saves?"
    )
    return MessageScene(ctx, "Continue after a crash?", message, (("Continue", resume), ("Not now", pop)))
