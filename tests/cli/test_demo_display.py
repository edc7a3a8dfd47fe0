"""The display demo section: the README pictures, made from public functions only."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from rich.console import Console

import truepix
from tests._needs import need_module
from truepix.cli import _demo_display as section

README_LIMIT = 150 * 1024  # bytes: README pictures stay small


def run_section(out_dir: Path) -> str:
    buffer = io.StringIO()
    section.run_section(out_dir, Console(file=buffer, width=300))
    return buffer.getvalue()


def test_section_writes_every_picture_it_can_and_says_why_not_the_others(
    tmp_path: Path,
) -> None:
    output = run_section(tmp_path)
    for name, (_, _, needs) in section.PICTURES.items():
        path = tmp_path / name
        reason = section._missing(needs)
        if reason is None:
            with Image.open(path) as picture:
                assert picture.format == "PNG" and picture.width >= 400
            assert path.stat().st_size < README_LIMIT
        else:
            assert not path.exists()
            assert reason in output
    # made from this branch's own functions: these two are always there
    assert (tmp_path / "display_rgb.png").exists()
    assert (tmp_path / "healpix_labels.png").exists()


def test_section_previews_the_io_sections_viewable_picture(tmp_path: Path) -> None:
    field = np.linspace(-1.0, 1.0, 600).reshape(20, 30)
    truepix.save(tmp_path / "field_linear8.png", field, encoding="linear", bits=8)
    output = run_section(tmp_path)
    assert (tmp_path / "field_linear8.preview.png").exists()
    assert "truepix show" in output


def test_display_picture_shows_imshow_clipping_and_to_display_restoring() -> None:
    fig = section.display_rgb()
    original, clipped, restored = (ax.images[0].get_array() for ax in fig.axes)
    np.testing.assert_allclose(restored, original, atol=1e-15)
    # imshow kept only the upper half of rgb * 2 - 1
    np.testing.assert_allclose(clipped, np.clip(original * 2 - 1, 0, 1), atol=1e-15)
    assert "tp.to_display" in fig.axes[2].get_title()


def test_healpix_picture_labels_every_seen_pixel() -> None:
    need_module("healpy")
    fig = section.healpix_map()
    map_axes = fig.axes[0]
    texts = [t.get_text() for t in map_axes.texts]
    assert 0 < len(texts) < 48  # some pixels UNSEEN, unlabelled
    assert all(len(text.split(".")[-1]) == 2 for text in texts)  # fmt="{:.2f}"


def test_a_function_missing_from_the_build_is_a_reason_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(truepix._EXPORTS, "not_built", "truepix.not_built_here")
    assert section._public("not_built") is None
    assert section._missing(("to_display", "not_built")) == "needs tp.not_built (not in this build)"
    assert section._missing(("to_display",)) is None
    # its package is built but not the function yet
    monkeypatch.setitem(truepix._EXPORTS, "not_yet", "truepix.display")
    assert section._public("not_yet") is None
