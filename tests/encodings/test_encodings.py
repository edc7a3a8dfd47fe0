"""Every encoding: round trip within its stated bound, domain refused, public formula honoured."""

from __future__ import annotations

from pathlib import Path

import cv2
import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PIL import Image

import truepix as tp
from truepix import encodings, errors

FORMATS = ["png", "tif"]


def _field(
    low: float, high: float, shape: tuple[int, ...], seed: int, dtype: str = "f8"
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.uniform(low, high, size=shape).astype(dtype)


# encoding -> (kwargs, in-domain sample maker)
CASES = {
    "linear": ({"bits": 16}, lambda seed: _field(-3.0, 7.5, (9, 11), seed)),
    "linear-8": (
        {"bits": 8, "vmin": -1.0, "vmax": 1.0},
        lambda seed: _field(-1, 1, (9, 11), seed, "f4"),
    ),
    "terrain-rgb": ({}, lambda seed: _field(-10000.0, 1667721.5, (9, 11), seed)),
    "terrarium": ({}, lambda seed: _field(-32768.0, 32767.99, (9, 11), seed, "f4")),
    "kitti-depth": ({}, lambda seed: _field(1 / 256, 255.99, (9, 11), seed)),
    "kitti-flow": ({}, lambda seed: _field(-512.0, 511.98, (9, 11, 2), seed, "f4")),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("seed", range(3))
def test_round_trip_within_stated_bound(tmp_path: Path, case: str, fmt: str, seed: int) -> None:
    kwargs, make = CASES[case]
    name = case.split("-8")[0]
    data = make(seed)
    path = tmp_path / f"e.{fmt}"
    saved = tp.save(path, data, encoding=name, **kwargs)
    loaded = tp.load(path)
    assert not saved.exact and saved.max_error > 0
    assert loaded.shape == data.shape
    assert loaded.dtype == encodings.get(name).output_dtype(data.dtype)
    error = np.abs(loaded.astype(np.float64) - data.astype(np.float64))
    assert error.max() <= saved.max_error
    assert tp.info(path) == saved


@given(
    data=hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=8),
        elements=st.one_of(st.floats(-1e6, 1e6), st.just(np.nan)),
    ),
    bits=st.sampled_from([8, 16]),
    out_dtype=st.sampled_from(["f8", "f4"]),
)
# a subnormal range: its step underflows to 0 (the stated bound was 0, the error 5e-324)
@example(data=np.array([[0.0, 5e-324]]), bits=8, out_dtype="f8")
def test_linear_bound_property(
    tmp_path_factory: pytest.TempPathFactory, data: np.ndarray, bits: int, out_dtype: str
) -> None:
    """Half a step plus float rounding, for any data, range and precision."""
    data = data.astype(out_dtype)
    path = tmp_path_factory.mktemp("lin") / "l.png"
    saved = tp.save(path, data, encoding="linear", bits=bits)
    loaded = tp.load(path)
    assert loaded.dtype == np.dtype(out_dtype)
    np.testing.assert_array_equal(np.isnan(loaded), np.isnan(data))
    valid = ~np.isnan(data)
    error = np.abs(loaded[valid].astype(np.float64) - data[valid].astype(np.float64))
    assert error.size == 0 or error.max() <= saved.max_error
    params = saved.params
    step = (params["vmax"] - params["vmin"]) / params["levels"]
    if step < np.finfo(np.float64).tiny:  # subnormal: the range itself bounds it
        assert saved.max_error <= max(params["vmax"] - params["vmin"], step * params["levels"])
        return
    assert saved.max_error <= step / 2 * (1 + 1e-6) + 1e-6 * max(
        abs(params["vmin"]), abs(params["vmax"])
    )


def test_seed_002_minus_one_to_one_at_8_bits(tmp_path: Path) -> None:
    data = np.random.default_rng(2).uniform(-1.0, 1.0, size=(64, 64))
    data[0, 0], data[-1, -1] = -1.0, 1.0
    saved = tp.save(tmp_path / "m.png", data, encoding="linear", bits=8)
    assert saved.max_error == pytest.approx(1 / 255, rel=1e-9)  # 0.00392
    loaded = tp.load(tmp_path / "m.png")
    assert np.abs(loaded - data).max() <= saved.max_error
    with Image.open(tmp_path / "m.png") as image:  # a plain gray PNG anyone can look at
        assert image.mode == "L"
        np.testing.assert_array_equal(np.asarray(image), np.rint((data + 1) / 2 * 255))


def test_linear_nan_is_reserved_and_transparent(tmp_path: Path) -> None:
    data = np.linspace(0.0, 1.0, 20).reshape(4, 5)
    data[1, 2] = np.nan
    path = tmp_path / "nan.png"
    saved = tp.save(path, data, encoding="linear", bits=8)
    assert saved.params["nan_code"] == 255 and saved.params["levels"] == 254
    loaded = tp.load(path)
    np.testing.assert_array_equal(np.isnan(loaded), np.isnan(data))
    with Image.open(path) as image:
        alpha = np.asarray(image.convert("RGBA"))[..., 3]
    np.testing.assert_array_equal(alpha == 0, np.isnan(data))


def test_linear_integers_and_constant(tmp_path: Path) -> None:
    counts = np.arange(-5, 7, dtype=np.int16).reshape(3, 4)
    tp.save(tmp_path / "i.png", counts, encoding="linear", bits=16)
    loaded = tp.load(tmp_path / "i.png")
    assert loaded.dtype == np.float64
    assert np.abs(loaded - counts).max() <= tp.info(tmp_path / "i.png").max_error
    constant = np.full((3, 3), 2.5)
    tp.save(tmp_path / "c.png", constant, encoding="linear")
    np.testing.assert_array_equal(tp.load(tmp_path / "c.png"), constant)


def test_linear_refuses_out_of_range_with_count(tmp_path: Path) -> None:
    data = np.array([[0.0, 0.5, 2.0, np.inf]])
    with pytest.raises(errors.EncodingDomainError, match=r"got 2 of 4 outside .*clip=True"):
        tp.save(tmp_path / "o.png", data, encoding="linear", vmin=0, vmax=1)
    assert not list(tmp_path.iterdir())
    saved = tp.save(tmp_path / "o.png", data, encoding="linear", vmin=0, vmax=1, clip=True)
    assert saved.params["clipped"] == 2
    np.testing.assert_allclose(
        tp.load(tmp_path / "o.png"), [[0.0, 0.5, 1.0, 1.0]], atol=saved.max_error
    )


def test_terrain_rgb_decodes_with_the_public_formula(tmp_path: Path) -> None:
    heights = _field(-500.0, 8848.0, (16, 16), seed=1)
    path = tmp_path / "dem.png"
    saved = tp.save(path, heights, encoding="terrain-rgb")
    with Image.open(path) as image:
        assert image.mode == "RGB"
        rgb = np.asarray(image).astype(np.float64)
    decoded = -10000 + (rgb[..., 0] * 256 * 256 + rgb[..., 1] * 256 + rgb[..., 2]) * 0.1
    assert np.abs(decoded - heights).max() <= saved.max_error
    assert saved.max_error < 0.0501


def test_terrain_rgb_refuses_below_domain_instead_of_wrapping(tmp_path: Path) -> None:
    """The popular encoder turns -10001 m into 1,667,720 m; truepix refuses it."""
    heights = np.array([[-10001.0, 0.0], [np.nan, 5.0]])
    with pytest.raises(errors.EncodingDomainError, match="NaN"):
        tp.save(tmp_path / "d.png", heights, encoding="terrain-rgb")
    heights[1, 0] = 0.0
    with pytest.raises(errors.EncodingDomainError, match=r"\[-10000, 1667721.5\] m .* got 1 of 4"):
        tp.save(tmp_path / "d.png", heights, encoding="terrain-rgb")


def test_terrarium_decodes_with_the_public_formula(tmp_path: Path) -> None:
    heights = _field(-11000.0, 8848.0, (16, 16), seed=2)
    saved = tp.save(tmp_path / "t.png", heights, encoding="terrarium")
    with Image.open(tmp_path / "t.png") as image:
        rgb = np.asarray(image).astype(np.float64)
    decoded = rgb[..., 0] * 256 + rgb[..., 1] + rgb[..., 2] / 256 - 32768
    assert np.abs(decoded - heights).max() <= saved.max_error <= 1 / 512 + 1e-9
    with pytest.raises(errors.EncodingDomainError):
        tp.save(tmp_path / "t.png", np.array([[40000.0]]), encoding="terrarium")


def test_kitti_depth_reads_like_the_devkit(tmp_path: Path) -> None:
    depth = _field(0.5, 80.0, (12, 20), seed=3)
    depth[2, 3] = np.nan
    path = tmp_path / "depth.png"
    saved = tp.save(path, depth, encoding="kitti-depth")
    raw = cv2.imread(str(path), cv2.IMREAD_ANYDEPTH)  # the KITTI devkit's reader
    assert raw.dtype == np.uint16
    devkit = raw.astype(np.float64) / 256.0
    devkit[raw == 0] = np.nan
    valid = ~np.isnan(depth)
    np.testing.assert_array_equal(np.isnan(devkit), ~valid)
    assert np.abs(devkit[valid] - depth[valid]).max() <= saved.max_error
    np.testing.assert_array_equal(tp.load(path), devkit)


def test_kitti_depth_refuses_zero_and_negative(tmp_path: Path) -> None:
    with pytest.raises(errors.EncodingDomainError, match="mark invalid pixels with NaN"):
        tp.save(tmp_path / "d.png", np.array([[0.0, 1.0]]), encoding="kitti-depth")
    with pytest.raises(errors.EncodingDomainError):
        tp.save(tmp_path / "d.png", np.array([[-1.0, 300.0]]), encoding="kitti-depth")


def test_kitti_flow_reads_like_the_devkit(tmp_path: Path) -> None:
    flow = _field(-200.0, 200.0, (10, 14, 2), seed=4)
    flow[5, 5, 0] = np.nan
    path = tmp_path / "flow.png"
    saved = tp.save(path, flow, encoding="kitti-flow")
    bgr = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    assert bgr.dtype == np.uint16 and bgr.shape == (10, 14, 3)
    valid = bgr[..., 0] == 1
    u = (bgr[..., 2].astype(np.float64) - 2**15) / 64.0
    v = (bgr[..., 1].astype(np.float64) - 2**15) / 64.0
    assert not valid[5, 5] and valid.sum() == valid.size - 1
    assert np.abs(u[valid] - flow[..., 0][valid]).max() <= saved.max_error
    assert np.abs(v[valid] - flow[..., 1][valid]).max() <= saved.max_error
    loaded = tp.load(path)
    assert np.isnan(loaded[5, 5]).all()


def test_kitti_flow_needs_two_channels(tmp_path: Path) -> None:
    with pytest.raises(errors.ShapeError, match=r"\(H, W, 2\)"):
        tp.save(tmp_path / "f.png", np.zeros((4, 4)), encoding="kitti-flow")


def test_lossy_encodings_refuse_complex(tmp_path: Path) -> None:
    with pytest.raises(errors.UnsupportedDtypeError):
        tp.save(tmp_path / "c.png", np.zeros((2, 2), complex), encoding="linear")


def test_registry_lists_every_encoding() -> None:
    assert set(encodings.names()) >= {
        "exact",
        "linear",
        "terrain-rgb",
        "terrarium",
        "kitti-depth",
        "kitti-flow",
    }
    for name in encodings.names():
        encoding = encodings.get(name)
        assert isinstance(encoding, encodings.Encoding)
        assert encoding.name == name


def test_load_foreign_terrain_rgb_tile(tmp_path: Path) -> None:
    """A Terrain-RGB tile written by another tool (here: Pillow, RGBA) decodes by name."""
    heights = _field(-400.0, 4000.0, (16, 16), seed=8)
    codes = np.rint((heights + 10000) * 10).astype(np.uint32)
    rgba = np.stack(
        [codes >> 16, (codes >> 8) & 255, codes & 255, np.full_like(codes, 255)], axis=-1
    )
    path = tmp_path / "tile.png"
    Image.fromarray(rgba.astype(np.uint8), mode="RGBA").save(path)
    loaded = tp.load(path, encoding="terrain-rgb")
    assert loaded.dtype == np.float64 and loaded.shape == (16, 16)
    assert np.abs(loaded - heights).max() <= 0.05 + 1e-9
    np.testing.assert_array_equal(tp.load(path)[..., :3], rgba[..., :3])  # samples without it


def test_load_foreign_kitti_files(tmp_path: Path) -> None:
    raw = np.random.default_rng(9).integers(0, 65536, size=(6, 8)).astype(np.uint16)
    raw[0, 0] = 0
    cv2.imwrite(str(tmp_path / "d.png"), raw)
    depth = tp.load(tmp_path / "d.png", encoding="kitti-depth")
    assert np.isnan(depth[0, 0])
    np.testing.assert_array_equal(depth.ravel()[1:], raw.ravel()[1:] / 256.0)
    bgr = np.stack([np.ones((6, 8)), raw, raw[::-1]], axis=-1).astype(np.uint16)
    bgr[2, 3, 0] = 0
    cv2.imwrite(str(tmp_path / "f.png"), bgr)
    flow = tp.load(tmp_path / "f.png", encoding="kitti-flow")
    assert flow.shape == (6, 8, 2) and np.isnan(flow[2, 3]).all()
    np.testing.assert_array_equal(
        flow[0, 1], [(int(raw[::-1][0, 1]) - 2**15) / 64, (int(raw[0, 1]) - 2**15) / 64]
    )


def test_load_foreign_with_wrong_or_unfit_encoding(tmp_path: Path) -> None:
    Image.fromarray(np.zeros((4, 4), np.uint8)).save(tmp_path / "g.png")
    with pytest.raises(errors.InputError, match="is this a kitti-depth file"):
        tp.load(tmp_path / "g.png", encoding="kitti-depth")
    with pytest.raises(errors.InputError, match="fixed public definition"):
        tp.load(tmp_path / "g.png", encoding="linear")
    tp.save(tmp_path / "t.png", np.zeros((4, 4)) + 5.0, encoding="terrarium")
    with pytest.raises(errors.InputError, match="as the file says"):
        tp.load(tmp_path / "t.png", encoding="terrain-rgb")
    np.testing.assert_array_equal(
        tp.load(tmp_path / "t.png", encoding="terrarium"), np.full((4, 4), 5.0)
    )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_colormap_log_norm_round_trip(tmp_path, dtype) -> None:
    """norm="log": matplotlib's LogNorm pixels, the norm recorded, values back
    within the stated bound (the geometric centre of each color's interval)."""
    import matplotlib as mpl

    import truepix as tp

    x = np.exp(np.random.default_rng(3).uniform(0.0, 7.0, (30, 40))).astype(dtype)
    path = tmp_path / "log.png"
    info = tp.save(path, x, encoding="colormap", cmap="magma", norm="log")
    assert info.params["norm"] == "log"
    norm = mpl.colors.LogNorm(float(x.min()), float(x.max()))
    expected = mpl.colormaps["magma"](norm(x), bytes=True)
    assert np.array_equal(imagecodecs_png(path), expected)
    back = tp.load(path)
    assert back.dtype == x.dtype and back.shape == x.shape
    error = np.abs(back.astype(np.float64) - x)
    assert np.all(error <= info.max_error)
    # relative error: half a bin in log(x), as the bound says at the top
    half_bin = np.log(float(x.max()) / float(x.min())) / 256 / 2
    assert np.all(np.abs(np.log(back.astype(np.float64) / x)) <= half_bin * 1.0001)


def imagecodecs_png(path) -> np.ndarray:
    import imagecodecs

    return np.asarray(imagecodecs.imread(str(path)))


def test_colormap_norm_is_checked(tmp_path) -> None:
    import truepix as tp
    from truepix.errors import EncodingDomainError, InputError

    x = np.linspace(-1.0, 10.0, 12).reshape(3, 4)
    with pytest.raises(InputError, match="expected norm 'linear' or 'log'"):
        tp.save(tmp_path / "a.png", x, encoding="colormap", norm="sqrt")
    with pytest.raises(InputError, match="expected no 'norm' option"):
        tp.save(tmp_path / "a.png", x, encoding="linear", norm="log")
    with pytest.raises(EncodingDomainError, match="outside"):
        tp.save(tmp_path / "a.png", x, encoding="colormap", norm="log", vmin=1.0)
