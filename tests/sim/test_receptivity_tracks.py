"""Planners share a rival's receptivity across tracks: that holds only while the rule reads no track for rivals."""

from __future__ import annotations

from game.batch.campaign import play_campaign
from game.content.vocabulary import TRACKS
from game.sim.receptivity import multiplier, reads_track


def test_a_power_that_reads_no_track_has_the_same_multiplier_on_every_track(window_2023):
    sim = play_campaign(window_2023, 3, "balanced", turns=12)
    world = sim.world
    for power in world.powers.ids:
        if reads_track(power):
            continue
        for country in world.state.countries.values():
            values = {multiplier(world, country, power, track) for track in (*TRACKS, None)}
            assert len(values) == 1, (power, country.id, values)


def test_the_us_multiplier_does_depend_on_the_track_where_trust_is_low(window_2023):
    sim = play_campaign(window_2023, 3, "neglect", turns=2)
    world = sim.world
    assert reads_track("us")
    differs = [
        c.id
        for c in world.state.countries.values()
        if multiplier(world, c, "us", "soft_power") != multiplier(world, c, "us", "trade")
    ]
    assert differs
