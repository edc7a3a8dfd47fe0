"""The page in Chromium: it loads offline, the exact-save and inspect tools, errors shown on the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

import truepix as tp


def test_exact_save_in_the_browser(page: Any, tmp_path: Path, shot: Any) -> None:
    rng = np.random.default_rng(5)
    array = rng.standard_normal((40, 30)).astype(np.float32)
    array[3, 4] = np.nan
    source = tmp_path / "field.npy"
    np.save(source, array)
    page.click("#tab-save")
    page.select_option("#save-format", "tiff")
    page.set_input_files("#save-file", str(source))
    page.wait_for_selector("body[data-state='saved']")
    assert "float32" in page.inner_text("#save-info") or "<f4" in page.inner_text("#save-info")
    shot(page, "exact_save")
    with page.expect_download() as download:
        page.click("#save-download")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "array.tif"
    loaded = tp.load(saved)
    assert loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()


def test_inspect_in_the_browser(page: Any, tmp_path: Path, shot: Any) -> None:
    path = tmp_path / "m.png"
    tp.save(path, np.linspace(-1, 1, 30).reshape(5, 6), encoding="linear", bits=8)
    page.click("#tab-inspect")
    page.set_input_files("#inspect-file", str(path))
    page.wait_for_selector("body[data-state='inspected']")
    table = page.inner_text("#inspect-info")
    oracle = tp.info(path)
    assert "linear" in table and f"{oracle.max_error}" in table and "checksum verified" in table
    shot(page, "inspect")


def test_junk_shows_the_one_line_error(page: Any, tmp_path: Path, shot: Any) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a picture at all")
    page.click("#tab-inspect")
    page.set_input_files("#inspect-file", str(junk))
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == (
        "expected a PNG, TIFF, JPEG XL or WebP file (what tp.info describes), got 20 bytes "
        "starting b'not a picture at'"
    )
    shot(page, "inspect_error")
