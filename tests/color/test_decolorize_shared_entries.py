"""What docs/decolorize.md and docs/colormaps.md say of colors several entries share."""

from __future__ import annotations

import cv2
import matplotlib
import numpy as np
import pytest

import truepix as tp

# jet's pure blue: entries 29-31 of the float table, 29-32 of the truncated bytes
BLUE = {
    "float": ([0.0, 0.0, 1.0, 1.0], [29, 30, 31]),
    "bytes": ([0, 0, 255, 255], [29, 30, 31, 32]),
}


@pytest.mark.parametrize("form", ["float", "bytes"])
def test_jet_pure_blue_runs_and_the_worst_error_is_half_their_union(form: str) -> None:
    jet = matplotlib.colormaps["jet"]
    color, entries = BLUE[form]
    table = jet(np.arange(256), bytes=form == "bytes")
    assert np.flatnonzero(np.all(table == color, axis=1)).tolist() == entries
    data = np.linspace(1500, 4500, 20001).reshape(1, -1)
    picture = jet(matplotlib.colors.Normalize(1500, 4500)(data), bytes=form == "bytes")
    result = tp.Decolorizer("jet", vmin=1500, vmax=4500).decode(picture)
    error = np.abs(result.values - data) / (3000 / 256)  # in bins
    blue = np.all(picture == np.asarray(color, dtype=picture.dtype), axis=-1)
    bound = len(entries) / 2  # 1.5 bins on the float table, 2 on the truncated bytes
    assert bound - 0.01 <= error[blue].max() <= bound + 1e-6
    assert result.ambiguous[blue].all() and error[~blue].max() <= 0.5 + 1e-3


def test_opencv_maps_give_v_back_unless_two_entries_share_a_color() -> None:
    ramp = np.arange(256, dtype=np.uint8).reshape(1, 256)
    wrong = {}
    for name in ("viridis", "cividis", "pink", "twilight_shifted", "jet", "turbo", "parula"):
        code = getattr(cv2, f"COLORMAP_{name.upper()}")
        picture = cv2.applyColorMap(ramp, code)[..., ::-1]
        values = tp.decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255)[0]
        assert np.abs(values - np.arange(256)).max() <= 0.5 + 1e-3  # half an entry at most
        counted = tp.decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255, step=1)[0]
        wrong[name] = {int(v): float(counted[v]) for v in np.flatnonzero(counted != np.arange(256))}
    assert wrong == {
        "viridis": {112: 113.0, 130: 129.0}, "cividis": {100: 101.0},
        "pink": {157: 156.0, 185: 184.0}, "twilight_shifted": {127: 128.0},
        "jet": {}, "turbo": {}, "parula": {},
    }  # fmt: skip
