"""Pictures with an ICC profile, as color-managed tools save them (:mod:`truepix._profile`).

A Mac screenshot (Display P3 in an iCCP chunk) and a phone's JPEG (ICC in APP2) hold the colors
in their profile's space: the readers of colormapped picture files apply it before decoding. An
sRGB profile or none leaves the pixels bit for bit; a damaged profile is a damaged file.
"""

from __future__ import annotations

import io
import struct
import zlib

import imagecodecs
import matplotlib
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import ImageCms

import truepix as tp
from tests._profiles import SRGB, display_p3, rgb_profile, save_tagged, to_profile
from truepix.cli._common import read_picture
from truepix.cli.main import cli
from truepix._profile import embedded_profile, to_srgb


def _field(n: int = 96) -> np.ndarray:
    rng = np.random.default_rng(11)
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n)))
    k[0, 0] = 1.0
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * k**-2.2))
    return (f - f.min()) / (f.max() - f.min())


def _with_chunk(png: bytes, kind: bytes, body: bytes) -> bytes:
    """``png`` with a chunk inserted after IHDR (where iCCP goes)."""
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return png[:33] + chunk + png[33:]


@pytest.mark.parametrize("cmap", ["viridis", "jet", "coolwarm"])
@pytest.mark.parametrize("suffix, options", [(".png", {}), (".jpg", {"quality": 90})])
def test_display_p3_pictures_decode_as_their_srgb_originals(tmp_path, cmap, suffix, options):
    field = _field()
    rgb = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
    path = tmp_path / f"screenshot{suffix}"
    save_tagged(path, to_profile(rgb, display_p3()), display_p3(), **options)
    out = tmp_path / "values.npy"
    result = CliRunner().invoke(
        cli, ["decolorize", str(path), str(out), "--cmap", cmap, "--vmin", "0", "--vmax", "1"],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "converted to sRGB from the file's ICC profile 'Display P3'" in result.stderr
    values = np.load(out)
    assert np.isnan(values).mean() <= 0.002  # the stored bytes: viridis, jet 26-100% NaN
    error = np.abs(values - field)
    limit = 1.5 / 255 if suffix == ".png" else 0.02  # P3's 8-bit round trip: a DN; JPEG's own
    assert np.nanmean(error) <= limit


def test_read_figure_applies_the_profile_and_says_so(tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 3), dpi=100)
    canvas = FigureCanvasAgg(figure)
    image = figure.subplots().imshow(np.arange(12.0).reshape(3, 4), cmap="viridis")
    figure.colorbar(image)
    canvas.draw()
    rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    path = tmp_path / "screenshot.png"
    save_tagged(path, to_profile(rgb, display_p3()), display_p3())
    reading = tp.read_figure(path)
    assert reading.color_profile == "Display P3"
    assert np.abs(reading.image.astype(int) - rgb).max() <= 2  # sRGB again, within P3's rounding
    (panel,) = reading.panels
    assert panel.data.attrs["cmap"] == "viridis"
    assert tp.read_figure(rgb).color_profile is None  # an array has no profile


@pytest.mark.parametrize("profile", ["none", "pillow-srgb", "own-srgb"])
@pytest.mark.parametrize("suffix", [".png", ".jpg", ".webp", ".tif"])
def test_srgb_and_untagged_files_stay_bit_exact(tmp_path, profile, suffix):
    rgb = matplotlib.colormaps["turbo"](_field(48), bytes=True)[..., :3]
    icc = {
        "none": None,
        "pillow-srgb": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        "own-srgb": rgb_profile(SRGB, "sRGB IEC61966-2.1"),  # another tool's sRGB
    }[profile]
    path = tmp_path / f"picture{suffix}"
    save_tagged(path, rgb, icc)
    stored = np.asarray(imagecodecs.imread(str(path)))
    assert embedded_profile(path) == icc
    back = read_picture(path)
    assert back.dtype == stored.dtype and back.shape == stored.shape
    assert np.array_equal(back, stored)


def test_the_exact_path_is_untouched(tmp_path):
    """A truepix colormap file decodes to its data, and tp.load never applies a profile."""
    rgb = matplotlib.colormaps["viridis"](_field(32), bytes=True)[..., :3]
    path = tmp_path / "p3.png"
    save_tagged(path, to_profile(rgb, display_p3()), display_p3())
    assert np.array_equal(tp.load(path), imagecodecs.imread(str(path)))  # stored samples


def test_alpha_is_kept_and_sixteen_bit_is_left_with_a_warning():
    p3 = display_p3()
    rgba = np.dstack([np.full((2, 3, 3), 200, np.uint8), np.array([[0, 128, 255]] * 2, np.uint8)])
    converted = to_srgb(rgba, p3)
    assert converted.profile == "Display P3" and np.array_equal(converted.pixels[..., 3], rgba[..., 3])
    wide = np.full((2, 3, 3), 50000, np.uint16)
    left = to_srgb(wide, p3)
    assert left.pixels is wide and left.profile is None and "was not applied" in left.skipped


@pytest.mark.parametrize("damage", ["junk-profile", "bad-zlib", "jpeg-junk"])
def test_a_damaged_profile_is_a_damaged_file(tmp_path, damage):
    rgb = np.full((8, 8, 3), 90, np.uint8)
    buffer = io.BytesIO()
    save_tagged(buffer, rgb, None, format="PNG")
    png = buffer.getvalue()
    if damage == "junk-profile":
        data, suffix = _with_chunk(png, b"iCCP", b"P3\x00\x00" + zlib.compress(b"junk" * 40)), ".png"
    elif damage == "bad-zlib":
        data, suffix = _with_chunk(png, b"iCCP", b"P3\x00\x00" + b"\x78\x9c not deflate"), ".png"
    else:
        buffer = io.BytesIO()
        save_tagged(buffer, rgb, b"junk" * 40, format="JPEG")
        data, suffix = buffer.getvalue(), ".jpg"
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(data)
    with pytest.raises(tp.errors.CorruptFileError, match=r"^expected an ICC color profile .*, got"):
        read_picture(path)
    with pytest.raises(tp.errors.CorruptFileError, match="ICC color profile"):
        tp.read_figure(path)
    result = CliRunner().invoke(cli, ["identify", str(path)])
    assert result.exit_code != 0 and "error: expected an ICC color profile" in result.output
    assert "Traceback" not in result.output
