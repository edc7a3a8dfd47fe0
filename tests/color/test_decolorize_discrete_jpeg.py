"""JPEG'd pictures of a few flat colors (BoundaryNorm): no holes, each pixel in its bin.

A BoundaryNorm of 4 or 6 intervals paints a picture in as many flat colors. The
decoder's JPEG tests read a continuous map's marks and missed many such pictures
(jet's 4 colors on the camera at q90: 8.3 % holes, decoded as resampled); and where
a photograph's edge joins two colors that are no neighbours in the map's order, JPEG
mixes them into colors the map's 4:2:0 model does not explain (``_discrete``).
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests.color._photographs import few_color_field, pillow_jpeg
import truepix as tp
from truepix import Decolorizer

NORMS = {
    "4 bins": mcolors.BoundaryNorm([0.0, 0.3, 0.5, 0.8, 1.0], 256),
    "6 bins": mcolors.BoundaryNorm([0.0, 0.02, 0.04, 0.1, 0.2, 0.4, 1.0], 256),
}


def _field(name: str) -> np.ndarray:
    """A photograph, or a smooth field, scaled to [0, 1] (256 x 256)."""
    return few_color_field(name, 256)


def _bins(norm: mcolors.BoundaryNorm, values: np.ndarray) -> np.ndarray:
    """The interval each value lies in; -1 for NaN."""
    edges = np.asarray(norm.boundaries)
    found = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
    return np.where(np.isnan(values), -1, found)


@pytest.mark.parametrize("field", ["camera", "smooth"])
@pytest.mark.parametrize("cmap", ["jet", "turbo", "coolwarm"])
@pytest.mark.parametrize("bins", list(NORMS))
def test_jpegd_few_color_picture_has_no_holes(field: str, cmap: str, bins: str) -> None:
    """JPEG q75 and q90: holes <= 0.2 %, and each pixel in its own interval as often as
    the nearest of the painted colors puts it there, within 0.01 % (a few edge pixels:
    coolwarm's 6 colors on the smooth field at q75 lose 3 of 65 536, as on main)."""
    norm, data = NORMS[bins], _field(field)
    data = np.clip(data, 0.0, np.nextafter(1.0, 0.0))  # (1.0 is the last edge: no interval)
    colormap = matplotlib.colormaps[cmap]
    picture = colormap(norm(data), bytes=True)[..., :3]
    truth = _bins(norm, data)
    edges = np.asarray(norm.boundaries)
    painted = colormap(norm((edges[:-1] + edges[1:]) / 2), bytes=True)[:, :3]
    nearest = cKDTree(painted.astype(np.float64))  # the oracle: nearest painted color
    for quality in (75, 90):
        degraded = pillow_jpeg(picture, quality)
        found = _bins(norm, tp.decolorize(degraded, cmap=cmap, norm=norm))
        holes = np.mean(found < 0)
        assert holes <= 0.002, (quality, holes)
        oracle = nearest.query(degraded.reshape(-1, 3).astype(np.float64))[1]
        right = np.mean(found == truth)
        assert right >= np.mean(oracle.reshape(truth.shape) == truth) - 1e-4, (quality, right)


@pytest.mark.parametrize("how", ["bilinear", "bicubic", "box"])
def test_resized_few_color_picture_is_no_jpeg(how: str) -> None:
    """Resampling keeps a discrete picture's flat areas on their colors: no JPEG there
    (its blends are judged as blends)."""
    norm = NORMS["4 bins"]
    picture = matplotlib.colormaps["jet"](norm(_field("camera")), bytes=True)[..., :3]
    method = {"bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC, "box": Image.BOX}[how]
    small = np.asarray(Image.fromarray(picture).resize((128, 128), method))
    result = Decolorizer("jet", norm=norm).decode(small)
    assert not result.jpeg
    assert Decolorizer("jet", norm=norm).decode(pillow_jpeg(picture, 90)).jpeg


def test_jpeg_mixtures_of_far_apart_colors_are_data() -> None:
    """At q50 JPEG mixes two fields whose colors are no neighbours in the map's order
    into colors its 4:2:0 model of the map does not explain: taken for strokes' cores,
    coolwarm's 4 colors on the camera kept 2.4 % holes (``_discrete.mixed_cores``)."""
    norm = NORMS["4 bins"]
    data = np.clip(_field("camera"), 0.0, np.nextafter(1.0, 0.0))
    picture = matplotlib.colormaps["coolwarm"](norm(data), bytes=True)[..., :3]
    found = _bins(norm, tp.decolorize(pillow_jpeg(picture, 50), cmap="coolwarm", norm=norm))
    assert np.mean(found < 0) <= 0.01
    assert np.mean(found == _bins(norm, data)) >= 0.97


@pytest.mark.parametrize(
    ("cmap", "crop", "subsampling"), [("jet", None, 2), ("turbo", (64, 32, 128), 0)]
)  # fmt: skip
def test_q50_ringing_between_far_apart_colors_is_data(
    cmap: str, crop: tuple[int, int, int] | None, subsampling: int
) -> None:
    """JPEG q50 rings past the darkest and brightest of a few colors where their fields
    meet, and strings its marks along every edge of a photograph: jet's 4 colors on the
    astronaut (4:2:0) kept 9.86 % holes (a structure of 1027 px, its luma spread 89.5
    DN, taken for a stroke: ``_alone.JPEG_STRUNG_LONG_SPREAD``), turbo's on a 128^2
    crop (4:4:4) 2.65 % (cores with 8-11 ringing pixels past the map's luma taken for
    evidence of strokes: ``_discrete.ringing``)."""
    norm = NORMS["4 bins"]
    data = np.clip(few_color_field("astronaut", 256), 0.0, np.nextafter(1.0, 0.0))
    if crop is not None:
        top, left, size = crop
        data = data[top : top + size, left : left + size]
    picture = matplotlib.colormaps[cmap](norm(data), bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=50, subsampling=subsampling)
    values = tp.decolorize(np.asarray(Image.open(buffer)), cmap=cmap, norm=norm)
    found = _bins(norm, values)
    assert np.mean(found < 0) <= 0.002
    assert np.mean(found == _bins(norm, data)) >= 0.93


@pytest.mark.parametrize("quality", [90, 50])
def test_black_text_over_few_colors_stays_flagged(quality: int) -> None:
    """Black contours and text over jet's 11 colors (JPEG q90): a stroke's JPEG'd core
    is dark blue and blue, a mixture of two colors around it; the cores no mixture
    explains string into the stroke, and then none is taken for JPEG's (79.8 % of the
    stroke flagged without that rule, 90.3 % with it, as before mixtures were judged).
    At q50 the stroke strings 7434 px at a luma spread of 65.9 DN, within
    ``_alone.JPEG_STRUNG_LONG_SPREAD`` (90.3 % flagged)."""
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    norm = mcolors.BoundaryNorm(np.linspace(0, 1, 12), 256)
    y, x = np.mgrid[0:256, 0:320] / 256
    data = 0.5 + 0.45 * np.sin(6 * x + np.cos(5 * y)) * np.cos(4 * y)

    def figure(annotated: bool, fmt: str) -> np.ndarray:
        fig = plt.figure(figsize=(3.2, 2.56), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.imshow(data, cmap="jet", norm=norm, interpolation="nearest", aspect="auto")
        if annotated:
            ax.contour(data, levels=[0.25, 0.5, 0.75], colors="black", linewidths=1.0)
            ax.text(30, 60, "T = 25.0 K", color="black", fontsize=12)
            ax.text(180, 220, "max 3.2 m/s", color="black", fontsize=10)
        buffer = io.BytesIO()
        options = {"pil_kwargs": {"quality": quality}} if fmt == "jpg" else {}
        fig.savefig(buffer, format=fmt, **options)
        plt.close(fig)
        return np.asarray(Image.open(buffer).convert("RGB"))

    stroke = np.abs(figure(True, "png").astype(float) - figure(False, "png")).max(-1) > 12
    values = tp.decolorize(figure(True, "jpg"), cmap="jet", norm=norm)
    assert np.isnan(values[stroke]).mean() >= 0.88


@pytest.mark.parametrize("name", ["RdBu_r", "coolwarm", "jet"])
def test_jpegd_resampled_map_of_few_colors_has_no_holes(name: str) -> None:
    # plt.get_cmap('RdBu_r', 5) is a LinearSegmentedColormap that paints 5 colors alone;
    # taken for a continuous ramp, its JPEG'd near-white level read as light strokes:
    # camera, q75, decoded with that very object, 21.7 % of the picture NaN (trial42).
    cmap = matplotlib.colormaps[name].resampled(5)
    field = _field("camera")
    picture = pillow_jpeg(cmap(field, bytes=True)[..., :3], 75)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= 0.002
    level = np.clip(np.floor(field * 5), 0, 4)
    found = np.clip(np.floor(np.nan_to_num(values, nan=-1.0) * 5), -1, 4)
    # the oracle: each pixel's nearest of the 5 colors (scipy's k-d tree)
    colors = cmap(np.arange(5), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(colors).query(picture.reshape(-1, 3).astype(float))[1].reshape(field.shape)
    assert (found == level).mean() >= (nearest == level).mean() - 0.01


@pytest.mark.parametrize("name", ["magma", "RdBu_r"])
def test_thin_lines_of_a_painted_color_are_data(name: str) -> None:
    """``plt.get_cmap(name, 5)`` on the camera, JPEG q95: the photograph's thin lines
    (the tripod's legs) are one of the 5 colors across another's field; JPEG keeps
    their color's luma and 4:2:0 mixes their chroma with the field's, 35-60 DN off the
    map, and ``_lines`` took their chains for one ink over several fields (holes magma
    1.08 %, RdBu_r 1.49 %). Their chroma lies on the segment between the two colors'
    (``_discrete.line_mixtures``): no holes, each pixel in its level."""
    import matplotlib.pyplot as plt

    data = _field("camera")
    colormap = plt.get_cmap(name, 5)
    values = Decolorizer(colormap, vmin=0, vmax=1).values(
        pillow_jpeg(colormap(data, bytes=True)[..., :3], 95)
    )  # fmt: skip
    level = np.minimum((data * 5).astype(int), 4)
    held = np.where(np.isnan(values), -1.0, values)  # (NaN: -1, no level)
    found = np.where(held < 0, -1, np.minimum((held * 5).astype(int), 4))
    assert np.isnan(values).mean() <= 0.002
    assert np.mean(found == level) >= 0.995
