"""The first decolorize in a fresh process: what it imports and loads, and that it decodes
what a warm process decodes.

A name's table comes from disk (no matplotlib import) once a process has read it
from matplotlib; no kernel is compiled again once numba's cache holds it. A
user's ``matplotlibrc`` (its ``image.lut`` changes the tables) sends the name to
matplotlib, and maps a user registers are never stored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import ListedColormap
from PIL import Image

import truepix as tp
from truepix.color import _catalog, _mpl_tables

CHILD = """
import json, sys
import numpy as np
from PIL import Image
picture = np.asarray(Image.open(sys.argv[1]).convert("RGB"))
import truepix as tp
np.save(sys.argv[3], tp.decolorize(picture, cmap=sys.argv[2], vmin=0.0, vmax=1.0))
imported = {"matplotlib": "matplotlib" in sys.modules}
print(json.dumps({**imported, "n_colors": tp.color.catalog[sys.argv[2]].n_colors}))
"""


def _fresh(tmp_path: Path, cwd: Path, *args: str) -> tuple[dict, str]:
    """Run CHILD in a new interpreter with this truepix, no user matplotlibrc unless ``cwd``
    holds one, and numba telling what its cache does."""
    source = Path(tp.__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k != "MATPLOTLIBRC"}
    env.update(
        PYTHONPATH=os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")]),
        MPLCONFIGDIR=str(tmp_path / "mplconfig"), XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path / "home"), NUMBA_DEBUG_CACHE="1",
    )  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, env=env, cwd=cwd,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stdout


@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_a_fresh_process_decodes_a_name_without_matplotlib(tmp_path, cmap):
    data = np.linspace(0.0, 1.0, 96 * 128).reshape(96, 128) ** 1.5
    path = tmp_path / "picture.png"
    plt.imsave(path, data, cmap=cmap, vmin=0.0, vmax=1.0)
    picture = np.asarray(Image.open(path).convert("RGB"))
    warm = tp.decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    out = tmp_path / "values.npy"
    _fresh(tmp_path, tmp_path, str(path), cmap, str(out))  # may store the table, compile
    second, log = _fresh(tmp_path, tmp_path, str(path), cmap, str(out))
    assert not second["matplotlib"], "the table of a built-in map comes from disk"
    assert "data saved" not in log  # every kernel of the path loaded from numba's cache
    np.testing.assert_array_equal(np.load(out), warm)


def test_a_users_matplotlibrc_sends_the_name_to_matplotlib(tmp_path):
    """``image.lut: 32`` makes matplotlib's jet 32 colors: the stored 256 must not be used."""
    path = tmp_path / "picture.png"
    plt.imsave(path, np.linspace(0, 1, 64).reshape(8, 8), cmap="jet", vmin=0.0, vmax=1.0)
    out = tmp_path / "values.npy"
    _fresh(tmp_path, tmp_path, str(path), "jet", str(out))  # stores jet's 256 colors
    work = tmp_path / "with_rc"
    work.mkdir()
    (work / "matplotlibrc").write_text("image.lut: 32\n")
    fresh, _ = _fresh(tmp_path, work, str(path), "jet", str(out))
    assert fresh["matplotlib"] and fresh["n_colors"] == 32


def test_stored_tables_are_matplotlibs_and_registered_maps_are_not_stored(
    tmp_path, monkeypatch
):  # fmt: skip
    monkeypatch.setattr(_mpl_tables, "key", lambda: "k" * 32)
    monkeypatch.setattr(_mpl_tables, "FOLDER", tmp_path)
    custom = ListedColormap([[0.1, 0.2, 0.3], [0.9, 0.8, 0.7]] * 40, name="truepix_test_own")
    matplotlib.colormaps.register(custom)
    try:
        for name in ("twilight", "tab10", "gray_r", "truepix_test_own"):
            assert _mpl_tables.matplotlib_entry(name, _catalog._load_matplotlib) is not None
    finally:
        matplotlib.colormaps.unregister("truepix_test_own")
    stored = sorted(p.name.split(".")[2] for p in tmp_path.glob("mpl_table.*.npz"))
    assert stored == ["gray_r", "tab10", "twilight"]
    for name in stored:
        fresh = _mpl_tables.read("k" * 32, name)
        from_matplotlib = _catalog._load_matplotlib(name)
        for field in ("lut", "lut_bytes", "under", "over", "bad"):
            np.testing.assert_array_equal(getattr(fresh, field), getattr(from_matplotlib, field))
        assert (fresh.cyclic, fresh.discrete, fresh.source) == (
            from_matplotlib.cyclic, from_matplotlib.discrete, "matplotlib",
        )  # fmt: skip
    assert _mpl_tables.read("k" * 32, "Twilight") is None  # a name is never case-folded here
    # another key (matplotlib or truepix changed): the old files go when a new one is written
    _mpl_tables.write("j" * 32, _catalog._load_matplotlib("magma"))
    assert [p.name for p in tmp_path.glob("mpl_table.*.npz")] == [f"mpl_table.{'j' * 32}.magma.npz"]


def test_a_process_with_matplotlib_imported_asks_matplotlib():
    assert "matplotlib" in sys.modules
    assert _mpl_tables.key() is None


def test_find_colorbars_modules_import_no_numba():
    """find_colorbar's modules use no numba: importing the packages must not bring it."""
    child = (
        "import sys, truepix.color._identify._colorbar, truepix.color._decolorize._result\n"
        "print('numba' in sys.modules)"
    )
    source = Path(tp.__file__).resolve().parents[1]
    path = os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": path}, check=True,
    )  # fmt: skip
    assert done.stdout.split() == ["False"]
