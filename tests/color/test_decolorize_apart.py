"""A figure of two heatmaps, each with its own map, decoded whole with one panel's map:
the other panel rightly comes back NaN, and the warning says where it lies and what to do
(crop, or read_figure), not "is cmap right?" (trial 48, t57: a right map was doubted)."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import OffMapWarning


def _saved(figure: plt.Figure, quality: int | None) -> np.ndarray:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    pixels = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    if quality is None:
        return pixels
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


def _fields() -> tuple[np.ndarray, np.ndarray]:
    y, x = np.mgrid[0:120, 0:160] / 120
    return 0.5 + 0.5 * np.sin(3 * x + 1) * np.cos(2 * y), np.cos(4 * x) * np.sin(3 * y + 0.5)


def _offmap_messages(picture: np.ndarray, **kwargs) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, **kwargs)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize("quality", [None, 75])
@pytest.mark.parametrize("right", ["jet", "RdBu_r"])
def test_a_second_panel_is_named_as_the_cause(quality, right) -> None:
    left_field, right_field = _fields()
    figure, (left, other) = plt.subplots(1, 2, figsize=(10, 4))
    figure.colorbar(left.imshow(100 * left_field, cmap="viridis", vmin=0, vmax=100), ax=left)
    figure.colorbar(other.imshow(5 * right_field, cmap=right, vmin=-5, vmax=5), ax=other)
    picture = _saved(figure, quality)
    width = picture.shape[1]
    panels = (("viridis", 0, 100, slice(0, width // 2)), (right, -5, 5, slice(width // 2, width)))
    for cmap, lo, hi, half in panels:
        values, messages = _offmap_messages(picture, cmap=cmap, vmin=lo, vmax=hi)
        assert not any("is cmap right" in m for m in messages), messages
        for message in messages:  # where it warns, it names the other panel's place
            assert "read_figure" in message
            columns = [int(c) for c in message.split("columns ")[1].split(")")[0].split("-")]
            other_half = (0, width // 2) if half.start else (width // 2, width)
            assert other_half[0] - 40 <= columns[0] and columns[1] <= other_half[1] + 40, message
        # the panel of this map decodes: its plot's pixels are values
        assert np.isfinite(values[:, half]).sum() > 0.3 * picture.shape[0] * width / 2


@pytest.mark.parametrize("quality", [None, 75])
def test_a_wrong_map_is_still_doubted(quality) -> None:
    """One panel, decoded with a map it was not drawn with: its NaN lie among the few
    pixels that match, so no panel is blamed."""
    field, _ = _fields()
    figure, axes = plt.subplots(figsize=(5, 4))
    figure.colorbar(axes.imshow(field, cmap="jet"), ax=axes)
    _, messages = _offmap_messages(_saved(figure, quality), cmap="magma", vmin=0, vmax=1)
    assert messages and not any("apart" in m for m in messages), messages
