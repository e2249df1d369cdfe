"""The turn report's left column breaks pages between sections, not inside a short one.

Seen in the playtest: China's answers began at the foot of page 1 and a bracketed action name
was left alone at the top of page 2. A section that fits on a page now starts a new page; a
longer one goes on under its heading marked 'continued'; a wrapped line never splits.
"""

from __future__ import annotations

import pygame
from contest_helpers import new_game, open_campaign, played
from ui_helpers import click_button, settle

from game.ui.scene import push
from game.ui.scenes.report import ReportScene, page_lines

WHITE = (255, 255, 255)


def heading(text: str) -> list[tuple[str, tuple[int, int, int], bool]]:
    return [(text, WHITE, True)]


def item(*parts: str) -> list[tuple[str, tuple[int, int, int], bool]]:
    return [(part, WHITE, False) for part in parts]


def test_a_short_section_that_would_be_split_starts_the_next_page():
    blocks = [heading("Russia"), item("r1"), item("r2"), heading("China"), item("c1"), item("c2"), item("c3")]
    pages = page_lines(blocks, 5)
    assert [[text for text, _c, _b in page] for page in pages] == [["Russia", "r1", "r2"], ["China", "c1", "c2", "c3"]]


def test_a_wrapped_line_is_never_split_across_pages():
    blocks = [heading("China"), item("c1"), item("c2 starts", "c2 ends"), item("c3")]
    pages = page_lines(blocks, 3)
    texts = [[text for text, _c, _b in page] for page in pages]
    assert ["c2 starts", "c2 ends"] in [page[i : i + 2] for page in texts for i in range(len(page))]


def test_a_section_longer_than_a_page_goes_on_under_its_heading():
    blocks = [heading("Russia (5)"), *(item(f"r{n}") for n in range(5))]
    pages = page_lines(blocks, 4)
    texts = [[text for text, _c, _b in page] for page in pages]
    assert texts == [["Russia (5)", "r0", "r1", "r2"], ["Russia (5), continued", "r3", "r4"]]
    assert pages[1][0][2], "the repeated heading is bold like the first"


def _first_report_with_an_event(scenario):
    sim = new_game(scenario, seed=3)
    while not (sim.reports and sim.reports[-1].events):
        played(sim, 1)
    return sim


def test_in_the_window_no_page_begins_inside_a_section(app, scenario):
    sim = _first_report_with_an_event(scenario)
    for size in ((1280, 720), (1024, 768)):
        open_campaign(app, sim, size)
        report = ReportScene(app.ctx, sim, sim.reports[-1])
        app.apply(push(report))
        settle(app)
        assert len(report.move_pages) > 1, "several rival answers and an event do not fit on one page"
        seen = []
        for number in range(len(report.move_pages)):
            page = report.move_pages[report.moves_page]
            assert page[0][2], f"page {number + 1} at {size} starts inside a section: {page[0][0]!r}"
            seen += page
            if number < len(report.move_pages) - 1:
                click_button(app, "More ›")
        headings = [text for text, _c, bold in seen if bold]
        assert {"Events"} <= set(headings) and sum(h.startswith("China's answers") for h in headings) == 1
        pygame.event.clear()
