"""The shape badge of each power (star, square, triangle, diamond, circle, hexagon): the map's non-colour cue."""

from __future__ import annotations

import math

import pygame

from game.ui.theme import Colour


def shape_points(kind: str, centre: tuple[int, int], radius: int) -> list[tuple[float, float]]:
    x, y = centre
    if kind == "star":
        points = []
        for i in range(10):
            r = radius if i % 2 == 0 else radius * 0.45
            angle = -math.pi / 2 + i * math.pi / 5
            points.append((x + r * math.cos(angle), y + r * math.sin(angle)))
        return points
    if kind == "triangle":
        return [(x, y - radius), (x + radius * 0.95, y + radius * 0.75), (x - radius * 0.95, y + radius * 0.75)]
    if kind == "diamond":
        return [(x, y - radius), (x + radius * 0.85, y), (x, y + radius), (x - radius * 0.85, y)]
    if kind in ("circle", "hexagon"):  # a circle is a 16-gon: drawn and outlined like the others
        sides = 16 if kind == "circle" else 6
        r = radius * 0.9
        return [
            (x + r * math.cos(2 * math.pi * i / sides), y + r * math.sin(2 * math.pi * i / sides)) for i in range(sides)
        ]
    r = radius * 0.8
    return [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]


def draw_shape(surface: pygame.Surface, kind: str, centre: tuple[int, int], radius: int, colour: Colour) -> None:
    """A filled shape with a dark outline, readable on any background."""
    points = shape_points(kind, centre, radius)
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.polygon(surface, (10, 12, 16), points, 1)
