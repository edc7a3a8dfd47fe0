"""Colors shifted on the way (``_decolorize._shift``): a gamma, TV range, a brightness change.

``plt.imsave`` pictures of a photograph and of terrain, their colors then moved as users'
tools move them -- a 2.2 -> 1.8 gamma (a color-managed screenshot read unmanaged), full
range squeezed into TV range 16-235 (a video path), +4 DN -- decoded worse than the
nearest table color (trial 46's t25: 1.17x / 1.22x / 1.21x the k-d tree) with holes and,
mostly, no warning. The shift is found, undone, named on the result and warned about;
pictures that are not shifted (exact, JPEG'd, resized, noisy) are never touched. The
baseline is the nearest table color (a k-d tree); a hole counts as the full range.
"""

from __future__ import annotations

import io
import warnings

import cv2
import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from tests.color._photographs import camera_256, fbm, imsave_rgb
from truepix.color._decolorize._shift import ColorShift
from truepix.errors import ColorShiftWarning

matplotlib.use("Agg")


def _field(name: str) -> np.ndarray:
    return camera_256().astype(float) if name == "camera" else fbm(256) * 255.0


def _gamma(rgb: np.ndarray) -> np.ndarray:
    # sRGB-ish 2.2 content shown as 1.8: every channel raised to 1.8 / 2.2 (numpy, as a user does)
    return np.round(255.0 * (rgb / 255.0) ** (1.8 / 2.2)).astype(np.uint8)


def _tv_range(rgb: np.ndarray) -> np.ndarray:
    # full range squeezed into 16-235, as a video path does (Pillow's point table)
    image = Image.fromarray(rgb).point(lambda v: round(16 + v * 219 / 255))
    return np.asarray(image)


def _brighter(rgb: np.ndarray) -> np.ndarray:
    return np.clip(rgb.astype(int) + 4, 0, 255).astype(np.uint8)


SHIFTS = {"gamma": _gamma, "tv": _tv_range, "bright": _brighter}


def _errors(
    values: np.ndarray, picture: np.ndarray, cmap: str, field: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest.reshape(field.shape) + 0.5) * 255 / 256 - field)
    error = np.where(np.isnan(values), 255.0, np.abs(values - field))
    return error, baseline


# (main before: 1.06-1.11x the k-d tree's error on trial 46's fields: benchmarks/shift)
CASES = [(name, cmap, how) for name, cmap in (("camera", "jet"), ("terrain", "viridis"))
         for how in sorted(SHIFTS)]  # fmt: skip
CASES += [("terrain", "magma", "bright"), ("camera", "turbo", "tv"),
          ("camera", "coolwarm", "gamma")]  # fmt: skip


@pytest.mark.parametrize(("name", "cmap", "how"), CASES)
def test_shifted_colors_are_undone_and_named(name: str, cmap: str, how: str) -> None:
    field = _field(name)
    picture = SHIFTS[how](imsave_rgb(field, cmap))
    with pytest.warns(ColorShiftWarning, match="shifted"):
        values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=255)
    error, baseline = _errors(values, picture, cmap, field)
    assert np.isnan(values).mean() <= 0.002
    assert error.mean() <= 0.8 * baseline.mean()
    assert np.quantile(error, 0.99) <= np.quantile(baseline, 0.99)


@pytest.mark.parametrize(("how", "named"), [("gamma", "gamma ~0.8"), ("tv", "range 16-235"),
                                            ("bright", "brightness +4 DN")])
def test_the_result_says_which_shift(how: str, named: str) -> None:
    picture = SHIFTS[how](imsave_rgb(_field("terrain"), "viridis"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ColorShiftWarning)
        result = tp.Decolorizer("viridis", vmin=0, vmax=255).decode(picture)
    assert isinstance(result.shift, ColorShift)
    assert str(result.shift).startswith(named)


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


UNSHIFTED = {
    "exact": lambda rgb: rgb,
    "jpeg75": lambda rgb: _jpeg(rgb, 75),
    "jpeg50": lambda rgb: _jpeg(rgb, 50),
    "area0.5": lambda rgb: cv2.resize(rgb, (128, 128), interpolation=cv2.INTER_AREA),
    "cubic2": lambda rgb: cv2.resize(rgb, (512, 512), interpolation=cv2.INTER_CUBIC),
    "noise2": lambda rgb: np.clip(
        rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255
    ).round().astype(np.uint8),
}


@pytest.mark.parametrize("how", sorted(UNSHIFTED))
@pytest.mark.parametrize("cmap", ["jet", "viridis", "coolwarm"])
def test_unshifted_pictures_are_left_alone(cmap: str, how: str) -> None:
    picture = UNSHIFTED[how](imsave_rgb(_field("camera"), cmap))
    with warnings.catch_warnings():
        warnings.simplefilter("error", ColorShiftWarning)
        result = tp.Decolorizer(cmap, vmin=0, vmax=255).decode(picture)
    assert result.shift is None


@pytest.mark.parametrize("offset,gain,gamma", [(16.0, 219 / 255, 1.0), (0.0, 1.0, 0.818),
                                               (4.0, 1.0, 1.0), (-3.0, 1.02, 1.2)])
def test_undoing_a_shift_gives_back_the_colors(offset: float, gain: float, gamma: float) -> None:
    shift = ColorShift((offset,) * 3, (gain,) * 3, (gamma,) * 3)
    colors = np.random.default_rng(0).integers(0, 256, (500, 3)).astype(np.uint8)
    moved = np.round(np.clip(shift.shifted(colors), 0, 255)).astype(np.uint8)
    back = shift.undone(moved).astype(int)
    # (within what rounding the moved colors to bytes loses: 1 / the curve's slope)
    slope = gain * gamma * np.maximum(colors / 255.0, 1e-3) ** (gamma - 1)
    kept = (moved > 0) & (moved < 255)
    assert np.all(np.abs(back - colors)[kept] <= np.ceil(0.5 / slope[kept] + 0.5))
