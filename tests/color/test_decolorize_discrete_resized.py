"""Resized pictures of a few flat colors (BoundaryNorm, a short ListedColormap): no holes,
each pixel in the interval of the field it weighs most.

Resampling between two flat fields makes means of their colors, pushed a little past
them by cubic kernels; where the colors are no neighbours in the map's order those lie
far from the map and repeat along the edge. Most of such a picture's pixels being
painted colors, it passed for an exact render with strokes drawn over it (Pillow
bicubic 0.5x of turbo's 4 colors: 29.7 % holes, OpenCV cubic 2x of coolwarm's: 15.1 %);
``_discrete.field_blends`` now takes them for the data they are.
"""

from __future__ import annotations

import itertools

import cv2
import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests.color._photographs import few_color_field
import truepix as tp
from truepix import Decolorizer

EDGES = {
    "4 bins": [0.0, 0.3, 0.5, 0.8, 1.0],
    "6 bins": [0.0, 0.05, 0.12, 0.25, 0.45, 0.7, 1.0],
}


def _field(name: str) -> np.ndarray:
    """A photograph or a smooth field in [0, 1) (128 x 128)."""
    return np.clip(few_color_field(name, 128), 0.0, np.nextafter(1.0, 0.0))


def _resize(image: np.ndarray, how: str, factor: float) -> np.ndarray:
    size = (round(image.shape[1] * factor), round(image.shape[0] * factor))
    if how.startswith("pil"):
        method = {"pil-bicubic": Image.BICUBIC, "pil-bilinear": Image.BILINEAR}[how]
        mode = "F" if image.dtype != np.uint8 else None
        resized = Image.fromarray(image.astype(np.float32) if mode else image, mode)
        return np.asarray(resized.resize(size, method))
    method = {"cv-cubic": cv2.INTER_CUBIC, "cv-area": cv2.INTER_AREA}[how]
    return cv2.resize(image, size, interpolation=method)


def _weights(intervals: np.ndarray, n_intervals: int, how: str, factor: float) -> np.ndarray:
    """Each interval's weight in each resized pixel: its indicator resized alike."""
    weights = [_resize((intervals == k).astype(np.float32), how, factor)
               for k in range(n_intervals)]  # fmt: skip
    return np.stack(weights, axis=-1)


def _right(found: np.ndarray, weights: np.ndarray) -> float:
    """Share of pixels decoded into an interval whose field weighs most there (ties,
    2 x 2 pixels of two fields shrunk by area: either), holes counted wrong."""
    top = weights.max(axis=-1)
    picked = np.take_along_axis(weights, np.clip(found, 0, None)[..., None], axis=-1)[..., 0]
    return float(np.mean((found >= 0) & (picked >= top - 1e-6)))


CASES = [  # holes before (128^2 fields)
    ("turbo", "4 bins", "smooth", "pil-bicubic", 0.5),  # 29.7 %
    ("turbo", "6 bins", "camera", "cv-cubic", 3.0),  # 1.3 %
    ("jet", "6 bins", "camera", "cv-area", 0.5),  # 5.1 % (taken for a palette's cells)
    ("coolwarm", "4 bins", "smooth", "cv-cubic", 2.0),  # 15.1 %
    ("turbo", "6 bins", "smooth", "pil-bicubic", 3.0),  # 11.2 %
]


@pytest.mark.parametrize(("cmap", "bins", "field", "how", "factor"), CASES)
def test_resized_few_color_picture_has_no_holes(
    cmap: str, bins: str, field: str, how: str, factor: float
) -> None:
    """Holes <= 0.2 %, and pixels in the interval of the field they weigh most at least
    as often as the nearest painted color puts them there, less 0.5 point."""
    edges = np.asarray(EDGES[bins])
    norm = mcolors.BoundaryNorm(edges, 256)
    colormap = matplotlib.colormaps[cmap]
    data = _field(field)
    intervals = np.searchsorted(edges, data, side="right") - 1
    picture = colormap(norm(data), bytes=True)[..., :3]
    resized = _resize(picture, how, factor)
    weights = _weights(intervals, len(edges) - 1, how, factor)
    values = tp.decolorize(resized, cmap=cmap, norm=norm)
    found = np.where(np.isnan(values), -1, np.searchsorted(edges, values, side="right") - 1)
    assert np.mean(found < 0) <= 0.002
    painted = colormap(norm((edges[:-1] + edges[1:]) / 2), bytes=True)[:, :3]
    nearest = cKDTree(painted.astype(np.float64)).query(resized.reshape(-1, 3).astype(float))[1]
    oracle = _right(nearest.reshape(found.shape), weights)
    assert _right(found, weights) >= oracle - 0.005, (_right(found, weights), oracle)


def test_resized_listed_colors_have_no_holes() -> None:
    """A ListedColormap of 5 colors, OpenCV cubic 2x of the camera: no holes (1.2 %
    before), 97 % of the pixels in the interval of the field they weigh most."""
    colormap = mcolors.ListedColormap(["#1b3a6b", "#2a9d8f", "#e9c46a", "#f4a261", "#b5172b"])
    data = _field("camera")
    resized = _resize(colormap(data, bytes=True)[..., :3], "cv-cubic", 2.0)
    weights = _weights(np.floor(data * 5).astype(int), 5, "cv-cubic", 2.0)
    values = tp.decolorize(resized, cmap=colormap, vmin=0.0, vmax=1.0)
    assert np.mean(np.isnan(values)) <= 0.002
    found = np.floor(np.nan_to_num(values, nan=-1.0) * 5).astype(np.int64)
    assert _right(found, weights) >= 0.97


def test_resized_few_color_picture_is_no_exact_render() -> None:
    """Its fields' many painted colors made it an exact render with strokes drawn over
    it (its means of far-apart colors the strokes): now a resampled picture."""
    edges = EDGES["4 bins"]
    norm = mcolors.BoundaryNorm(edges, 256)
    picture = matplotlib.colormaps["turbo"](norm(_field("smooth")), bytes=True)[..., :3]
    result = Decolorizer("turbo", norm=norm).decode(_resize(picture, "pil-bicubic", 0.5))
    assert not result.jpeg
    assert np.isnan(result.values).mean() <= 0.002
    # the same picture as drawn: exact, every pixel in its interval
    values = Decolorizer("turbo", norm=norm).decode(picture).values
    intervals = np.searchsorted(edges, _field("smooth"), side="right") - 1
    assert np.array_equal(np.searchsorted(edges, values, side="right") - 1, intervals)


def _fields_oracle(
    flat: np.ndarray, width: int, candidates: np.ndarray, on_map: np.ndarray,
    position: np.ndarray, vertices: np.ndarray, positions: np.ndarray, n_bins: int,
    radius: int,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``_discrete.field_blends`` pixel by pixel in plain numpy."""
    from truepix.color._decolorize import _discrete as discrete

    height, n_colors = len(flat) // width, len(vertices)
    place = np.interp(np.nan_to_num(position) * n_bins, positions, np.arange(n_colors))
    low, high = -discrete.FIELD_OVERSHOOT, 1.0 + discrete.FIELD_OVERSHOOT
    found = np.zeros(len(candidates), dtype=bool)
    nearer = np.full(len(candidates), -1)
    for i, pixel in enumerate(candidates):
        y, x = divmod(int(pixel), width)
        colors: set[int] = set()
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                q = yy * width + xx
                if on_map[q] and np.isfinite(position[q]):
                    below = int(np.floor(place[q]))
                    if place[q] - below < 1.0 - discrete.FIELD_END:
                        colors.add(below)
                    if place[q] - below > discrete.FIELD_END:
                        colors.add(min(below + 1, n_colors - 1))
        own, best = flat[pixel].astype(np.float64), np.inf
        for a, b in itertools.combinations(sorted(colors), 2):
            chord = vertices[b] - vertices[a]
            t = np.clip((own - vertices[a]) @ chord / (chord @ chord), low, high)
            tries = [(t, vertices[a] + t * chord)] + [
                (s, np.clip(vertices[a] + s * chord, 0, 255)) for s in discrete._PAST
            ]  # fmt: skip
            for s, point in tries:
                if np.linalg.norm(own - point) < best:
                    best, nearer[i] = np.linalg.norm(own - point), a if s < 0.5 else b
        for a, b, c in itertools.combinations(sorted(colors), 3):
            sides = np.stack([vertices[b] - vertices[a], vertices[c] - vertices[a]], axis=1)
            u, v = np.linalg.lstsq(sides, own - vertices[a], rcond=None)[0]
            if min(u, v) < low or u + v > high:
                continue
            point = np.clip(vertices[a] + sides @ [u, v], 0, 255)
            if np.linalg.norm(own - point) < best:
                best, nearer[i] = np.linalg.norm(own - point), (a, b, c)[
                    int(np.argmax([1 - u - v, u, v]))
                ]  # fmt: skip
        found[i] = best <= discrete.FIELD_TOLERANCE
    nearer[~found] = -1
    return found, nearer


def test_field_blends_match_the_numpy_oracle() -> None:
    """The kernels (window bits, scalar fits) give the oracle's answers, on a picture
    of turbo's 6 colors shrunk by Pillow's bicubic, its positions as decoded."""
    from truepix.color._decolorize import _discrete as discrete
    from truepix.color._decolorize import _kernels as kernels

    edges = EDGES["6 bins"]
    norm = mcolors.BoundaryNorm(edges, 256)
    picture = matplotlib.colormaps["turbo"](norm(_field("camera")), bytes=True)[..., :3]
    small = np.ascontiguousarray(_resize(picture, "pil-bicubic", 0.25))
    decoder = Decolorizer("turbo", norm=norm)
    flat = small.reshape(-1, 3)
    codes = decoder._codes(flat, "u8", 1.0, "rgb")
    position = np.empty(len(codes))
    residual = np.empty(len(codes), dtype=np.float32)
    kernels.codes_to_fields(
        codes, kernels.RESIDUAL_MAX_CODE, position, residual, np.empty(len(codes), bool)
    )  # fmt: skip
    line = decoder._grid("u8", "rgb").line
    on_map = residual <= 3.0
    candidates = np.flatnonzero(residual > 0.5)
    found, nearer = discrete.field_blends(
        flat, 1.0, small.shape[1], candidates, on_map, position, line, 4
    )  # fmt: skip
    expected = _fields_oracle(
        flat, small.shape[1], candidates, on_map, position, line.vertices, line.positions,
        line.n_bins, 4,
    )  # fmt: skip
    assert 0 < found.sum() < len(found)
    np.testing.assert_array_equal(found, expected[0])
    np.testing.assert_array_equal(nearer, expected[1])
