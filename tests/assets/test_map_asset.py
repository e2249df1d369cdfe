"""Checks on the committed map asset ``assets/map/central-asia.json``.

Why: the game draws its map straight from this file, so a bad rebuild (a country
missing, rings outside the box, a capital on the wrong side of a border, the Caspian
filled in by a country) should fail CI rather than show up as a broken map. The tests
read only the JSON, with their own small geometry helpers, so they do not depend on the
converter in ``tools/build_map.py``.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ASSET = Path(__file__).resolve().parents[2] / "assets" / "map" / "central-asia.json"
PLAYERS = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")
POWERS = ("russia", "china")
CAPITALS = {
    "kazakhstan": "Astana",
    "kyrgyzstan": "Bishkek",
    "tajikistan": "Dushanbe",
    "turkmenistan": "Ashgabat",
    "uzbekistan": "Tashkent",
}


@cache
def load_asset() -> dict[str, Any]:
    """Parse the asset once for the whole module."""
    return json.loads(ASSET.read_text(encoding="utf-8"))


def countries_by_id() -> dict[str, dict[str, Any]]:
    """Countries keyed by their game id."""
    return {c["id"]: c for c in load_asset()["countries"]}


def point_in_ring(point: Sequence[float], ring: Sequence[Sequence[float]]) -> bool:
    """Even-odd ray cast, enough for lon/lat polygons this size."""
    x, y = point
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_country(point: Sequence[float], country: dict[str, Any]) -> bool:
    """Inside one of the outer rings and not inside one of the holes (enclaves)."""
    if not any(point_in_ring(point, ring) for ring in country["rings"]):
        return False
    return not any(point_in_ring(point, hole) for hole in country["holes"])


def countries_containing(point: Sequence[float]) -> list[str]:
    """Ids of every country whose polygon contains ``point``."""
    return [c["id"] for c in load_asset()["countries"] if point_in_country(point, c)]


def ring_area(ring: Sequence[Sequence[float]]) -> float:
    """Unsigned shoelace area in square degrees."""
    n = len(ring)
    return abs(sum(ring[i][0] * ring[(i + 1) % n][1] - ring[(i + 1) % n][0] * ring[i][1] for i in range(n)) / 2.0)


def test_asset_loads_and_is_small() -> None:
    asset = load_asset()
    assert {"source", "licence", "bbox", "countries", "capitals", "seas", "route"} <= set(asset)
    assert "Natural Earth" in asset["source"]
    assert ASSET.stat().st_size < 400 * 1024


def test_bbox_covers_central_asia() -> None:
    lon_min, lat_min, lon_max, lat_max = load_asset()["bbox"]
    assert lon_min <= 44 and lat_min <= 33 and lon_max >= 92 and lat_max >= 57


def test_country_ids_are_unique_lowercase_with_known_roles() -> None:
    countries = load_asset()["countries"]
    ids = [c["id"] for c in countries]
    assert len(ids) == len(set(ids))
    for country in countries:
        assert country["id"] == country["id"].lower()
        assert country["role"] in {"player", "power", "neighbour"}


@pytest.mark.parametrize("country_id", PLAYERS)
def test_player_states_present_with_rings_inside_bbox(country_id: str) -> None:
    lon_min, lat_min, lon_max, lat_max = load_asset()["bbox"]
    country = countries_by_id()[country_id]
    assert country["role"] == "player"
    assert country["rings"]
    for ring in country["rings"] + country["holes"]:
        assert len(ring) >= 3
        assert ring_area(ring) > 0
        for lon, lat in ring:
            assert lon_min <= lon <= lon_max
            assert lat_min <= lat <= lat_max


def test_every_ring_is_inside_bbox() -> None:
    lon_min, lat_min, lon_max, lat_max = load_asset()["bbox"]
    for country in load_asset()["countries"]:
        for ring in country["rings"] + country["holes"]:
            assert all(lon_min <= lon <= lon_max and lat_min <= lat <= lat_max for lon, lat in ring)


def test_iso_codes_of_core_states() -> None:
    by_id = countries_by_id()
    expected = {
        "kazakhstan": ("KAZ", "398"),
        "kyrgyzstan": ("KGZ", "417"),
        "tajikistan": ("TJK", "762"),
        "turkmenistan": ("TKM", "795"),
        "uzbekistan": ("UZB", "860"),
        "russia": ("RUS", "643"),
        "china": ("CHN", "156"),
        "afghanistan": ("AFG", "004"),
        "iran": ("IRN", "364"),
    }
    for country_id, (iso_a3, iso_n3) in expected.items():
        assert (by_id[country_id]["iso_a3"], by_id[country_id]["iso_n3"]) == (iso_a3, iso_n3)


@pytest.mark.parametrize("country_id", POWERS)
def test_powers_present(country_id: str) -> None:
    country = countries_by_id()[country_id]
    assert country["role"] == "power"
    assert country["rings"]


def test_neighbours_around_the_caspian_present() -> None:
    by_id = countries_by_id()
    for country_id in ("iran", "azerbaijan", "afghanistan", "georgia", "mongolia"):
        assert by_id[country_id]["role"] == "neighbour"


def test_capitals_inside_their_own_country() -> None:
    capitals = load_asset()["capitals"]
    assert {c["country"]: c["name"] for c in capitals} == CAPITALS
    for capital in capitals:
        point = (capital["lon"], capital["lat"])
        assert countries_containing(point) == [capital["country"]], capital["name"]


def test_caspian_label_is_open_water() -> None:
    seas = {s["name"]: s for s in load_asset()["seas"]}
    caspian = seas["Caspian Sea"]
    point = (caspian["label_lon"], caspian["label_lat"])
    assert countries_containing(point) == []


def test_route_stops_are_labelled_and_on_land_in_their_country() -> None:
    route = load_asset()["route"]
    stops = {s["id"]: s for s in route["stops"]}
    for required in ("khorgos", "almaty", "aktau", "baku", "tbilisi", "turkmenbashi"):
        assert stops[required]["name"]
    for stop in stops.values():
        assert stop["country"] in countries_containing((stop["lon"], stop["lat"])), stop["id"]


def test_route_lines_start_and_end_where_expected() -> None:
    lines = {line["id"]: line for line in load_asset()["route"]["lines"]}
    main = lines["main"]["stops"]
    assert main[0] == "khorgos" and main[-1] == "tbilisi"
    assert main.index("almaty") < main.index("aktau") < main.index("baku")
    assert lines["turkmenbashi"]["stops"] == ["turkmenbashi", "baku"]


def test_ferry_legs_stay_at_sea() -> None:
    """Points along each sea leg, away from the two ports, are outside every country."""
    for line in load_asset()["route"]["lines"]:
        for leg in line["legs"]:
            if leg["mode"] != "sea":
                continue
            points = leg["points"]
            total = sum(math.dist(a, b) for a, b in itertools.pairwise(points))
            walked = 0.0
            for a, b in itertools.pairwise(points):
                length = math.dist(a, b)
                for i in range(50):
                    t = i / 50
                    along = walked + t * length
                    if 0.1 <= along <= total - 0.1:
                        probe = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
                        assert countries_containing(probe) == [], (leg["from"], leg["to"], probe)
                walked += length
