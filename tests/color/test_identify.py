"""identify_colormap on pictures colorize/matplotlib painted, exact and JPEG'd."""

from __future__ import annotations

import io
import itertools

import matplotlib
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.color._catalog import get
from truepix.color._identify import _match as _identify
from truepix.color._identify._match import nearest_color_cost, nearest_color_cost_numpy
from truepix.errors import InputError, ShapeError


def _field(seed: int, n: int = 128) -> np.ndarray:
    """A terrain-like 1/f field filling [0, 1]."""
    rng = np.random.default_rng(seed)
    spectrum = np.fft.fft2(rng.normal(size=(n, n)))
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n)))
    k[0, 0] = 1.0
    z = np.real(np.fft.ifft2(spectrum / k**1.6))
    return (z - z.min()) / (z.max() - z.min())


def _jpeg(rgba: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgba[..., :3]).save(buffer, format="JPEG", quality=quality)  # 4:2:0
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


def _right(match: tp.ColormapMatch, name: str) -> bool:
    return match.name == name or name in match.aliases


SAMPLE = [
    "viridis",
    "jet",
    "turbo",
    "RdBu",
    "twilight",
    "cubehelix",
    "cmocean:thermal",
    "crameri:batlow",
    "colorcet:CET_R1",
    "opencv:jet",
    "cmasher:ember",
    "coolwarm",
]


@pytest.mark.parametrize("name", SAMPLE)
def test_exact_renders(name: str) -> None:
    picture = tp.colorize(_field(1), cmap=name, vmin=0, vmax=1)
    best = tp.identify_colormap(picture)[0]
    assert best.name == name  # exact colors: the map itself, not an alias
    assert best.score == 1.0
    assert best.reversed is False


@pytest.mark.parametrize("name", SAMPLE[:6])
def test_jpeg_renders(name: str) -> None:
    picture = _jpeg(tp.colorize(_field(2), cmap=name, vmin=0, vmax=1), 75)
    assert _right(tp.identify_colormap(picture)[0], name)


def _sweep(quality: int | None) -> float:
    tables = _identify._candidates()
    right = 0
    for i, name in enumerate(tables.names):
        picture = tp.colorize(_field(i), cmap=name, vmin=0, vmax=1)
        if quality is not None:
            picture = _jpeg(picture, quality)
        matches = tp.identify_colormap(picture, top=3)
        first = matches[0]
        if _right(first, name):
            right += 1
        elif ":" in name and ":" not in first.name:
            # a tie goes to matplotlib's map: right when the map itself is as good
            same = [m for m in matches[1:] if _right(m, name)]
            tie = (0.25 + 0.1 * 40 * (1 - same[0].score)) / 40 if same else -1.0
            right += bool(same) and same[0].score >= first.score - tie - 1e-6
    return right / len(tables.names)


@pytest.mark.slow
def test_every_continuous_map_exact() -> None:
    assert _sweep(None) >= 0.99


@pytest.mark.slow
def test_every_continuous_map_jpeg_q75() -> None:
    assert _sweep(75) >= 0.95


def test_identical_tables_are_one_candidate() -> None:
    assert np.array_equal(get("viridis").lut_bytes, get("bids:viridis").lut_bytes)
    picture = tp.colorize(_field(3), cmap="bids:viridis", vmin=0, vmax=1)
    matches = tp.identify_colormap(picture, top=10)
    assert matches[0].name == "viridis" and "bids:viridis" in matches[0].aliases
    assert [m.name for m in matches].count("bids:viridis") == 0
    # best first; a map outside matplotlib gives way to one of matplotlib's it ties with
    slack = [(0.25 + 0.1 * 40 * (1 - n.score)) / 40 + 1e-6 for n in matches[1:]]
    assert all(m.score >= n.score - s for (m, n), s in zip(itertools.pairwise(matches), slack))


def _jpeg75(picture: np.ndarray) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture[..., :3]).save(buffer, format="JPEG", quality=75)
    return np.asarray(Image.open(buffer))


def _wavy() -> np.ndarray:
    y, x = np.mgrid[0:128, 0:128]
    return 0.5 + 0.45 * np.sin(x / 13) * np.cos(y / 17)


def test_a_jpeg_gray_picture_is_named_gray() -> None:
    """imagej:HiLo is gray with a blue and a red end: it ties with gray on a JPEG'd
    gray picture, and the common name wins."""
    best = tp.identify_colormap(_jpeg75(tp.colorize(_wavy(), cmap="gray", vmin=0, vmax=1)))[0]
    assert best.name == "gray" or "gray" in best.aliases
    assert not best.direction_known and not best.reversed


@pytest.mark.slow
def test_every_jpeg_matplotlib_map_is_found_and_ties_go_to_the_common_name() -> None:
    continuous = [n for n in sorted(matplotlib.colormaps) if not n.endswith("_r")]
    continuous = [n for n in continuous if not get(n).discrete]
    missed = []
    for name in continuous:
        picture = _jpeg75(tp.colorize(_wavy(), cmap=name, vmin=0, vmax=1))
        matches = tp.identify_colormap(picture, top=3)
        found = [m for m in matches if name in (m.name, *m.aliases) or f"{name}_r" in m.aliases]
        if not found:
            missed.append(name)
        first = matches[0]
        if ":" in first.name:  # outside matplotlib: only when no matplotlib map ties it
            ties = [m for m in matches[1:] if ":" not in m.name and m.score >= first.score - 0.005]
            assert not ties, (name, first, ties)
    # maps that repeat themselves (prism) have JPEG'd pictures other maps explain
    assert len(missed) <= 2, missed


def test_reversed_and_rescaled_data_still_identify() -> None:
    picture = tp.colorize(0.2 + 0.5 * _field(4), cmap="magma_r", vmin=0, vmax=1)
    best = tp.identify_colormap(picture)[0]
    assert best.name == "magma" and not best.reversed  # a picture does not tell the direction


def test_colorbar_tells_the_direction() -> None:
    colors = get("plasma").lut_bytes[::-1, :3]
    bar = tp.Colorbar((0, 0, 10, 256), "vertical", colors)
    best = tp.identify_colormap(bar)[0]
    assert best.name == "plasma" and best.reversed
    assert (
        tp.identify_colormap(tp.Colorbar((0, 0, 10, 256), "vertical", colors[::-1]))[0].reversed
        is False
    )


def test_transparent_pixels_and_annotations_are_ignored() -> None:
    picture = tp.colorize(_field(5), cmap="cividis", vmin=0, vmax=1)
    picture[:20] = 0  # transparent rows
    picture[40:44, :, :3] = (255, 0, 0)  # an opaque red line
    assert tp.identify_colormap(picture)[0].name == "cividis"


@pytest.mark.parametrize("seed", range(4))
def test_kernel_matches_numpy_oracle(seed: int) -> None:
    rng = np.random.default_rng(seed)
    colors = rng.integers(0, 256, (int(rng.integers(1, 60)), 3))
    weights = rng.uniform(0.1, 5, len(colors))
    luts = rng.integers(0, 256, (int(rng.integers(1, 7)), int(rng.integers(2, 40)), 3)).astype(
        np.int32
    )
    luts[0, 0] = colors[0]  # an exact hit takes the early exit
    for cap in (5.0, 40.0, 500.0):
        np.testing.assert_allclose(
            nearest_color_cost(colors, weights, luts, cap),
            nearest_color_cost_numpy(colors, weights, luts, cap),
            rtol=1e-12,
        )


def test_input_forms_agree() -> None:
    picture = tp.colorize(_field(6, 48), cmap="inferno", vmin=0, vmax=1)
    as_float = picture / 255.0
    as_uint16 = picture.astype(np.uint16) * 257
    expected = tp.identify_colormap(picture)
    assert tp.identify_colormap(as_float) == expected
    assert tp.identify_colormap(as_uint16) == expected
    assert tp.identify_colormap(picture[..., :3]) == expected


@pytest.mark.parametrize(
    ("image", "kwargs", "error"),
    [
        (np.zeros((4, 4, 4), np.uint8), {}, InputError),  # fully transparent
        (np.zeros((4, 4, 2), np.uint8), {}, ShapeError),
        (np.zeros((4, 4, 3), np.uint8), {"top": 0}, InputError),
        (np.zeros((4, 4, 3), np.uint8), {"top": 2.5}, InputError),
    ],
)
def test_bad_input(image: np.ndarray, kwargs: dict, error: type[Exception]) -> None:
    with pytest.raises(error, match="expected"):
        tp.identify_colormap(image, **kwargs)


def _bar_figure(cmap: str, bar_pixels: int) -> np.ndarray:
    """An imshow + colorbar figure whose bar is about ``bar_pixels`` long (Agg pixels)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, bar_pixels / 100 / 0.77), dpi=100)
    image = ax.imshow(_field(7, 32), cmap=cmap)
    fig.colorbar(image)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    plt.close(fig)
    return pixels


@pytest.mark.parametrize("cmap", ["Greys", "binary"])
def test_gray_maps_with_the_same_colors_in_other_places_are_told_apart(cmap: str) -> None:
    # Greys and binary both run white -> black; only where each gray sits differs.
    # On a bar shorter than 256 pixels the bar's colors are not one per map entry.
    bar = tp.find_colorbar(_bar_figure(cmap, 215))
    assert bar is not None and 200 <= bar.length < 256
    best = tp.identify_colormap(bar, top=1)[0]
    group = {best.name, *best.aliases}
    other = "binary" if cmap == "Greys" else "Greys"
    assert cmap in group and other not in group, best
    # positions are where the colors sit along the bar, low end first, increasing
    assert np.all(np.diff(bar.positions) > 0) and 0 < bar.positions[0] < bar.positions[-1] < 1


def test_kernel_matches_numpy_oracle_on_the_catalog_tables() -> None:
    # the search walks each table sorted by r + g + b and stops where no entry can be
    # nearer: on real tables (long runs of close colors, repeated entries) it must
    # still find each color's nearest entry, as the brute-force oracle does
    luts = np.asarray(_identify._candidates().luts[::7], dtype=np.int32)
    rng = np.random.default_rng(7)
    near = luts[3, ::5] + rng.integers(-6, 7, (len(luts[3, ::5]), 3))  # beside one table's colors
    colors = np.clip(np.concatenate([rng.integers(0, 256, (300, 3)), near]), 0, 255)
    weights = rng.uniform(0.1, 5, len(colors))
    for cap in (12.0, 40.0, 500.0):
        np.testing.assert_allclose(
            nearest_color_cost(colors, weights, luts, cap),
            nearest_color_cost_numpy(colors, weights, luts, cap),
            rtol=1e-12,
        )


@pytest.fixture(scope="module")
def gray_like_pictures() -> dict[str, list[tp.ColormapMatch]]:
    """Each gray-like matplotlib map and its reverse drawn by matplotlib, JPEG'd by Pillow."""
    field = _wavy()
    drawn = {}
    for name in ["gray", "Greys", "binary", "bone", "gist_gray"]:
        for used in (name, f"{name}_r"):
            picture = _jpeg75(matplotlib.colormaps[used](field, bytes=True))
            drawn[used] = tp.identify_colormap(picture, top=5)
    return drawn


GRAY_LIKE = [f"{n}{r}" for n in ("gray", "Greys", "binary", "bone", "gist_gray") for r in ("", "_r")]


@pytest.mark.parametrize("used", GRAY_LIKE)
def test_a_jpeg_gray_like_picture_gets_the_common_name_and_an_unknown_direction(
    gray_like_pictures: dict[str, list[tp.ColormapMatch]], used: str
) -> None:
    # A map and its reverse paint the same colors: a picture cannot tell gray from
    # binary (gray run white to black) or gray_r, so the answer is the common name,
    # with the direction unknown. Greys' grays are a subset of gray's: under JPEG
    # noise the two tie (the first two, within a hundredth), in either order.
    matches = gray_like_pictures[used]
    best = matches[0]
    assert not best.reversed and not any(m.direction_known for m in matches), matches
    drawn = used.removesuffix("_r")
    if drawn == "Greys":
        assert {m.name for m in matches[:2]} == {"gray", "Greys"}, matches
        assert abs(matches[0].score - matches[1].score) <= 0.01, matches
    else:
        assert best.name == ("bone" if drawn == "bone" else "gray"), best
        assert drawn in {best.name, *best.aliases}


@pytest.mark.parametrize("used", GRAY_LIKE)
def test_candidates_are_ordered_by_score_ties_going_to_the_common_name(
    gray_like_pictures: dict[str, list[tp.ColormapMatch]], used: str
) -> None:
    matches = gray_like_pictures[used]
    for first, second in itertools.pairwise(matches):
        if first.score < second.score:  # only a tie: a namespaced map within the margin
            assert ":" not in first.name and ":" in second.name, matches
            assert second.score - first.score <= (0.25 + 0.1 * 40 * (1 - second.score)) / 40
    assert "binary" not in [m.name for m in matches] and "Grays" not in [m.name for m in matches]
