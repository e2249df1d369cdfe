"""Text drawn by hand (panels, map labels, charts): fonts and rendered lines are cached.

Rendering a line with FreeType costs far more than blitting it, and the same labels are
drawn every frame, so each (text, size, colour, bold) is rendered once.
"""

from __future__ import annotations

import pygame
import pygame.freetype

from game.ui.theme import TEXT, Colour, font_path

_MAX_CACHED = 4000


class Text:
    """Fonts at the current UI scale and a cache of rendered lines."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: dict[tuple[str, int, Colour, bool], pygame.Surface] = {}
        self._clipped: dict[tuple[str, int, int, bool], str] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The font for a nominal `size` (before scaling)."""
        px = max(8, round(size * self.scale))
        key = (px, bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(font_path(bold), px)
        return self._fonts[key]

    def render(self, text: str, size: int = 15, colour: Colour = TEXT, bold: bool = False) -> pygame.Surface:
        key = (text, size, colour, bold)
        surface = self._lines.get(key)
        if surface is None:
            if len(self._lines) > _MAX_CACHED:
                self._lines.clear()
            surface = self.font(size, bold).render(text, True, colour)
            self._lines[key] = surface
        return surface

    def draw(
        self,
        target: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        size: int = 15,
        colour: Colour = TEXT,
        bold: bool = False,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """Blit one line; `anchor` is a pygame.Rect attribute name such as 'center'."""
        surface = self.render(text, size, colour, bold)
        rect = surface.get_rect(**{anchor: pos})
        target.blit(surface, rect)
        return rect

    def line_height(self, size: int = 15, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def width(self, text: str, size: int = 15, bold: bool = False) -> int:
        return self.font(size, bold).size(text)[0]

    def clip(self, line: str, width: int, size: int = 15, bold: bool = False) -> str:
        """Shorten a line with an ellipsis so it fits `width` pixels (cached: panels clip the same
        lines every frame, and measuring a line letter by letter costs more than drawing it)."""
        key = (line, width, size, bold)
        clipped = self._clipped.get(key)
        if clipped is None:
            if len(self._clipped) > _MAX_CACHED:
                self._clipped.clear()
            clipped = self._clipped[key] = self._clip(line, width, size, bold)
        return clipped

    def _clip(self, line: str, width: int, size: int, bold: bool) -> str:
        if self.width(line, size, bold) <= width:
            return line
        low, high = 0, len(line)  # the longest prefix that fits with the ellipsis
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(line[:middle] + "…", size, bold) <= width:
                low = middle
            else:
                high = middle - 1
        return line[:low] + "…"

    def wrap(self, text: str, width: int, size: int = 15, bold: bool = False) -> list[str]:
        """Split `text` into lines no wider than `width` pixels; blank lines separate paragraphs."""
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            words = paragraph.split(" ")
            current = ""
            for word in words:
                trial = f"{current} {word}" if current else word
                if font.size(trial)[0] <= width or not current:
                    current = trial
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
        return lines

    def draw_wrapped(
        self,
        target: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        size: int = 15,
        colour: Colour = TEXT,
        bold: bool = False,
    ) -> int:
        """Draw wrapped text from rect.topleft; returns the y just below the last line."""
        y = rect.top
        step = self.line_height(size, bold)
        for line in self.wrap(text, rect.width, size, bold):
            if y + step > rect.bottom:
                break
            if line:
                self.draw(target, line, (rect.left, y), size, colour, bold)
            y += step
        return y


_HAS_GLYPH: dict[str, bool] = {}  # per character: the font file does not change while the game runs


def missing_glyphs(line: str) -> set[str]:
    """The characters of `line` the bundled font cannot draw (they would show as empty boxes)."""
    unknown = "".join(sorted({ch for ch in line if ch not in _HAS_GLYPH}))
    if unknown:
        pygame.freetype.init()  # pygame.font cannot tell: it draws a box and reports its size
        font = pygame.freetype.Font(font_path(), 15)
        for ch, metrics in zip(unknown, font.get_metrics(unknown), strict=True):
            _HAS_GLYPH[ch] = metrics is not None or not ch.isprintable()
    return {ch for ch in line if not _HAS_GLYPH[ch]}
