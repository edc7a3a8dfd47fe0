"""`pip install truepix` without extras: the core works with the core dependencies alone.

The extras' modules (scipy, xarray, dask, the OCR, the web server, Pillow,
OpenCV, scikit-image ...; not Pillow, which matplotlib needs) are made unimportable in a fresh interpreter, which
then runs the core workflow. A core function that reaches for an extra's module
fails here with ModuleNotFoundError -- as it would for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import truepix

#: Top-level modules that only the extras (or the test tools) install.
EXTRAS_ONLY = [
    "scipy", "xarray", "dask", "distributed", "zarr", "healpy", "rapidocr", "onnxruntime",
    "starlette", "uvicorn", "cv2", "skimage", "seaborn", "pandas", "playwright",
]  # fmt: skip

SCRIPT = """
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (an extra's module)")
        return None

sys.meta_path.insert(0, Block())

import imagecodecs
import numpy as np
import truepix as tp

rng = np.random.default_rng(0)
field = rng.normal(size=(64, 96)).cumsum(axis=0)

# 1. exact round trips
for name, array in {"f.png": field.astype(np.float32), "u.tif": rng.integers(0, 9, (5, 6, 3))}.items():
    tp.save(OUT + "/" + name, array)
    back = tp.load(OUT + "/" + name)
    assert back.dtype == array.dtype and np.array_equal(back, array), name

# 2. colormaps: exact; annotated with antialiased white lines (their fringe); JPEG'd
picture = tp.colorize(field, cmap="viridis")
values = tp.decolorize(picture, cmap="viridis", vmin=field.min(), vmax=field.max())
assert np.nanmax(np.abs(values - field)) <= (field.max() - field.min()) / 255
smooth = rng.normal(size=(128, 128)).cumsum(axis=0).cumsum(axis=1)
yy, xx = np.mgrid[0:128, 0:128]
annotated = tp.colorize(smooth, cmap="jet").astype(float)
for k in range(4):
    distance = np.abs(yy - (0.3 + 0.2 * k) * xx - 10 * k) / np.hypot(1, 0.3 + 0.2 * k)
    ink = np.clip(1.5 - distance, 0, 1)[..., None]
    annotated[..., :3] = annotated[..., :3] * (1 - ink) + 255 * ink
annotated = np.round(annotated).astype(np.uint8)
lines = tp.decolorize(annotated, cmap="jet", vmin=0, vmax=1)
assert np.isnan(lines[(annotated[..., :3] == 255).all(axis=-1)]).all()
jpeg = imagecodecs.jpeg8_decode(imagecodecs.jpeg8_encode(np.ascontiguousarray(picture[..., :3]), level=75))
assert np.isfinite(tp.decolorize(jpeg, cmap="viridis", vmin=0, vmax=1)).mean() > 0.99
assert tp.identify_colormap(picture, top=3)[0].name in {"viridis", "matplotlib:viridis"}
tp.find_colorbar(picture)

# 3. stacks and 4. display
stack = rng.integers(0, 255, (4, 8, 8), dtype=np.uint8)
assert tp.pixel_histogram(stack, bins=4, range=(0, 256)).sum() == stack.size
assert tp.equalize(stack).shape == stack.shape
assert 0 <= tp.to_display(field).min() <= tp.to_display(field).max() <= 1
# the command line's core subcommands
from truepix.cli.main import cli

for args in (["info", OUT + "/f.png"], ["colorize", OUT + "/f.png", OUT + "/c.png", "--cmap", "jet"]):
    cli.main(args=args, prog_name="truepix", standalone_mode=False)
print("core ok")
"""


def test_the_core_runs_without_any_extra(tmp_path: Path) -> None:
    code = f"BLOCKED = {set(EXTRAS_ONLY)!r}\nOUT = {str(tmp_path)!r}\n" + textwrap.dedent(SCRIPT)
    src = str(Path(truepix.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("core ok")
