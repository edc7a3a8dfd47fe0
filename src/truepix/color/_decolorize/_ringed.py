"""Data pixels of a JPEG'd picture next to what was drawn over it: decoded in RGB.

JPEG quantizes each 8x8 block's luma as a whole: a stroke, text or a frame (black,
white, gray ink far from the map's luma) rings through the luma of every pixel of
its block. The luma-weighted distance (``_plan.JPEG_CHROMA_WEIGHT``) that serves
JPEG'd data elsewhere then reads the ringing as data; the pixels' chroma, which
neutral ink moves less, is what is left to decode them by. Measured on matplotlib
``savefig`` JPEG figures (imshow, pcolormesh, contourf, seaborn ``annot=True``
heatmaps; viridis, jet, RdBu_r, coolwarm, turbo; benchmarks/decolorize_trial/trial39
t2_figures.py), data pixels more than 2 px from any annotation, error over the
nearest-color k-d tree's: luma-weighted everywhere 0.90-1.28 (seaborn viridis, by
distance from the ink: 2-4 px 1.66, 4-8 px 1.20, 8-16 px 0.75); RGB within
RINGING_RADIUS (a square) of the pixels judged off the map, luma-weighted beyond,
0.92-0.99 at q75 (radius 4: up to 1.04, 8: about as 6; RGB everywhere loses what
the luma-weighted distance gains away from ink: contourf jet q75 0.90 -> 0.97).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._beside import beside_strokes
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize._jpeg import jpeg_off_map
from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._rimmed import rimmed_beside
from truepix.color._decolorize._smeared import picture_ycc, smeared_beside

__all__ = ["RINGING_RADIUS", "judged_positions", "square_near"]

#: Pixels this close (a square, px) to one judged off the map take RGB positions:
#: within its 8x8 block or the next.
RINGING_RADIUS = 6


def judged_positions(
    decoder: Any, flat: np.ndarray, kind: str, scale: float, shape: tuple[int, ...],
    position: np.ndarray, residual: np.ndarray, plan: Any, line: Polyline,
) -> np.ndarray:  # fmt: skip
    """``position`` (flat, luma-weighted) of a JPEG'd picture, NaN where ``jpeg_off_map``
    judges a pixel off the map, and from the RGB distance within RINGING_RADIUS of one."""
    unbled = np.zeros(len(position), dtype=bool)  # (chroma bleed: luma-weighted answers)
    off_map = jpeg_off_map(flat, scale, shape[1], position, residual, plan, line, unbled)
    spans = None
    if len(shape) == 2 and off_map.any():  # (blends of two far map colors: ``_spans``)
        # (imported here: a picture with nothing off the map does not load it, 30 kB of
        # source in a fresh process)
        from truepix.color._decolorize._spans import far_blends

        spans = far_blends(flat, scale, shape[1], off_map, position, residual, plan, line)
    if spans is not None:
        off_map[spans[0]] = False
    beside = sources = None
    if len(shape) == 2 and off_map.any():  # (data beside thin strokes: ``_beside``)
        beside, sources = beside_strokes(flat, scale, shape[1], off_map,
                                         line.colors_at(np.linspace(0, line.n_bins, 257)))
        off_map[beside] = False
        unbled[beside] = True  # (answered from the field beyond, below)
    ycc = None  # (the picture in YCbCr, made once for _smeared and _rimmed)
    if len(shape) == 2 and off_map.any():  # (data a colored stroke's chroma smeared: ``_smeared``)
        ycc = picture_ycc(flat, scale, shape[1])
        smeared, smeared_sources = smeared_beside(flat, scale, shape[1], off_map, ycc)
        if len(smeared):
            off_map[smeared] = False
            unbled[smeared] = True  # (answered from the field around, below)
            beside = smeared if beside is None else np.concatenate([beside, smeared])
            sources = smeared_sources if sources is None else np.concatenate(
                [sources, smeared_sources])
    if len(shape) == 2 and off_map.any():  # (data beside a neutral stroke JPEG rang: ``_rimmed``)
        ycc = picture_ycc(flat, scale, shape[1]) if ycc is None else ycc
        rimmed, rimmed_sources = rimmed_beside(flat, scale, shape[1], off_map, ycc)
        if len(rimmed):
            off_map[rimmed] = False
            unbled[rimmed] = True
            beside = rimmed if beside is None else np.concatenate([beside, rimmed])
            sources = rimmed_sources if sources is None else np.concatenate(
                [sources, rimmed_sources])
    np.copyto(position, np.nan, where=off_map)  # (0.11 -> 0.08 ms a megapixel)
    if len(shape) != 2 or not off_map.any():
        return _beside_answered(_spanned(position, spans), beside, sources)
    near = square_near(off_map.reshape(shape), RINGING_RADIUS)
    index = np.flatnonzero(near & ~off_map & ~unbled & ~np.isnan(position))
    if not len(index):
        return _beside_answered(_spanned(position, spans), beside, sources)
    pixels = flat[index]
    if kind in decoder._bytes:
        rgb = memo_fields(decoder, pixels, kind, "rgb", kernels.RESIDUAL_MAX_CODE)[0]
    else:
        codes = decoder._codes(pixels, kind, scale, "rgb")
        rgb = np.empty(len(codes), dtype=np.float64)
        spare = np.empty(len(codes), dtype=np.float32), np.empty(len(codes), dtype=bool)
        kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, rgb, *spare)
    position[index] = rgb
    return _beside_answered(_spanned(position, spans), beside, sources)


def _beside_answered(
    position: np.ndarray, beside: np.ndarray | None, sources: np.ndarray | None
) -> np.ndarray:
    """``position`` with each pixel ``beside`` a thin stroke given its field's
    (``sources``: flat indices, ``_beside.beside_strokes``)."""
    if beside is not None and len(beside):
        position[beside] = position[sources]
    return position


def _spanned(position: np.ndarray, spans: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
    """``position`` with the blends' of ``_spans.far_blends`` written in."""
    if spans is not None:
        position[spans[0]] = spans[1]
    return position


def square_near(mask: np.ndarray, radius: int) -> np.ndarray:
    """Flat mask of the pixels within ``radius`` (a square) of one set in the 2-D
    ``mask``: ``_degraded.near_any`` around its edge pixels (set, with an 8-neighbour
    unset), the mask itself inside. Any pixel near a set one is near an edge pixel at
    least as close (the last set pixel on a straight 8-connected path toward it), so
    this is the square dilation, at the cost of the edges (a figure's margin flagged
    whole costs its outline, not its area).

    Examples
    --------
    >>> mask = np.zeros((3, 6), dtype=bool)
    >>> mask[1, 1] = True
    >>> square_near(mask, 1).reshape(mask.shape).astype(int)
    array([[1, 1, 1, 0, 0, 0],
           [1, 1, 1, 0, 0, 0],
           [1, 1, 1, 0, 0, 0]])
    """
    height, width = mask.shape
    inner = mask.copy()  # set with every 8-neighbour set (outside the picture counts as set)
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    across = inner.copy()  # (the columns of the rows eroded: the 3x3 square)
    inner[:, 1:] &= across[:, :-1]
    inner[:, :-1] &= across[:, 1:]
    near = mask.reshape(-1).copy()
    near_any(np.flatnonzero(mask & ~inner), width, height, radius, near)
    return near
