"""A JPEG'd picture's quality read off its luma's steps (``_deblock.quality_scale``) sets
how hard the DCT shrinkage of textured fields smooths (issue 11: q50 pictures carry
more of luma's quantization than the residual's capped noise says, q90 less)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.color._decolorize import _deblock
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._plan import make_plan

from ._photographs import field_256, fbm, nearest_bins


def _jpeg(rgb: np.ndarray, quality: int, subsampling: int = 2) -> tuple[np.ndarray, float]:
    """Pillow's JPEG of ``rgb`` read back, and the scale of JPEG's luma table its file
    holds (its quantization table over the quality-50 one, the median ratio)."""
    buffer = io.BytesIO()
    rgb = np.ascontiguousarray(rgb[..., :3])
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    image = Image.open(io.BytesIO(buffer.getvalue()))
    table = np.array(image.quantization[0], dtype=np.float64).reshape(8, 8)
    low = _deblock.QUALITY_LOW
    scale = float(np.median(table.flat[low] / _deblock.QUANT.flat[low]))
    return np.asarray(image.convert("RGB")), scale


def _field() -> np.ndarray:
    """A seeded textured field (fBm terrain with the camera's scale of detail)."""
    return fbm(256, seed=5)


@pytest.mark.parametrize("name", ["viridis", "Spectral", "terrain"])
@pytest.mark.parametrize("quality", [90, 75, 50])
@pytest.mark.parametrize("subsampling", [2, 1])
def test_quality_scale_reads_the_file_table(name: str, quality: int, subsampling: int) -> None:
    """The scale read off the decoded pixels is the file's own (Pillow's table), 4:2:0
    and 4:2:2 alike, within 15 %."""
    picture, scale = _jpeg(tp.colorize(_field(), cmap=name, vmin=0, vmax=1), quality, subsampling)
    read = _deblock.quality_scale(picture)
    assert read is not None and abs(read / scale - 1) < 0.15, (read, scale)


def test_quality_scale_reads_nothing_that_is_no_jpeg_on_its_grid() -> None:
    """No reading from an exact render, white noise, a JPEG cut off its 8x8 grid, a
    float picture or one too small: the shrinkage keeps the noise it had (share 1)."""
    rgb = np.ascontiguousarray(tp.colorize(_field(), cmap="viridis", vmin=0, vmax=1)[..., :3])
    noisy = np.random.default_rng(2).normal(rgb, 2.0).clip(0, 255).round().astype(np.uint8)
    picture, _ = _jpeg(rgb, 75)
    for other in (rgb, noisy, picture[3:, 5:], picture / 255.0, picture[:6, :6]):
        assert _deblock.quality_scale(other) is None
        assert _deblock.quality_share(other) == 1.0
    assert _deblock.quality_share(picture) == pytest.approx(1.0, abs=0.15)


def _errors(picture: np.ndarray, field: np.ndarray, name: str) -> tuple[float, float]:
    """Mean error of the default call (a hole counted as the full range) and of the
    k-d tree (nearest table color's bin centre)."""
    values = tp.decolorize(picture, cmap=name, vmin=0, vmax=1)
    error = np.where(np.isnan(values), 1.0, np.abs(values - field))
    return float(error.mean()), float(np.abs(nearest_bins(picture, name) - field).mean())


@pytest.mark.parametrize(
    ("name", "bound"), [("viridis", 0.74), ("cividis", 0.86), ("magma", 0.84), ("RdBu", 0.94)]
)
def test_q50_photograph_smoothed_by_its_quality(
    name: str, bound: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q50 (Pillow 4:2:0) on a photograph: the shrinkage at the quality's share
    beats the residual's capped noise alone (the share held at 1: 0.748 / 0.870 / 0.847
    / 0.952 of the k-d tree's error), and the default call, holes counted, errs at most
    ``bound`` times the k-d tree's (0.735 / 0.855 / 0.832 / 0.930 measured)."""
    field = field_256("camera")
    picture, _ = _jpeg(tp.colorize(field, cmap=name, vmin=0, vmax=1), 50)
    plan = make_plan(Decolorizer(name, vmin=0, vmax=1), picture, "u8", 1.0)
    assert plan.jpeg and plan.dct and _deblock.quality_share(picture) > 2.0
    error, baseline = _errors(picture, field, name)
    monkeypatch.setattr(_deblock, "QUALITY_SHARES", (1.0, 1.0))
    unshared, _ = _errors(picture, field, name)
    assert error < 0.99 * unshared, error / unshared
    assert error <= bound * baseline, error / baseline
