"""Dithered palette pictures: decoded from the local means of their pixels.

Pillow's ``Image.convert("P")`` (its default: the 216-color web palette with
Floyd-Steinberg error diffusion), GIF writers and ``quantize(..., palette=...,
dither=FLOYDSTEINBERG)`` paint each pixel with a palette color and push its error onto
the neighbours not yet painted: neighbouring pixels alternate between palette colors
whose local mean is the map color there. Each pixel alone is no map color (viridis in
the web palette: every pixel 20-30 DN off the map, 100 % NaN before); the mean of a
few of them is. Such a picture is decoded as the map colors its 3x3 binomial means
are (an ordinary decode of those means: their noise, threshold and off-map pixels
judged as any picture's), and a pixel whose own color is on the map keeps the mean's
answer only between the palette colors next to its own along the map: a fine palette
(256 adaptive colors) leaves the field's texture to the pixel, a coarse one (gray's
6 web levels) to the mean. Annotations drawn before the palette was made stay off the
map in the means (a stroke's mean is a blend of ink and map colors).

What tells a dither from texture: error diffusion's error is blue noise, its energy
in the checkerboard of each 2x2 block rather than in its gradients, where a picture's
own detail (whose energy falls with frequency) puts it. On 4 real and 2 smooth 192^2
fields x 5 maps (viridis, jet, gray, coolwarm, turbo) the checkerboard's share of the
gradients' mean magnitude is 0.15-0.54 on exact renders and JPEG'd ones, 0.53-0.65 on
undithered web palettes, 0.26-0.51 on JPEG'd then quantize(256)'d ones, and 0.67-1.55
on web-dithered ones (jet on the photographs lowest: 0.67-0.76).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import EXACT_SHARE, MIN_THRESHOLD, NOISE_CAP
from truepix.color._decolorize._quantized import palette_picture

__all__ = [
    "CHECKER_SHARE", "MAX_COLORS", "MAX_FLAT_SHARE", "MAX_OWN_SHARE", "MIN_SPREAD", "REACH",
    "STRONG_CHECKER", "checker_share", "decoded", "dither_advice", "dithered", "flat_share",
    "foreign_dither", "local_means", "own_share",
]  # fmt: skip

#: A picture whose 2x2 blocks' checkerboard has at least this share of their
#: gradients' mean magnitude is dithered (see the module's docstring).
CHECKER_SHARE = 0.7
#: ... and past this share, whatever else; below it, a picture with at most MAX_FLAT_SHARE
#: of its 4x4 tiles one color (``flat_share``) and at most MAX_OWN_SHARE of its pixels
#: the palette color nearest their local mean (``own_share``). Undithered web palettes
#: of textured fields reach shares of 0.54-0.76 (fBm terrain, camera 256^2), with flat
#: tiles 0.00-0.91 and own shares 0.71-1.00 (jet on camera 256^2: 0.70, 0.35, 0.71; on
#: fBm terrain 0.67, 0.00, 0.81); dithered ones 0.63-1.56, flat tiles 0.00-0.18, own
#: shares 0.33-0.57 on maps off the web colors, 0.59-0.85 on gray and jet (jet on dem
#: and grace_hopper: 0.74 / 0.82, 0.67 / 0.59 are left to the pixels' own decode).
STRONG_CHECKER = 0.9
MAX_FLAT_SHARE = 0.1
MAX_OWN_SHARE = 0.75
#: The block ``own_share`` is counted on (rows and columns).
OWN_SIDE = 128
#: ... when its pixels lie this far (DN, mean) from their 3x3 binomial means at least:
#: a palette fine enough (dithered 256 adaptive colors: 0.5-9 DN) leaves each pixel
#: within a few DN of its map color, decoded as it is; web-dithered pictures 17-37 DN.
MIN_SPREAD = 8.0
#: A local mean of dithered pixels strays from the map by up to about this share of the
#: pixels' mean distance from their means (gray in the web palette, whose 6 grays Pillow
#: mixes with a few colored entries: means up to 21 DN off the map at a spread of 25 DN,
#: where the means' own plan, most of them exact grays, sets 3 DN): the threshold of a
#: mean, unless a larger one came with its plan or one was given.
REACH = 1.0
#: A coarse palette: at most this many colors in the judged block (the web palette's).
#: Web-dithered pictures of 8 maps (jet, viridis, turbo, hsv, Spectral, twilight,
#: gist_rainbow, nipy_spectral) on photographs and terrain hold 28-74, 131 with black and
#: white text and lines drawn (turbo); exact renders 250-500, and so do their BGR swaps
#: (camera 128^2 drawn with jet or turbo, swapped: checkerboard 0.70, spread 24 DN).
MAX_COLORS = 216
#: The judged sample: the picture's central block of at most this many rows and columns.
SAMPLE_SIDE = 256
#: ... judged only when the checkerboard share of its central 64^2 reaches this share
#: of CHECKER_SHARE (exact renders of real fields 0.20-0.54 on the block).
GLANCE_SHARE = 0.8


_INNER = threading.local()  # decoding a dithered picture's means and pixels


def inner() -> bool:
    """Whether this thread decodes a dithered picture's local means or pixels (``decoded``):
    the means' error is smooth by construction, no lossy codec's (``_lossy``)."""
    return bool(getattr(_INNER, "busy", False))


def dithered(decoder: Any, pixels: np.ndarray, kind: str) -> bool:
    """Whether ``pixels`` (``(..., H, W, 3|4)`` from ``as_pixels``) hold a dithered
    palette picture (of a stack, its first picture), judged on its central block: a
    palette picture whose 2x2 blocks' checkerboard is strong (CHECKER_SHARE), its pixels
    far from their means (MIN_SPREAD), and no exact render (:func:`foreign_dither`)."""
    if kind != "u8" or pixels.ndim < 3 or min(pixels.shape[-3:-1]) < 8:
        return False
    if getattr(_INNER, "busy", False):
        return False
    image = pixels.reshape(-1, *pixels.shape[-3:])[0]
    height, width = image.shape[:2]
    # first a glance at the block's central 64^2: an exact render's checkerboard is weak
    # (what every 8-bit picture pays: 0.1 ms, not the block's 2.5 ms)
    glance = _central(image, SAMPLE_SIDE // 4)
    if glance.shape[-1] == 4 and not np.all(glance[..., 3] == 255):
        return False  # (transparent pixels: no mean of them is data)
    if checker_share(glance[..., :3].astype(np.float32)) < GLANCE_SHARE * CHECKER_SHARE:
        return False
    block = _central(image, SAMPLE_SIDE)
    if block.shape[-1] == 4 and not np.all(block[..., 3] == 255):
        return False
    if not palette_picture(block.reshape(-1, block.shape[-1]), height * width):
        return False
    wide = block[..., :3].astype(np.uint32)
    keys = (wide[..., 0] << 16) | (wide[..., 1] << 8) | wide[..., 2]
    if len(np.unique(keys)) > MAX_COLORS:
        return False  # (a palette fine enough to decode pixel by pixel, or no palette)
    rgb = block[..., :3].astype(np.float32)
    share = checker_share(rgb)
    if share < CHECKER_SHARE:
        return False
    means = local_means(rgb)
    spread = float(np.sqrt(((rgb - means) ** 2).sum(axis=-1)).mean())
    if spread < MIN_SPREAD:
        return False
    if share < STRONG_CHECKER and (
        flat_share(block) > MAX_FLAT_SHARE or own_share(rgb, means) > MAX_OWN_SHARE
    ):  # fmt: skip
        return False
    return foreign_dither(decoder, block, means)


def flat_share(block: np.ndarray) -> float:
    """Share of the 4x4 tiles of ``block`` ((H, W, C) uint8) all of one color: a palette
    without dither paints its smooth fields so, error diffusion almost never."""
    height, width = block.shape[0] // 4 * 4, block.shape[1] // 4 * 4
    wide = block[:height, :width, :3].astype(np.uint32)
    keys = (wide[..., 0] << 16) | (wide[..., 1] << 8) | wide[..., 2]
    tiles = keys.reshape(height // 4, 4, width // 4, 4).transpose(0, 2, 1, 3)
    tiles = tiles.reshape(height // 4, width // 4, 16)
    return float(np.mean(np.all(tiles == tiles[..., :1], axis=-1))) if tiles.size else 1.0


def _central(image: np.ndarray, side: int) -> np.ndarray:
    """The central block of ``image`` of at most ``side`` rows and columns, even."""
    height, width = image.shape[:2]
    top, left = max(0, (height - side) // 2), max(0, (width - side) // 2)
    block = image[top : top + side, left : left + side]
    return block[: block.shape[0] // 2 * 2, : block.shape[1] // 2 * 2]


def own_share(rgb: np.ndarray, means: np.ndarray) -> float:
    """Share of (a central OWN_SIDE block of) the pixels ``rgb`` whose color is the one
    of theirs nearest their local ``means``: a palette picture without dither paints its
    fields with the palette color nearest them, error diffusion alternates around it."""
    height, width = rgb.shape[:2]
    top, left = max(0, (height - OWN_SIDE) // 2), max(0, (width - OWN_SIDE) // 2)
    pixels = rgb[top : top + OWN_SIDE, left : left + OWN_SIDE].reshape(-1, 3)
    near = means[top : top + OWN_SIDE, left : left + OWN_SIDE].reshape(-1, 3)
    colors = np.unique(pixels, axis=0)
    nearest = np.empty(len(near), dtype=np.intp)
    for start in range(0, len(near), 2048):  # (a few MB at a time)
        chunk = near[start : start + 2048]
        gaps = ((chunk[:, None, :] - colors[None, :, :]) ** 2).sum(axis=-1)
        nearest[start : start + 2048] = np.argmin(gaps, axis=1)
    return float(np.mean(np.all(colors[nearest] == pixels, axis=-1)))


def foreign_dither(decoder: Any, block: np.ndarray, means: np.ndarray) -> bool:
    """Whether a ``block`` of a palette picture is no exact render: fewer than
    EXACT_SHARE of its pixels near the map are table colors, or most of its other
    pixels' ``means`` lie at most half as far from the map as they do (error diffusion
    mixes a palette's few colors off the map into map colors: gray in the web palette,
    0.6-4 % of the pixels (0, 51, 51) and (51, 0, 0) side by side), where strokes drawn
    on an exact render keep their own color inside. An exact render of random data (its
    neighbours as far apart as a dither's) is left alone, annotated or not."""
    flat = block.reshape(-1, block.shape[-1])
    table_kind = decoder._table_kind(flat)
    steps = _residual_steps(decoder, flat, table_kind)
    table, near = steps == 1, (steps >= 1) & (steps <= NOISE_CAP * kernels.RESIDUAL_STEPS + 1)
    if not near.any() or table.sum() < EXACT_SHARE * near.sum():
        return True
    other = np.flatnonzero(~table)
    if not len(other):
        return False
    mixed = np.clip(np.rint(means.reshape(-1, 3)[other]), 0, 255).astype(np.uint8)
    closer = 2 * (_residual_steps(decoder, mixed, table_kind) - 1) <= steps[other] - 1
    return 2 * int(closer.sum()) >= len(other)


def _residual_steps(decoder: Any, flat: np.ndarray, table_kind: str) -> np.ndarray:
    """Residual codes (quarter DN, 1: a table color) of (P, 3|4) uint8 pixels."""
    with decoder._lock:  # (the memos grow)
        flat = kernels.readonly(np.ascontiguousarray(flat))
        return decoder._codes(flat, table_kind, 1.0, "rgb") >> kernels.RESIDUAL_SHIFT


def checker_share(rgb: np.ndarray) -> float:
    """Mean magnitude of the 2x2 blocks' checkerboard over that of their gradients
    (``rgb``: (H, W, 3) float, H and W even); 0 where the blocks are flat."""
    a, b = rgb[0::2, 0::2], rgb[0::2, 1::2]
    c, d = rgb[1::2, 0::2], rgb[1::2, 1::2]

    def size(x: np.ndarray) -> float:
        return float(np.sqrt((x * x).sum(axis=-1)).mean())

    gradients = 0.5 * (size(a + b - c - d) + size(a - b + c - d))
    return size(a - b - c + d) / gradients if gradients > 0 else 0.0


def local_means(rgb: np.ndarray) -> np.ndarray:
    """The 3x3 binomial means ([1, 2, 1] / 4 along rows and columns, edges mirrored)
    of ``(..., H, W, C)`` pixels, as float32."""
    means = rgb.astype(np.float32)
    for axis in (-3, -2):
        pad = [(0, 0)] * means.ndim
        pad[axis] = (1, 1)
        padded = np.pad(means, pad, mode="reflect")
        n = means.shape[axis]
        ahead = np.take(padded, range(2, n + 2), axis=axis)
        behind = np.take(padded, range(0, n), axis=axis)
        means = 0.5 * means + 0.25 * (ahead + behind)
    return means


def decoded(decoder: Any, pixels: np.ndarray, *, detailed: bool) -> Any:
    """The ``DecolorizeResult`` of a dithered picture's ``pixels`` (``dithered``): the
    decode of its local means, each value where the pixel's own color is on the map
    kept between the values of the palette's map colors next to it (``dithered`` set,
    ``residual`` the means')."""
    means = np.clip(np.rint(local_means(pixels)), 0, 255).astype(np.uint8)
    if pixels.shape[-1] == 4:
        means[..., 3] = pixels[..., 3]
    _INNER.busy = True  # (neither the means nor the pixels are judged again)
    try:
        result = decoder._run(means, detailed=True)
        own = decoder._run(pixels, detailed=False)
    finally:
        _INNER.busy = False
    values = np.array(result.values, dtype=np.float64, copy=True)
    if decoder.threshold is None:
        spread = np.sqrt(((pixels[..., :3] - means[..., :3].astype(np.float32)) ** 2).sum(-1))
        _within_reach(decoder, means, values, result.residual, REACH * float(spread.mean()))
    if not decoder.cyclic:  # (a cyclic map's neighbours may sit across its seam)
        _keep_between(decoder, pixels, values)
    # where no mean is a map color, the pixel's own decode: a palette's own colors where
    # they lie beyond the means' reach (16 adaptive colors short of jet's ends), or a
    # palette picture wrongly judged dithered, whose fields' means are theirs
    own_values = np.asarray(own.values)
    missing = np.isnan(values) & ~np.isnan(own_values)
    values[missing] = own_values[missing]
    return replace(result, values=values, dithered=True, n_nan=-1)


def _within_reach(
    decoder: Any, means: np.ndarray, values: np.ndarray, residual: np.ndarray, reach: float
) -> None:
    """Values of the ``means`` NaN in ``values`` whose ``residual`` is within ``reach``
    (DN): their projection on the map."""
    far = np.flatnonzero(np.isnan(values).reshape(-1) & (residual.reshape(-1) <= reach))
    if not len(far):
        return
    flat = np.ascontiguousarray(means.reshape(-1, means.shape[-1])[far])
    with decoder._lock:
        codes = decoder._codes(kernels.readonly(flat), decoder._table_kind(means), 1.0, "rgb")
    position = np.empty(len(codes), dtype=np.float64)
    distance = np.empty(len(codes), dtype=np.float32)
    ambiguous = np.empty(len(codes), dtype=bool)
    kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, position, distance, ambiguous)
    values.reshape(-1)[far] = np.asarray(decoder._norm(position), dtype=np.float64)


def _keep_between(decoder: Any, pixels: np.ndarray, values: np.ndarray) -> None:
    """Clip ``values`` where a pixel's own color is on the map (within MIN_THRESHOLD)
    to the values of the nearest other on-map palette colors below and above it."""
    flat = pixels.reshape(-1, pixels.shape[-1])
    with decoder._lock:  # (the memos grow)
        codes = decoder._codes(kernels.readonly(flat), decoder._table_kind(pixels), 1.0, "rgb")
    position = np.empty(len(codes), dtype=np.float64)
    residual = np.empty(len(codes), dtype=np.float32)
    ambiguous = np.empty(len(codes), dtype=bool)
    kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, position, residual, ambiguous)
    on = np.flatnonzero((residual <= MIN_THRESHOLD) & ~np.isnan(position))
    if not len(on):
        return
    own = position[on]
    levels = np.unique(own)  # (the on-map palette colors' positions)
    edges = np.concatenate([[0.0], levels, [1.0]])
    below = edges[np.searchsorted(levels, own, side="left")]
    above = edges[np.searchsorted(levels, own, side="right") + 1]
    low = np.asarray(decoder._norm(below), dtype=np.float64)
    high = np.asarray(decoder._norm(above), dtype=np.float64)
    low, high = np.minimum(low, high), np.maximum(low, high)
    flat_values = values.reshape(-1)
    flat_values[on] = np.clip(flat_values[on], low, high)  # (NaN stays NaN)


def dither_advice(pixels: np.ndarray, dithered: bool) -> str | None:
    """What a mostly-NaN warning says of a dithered palette picture (``pixels``: the
    picture, channels last; ``dithered``: decoded as one), None for other pictures:
    its pixels alternate around map colors, so none is one (not "is cmap right?" alone).
    """
    if dithered:
        return (
            "its pixels are a dithered palette's (decoded from their local means, which are"
            " no such colors either): is cmap right? truepix.identify_colormap(picture)"
            " names the closest maps"
        )
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[-1] < 3:
        return None
    if pixels.shape[-1] == 4 and not np.all(pixels[..., 3] == 255):
        return None  # (translucent: the alpha advice's)
    height, width = pixels.shape[:2]
    block = _central(pixels, SAMPLE_SIDE)[..., :3]
    if min(block.shape[:2]) < 8 or not palette_picture(block.reshape(-1, 3), height * width):
        return None
    n_colors = len(np.unique(block.reshape(-1, 3), axis=0))
    if n_colors > MAX_COLORS or checker_share(block.astype(np.float32)) < CHECKER_SHARE:
        return None
    return (
        f"it looks like a dithered palette picture ({n_colors} colors, as Image.convert('P')"
        " or a GIF makes): its pixels alternate between palette colors around the map's;"
        " decode the picture before it was paletted, or paletted without dither"
        " (Image.convert('P', dither=Image.Dither.NONE))"
    )
