"""Issue 11, raw text: every string of every shipped scenario on every screen is finished text.

Each screen is drawn and everything a player can read there — hand-drawn lines, button labels,
tooltips — is checked for an unfilled {placeholder}, a raw id, a number with more than two
decimals, and a character the bundled font cannot draw.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from screen_tour import SHIPPED, menus, shown_text, tour

PLACEHOLDER = re.compile(r"\{[A-Za-z_]*\}")
LONG_DECIMAL = re.compile(r"\d\.\d{3,}")
UNDERSCORED = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
DIGITS_IN_WORD = re.compile(r"\b[a-z]+\d+[a-z]+\d*\b")  # c5plus1, not C5+1 or Q3
SIGNED_ZERO = re.compile(r"[-−+]0\.0+(?!\d)")
# A file name or a file key a teacher edits (rules.russia_strain.strength) is meant to be read as written.
CODE_PATH = re.compile(r"\S+\.ya?ml\b|\b\w+(?:\.\w+)+\b")


def raw_ids(scenario) -> set[str]:
    """Ids a player should never read: lower-case state ids and ids with digits or underscores."""
    ids = {s.id for s in scenario.states}
    for group in (scenario.actions, scenario.events, scenario.projects):
        ids |= {item.id for item in group}
    states = {s.id for s in scenario.states}
    rivals = {"russia", "china"}  # power ids; "us" is also an English word, so it cannot be told apart
    return {i for i in ids if "_" in i or any(c.isdigit() for c in i) or i in states} | rivals


def problems(line: str, ids: set[str]) -> list[str]:
    from game.ui.text import missing_glyphs

    found = []
    if PLACEHOLDER.search(line):
        found.append("unfilled placeholder")
    if LONG_DECIMAL.search(line):
        found.append("more than two decimals")
    if SIGNED_ZERO.search(line):
        found.append("a signed zero")
    line = CODE_PATH.sub("", line)
    words = set(re.findall(r"[A-Za-z0-9_]+", line))
    raw = sorted(w for w in words & ids if w.lower() == w) + UNDERSCORED.findall(line) + DIGITS_IN_WORD.findall(line)
    if raw:
        found.append(f"raw id {raw[0]}")
    missing = missing_glyphs(line)
    if missing:
        found.append(f"no glyph for {''.join(sorted(missing))!r}")
    return found


@pytest.fixture
def drawn(monkeypatch):
    """Every line drawn by hand, by the screen it was drawn on."""
    from game.ui.text import Text

    lines: dict[str, set[str]] = defaultdict(set)
    where = {"screen": ""}
    original = Text.render

    def render(self, text, *args, **kwargs):
        lines[where["screen"]].add(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Text, "render", render)
    return lines, where


def repeated_tips(scene, drawn_lines: set[str]) -> list[str]:
    """Button tooltips that only say again what is already on screen (the label, or the lines
    drawn under it): a tooltip must add something, or it just covers the next thing."""
    on_screen = " ".join(sorted(drawn_lines))
    found = []
    for widget in scene.handlers:
        tip = " ".join((widget.tool_tip_text or "").split())
        if not tip:
            continue
        bare = tip.removeprefix("Show changes in ").rstrip(".")
        if bare == widget.text or (len(tip) > 20 and tip in " ".join(on_screen.split())):
            found.append(f"tooltip repeats what is shown: {tip[:80]!r}")
    return found


def _audit(screens, ids, drawn) -> list[str]:
    lines, where = drawn
    report = []
    for name, scene in screens:
        shown_lines = lines.pop(where["screen"], set())
        for line in shown_text(scene) + sorted(shown_lines):
            report += [f"{name}: {problem}: {line[:160]!r}" for problem in problems(line, ids)]
        report += [f"{name}: {problem}" for problem in repeated_tips(scene, shown_lines)]
        where["screen"] = name
    for name, rest in lines.items():
        for line in rest:
            report += [f"{name or 'first'}: {problem}: {line[:160]!r}" for problem in problems(line, ids)]
    return report


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_screen_of_a_shipped_scenario_shows_finished_text(app, path, drawn):
    from game.content.loader import load_scenario

    scenario = load_scenario(path)
    report = _audit(tour(app, scenario, path), raw_ids(scenario), drawn)
    assert not report, "\n".join(sorted(set(report))[:40])


def test_the_menus_show_finished_text(app, scenario, drawn):
    report = _audit(menus(app), raw_ids(scenario), drawn)
    assert not report, "\n".join(sorted(set(report))[:40])


def test_a_glyph_the_font_lacks_is_found():
    from game.ui.text import missing_glyphs

    assert missing_glyphs("A → B") == {"→"}
    assert missing_glyphs("Kazakhstan · +2.1 · −0.5 · 4/4 · ›") == set()
