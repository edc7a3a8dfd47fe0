"""JPEG's ringing of a flat fill (an area off the map: a hist2d's empty bins, a masked
block) into the data beside it is no stroke: those pixels keep their values
(``_margins.fill_blends``; hist2d ``cmin=1`` JPEG q75: 9.7 % of the data NaN, 70 % of
the 2 px beside the empty bins, before)."""

import io

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402
from scipy.ndimage import distance_transform_edt  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

import truepix as tp  # noqa: E402


def _pictures(kind: str):
    """A seeded viridis figure with a white (figure face) area amid its data: the PNG,
    the JPEG q75, the norm, and the axes' pixels (slices) inset by 2 px."""
    rng = np.random.default_rng(7)
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    if kind == "hist2d":
        x = rng.normal(size=200_000)
        y = 0.6 * x + 0.8 * rng.normal(size=x.size)
        image = ax.hist2d(x, y, bins=80, cmap="viridis", cmin=1)[3]
    else:  # a smooth field with a masked block (matplotlib paints it transparent)
        yy, xx = np.mgrid[0:60, 0:80] / 10.0
        data = np.sin(xx) * np.cos(1.3 * yy) + 0.1 * rng.normal(size=xx.shape)
        mask = np.zeros(data.shape, dtype=bool)
        mask[15:40, 25:50] = True
        image = ax.imshow(np.ma.masked_array(data, mask), cmap="viridis")
    fig.colorbar(image)
    pictures = []
    for fmt, extra in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": 75}})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=100, **extra)
        pictures.append(np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")))
    box = ax.get_window_extent()
    height = pictures[0].shape[0]
    inside = (slice(int(height - box.y1) + 2, int(height - box.y0) - 2),
              slice(int(box.x0) + 2, int(box.x1) - 2))  # fmt: skip
    plt.close(fig)
    return pictures[0], pictures[1], image.norm, inside


@pytest.mark.parametrize("kind", ["hist2d", "masked"])
def test_jpeg_data_beside_a_flat_fill_keeps_its_values(kind):
    png, jpeg, norm, inside = _pictures(kind)
    # the data: the PNG's pixels that are matplotlib's own viridis colors, and their values
    table = plt.get_cmap("viridis")(np.linspace(0, 1, 256), bytes=True)[:, :3].astype(np.int64)
    distance, index = cKDTree(table).query(png[inside].reshape(-1, 3).astype(np.int64))
    truth = np.where(distance <= 2.0, index / 255.0, np.nan).reshape(png[inside].shape[:2])
    data = np.isfinite(truth)
    assert data.mean() > 0.3 and (~data).sum() > 1000  # (data beside a white area)
    values = tp.decolorize(jpeg, cmap="viridis", vmin=norm.vmin, vmax=norm.vmax)[inside]
    holes = data & np.isnan(values)
    assert holes.sum() < 0.002 * data.sum()
    error = np.abs(np.ma.getdata(norm(values)) - truth)  # (Normalize gives a masked array)
    # ... near what JPEG's ringing blurred: within 2 px of the white area, as far away
    beside = data & ~holes & (distance_transform_edt(data) <= 2)
    assert np.median(error[beside]) < 0.03 and np.percentile(error[beside], 90) < 0.08
    assert np.median(error[data & ~holes & ~beside]) < 0.015
