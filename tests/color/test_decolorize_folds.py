"""A map whose curve turns back in luma (Spectral, RdBu): JPEG'd colors near the fold
answered by RGB, which tells the arm (``_folds``); p99 no worse than the k-d tree's."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from truepix import decolorize
from truepix.color._decolorize._folds import fold_entries

from ._photographs import nearest_bins, photo_jpeg


def _table(name: str) -> np.ndarray:
    return mpl.colormaps[name](np.arange(256), bytes=True)[:, :3].astype(float)


@pytest.mark.parametrize(("name", "folds"), [
    ("viridis", False), ("jet", False), ("gray", False), ("Spectral", True), ("RdBu", True),
])  # fmt: skip
def test_fold_entries_only_where_luma_turns(name: str, folds: bool) -> None:
    assert fold_entries(_table(name), 0.1).any() == folds


@pytest.mark.parametrize("cmap", ["Spectral", "RdBu"])
def test_jpeg_folding_map_p99_no_worse_than_kdtree(cmap: str) -> None:
    """scikit-image's camera (192^2) drawn with a folding map, Pillow JPEG q75: mean error
    below the nearest table color's (scipy cKDTree), its 99th percentile no worse (holes
    count as the whole range). Before: p99 1.09x (Spectral), 1.05x (RdBu)."""
    from skimage import data
    from skimage.transform import resize

    truth = resize(data.camera() / 255.0, (192, 192), anti_aliasing=True)
    truth = (truth - truth.min()) / np.ptp(truth)
    picture = photo_jpeg("camera", cmap, 192, 75)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    error = np.where(np.isnan(values), 1.0, np.abs(values - truth))
    baseline = np.abs(nearest_bins(picture, cmap) - truth)
    assert error.mean() <= 0.95 * baseline.mean()
    assert np.quantile(error, 0.99) <= np.quantile(baseline, 0.99)
