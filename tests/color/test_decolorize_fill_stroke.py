"""A stroke drawn beside a flat fill (a white empty region amid the data) is no ringing
of the fill: JPEG q75 keeps it a ridge of its own, data on both sides across it, where
the fill's ringing lies along the fill's edge with the fill on one side
(``_margins.stroke_ridges``; a black line 3-5 px from the white region over jet's dark
blues: 18-56 % of its core flagged, before)."""

import io
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402
from scipy.ndimage import binary_dilation  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.errors import OffMapWarning  # noqa: E402



def _png_and_jpeg(fig) -> list[np.ndarray]:
    """``fig`` saved as PNG and as JPEG q75 (and closed), read back as RGB."""
    pictures = []
    for fmt, extra in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": 75}})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=100, **extra)
        pictures.append(np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")))
    plt.close(fig)
    return pictures

def _pictures(cmap: str, low: float, high: float, gap: int, ink: str | None):
    """A seeded field between ``low`` and ``high`` (vmin 0, vmax 1) with a white region
    (masked, 60 x 120 px), and with ``ink``, a line below it and one right of it, ``gap``
    px from its edge (240 x 160 px): the PNG and the JPEG q75."""
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:160, 0:240]
    wave = 0.5 + 0.5 * np.sin(xx / 9.0) * np.cos(yy / 7.0)
    field = low + (high - low) * wave + 0.01 * rng.normal(size=xx.shape)
    mask = np.zeros(field.shape, dtype=bool)
    mask[40:100, 60:180] = True
    fig = plt.figure(figsize=(2.4, 1.6))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(np.ma.masked_array(field, mask), cmap=cmap, vmin=0, vmax=1,
              extent=(0, 240, 160, 0), interpolation="nearest")  # fmt: skip
    if ink is not None:
        ax.plot([50, 190], [100 + gap, 100 + gap], color=ink, lw=1.5)
        ax.plot([180 + gap, 180 + gap], [30, 110], color=ink, lw=1.5)
    ax.set_xlim(0, 240)
    ax.set_ylim(160, 0)
    return _png_and_jpeg(fig)


@pytest.mark.parametrize(("cmap", "low", "high", "gap"), [
    ("jet", 0.03, 0.18, 3), ("jet", 0.03, 0.18, 5), ("viridis", 0.0, 0.3, 4),
])  # fmt: skip
def test_jpeg_black_line_beside_a_white_region_stays_flagged(cmap, low, high, gap):
    plain_png, plain = _pictures(cmap, low, high, gap, None)
    png, jpeg = _pictures(cmap, low, high, gap, "k")
    white = (plain_png >= 250).all(axis=-1)
    drawn = np.abs(png.astype(int) - plain_png.astype(int)).max(axis=-1)
    core = (drawn > 0.5 * drawn.max()) & ~white  # (the line's core, over the data)
    data = ~white & ~binary_dilation(drawn > 20, iterations=3)
    values = tp.decolorize(jpeg, cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values[core]).mean() >= 0.95
    assert np.isnan(values[data]).mean() < 0.002
    # ... and the same data without the line keeps its values, along the white region too
    # (jet's: a white region beside its lowest values, where its extend color could be)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        alone = tp.decolorize(plain, cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(alone[~white]).mean() < 0.002


def _curved(gap: int, lw: float, line: bool):
    """A seeded smooth field over jet's dark blues (0.03 to 0.2) with a white (masked)
    ellipse (110 x 56 px), and with ``line``, black lines ``lw`` wide ``gap`` px below
    and right of it (240 x 160 px): the PNG and the JPEG q75."""
    from scipy.ndimage import gaussian_filter

    rng = np.random.default_rng(5)
    rough = gaussian_filter(rng.normal(size=(160, 240)), 6.0) + 0.5 * gaussian_filter(
        rng.normal(size=(160, 240)), 2.0)  # fmt: skip
    field = 0.03 + 0.17 * (rough - rough.min()) / np.ptp(rough)
    yy, xx = np.mgrid[0:160, 0:240]
    ellipse = ((xx - 120) / 55.0) ** 2 + ((yy - 70) / 28.0) ** 2 < 1
    fig = plt.figure(figsize=(2.4, 1.6))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(np.ma.masked_array(field, ellipse), cmap="jet", vmin=0, vmax=1,
              extent=(0, 240, 160, 0), interpolation="nearest")  # fmt: skip
    if line:
        ax.plot([40, 200], [98 + gap, 98 + gap], color="k", lw=lw)
        ax.plot([175 + gap, 175 + gap], [20, 120], color="k", lw=lw)
    ax.set_xlim(0, 240)
    ax.set_ylim(160, 0)
    return _png_and_jpeg(fig)


def curved_masks(gap: int, lw: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_curved`'s JPEG with its lines, the lines' core (drawn half their full
    strength or more, off the ellipse) and the data 3 px or more from anything drawn."""
    plain_png, _ = _curved(gap, lw, False)
    png, jpeg = _curved(gap, lw, True)
    white = (plain_png >= 250).all(axis=-1)
    drawn = np.abs(png.astype(int) - plain_png.astype(int)).max(axis=-1)
    core = (drawn > 0.5 * drawn.max()) & ~white
    return jpeg, core, ~white & ~binary_dilation(drawn > 20, iterations=3)


@pytest.mark.parametrize(("gap", "lw"), [(8, 1.5), (5, 2.0), (8, 2.0)])
def test_jpeg_black_line_beside_a_white_ellipse_stays_flagged(gap, lw):
    """A curved white region beside the field's lowest values read as an extend color
    (white under; no longer: ``_extend_found._beyond``, test_decolorize_masked_white):
    its blends fill (``_extend_blends.LEAST_SHARE``) took the black line
    over jet's navy for white's blends, pass after pass along it, and the ellipse's
    flagged JPEG'd rim outvoted the line 8 px away in the Hough transform
    (``_straight.STRAIGHT_FILL_EDGE``): trial54 t150, 0.8-41 % of the core flagged."""
    jpeg, core, data = curved_masks(gap, lw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        values = tp.decolorize(jpeg, cmap="jet", vmin=0, vmax=1)
    assert np.isnan(values[core]).mean() >= 0.95
    assert np.isnan(values[data]).mean() < 0.002
