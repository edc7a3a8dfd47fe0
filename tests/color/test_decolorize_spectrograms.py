"""Spectrograms saved as JPEG: small flat cells whose dips are data, not strokes.

A user's spectrogram (issue 11, Deliver 1; trial 50's t84): ``scipy.signal.spectrogram``
drawn by ``pcolormesh(t, f, 10 log10 Sxx, shading="auto")``, or ``plt.specgram``, with a
colorbar, ``savefig`` JPEG q75 (Pillow). Its cells are 2-4 px across, and wherever the
noise floor dips a cell is lower than both its neighbours: ``_jumps`` took those cells for
a stroke in the map's colors (their positions a peak, as an ink's), and 4.5-8.9 % of the
plot area came back NaN. A stroke's cores lie along curves, the cells' in specks
(``_jumps.JUMP_CURVE_SHARE``). The oracle: the same figure drawn with gray (PNG), each
pixel's position its gray level's bin centre; the k-d tree's answer for the error ratio.
"""

from __future__ import annotations

import functools
import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy import signal

from tests.color._photographs import nearest_bins
from truepix.color._decolorize import _jumps
from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RATE = 8000
#: px cut from each side of the plot area (its frame and the JPEG ringing along it)
INSET = 3


def _signal() -> np.ndarray:
    """A quadratic chirp, a tone from 2 s on, and white noise (seeded): 4 s at RATE."""
    t = np.arange(0, 4, 1 / RATE)
    noise = np.random.default_rng(5).normal(0, 0.3, t.size)
    tone = 0.5 * np.sin(2 * np.pi * 1200 * t) * (t > 2)
    return signal.chirp(t, 200, 4, 3000, method="quadratic") + tone + noise


def _saved(figure, fmt: str, quality: int = 75) -> np.ndarray:
    buffer = io.BytesIO()
    options = {"pil_kwargs": {"quality": quality}} if fmt == "jpeg" else {}
    figure.savefig(buffer, format=fmt, dpi=100, **options)
    return np.asarray(Image.open(buffer).convert("RGB"))


@functools.cache
def _drawn(kind: str, cmap: str, ink: str | None, length: int, quality: int | None):
    """:func:`_spectrogram`'s figure; without ``ink``, its pictures at every quality."""
    figure, axes = plt.subplots()
    if kind == "specgram":
        artist = axes.specgram(_signal(), NFFT=length, Fs=RATE, cmap=cmap)[3]
    else:
        f, t, power = signal.spectrogram(_signal(), RATE, nperseg=length)
        artist = axes.pcolormesh(t, f, 10 * np.log10(power), shading=kind, cmap=cmap)
    figure.colorbar(artist, ax=axes, label="dB")
    low, high = artist.get_clim()
    box = axes.get_window_extent()
    height = int(figure.bbox.height)
    area = (slice(int(np.ceil(height - box.y1)) + INSET, int(height - box.y0) - INSET),
            slice(int(np.ceil(box.x0)) + INSET, int(box.x1) - INSET))  # fmt: skip
    if ink is not None:
        plain = _saved(figure, "png").astype(int)
        axes.plot([0.5, 3.5], [500, 3500], color=ink, linewidth=1.5)
        axes.text(0.3, 3300, "chirp 200-3000 Hz", color=ink, fontsize=12)
        picture = _saved(figure, "jpeg", quality or 75)
        truth = np.abs(_saved(figure, "png").astype(int) - plain).max(-1)[area] >= 40
        plt.close(figure)
        return picture, area, truth, (low, high)
    pictures = {q: _saved(figure, "jpeg", q) if q else _saved(figure, "png") for q in QUALITIES}
    artist.set_cmap("gray")
    gray = _saved(figure, "png").astype(int)[area]
    plt.close(figure)
    flat = (gray.max(-1) - gray.min(-1)) <= 1  # (the cells, not the frame's antialiasing)
    truth = np.where(flat, (gray[..., 0] + 0.5) / 256, np.nan)
    return pictures, area, truth, (low, high)


QUALITIES = (75, 90, None)  # each plain spectrogram is drawn once, saved as JPEG q75, q90, PNG


def _spectrogram(
    kind: str, cmap: str, ink: str | None = None, length: int = 256, quality: int | None = 75
):
    """(JPEG picture at ``quality``, or PNG where None; plot-area slices, truth positions or
    NaN, clim) of the signal's spectrogram drawn by ``kind`` with a colorbar, ``length``
    samples a segment (``nperseg``, ``NFFT``); with ``ink``, a line and a label in that
    color over it, and the truth is the stroke mask instead (40 DN or more from the
    figure without them, PNG)."""
    if ink is not None:
        return _drawn(kind, cmap, ink, length, quality)
    pictures, area, truth, limits = _drawn(kind, cmap, None, length, None)
    return pictures[quality], area, truth, limits


#: holes 4.52-8.93 % before (trial 50); measured after: none, 0.62-0.77 of the k-d tree's
#: error (benchmarks/spectro/cells_jpeg.py)
@pytest.mark.parametrize("kind", ["auto", "specgram"])
@pytest.mark.parametrize("cmap", ["viridis", "magma"])
def test_jpeg_spectrogram_keeps_its_data(kind, cmap):
    holes, error, baseline = _scored(cmap, *_spectrogram(kind, cmap))
    assert holes <= 0.002
    assert error <= 0.9 * baseline


def _scored(cmap, picture, area, truth, limits):
    """The default decode of a spectrogram's plot area: its share of holes on data, and
    the mean error elsewhere with the k-d tree's (share of the range)."""
    low, high = limits
    values = decolorize(picture, cmap=cmap, vmin=low, vmax=high)[area]
    data = np.isfinite(truth)
    assert data.mean() > 0.95
    holes = np.isnan(values) & data
    kept = data & ~holes
    error = np.abs((values[kept] - low) / (high - low) - truth[kept]).mean()
    baseline = np.abs(nearest_bins(picture[area], cmap)[kept] - truth[kept]).mean()
    return holes.mean(), error, baseline


#: Long thin cells (``nperseg`` 512: 1.4 x 5.6 px, 128: 5.6 x 1.4 px) dip in bars 5-8 px
#: long, which lay along "curves" (17-32 % of the cores), and ``specgram``'s 512-point
#: chirp and tone are 1-px ridges of one color: 1.5-7.7 % holes at q75 before
#: (``_jumps._floor_level``: their sides lie at the noise floor's one level, a
#: stroke's at the many it crosses); measured after: 0-0.006 % on viridis, magma, inferno
@pytest.mark.parametrize("quality", [75, 90, None])
@pytest.mark.parametrize(("kind", "length"), [("auto", 512), ("auto", 128), ("specgram", 512)])
@pytest.mark.parametrize("cmap", ["viridis", "magma", "inferno"])
def test_thin_cells_and_ridges_keep_their_data(kind, length, cmap, quality):
    holes, error, baseline = _scored(
        cmap, *_spectrogram(kind, cmap, length=length, quality=quality)
    )
    assert holes <= 0.002
    # (PNG: specgram's imshow blends map colors; the nearest one is as good as any,
    # measured 1.01 on magma; a pcolormesh's cells 0.00-0.01)
    assert error <= (1.05 if quality is None else 0.9) * baseline


#: ... and what is drawn over it stays flagged: a line and a label in black (beyond
#: viridis's luma), white and red over magma, measured 98.7-99.8 % flagged. (Black over
#: magma, the map's own dark end, is ``_end_inks``' to find; the cells' dips hide it
#: there: 0 % flagged, where the dips' false ink took 56 % of it along.)
@pytest.mark.parametrize(("cmap", "ink"), [("viridis", "black"), ("magma", "white"),
                                           ("magma", "red")])  # fmt: skip
def test_strokes_over_jpeg_spectrogram_flagged(cmap, ink):
    picture, area, stroke, (low, high) = _spectrogram("auto", cmap, ink=ink)
    values = decolorize(picture, cmap=cmap, vmin=low, vmax=high)[area]
    assert np.isnan(values[stroke]).mean() >= 0.9
    # (the data a JPEG block or more from them kept: JPEG rings over the strokes' blocks)
    near = stroke.copy()
    for shift in range(-8, 9):
        near |= np.roll(stroke, shift, axis=0)
    wide = near.copy()
    for shift in range(-8, 9):
        wide |= np.roll(near, shift, axis=1)
    near = wide
    # (measured 0.00-0.26 %: red over magma leaves specks through the field, by another
    # rule than ``_jumps``; the same figure without it none)
    assert np.isnan(values[~near]).mean() <= 0.004


def test_curved_share_tells_lines_from_specks():
    """Cores along a line and a ring count; 2 x 2 specks (one small cell each) do not."""
    width = 64
    canvas = np.zeros((64, width), dtype=bool)
    canvas[5, 5:40] = True  # a line 35 px long
    yy, xx = np.mgrid[:64, :64]
    canvas[np.abs(np.hypot(yy - 10, xx - 52) - 6) < 0.5] = True  # a ring 12 px across
    line = np.flatnonzero(canvas)
    assert _jumps._curved_share(line, width) == 1.0
    specks = np.zeros((64, width), dtype=bool)
    for dy in (0, 1):  # 2 x 2 specks 6 px apart, below the line and the ring
        for dx in (0, 1):
            specks[24 + dy:64:6, 4 + dx:60:6] = True
    assert _jumps._curved_share(np.flatnonzero(specks), width) == 0.0
    both = np.flatnonzero(canvas | specks)
    share = np.count_nonzero(canvas) / len(both)
    assert _jumps._curved_share(both, width) == pytest.approx(share)
    assert _jumps._curved_share(np.zeros(0, dtype=np.int64), width) == 0.0
