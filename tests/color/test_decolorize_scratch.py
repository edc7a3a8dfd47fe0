"""A warm decoder keeps a JPEG'd picture's positions in its thread's float64 buffer
(``Memo.position_scratch``) where the DCT filter writes fresh values: the positions are
the detailed call's, the buffer is reused, and no value handed back lives in it."""

from __future__ import annotations

import io
import threading
from typing import Any

import matplotlib
import numpy as np
import pytest
from PIL import Image
from tests.color._photographs import camera_256

from truepix.color._catalog import get
from truepix.color._decolorize import _api as api
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize._palette import Memo


def _probe_colors(name: str, rng: np.random.Generator) -> np.ndarray:
    """Random colors, colors near the map, and the map's own colors."""
    table = get(name).lut_bytes[:, :3].astype(np.int64)
    near = table[rng.integers(0, len(table), 3000)] + rng.integers(-9, 10, (3000, 3))
    anywhere = rng.integers(0, 256, (3000, 3))
    return np.clip(np.vstack([table, near, anywhere]), 0, 255).astype(np.uint8)


def _jpeg_camera(name: str, quality: int, shift: int) -> np.ndarray:
    """The camera (textured: the DCT filter's pictures), drawn with ``name``, JPEG'd."""
    field = np.roll(camera_256(), shift, axis=0) / 255.0
    buffer = io.BytesIO()
    Image.fromarray(matplotlib.colormaps[name](field, bytes=True)[..., :3]).save(
        buffer, format="JPEG", quality=quality
    )
    return np.asarray(Image.open(buffer).convert("RGB"))


def test_kept_positions_are_the_detailed_ones() -> None:
    pixels = _probe_colors("jet", np.random.default_rng(13))
    decoder = Decolorizer("jet", vmin=0, vmax=1)
    position = memo_fields(decoder, pixels, "u8", "jpeg", 30)[0]
    first = memo_fields(decoder, pixels, "u8", "jpeg", 30, detailed=False, kept=True)[0]
    assert np.array_equal(first, position, equal_nan=True) and first.dtype == np.float64
    again = memo_fields(decoder, pixels[::-1], "u8", "jpeg", 30, detailed=False, kept=True)[0]
    assert np.shares_memory(first, again)  # (the same buffer, overwritten)
    assert np.array_equal(again, position[::-1], equal_nan=True)
    # a detailed call's positions are fresh whatever is asked
    detailed = memo_fields(decoder, pixels, "u8", "jpeg", 30, kept=True)[0]
    assert not np.shares_memory(detailed, again)


@pytest.mark.parametrize(("name", "quality"), [("viridis", 75), ("magma", 90), ("twilight", 75)])
def test_values_outlive_the_next_decode(
    monkeypatch: pytest.MonkeyPatch, name: str, quality: int
) -> None:
    asked: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs["kept"])
        return memo_fields(*args, **kwargs)

    monkeypatch.setattr(api, "memo_fields", spy)
    pictures = [_jpeg_camera(name, quality, shift) for shift in (0, 40)]
    decoder = Decolorizer(name, vmin=0, vmax=1)
    first = decoder.values(pictures[0])
    kept = first.copy()
    second = decoder.values(pictures[1])
    assert asked == [True, True]  # (the positions were the kept buffer's both times)
    assert not np.shares_memory(first, second)
    assert np.array_equal(first, kept, equal_nan=True)  # (not overwritten by the second)
    fresh = Decolorizer(name, vmin=0, vmax=1).values(pictures[0])
    assert np.array_equal(first, fresh, equal_nan=True)


def test_position_scratch_is_a_buffer_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from truepix.color._decolorize import _palette as palette

    monkeypatch.setattr(palette, "SCRATCH_PIXELS", 100)
    monkeypatch.setattr(palette, "_SCRATCH", threading.local())  # (none kept yet)
    residual, positions = Memo().scratch(100), Memo().position_scratch(100)
    assert positions.dtype == np.float64 and positions.shape == (100,)
    assert Memo().position_scratch(100) is positions and Memo().scratch(100) is residual
    assert not np.shares_memory(positions, residual)
    assert Memo().position_scratch(101) is not Memo().position_scratch(101)  # past the cap
