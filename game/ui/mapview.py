"""The campaign map: drawn once into a Surface and redrawn only when its inputs change.

States are filled by the power that leads their alignment (stronger lead, deeper colour),
with that power's hatch pattern and shape badge as the non-colour cue. Each state's name
plate carries the contest: a bar of every power's share (C1, C2), each share's change
since End Turn, and an orange frame with "tipped" when the lead changed hands. What was
drawn is kept in `plates`, so tests check the picture's content, not its pixels.
"""

from __future__ import annotations

import itertools
import math

import attrs
import pygame

from game.content.powers import PowerTable, standard_table
from game.ui.contest import StateLook
from game.ui.geometry import MapData, Projection, country_at
from game.ui.shapes import draw_shape
from game.ui.text import Text
from game.ui.theme import (
    ACCENT,
    BORDER,
    NEIGHBOUR,
    RIVAL_LAND,
    SEA,
    TEXT,
    WARN,
    Colour,
    ink_on,
    mix,
    power_colour,
)

NEUTRAL: Colour = (120, 126, 136)
ROUTE: Colour = (250, 250, 250)
REGION_LABELS = {
    "russia": "RUSSIA",
    "china": "CHINA",
    "afghanistan": "AFGHANISTAN",
    "iran": "IRAN",
    "mongolia": "MONGOLIA",
    "pakistan": "PAKISTAN",
}


# Where the plates of the small southern states sit (lon, lat), clear of each other and of the
# capitals; a thin leader line joins a plate to its state.
PLATE_AT: dict[str, tuple[float, float]] = {
    "uzbekistan": (59.0, 44.0),  # over the Aral basin
    "turkmenistan": (51.6, 39.0),  # over the southern Caspian
    "kazakhstan": (69.5, 47.4),  # east of the legend, south of Astana
    "kyrgyzstan": (81.2, 41.4),  # over Xinjiang, below Bishkek
    "tajikistan": (75.8, 36.2),  # over the Pamirs and the Karakoram
}
TIPPED_LABEL = "tipped"


@attrs.frozen
class Plate:
    """What one state's name plate shows (kept for tests and tooltips)."""

    state: str
    box: tuple[int, int, int, int]
    leader: str
    segments: tuple[tuple[str, int], ...]  # (power, width in pixels) of the share bar, US first
    changes: tuple[str, ...]  # each power's share change, as printed
    tipped: bool
    opening: bool = False  # an event's opening lasts here: a tag says how far US efforts go
    tender: bool = False  # a tender is open here: a tag says for how many more turns (C15)


@attrs.frozen
class MapInputs:
    """Everything the picture depends on; equal inputs reuse the cached surface."""

    size: tuple[int, int]
    looks: tuple[tuple[str, StateLook], ...]
    route_progress: float
    scale: float
    preferred_share: float = 0.40  # where the share bar's white tick goes (the US preferred-partner share)
    keep_clear: tuple[int, int, int, int] | None = None  # map-local box plates avoid (the open legend)
    powers: PowerTable = attrs.field(factory=standard_table)  # each power's colour, shape and pattern
    # Map-local boxes something is drawn over (the title screen's heading and menu): a capital's
    # name moves to the left of its dot, or is left out, rather than show half hidden.
    covered: tuple[tuple[int, int, int, int], ...] = ()


def _uncovered(spot: pygame.Rect, covered: list[pygame.Rect]) -> pygame.Rect | None:
    """Where a capital's name can go clear of `covered`: right of its dot, else left of it, else nowhere."""
    right = spot.inflate(6, 0)
    if not any(right.colliderect(box) for box in covered):
        return spot
    left = spot.move(-(spot.width + 14), 0)  # the dot sits 7 px left of the name
    if not any(left.inflate(6, 0).colliderect(box) for box in covered):
        return left
    return None


def _pattern(size: tuple[int, int], pattern: str, colour: Colour, spacing: int) -> pygame.Surface:
    """A transparent tile of a power's pattern (one of `game.content.powers.PATTERNS`) covering the map."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    ink = (*ink_on(colour), 70)
    w, h = size
    if pattern in ("diagonal hatch", "crosshatch"):
        for x in range(-h, w, spacing):
            pygame.draw.line(surface, ink, (x, h), (x + h, 0), 2)
    if pattern in ("back diagonal", "crosshatch"):
        for x in range(0, w + h, spacing):
            pygame.draw.line(surface, ink, (x, h), (x - h, 0), 2)
    if pattern == "horizontal lines":
        for y in range(0, h, spacing):
            pygame.draw.line(surface, ink, (0, y), (w, y), 2)
    if pattern == "vertical lines":
        for x in range(0, w, spacing):
            pygame.draw.line(surface, ink, (x, 0), (x, h), 2)
    if pattern == "dots":
        for y in range(0, h, spacing):
            offset = spacing // 2 if (y // spacing) % 2 else 0
            for x in range(offset, w, spacing):
                pygame.draw.circle(surface, ink, (x, y), 2)
    return surface


class MapView:
    """Renders the map for a rectangle and answers which state is under the mouse."""

    def __init__(self, data: MapData, text: Text) -> None:
        self.data = data
        self.text = text
        self.rect = pygame.Rect(0, 0, 1, 1)
        self.projection = Projection(data.bbox, (0, 0, 1, 1))
        self._inputs: MapInputs | None = None
        self._surface: pygame.Surface | None = None
        self._patterns: dict[tuple[tuple[int, int], int, PowerTable], dict[str, pygame.Surface]] = {}
        self._outlines: dict[str, list[list[tuple[float, float]]]] = {}
        self.renders = 0  # how often the picture was rebuilt (tests check the cache works)
        self.plates: dict[str, Plate] = {}  # map-local boxes, as last drawn
        self.region_labels: dict[str, pygame.Rect] = {}  # where RUSSIA, MONGOLIA … were drawn (map-local)
        self.capital_labels: dict[str, pygame.Rect] = {}  # where each capital's name was drawn (map-local)
        self._on_top: list[tuple[pygame.Surface, pygame.Rect]] = []  # plates and capitals stay above the selection

    def hit(self, pos: tuple[int, int]) -> str | None:
        """The player state at a screen position, or None."""
        if not self.rect.collidepoint(pos):
            return None
        local = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        for plate in self.plates.values():  # a plate may sit over a neighbour: it stands for its own state
            if pygame.Rect(plate.box).collidepoint(local):
                return plate.state
        return country_at(self.data, self.projection.to_lonlat(local))

    def screen_point(self, state_id: str) -> tuple[int, int]:
        """Where a state's name plate (or, before the first drawing, its label point) sits on screen."""
        plate = self.plates.get(state_id)
        if plate is not None:  # the name plate is what a player sees and clicks
            centre = pygame.Rect(plate.box).center
            return (centre[0] + self.rect.x, centre[1] + self.rect.y)
        shape = next(c for c in self.data.countries if c.id == state_id)
        x, y = self.projection.to_screen(shape.label)
        return (round(x) + self.rect.x, round(y) + self.rect.y)

    def surface(self, rect: pygame.Rect, inputs: MapInputs) -> pygame.Surface:
        """The cached picture, rebuilt only when the size or the shading changed."""
        if self._surface is None or inputs != self._inputs or rect != self.rect:
            self.rect = pygame.Rect(rect)
            self.projection = Projection(self.data.bbox, (0, 0, rect.width, rect.height))
            self._outlines = {
                c.id: [[self.projection.to_screen(p) for p in ring] for ring in c.rings]
                for c in self.data.countries
                if c.role == "player"
            }
            self._surface = self._render(inputs)
            self._inputs = inputs
            self.renders += 1
        return self._surface

    def draw(self, target: pygame.Surface, rect: pygame.Rect, inputs: MapInputs, selected: str | None) -> None:
        """Blit the cached map and outline the selected state (cheap, so selection is instant)."""
        target.blit(self.surface(rect, inputs), rect)
        for ring in self._outlines.get(selected or "", []):
            points = [(x + rect.x, y + rect.y) for x, y in ring]
            pygame.draw.polygon(target, (255, 255, 255), points, max(2, round(3 * inputs.scale)))
        for plate, box in self._on_top:
            target.blit(plate, box.move(rect.topleft))

    # --- drawing ------------------------------------------------------------------------

    def _render(self, inputs: MapInputs) -> pygame.Surface:
        size = (self.rect.width, self.rect.height)
        surface = pygame.Surface(size)
        surface.fill((27, 35, 48))
        project = self.projection.to_screen
        fx, fy, fw, fh = self.projection.frame
        pygame.draw.rect(surface, SEA, (fx, fy, fw, fh))
        looks = dict(inputs.looks)
        spacing = max(6, round(9 * inputs.scale))
        table = inputs.powers
        key = (size, spacing, table)
        if key not in self._patterns:
            tiles = {p.id: _pattern(size, p.look.pattern, power_colour(table, p.id), spacing) for p in table}
            self._patterns = {key: tiles}
        patterns = self._patterns[key]
        for country in self.data.countries:
            rings = [[project(p) for p in ring] for ring in country.rings]
            look = looks.get(country.id)
            if look is None:
                colour = RIVAL_LAND if country.role == "power" else NEIGHBOUR
                for ring in rings:
                    pygame.draw.polygon(surface, colour, ring)
                    pygame.draw.polygon(surface, BORDER, ring, 1)
                continue
            strength = min(0.95, 0.45 + look.margin * 2.5)
            colour = mix(NEUTRAL, power_colour(table, look.leader), strength)
            for ring in rings:
                pygame.draw.polygon(surface, colour, ring)
            self._hatch(surface, patterns[look.leader], rings, [[project(p) for p in h] for h in country.holes])
        for country in self.data.countries:  # player borders on top, crisp
            if country.id in looks:
                for ring in country.rings:
                    pygame.draw.polygon(surface, (15, 18, 24), [project(p) for p in ring], 2)
        self._route(surface, inputs.route_progress)
        self._labels(surface, looks, inputs)
        pygame.draw.rect(surface, (70, 86, 108), (fx, fy, fw, fh), 1)
        return surface

    @staticmethod
    def _hatch(surface: pygame.Surface, pattern: pygame.Surface, rings: list, holes: list) -> None:
        points = [p for ring in rings for p in ring]
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = pygame.Rect(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 2, int(max(ys) - min(ys)) + 2)
        box = box.clip(surface.get_rect())
        if box.width <= 0 or box.height <= 0:
            return
        mask = pygame.Surface(box.size, pygame.SRCALPHA)
        for ring in rings:
            pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - box.x, y - box.y) for x, y in ring])
        for hole in holes:
            pygame.draw.polygon(mask, (0, 0, 0, 0), [(x - box.x, y - box.y) for x, y in hole])
        tile = pattern.subsurface(box).copy()
        tile.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(tile, box)

    def _route(self, surface: pygame.Surface, progress: float) -> None:
        width = max(2, round(3 * self.text.scale))
        for line in self.data.route:
            points = [self.projection.to_screen(p) for p in line]
            if progress >= 100:
                pygame.draw.lines(surface, (15, 18, 24), False, points, width + 3)
                pygame.draw.lines(surface, ROUTE, False, points, width)
            else:
                _dashed(surface, points, width - 1, dash=max(6, 10 * self.text.scale))

    def _labels(self, surface: pygame.Surface, looks: dict[str, StateLook], inputs: MapInputs) -> None:
        text = self.text
        fx, _fy, fw, _fh = self.projection.frame
        for country in self.data.countries:
            if country.id in REGION_LABELS:
                x, y = self.projection.to_screen(country.label)
                if country.id == "russia":
                    x, y = self.projection.to_screen((82.0, 56.0))
                half = text.width(REGION_LABELS[country.id], 12) // 2 + 4
                x = min(max(x, fx + half), fx + fw - half)  # never cut off at the frame's edge
                self.region_labels[country.id] = text.draw(
                    surface, REGION_LABELS[country.id], (round(x), round(y)), 12, (196, 200, 208), anchor="center"
                )
        for name, point in self.data.seas:
            x, y = self.projection.to_screen(point)
            text.draw(surface, name, (round(x), round(y)), 12, (170, 200, 225), anchor="center")
        compact = inputs.size[0] < 560 * inputs.scale  # a small map: smaller plates
        capitals = self._capitals(surface, inputs)
        self.plates = {}
        self._on_top = []
        placed: list[pygame.Rect] = [zone for *_, zone in capitals]
        if inputs.keep_clear is not None:  # plates keep clear of the capitals and the legend
            placed.append(pygame.Rect(inputs.keep_clear))
        obstacles = len(placed)
        for country in self.data.countries:
            look = looks.get(country.id)
            if look is None:
                continue
            anchor = self.projection.to_screen(country.label)
            at = self.projection.to_screen(PLATE_AT.get(country.id, country.label))
            plate, drawn = self._plate(country.id, country.name, look, compact, inputs)
            box = plate.get_rect(center=(round(at[0]), round(at[1])))
            _place(box, placed, pygame.Rect(self.projection.frame))
            placed.append(box)
            if not box.collidepoint(anchor):  # a plate moved off its state: a leader line back to it
                end = (min(max(anchor[0], box.left), box.right), min(max(anchor[1], box.top), box.bottom))
                pygame.draw.line(surface, (10, 14, 20), anchor, end, 3)
                pygame.draw.line(surface, (235, 238, 242), anchor, end, 1)
                pygame.draw.circle(surface, (235, 238, 242), (round(anchor[0]), round(anchor[1])), 2)
            surface.blit(plate, box)
            self._on_top.append((plate, box))
            self.plates[country.id] = attrs.evolve(drawn, box=(box.x, box.y, box.width, box.height))
        self.capital_labels = {}
        for name, tag, spot, zone in capitals:  # a capital's name shows unless a plate had nowhere else to go
            if any(zone.colliderect(p) for p in placed[obstacles:]):
                continue
            shade = pygame.Surface(spot.inflate(6, 0).size, pygame.SRCALPHA)
            shade.fill((10, 14, 20, 160))
            shade.blit(tag, (3, 0))
            surface.blit(shade, spot.inflate(6, 0))
            self._on_top.append((shade, spot.inflate(6, 0)))  # Bishkek sits on a border: above the outline
            self.capital_labels[name] = spot.inflate(6, 0)

    def _capitals(
        self, surface: pygame.Surface, inputs: MapInputs
    ) -> list[tuple[str, pygame.Surface, pygame.Rect, pygame.Rect]]:
        """Draw the capitals' dots; return their names, name tags and where they go (plates keep clear).

        A capital whose name cannot show clear of `inputs.covered` is left out, dot and all: a
        lone dot peeping out between the title screen's buttons reads as a smudge.
        """
        tags = []
        covered = [pygame.Rect(box) for box in inputs.covered]
        for _state_id, name, point in self.data.capitals:
            x, y = round(self.projection.to_screen(point)[0]), round(self.projection.to_screen(point)[1])
            tag = self.text.render(name, 11, (255, 255, 255))
            spot = _uncovered(tag.get_rect(midleft=(x + 7, y)), covered)
            if spot is None:
                continue
            pygame.draw.circle(surface, (15, 18, 24), (x, y), max(4, round(5 * inputs.scale)))
            pygame.draw.circle(surface, (255, 255, 255), (x, y), max(2, round(3 * inputs.scale)))
            tags.append((name, tag, spot, spot.union(pygame.Rect(x - 5, y - 5, 10, 10))))
        return tags

    def _plate(
        self, state_id: str, name: str, look: StateLook, compact: bool, inputs: MapInputs
    ) -> tuple[pygame.Surface, Plate]:
        """A name plate: leader badge and name, every power's share in a bar, each share's change."""
        text, table, scale, preferred = self.text, inputs.powers, inputs.scale, inputs.preferred_share
        size, small = (11, 10) if compact else (14, 12)
        badge = round((6 if compact else 8) * scale)
        pad = round(4 * scale)
        label = text.render(name, size, (255, 255, 255), bold=True)
        tipped = look.tipped_from is not None
        heads = _head_tags(text, look, compact, small)
        changes = tuple(f"{c:+.1f}".replace("-", "\u2212") if abs(c) >= 0.05 else "0.0" for c in look.changes)
        mini = max(3, round((4 if compact else 5) * scale))
        cells = [text.render(c, small, (235, 238, 242)) for c in changes]
        cell_w = max(c.get_width() for c in cells) + mini * 2 + round(3 * scale)
        head_w = badge * 2 + pad + label.get_width() + sum(tag.get_width() + pad * 4 for tag, _ in heads)
        count = len(look.powers)
        width = max(head_w, cell_w * count) + pad * 2
        bar_h = max(5, round((7 if compact else 10) * scale))
        moved = any(c != "0.0" for c in changes)  # at the start nothing has moved: no row of zeros
        height = label.get_height() + bar_h + (cells[0].get_height() if moved else 0) + pad * 2
        plate = pygame.Surface((width, height), pygame.SRCALPHA)
        plate.fill((10, 14, 20, 190))
        y = pad // 2
        draw_shape(
            plate,
            table[look.leader].look.shape,
            (pad + badge, y + label.get_height() // 2),
            badge,
            power_colour(table, look.leader),
        )
        plate.blit(label, (pad + badge * 2 + pad, y))
        after = pad + badge * 2 + pad * 3 + label.get_width()
        for tag, colour in heads:
            spot = tag.get_rect(midleft=(after, y + label.get_height() // 2))
            pygame.draw.rect(plate, colour, spot.inflate(pad * 2, 0), border_radius=4)
            plate.blit(tag, spot)
            after += tag.get_width() + pad * 4
        y += label.get_height()
        inner = width - pad * 2
        segments: list[tuple[str, int]] = []
        x = pad
        for i, power in enumerate(look.powers):
            seg = inner - (x - pad) if i == count - 1 else round(inner * look.shares[i])
            segments.append((power, seg))
            pygame.draw.rect(plate, power_colour(table, power), (x, y, seg, bar_h))
            if i:  # a dark gap between shares, so neighbouring colours never blur into one
                pygame.draw.line(plate, (10, 12, 16), (x, y), (x, y + bar_h - 1), 2)
            x += seg
        pygame.draw.rect(plate, (10, 12, 16), (pad, y, inner, bar_h), 1)
        tick = pad + round(inner * preferred)
        pygame.draw.line(plate, (255, 255, 255), (tick, y - 2), (tick, y + bar_h + 1), 2)
        y += bar_h + 1
        for i, (power, cell) in enumerate(zip(look.powers, cells if moved else [], strict=False)):
            cx = pad + i * (inner // count)
            centre = (cx + mini, y + cell.get_height() // 2)
            draw_shape(plate, table[power].look.shape, centre, mini, power_colour(table, power))
            plate.blit(cell, (cx + mini * 2 + round(2 * scale), y))
        if tipped:
            pygame.draw.rect(plate, WARN, plate.get_rect(), max(2, round(2 * scale)), border_radius=3)
        plate_info = Plate(
            state_id,
            (0, 0, width, height),
            look.leader,
            tuple(segments),
            changes,
            tipped,
            bool(look.opening),
            bool(look.tender),
        )
        return plate, plate_info


def _head_tags(text: Text, look: StateLook, compact: bool, size: int) -> list[tuple[pygame.Surface, Colour]]:
    """The tags beside a state's name, each with its colour: tipped, an opening (C7), a tender (C15)."""
    words: list[tuple[str, Colour]] = []
    if look.tipped_from is not None:
        words.append((TIPPED_LABEL, WARN))
    if look.opening:  # the biggest chance on the board while it lasts (C7)
        words.append((f"opening \u00d7{look.opening:.1f}", ACCENT))
    if look.tender:  # a contract for the best offer, for so many more turns (C15)
        turns = f"{look.tender} turn{'s' if look.tender > 1 else ''}"
        words.append(("tender" if compact else f"tender \u00b7 {turns}", TEXT))
    return [(text.render(word, size, (10, 12, 16), bold=True), colour) for word, colour in words]


def _place(box: pygame.Rect, placed: list[pygame.Rect], frame: pygame.Rect) -> None:
    """Move a plate to the nearest free spot inside the frame (searching outward in small steps)."""
    start = box.clamp(frame)
    step_x, step_y = max(4, box.width // 6), max(4, box.height // 4)
    offsets = sorted(
        ((dx * step_x, dy * step_y) for dx in range(-6, 7) for dy in range(-8, 9)),
        key=lambda d: (d[0] / 1.5) ** 2 + d[1] ** 2,  # prefer moving up or down over sideways
    )
    for dx, dy in offsets:
        spot = start.move(dx, dy)
        if frame.contains(spot) and not any(spot.colliderect(other.inflate(2, 2)) for other in placed):
            box.topleft = spot.topleft
            return
    box.topleft = start.topleft
    _keep_apart(box, placed)


def _keep_apart(box: pygame.Rect, placed: list[pygame.Rect]) -> None:
    """Nudge a name plate up or down (whichever is nearer) until it overlaps none already placed."""
    for _ in range(8):
        hit = next((other for other in placed if other.colliderect(box.inflate(0, 2))), None)
        if hit is None:
            return
        if box.centery >= hit.centery:
            box.top = hit.bottom + 1
        else:
            box.bottom = hit.top - 1


def _dashed(surface: pygame.Surface, points: list[tuple[float, float]], width: int, dash: float) -> None:
    """A dashed polyline (the route while it is still being built)."""
    on = True
    left = dash
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if on:
                a = (x0 + (x1 - x0) * pos / length, y0 + (y1 - y0) * pos / length)
                b = (x0 + (x1 - x0) * (pos + step) / length, y0 + (y1 - y0) * (pos + step) / length)
                pygame.draw.line(surface, ROUTE, a, b, max(1, width))
            pos += step
            left -= step
            if left <= 0:
                on, left = not on, dash
