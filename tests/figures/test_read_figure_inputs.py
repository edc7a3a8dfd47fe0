"""read_figure on what is not a clean heatmap: damaged files, photos, masked arrays, a bar's own colors."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.colors import LinearSegmentedColormap

import truepix as tp
from tests._pngs import png_declaring
from tests.figures.conftest import save, smooth_field
from truepix.cli.main import cli


def _figure_png() -> bytes:
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    fig.colorbar(ax.imshow(smooth_field(20, 30, 2), cmap="viridis"))
    return save(fig, [ax], []).png


def _damaged() -> dict[str, tuple[bytes, type[Exception]]]:
    png = _figure_png()
    return {
        "empty": (b"", tp.errors.UnknownFormatError),
        "junk": (b"just some text, not a picture", tp.errors.UnknownFormatError),
        "truncated": (png[: len(png) // 2], tp.errors.CorruptFileError),
        "huge": (png_declaring(60000, 60000), tp.errors.DecompressionBombError),
    }


@pytest.mark.parametrize("kind", ["empty", "junk", "truncated", "huge"])
@pytest.mark.parametrize("given", ["bytes", "path"])
def test_damaged_files_get_the_io_error_not_a_crash(tmp_path, kind, given):
    data, error = _damaged()[kind]
    path = tmp_path / "figure.png"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        tp.read_figure(data if given == "bytes" else path)
    message = str(caught.value).strip("'\"")
    assert message.startswith("expected ") and "\n" not in message
    # tp.load refuses the same file too (one rule for damaged pictures)
    with pytest.raises(tp.errors.TruepixError):
        tp.load(path)


@pytest.mark.parametrize("fmt", ["tiff", "webp"])
def test_tiff_and_webp_figures_from_savefig(fmt):
    fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
    fig.colorbar(ax.imshow(smooth_field(20, 30, 2) + 1.0, cmap="magma", vmin=0, vmax=2))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    plt.close(fig)
    panel = tp.read_figure(buffer.getvalue()).panels[0]
    assert panel.cmap == "magma" and abs(panel.vmin) < 0.05 and abs(panel.vmax - 2) < 0.05


@pytest.mark.parametrize("given", ["bytes", "path"])
def test_figures_past_the_decode_cap_are_refused_like_load(tmp_path, monkeypatch, given):
    path = tmp_path / "figure.png"
    path.write_bytes(_figure_png())
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", "1000")  # the knob tp.load obeys
    with pytest.raises(tp.errors.DecompressionBombError, match="TRUEPIX_MAX_DECODED_BYTES"):
        tp.read_figure(path.read_bytes() if given == "bytes" else path)
    with pytest.raises(tp.errors.DecompressionBombError):
        tp.load(path)


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(tp.errors.ReadError, match="expected a readable figure file"):
        tp.read_figure(tmp_path / "nothing.png")


@pytest.mark.parametrize("fmt", ["jpeg", "png"])
def test_a_photo_gives_a_reading_without_ticks(fmt):
    # matplotlib's sample photo (a JPEG), and the same photo as plt.imsave writes a PNG
    import matplotlib.cbook as cbook

    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    if fmt == "jpeg":
        with open(path, "rb") as file:
            data = file.read()
    else:
        buffer = io.BytesIO()
        plt.imsave(buffer, plt.imread(path), format="png")
        data = buffer.getvalue()
    reading = tp.read_figure(data)
    for panel in reading.panels:
        for axis in (panel.x, panel.y):
            assert axis.scale is None and not [t for t in axis.ticks if t.inlier]


def test_empty_label_strips_read_as_no_labels():
    from truepix.figures import _labels

    ink = np.zeros((40, 60), np.uint8)
    for side, at in (("bottom", 40), ("top", 0), ("left", 0), ("right", 60)):
        ticks, marks, other, _ = _labels.read_side(ink, ink, side, at, (5, 30))
        assert ticks == [] and marks.size == 0 and other == []


def test_masked_arrays_follow_the_picture_rule():
    picture = np.ma.masked_equal(np.zeros((30, 40, 3), np.uint8), 1)
    picture[0, 0] = np.ma.masked
    with pytest.raises(tp.errors.UnsupportedInputError) as figure_error:
        tp.read_figure(picture)
    with pytest.raises(tp.errors.UnsupportedInputError) as bar_error:
        tp.find_colorbar(picture)
    assert type(figure_error.value) is type(bar_error.value)
    with pytest.raises(tp.errors.OutOfRangeError):
        tp.read_figure(np.full((30, 40, 3), 2.0))  # 0..255 floats: the same refusal as everywhere


def _own_colors_figure(tmp_path):
    # a colormap no catalog holds: the panel is decoded with the bar's own colors
    cmap = LinearSegmentedColormap.from_list("mine", ["#102030", "#e0a000", "#30f0c0"])
    fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
    fig.colorbar(ax.imshow(smooth_field(30, 40, 5), cmap=cmap, interpolation="bilinear"))
    path = tmp_path / "own.png"
    path.write_bytes(save(fig, [ax], []).png)
    return path


def test_report_repaints_with_the_bars_own_colors(tmp_path):
    from truepix.figures._report import rerender

    path = _own_colors_figure(tmp_path)
    reading = tp.read_figure(path)
    panel = reading.panels[0]
    assert panel.cmap in ("colorbar", "custom")
    r0, r1, c0, c1 = panel.interior
    painted = rerender(reading)[r0 + 2 : r1 - 2, c0 + 2 : c1 - 2].astype(int)
    drawn = reading.image[r0 + 2 : r1 - 2, c0 + 2 : c1 - 2].astype(int)
    assert np.median(np.abs(painted - drawn)) <= 3  # the figure, painted again from its values
    result = CliRunner().invoke(cli, ["read-figure", str(path), "--report", str(tmp_path / "r.png")])
    assert result.exit_code == 0, result.output
    assert tp.load(tmp_path / "r.png").shape[-1] in (3, 4)
