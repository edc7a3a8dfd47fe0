"""Arrays past what a PNG's side holds even when folded: refused with one wording, for .tif."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import truepix as tp
from truepix import errors
from truepix.io import _png


@pytest.mark.parametrize(
    ("array", "unit"),
    [
        (np.arange(3 * 4096, dtype=np.uint16), "samples"),  # gray, folded in its own depth
        (np.linspace(0, 1, 3 * 4096), "bytes"),  # float64: byte planes, folded
    ],
    ids=["gray", "planes"],
)
@pytest.mark.parametrize("suffix", [".png", ".jxl"])
def test_too_long_for_png_even_folded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, array: np.ndarray, unit: str, suffix: str
) -> None:
    monkeypatch.setattr(_png, "MAX_SIDE", 2)  # the real limit (10**6) needs gigabytes
    with pytest.raises(errors.ShapeError) as caught:
        tp.save(tmp_path / f"long{suffix}", array)
    assert str(caught.value).startswith(f"expected an array of at most {2 * 4096} {unit} for PNG")
    assert str(caught.value).endswith("; save it as .tif")
    assert not (tmp_path / f"long{suffix}").exists()
    saved = tp.save(tmp_path / "long.tif", array)
    assert saved.exact and np.array_equal(tp.load(tmp_path / "long.tif"), array)
