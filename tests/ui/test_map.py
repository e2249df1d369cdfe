"""The map: projection, hit-testing with enclaves, and the shading cues."""

from __future__ import annotations

import pygame

from game.ui.geometry import Projection, country_at, load_map


def test_each_state_label_hits_its_own_state():
    data = load_map()
    for country in data.countries:
        if country.role == "player":
            assert country_at(data, country.label) == country.id


def test_enclaves_belong_to_their_own_state_and_the_caspian_to_none():
    data = load_map()
    assert country_at(data, (71.1, 39.98)) == "uzbekistan"  # Sokh, inside Kyrgyzstan
    assert country_at(data, (72.8, 40.9)) == "kyrgyzstan"
    assert country_at(data, (50.5, 42.0)) is None  # the Caspian Sea


def test_projection_round_trips():
    data = load_map()
    projection = Projection(data.bbox, (0, 0, 800, 600))
    for point in [(50.0, 40.0), (70.0, 45.0), (90.0, 55.0)]:
        back = projection.to_lonlat(projection.to_screen(point))
        assert abs(back[0] - point[0]) < 1e-9 and abs(back[1] - point[1]) < 1e-9


def test_map_surface_is_cached_until_the_shading_changes(app):
    from game.ui.mapview import MapInputs, MapView, StateLook

    view = MapView(load_map(), app.ctx.text)
    rect = pygame.Rect(0, 0, 600, 450)
    looks = (("kazakhstan", StateLook("russia", 0.1)),)
    view.draw(app.screen, rect, MapInputs(rect.size, looks, 20.0, 1.0), "kazakhstan")
    view.draw(app.screen, rect, MapInputs(rect.size, looks, 20.0, 1.0), "uzbekistan")
    assert view.renders == 1
    view.draw(app.screen, rect, MapInputs(rect.size, (("kazakhstan", StateLook("us", 0.1)),), 20.0, 1.0), None)
    assert view.renders == 2
