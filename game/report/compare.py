"""Duplicate play: line several teams' games up, find where their decisions parted and why outcomes differ.

Teams that play the same scenario with the same seed live in the same world until their
inputs differ (same seed + same orders ⇒ same game), so the first turn whose orders or
event decisions differ is where the games diverged, and the ledger causes whose totals
differ most between the games say what the different choices did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from game.batch.report import write_csv
from game.report import game_data
from game.report.charts import Chart, drawing, series_colour, shorten
from game.report.page import Page, esc
from game.sim.explain import describe_cause


@attrs.frozen
class CompareData:
    """Everything `compare` shows: per-team finals, score per turn, decisions, divergence and causes."""

    names: tuple[str, ...]
    scenario: str
    same_world: bool
    notes: tuple[str, ...]
    finals: list[dict[str, Any]]  # name, score, grade, outcome, turns
    scores: list[dict[str, Any]]  # turn, date, then the position of each team
    decisions: list[dict[str, Any]]  # turn, date, then each team's orders and decisions as text
    divergence_turn: int | None  # first turn whose inputs differ (None: identical as far as all played)
    causes: list[dict[str, Any]]  # cause, description, each team's total effect on US alignment, spread


def _inputs(sim: Any, turn: int) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """A turn's US input as sets (the same orders given in another order count as the same decisions)."""
    orders = tuple(sorted((o.action, o.target or "") for o in game_data.us_orders(sim, turn)))
    record = sim.history[turn - 1] if turn - 1 < len(sim.history) else None
    decisions = tuple(sorted(record.decisions)) if record else ()
    return orders, decisions


def _describe_inputs(sim: Any, turn: int) -> str:
    if turn > len(sim.reports):
        return "(not played)"
    parts = [
        f"{game_data.action_name(sim, o.action)} ({game_data.place_of(sim, o)})" for o in game_data.us_orders(sim, turn)
    ]
    record = sim.history[turn - 1] if turn - 1 < len(sim.history) else None
    for key, choice in record.decisions if record else ():
        event_id, _, rest = key.partition("@")
        state_id = rest.partition("@")[0]
        where = game_data.state_name(sim, None if state_id == "region" else state_id)
        parts.append("answered " + game_data.decision_text(sim, event_id, choice, where))
    return "; ".join(parts) or "no orders"


def divergence_turn(sims: Sequence[Any]) -> int | None:
    """The first turn, among those every game played, whose US inputs are not all the same."""
    for turn in range(1, min(len(s.reports) for s in sims) + 1):
        if len({_inputs(s, turn) for s in sims}) > 1:
            return turn
    return None


def _cause_totals(sim: Any) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for change in sim.ledger:
        if change.variable == "alignment.us":
            totals[change.cause] += change.delta
    return totals


def compare_games(
    sims: Sequence[Any], names: Sequence[str], causes: int = 10, notes: Sequence[str] = ()
) -> CompareData:
    """Line the games up. `names` label the teams, in the order of `sims`; `notes` are shown first."""
    if len(sims) != len(names) or len(sims) < 2:
        raise ValueError("compare needs at least two games and one name for each")
    first = sims[0]
    notes = list(notes)
    same_world = all(
        s.scenario.id == first.scenario.id and s.seed == first.seed and s.difficulty_id == first.difficulty_id
        for s in sims
    )
    if not same_world:
        notes.append(
            "These games do not share scenario, seed and difficulty, so they are different worlds: "
            "differences are not only the teams' decisions."
        )
    finals = [
        {
            "name": name,
            "score": round(sim.score(), 3),
            "grade": sim.grade() if sim.reports else "-",
            "outcome": sim.state.outcome or "in progress",
            "turns": len(sim.reports),
        }
        for sim, name in zip(sims, names, strict=True)
    ]
    longest = max(len(s.reports) for s in sims)
    scores, decisions = [], []
    for turn in range(1, longest + 1):
        date = first.date_label(turn)
        scores.append({"turn": turn, "date": date, **{n: _position(s, turn) for s, n in zip(sims, names, strict=True)}})
        decisions.append(
            {"turn": turn, "date": date, **{n: _describe_inputs(s, turn) for s, n in zip(sims, names, strict=True)}}
        )
    totals = [_cause_totals(s) for s in sims]
    every_cause = sorted(set().union(*totals))
    cause_rows = []
    for cause in every_cause:
        values = [round(t.get(cause, 0.0), 3) for t in totals]
        cause_rows.append(
            {
                "cause": cause,
                "description": describe_cause(cause, first.scenario),
                **dict(zip(names, values, strict=True)),
                "spread": round(max(values) - min(values), 3),
            }
        )
    cause_rows.sort(key=lambda r: (-r["spread"], r["cause"]))
    return CompareData(
        tuple(names),
        first.scenario.about.title,
        same_world,
        tuple(notes),
        finals,
        scores,
        decisions,
        divergence_turn(sims),
        [r for r in cause_rows if r["spread"] > 0][:causes],
    )


def _position(sim: Any, turn: int) -> float | str:
    history = sim.state.score_history
    return round(history[turn - 1], 3) if turn <= len(history) else ""


def compare_lines(data: CompareData) -> list[str]:
    """The comparison as plain text for the terminal."""
    width = max(8, *(len(n) for n in data.names))
    lines = [f"Comparing {len(data.names)} games of {data.scenario}", *data.notes, ""]
    lines.append(f"{'team':<{width}}  {'score':>6}  grade  outcome      turns")
    for row in data.finals:
        lines.append(
            f"{row['name']:<{width}}  {row['score']:>6.1f}  {row['grade']:<5}  {row['outcome']:<11}  {row['turns']:>5}"
        )
    lines += ["", "US position per turn:", "turn  date     " + "  ".join(f"{n:>{width}}" for n in data.names)]
    for row in data.scores:
        cells = [f"{row[n]:>{width}.1f}" if row[n] != "" else " " * width for n in data.names]
        lines.append(f"{row['turn']:>4}  {row['date']:<7}  " + "  ".join(cells))
    lines.append("")
    if data.divergence_turn is None:
        lines.append("The teams gave the same orders and decisions on every turn they all played.")
    else:
        turn = data.divergence_turn
        lines.append(f"First divergence: turn {turn} ({data.decisions[turn - 1]['date']}). Their orders then:")
        for name in data.names:
            lines.append(f"  {name}: {data.decisions[turn - 1][name]}")
    if data.causes:
        lines += ["", "Causes of US alignment that differ most between the games (points, all states):"]
        lines.append(f"  {'cause':<44}  " + "  ".join(f"{n:>{width}}" for n in data.names))
        for row in data.causes:
            lines.append(
                f"  {shorten(row['description'], 44):<44}  " + "  ".join(f"{row[n]:>+{width}.1f}" for n in data.names)
            )
    return lines


def build_compare_report(data: CompareData, out: Path) -> Path:
    """Write `out/compare.html` with the score and causes charts, and the CSV behind each."""
    out = Path(out)
    page = Page(f"Compare: {data.scenario}", " vs ".join(data.names))
    for row in data.finals:
        page.fact(row["name"], f"{row['score']:.1f} ({row['grade']})")
    page.fact("diverged on turn", data.divergence_turn or "never")
    chart = Chart(
        "compare_scores",
        "The US position per turn, team by team",
        "Each team's US position each turn; the dashed line marks the first turn their decisions differed.",
    )
    with drawing(out, chart, data.scores) as figure:
        axes = figure.add_subplot()
        for index, name in enumerate(data.names):
            played = [r for r in data.scores if r[name] != ""]
            axes.plot(
                [r["turn"] for r in played],
                [r[name] for r in played],
                color=series_colour(index),
                linewidth=2,
                label=name,
            )
        if data.divergence_turn:
            axes.axvline(data.divergence_turn, color="#555555", linestyle="--", linewidth=1)
        axes.set_xlabel("turn (one quarter)")
        axes.set_ylabel("US position")
        axes.legend(loc="upper left")
    page.section("Score", " ".join(data.notes) or "Same scenario and seed: the teams played the same world.")
    page.figure(chart)
    page.end_section()
    causes = Chart(
        "compare_causes",
        "What the different decisions did",
        "The ledger causes whose total effect on US alignment differs most between the games (points, all states).",
    )
    with drawing(out, causes, data.causes, height=1.0 + 0.4 * max(len(data.causes), 3)) as figure:
        axes = figure.add_subplot()
        height = 0.8 / len(data.names)
        for index, name in enumerate(data.names):
            positions = [i + index * height for i in range(len(data.causes))]
            axes.barh(positions, [r[name] for r in data.causes], height=height, color=series_colour(index), label=name)
        axes.set_yticks(
            [i + 0.4 - height / 2 for i in range(len(data.causes))],
            [shorten(r["description"], 44) for r in data.causes],
        )
        axes.invert_yaxis()
        axes.axvline(0, color="#333333", linewidth=0.8)
        axes.set_xlabel("change in US alignment (points, all states)")
        axes.legend(loc="lower right")
        axes.grid(axis="y", alpha=0)
    page.section("Why the outcomes differ")
    page.figure(causes)
    page.end_section()
    page.section("Decisions side by side", "Each team's US orders and event answers, turn by turn.")
    rows = []
    for row in data.decisions:
        marker = " ◆ first divergence" if row["turn"] == data.divergence_turn else ""
        rows.append([f"{row['turn']}{marker}", row["date"], *(row[n] for n in data.names)])
    page.table(["turn", "date", *data.names], rows, nowrap=(1,))
    page.raw(f'<p class="data"><a href="compare_decisions.csv">{esc("Decisions (CSV)")}</a></p>')
    page.end_section()
    write_csv(out / "compare_decisions.csv", data.decisions)
    return page.write(out / "compare.html", footer="Crossroads duplicate-play comparison.")
