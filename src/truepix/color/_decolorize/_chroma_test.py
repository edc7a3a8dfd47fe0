"""JPEG's 4:2:0 chroma test on a plan's sample (:func:`sample_rows`): :func:`chroma_errors`.

``_plan.make_plan`` compares the test's two errors only by their ratio, against a
few fixed ratios (JPEG_MODEL_RATIO, JPEG_WEAK_RATIO, 1). The scored rows are bands
spread over the picture; every other band is a sample of the same picture, and on
it the ratio comes within 6 % of the whole's (10 maps x real and smooth fields x
JPEG q50-95 4:2:0 and 4:4:4, noise, resize + JPEG, annotated figures, 704^2: the
largest gap 0.389 against 0.412). So the test reads half the bands first and the
other half only when that ratio lies within RATIO_MARGIN of one of the ratios the
plan compares it with: most JPEG'd, noisy and 4:4:4 pictures decide on half the
sample, which saves half the test and half of its luma positions (a JPEG'd
megapixel: ~1.2 of ~17 ms, one thread). The answer is the whole test's wherever
it is not (the errors of both halves add up to it).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._fills import fill_free

__all__ = [
    "BAND_ROWS", "RATIO_MARGIN", "SAMPLE_PIXELS", "chroma_errors", "sample_rows", "scored_rows",
]

#: Pixels of a big picture that noise, threshold and JPEG-ness are decided on.
SAMPLE_PIXELS = 200_000
#: ... in bands of this many rows (three rows of JPEG's 2x2 chroma blocks).
BAND_ROWS = 6
#: The half sample decides when its ratio is this far (relative) from each ratio
#: compared: 1.7x the largest gap measured.
RATIO_MARGIN = 0.1
#: Bands (of 6 rows) the sample needs before a half of them decides.
HALF_BANDS = 8
#: A figure's margin (a fill) near the map's end -- white beside YlGnBu's or
#: RdBu's light end, 38 DN from it, within the threshold -- decodes there, and its
#: chroma's distance to the map's, the same for both models, swamps the ratio: the
#: matplotlib annotated-heatmap recipe (benchmarks/_heatmap_figures.py, YlGnBu 6x8,
#: savefig JPEG q90 / q75) 0.964-0.971, read as no JPEG (JPEG_WEAK_RATIO 0.96), and
#: its cells' edges, whose chroma 4:2:0 mixed with the next cell's, 40+ DN off the
#: map, came back NaN (0.21-0.34 % of the data); its cells alone 0.18-0.32.
FILLS_LEFT_OUT = True
#: The test reads only 2x2 blocks whose pixels (and their neighbours') all lie within
#: the threshold. Where lossy coding moved most pixels past it, it reads next to none:
#: Pillow WebP (q50-q90) and AVIF (q75) of white noise through jet, viridis, coolwarm
#: (192^2) read none at all (errors 0 and 0: no JPEG, 29-98 % NaN), and jet's blurred
#: noise at WebP q90 a few, ratio 1.2 (26 % NaN). When more than WIDE_SHARE of the
#: pixels lie past the threshold, the test also reads every pixel, and the lower of the
#: two ratios counts: the lossy pictures above 0.02-0.19; white noise with 20 DN noise
#: 6.7-39 (the thresholded one kept); shrunk 0.5x by area 0.45-1.31, 2x cubic 0.50 --
#: which luma, smoothed by resampling (``_plan.LUMA_KEPT``), tells from 4:2:0.
WIDE_SHARE = 0.2


def scored_rows(sample: np.ndarray, step: int) -> tuple[np.ndarray, int]:
    """The rows of a sample that ``chroma_subsampling_test`` reads at block-row step
    ``step``, and the step that reads them all in the same order.

    The test scores every ``step``-th block row with one block row of context on each
    side: 6 pixel rows from row ``2 k step``. From step 3 on rows lie between them
    (half of a banded sample, see ``_plan.sample_rows``), whose codes it never reads.
    """
    n_picks = max(0, (sample.shape[0] // 2 - 2 + step - 1) // step)
    if step < 3 or n_picks == 0:
        return sample, step
    rows = (2 * step * np.arange(n_picks))[:, None] + np.arange(6)
    return np.ascontiguousarray(sample[rows.ravel()]), 3


def chroma_errors(
    decoder: Any, kind: str, scale: float, sample: np.ndarray, step: int, max_code: int,
    ratios: tuple[float, ...], ycc: np.ndarray, fills: np.ndarray | None = None,
    past_share: float = 0.0,
) -> tuple[float, float]:  # fmt: skip
    """``chroma_subsampling_test``'s (e_map, e_model) on the plan's ``sample`` (block-row
    step ``step``), or on half its bands where their ratio decides every comparison
    with ``ratios`` (see the module's docstring). The 2x2 blocks with a pixel of
    ``fills`` (a figure's margin, ``_fills.fill_boxes``) are left out: see FILLS_LEFT_OUT.
    ``past_share``: the share of pixels past the threshold (see WIDE_SHARE)."""
    e_map, e_model = _thresholded(
        decoder, kind, scale, sample, step, max_code, ratios, ycc, fills
    )  # fmt: skip
    if past_share <= WIDE_SHARE or max_code >= kernels.RESIDUAL_MAX_CODE:
        return e_map, e_model
    wide_map, wide_model = _thresholded(
        decoder, kind, scale, sample, step, kernels.RESIDUAL_MAX_CODE, ratios, ycc, fills
    )  # fmt: skip
    if wide_map > 0.0 and (e_map <= 0.0 or wide_model * e_map < e_model * wide_map):
        return wide_map, wide_model
    return e_map, e_model


def _thresholded(
    decoder: Any, kind: str, scale: float, sample: np.ndarray, step: int, max_code: int,
    ratios: tuple[float, ...], ycc: np.ndarray, fills: np.ndarray | None,
) -> tuple[float, float]:  # fmt: skip
    """:func:`chroma_errors` on the blocks within ``max_code``."""
    scored, scored_step = scored_rows(sample, step)
    n_bands = scored.shape[0] // 6
    fills = fills if fills is not None and len(fills) else None
    if scored_step != 3 or n_bands < 2 * HALF_BANDS:
        return _errors(decoder, kind, scale, scored, scored_step, max_code, ycc, fills)
    bands = scored.reshape(n_bands, 6, *scored.shape[1:])
    first = _errors(decoder, kind, scale, bands[0::2], 3, max_code, ycc, fills)
    e_map, e_model = first
    if e_map > 0.0 and all(abs(e_model / e_map - ratio) > RATIO_MARGIN * ratio for ratio in ratios):
        return first
    second = _errors(decoder, kind, scale, bands[1::2], 3, max_code, ycc, fills)
    return e_map + second[0], e_model + second[1]


def _errors(
    decoder: Any, kind: str, scale: float, rows: np.ndarray, step: int, max_code: int,
    ycc: np.ndarray, fills: np.ndarray | None,
) -> tuple[float, float]:  # fmt: skip
    """The test on ``rows`` (6 rows per band at step 3, or a sample), luma positions
    from the decoder's memo; ``fills``' pixels count as off the map (code 0: unread)."""
    width = rows.shape[-2]
    # read-only, however the rows came: one compile of the test serves every picture
    flat = kernels.readonly(np.ascontiguousarray(rows).reshape(-1, rows.shape[-1]))
    line = decoder._grid(kind, "luma").line
    # (half a megapixel's sample, 49 152 pixels: on one thread, as pictures that small
    # are; two threads woke for a few hundred microseconds' work twice over) -- but a
    # new decoder's first (a map seen first) projects the sample's 7 000-13 000 colors,
    # 1.5-3 ms on one thread (JPEG q75 1 MP): on the threads the picture has
    first = kind in decoder._bytes and decoder._memo(kind, "jpeg").n_blocks == 0
    with kernels.threads_for(len(flat), 0 if first else kernels.SERIAL_BELOW):
        luma_codes = kernels.readonly(decoder._codes(flat, kind, scale, "jpeg"))  # one compile
    with kernels.threads_for(len(flat)):
        if fills is not None:
            free = fill_free(flat, fills)
            luma_codes = kernels.readonly(np.where(free, luma_codes, 0).astype(luma_codes.dtype))
        e_map, e_model = degraded.chroma_subsampling_test(
            flat, scale, luma_codes, width, max_code, line.vertices, line.positions,
            float(line.n_bins), line.cyclic, step, ycc,
        )  # fmt: skip
    return float(e_map), float(e_model)


def sample_rows(pixels: np.ndarray) -> tuple[np.ndarray, int]:
    """Rows of a picture to plan on, and the block-row step of the JPEG test.

    Small pictures are their own sample. Larger ones give bands of 6 rows (three rows
    of JPEG's 2x2 chroma blocks, starting on even rows) spread over the height,
    SAMPLE_PIXELS in all; the test then scores the middle block row of every other
    band (some 30 000 pixels: the two models' errors differ by far more than that
    many pixels' noise).
    """
    height, width = pixels.shape[:2]
    if height * width <= 2 * SAMPLE_PIXELS:
        return pixels, max(1, height * width // 60_000)
    n_bands = int(min(max(1, SAMPLE_PIXELS // (BAND_ROWS * width)), height // BAND_ROWS))
    starts = (np.linspace(0, height - BAND_ROWS, n_bands) // 2 * 2).astype(np.intp)
    rows = (starts[:, None] + np.arange(BAND_ROWS)).ravel()
    return np.ascontiguousarray(pixels[rows]), BAND_ROWS
