"""encoding="colormap": the plt.imsave picture, loaded back within the stated bound."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix import encodings, errors
from truepix.encodings._colormap import COLORMAP

matplotlib.use("Agg")

MAPS = ["viridis", "rainbow", "jet", "gray", "hsv", "twilight", "Blues_r", "flag"]


def _field(seed: int, shape=(40, 50), dtype=np.float64) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.normal(size=shape).cumsum(axis=0) * 10 + 1500).astype(dtype)


@pytest.mark.parametrize("cmap", MAPS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int16])
def test_round_trip_within_the_stated_bound(tmp_path: Path, cmap: str, dtype) -> None:
    data = _field(hash((cmap, np.dtype(dtype).name)) % 1000, dtype=dtype)
    if dtype != np.int16:
        data[2, 3] = np.nan
    saved = tp.save(tmp_path / "x.png", data, encoding="colormap", cmap=cmap)
    loaded = tp.load(tmp_path / "x.png")
    info = tp.info(tmp_path / "x.png")
    assert info.encoding == "colormap" and not info.exact
    assert info.max_error == saved.max_error
    assert loaded.shape == data.shape
    assert loaded.dtype == COLORMAP.output_dtype(data.dtype)
    valid = ~np.isnan(data.astype(np.float64))
    np.testing.assert_array_equal(np.isnan(loaded), ~valid)
    error = np.abs(loaded[valid].astype(np.float64) - data[valid])
    assert error.max() <= saved.max_error
    if cmap != "flag":  # flag repeats its colors all along: see test_repeated_colors...
        span = float(np.nanmax(data)) - float(np.nanmin(data))
        assert saved.max_error <= 8 * span / 256


@pytest.mark.parametrize("cmap", ["viridis", "rainbow", "gray", "twilight"])
def test_the_picture_is_what_plt_imsave_writes(tmp_path: Path, cmap: str) -> None:
    data = _field(7)
    tp.save(tmp_path / "tp.png", data, encoding="colormap", cmap=cmap)
    plt.imsave(tmp_path / "mpl.png", data, cmap=cmap)  # its defaults: the data range
    ours = np.asarray(Image.open(tmp_path / "tp.png"))
    theirs = np.asarray(Image.open(tmp_path / "mpl.png"))
    np.testing.assert_array_equal(ours, theirs)


def test_seed_002_rainbow_matrix(tmp_path: Path) -> None:
    """The seed's question: a matrix saved with plt.imsave(cmap='rainbow'), read back."""
    rng = np.random.default_rng(2)
    matrix = rng.uniform(-3.0, 7.0, size=(64, 48))
    saved = tp.save(tmp_path / "m.png", matrix, encoding="colormap", cmap="rainbow")
    back = tp.load(tmp_path / "m.png")
    bin_width = (matrix.max() - matrix.min()) / 256
    assert np.abs(back - matrix).max() <= saved.max_error <= bin_width / 2 * (1 + 1e-9)


def test_explicit_limits_and_clip(tmp_path: Path) -> None:
    data = np.linspace(-1.0, 2.0, 30).reshape(5, 6)
    with pytest.raises(errors.EncodingDomainError, match="outside"):
        tp.save(tmp_path / "x.png", data, encoding="colormap", vmin=0, vmax=1)
    saved = tp.save(tmp_path / "x.png", data, encoding="colormap", vmin=0, vmax=1, clip=True)
    assert saved.params["clipped"] == int(np.count_nonzero((data < 0) | (data > 1)))
    back = tp.load(tmp_path / "x.png")
    inside = (data >= 0) & (data <= 1)
    assert np.abs(back[inside] - data[inside]).max() <= saved.max_error


def test_any_catalog_map_or_color_list(tmp_path: Path) -> None:
    data = _field(3)
    for cmap in (
        "cmocean:thermal",
        "opencv:jet",
        np.array([[0, 0, 0], [255, 0, 0], [255, 255, 0]], np.uint8),
    ):
        saved = tp.save(tmp_path / "x.png", data, encoding="colormap", cmap=cmap)
        assert np.abs(tp.load(tmp_path / "x.png") - data).max() <= saved.max_error


def test_repeated_colors_widen_the_bound() -> None:
    # flag paints the same few colors again and again: a picture cannot tell
    # which repetition a pixel came from, and the bound says so
    data = np.linspace(0.0, 1.0, 100).reshape(10, 10)
    encoded = COLORMAP.encode(data, cmap="flag")
    decoded = COLORMAP.decode(encoded.samples, encoded.params, dtype=data.dtype, shape=data.shape)
    assert np.abs(decoded - data).max() <= encoded.max_error
    assert encoded.max_error >= 0.4


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"bits": 16}, errors.InputError),
        ({"cmap": "virdis"}, errors.UnknownColormapError),
        ({"vmin": 2.0, "vmax": 1.0}, errors.InputError),
        ({"vmin": float("nan")}, errors.InputError),
    ],
)
def test_bad_options(tmp_path: Path, kwargs: dict, error: type[Exception]) -> None:
    with pytest.raises(error):
        tp.save(tmp_path / "x.png", np.zeros((3, 3)), encoding="colormap", **kwargs)
    assert not (tmp_path / "x.png").exists()


def test_refuses_images_with_channels(tmp_path: Path) -> None:
    with pytest.raises(errors.ShapeError, match="1-D or 2-D"):
        tp.save(tmp_path / "x.png", np.zeros((3, 3, 2)), encoding="colormap")


def test_registered() -> None:
    assert encodings.get("colormap") is COLORMAP
    assert isinstance(COLORMAP, encodings.Encoding)
