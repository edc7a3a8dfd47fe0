"""The figure flow in Chromium: drop a matplotlib figure, check the reading, correct it, download.

The oracle for the page's numbers is :func:`truepix.read_figure` on the same
file (the page must hand over exactly what the library reads) and, for the
range and the values, the array matplotlib drew.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import time
import urllib.request
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest

import truepix as tp

matplotlib.use("Agg")

VMIN, VMAX = -40.0, 40.0
READ_TIMEOUT_MS = 240_000  # a cold read on a busy 2-core machine takes tens of seconds
DOCS_IMAGE = Path(__file__).resolve().parents[2] / "docs" / "images" / "web_page.png"


def heatmap_figure(path: Path, *, width: int = 1000, height: int = 800) -> np.ndarray:
    """A 1000x800 imshow figure with a colorbar, as people make them; returns the array drawn."""
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(7)
    rows, columns = np.mgrid[0:60, 0:80]
    data = 20 * np.sin(columns / 9.0) + 15 * np.cos(rows / 7.0) + rng.normal(0, 1, (60, 80))
    figure, axes = plt.subplots(figsize=(width / 100, height / 100), dpi=100)
    image = axes.imshow(data, cmap="viridis", vmin=VMIN, vmax=VMAX, extent=(0, 8, 0, 6),
                        origin="lower", interpolation="nearest")  # fmt: skip
    figure.colorbar(image, ax=axes, label="temperature [K]")
    axes.set_xlabel("distance [km]")
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return data


def hand_over(page: Any, path: Path, how: str) -> None:
    """Drop ``path`` on the figure zone, or paste it, as a browser does (a DataTransfer holding a File)."""
    event = {
        "drop": "document.querySelector('#figure-drop').dispatchEvent("
                "new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}))",
        "paste": "document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: transfer}))",
    }[how]  # fmt: skip
    page.evaluate(
        "([data, name, type]) => { const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));"
        " const transfer = new DataTransfer(); transfer.items.add(new File([bytes], name, {type}));"
        f" {event}; }}",
        [base64.b64encode(path.read_bytes()).decode(), path.name, "image/png"],
    )


def wait_revision(page: Any, before: str) -> None:
    """Wait for the page to show a new reading (or an error); the page's CSP forbids eval."""
    page.wait_for_selector(
        f"body:not([data-revision='{before}']), body[data-state='error']", timeout=READ_TIMEOUT_MS
    )
    assert page.get_attribute("body", "data-state") == "read", page.inner_text("#error")


def download(page: Any, selector: str, folder: Path) -> Path:
    with page.expect_download() as event:
        page.click(selector)
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    return path


def csv_table(path: Path) -> np.ndarray:
    assert path.read_text().splitlines()[0] == "x,y,value"
    return np.loadtxt(path, delimiter=",", skiprows=1)


@pytest.mark.slow
def test_figure_to_data_in_the_browser(page: Any, server: Any, tmp_path: Path, shot: Any) -> None:
    figure = tmp_path / "heatmap.png"
    truth = heatmap_figure(figure)

    # page load, then the first result, as a user gets them (the server warmed up first)
    started = time.perf_counter()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready='true']")
    load_s = time.perf_counter() - started
    deadline = time.monotonic() + READ_TIMEOUT_MS / 1000
    while not json.loads(urllib.request.urlopen(server.url + "/api/status").read())["figure_reader_warm"]:
        assert time.monotonic() < deadline, "the figure reader never warmed up"
        time.sleep(0.2)
    started = time.perf_counter()
    hand_over(page, figure, "drop")
    page.wait_for_selector("body[data-state='read']", timeout=READ_TIMEOUT_MS)
    page.wait_for_selector("#overlay rect.plot")
    first_result_s = time.perf_counter() - started
    print(f"\n1000x800 figure: page load {load_s:.2f} s, first result {first_result_s:.2f} s")

    # the overlay: one plot area and its colorbar; the range against the truth
    assert page.locator("#overlay rect.plot").count() == 1
    assert page.locator("#overlay rect.colorbar").count() == 1
    assert page.locator("#overlay text").count() >= 5  # tick labels read, drawn where they are
    vmin = float(page.input_value(".found .vmin"))
    vmax = float(page.input_value(".found .vmax"))
    span = VMAX - VMIN
    assert abs(vmin - VMIN) <= 0.005 * span and abs(vmax - VMAX) <= 0.005 * span
    assert "viridis" in page.inner_text(".found .summary")
    shot(page, "figure_read")
    if os.environ.get("TRUEPIX_WRITE_DOCS_IMAGES"):
        DOCS_IMAGE.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot(page, "web_page"), DOCS_IMAGE)

    # hover: the value under the cursor is the value matplotlib drew there
    plot = page.locator("#overlay rect.plot").bounding_box()
    page.mouse.move(plot["x"] + plot["width"] * 0.37, plot["y"] + plot["height"] * 0.61)
    readout = page.locator("#readout")
    x, y, value = (float(readout.get_attribute(f"data-{key}")) for key in ("x", "y", "value"))
    row, column = int(y / 0.1), int(x / 0.1)  # extent (0, 8, 0, 6), origin lower: 0.1 per cell
    max_error = json.loads(page.evaluate("JSON.stringify(state.reading.panels[0].max_error)"))
    assert abs(value - truth[row, column]) <= max_error + 1e-5  # the hover reads float32

    # the CSV, .npy and NetCDF are what tp.read_figure reads from the same file
    oracle = tp.read_figure(figure).panels[0].data
    table = csv_table(download(page, "#downloads .download-csv", tmp_path))
    columns, rows = np.meshgrid(oracle["x"].values, oracle["y"].values)
    np.testing.assert_array_equal(table[:, 0], columns.ravel())
    np.testing.assert_array_equal(table[:, 1], rows.ravel())
    np.testing.assert_array_equal(table[:, 2], oracle.values.ravel())
    npy = np.load(download(page, "#downloads .download-npy", tmp_path))
    np.testing.assert_array_equal(npy, oracle.values)
    import xarray

    with xarray.open_dataarray(download(page, "#downloads .download-nc", tmp_path)) as netcdf:
        np.testing.assert_array_equal(netcdf.values, oracle.values)
        np.testing.assert_array_equal(netcdf["x"].values, oracle["x"].values)
        assert netcdf.attrs["cmap"] == "viridis"

    # drag the colorbar's top edge down: the bar's range shrinks, the values change
    revision = page.get_attribute("body", "data-revision")
    page.evaluate("window.scrollTo(0, 0)")  # the download links scrolled the page
    bar = page.locator("#overlay rect.colorbar").bounding_box()
    top = (bar["x"] + bar["width"] / 2, bar["y"] + 1)
    page.mouse.move(*top)
    page.mouse.down()
    page.mouse.move(top[0], top[1] + bar["height"] * 0.25, steps=5)
    page.mouse.up()
    wait_revision(page, revision)
    shot(page, "figure_colorbar_dragged")
    dragged = np.load(download(page, "#downloads .download-npy", tmp_path))
    changed = np.isfinite(dragged) & np.isfinite(oracle.values) & (dragged != oracle.values)
    assert changed.mean() > 0.5
    assert float(page.input_value(".found .vmax")) < VMAX - 0.1 * span

    # the calibration JSON reproduces the corrected reading, in Python and in the page
    calibration = download(page, "#downloads .download-calibration", tmp_path)
    again = tp.read_figure(figure, calibration=calibration.read_text()).panels[0].data.values
    np.testing.assert_array_equal(again, dragged)
    revision = page.get_attribute("body", "data-revision")
    page.select_option(".found .cmap-select", "magma")  # another change, then the file undoes it
    wait_revision(page, revision)
    revision = page.get_attribute("body", "data-revision")
    page.set_input_files("#calibration-file", str(calibration))
    wait_revision(page, revision)
    np.testing.assert_array_equal(np.load(download(page, "#downloads .download-npy", tmp_path)), dragged)


@pytest.mark.slow
def test_corrections_in_the_side_panel(page: Any, tmp_path: Path, shot: Any) -> None:
    figure = tmp_path / "heatmap.png"
    heatmap_figure(figure, width=640, height=480)
    page.set_input_files("#figure-file", str(figure))
    page.wait_for_selector("body[data-state='read']", timeout=READ_TIMEOUT_MS)

    # type a tick value: the scale is re-anchored on it
    revision = page.get_attribute("body", "data-revision")
    ticks = page.locator(".found table.ticks tr")
    texts = [ticks.nth(i).locator("td").nth(1).inner_text() for i in range(1, ticks.count())]
    axes = [ticks.nth(i).locator("td").nth(0).inner_text() for i in range(1, ticks.count())]
    top = next(i for i, (a, t) in enumerate(zip(axes, texts, strict=True)) if a == "colorbar" and t == "40")
    field = ticks.nth(top + 1).locator("input")
    field.fill("80")
    field.dispatch_event("change")
    wait_revision(page, revision)
    assert float(page.input_value(".found .vmax")) > 70  # was 40

    # pick a colormap from the searchable catalog list
    revision = page.get_attribute("body", "data-revision")
    page.fill(".found .cmap-search", "magm")
    options = page.locator(".found .cmap-select option").all_inner_texts()
    assert "magma" in options and all("magm" in name.lower() for name in options)
    page.select_option(".found .cmap-select", "magma")
    wait_revision(page, revision)
    assert "magma" in page.inner_text(".found .summary")

    # a log scale over a range through zero is refused with a one-line reason; the reading stays
    page.select_option(".found .norm", "log")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error").startswith("expected a positive range for a log scale")
    shot(page, "figure_log_refused")


def test_junk_dropped_as_a_figure_shows_the_error(page: Any, tmp_path: Path, shot: Any) -> None:
    junk = tmp_path / "figure.png"  # the name says PNG, the bytes do not
    junk.write_bytes(b"<html>not a picture</html>")
    hand_over(page, junk, "paste")  # as from the clipboard
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == (
        "expected a PNG, JPEG or WebP picture, got 26 bytes starting b'<html>not a pict'"
    )
    assert page.locator("#figure-result").is_hidden()
    shot(page, "figure_junk")


@pytest.mark.slow
def test_the_demos_figure_to_csv_in_three_actions(page: Any, tmp_path: Path) -> None:
    """`truepix serve --open` (the page fixture), drop the demo's figure, click the CSV."""
    from truepix.cli._demo_figure import _figure

    png, field = _figure()  # what `truepix demo` writes as truepix-demo/figure.png
    figure = tmp_path / "figure.png"
    figure.write_bytes(png)
    hand_over(page, figure, "drop")
    page.wait_for_selector("body[data-state='read']", timeout=READ_TIMEOUT_MS)
    table = csv_table(download(page, "#downloads .download-csv", tmp_path))
    rows, columns = field.shape
    assert table.shape == (rows * columns, 3)  # one row per pcolormesh cell
    # pcolormesh draws row 0 at the bottom; the CSV goes row by row from the top
    values = table[:, 2].reshape(rows, columns)[::-1]
    max_error = json.loads(page.evaluate("JSON.stringify(state.reading.panels[0].max_error)"))
    assert np.nanmax(np.abs(values - field)) <= max_error
    assert np.isfinite(values).all()
