"""A picture of a hand-built map no catalog holds (``from_list(["navy", "white",
"darkred"])``) was named ``seaborn:vlag`` at score 0.82 with nothing to say it fits
poorly; decoded by that name its values are off by percents (test_decolorize_poor_fit).
Its colors lie off vlag's table the same way all along it, more than their own scatter
explains: identify says no catalog map fits closely and scales its scores down. Pictures
of catalog maps, exact and JPEG'd, keep their scores and get no doubt (``_misfit``)."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image
from scipy.ndimage import gaussian_filter

import truepix as tp
from truepix.color._identify._match import ranked_maps


def _field() -> np.ndarray:
    return gaussian_filter(np.random.default_rng(0).standard_normal((128, 128)), 6)


def _imsave(cmap, quality: int | None = None) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, _field(), cmap=cmap, format="png")
    picture = Image.open(buffer).convert("RGB")
    if quality is not None:
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=quality)
        picture = Image.open(buffer)
    return np.asarray(picture)


def test_a_hand_built_maps_picture_is_doubted_with_a_lower_score() -> None:
    picture = _imsave(LinearSegmentedColormap.from_list("m", ["navy", "white", "darkred"]))
    quiet = ranked_maps(picture)[0]  # truepix's own callers: the score as it was
    best = tp.identify_colormap(picture)[0]
    # (seaborn, once imported, registers its maps with matplotlib: then "vlag", not "seaborn:vlag")
    assert best.name == quiet.name and best.name.split(":")[-1] == "vlag"
    assert "no catalog map fits closely" in best.doubt and best.name in best.doubt
    assert best.score < quiet.score - 0.1
    assert not quiet.doubt


@pytest.mark.parametrize("cmap", ["viridis", "jet", "RdBu_r", "gray", "twilight", "hot", "hsv"])
@pytest.mark.parametrize("quality", [None, 50, 90])
def test_catalog_maps_pictures_are_not_doubted(cmap: str, quality: int | None) -> None:
    picture = _imsave(cmap, quality)
    best = tp.identify_colormap(picture)[0]
    assert not best.doubt
    assert best.score == ranked_maps(picture)[0].score
