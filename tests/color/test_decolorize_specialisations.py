"""numba compiles a kernel once per argument types: one picture's path must not compile
the decoder again for another picture that differs only in being read-only (what
``np.asarray`` of a Pillow image gives) -- on a fresh install each such compile of
the whole decoder took minutes.

The decodes run in a new process: kernels other tests call directly (with arrays
of their own making) would otherwise add their signatures to the count."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import matplotlib
import numpy as np
from numba.core import types
from numba.core.dispatcher import Dispatcher

from tests.color._photographs import pillow_jpeg
import truepix as tp


def _picture(seed: int, shape: tuple[int, int] = (96, 128)) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : shape[0], 0 : shape[1]] / 96.0
    field = np.sin(3 * x + seed) * np.cos(2 * y) + 0.05 * rng.standard_normal(x.shape)
    field = (field - field.min()) / (field.max() - field.min())
    return matplotlib.colormaps["viridis"](field, bytes=True)[..., :3]


def _figure() -> np.ndarray:
    """An imshow figure with a colorbar (jet), as savefig's PNG gives it (RGB)."""
    import io

    import matplotlib.pyplot as plt
    from PIL import Image

    y, x = np.mgrid[0:120, 0:160]
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    fig.colorbar(ax.imshow(np.sin(x / 30) + np.cos(y / 23), cmap="jet"))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _writable(array: types.Type) -> types.Type:
    if isinstance(array, types.Array) and not array.mutable:
        return array.copy(readonly=False)
    if isinstance(array, types.BaseTuple):
        return types.Tuple([_writable(t) for t in array.types])
    return array


def _kernels() -> list[Dispatcher]:
    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("truepix.color._decolorize"):
            for value in vars(module).values():
                if isinstance(value, Dispatcher):
                    found[id(value)] = value
    return list(found.values())


def _doubled() -> list[str]:
    """Run in the new process: the kernels holding two signatures that differ only
    in read-only arrays, after decoding writable and read-only pictures, small and large."""
    exact = _picture(1)
    frozen = _picture(2)
    frozen.flags.writeable = False
    jpeg = pillow_jpeg(_picture(3))
    assert not jpeg.flags.writeable
    # over 400 000 pixels: the JPEG test reads a sample of rows (a copy), not the picture
    large = pillow_jpeg(_picture(4, (640, 720)))
    for picture in (exact, frozen, jpeg, np.ascontiguousarray(jpeg), large):
        values = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
        assert np.isfinite(values).mean() > 0.99
    # a JPEG'd figure: read_figure decodes its plot's region (its own arrays, writable)
    tp.read_figure(pillow_jpeg(_figure()))
    doubled = []
    for kernel in _kernels():
        signatures = [tuple(_writable(t) for t in sig) for sig in kernel.signatures]
        if len(set(signatures)) < len(signatures):
            doubled.append(kernel.py_func.__qualname__)
    return doubled


def test_read_only_pictures_share_the_kernels_of_writable_ones():
    script = textwrap.dedent(
        f"""
        import importlib.util, json
        spec = importlib.util.spec_from_file_location("specialisations", {__file__!r})
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(json.dumps(module._doubled()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
