"""A plain picture (no figure, no colorbar) of a map through white drawn with alpha over
white, decoded by name without alpha: ``cmap(norm(x), alpha=a)`` composited over white,
saved by matplotlib as PNG or by Pillow as JPEG. Before ``_faded_plain`` these came back
silently wrong -- values pulled toward the middle, 3-11 % of the range off, coolwarm at
0.6 a third NaN -- because no check saw the blend (a rough field has too few smooth
blocks for ``_faded``; the blend fit settles on a wrong alpha for diverging maps). Now
the warning names the alpha; opaque pictures that span only part of the map (their
colors on the map, JPEG'd or not) stay quiet."""

from __future__ import annotations

import io
import re

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image
from tests.color._photographs import fbm
from tests.color._warned import off_map_messages

from truepix.color._decolorize._faded_plain import plain_faded_fit


def _plain(cmap: str, data: np.ndarray, alpha: float, quality: int | None) -> np.ndarray:
    """``cmap(Normalize(0, 1)(data), alpha=alpha)`` over white, as uint8 RGB read back from
    matplotlib's PNG (``imsave``) or Pillow's JPEG at ``quality`` (4:2:0)."""
    rgba = mpl.colormaps[cmap](mpl.colors.Normalize(0, 1)(data), alpha=alpha)
    over = rgba[..., :3] * rgba[..., 3:] + (1.0 - rgba[..., 3:])
    rgb = np.clip(np.rint(over * 255), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    if quality is None:
        plt.imsave(buffer, rgb, format="png")
    else:
        Image.fromarray(rgb).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


@pytest.mark.parametrize(
    "cmap, alpha, quality",
    [
        ("coolwarm", 0.6, None),  # before: 33 % NaN, 11 % off, no warning
        ("RdBu_r", 0.8, None),  # 3.1 % off
        ("coolwarm", 0.8, None),  # 4.5 % off
        ("PiYG", 0.6, 90),  # 6.1 % off
        ("RdBu_r", 0.7, 75),  # 4.7 % off
        ("coolwarm", 0.9, 75),  # 2.7 % off
    ],
)
def test_a_plain_picture_drawn_with_alpha_over_white_is_named(
    cmap: str, alpha: float, quality: int | None
) -> None:
    messages = off_map_messages(_plain(cmap, fbm(200, 2), alpha, quality), cmap)
    assert len(messages) == 1, messages
    assert "over white" in messages[0], messages[0]
    named = float(re.findall(r"pass alpha=([0-9.]+)", messages[0])[0])
    assert abs(named - alpha) < 0.035, messages[0]


def test_a_third_of_the_picture_nan_is_told_with_its_share() -> None:
    message = off_map_messages(_plain("coolwarm", fbm(200, 2), 0.6, None), "coolwarm")[0]
    # the light faded middle is data here, not paper: counted in the share
    share = float(re.findall(r"^(\d+)% of the picture's pixels", message)[0])
    assert share >= 30, message


@pytest.mark.parametrize("cmap", ["RdBu_r", "PiYG", "coolwarm", "seismic", "viridis"])
@pytest.mark.parametrize("low, high", [(0.3, 0.7), (0.4, 0.6), (0.5, 1.0)])
@pytest.mark.parametrize("quality", [None, 75])
def test_an_opaque_picture_of_part_of_the_map_stays_quiet(
    cmap: str, low: float, high: float, quality: int | None
) -> None:
    # its colors are the map's (near its white middle, for a diverging map): no blend
    data = low + (high - low) * fbm(200, 2)
    assert off_map_messages(_plain(cmap, data, 1.0, quality), cmap) == []


def test_plain_faded_fit_reads_the_alpha_and_the_map_itself() -> None:
    entry = mpl.colormaps["RdBu_r"]
    table = np.rint(entry(np.linspace(0, 1, 256))[:, :3] * 255)
    lut = type("Entry", (), {"lut_bytes": table})()
    faded = (0.7 * table[::2] + 0.3 * 255).T.astype(np.float32)
    alpha, rms, opaque = plain_faded_fit(lut, np.ascontiguousarray(faded))
    assert alpha == pytest.approx(0.7) and rms < 1.0 < 5.0 < opaque
    alpha, rms, opaque = plain_faded_fit(lut, np.ascontiguousarray(table[1::2].T, np.float32))
    assert alpha == 1.0 and opaque < 1.0
