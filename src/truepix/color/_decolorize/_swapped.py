"""Pictures whose red and blue channels are swapped: ``cv2.imread`` returns BGR.

Passed as is, such a picture decodes to numbers that look like data and are not
(coolwarm: 98 % of the pixels off by more than 5 % of the range, within the
threshold). :func:`looks_bgr` tells it on the sample the plan already took, and
only where the map fits poorly, so exact and ordinary degraded pictures pay
nothing: the picture's residuals against the map, against the residuals of the
same pixels with red and blue swapped, no one color weighing much (jet drawn with a cyan
under-color over a third of the picture: the cyan alone fits swapped, as yellow, and
the advice wrecked a good decode, 0.11 -> 50.9 % mean error). ``decolorize`` then warns (it does not
swap: a map may really be drawn that way).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._histogram import residual_histogram

__all__ = ["looks_bgr"]

#: Noise (DN) past which the fit counts as poor (``_result.SUSPECT_NOISE``: JPEG q50
#: and Gaussian noise of 3 DN estimate below it; BGR pictures of coolwarm, twilight
#: 5-8, viridis, magma, RdBu, turbo 10-23), ...
POOR_NOISE = 4.0
#: ... or share of the sample's pixels past the threshold (exact BGR jet: 11 %).
POOR_OFF_MAP = 0.05
#: Swapped pixels whose truncated mean residual is at most this share of the
#: picture's own fit far better. Measured on 8 maps x camera (exact, JPEG q75, area
#: 0.5x): BGR pictures 0-0.70 (coolwarm, twilight JPEG'd 0.63-0.70), RGB ones
#: >= 1.05 (the map fits its own colors best); jet (nearly itself reversed with red
#: and blue swapped) JPEG'd 0.95, not told.
RATIO = 0.75
#: RATIO for a map whose own red-blue swap lies on the map (mean distance of the swapped
#: table to the table at most ON_MAP DN: hsv 1.9, jet 1.7, bwr 0.1; twilight 7.9, coolwarm
#: 9.4, viridis 68): a picture of another such map (OpenCV's COLORMAP_HSV as 'hsv') fits
#: a little better swapped (0.20 against 0.29 DN), and following the advice wrecked a
#: 3.5 DN decode (64.8 DN); BGR pictures of these maps fit swapped at 0-0.01 of their own.
ON_MAP_RATIO, ON_MAP = 0.5, 3.0
#: Residuals are truncated here (DN): annotations count alike either way.
CAP = 32.0
#: Pixels of the sample swapped and decoded (a few ms).
SAMPLE = 20_000
#: The most of the sample one color may weigh (a flat under- or over-color area).
COLOR_SHARE = 0.01
#: Fewer pixels than this are not judged.
MIN_PIXELS = 1024


def looks_bgr(
    decoder: Any, kind: str, scale: float, flat: np.ndarray, hist: np.ndarray,
    noise: float, max_code: int, codes: np.ndarray | None = None, kept: Any = None,
) -> bool:  # fmt: skip
    """Whether the sample ``flat[kept]`` (P, C; all of it without ``kept``), whose
    residual histogram is ``hist``, fits the map far better with its red and blue
    channels swapped. ``codes``: the sample's packed answers (8-bit pictures, ``kind``
    u8 or u8r: each color's own, whatever else is decoded with it), which spare its
    colors' second decode."""
    total = int(hist[1:].sum())
    if flat.shape[-1] < 3 or total < MIN_PIXELS:
        return False
    if noise < POOR_NOISE and hist[max_code + 1 :].sum() <= POOR_OFF_MAP * total:
        return False  # the map fits: the common case costs nothing (no copy of the sample)
    if kept is not None:
        flat, codes = flat[kept], None if codes is None else codes[kept]
    # no color counts for more than COLOR_SHARE of the sample: a flat area of one color
    # that happens to fit swapped (jet's cyan under-color: yellow) is one coincidence
    step = max(1, len(flat) // SAMPLE)
    sample = flat[::step]
    colors, first, counts = _distinct_rows(sample)
    repeats = np.minimum(counts, max(1, int(COLOR_SHARE * len(sample))))
    colors = np.repeat(colors, repeats, 0)
    if codes is not None and kind in decoder._bytes:  # (a jet JPEG'd megapixel: 0.4 ms)
        own_hist = residual_histogram(np.repeat(codes[::step][first], repeats))
    else:
        colors = np.ascontiguousarray(colors)
        own_hist = residual_histogram(decoder._codes(colors, kind, scale, "rgb"))
    order = [2, 1, 0, *range(3, flat.shape[-1])]
    swapped = np.ascontiguousarray(colors[:, order])
    swapped_hist = residual_histogram(decoder._codes(swapped, kind, scale, "rgb"))
    ratio = ON_MAP_RATIO if _swap_on_map(decoder._map.lut_bytes) else RATIO
    return _truncated_mean(swapped_hist) <= ratio * _truncated_mean(own_hist)


def _swap_on_map(lut_bytes: np.ndarray) -> bool:
    """Whether the map's table with red and blue swapped lies on the map (mean distance
    to its nearest table color at most ON_MAP DN): such a map cannot tell a swapped
    picture from a picture of a shifted or reversed map by fit alone."""
    found = _ON_MAP.get(id(lut_bytes))
    if found is not None and found[0] is lut_bytes:
        return found[1]
    table = lut_bytes[:, :3].astype(np.float64)
    swapped = table[:, ::-1]
    squared = (swapped**2).sum(1)[:, None] - 2.0 * swapped @ table.T + (table**2).sum(1)[None]
    on_map = float(np.sqrt(np.maximum(squared.min(axis=1), 0.0)).mean()) <= ON_MAP
    if len(_ON_MAP) > 64:
        _ON_MAP.clear()
    _ON_MAP[id(lut_bytes)] = (lut_bytes, on_map)  # (tables are read-only: kept per table)
    return on_map


_ON_MAP: dict[int, tuple[np.ndarray, bool]] = {}


def _distinct(sample: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows (colors) of ``sample`` (P, C) and how often each occurs."""
    colors, _, counts = _distinct_rows(sample)
    return colors, counts


def _distinct_rows(sample: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_distinct`'s colors, the index of each one's first row, and the counts;
    integer pictures through one packed key a pixel (a row-wise unique sorts ~10x
    slower). Bytes: each key (32 bits, the same order) above its row's index, one plain
    sort of them: the first row of each color leads its run (numpy's unique with
    indices sorts stably: a JPEG'd megapixel's 20 000 pixels 1.6 -> 0.5 ms)."""
    if sample.dtype == np.uint8 and sample.shape[-1] <= 4 and len(sample) < 1 << 32:
        keys = np.zeros(len(sample), dtype=np.uint64)
        for channel in range(sample.shape[-1]):
            keys |= sample[:, channel].astype(np.uint64) << np.uint64(8 * channel + 32)
        keys = np.sort(keys | np.arange(len(sample), dtype=np.uint64))
        color_keys = keys >> np.uint64(32)
        starts = np.flatnonzero(np.concatenate(([True], color_keys[1:] != color_keys[:-1])))
        first = (keys[starts] & np.uint64(0xFFFFFFFF)).astype(np.int64)
        counts = np.diff(np.append(starts, len(sample)))
        return sample[first], first, counts
    if sample.dtype.kind in "ub" and sample.dtype.itemsize <= 2 and sample.shape[-1] <= 4:
        shifts = np.arange(sample.shape[-1], dtype=np.uint64) * np.uint64(16)
        keys = (sample.astype(np.uint64) << shifts).sum(axis=1, dtype=np.uint64)
        _, first, counts = np.unique(keys, return_index=True, return_counts=True)
        return sample[first], first, counts
    return np.unique(sample, axis=0, return_index=True, return_counts=True)


def _truncated_mean(hist: np.ndarray) -> float:
    """Mean residual (DN, each at most CAP) of a residual-code histogram."""
    counts = hist[1:].astype(np.float64)
    if counts.sum() == 0:
        return 0.0
    residuals = np.minimum(np.arange(len(counts)) / kernels.RESIDUAL_STEPS, CAP)
    return float(counts @ residuals / counts.sum())
