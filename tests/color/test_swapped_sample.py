"""``_swapped.looks_bgr`` reads its sample as it is where no color can weigh more than
the cap (``_within``'s hash counts): the same verdict as the capped distinct colors
(the rule as written, with numpy's unique as oracle) on JPEG'd pictures, RGB and BGR."""

from __future__ import annotations

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from tests.color._photographs import camera_256

import truepix as tp
from truepix.color._decolorize import _swapped
from truepix.color._decolorize._histogram import residual_histogram
from truepix.color._decolorize._plan import make_plan


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", rgb[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.ascontiguousarray(cv2.imdecode(data, cv2.IMREAD_COLOR)[..., ::-1])


def _oracle(decoder, flat: np.ndarray, codes: np.ndarray) -> bool:
    """The rule with every color counted by numpy's unique and capped at COLOR_SHARE."""
    sample = flat[:: max(1, len(flat) // _swapped.SAMPLE)]
    codes = codes[:: max(1, len(flat) // _swapped.SAMPLE)]
    _, first, counts = np.unique(sample, axis=0, return_index=True, return_counts=True)
    repeats = np.minimum(counts, max(1, int(_swapped.COLOR_SHARE * len(sample))))
    own = residual_histogram(np.repeat(codes[first], repeats))
    swapped = np.ascontiguousarray(np.repeat(sample[first], repeats, 0)[:, [2, 1, 0]])
    other = residual_histogram(decoder._codes(swapped, "u8", 1.0, "rgb"))
    on_map = _swapped._swap_on_map(decoder._map.lut_bytes)
    ratio = _swapped.ON_MAP_RATIO if on_map else _swapped.RATIO
    return _swapped._truncated_mean(other) <= ratio * _swapped._truncated_mean(own)


def test_within_never_passes_a_color_over_the_cap() -> None:
    rng = np.random.default_rng(0)
    for trial in range(40):
        cap = int(rng.integers(2, 40))
        sample = rng.integers(0, 256, (int(rng.integers(50, 3000)), 3), dtype=np.uint8)
        planted = int(rng.integers(cap - 1, cap + 2))  # at, below and past the cap
        sample[:planted] = sample[0]
        rng.shuffle(sample)
        _, counts = np.unique(sample, axis=0, return_counts=True)
        if _swapped._within(sample, cap):
            assert counts.max() <= cap, trial
    # a color exactly at the cap, the rest distinct: within
    sample = np.stack(np.unravel_index(np.arange(1000) * 7919, (256, 256, 256)), 1)
    sample = sample.astype(np.uint8)
    sample[:20] = sample[0]
    assert _swapped._within(sample, 20)
    assert not _swapped._within(sample, 19)


@pytest.mark.parametrize("cmap", ["jet", "coolwarm", "viridis", "turbo"])
@pytest.mark.parametrize("quality", [50, 90])
def test_looks_bgr_as_the_capped_distinct_colors(cmap: str, quality: int) -> None:
    field = cv2.resize(camera_256(), (512, 512), interpolation=cv2.INTER_CUBIC) / 255.0
    rgb = mpl.colormaps[cmap](field, bytes=True)[..., :3]
    flat_area = rgb.copy()
    flat_area[:200] = rgb[0, 0]  # one color over 40 % of the picture: capped
    for picture in (rgb, rgb[..., ::-1], flat_area, flat_area[..., ::-1]):
        picture = _jpeg(np.ascontiguousarray(picture), quality)
        decoder = tp.Decolorizer(cmap, vmin=0.0, vmax=1.0)
        plan = make_plan(decoder, picture, "u8", 1.0)  # (the memo's answers: as decoded)
        flat = picture.reshape(-1, 3)
        codes = decoder._codes(flat, "u8", 1.0, "rgb")
        hist = residual_histogram(codes)
        found = _swapped.looks_bgr(decoder, "u8", 1.0, flat, hist, 9.0, plan.max_code, codes)
        assert found == _oracle(decoder, flat, codes)
