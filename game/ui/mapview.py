"""The campaign map: drawn once into a Surface and redrawn only when its inputs change.

States are filled by the power that leads their alignment (stronger lead, stronger colour),
with that power's hatch pattern and shape badge as the non-colour cue.
"""

from __future__ import annotations

import itertools
import math

import attrs
import pygame

from game.ui.geometry import MapData, Projection, country_at
from game.ui.shapes import draw_shape
from game.ui.text import Text
from game.ui.theme import (
    BORDER,
    NEIGHBOUR,
    POWER_COLOURS,
    POWER_SHAPES,
    RIVAL_LAND,
    SEA,
    Colour,
    ink_on,
    mix,
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


@attrs.frozen
class StateLook:
    """What the map shows of one state: who leads and by how much."""

    leader: str
    margin: float  # leader's share minus the runner-up's, 0–1


@attrs.frozen
class MapInputs:
    """Everything the picture depends on; equal inputs reuse the cached surface."""

    size: tuple[int, int]
    looks: tuple[tuple[str, StateLook], ...]
    route_progress: float
    scale: float


def _pattern(size: tuple[int, int], power: str, colour: Colour, spacing: int) -> pygame.Surface:
    """A transparent tile of the power's pattern covering the whole map."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    ink = (*ink_on(colour), 70)
    w, h = size
    if power == "us":  # diagonal hatch
        for x in range(-h, w, spacing):
            pygame.draw.line(surface, ink, (x, h), (x + h, 0), 2)
    elif power == "russia":  # horizontal lines
        for y in range(0, h, spacing):
            pygame.draw.line(surface, ink, (0, y), (w, y), 2)
    else:  # dots
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
        self._patterns: dict[tuple[tuple[int, int], int], dict[str, pygame.Surface]] = {}
        self._outlines: dict[str, list[list[tuple[float, float]]]] = {}
        self.renders = 0  # how often the picture was rebuilt (tests check the cache works)

    def hit(self, pos: tuple[int, int]) -> str | None:
        """The player state at a screen position, or None."""
        if not self.rect.collidepoint(pos):
            return None
        local = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        return country_at(self.data, self.projection.to_lonlat(local))

    def screen_point(self, state_id: str) -> tuple[int, int]:
        """Where a state's label sits on screen (tests click here)."""
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
        key = (size, spacing)
        if key not in self._patterns:
            self._patterns = {key: {p: _pattern(size, p, POWER_COLOURS[p], spacing) for p in POWER_COLOURS}}
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
            colour = mix(NEUTRAL, POWER_COLOURS[look.leader], strength)
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
        for country in self.data.countries:
            if country.id in REGION_LABELS:
                x, y = self.projection.to_screen(country.label)
                if country.id == "russia":
                    x, y = self.projection.to_screen((82.0, 56.0))
                text.draw(
                    surface, REGION_LABELS[country.id], (round(x), round(y)), 12, (196, 200, 208), anchor="center"
                )
        for name, point in self.data.seas:
            x, y = self.projection.to_screen(point)
            text.draw(surface, name, (round(x), round(y)), 12, (170, 200, 225), anchor="center")
        plates: list[tuple[pygame.Rect, pygame.Surface, str]] = []
        compact = inputs.size[0] < 560 * inputs.scale  # a small map: smaller name plates that do not overlap
        size = 11 if compact else 14
        badge = round((6 if compact else 9) * inputs.scale)
        for country in self.data.countries:
            look = looks.get(country.id)
            if look is None:
                continue
            x, y = self.projection.to_screen(country.label)
            if country.id == "kazakhstan":
                y += 16 * inputs.scale  # keep clear of Astana
            label = text.render(country.name, size, (255, 255, 255), bold=True)
            width = label.get_width() + badge * 2 + 10
            box = pygame.Rect(0, 0, width, label.get_height() + 4)
            box.center = (round(x), round(y))
            _keep_apart(box, [placed for placed, _, _ in plates])
            plates.append((box, label, look.leader))
        for _state_id, name, point in self.data.capitals:
            x, y = round(self.projection.to_screen(point)[0]), round(self.projection.to_screen(point)[1])
            pygame.draw.circle(surface, (15, 18, 24), (x, y), max(4, round(5 * inputs.scale)))
            pygame.draw.circle(surface, (255, 255, 255), (x, y), max(2, round(3 * inputs.scale)))
            tag = text.render(name, 11, (255, 255, 255))
            spot = tag.get_rect(midleft=(x + 7, y))
            if not any(spot.inflate(4, 2).colliderect(box) for box, _, _ in plates):
                shade = pygame.Surface(spot.inflate(6, 0).size, pygame.SRCALPHA)
                shade.fill((10, 14, 20, 120))
                surface.blit(shade, spot.inflate(6, 0))
                surface.blit(tag, spot)
        for box, label, leader in plates:
            plate = pygame.Surface(box.size, pygame.SRCALPHA)
            plate.fill((10, 14, 20, 170))
            surface.blit(plate, box)
            centre = (box.left + badge + 3, box.centery)
            draw_shape(surface, POWER_SHAPES[leader], centre, badge, POWER_COLOURS[leader])
            surface.blit(label, (box.left + badge * 2 + 7, box.top + 2))


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
