"""Build ``assets/map/central-asia.json`` from Natural Earth country outlines.

Why this script exists: the game draws its map from a small, pre-cut JSON asset rather
than shipping (and parsing at start-up) a whole-world TopoJSON file. This converter is
the reproducible recipe for that asset. It uses only the standard library so anyone can
re-run it without installing GIS tooling.

The input is a TopoJSON file from the npm package ``world-atlas`` (Natural Earth 4.1.0
admin-0 countries, public domain; the package itself is ISC-licensed). Fetch it in a
temporary directory, then run this script from the repository root::

    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python tools/build_map.py "$tmp/package/countries-50m.json"

(``npm install world-atlas@2.0.2`` in the temp dir works too; the file is then under
``node_modules/world-atlas/``.)

What it does, in order:

1. Decodes the TopoJSON itself: quantized, delta-encoded arcs are turned back into
   longitude/latitude with the topology's ``transform``; polygon rings are assembled
   from arc indices, a negative index ``~i`` meaning arc ``i`` reversed.
2. Simplifies every arc once with Douglas-Peucker (about 0.03 degrees). Simplifying
   shared arcs, rather than each country's rings separately, keeps the border between
   two neighbours identical on both sides, so no slivers or gaps open between them.
3. Clips each ring to the map's box (the focus box plus a small margin) with a
   Sutherland-Hodgman polygon clip, so Russia and China contribute only the part near
   Central Asia instead of their whole outline.
4. Rounds to 3 decimals, drops rings that collapse or are tiny, and writes compact JSON
   with game ids and roles, the five capitals, a Caspian Sea label and the
   Trans-Caspian (Middle Corridor) route.

The Caspian Sea is not a feature in world-atlas: it is simply where no country is. The
script checks that a handful of Caspian probe points fall outside every country, so the
sea shows as open water when the map is drawn over a sea-coloured background.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max

WORLD_ATLAS_VERSION = "2.0.2"
NATURAL_EARTH_VERSION = "4.1.0"

# The part of the world the game is about; any country touching it is kept.
FOCUS_BOX: Box = (44.0, 33.0, 92.0, 57.0)
# Geometry is cut to the focus box plus this margin, so the edges of the play area are
# not drawn right at the edge of the data.
CLIP_MARGIN_DEG = 2.0
# Douglas-Peucker tolerance: ~3 km, one or two pixels on a full-HD map of the region.
SIMPLIFY_TOLERANCE_DEG = 0.03
# Rings smaller than this (square degrees, about 9 km^2 at 45 N) are noise at game scale.
MIN_RING_AREA_DEG2 = 0.001
DECIMALS = 3

PLAYERS: dict[str, str] = {
    "398": "kazakhstan",
    "417": "kyrgyzstan",
    "762": "tajikistan",
    "795": "turkmenistan",
    "860": "uzbekistan",
}
POWERS: dict[str, str] = {"643": "russia", "156": "china"}

# world-atlas carries only the ISO numeric id and a name; the alpha-3 codes for every
# country that can appear in (or near) the box are listed here. An unknown id stops the
# build rather than silently emitting a country without a code.
ISO_A3: dict[str, str] = {
    "004": "AFG",
    "031": "AZE",
    "050": "BGD",
    "051": "ARM",
    "064": "BTN",
    "156": "CHN",
    "268": "GEO",
    "356": "IND",
    "364": "IRN",
    "368": "IRQ",
    "398": "KAZ",
    "400": "JOR",
    "414": "KWT",
    "417": "KGZ",
    "496": "MNG",
    "524": "NPL",
    "586": "PAK",
    "643": "RUS",
    "682": "SAU",
    "760": "SYR",
    "762": "TJK",
    "792": "TUR",
    "795": "TKM",
    "804": "UKR",
    "860": "UZB",
}
# Natural Earth features without an ISO code (disputed or special areas) that may fall
# in the box. They are kept, so the map has no false hole, with null ISO fields.
NO_ISO_FEATURES = frozenset({"Siachen Glacier"})

# Capital coordinates: public knowledge (city centres, rounded).
CAPITALS: list[dict[str, Any]] = [
    {"country": "kazakhstan", "name": "Astana", "lon": 71.449, "lat": 51.169},
    {"country": "kyrgyzstan", "name": "Bishkek", "lon": 74.570, "lat": 42.875},
    {"country": "tajikistan", "name": "Dushanbe", "lon": 68.787, "lat": 38.560},
    {"country": "turkmenistan", "name": "Ashgabat", "lon": 58.326, "lat": 37.960},
    {"country": "uzbekistan", "name": "Tashkent", "lon": 69.240, "lat": 41.300},
]

SEAS: list[dict[str, Any]] = [
    {"name": "Caspian Sea", "label_lon": 50.5, "label_lat": 42.0},
]
# Points that must be open water (outside every country) for the Caspian to show.
CASPIAN_PROBES: list[Point] = [
    (50.5, 42.0),  # middle Caspian (label point)
    (50.0, 45.8),  # north Caspian
    (51.0, 38.5),  # south Caspian
    (50.0, 43.5),  # west of Aktau
    (49.8, 41.0),  # off Azerbaijan, north of Absheron
]

# Trans-Caspian International Transport Route (Middle Corridor), approximate: public
# knowledge of the main rail/ferry line (Khorgos - Almaty - Shu - Kyzylorda - Aral -
# Shalkar - Beyneu - Aktau, ferry to Baku, rail to Tbilisi) and the Turkmenbashi ferry.
# "kind" is border / city / junction / port; unnamed waypoints keep ferry lines at sea.
ROUTE_STOPS: list[dict[str, Any]] = [
    {
        "id": "khorgos",
        "name": "Khorgos",
        "country": "kazakhstan",
        "kind": "border",
        "lon": 80.28,
        "lat": 44.20,
    },
    {
        "id": "almaty",
        "name": "Almaty",
        "country": "kazakhstan",
        "kind": "city",
        "lon": 76.89,
        "lat": 43.24,
    },
    {
        "id": "shu",
        "name": "Shu",
        "country": "kazakhstan",
        "kind": "junction",
        "lon": 73.76,
        "lat": 43.60,
    },
    {
        "id": "kyzylorda",
        "name": "Kyzylorda",
        "country": "kazakhstan",
        "kind": "city",
        "lon": 65.51,
        "lat": 44.85,
    },
    {
        "id": "aral",
        "name": "Aral",
        "country": "kazakhstan",
        "kind": "junction",
        "lon": 61.67,
        "lat": 46.80,
    },
    {
        "id": "shalkar",
        "name": "Shalkar",
        "country": "kazakhstan",
        "kind": "junction",
        "lon": 59.62,
        "lat": 47.83,
    },
    {
        "id": "beyneu",
        "name": "Beyneu",
        "country": "kazakhstan",
        "kind": "junction",
        "lon": 55.20,
        "lat": 45.32,
    },
    {
        "id": "aktau",
        "name": "Aktau",
        "country": "kazakhstan",
        "kind": "port",
        "lon": 51.17,
        "lat": 43.65,
    },
    {
        "id": "baku",
        "name": "Baku",
        "country": "azerbaijan",
        "kind": "port",
        "lon": 49.87,
        "lat": 40.38,
    },
    {
        "id": "tbilisi",
        "name": "Tbilisi",
        "country": "georgia",
        "kind": "city",
        "lon": 44.79,
        "lat": 41.72,
    },
    {
        "id": "turkmenbashi",
        "name": "Turkmenbashi",
        "country": "turkmenistan",
        "kind": "port",
        "lon": 52.97,
        "lat": 40.02,
    },
]
# Each line: sequence of stop ids or unnamed [lon, lat] waypoints.
ROUTE_LINES: list[dict[str, Any]] = [
    {
        "id": "main",
        "name": "Middle Corridor via Aktau",
        "path": [
            "khorgos",
            "almaty",
            "shu",
            "kyzylorda",
            "aral",
            "shalkar",
            "beyneu",
            "aktau",
            [50.9, 41.6],
            [50.6, 40.1],
            [50.0, 40.2],
            "baku",
            "tbilisi",
        ],
    },
    {
        "id": "turkmenbashi",
        "name": "Alternative ferry via Turkmenbashi",
        "path": [
            "turkmenbashi",
            [53.1, 39.9],
            [53.1, 39.65],
            [52.85, 39.55],
            [51.5, 39.9],
            [50.6, 40.1],
            [50.0, 40.2],
            "baku",
        ],
    },
]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Turn TopoJSON arcs into absolute lon/lat lists.

    Quantized topologies store each arc as a first absolute position followed by deltas,
    all in integer grid units; ``transform`` maps the grid back to degrees.
    """
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        points: list[Point] = []
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            for position in arc:
                x += position[0]
                y += position[1]
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to segment ``ab`` in degrees (planar, fine at this scale)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify an open polyline, keeping both end points (iterative, no recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_index = d, i
        if worst > tolerance:
            keep[worst_index] = True
            stack.append((first, worst_index))
            stack.append((worst_index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_arc(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify one arc; a closed arc (an island or enclave) is split at its far point.

    Douglas-Peucker on a closed line would see a zero-length base segment, so the ring is
    cut at the vertex farthest from its start and each half is simplified separately.
    """
    if len(points) > 3 and points[0] == points[-1]:
        start = points[0]
        far = max(range(len(points)), key=lambda i: math.dist(points[i], start))
        head = douglas_peucker(points[: far + 1], tolerance)
        tail = douglas_peucker(points[far:], tolerance)
        return head + tail[1:]
    return douglas_peucker(points, tolerance)


def assemble_ring(indices: Iterable[int], arc: Callable[[int], Sequence[Point]]) -> Ring:
    """Join arcs into a ring; ``~i`` (a negative index) means arc ``i`` reversed."""
    ring: Ring = []
    for index in indices:
        points = list(arc(index)) if index >= 0 else list(reversed(arc(~index)))
        ring.extend(points if not ring else points[1:])  # consecutive arcs share an end
    return ring


def geometry_polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """Return a geometry's polygons as lists of rings of arc indices (exterior first)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace area in square degrees; positive when counter-clockwise (lon east, lat north)."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2.0


def clip_ring(ring: Sequence[Point], box: Box) -> Ring:
    """Sutherland-Hodgman clip of a ring against an axis-aligned box.

    A concave ring that leaves and re-enters the box gets zero-width runs along the box
    edge; they are invisible when filled and are thinned out by :func:`tidy_ring`.
    """
    lon_min, lat_min, lon_max, lat_max = box

    def clip_edge(points: Ring, axis: int, limit: float, keep_greater: bool) -> Ring:
        def inside(p: Point) -> bool:
            return p[axis] >= limit if keep_greater else p[axis] <= limit

        def crossing(a: Point, b: Point) -> Point:
            t = (limit - a[axis]) / (b[axis] - a[axis])
            other = 1 - axis
            value = a[other] + t * (b[other] - a[other])
            return (limit, value) if axis == 0 else (value, limit)

        out: Ring = []
        if not points:
            return out
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    out.append(crossing(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(crossing(previous, current))
            previous = current
        return out

    points = list(ring)
    if points and points[0] == points[-1]:
        points.pop()
    points = clip_edge(points, 0, lon_min, True)
    points = clip_edge(points, 0, lon_max, False)
    points = clip_edge(points, 1, lat_min, True)
    points = clip_edge(points, 1, lat_max, False)
    return points


def tidy_ring(ring: Sequence[Point], box: Box, decimals: int) -> Ring:
    """Round, drop repeated points, and thin runs of points lying on one box edge.

    The result is an open ring (the first point is not repeated at the end), which is
    what ``pygame.draw.polygon`` takes.
    """
    edges = [
        (0, round(box[0], decimals)),
        (1, round(box[1], decimals)),
        (0, round(box[2], decimals)),
        (1, round(box[3], decimals)),
    ]

    def on_same_edge(a: Point, b: Point, c: Point) -> bool:
        return any(a[axis] == b[axis] == c[axis] == value for axis, value in edges)

    out: Ring = []
    for lon, lat in ring:
        p = (round(lon, decimals), round(lat, decimals))
        if out and out[-1] == p:
            continue
        out.append(p)
        # A middle point of three on the same box edge adds nothing to the filled shape.
        while len(out) >= 3 and on_same_edge(out[-3], out[-2], out[-1]):
            del out[-2]
            if out[-2] == out[-1]:
                out.pop()
    # The same clean-up across the seam between the last and the first point.
    changed = True
    while changed and len(out) > 3:
        changed = False
        if out[0] == out[-1] or on_same_edge(out[-2], out[-1], out[0]):
            out.pop()
            changed = True
        elif on_same_edge(out[-1], out[0], out[1]):
            out.pop(0)
            changed = True
    return out


def point_in_ring(point: Point, ring: Sequence[Point]) -> bool:
    """Even-odd ray cast; the ring may be open or closed."""
    x, y = point
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_country(point: Point, country: dict[str, Any]) -> bool:
    """Inside one of the country's rings and not inside one of its holes."""
    if not any(point_in_ring(point, ring) for ring in country["rings"]):
        return False
    return not any(point_in_ring(point, hole) for hole in country["holes"])


def slug(name: str) -> str:
    """Lowercase id from a Natural Earth name ("Siachen Glacier" -> "siachen_glacier")."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def expand_box(box: Box, margin: float) -> Box:
    """The focus box grown by ``margin`` degrees on every side."""
    return (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)


def build_countries(
    topology: dict[str, Any],
    focus_box: Box,
    clip_box: Box,
    tolerance: float,
    decimals: int,
    min_area: float,
) -> list[dict[str, Any]]:
    """Decode, simplify, clip and label every country that reaches into the map.

    A country is kept when any of its land lies inside ``clip_box``. That is every country
    touching ``focus_box`` (``in_focus`` true) plus the few that only reach into the margin
    (``in_focus`` false): keeping those too means every gap between countries on the drawn
    map is real water, never a missing country.
    """
    raw_arcs = decode_arcs(topology)
    simplified: dict[int, list[Point]] = {}

    def arc(index: int) -> list[Point]:
        if index not in simplified:
            simplified[index] = simplify_arc(raw_arcs[index], tolerance)
        return simplified[index]

    countries: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name: str = geometry.get("properties", {}).get("name", "")
        iso_n3: str | None = geometry.get("id")
        rings: list[Ring] = []
        holes: list[Ring] = []
        for polygon in geometry_polygons(geometry):
            for ring_index, indices in enumerate(polygon):
                ring = tidy_ring(clip_ring(assemble_ring(indices, arc), clip_box), clip_box, decimals)
                if len(ring) < 3 or abs(signed_area(ring)) < min_area:
                    continue
                # Normalise orientation: exteriors counter-clockwise, holes clockwise.
                is_hole = ring_index > 0
                if (signed_area(ring) > 0) == is_hole:
                    ring.reverse()
                (holes if is_hole else rings).append(ring)
        if not rings:
            continue
        if iso_n3 in PLAYERS:
            country_id, role = PLAYERS[iso_n3], "player"
        elif iso_n3 in POWERS:
            country_id, role = POWERS[iso_n3], "power"
        else:
            country_id, role = slug(name), "neighbour"
        if iso_n3 is None or iso_n3 == "-99":
            if name not in NO_ISO_FEATURES:
                raise SystemExit(f"feature {name!r} has no ISO id; add it to NO_ISO_FEATURES")
            iso_n3, iso_a3 = None, None
        elif iso_n3 in ISO_A3:
            iso_a3 = ISO_A3[iso_n3]
        else:
            raise SystemExit(f"no ISO alpha-3 code known for {iso_n3} ({name}); add it to ISO_A3")
        touches_focus = any(abs(signed_area(clip_ring(ring, focus_box))) > 0 for ring in rings)
        entry: dict[str, Any] = {
            "id": country_id,
            "iso_a3": iso_a3,
            "iso_n3": iso_n3,
            "name": name,
            "role": role,
            "in_focus": touches_focus,
            "rings": [[list(p) for p in ring] for ring in rings],
            "holes": [[list(p) for p in hole] for hole in holes],
        }
        countries.append(entry)

    role_order = {"player": 0, "power": 1, "neighbour": 2}
    countries.sort(key=lambda c: (role_order[c["role"]], c["id"]))
    missing = set(PLAYERS.values()) | set(POWERS.values())
    missing -= {c["id"] for c in countries}
    if missing:
        raise SystemExit(f"expected countries missing from the output: {sorted(missing)}")
    return countries


def build_route() -> dict[str, Any]:
    """Expand the route definition into polylines and stop-to-stop legs.

    ``points`` is the whole line for simple drawing; ``legs`` split it at named stops and
    mark a leg between two ports as ``sea`` (a ferry), everything else as ``rail``, so the
    game can draw ferries differently.
    """
    stops = {stop["id"]: stop for stop in ROUTE_STOPS}
    lines = []
    for line in ROUTE_LINES:
        points: list[list[float]] = []
        names: list[str] = []
        legs: list[dict[str, Any]] = []
        leg_points: list[list[float]] = []
        for step in line["path"]:
            if isinstance(step, str):
                stop = stops[step]
                point = [stop["lon"], stop["lat"]]
                if names:
                    both_ports = stops[names[-1]]["kind"] == stop["kind"] == "port"
                    legs.append(
                        {
                            "from": names[-1],
                            "to": step,
                            "mode": "sea" if both_ports else "rail",
                            "points": [*leg_points, point],
                        }
                    )
                leg_points = [point]
                names.append(step)
            else:
                point = [float(step[0]), float(step[1])]
                leg_points.append(point)
            points.append(point)
        lines.append({"id": line["id"], "name": line["name"], "stops": names, "points": points, "legs": legs})
    return {
        "name": "Trans-Caspian International Transport Route (Middle Corridor)",
        "note": "Approximate schematic line; stops are real places, unnamed waypoints keep ferry legs at sea.",
        "stops": ROUTE_STOPS,
        "lines": lines,
    }


def check_sea_legs(countries: Sequence[dict[str, Any]], route: dict[str, Any]) -> None:
    """Fail the build if a ferry leg crosses land away from its two ports."""
    for line in route["lines"]:
        for leg in line["legs"]:
            if leg["mode"] != "sea":
                continue
            for probe in sample_polyline(leg["points"], step=0.02, skip_ends=0.1):
                owners = [c["id"] for c in countries if point_in_country(probe, c)]
                if owners:
                    raise SystemExit(f"ferry leg {leg['from']}-{leg['to']} crosses {owners}")


def sample_polyline(points: Sequence[Sequence[float]], step: float, skip_ends: float) -> list[Point]:
    """Points every ``step`` degrees along a polyline, skipping ``skip_ends`` at each end.

    The ends are skipped because ports sit on the (simplified) coastline.
    """
    samples: list[Point] = []
    total = sum(math.dist(a, b) for a, b in itertools.pairwise(points))
    walked = 0.0
    for a, b in itertools.pairwise(points):
        length = math.dist(a, b)
        n = max(1, int(length / step))
        for i in range(n):
            t = i / n
            along = walked + t * length
            if skip_ends <= along <= total - skip_ends:
                samples.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
        walked += length
    return samples


def check_capitals(countries: Sequence[dict[str, Any]]) -> None:
    """Fail the build if a capital is not inside its own (simplified) country."""
    by_id = {c["id"]: c for c in countries}
    for capital in CAPITALS:
        point = (capital["lon"], capital["lat"])
        if not point_in_country(point, by_id[capital["country"]]):
            raise SystemExit(f"{capital['name']} is not inside {capital['country']}")


def check_caspian_open(countries: Sequence[dict[str, Any]]) -> None:
    """Fail the build if any Caspian probe point is covered by a country."""
    for probe in CASPIAN_PROBES:
        owners = [c["id"] for c in countries if point_in_country(probe, c)]
        if owners:
            raise SystemExit(f"Caspian probe {probe} lies inside {owners}")


def build(topology: dict[str, Any], source_name: str) -> dict[str, Any]:
    """Assemble the whole asset from a world-atlas topology."""
    clip_box = expand_box(FOCUS_BOX, CLIP_MARGIN_DEG)
    countries = build_countries(topology, FOCUS_BOX, clip_box, SIMPLIFY_TOLERANCE_DEG, DECIMALS, MIN_RING_AREA_DEG2)
    check_capitals(countries)
    check_caspian_open(countries)
    route = build_route()
    check_sea_legs(countries, route)
    return {
        "source": f"Natural Earth {NATURAL_EARTH_VERSION} admin-0 countries (1:50m) via "
        f"npm world-atlas@{WORLD_ATLAS_VERSION} {source_name}",
        "licence": "Natural Earth: public domain; world-atlas package: ISC. See assets/map/SOURCE.md.",
        "bbox": list(clip_box),
        "focus_bbox": list(FOCUS_BOX),
        "projection_hint": "equirectangular; scale longitude by cos(45 deg)",
        "countries": countries,
        "capitals": CAPITALS,
        "seas": SEAS,
        "route": route,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: read the TopoJSON, write the asset, print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json (see module docstring)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "assets" / "map" / "central-asia.json",
    )
    args = parser.parse_args(argv)

    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    asset = build(topology, args.topojson.name)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asset, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for c in asset["countries"] for r in c["rings"] + c["holes"])
    print(f"wrote {args.output} ({len(text) / 1024:.0f} KiB, {len(asset['countries'])} countries, {points} points)")
    for country in asset["countries"]:
        print(
            f"  {country['role']:9} {country['id']:16} {country['iso_a3']} "
            f"rings={len(country['rings'])} holes={len(country['holes'])} "
            f"in_focus={country['in_focus']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
