"""A first read_figure in a fresh process reads what a warm one reads.

The first call starts the OCR session, the identification tables and some
imports in a background thread while it works on the picture; whatever order
those finish in, the reading must be the same as in a process where they were
all ready. The fresh process also must not import dask.array: the panel's
DataArray is built without xarray's dask check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LogNorm

import truepix as tp
from tests.figures.conftest import save, smooth_field

CHILD = """
import json, sys
import numpy as np
import xarray  # dask.array, if xarray's own import brings it, is not read_figure's
before = "dask.array" in sys.modules
import truepix as tp
reading = tp.read_figure(sys.argv[1])
out = sys.argv[2]
for k, panel in enumerate(reading.panels):
    np.save(f"{out}/values{k}.npy", panel.data.values)
    np.save(f"{out}/x{k}.npy", panel.data.x.values)
    np.save(f"{out}/y{k}.npy", panel.data.y.values)
summary = {
    "panels": [[list(p.bbox), None if p.colorbar is None else list(p.colorbar.bbox), p.grid, p.data.attrs]
               for p in reading.panels],
    "dask_array_imported": ("dask.array" in sys.modules) and not before,
}
print(json.dumps(summary, default=float))
"""


@pytest.fixture(scope="module")
def figure(tmp_path_factory) -> Path:
    """Two panels: a blocky imshow (its cell grid read) and a log pcolormesh (labels with exponents)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90)
    fig.colorbar(left.imshow(smooth_field(12, 16, 4) * 50 + 20, cmap="magma"), ax=left)
    values = np.exp(smooth_field(24, 30, 5) * 4)
    fig.colorbar(right.pcolormesh(values, cmap="viridis", norm=LogNorm(values.min(), values.max())), ax=right)
    made = save(fig, [left, right], [])
    path = tmp_path_factory.mktemp("first_call") / "figure.png"
    path.write_bytes(made.png)
    return path


def test_a_fresh_process_reads_what_a_warm_one_reads(figure, tmp_path):
    warm = tp.read_figure(figure)
    source = Path(tp.__file__).resolve().parents[1]  # this truepix, not an installed one
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(figure), str(tmp_path)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    fresh = json.loads(done.stdout.strip().splitlines()[-1])
    assert not fresh["dask_array_imported"]
    assert len(fresh["panels"]) == len(warm.panels) == 2
    for k, (panel, (bbox, bar, grid, attrs)) in enumerate(zip(warm.panels, fresh["panels"], strict=True)):
        assert list(panel.bbox) == bbox
        assert (None if panel.colorbar is None else list(panel.colorbar.bbox)) == bar
        assert (None if panel.grid is None else list(panel.grid)) == grid
        assert json.loads(json.dumps(panel.data.attrs, default=float)) == attrs
        for name, warm_values in (("values", panel.data.values), ("x", panel.data.x.values), ("y", panel.data.y.values)):
            fresh_values = np.load(tmp_path / f"{name}{k}.npy")
            assert fresh_values.dtype == warm_values.dtype and fresh_values.shape == warm_values.shape
            np.testing.assert_array_equal(fresh_values, warm_values)
    assert warm.panels[0].grid == (12, 16)


def _fresh_process(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    source = Path(tp.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False)


def test_a_first_call_that_reaches_numba_at_once_does_not_race_the_warm_up(tmp_path):
    # A plt.imsave picture has no axes or bar to search, so the call imports numba (to
    # identify the map) while the background thread is importing it too: the two
    # imports once met inside numba's package and one got a half-initialised module.
    path = tmp_path / "imsave.png"
    plt.imsave(path, np.cumsum(np.random.default_rng(0).random((120, 160)), axis=1))
    done = _fresh_process(
        "import sys, truepix as tp; r = tp.read_figure(sys.argv[1]); print(len(r.panels), r.panels[0].data.attrs['cmap'])",
        str(path),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "viridis"]


def test_a_process_whose_reading_ends_at_once_exits_cleanly():
    # Nothing to read: the call returns while the OCR session may still be being built
    # in the background; the interpreter must not finalise under it (onnxruntime aborts
    # the process). Whether it did depended on timing, so three processes are tried.
    code = "import numpy as np, truepix as tp; print(len(tp.read_figure(np.full((300, 400, 3), 255, np.uint8)).panels))"
    for _ in range(3):
        done = _fresh_process(code)
        assert (done.returncode, done.stdout.strip()) == (0, "0"), done.stderr[-2000:]
