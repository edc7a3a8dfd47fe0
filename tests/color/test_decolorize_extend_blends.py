"""A figure's extend colors over a rough field (trial 50 failure 3): ``imshow(field,
cmap=cm.with_extremes(under=..., over=...))`` + ``colorbar(extend="both")``, saved as
PNG and JPEG q75. The array is drawn smaller than it is, so Agg blends each under /
over speck with the field beside it, and JPEG blends further. Decoded with the
Colormap, the pixels whose data lie inside (vmin, vmax) -- told by drawing the figure
again in gray -- come back valued (at most 0.2 % NaN), and most extend pixels marked;
decoded with the plain name, the warning names the under color."""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.color.test_decolorize_extend import trial_terrain
from truepix.errors import OffMapWarning

LOW, HIGH = -0.5, 0.8
#: (map, under, over, least share of the under pixels marked on PNG / JPEG q75, and at
#: vmin on JPEG q75: 4:2:0 smears a speck's chroma, and the speckled field's under
#: pixels come back at vmin unmarked or, blended, at their neighbours' values)
CASES = [
    ("RdYlGn", "navy", "magenta", 0.75, 0.2, 0.75),
    ("viridis", "white", "black", 0.65, 0.75, 0.85),
    ("coolwarm", "lime", "black", 0.7, 0.08, 0.6),
]


#: The pixel-scale noise of the field for the plain-name warning (patchy, not
#: speckled: the regions have insides).
GRAIN = 0.04


def rough_field(size: int = 384, grain: float = 0.12) -> np.ndarray:
    """A fractal field with fine texture (trial 50's NDVI: 14 % of it below LOW,
    patchy, and specks above HIGH); ``grain``: the pixel-scale noise's weight."""
    terrain = (trial_terrain(size) - 200) / 3800
    rng = np.random.default_rng(50)
    noise = rng.normal(size=(size, size))
    noise = (noise + np.roll(noise, 1, 0) + np.roll(noise, 1, 1)) / 3
    field = 0.8 * terrain + grain * noise
    low, high = np.quantile(field, [0.14, 0.997])  # (14 % under, 0.3 % over)
    return LOW + (field - low) * (HIGH - LOW) / (high - low)


@pytest.fixture(scope="module")
def field() -> np.ndarray:
    return rough_field()


def _figure(data: np.ndarray, cmap, fmt: str) -> tuple[np.ndarray, np.ndarray, tuple]:
    """The figure as a picture (PNG, or JPEG q75 by Pillow), its redraw in gray (its
    under / over colors gray's ends: black / white) and the plot area's slice."""
    fig, ax = plt.subplots()
    art = ax.imshow(data, cmap=cmap, vmin=LOW, vmax=HIGH)
    fig.colorbar(art, ax=ax, extend="both")
    buffer = io.BytesIO()
    kwargs = {"pil_kwargs": {"quality": 75}} if fmt == "jpg" else {}
    fig.savefig(buffer, format=fmt, dpi=100, **kwargs)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    art.set_cmap("gray")
    gray = io.BytesIO()
    fig.savefig(gray, format="png", dpi=100)
    redraw = np.asarray(Image.open(gray).convert("RGB")).astype(int)
    fig.canvas.draw()
    box = ax.get_window_extent()
    height = picture.shape[0]
    plot = (slice(int(np.ceil(height - box.y1)) + 3, int(np.floor(height - box.y0)) - 3),
            slice(int(np.ceil(box.x0)) + 3, int(np.floor(box.x1)) - 3))  # fmt: skip
    plt.close(fig)
    return picture, redraw, plot


def _truth(redraw: np.ndarray, plot: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(inside, under, over) pixel masks of the plot area: gray levels 1-254 (the data
    within the limits, and its blends with the extend pixels), 0 and 255."""
    area = redraw[plot]
    level = area[..., 0]
    gray = (np.abs(area[..., 0] - area[..., 1]) <= 1) & (np.abs(area[..., 1] - area[..., 2]) <= 1)
    return gray & (level > 0) & (level < 255), gray & (level == 0), gray & (level == 255)


@pytest.mark.parametrize("fmt", ["png", "jpg"])
@pytest.mark.parametrize(("name", "under", "over", "png_marked", "jpeg_marked", "at_low"), CASES)
def test_inside_pixels_beside_extend_specks_are_data(
    field, name, under, over, png_marked, jpeg_marked, at_low, fmt
) -> None:
    cmap = mpl.colormaps[name].with_extremes(under=under, over=over)
    picture, redraw, plot = _figure(field, cmap, fmt)
    inside, below, above = _truth(redraw, plot)
    assert below.mean() > 0.05 and above.any()  # (the kind of picture meant)
    result = tp.Decolorizer(cmap, vmin=LOW, vmax=HIGH).decode(picture)
    values = result.values[plot]
    assert np.isnan(values[inside]).mean() <= 0.002
    assert np.asarray(result.under)[plot][below].mean() >= (
        png_marked if fmt == "png" else jpeg_marked)  # fmt: skip
    assert np.isclose(values[below], LOW).mean() >= (0.9 if fmt == "png" else at_low)


def test_a_listed_colormap_with_extremes(field) -> None:
    cmap = mpl.colors.ListedColormap(mpl.colormaps["viridis"].colors)
    cmap = cmap.with_extremes(under="magenta", over="cyan")
    for fmt in ("png", "jpg"):
        picture, redraw, plot = _figure(field, cmap, fmt)
        inside, below, _ = _truth(redraw, plot)
        result = tp.decolorize(picture, cmap=cmap, vmin=LOW, vmax=HIGH)
        assert np.isnan(result[plot][inside]).mean() <= 0.002
        assert np.isclose(result[plot][below], LOW).mean() >= (0.9 if fmt == "png" else 0.7)


def test_masked_cells_stay_nan_beside_extend_specks(field) -> None:
    """set_bad with set_under / set_over: the blends are filled, the masked cells not."""
    cmap = mpl.colormaps["RdYlGn"].with_extremes(under="navy", over="magenta", bad="white")
    masked = np.ma.masked_where(np.hypot(*np.mgrid[-192:192, -192:192]) < 60, field)
    for fmt in ("png", "jpg"):
        picture, redraw, plot = _figure(masked, cmap, fmt)
        area = redraw[plot]
        bad = (area[..., 0] == 255) & (area[..., 1] == 255) & (area[..., 2] == 255)
        for _ in range(3):  # (the cells' core: their rim blends with the field)
            bad[1:-1, 1:-1] &= bad[:-2, 1:-1] & bad[2:, 1:-1] & bad[1:-1, :-2] & bad[1:-1, 2:]
        values = tp.decolorize(picture, cmap=cmap, vmin=LOW, vmax=HIGH)[plot]
        assert bad.sum() > 5000 and np.isnan(values[bad]).mean() >= 0.99


@pytest.mark.parametrize(
    ("name", "under", "over"),
    [("RdYlGn", "navy", "magenta"), ("coolwarm", "lime", "black"), ("gray", "blue", "red")],
)
def test_a_plain_name_is_told_the_under_color(name, under, over) -> None:
    """Patchy under regions (41 % of their pixels deep inside on trial 50's NDVI); a
    light gray one (a figure's paper, JPEG'd) must still be mostly deep."""
    cmap = mpl.colormaps[name].with_extremes(under=under, over=over)
    picture, _, _ = _figure(rough_field(grain=GRAIN), cmap, "png")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tp.decolorize(picture, cmap=name, vmin=LOW, vmax=HIGH)
    told = [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]
    color = mpl.colors.to_hex(under)
    assert any(f"under='{color}'" in message for message in told), told
