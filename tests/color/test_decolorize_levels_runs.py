"""``plt.get_cmap(name).resampled(10)`` pictures decoded with the plain name come back
snapped to 10 places, up to a level (a tenth of the range) off: the levels hint names
them. jet's second level is its pure blue, a color four table entries share, decoded
in the run's middle 2.5 bins from 1/9: the hint allows half the run."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image
from scipy.ndimage import gaussian_filter

import truepix as tp
from truepix.errors import OffMapWarning


@pytest.mark.parametrize("name", ["jet", "viridis", "magma", "coolwarm"])
def test_a_map_resampled_to_ten_is_named_with_its_levels(name) -> None:
    data = gaussian_filter(np.random.default_rng(0).standard_normal((128, 128)), 6)
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap=plt.get_cmap(name).resampled(10), format="png")
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=name, vmin=data.min(), vmax=data.max())
    assert len(np.unique(values)) == 10  # (what the hint is for: values snapped to 10)
    messages = [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]
    assert any("only 10 colors" in message for message in messages), messages
