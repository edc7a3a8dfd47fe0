"""What decolorize says about its input: paths, NaN pixels, ranges, a wrong cmap."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import InputError, OffMapWarning, OutOfRangeError, UnsupportedInputError

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def figure() -> dict[str, np.ndarray]:
    """A matplotlib figure: imshow with a colorbar, a title and labels (big white
    margins), as PNG and as JPEG q75, plus the data and the bare picture."""
    rng = np.random.default_rng(0)
    data = np.cumsum(np.cumsum(rng.normal(size=(96, 128)), 0), 1)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=80)
    image = ax.imshow(data, cmap="viridis")
    fig.colorbar(image)
    ax.set_title("a title")
    ax.set_xlabel("x")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    png = np.asarray(Image.open(buffer))
    jpeg_buffer = io.BytesIO()
    Image.fromarray(png[..., :3]).save(jpeg_buffer, "JPEG", quality=75)
    jpeg = np.asarray(Image.open(jpeg_buffer))
    bare = matplotlib.colormaps["viridis"]((data - data.min()) / np.ptp(data), bytes=True)
    return {"png": png, "jpeg": jpeg, "bare": bare}


@pytest.mark.parametrize("path", ["file.png", Path("file.png")])
def test_a_path_is_refused_with_how_to_load_it(path) -> None:
    with pytest.raises(UnsupportedInputError, match=r"got a (str|\w*Path) .*truepix\.load"):
        tp.decolorize(path, cmap="viridis", vmin=0, vmax=1)


def test_nan_pixels_get_the_hint_to_mask_them() -> None:
    picture = matplotlib.colormaps["viridis"](np.linspace(0, 1, 12).reshape(3, 4))
    picture[0, 0] = np.nan
    with pytest.raises(OutOfRangeError, match=r"got 4 NaN; mark pixels that are not data"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    values = tp.decolorize(np.ma.masked_invalid(picture), cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values[0, 0]) and not np.isnan(values.reshape(-1)[1:]).any()  # as hinted
    with pytest.raises(OutOfRangeError, match=r"divide 0\.\.255 values by 255"):
        tp.decolorize(np.nan_to_num(picture) * 255, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize(
    ("vmin", "vmax", "got"), [(2.0, 1.0, "2.0 > vmax=1.0"), (1.0, 1.0, "1.0 = vmax=1.0")]
)
def test_empty_and_reversed_ranges_read_alike(vmin: float, vmax: float, got: str) -> None:
    with pytest.raises(InputError, match=rf"^expected vmin < vmax, got vmin={got}"):
        tp.decolorize(np.zeros((2, 2, 3), np.uint8), cmap="viridis", vmin=vmin, vmax=vmax)


def test_a_wrong_cmap_warns(figure) -> None:
    """A viridis picture decoded as plasma: most pixels off the map, one warning line
    that names the map the colors fit far better."""
    pattern = r"^\d+% of the picture's pixels are not colors of 'plasma' and came back NaN; "
    better = r"the colors fit 'viridis' far better \(0\.0 DN against \d+\.\d DN for 'plasma'\)"
    with pytest.warns(OffMapWarning, match=pattern + better + ": pass cmap='viridis'$") as caught:
        values = tp.decolorize(figure["bare"], cmap="plasma", vmin=0, vmax=1)
    assert np.isnan(values).mean() > 0.5 and len(caught) == 1
    assert "\n" not in str(caught[0].message)
    with pytest.warns(OffMapWarning, match="the colors fit 'viridis' far better"):
        tp.decolorize(figure["png"], cmap="plasma", vmin=0, vmax=1)  # a whole figure too


def test_a_wrong_cmap_no_map_fits_keeps_the_identify_hint() -> None:
    """Colors of no catalog map (random ones): the warning points at identify_colormap."""
    picture = np.random.default_rng(3).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    with pytest.warns(OffMapWarning, match=r"is cmap right\? truepix\.identify_colormap"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize(("low", "high"), [(-0.012, 1.0), (0.0, 1.013), (-0.05, 1.08)])
def test_a_resize_overshoot_gets_the_hint_to_clip(low: float, high: float) -> None:
    """Floats a cubic or Lanczos resize left slightly outside [0, 1] (at most 0.1 past)
    are refused with the extremes and how to clip; farther ones are 0..255 values."""
    picture = matplotlib.colormaps["viridis"](np.linspace(0, 1, 12).reshape(3, 4))[..., :3]
    picture[0, 0, 0], picture[2, 3, 1] = low, high
    got = rf"got floats in \[{low:.4g}, {high:.4g}\]; slightly outside \[0, 1\]"
    with pytest.raises(OutOfRangeError, match=got + r".*Lanczos.*np\.clip\(picture, 0, 1\)$"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    picture[0, 0, 0] = 1.2
    with pytest.raises(OutOfRangeError, match=r"divide 0\.\.255 values by 255"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    values = tp.decolorize(np.clip(picture, 0, 1), cmap="viridis", vmin=0, vmax=1)  # as hinted
    assert values.shape == (3, 4)


@pytest.mark.parametrize("form", ["png", "jpeg", "bare"])
def test_right_cmaps_are_quiet_on_figures_with_margins(figure, form: str) -> None:
    """A whole figure (white margins, colorbar, title: ~60 % NaN) decoded as the docs
    show, by name and by the colorbar found in it, warns of nothing; nor does a
    picture of mostly transparent (NaN) data, nor a small crop of one labelled cell."""
    picture = figure[form]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
        if form != "bare":
            assert np.isnan(values).mean() > 0.5  # the margins
            tp.decolorize(picture, cmap=tp.find_colorbar(picture), vmin=0, vmax=1)
        tp.decolorize(figure["bare"][:20, :20], cmap="plasma", vmin=0, vmax=1)  # too small
        mostly_nan = np.full((40, 40), np.nan)
        mostly_nan[:5] = 0.5
        tp.decolorize(tp.colorize(mostly_nan, vmin=0, vmax=1), cmap="viridis", vmin=0, vmax=1)
