"""The debrief of one game: report.html with its charts and their CSV files, from a `Simulation`.

Works on any game, finished or not, played in the window, loaded from a save or played
headless; every number comes from the game's state, reports and why-ledger.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from game.content.powers import PLAYER, PowerTable
from game.content.vocabulary import TRACKS
from game.report import game_data
from game.report.charts import TRACK_COLOURS, Chart, drawing, power_style, shorten
from game.report.claims import claim_labels
from game.report.page import Page, esc
from game.sim.acts import act_lines
from game.sim.rules import contest

TRACK_NAMES = {"soft_power": "Soft power", "trade": "Trade", "diplomacy": "Diplomacy"}


def who_played(sim: Any) -> str:
    """'people: US (three desks), Russia · computer: China': a teacher reading a hot-seat game's
    debrief needs to know which rival's moves a team chose and which the computer's doctrine did."""
    table = sim.world.powers
    humans = set(getattr(sim, "humans", (PLAYER,)))
    classroom = getattr(sim, "classroom", None)
    desks = isinstance(classroom, dict) and bool(classroom.get("us_desks"))
    people = [table.short(p) + (" (three desks)" if p == PLAYER and desks else "") for p in table.ids if p in humans]
    computer = [table.short(p) for p in table.ids if p not in humans]
    return " · ".join(
        part
        for part in (people and "people: " + ", ".join(people), computer and "computer: " + ", ".join(computer))
        if part
    )


def build_game_report(sim: Any, out: Path, name: str = "") -> Path:
    """Write `out/report.html` and its charts for one game; returns the page's path."""
    out = Path(out)
    scenario = sim.scenario
    played = game_data.turns_played(sim)
    title = f"Debrief: {scenario.about.title}" + (f", {name}" if name else "")
    last = sim.date_label(played) if played else "not started"
    page = Page(title, f"{sim.date_label(1)} to {last}: {played} of {scenario.turns} turns, seed {sim.seed}")
    grade = sim.grade() if played else "-"
    label = next((g.label for g in scenario.score.grades if g.name == grade), "")
    page.fact("campaign score", f"{sim.score():.1f}" if played else "-")
    page.fact("grade", f"{grade}" + (f": {label}" if label else ""))
    page.fact("outcome", sim.state.outcome or "in progress")
    page.fact("difficulty", sim.difficulty_id)
    page.fact("who played", who_played(sim))

    _score_section(page, sim, out)
    _alignment_section(page, sim, out)
    _budget_section(page, sim, out)
    _timeline_section(page, sim, out)
    _tenders_section(page, sim)
    _acts_section(page, sim)
    _causes_section(page, sim, out)
    _claims_section(page, sim, out)
    _reflection_section(page, sim)
    return page.write(
        out / "report.html",
        footer=f"Crossroads debrief. Scenario {scenario.id}, seed {sim.seed}. Claim ids (C1–C19) name the article's "
        "claims as the game models them; run `python main.py rules` for the rule behind each.",
    )


def _score_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.positions(sim)
    chart = Chart(
        "score",
        "The US position and the campaign score",
        "Thin line: the US position each turn. Thick line: the campaign score, the mean position so far, which the "
        "grade is read from. Dotted lines: the grade thresholds.",
    )
    grades = [g for g in sim.scenario.score.grades if g.min_score > -100]
    with drawing(out, chart, rows) as figure:
        axes = figure.add_subplot()
        turns = [r["turn"] for r in rows]
        axes.plot(turns, [r["position"] for r in rows], color="#0072B2", linewidth=1, alpha=0.7, label="position")
        axes.plot(turns, [r["campaign_score"] for r in rows], color="#0072B2", linewidth=2.6, label="campaign score")
        for grade in grades:
            axes.axhline(grade.min_score, color="#777777", linestyle=":", linewidth=1)
            axes.annotate(
                f"{grade.name} ≥ {grade.min_score:g}",
                (1.0, grade.min_score),
                xycoords=("axes fraction", "data"),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color="#555555",
            )
        axes.set_xlabel("turn (one quarter)")
        axes.set_ylabel("score")
        axes.legend(loc="upper left")
    page.section(
        "Score",
        "The score adds US standing across the five states (Kazakhstan weighs most, C14), milestones such as the "
        "Trans-Caspian route (C9) and PNTR (C11), and stability, minus backlash (C2). Standing in a state is the "
        f"US share of the {sim.scenario.power_table.count_word} powers' alignment there, counted up to the preferred-partner share: a rival's gain "
        "is a US loss, and pushing a state out of its neighbours' orbit earns nothing more (C1, C2).",
    )
    page.figure(chart)
    page.end_section()


def _powers_and_lines(table: PowerTable) -> str:
    """'the US (solid), Russia (dashed) and China (dotted)': every power with its chart line."""
    named = [
        f"{'the ' if row.player else ''}{row.short} ({row.look.line.replace('dashdot', 'dash-dot')})" for row in table
    ]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)


def _alignment_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.alignment_by_turn(sim)
    chart = Chart(
        "alignment",
        "Alignment with each power, state by state",
        f"Each state's alignment (0–100) with {_powers_and_lines(sim.scenario.power_table)} at the end of every "
        "turn; turn 0 is the start.",
    )
    by_state: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_state[row["state"]].append(row)
    with drawing(out, chart, rows, height=5.4) as figure:
        grid = figure.subplots(2, 3, sharex=True, sharey=True)
        panels = list(grid.flat)
        for axes, state in zip(panels, sim.scenario.states, strict=False):
            series = by_state[state.id]
            table = sim.scenario.power_table
            for power in table.ids:
                style = power_style(table, power)
                axes.plot(
                    [r["turn"] for r in series],
                    [r[power] for r in series],
                    color=style["color"],
                    linestyle=style["linestyle"],
                    linewidth=2,
                    label=style["label"],
                )
            axes.set_title(state.name)
            axes.set_ylim(0, 100)
        legend_panel = panels[len(sim.scenario.states)] if len(panels) > len(sim.scenario.states) else None
        if legend_panel is not None:
            legend_panel.axis("off")
            handles, labels = panels[0].get_legend_handles_labels()
            legend_panel.legend(handles, labels, loc="center", fontsize=11, title="alignment with")
        for axes in grid[-1]:
            axes.set_xlabel("turn")
    page.section(
        "Alignment over time",
        f"States balance between the {sim.scenario.power_table.count_word} powers (C1). Russian weight drifts toward the floor its ties guarantee "
        "while the war strains it (C3); Chinese weight breeds wariness (C4); US goodwill matures slowly (C5, C6).",
    )
    page.figure(chart)
    page.end_section()


def _budget_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.budget_spent(sim)
    chart = Chart(
        "budget",
        "US points spent, by place and track",
        "Everything the US paid for its actions over the game, as the ledger recorded it, stacked by budget track.",
    )
    totals: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(TRACKS, 0.0))
    for row in rows:
        totals[row["place"]][row["track"]] += row["points"]
    names = [s.name for s in sim.scenario.states]
    places = [p for p in names if p in totals] + sorted(p for p in totals if p not in names)
    with drawing(out, chart, rows, height=3.2) as figure:
        axes = figure.add_subplot()
        bottom = [0.0] * len(places)
        for track in TRACKS:
            heights = [totals[p][track] for p in places]
            axes.bar(places, heights, bottom=bottom, color=TRACK_COLOURS[track], label=TRACK_NAMES[track])
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        axes.set_ylabel("points spent")
        axes.legend(loc="upper right")
        if not places:
            axes.text(0.5, 0.5, "no US spending recorded", transform=axes.transAxes, ha="center")
    spent = sum(r["points"] for r in rows)
    page.section(
        "Budget",
        f"The US spent {spent:.0f} points in all. Region-wide actions (the C5+1 format, C8) reach all five states at "
        "once, each a share; Washington actions spend political capital to move the PNTR bill (C11).",
    )
    page.figure(chart)
    page.end_section()


def _timeline_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.timeline(sim)
    chart = Chart(
        "timeline",
        "Events and US orders, turn by turn",
        "Top: each event that fired, on the turns it fired. Bottom: how many orders the US gave each turn.",
    )
    events = [r for r in rows if r["kind"] == "event"]
    titles = list(dict.fromkeys(r["what"] for r in events))
    orders_per_turn: dict[int, int] = defaultdict(int)
    for row in rows:
        if row["kind"] == "order":
            orders_per_turn[row["turn"]] += 1
    played = game_data.turns_played(sim)
    with drawing(out, chart, rows, height=2.2 + 0.24 * max(len(titles), 3)) as figure:
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[max(len(titles), 3), 3])
        top.scatter(
            [r["turn"] for r in events],
            [titles.index(r["what"]) for r in events],
            marker="D",
            s=28,
            color="#D55E00",
            zorder=3,
        )
        top.set_yticks(range(len(titles)), [shorten(t, 38) for t in titles])
        top.set_ylim(len(titles) - 0.5 if titles else 0.5, -0.5)
        top.grid(axis="y", alpha=0.15)
        top.set_title("events")
        turns = list(range(1, played + 1))
        bottom.bar(turns, [orders_per_turn[t] for t in turns], color="#0072B2")
        bottom.yaxis.get_major_locator().set_params(integer=True)
        bottom.set_ylabel("US orders")
        bottom.set_xlabel("turn")
    page.section("Timeline", "What happened each quarter, and what the US did about it.")
    page.figure(chart)
    table = []
    for turn in range(1, played + 1):
        of_turn = [r for r in rows if r["turn"] == turn]
        table.append(
            [
                turn,
                sim.date_label(turn),
                "; ".join(_where(r) for r in of_turn if r["kind"] == "event") or "-",
                "; ".join(_where(r) for r in of_turn if r["kind"] == "decision") or "-",
                "; ".join(_where(r) for r in of_turn if r["kind"] == "order") or "none",
            ]
        )
    page.table(["turn", "date", "events", "US decisions", "US orders"], table, numeric=(0,), nowrap=(1,))
    page.end_section()


def _tenders_section(page: Page, sim: Any) -> None:
    """Every tender that closed (C13, C15): when, where, each power's offer and who won."""
    results = sim.state.tender_results
    if not results:
        return
    world, table = sim.world, sim.scenario.power_table
    won = sum(1 for r in results if r["winner"] == PLAYER)
    rules = world.rules.contest
    still_open = len(sim.state.tenders)
    page.section(
        "Tenders",
        f"Contracts the states put out for offers (C13, C15): the US won {won} of {len(results)}. An offer is "
        "the points a power spent on orders in the state while the tender was open, weighed by how the state "
        f"received that power; the best offer (at least {rules.tender_min_bid:g}) won "
        f"+{contest.prize(sim.world):.0f} alignment and floor there, a durable gain."
        + (
            f" {still_open} more {'was' if still_open == 1 else 'were'} still open when the game stopped."
            if still_open
            else ""
        ),
    )
    rows = [
        [
            sim.date_label(r["turn"]),
            world.state_name(r["state"]),
            *(f"{r['bids'].get(p, 0.0):.1f}" for p in table.ids),
            table.name(r["winner"]) if r["winner"] else "no one",
        ]
        for r in results
    ]
    offers = tuple(range(2, 2 + len(table.ids)))
    page.table(["closed", "state", *(f"{table.short(p)} offer" for p in table.ids), "won by"], rows, offers, (0,))
    page.end_section()


def _acts_section(page: Page, sim: Any) -> None:
    """What the facilitator did, turn by turn: injected events, news and rule changes, with their effect."""
    rows = [
        [turn, sim.date_label(turn), line]
        for turn in range(1, game_data.turns_played(sim) + 1)
        for line in act_lines(sim, turn)
    ]
    if not rows:
        return
    page.section(
        "The facilitator's acts",
        "What the teacher changed during the game, and what it moved: read the rest of the debrief with these in mind.",
    )
    page.table(["turn", "date", "act"], rows, numeric=(0,), nowrap=(1,))
    page.end_section()


def _where(row: dict[str, Any]) -> str:
    return f"{row['what']} ({row['where']})"


def _causes_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.cause_rows(sim)
    chart = Chart(
        "causes",
        "Why US alignment moved: the top causes",
        "The ten causes in the why-ledger that moved US alignment most, summed over the five states "
        "(alignment points; negative pulled the US down).",
    )
    with drawing(out, chart, rows, height=0.9 + 0.32 * max(len(rows), 3)) as figure:
        axes = figure.add_subplot()
        labels = [shorten(r["description"], 48) for r in rows]
        values = [r["total"] for r in rows]
        axes.barh(labels, values, color=["#0072B2" if v >= 0 else "#D55E00" for v in values])
        axes.invert_yaxis()
        axes.axvline(0, color="#333333", linewidth=0.8)
        axes.set_xlabel("change in US alignment (points, all states)")
        axes.grid(axis="y", alpha=0)
    page.section("Why it happened", "Every change the game makes is recorded with its cause in the why-ledger.")
    page.figure(chart)
    page.heading("The biggest causes in each state")
    page.table(
        ["state", "cause", "US alignment", "gains scaled by (receptivity, average)"],
        [[r["state"], r["description"], f"{r['total']:+.1f}", r["scaled_by"]] for r in game_data.causes_per_state(sim)],
        numeric=(2,),
    )
    page.end_section()


def _claims_section(page: Page, sim: Any, out: Path) -> None:
    rows = game_data.claim_rows(sim)
    chart = Chart(
        "claims",
        "The claims that mattered",
        "How much US alignment moved through the rules of each claim (absolute points, all states). A change can "
        "count for more than one claim.",
    )
    with drawing(out, chart, rows, height=0.9 + 0.3 * max(len(rows), 3)) as figure:
        axes = figure.add_subplot()
        axes.barh([shorten(r["name"], 40) for r in rows], [r["weight"] for r in rows], color="#009E73")
        axes.invert_yaxis()
        axes.set_xlabel("US alignment moved (absolute points)")
        axes.grid(axis="y", alpha=0)
    page.section(
        "The claims that mattered",
        "Each rule of the game models a claim of the article it is based on (C1–C19). These are the claims whose "
        "rules moved US standing most in this game.",
    )
    page.figure(chart)
    labels = claim_labels()
    page.table(
        ["claim", "what the game models", "US alignment moved"],
        [[r["name"], labels.get(r["claim"], ("", ""))[1], f"{r['weight']:.0f}"] for r in rows],
        numeric=(2,),
        nowrap=(0,),
    )
    page.end_section()


def _reflection_section(page: Page, sim: Any) -> None:
    answers = game_data.reflections(sim)
    if not answers:
        return
    page.section("Reflections", "The team's answers to the scenario's questions, as typed in during play.")
    for item in answers:
        page.heading(f"Turn {item['turn']}: {item['prompt']}")
        page.raw(f'<blockquote class="answer">{esc(item["answer"] or "(no answer)")}</blockquote>')
    page.end_section()
