"""Gray contours over a DEM, JPEG'd: their cores are no resize's blends (``_neutral``).

matplotlib's sample DEM drawn by ``imshow``, ``contour(colors="0.4", linewidths=0.8)``
lines, gray text and a line over it (the new-user trial's figure, trial 45's t02), saved by
``savefig`` as PNG and JPEG'd by Pillow at q75. ``_edges.resized_blends`` takes the picture
for one resized before it was JPEG'd (the strokes' fringes and JPEG's ringing beside them lie
between two neighbours on the map) and made every stroke's core a blend: 0 % flagged on
RdBu_r and magma, 4.5 % on jet. A thin ridge of a neutral ink -- the field agrees across it,
its chroma is the field's shrunk toward gray -- is no blend, and where such ridges string into
long groups (``strung_neutral``) the picture is no resized one: 25 -> 54 % on RdBu_r, 11 -> 83 %
on magma, 13 -> 90 % on jet. The stroke pixels are those the annotation changes by more than
40 DN (the same figure drawn without it); the figure without it keeps every pixel.
"""

from __future__ import annotations

import io

import cv2
import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer
from truepix.color._decolorize._neutral import (
    NEUTRAL_ERROR, NEUTRAL_FIELD_CHROMA, NEUTRAL_SHRINK, RIDGE_APART, RIDGE_REACH, RIDGE_STEP,
    neutral_ridges, strung_neutral,
)  # fmt: skip

matplotlib.use("Agg")


def _dem() -> np.ndarray:
    """matplotlib's sample DEM (Jacksboro fault) in [0, 1] (0.5-99.5 percentiles), its
    middle up to 384 px square."""
    from matplotlib.cbook import get_sample_data

    elevation = np.asarray(get_sample_data("jacksboro_fault_dem.npz")["elevation"], float)
    low, high = np.percentile(elevation, [0.5, 99.5])
    field = np.clip((elevation - low) / (high - low), 0.0, 1.0)
    top, left = max(0, (field.shape[0] - 384) // 2), max(0, (field.shape[1] - 384) // 2)
    return field[top : top + 384, left : left + 384]


def _png(field: np.ndarray, cmap: str, annotated: bool) -> np.ndarray:
    """The figure (imshow filling it, the trial's gray annotations), savefig PNG, RGB."""
    import matplotlib.pyplot as plt

    height, width = field.shape
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest", aspect="auto")
    if annotated:
        axes.text(20, 60, "t = 3.5 s", color="0.5", fontsize=16)
        axes.plot([10, width - 10], [height * 0.5, height * 0.6], color="0.5", lw=1)
        axes.contour(field, levels=[0.3, 0.7], colors="0.4", linewidths=0.8)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(("cmap", "least"), [("RdBu_r", 45.0), ("magma", 70.0), ("jet", 80.0)])
def test_jpeg_gray_contours_are_no_blends(cmap: str, least: float) -> None:
    field = _dem()
    drawn, clean = _png(field, cmap, True), _png(field, cmap, False)
    strokes = np.abs(drawn.astype(int) - clean.astype(int)).max(axis=-1) > 40
    decoder = Decolorizer(cmap, vmin=0.0, vmax=1.0)
    flagged = 100 * float(np.isnan(decoder.values(pillow_jpeg(drawn)))[strokes].mean())
    assert flagged >= least, f"expected >= {least} % of stroke pixels flagged, got {flagged:.1f} %"
    holes = 100 * float(np.isnan(decoder.values(pillow_jpeg(clean))).mean())
    assert holes <= 0.2, f"expected <= 0.2 % NaN on the all-data figure, got {holes:.3f} %"


def _ridges_oracle(rgb: np.ndarray, past: np.ndarray) -> np.ndarray:
    """``neutral_ridges`` over every pixel, in numpy (2-D ``past``; flat answer)."""
    height, width, _ = rgb.shape
    rgb = rgb.astype(np.float64)
    best = np.full((height, width), np.inf)
    field = np.zeros_like(rgb)
    reach = RIDGE_REACH
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        ahead = np.full_like(rgb, np.nan)
        behind = np.full_like(rgb, np.nan)
        ys, xs = np.mgrid[0:height, 0:width]
        ay, ax, by, bx = ys + dy * reach, xs + dx * reach, ys - dy * reach, xs - dx * reach
        inside = (ay < height) & (by >= 0) & (np.minimum(ax, bx) >= 0)
        inside &= np.maximum(ax, bx) < width
        ahead[inside] = rgb[ay[inside], ax[inside]]
        behind[inside] = rgb[by[inside], bx[inside]]
        apart = np.where(inside, ((ahead - behind) ** 2).sum(-1), np.inf)
        take = apart < best
        best[take] = apart[take]
        field[take] = ((ahead + behind) / 2)[take]
    off = ((rgb - field) ** 2).sum(-1)
    ycc = np.array([[-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
    own, around = rgb @ ycc.T, field @ ycc.T
    size = np.sqrt((around**2).sum(-1))
    shrink = (own * around).sum(-1) / np.maximum(size**2, 1e-12)
    error = np.sqrt(((own - shrink[..., None] * around) ** 2).sum(-1))
    ridge = (off >= RIDGE_STEP**2) & (best < RIDGE_APART**2 * off) & np.isfinite(best)
    neutral = (size >= NEUTRAL_FIELD_CHROMA) & (error < NEUTRAL_ERROR)
    neutral &= (shrink > NEUTRAL_SHRINK[0]) & (shrink < NEUTRAL_SHRINK[1])
    return (ridge & neutral & past).ravel()


def test_neutral_ridges_match_numpy() -> None:
    """A seeded colored field with a gray and a black line drawn by OpenCV (antialiased),
    JPEG'd q75: the kernel answers as numpy does, and the ridges it finds lie on the lines."""
    rng = np.random.default_rng(11)
    field = np.linspace(0.15, 0.85, 160)[None, :] + rng.normal(0, 0.01, (120, 160))
    rgb = matplotlib.colormaps["viridis"](np.clip(field, 0, 1), bytes=True)[..., :3].copy()
    cv2.line(rgb, (10, 20), (150, 40), (102, 102, 102), 1, cv2.LINE_AA)
    cv2.line(rgb, (10, 100), (150, 60), (0, 0, 0), 1, cv2.LINE_AA)
    picture = pillow_jpeg(np.ascontiguousarray(rgb))
    past = rng.uniform(size=picture.shape[:2]) < 0.9
    flat = picture.reshape(-1, 3)
    candidates = np.flatnonzero(rng.uniform(size=past.size) < 0.8)
    found = neutral_ridges(flat, 1.0, picture.shape[1], candidates, past.ravel()[candidates])
    np.testing.assert_array_equal(found, _ridges_oracle(picture, past)[candidates])
    lines = np.zeros(picture.shape[:2], dtype=np.uint8)
    cv2.line(lines, (10, 20), (150, 40), 1, 7)
    cv2.line(lines, (10, 100), (150, 60), 1, 7)
    assert found.sum() >= 40 and lines.ravel()[candidates[found]].all()


@pytest.mark.parametrize("cmap", ["jet", "turbo"])
@pytest.mark.parametrize("method", [cv2.INTER_AREA, cv2.INTER_CUBIC])
def test_resized_edges_keep_their_blends(cmap: str, method: int) -> None:
    """Two fields meet along a diagonal; shrunk 0.5x by OpenCV and JPEG'd q50, the picture is
    taken for a resized one. JPEG rings along the edge in thin ridges whose chroma moves
    toward gray, some in cores (``neutral_strokes``): they are spared as blends, and still
    no pixel is a hole."""
    ys, xs = np.mgrid[0:256, 0:256]
    field = np.where(xs + 0.3 * ys > 160, 0.65, 0.1) + 0.05 * np.sin(ys / 9.0)
    rgb = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
    resized = cv2.resize(np.ascontiguousarray(rgb), (128, 128), interpolation=method)
    picture = pillow_jpeg(resized, 50)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    holes = 100 * float(np.isnan(values).mean())
    assert holes <= 0.2, f"expected <= 0.2 % NaN, got {holes:.3f} %"


def _field(size: int = 256) -> np.ndarray:
    """A seeded smooth field with fine texture, in [0, 1]."""
    rng = np.random.default_rng(5)
    ys, xs = np.mgrid[0:size, 0:size] / size
    field = 0.5 + 0.3 * np.sin(5 * xs + 2 * ys) + 0.1 * np.cos(9 * ys)
    return np.clip(field + rng.normal(0, 0.01, (size, size)), 0.0, 1.0)


@pytest.mark.parametrize("cmap", ["jet", "RdBu_r", "magma"])
def test_gray_lines_are_strung_a_resize_is_not(cmap: str) -> None:
    """Two antialiased gray lines (OpenCV) over a mapped field, JPEG'd q75: their neutral
    ridges string into long groups. The same field shrunk 0.5x by area and JPEG'd q50
    (every pixel data) holds none."""
    rgb = np.ascontiguousarray(matplotlib.colormaps[cmap](_field(), bytes=True)[..., :3])
    lined = rgb.copy()
    cv2.line(lined, (10, 30), (240, 90), (102, 102, 102), 1, cv2.LINE_AA)
    cv2.line(lined, (20, 220), (230, 150), (128, 128, 128), 1, cv2.LINE_AA)
    shrunk = cv2.resize(rgb, (128, 128), interpolation=cv2.INTER_AREA)
    for picture, strung in ((pillow_jpeg(lined), True), (pillow_jpeg(shrunk, 50), False)):
        flat = picture.reshape(-1, 3)
        candidates = np.arange(len(flat))
        found = strung_neutral(flat, 1.0, picture.shape[1], candidates, np.ones(len(flat), bool))
        assert found is strung, f"expected strung {strung}, got {found}"


def test_shrunk_photograph_strings_no_strokes() -> None:
    """jet on a coffee photograph shrunk 0.33x by OpenCV's bilinear resize (no
    antialiasing), JPEG'd q95 by OpenCV: JPEG's ringing strings one group of 16 neutral
    ridges, which is no stroke (NEUTRAL_STRUNG_GROUPS): the picture stays resized and
    keeps its blends (1.26 % holes when taken for strokes)."""
    from tests.color.test_decolorize_resized_jpeg import _photo

    rgb = matplotlib.colormaps["jet"](_photo("coffee", 512), bytes=True)[..., :3]
    shrunk = cv2.resize(np.ascontiguousarray(rgb), (171, 171), interpolation=cv2.INTER_LINEAR)
    ok, buffer = cv2.imencode(".jpg", shrunk[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 95])
    picture = np.ascontiguousarray(cv2.imdecode(buffer, cv2.IMREAD_COLOR)[..., ::-1])
    values = Decolorizer("jet", vmin=0.0, vmax=1.0).values(picture)
    holes = 100 * float(np.isnan(values).mean())
    assert holes <= 0.2, f"expected <= 0.2 % NaN, got {holes:.3f} %"
