"""The figure routes over HTTP on a stepped (contourf) figure: the re-rendering matches the figure."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.web.test_server import request

matplotlib.use("Agg")


def contourf_figure(path: Path) -> None:
    import matplotlib.pyplot as plt

    rows, columns = np.mgrid[0:90, 0:120]
    data = np.sin(columns / 17.0) * np.cos(rows / 13.0) * 3
    figure, axes = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    filled = axes.contourf(data, levels=np.linspace(-3, 3, 7), cmap="RdBu_r")
    figure.colorbar(filled, ax=axes)
    figure.savefig(path, dpi=100)
    plt.close(figure)


@pytest.mark.slow
def test_a_stepped_figure_is_read_drawn_again_and_compared(server: Any, tmp_path: Path) -> None:
    figure = tmp_path / "contourf.png"
    contourf_figure(figure)
    status, _, body = request(server, "/api/figure", figure.read_bytes())
    assert status == 200, body
    reading = json.loads(body)
    oracle = tp.read_figure(figure).panels[0]
    panel = reading["panels"][0]
    assert panel["shape"] == list(oracle.data.shape) and panel["cmap"] == oracle.cmap
    values = np.frombuffer(request(server, panel["values_url"])[2], dtype="<f4")
    np.testing.assert_array_equal(values, oracle.data.values.astype(np.float32).ravel())

    # the figure's own colors come back where the data was read: a correct reading looks right
    rendered = np.asarray(Image.open(io.BytesIO(request(server, panel["rendered_url"])[2])))
    assert rendered.shape == (*panel["shape"], 4)
    difference = np.asarray(Image.open(io.BytesIO(request(server, panel["difference_url"])[2])))
    read = np.isfinite(oracle.data.values)
    assert read.mean() > 0.9
    assert np.median(difference[..., 0][read]) <= 8 * 255 / 32  # within 8 levels on most cells

    # a calibration file from elsewhere replaces the corrections; a bad one is refused in one line
    status, _, body = request(server, reading["base"] + "/calibration", b'{"panels": 3}')
    assert status == 400 and json.loads(body)["error"].startswith("expected a calibration object")
