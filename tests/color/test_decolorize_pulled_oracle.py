"""``_pulled.pulled_out`` against a numpy oracle: every direction against every pixel around.

The kernel decides most pixels from a neighbour near their color and tries the map's hull
only for pixels the data around leaves pulled; the oracle projects every on-map pixel
around on each direction and measures the distance to the map's hull by a least-squares
fit, as the definition reads.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy.optimize import nnls

from truepix.color._decolorize import _pulled
from truepix.color._decolorize._plan import _YCBCR


def _picture(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """jet over a smooth ramp with noise, magenta and white strokes, Pillow JPEG q75;
    and where the strokes were drawn, widened by a pixel."""
    rng = np.random.default_rng(seed)
    height, width = 48, 64
    field = np.linspace(0.0, 1.0, width)[None, :] * np.ones((height, 1))
    field = np.clip(field + 0.2 * np.sin(np.arange(height) / 5.0)[:, None], 0.0, 1.0)
    rgb = mpl.colormaps["jet"](field, bytes=True)[..., :3]
    rgb = np.clip(rgb + rng.normal(0.0, 3.0, rgb.shape), 0, 255).astype(np.uint8)
    image, mask = Image.fromarray(rgb), Image.new("L", (width, height))
    for drawn, ink in ((image, (255, 0, 255)), (mask, 255)):
        ImageDraw.Draw(drawn).line([(2, 5), (60, 40)], fill=ink, width=2)
    for drawn, ink in ((image, (255, 255, 255)), (mask, 255)):
        ImageDraw.Draw(drawn).line([(5, 44), (58, 8)], fill=ink, width=1)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=75)
    picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    stroke = np.asarray(mask) > 0
    stroke[1:] |= stroke[:-1]
    stroke[:-1] |= stroke[1:]
    stroke[:, 1:] |= stroke[:, :-1]
    stroke[:, :-1] |= stroke[:, 1:]
    return picture, stroke


def _hull_distance(point: np.ndarray, vertices: np.ndarray) -> float:
    """Distance from ``point`` to the convex hull of ``vertices`` (rows): a non-negative
    least-squares fit whose weights a heavy row makes sum to 1."""
    rows = np.vstack([vertices.T, np.full(len(vertices), 1e4)])
    weights, _ = nnls(rows, np.append(point, 1e4), maxiter=5000)
    return float(np.linalg.norm(vertices.T @ weights - point))


def _local_oracle(
    rgb: np.ndarray, width: int, pixels: np.ndarray, on_map: np.ndarray
) -> np.ndarray:
    directions = _pulled._directions(_pulled.PULLED_DIRECTIONS) @ _YCBCR
    height, radius = len(rgb) // width, _pulled.PULLED_RADIUS
    out = np.zeros(len(pixels), dtype=bool)
    for i, pixel in enumerate(pixels):
        y, x = divmod(int(pixel), width)
        ys, xs = np.mgrid[max(0, y - radius) : min(height, y + radius + 1),
                          max(0, x - radius) : min(width, x + radius + 1)]  # fmt: skip
        around = (ys * width + xs).ravel()
        around = around[on_map[around] & (around != pixel)]
        if len(around) < _pulled.PULLED_MIN_DATA:
            continue
        top = (rgb[around] @ directions.T).max(axis=0)
        out[i] = np.any(rgb[pixel] @ directions.T > top + _pulled.PULLED_MARGIN)
    return out


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.float32])
def test_pulled_out_matches_the_oracle(dtype: type) -> None:
    picture, stroke = _picture(seed=5)
    rng = np.random.default_rng(6)
    height, width = picture.shape[:2]
    rgb = picture.reshape(-1, 3).astype(np.float64)
    scale = {np.uint8: 1.0, np.uint16: 255.0 / 65535.0, np.float32: 255.0}[dtype]
    flat = (rgb * 257.0).astype(dtype) if dtype is np.uint16 else (rgb / scale).astype(dtype)
    on_map = ~stroke.ravel() & (rng.random(height * width) < 0.9)
    pixels = np.flatnonzero(rng.random(height * width) < 0.6)
    vertices = mpl.colormaps["jet"](np.linspace(0, 1, 64), bytes=True)[:, :3].astype(float)
    found = _pulled.pulled_out(flat, scale, width, pixels, on_map, vertices)
    local = _local_oracle(flat.astype(np.float64) * scale, width, pixels, on_map)
    colors = vertices @ _YCBCR.T
    distance = np.full(len(pixels), np.inf)
    for i in np.flatnonzero(local):
        distance[i] = _hull_distance(_YCBCR @ (flat[pixels[i]] * scale), colors)
    margin = _pulled.PULLED_MAP_MARGIN
    # (the hull's search stops within its step budget: undecided only right at the margin)
    decided = (distance <= 0.95 * margin) | (distance > margin + 1e-6)
    assert np.array_equal(found[decided], (local & (distance > margin))[decided])
    assert np.all(found <= local)
    assert 10 < found.sum() < local.sum() < len(pixels) // 2
