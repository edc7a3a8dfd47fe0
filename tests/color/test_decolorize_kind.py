"""What a picture went through: JPEG at 4:4:4, upscales that are not JPEG, palettes.

Pictures are scikit-image photographs drawn with matplotlib maps (``cmap(x,
bytes=True)`` or a matplotlib figure with text and lines over the field), then
JPEG'd by Pillow with full-resolution chroma (``subsampling=0``), upscaled by
Pillow, or reduced to a 256-color palette by Pillow's ``quantize`` (median cut,
maximum coverage, fast octree).
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer

from ._annotate import annotated

mpl.use("Agg")


def _photo(name: str, size: int = 256) -> np.ndarray:
    """A scikit-image photograph as a field in [0, 1], ``size``^2, half a gray level of
    dither (as ``benchmarks/colormaps.py`` makes them)."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = data.camera() / 255.0 if name == "camera" else rgb2gray(data.astronaut())
    image = resize(image, (size, size), order=1, anti_aliasing=True)
    dither = np.random.default_rng(len(name)).uniform(-0.5, 0.5, image.shape) / 255.0
    return np.clip(image + dither, 0.0, 1.0)


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    return _photo("camera")


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    return _photo("astronaut")


def _render(name: str, field: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(mpl.colormaps[name](field, bytes=True)[..., :3])


def _annotated(picture: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``picture`` with matplotlib text and lines drawn over it pixel for pixel; the
    pixels they touch, and those they cover at least half."""
    return annotated(
        picture, ["black", "white", "0.5", "black", "white"], ["black", "white", "0.5", "black"]
    )


@pytest.mark.parametrize(
    ("name", "quality"), [("jet", 95), ("viridis", 95), ("coolwarm", 95), ("twilight", 90)]
)
def test_444_jpeg_is_seen_as_jpeg(camera: np.ndarray, name: str, quality: int) -> None:
    """4:4:4 keeps chroma, and at q90-q95 the run votes in luma missed the grid
    (1.0-1.9); the zeros of the blocks' DCT show it (1.3-3.0)."""
    picture = _render(name, camera)
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0, cyclic=name == "twilight")
    assert decoder.decode(pillow_jpeg(picture, quality, subsampling=0)).jpeg
    assert not decoder.decode(picture).jpeg


def test_annotations_on_444_jpeg_stay_flagged(camera: np.ndarray) -> None:
    """jet with antialiased text and lines, JPEG q90 4:4:4: taken for a resampled
    picture, its strokes passed for blends (74 % of the covered pixels flagged)."""
    drawn, _, covered = _annotated(_render("jet", camera))
    picture = pillow_jpeg(drawn, 90, subsampling=0)
    decoder = Decolorizer("jet", vmin=0.0, vmax=1.0)
    assert decoder.decode(picture).jpeg
    flagged = np.isnan(decoder.values(picture))
    assert flagged[covered].mean() >= 0.9


@pytest.mark.parametrize("name", ["twilight", "coolwarm"])
def test_bilinear_upscale_is_not_jpeg(camera: np.ndarray, name: str) -> None:
    """A 2x bilinear upscale's chroma fits 4:2:0's model, but its luma is smoothed
    too (JPEG keeps luma's detail)."""
    picture = np.asarray(
        Image.fromarray(_render(name, camera)).resize((512, 512), Image.Resampling.BILINEAR)
    )
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0, cyclic=name == "twilight")
    assert not decoder.decode(picture).jpeg


def _palette(picture: np.ndarray, *, dither: bool) -> np.ndarray:
    image = Image.fromarray(picture)
    paletted = image.quantize(256)  # median cut; Pillow dithers only onto a given palette
    if dither:
        paletted = image.quantize(palette=paletted, dither=Image.Dither.FLOYDSTEINBERG)
    return np.asarray(paletted.convert("RGB"))


@pytest.mark.parametrize("dither", [False, True])
def test_palette_picture_has_no_holes(astronaut: np.ndarray, dither: bool) -> None:
    """twilight has 510 colors: the palette's 256 hold means of neighbouring ones, up
    to 4 DN off the map (its ends' mean: 218, 211, 214); cut at the exact threshold
    they were 0.21-0.26 % holes."""
    picture = _palette(_render("twilight", astronaut), dither=dither)
    decoder = Decolorizer("twilight", vmin=0.0, vmax=1.0, cyclic=True)
    assert np.isnan(decoder.values(picture)).mean() <= 0.002


@pytest.mark.parametrize(("name", "share"), [("twilight", 0.7), ("magma", 0.5)])
def test_annotations_on_palette_picture_stay_flagged(
    astronaut: np.ndarray, name: str, share: float
) -> None:
    """Text and lines drawn, then the palette made: the strokes' cores keep colors no
    mean of map colors makes, within 3 DN (black on magma is 3-4 DN from its first
    color). Judged as blends within 12 DN or cut at 3 DN, 58 % and 44 % were flagged;
    the palette merges the rest of their antialiased edges with map colors."""
    drawn, touched, covered = _annotated(_render(name, astronaut))
    picture = _palette(drawn, dither=True)
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0, cyclic=name == "twilight")
    flagged = np.isnan(decoder.values(picture))
    assert flagged[covered].mean() >= share
    assert flagged[~touched].mean() <= 0.005


def _errors(name: str, picture: np.ndarray, field: np.ndarray) -> tuple[float, float, float]:
    """Share of NaN, and the mean error of truepix and of the nearest table color (a
    k-d tree over the map's bytes: the oracle) against ``field``; cyclic for hsv."""
    from scipy.spatial import cKDTree

    cmap = mpl.colormaps[name]
    table = cmap(np.linspace(0.0, 1.0, cmap.N), bytes=True)[:, :3].astype(np.float64)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))
    nearest = ((index + 0.5) / cmap.N).reshape(field.shape)
    values = Decolorizer(name, vmin=0.0, vmax=1.0).values(picture)

    def error(found: np.ndarray) -> float:
        gap = np.abs(found - field)
        return float(np.nanmean(np.minimum(gap, 1.0 - gap) if name == "hsv" else gap))

    return float(np.isnan(values).mean()), error(values), error(nearest)


@pytest.mark.parametrize("name", ["hsv", "hot", "bwr", "Spectral"])
def test_octree_palette_has_no_holes(name: str) -> None:
    """Pillow's fast octree (``quantize(256, method=2)``: 31-90 colors here) paints
    means of its cells, off the table; taken for a sharp render (hsv, hot, bwr at 256^2)
    or noise (Spectral at 384^2) they were holes: 15.9, 4.8, 4.8 and 0.62 %. Judged as
    the palette's cells, the values are the nearest color's or better."""
    for size in (256, 384):
        field = _photo("camera", size)
        picture = Image.fromarray(_render(name, field)).quantize(256, method=2)
        holes, error, nearest = _errors(name, np.asarray(picture.convert("RGB")), field)
        assert holes <= 0.001, size
        assert error <= 1.02 * nearest, size


@pytest.mark.parametrize("method", [0, 1])
def test_other_quantizers_keep_no_holes(camera: np.ndarray, method: int) -> None:
    """Median cut and maximum coverage keep the maps' own colors (at most 256 here):
    exact renders, decoded as before the octree's rule."""
    for name in ("hsv", "hot", "bwr", "Spectral"):
        picture = Image.fromarray(_render(name, camera)).quantize(256, method=method)
        holes, error, nearest = _errors(name, np.asarray(picture.convert("RGB")), camera)
        assert holes == 0.0, name
        assert error <= 1.02 * nearest, name
