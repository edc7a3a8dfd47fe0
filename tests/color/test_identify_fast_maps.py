"""identify_colormap on maps that change color faster than JPEG keeps chroma (``prism``, ``flag``).

Before, a ``prism_r`` picture of a smooth field saved by Pillow at q95 (4:2:0) was named
``gnuplot`` (score 0.17, prism 0.10): a couple of table entries a pixel make the picture
colored noise whose 2x2 chroma means match no map pixel by pixel (``_fast_maps``).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.color._identify._fast_maps import FAST_STEP_DN, fast_tables
from truepix.color._identify._match import _candidates


def _fbm(n: int = 128, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n)))
    k[0, 0] = 1.0
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * k**-2.2))
    return (f - f.min()) / np.ptp(f)


def _drawn(name: str) -> np.ndarray:
    return np.ascontiguousarray(matplotlib.colormaps[name](_fbm(), bytes=True)[..., :3])


def test_the_kind_is_prism_and_flag_only() -> None:
    tables = _candidates()
    assert sorted(tables.names[m] for m in fast_tables(tables.luts, tables.sizes)) == [
        "flag", "prism",
    ]  # fmt: skip
    assert FAST_STEP_DN > 24  # MATLAB's 64-entry hsv, the next fastest, stays out


@pytest.mark.parametrize(("used", "quality"), [("prism_r", 95), ("prism", 75), ("flag", 95)])
def test_a_jpegd_fast_map_is_named(used: str, quality: int) -> None:
    matches = tp.identify_colormap(pillow_jpeg(_drawn(used), quality), top=3)
    assert matches[0].name == used.removesuffix("_r")


@pytest.mark.parametrize("used", ["jet", "hsv", "gist_ncar", "twilight"])
def test_other_maps_jpegd_keep_their_names(used: str) -> None:
    assert tp.identify_colormap(pillow_jpeg(_drawn(used), 75), top=1)[0].name == used
