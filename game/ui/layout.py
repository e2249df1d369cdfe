"""Where the campaign screen's parts go for a window size and UI scale (pure arithmetic)."""

from __future__ import annotations

import attrs
import pygame

MAP_ASPECT = 52 * 0.7071 / 28  # the map bbox, 42–94° E by 31–59° N, longitude scaled by cos 45°


BASE_SIZE = (1280, 720)  # the window the layout is drawn for at 100%
SMALLEST_LAYOUT = (960, 540)  # the layout needs this many scaled pixels (1280×720 at 133%)


def effective_scale(size: tuple[int, int], setting: float) -> float:
    """The scale the window draws at: the player's setting, times how much larger than 1280×720
    the window is (so a projector's 1920×1080 is not small text in empty panels), but never so
    large that fewer than 960×540 scaled pixels remain (the 130% setting on a small window)."""
    w, h = size
    grown = max(1.0, min(w / BASE_SIZE[0], h / BASE_SIZE[1]))
    room = min(w / SMALLEST_LAYOUT[0], h / SMALLEST_LAYOUT[1])
    return round(max(min(setting * grown, room), min(setting, 1.0)), 2)


def _clamp(value: float, low: float, high: float) -> int:
    return round(max(low, min(high, value)))


@attrs.frozen
class CampaignLayout:
    top: pygame.Rect
    state: pygame.Rect
    map: pygame.Rect
    region: pygame.Rect
    queue: pygame.Rect
    orders: pygame.Rect
    compact: bool = False

    @classmethod
    def for_size(cls, size: tuple[int, int], scale: float) -> CampaignLayout:
        w, h = size
        gap = round(8 * scale)
        top_h = round(48 * scale)
        compact = w < 1200 * scale  # the minimum window (1024×640): narrower side panels, a bigger map
        left_w = _clamp(w * 0.24, (262 if compact else 290) * scale, 430 * scale)
        right_w = _clamp(w * 0.28, (318 if compact else 350) * scale, 520 * scale)
        centre_x = left_w + 2 * gap
        centre_w = w - left_w - right_w - 4 * gap
        body_top = top_h + gap
        bottom_min = round(205 * scale)
        map_h = min(round(centre_w / MAP_ASPECT), h - body_top - bottom_min - 2 * gap)
        map_rect = pygame.Rect(centre_x, body_top, centre_w, map_h)
        strip = pygame.Rect(centre_x, map_rect.bottom + gap, centre_w, h - map_rect.bottom - 2 * gap)
        region_w = round(centre_w * 0.46)
        return cls(
            top=pygame.Rect(0, 0, w, top_h),
            state=pygame.Rect(gap, body_top, left_w, h - body_top - gap),
            map=map_rect,
            region=pygame.Rect(strip.x, strip.y, region_w - gap // 2, strip.height),
            queue=pygame.Rect(strip.x + region_w + gap // 2, strip.y, centre_w - region_w - gap // 2, strip.height),
            orders=pygame.Rect(w - right_w - gap, body_top, right_w, h - body_top - gap),
            compact=compact,
        )
