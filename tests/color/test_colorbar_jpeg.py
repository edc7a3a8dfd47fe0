"""find_colorbar on contourf figures, PNG and JPEG'd: the colorbar, never a stretch of the plot.

Each figure is a matplotlib ``contourf`` with ``fig.colorbar``, small (3.2 x 2.4 in at 100
dpi), re-saved by Pillow as JPEG (4:2:0, its default) where a quality is given. The oracle
is matplotlib's own geometry: the colorbar axes' pixel box and the plot axes' box.

Found by a new-user trial: JPEG noise made every pixel of a flat contourf band a distinct
color, so a piece of one band (or of two, with the blend between) passed for a continuous
bar and outscored the real, stepped one; a few steps of the real bar read as continuous
won over the whole bar the same way; and an exact bar lost a whole end step as "outline".
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

import truepix as tp

matplotlib.use("Agg")
import matplotlib.pyplot as plt

Box = tuple[float, float, float, float]


def _field(name: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    u, v = (x - 5) / 5 * 3, (y - 4) / 4 * 3
    if name == "rings":  # concentric bands: pieces of them lie along x and along y
        r = np.hypot(u, v) * 2 + 1e-9
        return np.sin(r) / r
    if name == "ramp":  # bands across x, wavy
        return x + 0.3 * np.sin(y)
    if name == "saddle":
        return u * v
    return np.sin(x / 2.0) * np.cos(y / 3.0) + 0.05 * x  # "waves"


def _figure(name: str, levels: int, cmap: str, quality: int | None) -> tuple[np.ndarray, Box, Box]:
    """The figure's pixels, the colorbar's box and the plot's box (left, top, right, bottom)."""
    x, y = np.meshgrid(np.linspace(0, 10, 120), np.linspace(0, 8, 96))
    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=100)
    bar = fig.colorbar(ax.contourf(x, y, _field(name, x, y), levels=levels, cmap=cmap))
    fig.canvas.draw()
    height = fig.canvas.get_width_height()[1]
    e, a = bar.ax.get_window_extent(), ax.get_window_extent()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    picture = Image.open(buffer).convert("RGB")
    if quality is not None:
        compressed = io.BytesIO()
        picture.save(compressed, format="JPEG", quality=quality)
        picture = Image.open(compressed).convert("RGB")
    return (
        np.asarray(picture),
        (e.x0, height - e.y1, e.x1, height - e.y0),
        (a.x0, height - a.y1, a.x1, height - a.y0),
    )


def _iou(a: Box, b: Box) -> float:
    across = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    along = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    both = across * along
    return both / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - both)


# each found wrong before: a piece of the plot, or a piece of the bar
CASES = [
    # a stretch of one or two bands inside the plot was taken for the bar
    ("rings", 10, "jet", 75),
    ("rings", 10, "jet", 50),
    ("rings", 10, "Spectral", 90),
    ("rings", 10, "turbo", 90),
    # a few of the bar's steps, blurred into ramps, outscored the whole bar
    ("ramp", 10, "jet", 90),
    ("ramp", 10, "turbo", 50),
    ("ramp", 10, "RdBu", 50),
    ("rings", 10, "RdBu", 50),
    ("saddle", 10, "jet", 75),
    ("saddle", 10, "jet", 50),
    ("saddle", 10, "turbo", 90),
    ("waves", 10, "turbo", 90),
    ("waves", 20, "magma", 90),
    # exact: a whole end step (as long as the others) was trimmed as the bar's outline
    ("rings", 20, "viridis", None),
    ("ramp", 10, "viridis", None),
    ("saddle", 20, "viridis", None),
]


@pytest.mark.parametrize(("name", "levels", "cmap", "quality"), CASES)
def test_the_colorbar_is_found_whole(
    name: str, levels: int, cmap: str, quality: int | None
) -> None:
    pixels, true_box, plot = _figure(name, levels, cmap, quality)
    bar = tp.find_colorbar(pixels)
    assert bar is not None
    left, top, right, bottom = bar.bbox
    assert left >= plot[2], f"{bar.bbox} lies in the plot {plot}"
    # the whole bar: its ends within 6 px of the colorbar axes' (the frame's half pixel and
    # JPEG's ringing at the outline aside), well under one of its steps (18-20 px here)
    assert top <= true_box[1] + 6 and bottom >= true_box[3] - 6, (bar.bbox, true_box)
    assert _iou(bar.bbox, true_box) >= 0.75


def test_a_jpeg_flat_band_shows_one_color_told_apart() -> None:
    """The rule behind the first cases: JPEG noise is not a colormap's path."""
    from truepix.color._identify._scan import _told_apart

    rng = np.random.default_rng(7)
    band = np.clip(rng.normal((124, 255, 122), 3, (46, 3)), 0, 255).astype(np.uint8)
    band[:8] = np.linspace((42, 255, 197), (121, 255, 127), 8).astype(np.uint8)  # the blend in
    assert len(np.unique(band, axis=0)) >= 30  # what the distinct-color score counted
    assert _told_apart(band) < 12
    jet = plt.get_cmap("jet")(np.linspace(0, 1, 120))[:, :3]
    ramp = np.clip(jet * 255 + rng.normal(0, 3, (120, 3)), 0, 255).astype(np.uint8)
    assert _told_apart(ramp) >= 40


def test_a_jpeg_step_drifting_a_few_dn_is_still_a_step() -> None:
    """A JPEG'd contourf step's color wanders by block noise; a ramp's moves on."""
    from truepix.color._identify._stepped import looks_stepped

    rng = np.random.default_rng(11)
    colors = np.array([[0, 0, 200], [0, 120, 255], [40, 255, 200], [200, 255, 40], [255, 120, 0]])
    steps = np.repeat(colors, 30, axis=0).astype(np.float64)
    steps += np.repeat(rng.uniform(-4, 4, (15, 3)), 10, axis=0)  # 8x8 blocks: a level per block
    noisy = np.clip(steps + rng.normal(0, 1.5, steps.shape), 0, 255).astype(np.uint8)
    assert looks_stepped(noisy)
    ramp = (plt.get_cmap("viridis")(np.linspace(0, 1, 150))[:, :3] * 255).astype(np.uint8)
    assert not looks_stepped(ramp)


@pytest.mark.parametrize(
    ("case", "strip"),
    [
        # what find_colorbar returned before for these figures: strips of the plot's bands
        (("rings", 10, "jet", 75), (122, 146, 151, 153)),
        (("rings", 10, "jet", 50), (123, 72, 155, 80)),
        (("rings", 10, "Spectral", 90), (111, 110, 119, 130)),
        (("rings", 10, "turbo", 90), (158, 108, 167, 133)),
    ],
)
def test_a_strip_of_a_plot_stands_within_it(
    case: tuple[str, int, str, int], strip: tuple[int, int, int, int]
) -> None:
    from truepix.color import Colorbar
    from truepix.color._identify._colorbar import _within_plot

    pixels, true_box, _ = _figure(*case)
    vertical = strip[3] - strip[1] > strip[2] - strip[0]
    piece = Colorbar(strip, "vertical" if vertical else "horizontal", np.zeros((9, 3), np.uint8))
    assert _within_plot(pixels, piece)
    bar = Colorbar(tuple(round(v) for v in true_box), "vertical", np.zeros((9, 3), np.uint8))
    assert not _within_plot(pixels, bar)


def test_a_bar_found_only_within_other_colors_is_doubted() -> None:
    """The only bar-shaped ramp stands inside a plot: returned, with a warning."""
    from truepix.errors import ColorbarDoubtWarning

    figure = np.full((220, 220, 3), 255, np.uint8)
    figure[20:200, 20:200] = (230, 140, 40)  # a plot of one color
    ramp = tp.colorize(np.linspace(1, 0, 120), cmap="viridis", vmin=0, vmax=1)[:, :3]
    figure[50:170, 104:116] = ramp[:, None]
    doubt = "expected a colorbar on the figure's paper"
    with pytest.warns(ColorbarDoubtWarning, match=doubt) as caught:
        bar = tp.find_colorbar(figure)
    assert caught[0].filename == __file__  # points at the user's call
    assert bar is not None and bar.bbox[1] >= 50 and bar.bbox[3] <= 170


def test_a_bar_of_one_color_keeps_its_ends() -> None:
    """A noisy reading whose colors all lie within the noise has no flat end to cut (it raised)."""
    from truepix.color import Colorbar
    from truepix.color._identify._extend import without_flat_ends

    rng = np.random.default_rng(2)
    colors = np.clip(rng.normal(128, 1, (96, 3)), 0, 255).astype(np.uint8)
    bar = Colorbar((10, 10, 20, 106), "vertical", colors, exact=False)
    assert without_flat_ends(bar).bbox == bar.bbox


def test_a_full_size_jpeg_contourf_is_read() -> None:
    """A 6.4 x 4.8 in figure of five seeded blobs, jet, q50: find_colorbar raised IndexError."""
    x, y = np.meshgrid(np.linspace(0, 10, 200), np.linspace(0, 8, 160))
    rng = np.random.default_rng(4)
    field = np.zeros_like(x)
    for _ in range(5):
        cx, cy, s, a = rng.uniform(0, 10), rng.uniform(0, 8), rng.uniform(1, 4), rng.normal()
        field += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    colorbar = fig.colorbar(ax.contourf(x, y, field, levels=10, cmap="jet"))
    fig.canvas.draw()
    height = fig.canvas.get_width_height()[1]
    e = colorbar.ax.get_window_extent()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    compressed = io.BytesIO()
    Image.open(buffer).convert("RGB").save(compressed, format="JPEG", quality=50)
    bar = tp.find_colorbar(np.asarray(Image.open(compressed).convert("RGB")))
    assert bar is not None
    assert _iou(bar.bbox, (e.x0, height - e.y1, e.x1, height - e.y0)) >= 0.8


@pytest.mark.parametrize("cmap", ["rocket", "mako", "viridis"])
def test_seaborn_heatmap_bar_jpegd_is_its_map(cmap, seaborn):
    """``sns.heatmap``'s colorbar has no outline: JPEG'd, its light end rings into the
    paper and the noise-tolerant search stopped 17 px short of it, so the bar matched no
    catalog map and decoded as its own colors (rocket: 6.55x the k-d tree's error, 0.69 %
    holes, trial 47). Grown to the paper, it is the catalog map, and the cells decode as
    they do by name (``seaborn``: the fixture that keeps its maps registered)."""
    sns = seaborn
    rng = np.random.default_rng(5)
    y, x = np.mgrid[0:10, 0:14]
    bump = 20 * np.exp(-((x - 5) ** 2 + (y - 4) ** 2) / 30)
    data = np.round(bump + rng.normal(0, 1.5, x.shape), 1)
    figure, ax = plt.subplots(figsize=(8, 6), dpi=100)
    sns.heatmap(data, annot=True, cmap=cmap, ax=ax)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    plt.close(figure)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    bar = tp.find_colorbar(picture)
    assert bar is not None and bar.colormap_entry() is not None
    assert bar.colormap_entry().name == cmap
    limits = {"vmin": float(data.min()), "vmax": float(data.max())}
    by_bar = tp.decolorize(picture, cmap=bar, **limits)
    name = cmap if cmap == "viridis" else f"seaborn:{cmap}"
    by_name = tp.decolorize(picture, cmap=name, **limits)
    np.testing.assert_array_equal(np.isnan(by_bar), np.isnan(by_name))
    np.testing.assert_allclose(by_bar, by_name, equal_nan=True)
