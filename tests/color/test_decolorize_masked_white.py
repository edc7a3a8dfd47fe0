"""A white (masked) region inside a field that lies wholly at one end of the map is no
extend color: its rim holds the field's lowest values only because all of the field
lies there (trial 54 t150: jet over 0.03-0.2, a white ellipse). Taken for jet's under
color it warned "pass with_extremes(under='#ffffff')", and the fills beside an extend
region (``_extremes._bled``, ``_rimmed``, ``_extend_blends``) took black lines 2-3 px
from it for its blends: 72-79 % of their core flagged on JPEG q75 (lw 2; now 99 %). A real
extend color -- a region beside the data's extreme, where the rest of the field is
not -- still warns."""

import io
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402
from scipy.ndimage import gaussian_filter  # noqa: E402

import truepix as tp  # noqa: E402
from tests.color.test_decolorize_fill_stroke import _curved, curved_masks  # noqa: E402
from truepix.errors import OffMapWarning  # noqa: E402


def _decoded(picture: np.ndarray, cmap: str = "jet") -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize(("gap", "lw"), [(2, 2.0), (3, 2.0)])
def test_jpeg_black_line_near_a_masked_white_ellipse_is_ink(gap, lw):
    jpeg, core, data = curved_masks(gap, lw)
    values, told = _decoded(jpeg)
    assert np.isnan(values[core]).mean() >= 0.95
    assert np.isnan(values[data]).mean() < 0.002
    assert not any("extend colors" in text for text in told), told


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_a_masked_white_ellipse_is_no_extend_color(fmt):
    png, jpeg = _curved(3, 2.0, False)
    values, told = _decoded(png if fmt == "png" else jpeg)
    assert not any("extend colors" in text for text in told), told
    assert np.isnan(values[~(png >= 250).all(axis=-1)]).mean() < 0.002


@pytest.mark.parametrize(("under", "quality"), [("white", None), ("white", 95), ("magenta", 75)])
def test_an_under_color_still_warns(under, quality):
    """The same kind of field over all of jet (-0.25 to 1), its values below vmin (6.5 %)
    in an under color: the region's rim is the data's lowest, the rest of it is not.
    (JPEG'd at q90 or less, the white region is not found, as before.)"""
    rng = np.random.default_rng(5)
    field = gaussian_filter(rng.normal(size=(160, 240)), 12.0)
    field = -0.25 + 1.25 * (field - field.min()) / np.ptp(field)
    buffer = io.BytesIO()
    cmap = plt.get_cmap("jet").with_extremes(under=under)
    extra = {"format": "png"} if quality is None else {
        "format": "jpeg", "pil_kwargs": {"quality": quality}}  # fmt: skip
    plt.imsave(buffer, field, cmap=cmap, vmin=0, vmax=1, **extra)
    picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    _, told = _decoded(picture)
    assert any("extend colors" in text and "with_extremes(under='#ff" in text for text in told)
