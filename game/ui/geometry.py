"""The map asset read once, projected to the screen, and hit-tested (no drawing here).

Equirectangular projection with longitude scaled by cos 45°, as the asset's notes suggest;
the whole `bbox` of the geometry is fitted into the map area so no edge shows false sea.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import attrs

MAP_FILE = Path(__file__).resolve().parents[2] / "assets" / "map" / "central-asia.json"
LON_SCALE = math.cos(math.radians(45))

Point = tuple[float, float]


class MapError(Exception):
    """The map asset is missing or unreadable; the message says which file and why."""


@attrs.frozen
class CountryShape:
    id: str
    name: str
    role: str  # player, power or neighbour
    rings: tuple[tuple[Point, ...], ...]
    holes: tuple[tuple[Point, ...], ...]
    area: float
    label: Point  # lon/lat where the name goes


@attrs.frozen
class MapData:
    bbox: tuple[float, float, float, float]  # lon min, lat min, lon max, lat max
    countries: tuple[CountryShape, ...]
    capitals: tuple[tuple[str, str, Point], ...]  # state id, name, lon/lat
    route: tuple[tuple[Point, ...], ...]
    seas: tuple[tuple[str, Point], ...]


def _area_centroid(ring: tuple[Point, ...]) -> tuple[float, Point]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def _ring(points: list[list[float]]) -> tuple[Point, ...]:
    return tuple((float(p[0]), float(p[1])) for p in points)


@cache
def load_map(path: Path = MAP_FILE) -> MapData:
    """Read the asset; raise `MapError` saying what is wrong."""
    try:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        countries = []
        for item in raw["countries"]:
            rings = tuple(_ring(r) for r in item["rings"])
            measured = [_area_centroid(r) for r in rings]
            _area, label = max(measured, key=lambda m: m[0]) if measured else (0.0, (0.0, 0.0))
            countries.append(
                CountryShape(
                    item["id"],
                    item["name"],
                    item["role"],
                    rings,
                    tuple(_ring(h) for h in item.get("holes", [])),
                    sum(m[0] for m in measured),
                    label,
                )
            )
        capitals = tuple((c["country"], c["name"], (c["lon"], c["lat"])) for c in raw.get("capitals", []))
        route = tuple(_ring(line["points"]) for line in raw.get("route", {}).get("lines", []))
        seas = tuple((s["name"], (s["label_lon"], s["label_lat"])) for s in raw.get("seas", []))
        bbox = tuple(float(v) for v in raw["bbox"])
    except FileNotFoundError as error:
        raise MapError(f"{path}: the map file is missing; rebuild it as assets/map/SOURCE.md says") from error
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise MapError(f"{path}: the map file is damaged ({type(error).__name__}: {error})") from error
    ordered = tuple(sorted(countries, key=lambda c: -c.area))  # largest first: enclaves land on top
    return MapData((bbox[0], bbox[1], bbox[2], bbox[3]), ordered, capitals, route, seas)


@attrs.frozen
class Projection:
    """Lon/lat ↔ pixels for a map fitted into `rect` (x, y, w, h)."""

    bbox: tuple[float, float, float, float]
    rect: tuple[int, int, int, int]

    @property
    def factor(self) -> float:
        lon0, lat0, lon1, lat1 = self.bbox
        return min(self.rect[2] / ((lon1 - lon0) * LON_SCALE), self.rect[3] / (lat1 - lat0))

    @property
    def frame(self) -> tuple[int, int, int, int]:
        """The pixel rectangle the bbox occupies (centred in `rect`)."""
        lon0, lat0, lon1, lat1 = self.bbox
        w = round((lon1 - lon0) * LON_SCALE * self.factor)
        h = round((lat1 - lat0) * self.factor)
        return (self.rect[0] + (self.rect[2] - w) // 2, self.rect[1] + (self.rect[3] - h) // 2, w, h)

    def to_screen(self, point: Point) -> tuple[float, float]:
        fx, fy, _, _ = self.frame
        f = self.factor
        return (fx + (point[0] - self.bbox[0]) * LON_SCALE * f, fy + (self.bbox[3] - point[1]) * f)

    def to_lonlat(self, pos: tuple[float, float]) -> Point:
        fx, fy, _, _ = self.frame
        f = self.factor
        return (self.bbox[0] + (pos[0] - fx) / (LON_SCALE * f), self.bbox[3] - (pos[1] - fy) / f)


def inside_ring(point: Point, ring: tuple[Point, ...]) -> bool:
    """Even-odd ray casting."""
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


def contains(country: CountryShape, point: Point) -> bool:
    """Inside one of the rings and not inside a hole (holes are other states' enclaves)."""
    return any(inside_ring(point, r) for r in country.rings) and not any(inside_ring(point, h) for h in country.holes)


def country_at(data: MapData, point: Point, role: str | None = "player") -> str | None:
    """The id of the (player) country at a lon/lat point, or None."""
    for country in data.countries:
        if (role is None or country.role == role) and contains(country, point):
            return country.id
    return None
