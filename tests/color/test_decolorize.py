"""decolorize / Decolorizer against matplotlib, the renderer users' pictures come from."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from PIL import Image, ImageDraw
from scipy.spatial import cKDTree
from scipy.stats import chi

import truepix as tp
from truepix.color import Colorbar
from truepix.color._catalog import get
from truepix.color._decolorize._api import Decolorizer, DecolorizeResult, decolorize
from truepix.errors import (
    InputError,
    ShapeError,
    UnknownColormapError,
    UnsupportedDtypeError,
)

ALL_MAPS = sorted(matplotlib.colormaps)
# one of each kind keeps the default run short; --runslow covers every registered map
SAMPLE_MAPS = [
    "viridis", "jet", "gray", "twilight_shifted", "hsv", "prism", "flag", "tab10",
    "coolwarm_r", "Greys", "terrain", "gist_ncar", "Set3", "cubehelix",
]  # fmt: skip


def _probe_data(n_bins: int, rng: np.random.Generator) -> np.ndarray:
    """Every bin of the map, bin edges, random values and the ends, in [0, 1]."""
    edges = np.arange(n_bins + 1) / n_bins
    centers = (np.arange(n_bins) + 0.5) / n_bins
    return np.concatenate([edges, centers, rng.random(2000), [0.0, 1.0]])


def _check_own_bins(name: str) -> None:
    rng = np.random.default_rng(len(name))
    colormap = matplotlib.colormaps[name]
    vmin, vmax = -3.0, 7.0
    data = vmin + (vmax - vmin) * _probe_data(colormap.N, rng)[None]  # a one-row picture
    norm = mcolors.Normalize(vmin, vmax)
    image = colormap(norm(data), bytes=True)
    values = decolorize(image, cmap=name, vmin=vmin, vmax=vmax)
    assert values.dtype == np.float64 and values.shape == data.shape
    assert not np.isnan(values).any()
    # the value found is drawn with the very color of the pixel: its own bin,
    # or a bin of the same color where the map repeats itself ...
    other = ~np.all(colormap(norm(values), bytes=True) == image, axis=-1)[0]
    # ... or, for a color entries apart from each other share (flag's black), the
    # middle of their union's bins, which may be painted otherwise
    table = colormap(np.arange(colormap.N), bytes=True)
    for color, at in zip(image[0, other], norm(values)[0, other] * colormap.N, strict=True):
        entries = np.flatnonzero(np.all(table == color, axis=1))
        assert np.diff(entries, prepend=entries[0]).max() > 1  # runs apart
        assert entries[0] <= at <= entries[-1] + 1


@pytest.mark.parametrize("name", SAMPLE_MAPS)
def test_exact_render_comes_back_in_its_own_bin(name: str) -> None:
    _check_own_bins(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL_MAPS)
def test_exact_render_comes_back_in_its_own_bin_for_every_matplotlib_map(name: str) -> None:
    _check_own_bins(name)


@pytest.mark.parametrize("name", ["magma", "turbo", "coolwarm", "rainbow"])
def test_injective_map_gives_bin_centers_the_information_floor(name: str) -> None:
    """256 distinct colors: every value comes back at its bin's center (MAE = 1/4 bin)."""
    rng = np.random.default_rng(0)
    data = rng.random((1, 200_000))
    image = matplotlib.colormaps[name](data, bytes=True)
    values = decolorize(image, cmap=name, vmin=0, vmax=1)
    centers = (np.minimum(np.floor(data * 256), 255) + 0.5) / 256
    np.testing.assert_allclose(values, centers, atol=1e-6)
    assert np.mean(np.abs(values - data)) == pytest.approx(0.25 / 256, rel=0.02)


def test_integers_drawn_with_distinct_colors_come_back_exact() -> None:
    rng = np.random.default_rng(1)
    data = rng.integers(-40, 216, (64, 64)).astype(np.float64)
    image = tp.colorize(data, cmap="turbo", vmin=-40, vmax=215)
    values = decolorize(image, cmap="turbo", vmin=-40, vmax=215, step=1)
    assert np.array_equal(values, data)


def test_seed_001_float_rgba_from_jet_within_one_bin() -> None:
    """The float RGBA ``cmap(norm(x))`` returns, not bytes; data in 1500-4500."""
    rng = np.random.default_rng(2)
    y, x = np.mgrid[0:120, 0:160]
    data = 3000 + 1400 * np.sin(x / 17) * np.cos(y / 11) + rng.uniform(-100, 100, x.shape)
    colormap = matplotlib.colormaps["jet"]
    norm = mcolors.Normalize(1500, 4500)
    rgba = colormap(norm(data))
    assert rgba.dtype == np.float64
    values = decolorize(rgba, cmap="jet", vmin=1500, vmax=4500)
    assert np.array_equal(colormap(norm(values)), rgba)  # each in a bin of its color
    # within one bin wherever the color names one bin (jet repeats (0, 0, 1) 4 times)
    bins = np.minimum(np.floor(norm(data) * 256), 255).astype(int)
    table = colormap(np.arange(256))
    unique = np.any(table[bins] != table[np.maximum(bins - 1, 0)], axis=-1)
    unique &= np.any(table[bins] != table[np.minimum(bins + 1, 255)], axis=-1)
    assert unique.mean() > 0.9
    assert np.max(np.abs(values - data)[unique]) <= 3000 / 256


def test_seed_002_imsave_rainbow_png_within_one_bin(tmp_path) -> None:
    rng = np.random.default_rng(3)
    data = np.cumsum(rng.normal(size=(90, 70)), axis=1) + 4.0 * rng.random((90, 70))
    path = tmp_path / "rainbow.png"
    plt.imsave(path, data, cmap="rainbow")  # vmin, vmax: the data's range
    vmin, vmax = data.min(), data.max()
    for picture in (np.asarray(Image.open(path)), plt.imread(path)):
        values = decolorize(picture, cmap="rainbow", vmin=vmin, vmax=vmax)
        assert np.max(np.abs(values - data)) <= (vmax - vmin) / 256  # 256 distinct colors


def test_log_norm_round_trip() -> None:
    rng = np.random.default_rng(4)
    data = 10 ** rng.uniform(0, 4, (1, 5000))
    norm = mcolors.LogNorm(1.0, 1e4)
    image = matplotlib.colormaps["magma"](norm(data), bytes=True)
    for norm_arg in ("log", norm):
        values = decolorize(image, cmap="magma", vmin=1.0, vmax=1e4, norm=norm_arg)
        assert np.array_equal(matplotlib.colormaps["magma"](norm(values), bytes=True), image)
        assert np.max(np.abs(np.log10(values / data))) <= 4 / 256


def test_uint16_pictures() -> None:
    rng = np.random.default_rng(5)
    data = rng.random((30, 40))
    image8 = matplotlib.colormaps["viridis"](data, bytes=True)
    image16 = image8.astype(np.uint16) * 257  # an 8-bit picture widened
    assert np.array_equal(decolorize(image16, cmap="viridis", vmin=0, vmax=1), decolorize(image8, cmap="viridis", vmin=0, vmax=1))
    floats = matplotlib.colormaps["viridis"](data)
    deep = np.round(floats * 65535).astype(np.uint16)  # a true 16-bit rendering
    np.testing.assert_allclose(
        decolorize(deep, cmap="viridis", vmin=0, vmax=1), decolorize(deep / 65535.0, cmap="viridis", vmin=0, vmax=1), atol=1e-12
    )
    assert np.max(np.abs(decolorize(deep, cmap="viridis", vmin=0, vmax=1) - data)) <= 1 / 256


def test_any_leading_shape_and_rgb_or_rgba() -> None:
    rng = np.random.default_rng(6)
    data = rng.random((2, 3, 5))
    image = matplotlib.colormaps["plasma"](data, bytes=True)
    values = decolorize(image, cmap="plasma", vmin=0, vmax=1)
    assert values.shape == (2, 3, 5)
    assert np.array_equal(values, decolorize(image[..., :3], cmap="plasma", vmin=0, vmax=1))
    assert decolorize(image[0, :1], cmap="plasma", vmin=0, vmax=1).shape == (1, 5)
    gray = (255 * data[0]).astype(np.uint8)  # a 2-D array is a gray picture
    assert decolorize(gray, cmap="gray", vmin=0, vmax=1).shape == (3, 5)


def test_a_stack_of_jpeg_frames_decodes_as_each_frame_alone() -> None:
    """(N, H, W, 3): each frame is a picture, judged and filtered on its own. Passed
    whole, the stack was decoded pixel by pixel (no spatial steps): six JPEG'd jet
    frames of fBm came back 1.7 % NaN at 1.94x the k-d tree's error, where each frame
    alone has none (0.85x)."""
    from tests.color._photographs import fbm

    fields = np.stack([fbm(128, seed) for seed in range(6)])
    frames = []
    for field in fields:
        buffer = io.BytesIO()
        Image.fromarray(matplotlib.colormaps["jet"](field, bytes=True)[..., :3]).save(
            buffer, format="JPEG", quality=75
        )
        frames.append(np.asarray(Image.open(buffer).convert("RGB")))
    stack = np.stack(frames)
    values = decolorize(stack, cmap="jet", vmin=0, vmax=1)
    alone = np.stack([decolorize(frame, cmap="jet", vmin=0, vmax=1) for frame in frames])
    np.testing.assert_array_equal(values, alone)
    table = matplotlib.colormaps["jet"](np.linspace(0, 1, 256), bytes=True)[:, :3]
    _, index = cKDTree(table.astype(np.float64)).query(stack.reshape(-1, 3).astype(np.float64))
    nearest = ((index + 0.5) / 256).reshape(fields.shape)
    assert not np.isnan(values).any()
    assert np.abs(values - fields).mean() < 0.9 * np.abs(nearest - fields).mean()
    result = Decolorizer("jet", vmin=0, vmax=1).decode(stack)  # the judgements: any frame's
    assert result.jpeg and result.residual.shape == result.ambiguous.shape == fields.shape


def test_bad_and_transparent_pixels_are_nan() -> None:
    data = np.array([[0.1, np.nan, 0.7], [0.3, 0.9, np.nan]])
    image = matplotlib.colormaps["viridis"](data, bytes=True)  # bad: (0, 0, 0, 0)
    image[1, 1, 3] = 200  # half transparent: not what an opaque map draws
    values = decolorize(image, cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values).tolist() == [[False, True, False], [False, True, True]]
    float_image = image / 255.0
    assert np.array_equal(np.isnan(decolorize(float_image, cmap="viridis", vmin=0, vmax=1)), np.isnan(values))


def _annotated(name: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A figure-like picture: field, white margin, text, coastlines, bad and clear pixels.

    Returns the RGBA picture and the mask of its colormap pixels.
    """
    height, width = 200, 260
    y, x = np.mgrid[0:height, 0:width]
    data = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)
    data[rng.random(data.shape) < 0.01] = np.nan  # bad values
    clean = get(name).lut_bytes[np.minimum((np.nan_to_num(data) * 256).astype(int), 255)]
    clean[np.isnan(data)] = 0  # matplotlib's bad color is transparent black
    table = get(name).lut_bytes[:, :3].astype(float)
    tree = cKDTree(table)
    palette = [(255, 255, 255), (0, 0, 0), (128, 128, 128), (200, 30, 120), (40, 160, 60)]
    off_map = [c for c in palette if tree.query(c)[0] > 12]  # only colors the map lacks
    assert len(off_map) >= 2
    canvas = Image.fromarray(clean, "RGBA")
    draw = ImageDraw.Draw(canvas)
    draw.fontmode = "1"  # no anti-aliasing: every drawn pixel has the drawn color
    for k in range(12):
        color = off_map[k % len(off_map)] + (255,)
        points = [tuple(p) for p in rng.integers(0, [width, height], (6, 2))]
        draw.line(points, fill=color, width=1 + k % 3)
        draw.text(tuple(rng.integers(0, [width - 60, height - 20])), "T=25.0", fill=color)
    picture = np.asarray(canvas).copy()
    picture[:, :18] = off_map[0] + (255,)  # a margin
    picture[-10:, :] = off_map[-1] + (255,)
    picture[40:60, 200:240, 3] = 0  # cleared pixels
    is_map = np.all(picture == clean, axis=-1) & ~np.isnan(data)
    return picture, is_map


@pytest.mark.parametrize("name", ["viridis", "jet", "turbo", "coolwarm", "cmocean:thermal"])
def test_non_colormap_pixels_are_flagged_and_map_pixels_kept(name: str) -> None:
    rng = np.random.default_rng(7)
    picture, is_map = _annotated(name, rng)
    result = Decolorizer(name, vmin=0, vmax=1).decode(picture)
    lost = np.isnan(result.values)
    assert lost[~is_map].mean() >= 0.99  # flagged: annotations, margins, bad, clear
    assert lost[is_map].mean() <= 0.01  # kept: the map's own pixels
    assert result.noise == 0.0 and not result.jpeg
    kept = is_map & ~lost
    table = get(name).lut_bytes
    found = table[np.minimum((result.values[kept] * 256).astype(int), 255)]
    assert np.array_equal(found, picture[kept])  # each in a bin of its own color


def _smooth(size: int = 160) -> np.ndarray:
    y, x = np.mgrid[0:size, 0:size] / size
    return 0.5 + 0.4 * np.sin(3 * x + 1) * np.cos(2 * y) + 0.05 * x


def _jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(image[..., :3]).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


def _nearest_color(name: str, image: np.ndarray) -> np.ndarray:
    """The usual answer: the nearest table color in RGB (a k-d tree), at its bin center."""
    table = get(name).lut_bytes[:, :3].astype(float)
    _, index = cKDTree(table).query(image[..., :3].reshape(-1, 3).astype(float))
    return ((index + 0.5) / len(table)).reshape(image.shape[:-1])


def _noisy(image: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    noisy = image[..., :3] + rng.normal(0, sigma, image[..., :3].shape)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8)


def _downscaled(image: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    size = (data.shape[1] // 2, data.shape[0] // 2)
    small = np.asarray(Image.fromarray(image[..., :3]).resize(size, Image.Resampling.BILINEAR))
    truth = Image.fromarray(data.astype(np.float32), "F").resize(size, Image.Resampling.BILINEAR)
    return small, np.asarray(truth, dtype=np.float64)


def _camera() -> np.ndarray:
    from skimage import data

    return data.camera()[::2, ::2] / 255.0  # a photograph: texture and edges


@pytest.mark.parametrize("name", ["viridis", "jet", "cmocean:thermal"])
@pytest.mark.parametrize("field", ["smooth", "camera"])
def test_degraded_pictures_beat_the_nearest_color(name: str, field: str) -> None:
    """Mean error against the nearest table color (a regression guard, not the goal:
    benchmarks/colormaps.py measures the goals)."""
    data = _smooth() if field == "smooth" else _camera()
    image = tp.colorize(data, cmap=name, vmin=0, vmax=1)
    cases = {
        "jpeg": (_jpeg(image, 75), data, 0.8 if field == "smooth" else 0.85),
        "noise": (_noisy(image, 2.0, seed=8), data, 0.7 if field == "smooth" else 0.97),
        "downscale": (*_downscaled(image, data), 0.8 if field == "smooth" else 1.0),
    }
    for label, (picture, truth, ratio) in cases.items():
        result = Decolorizer(name, threshold=np.inf, vmin=0, vmax=1).decode(picture)
        fast = Decolorizer(name, threshold=np.inf, vmin=0, vmax=1).values(picture)
        assert np.array_equal(fast, result.values, equal_nan=True), label  # same answers
        error = np.abs(result.values - truth).mean()
        baseline = np.abs(_nearest_color(name, picture) - truth).mean()
        assert error <= ratio * baseline, label
        if field == "camera":  # texture shows JPEG's chroma subsampling
            assert result.jpeg == (label == "jpeg"), label


def test_jpeg_answers_from_the_8_bit_memo_match_the_float_path() -> None:
    """8-bit JPEG'd pictures keep one memo of (luma position, RGB residual) per color;
    float pictures combine two projections per pixel. Both give the same answers."""
    picture = _jpeg(tp.colorize(_camera(), cmap="jet", vmin=0, vmax=1), 75)
    as_float = picture / 255.0 * (1.0 - 1e-12)  # not exact 8-bit levels: the float path
    memo = Decolorizer("jet", vmin=0, vmax=1).decode(picture)
    floats = Decolorizer("jet", vmin=0, vmax=1).decode(as_float)
    assert memo.jpeg and floats.jpeg
    assert np.array_equal(np.isnan(memo.values), np.isnan(floats.values))
    assert np.nanmax(np.abs(memo.values - floats.values)) < 1e-6
    assert np.allclose(memo.residual, floats.residual, atol=0.25, equal_nan=True)


@pytest.mark.parametrize("name", ["viridis", "jet"])
def test_noise_estimate_and_adaptive_threshold(name: str) -> None:
    data = _smooth(200)
    image = tp.colorize(data, cmap=name, vmin=0, vmax=1)
    noisy = _noisy(image, 2.0, seed=9)
    result = Decolorizer(name, vmin=0, vmax=1).decode(noisy)
    # jet's saturated channels clip half the noise away; the threshold keeps the tail
    # of the noise the posterior corrects that to (2 DN): its length (chi, 3 degrees
    # of freedom) passes it at 0.01 of the picture's pixels
    assert result.noise == pytest.approx(2.0 if name == "viridis" else 1.5, rel=0.1)
    tail = 2.0 * chi(3).isf(0.01 / data.size)
    assert result.threshold == pytest.approx(tail, rel=0.1)
    assert result.denoised
    assert np.isnan(result.values).mean() < 0.002  # noisy map pixels are still map pixels
    exact = Decolorizer(name, vmin=0, vmax=1).decode(image)
    assert exact.noise == 0.0 and exact.threshold == 2.0 and not exact.denoised
    assert np.all(exact.residual == 0)


def test_explicit_threshold() -> None:
    image = np.array([[[68, 1, 84], [70, 3, 86], [255, 255, 255]]], np.uint8)
    assert np.isnan(decolorize(image, cmap="viridis", vmin=0, vmax=1, threshold=0.0)).tolist() == [
        [False, True, True]
    ]
    assert not np.isnan(decolorize(image, cmap="viridis", vmin=0, vmax=1, threshold=np.inf)).any()


@pytest.mark.parametrize("name", ["twilight", "hsv"])
def test_cyclic_maps_are_wrap_aware(name: str) -> None:
    size = 128
    y, x = np.mgrid[0:size, 0:size] / size
    data = (0.6 * x + 0.3 * np.sin(4 * y) + 0.7) % 1.0  # crosses the seam
    image = tp.colorize(data, cmap=name, vmin=0, vmax=1)
    for picture, bound in ((image, 1.0 / get(name).n_colors), (_jpeg(image, 75), 0.02)):
        values = Decolorizer(name, threshold=np.inf, vmin=0, vmax=1).values(picture)
        error = np.abs(values - data)
        error = np.minimum(error, 1 - error)  # 0.999 and 0.001 are neighbours
        assert np.mean(error) <= bound
        assert np.all((values >= 0) & (values < 1))


def test_ambiguity_only_where_the_map_repeats() -> None:
    data = np.linspace(0, 1, 1000)[None]
    prism = Decolorizer("prism", vmin=0, vmax=1).decode(matplotlib.colormaps["prism"](data, bytes=True))
    viridis = Decolorizer("viridis", vmin=0, vmax=1).decode(matplotlib.colormaps["viridis"](data, bytes=True))
    assert prism.ambiguous.mean() > 0.5
    # viridis: only its two byte colors that two entries share each
    lut = get("viridis").lut_bytes
    repeats = np.array([np.sum(np.all(lut == lut[k], axis=1)) > 1 for k in range(256)])
    bins = np.minimum((data * 256).astype(int), 255)
    assert np.array_equal(viridis.ambiguous, repeats[bins])


def test_a_warm_decolorizer_answers_like_a_fresh_one() -> None:
    rng = np.random.default_rng(10)
    first = _jpeg(tp.colorize(_smooth(96), cmap="turbo", vmin=0, vmax=1), 50)
    second = _noisy(tp.colorize(rng.random((64, 64)), cmap="turbo", vmin=0, vmax=1), 3, 11)
    third = _jpeg(tp.colorize(_camera(), cmap="turbo", vmin=0, vmax=1), 75)  # seen as JPEG
    warm = Decolorizer("turbo", vmin=-1, vmax=2)
    assert warm.decode(third).jpeg
    for picture in (first, second, third, first, second, third):
        fresh = Decolorizer("turbo", vmin=-1, vmax=2).decode(picture)
        again = warm.decode(picture)
        assert np.array_equal(again.values, fresh.values, equal_nan=True)
        assert np.array_equal(again.residual, fresh.residual, equal_nan=True)
        assert np.array_equal(warm.values(picture), fresh.values, equal_nan=True)


def test_colormap_given_as_table_colormap_or_colorbar() -> None:
    rng = np.random.default_rng(12)
    image = matplotlib.colormaps["cividis"](rng.random((20, 30)), bytes=True)
    expected = decolorize(image, cmap="cividis", vmin=0, vmax=1)
    table = get("cividis").lut_bytes[:, :3]
    bar = Colorbar((0, 0, 10, 256), "vertical", table)
    for cmap in (matplotlib.colormaps["cividis"], table, table / 255.0, bar):
        assert np.array_equal(decolorize(image, cmap=cmap, vmin=0, vmax=1), expected)


def test_decode_result_fields() -> None:
    image = matplotlib.colormaps["viridis"](np.array([[0.2, np.nan]]), bytes=True)
    result = Decolorizer("viridis", vmin=10, vmax=20).decode(image)
    assert isinstance(result, DecolorizeResult)
    assert result.values.dtype == np.float64 and result.residual.dtype == np.float32
    assert result.valid.tolist() == [[True, False]]
    assert np.isnan(result.residual[0, 1]) and result.residual[0, 0] == 0
    decoder = Decolorizer("viridis", vmin=10, vmax=20)
    assert np.array_equal(decoder.residual(image), result.residual, equal_nan=True)
    assert repr(decoder) == "Decolorizer('viridis', vmin=10.0, vmax=20.0, norm='linear')"


def test_public_names() -> None:
    assert tp.decolorize is decolorize
    assert tp.Decolorizer is Decolorizer


@pytest.mark.parametrize(
    ("image", "options", "error"),
    [
        (np.zeros((5,), np.uint8), {}, ShapeError),
        (np.zeros((4, 4, 2), np.uint8), {}, ShapeError),
        (np.zeros((0, 4, 3), np.uint8), {}, ShapeError),
        (np.zeros((4, 4, 3), np.int32), {}, UnsupportedDtypeError),
        (np.zeros((4, 4, 3), bool), {}, UnsupportedDtypeError),
        (np.zeros((4, 4, 3), complex), {}, UnsupportedDtypeError),
        (np.full((4, 4, 3), 2.0), {}, InputError),
        (np.full((4, 4, 3), np.nan), {}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"vmin": 1.0, "vmax": 1.0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"vmin": 2.0, "vmax": 1.0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"norm": "log", "vmin": 0.0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"norm": "lgo"}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"threshold": -1.0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"step": 0.0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"cmap": "virdis"}, UnknownColormapError),
        (np.zeros((4, 4, 3), np.uint8), {"cmap": np.zeros((5, 2))}, ShapeError),
    ],
)
def test_bad_input_gets_a_clear_error(image: np.ndarray, options: dict, error: type) -> None:
    options = {"cmap": "viridis", "vmin": 0.0, "vmax": 1.0, **options}
    with pytest.raises(error, match="expected"):
        decolorize(image, **options)


def test_unknown_colormap_is_a_key_error_with_a_suggestion() -> None:
    with pytest.raises(KeyError, match="did you mean 'viridis'"):
        Decolorizer("virdis")


@settings(max_examples=40)
@given(
    data=hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=3, max_side=12),
        elements=st.one_of(st.floats(-0.5, 1.5), st.just(np.nan)),
    ),
    name=st.sampled_from(["viridis", "jet_r", "gray", "twilight", "Set1", "cubehelix"]),
)
def test_any_data_comes_back_in_a_bin_of_its_color(data: np.ndarray, name: str) -> None:
    """Out-of-range data is drawn with the end colors, NaN transparent: all come back."""
    colormap = matplotlib.colormaps[name]
    image = colormap(data, bytes=True)
    values = decolorize(image, cmap=name, vmin=0, vmax=1)
    assert np.array_equal(np.isnan(values), np.isnan(data))
    valid = ~np.isnan(data)
    assert np.array_equal(colormap(values[valid], bytes=True), image[valid])


def _norm_cases() -> list:
    return [
        mcolors.Normalize(-3.0, 7.0),
        mcolors.LogNorm(1.0, 1000.0),
        mcolors.SymLogNorm(linthresh=1.0, vmin=-100.0, vmax=100.0),
        mcolors.PowerNorm(0.5, vmin=0.0, vmax=50.0),
        mcolors.TwoSlopeNorm(0.0, vmin=-100.0, vmax=10.0),
        mcolors.CenteredNorm(vcenter=5.0, halfrange=20.0),
        mcolors.AsinhNorm(linear_width=2.0, vmin=-50.0, vmax=50.0),
        mcolors.BoundaryNorm([-10.0, -2.0, 0.0, 1.0, 5.0, 40.0], ncolors=256),
    ]


@pytest.mark.parametrize("norm", _norm_cases(), ids=lambda n: type(n).__name__)
def test_every_matplotlib_norm_carries_its_limits_and_round_trips(norm) -> None:
    """``decolorize(cmap(norm(x)), norm=norm)``: no vmin/vmax given, each value in its bin."""
    rng = np.random.default_rng(21)
    if isinstance(norm, mcolors.BoundaryNorm):
        data = rng.uniform(-10.0, 40.0, (1, 4000))  # a one-row picture
    else:
        data = np.asarray(norm.inverse(rng.uniform(0.0, 1.0, (1, 4000))))
    colormap = matplotlib.colormaps["turbo"]
    image = colormap(norm(data), bytes=True)  # matplotlib draws it
    values = decolorize(image, cmap="turbo", norm=norm)
    assert not np.isnan(values).any()
    assert np.array_equal(colormap(norm(values), bytes=True), image)  # the pixel's own bin
    if isinstance(norm, mcolors.BoundaryNorm):  # the middle of the data's interval
        edges = np.asarray(norm.boundaries)
        index = np.clip(np.searchsorted(edges, data, side="right") - 1, 0, len(edges) - 2)
        assert np.allclose(values, (edges[index] + edges[index + 1]) / 2)
    else:
        assert np.max(np.abs(norm(values) - norm(data))) <= 1 / 256


def test_two_slope_and_log_norms_need_no_vmin_vmax() -> None:
    """The issue's cases: a norm's limits used to be overridden by defaults 0 and 1."""
    rng = np.random.default_rng(22)
    data = rng.uniform(-100.0, 10.0, (40, 50))
    norm = mcolors.TwoSlopeNorm(0.0, vmin=-100.0, vmax=10.0)
    picture = tp.colorize(data, cmap="coolwarm", norm=norm)
    values = decolorize(picture, cmap="coolwarm", norm=norm)
    assert np.max(np.abs(norm(values) - norm(data))) <= 1 / 256
    log = mcolors.LogNorm(1.0, 1000.0)
    data = 10 ** rng.uniform(0.0, 3.0, (40, 50))
    picture = tp.colorize(data, cmap="magma", norm=log)
    values = decolorize(picture, cmap="magma", norm=log)
    assert np.max(np.abs(np.log10(values / data))) <= 3 / 256


def test_limits_given_twice_must_agree() -> None:
    picture = matplotlib.colormaps["viridis"](np.array([[0.2, 0.7]]), bytes=True)
    norm = mcolors.Normalize(0.0, 10.0)
    with pytest.raises(InputError, match="vmin=1.0 and the norm's vmin=0.0"):
        decolorize(picture, cmap="viridis", norm=norm, vmin=1.0)
    same = decolorize(picture, cmap="viridis", norm=norm, vmin=0.0, vmax=10.0)
    assert np.array_equal(same, decolorize(picture, cmap="viridis", norm=norm))
    with pytest.raises(InputError, match="expected the data range"):
        decolorize(picture, cmap="viridis")


def test_colors_shared_by_several_entries_are_ambiguous_and_in_the_middle() -> None:
    """jet repeats pure blue over entries 29-31: the middle of bins 29-31, error at
    most half their union, and flagged; seed 001's float RGBA as the question wrote it."""
    rng = np.random.default_rng(23)
    data = rng.uniform(1500.0, 4500.0, (200, 200))
    rgba = matplotlib.colormaps["jet"](mcolors.Normalize(1500, 4500)(data))
    result = Decolorizer("jet", vmin=1500, vmax=4500).decode(rgba)
    table = matplotlib.colormaps["jet"](np.arange(256))
    bins = np.minimum(np.floor((data - 1500) / 3000 * 256), 255).astype(int)
    shared = np.array([np.sum(np.all(table == table[k], axis=1)) for k in range(256)])[bins]
    one_bin = 3000 / 256
    error = np.abs(result.values - data)
    assert np.all(error <= shared * one_bin / 2 + 1e-9)  # half the union of bins
    assert np.max(error[shared == 1]) <= one_bin
    assert result.ambiguous[shared > 1].all()
    assert result.ambiguous[shared == 1].mean() < 0.02  # neighbours of the run, 1.5 DN away
    gray = Decolorizer("gray", vmin=0, vmax=1).decode(
        matplotlib.colormaps["gray"](rng.random((1, 500)), bytes=True)
    )
    lut = get("gray").lut_bytes
    repeats = np.array([np.sum(np.all(lut == lut[k], axis=1)) > 1 for k in range(256)])
    assert gray.ambiguous[repeats[np.minimum((gray.values * 256).astype(int), 255)]].all()
