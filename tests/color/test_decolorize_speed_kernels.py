"""Kernels written for speed answer as the array code they replace (the oracles below,
numpy as it was), and the alpha check is skipped only where it cannot find anything.

- ``_full_chroma.chroma_phase``'s jumps and ``_grid.chroma_grid``'s zero counts, each
  one numba pass over its crop: the numpy expressions they replaced, on Pillow JPEGs
  (4:4:4 and 4:2:0) and exact renders;
- ``_levels._jpeg_places``' table of near samples (``_near_counts``): numpy's, count
  for count;
- ``_result.warn_off_map`` runs ``_faded`` (a map drawn with alpha over white) on JPEG'd
  pictures and on pictures with pixels off the map, not on exact renders whose every
  pixel decoded within ``_exact.EXACT_THRESHOLD``; its warnings stay as they were
  (``test_decolorize_alpha_screen``).
"""

from __future__ import annotations

import io
import re
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import fbm, pillow_jpeg

from truepix import Decolorizer
from truepix.color._decolorize import _faded, _levels
from truepix.color._decolorize import _full_chroma as full
from truepix.color._decolorize._grid import _CHROMA, _DCT, CHROMA_BUSY, DCT_MIN_BLOCKS, DCT_ZERO
from truepix.color._decolorize._grid import DCT_SIDE, chroma_grid

matplotlib.use("Agg")


def _render(cmap: str, size: int = 256) -> np.ndarray:
    return np.ascontiguousarray(matplotlib.colormaps[cmap](fbm(size, 3), bytes=True)[..., :3])


def _pictures() -> list[np.ndarray]:
    pictures = []
    for cmap in ("viridis", "jet", "coolwarm"):
        rgb = _render(cmap, 300)
        pictures.append(rgb)
        pictures += [pillow_jpeg(rgb, q, s) for q in (50, 90) for s in (0, 2)]
    return pictures


def _phase_oracle(pixels: np.ndarray) -> tuple[float, float]:
    """``chroma_phase`` as numpy computed it (float32 chroma, per-boundary means)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, full.PHASE_SIDE) // 16 * 16, min(width, full.PHASE_SIDE) // 16 * 16
    top, left = (height - side_y) // 32 * 16, (width - side_x) // 32 * 16
    crop = pixels[top : top + side_y, left : left + side_x, :3].astype(np.float32)
    weights = _CHROMA.astype(np.float32)
    chroma = (weights @ crop.reshape(-1, 3).T).reshape(2, side_y, side_x)
    jumps = np.zeros(3)
    for axis in (1, 2):
        step = np.abs(np.diff(chroma, axis=axis)).sum(axis=0).mean(axis=2 - axis)
        at = np.arange(1, len(step) + 1) % 16
        jumps += step[at == 8].mean(), step[at == 0].mean(), step[at % 8 != 0].mean()
    excess = jumps[1] - jumps[2]
    ratio = float((jumps[0] - jumps[2]) / excess) if excess > 0 else 0.0
    return ratio, float(jumps[1] / max(jumps[2], 1e-9))


def _grid_oracle(pixels: np.ndarray) -> float:
    """``chroma_grid`` as numpy computed it (stacked matrix DCTs of the blocks)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, DCT_SIDE + 8), min(width, DCT_SIDE + 8)
    top, left = (height - side_y) // 2, (width - side_x) // 2
    chroma = pixels[top : top + side_y, left : left + side_x, :3].astype(np.float64) @ _CHROMA.T
    n_y, n_x = (side_y - 8) // 8, (side_x - 8) // 8
    zeros, counted = np.zeros(2), np.zeros(2)
    for index, shift in enumerate((0, 4)):
        dy, dx = (-top % 8 + shift) % 8, (-left % 8 + shift) % 8
        blocks = chroma[dy : dy + 8 * n_y, dx : dx + 8 * n_x]
        blocks = blocks.reshape(n_y, 8, n_x, 8, 2).transpose(0, 2, 4, 1, 3)
        coefficients = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)[:, 1:]
        busy = np.abs(coefficients).max(axis=1) > CHROMA_BUSY
        if np.count_nonzero(busy) < DCT_MIN_BLOCKS:
            return 1.0
        zeros[index] = np.count_nonzero(np.abs(coefficients[busy]) <= DCT_ZERO)
        counted[index] = coefficients[busy].size
    shares = zeros / counted
    return float(shares[0] / shares[1]) if shares[1] > 0 else 1.0


def test_chroma_phase_and_grid_answer_as_their_numpy_oracles() -> None:
    for picture in _pictures():
        # (float32 sums in another order: the same ratios to 1e-4)
        np.testing.assert_allclose(full.chroma_phase(picture), _phase_oracle(picture), rtol=1e-4)
        # (a coefficient within rounding of DCT_ZERO may count on either side)
        assert chroma_grid(picture) == pytest.approx(_grid_oracle(picture), rel=1e-3)
    assert full.chroma_phase(np.zeros((20, 300, 3), np.uint8)) == (0.0, 1.0)
    assert chroma_grid(np.zeros((20, 300, 3), np.uint8)) == 1.0


@pytest.mark.parametrize("levels", [None, 5, 9])
def test_jpeg_places_counts_are_numpys(levels: int | None) -> None:
    """The near samples of every step count, as numpy's (steps x samples) table
    counted them, on the decoded values of a JPEG'd field (in levels or not)."""
    cmap = plt.get_cmap("viridis") if levels is None else plt.get_cmap("viridis", levels)
    rgb = np.ascontiguousarray(cmap(fbm(256, 5), bytes=True)[..., :3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        values = Decolorizer("viridis", vmin=0, vmax=1).values(pillow_jpeg(rgb, 75, 2))
    sample = values.reshape(-1)[:: -(-values.size // _levels.SAMPLE)]
    sample = sample[np.isfinite(sample)]
    reach = _levels.JPEG_REACH / 256
    steps = np.arange(2, _levels.JPEG_LEVELS, dtype=np.float64)
    k = np.rint(sample[None] * steps[:, None])
    expected = np.count_nonzero(np.abs(sample[None] - k / steps[:, None]) <= reach, axis=1)
    counts = np.zeros(len(steps), np.int64)
    _levels._near_counts(sample, steps, reach, counts)
    np.testing.assert_array_equal(counts, expected)


def _faded_calls(picture: np.ndarray, cmap: str, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = []
    original = _faded.faded_advice

    def counted(decoder, image):
        calls.append(1)
        return original(decoder, image)

    monkeypatch.setattr(_faded, "faded_advice", counted)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    return len(calls)


def test_the_alpha_check_skips_only_pictures_decoded_within_the_exact_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rgb = _render("coolwarm")
    buffer = io.BytesIO()
    plt.imsave(buffer, fbm(256, 3), cmap="coolwarm", format="png")
    saved = np.asarray(Image.open(buffer).convert("RGB"))
    assert _faded_calls(rgb, "coolwarm", monkeypatch) == 0
    assert _faded_calls(saved, "coolwarm", monkeypatch) == 0
    # JPEG'd, drawn at alpha 0.9 over white, or with a stroke off the map: checked
    assert _faded_calls(pillow_jpeg(rgb, 90, 2), "coolwarm", monkeypatch) == 1
    blend = np.rint(0.9 * rgb + 0.1 * 255).astype(np.uint8)
    assert _faded_calls(blend, "coolwarm", monkeypatch) == 1
    stroked = rgb.copy()
    stroked[100:103, 20:200] = (0, 255, 0)
    assert _faded_calls(stroked, "coolwarm", monkeypatch) == 1


def test_a_faded_blend_that_decodes_within_the_threshold_is_still_advised() -> None:
    """A smooth diverging field drawn at alpha 0.85 over white decodes with noise 0:
    its colors are not within EXACT_THRESHOLD of the map, so the alpha check runs."""
    field = np.add.outer(np.linspace(0, 1, 512), np.linspace(0, 1, 512)) / 2
    rgb = matplotlib.colormaps["PiYG"](field, bytes=True)[..., :3].astype(np.float64)
    blend = np.rint(0.85 * rgb + 0.15 * 255).astype(np.uint8)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Decolorizer("PiYG", vmin=0, vmax=1).values(blend)
    advised = [re.search(r"'PiYG' drawn at alpha=([0-9.]+)", str(w.message)) for w in caught]
    alphas = [float(found.group(1)) for found in advised if found]
    assert len(alphas) == 1 and abs(alphas[0] - 0.85) <= 0.02, [str(w.message) for w in caught]
