"""unmap 0.1.2, a peer of ``benchmarks/colormaps.py``: fetched, never installed.

``pip download`` puts its wheel in a cache folder and it is imported from there;
failures are reported as they happen.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import matplotlib as mpl
import numpy as np


def load_unmap() -> tuple[types.ModuleType | None, str]:
    """unmap 0.1.2 from a cache folder (pip download, never installed): (module, note)."""
    folder = Path(tempfile.gettempdir()) / "truepix-bench-unmap"
    wheel = next(folder.glob("unmap-0.1.2-*.whl"), None) if folder.exists() else None
    if wheel is None:
        folder.mkdir(exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "unmap==0.1.2",
            "-d",
            str(folder),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        wheel = next(folder.glob("unmap-0.1.2-*.whl"), None)
        if wheel is None:
            return None, f"not available: pip download failed ({done.stderr.strip()[-80:]})"
    unpacked = folder / "pkg"
    if not unpacked.exists():
        import zipfile

        zipfile.ZipFile(wheel).extractall(unpacked)
    sys.path.insert(0, str(unpacked))
    try:
        import unmap

        return unmap, _crash_note(unmap)
    except Exception as exc:  # the package import needs networkx, fsspec ...
        note = f"`import unmap` fails: {type(exc).__name__}: {exc}"
    finally:
        sys.path.remove(str(unpacked))
    # Its decoding function lives in unmap/unmap.py; only colormap *guessing* needs the
    # missing packages, so load that file alone with the guesser stubbed out.
    stub = types.ModuleType("unmap.unweave")
    stub.guess_cmap_from_array = None  # type: ignore[attr-defined]
    package = types.ModuleType("unmap")
    package.__path__ = [str(unpacked / "unmap")]
    sys.modules["unmap"], sys.modules["unmap.unweave"] = package, stub
    spec = importlib.util.spec_from_file_location("unmap.unmap", unpacked / "unmap" / "unmap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, note + "; unmap/unmap.py loaded alone; " + _crash_note(module)


def _crash_note(module: types.ModuleType) -> str:
    """What unmap does with a colormap *name*, the way its README calls it."""
    picture = mpl.colormaps["viridis"](np.linspace(0, 1, 16).reshape(4, 4))[..., :3]
    try:
        module.unmap(picture, cmap="viridis")
    except Exception as exc:
        crash = f"{type(exc).__name__}: {exc}"
        return f"unmap(img, cmap='viridis') crashes: {crash}; scored with a Colormap object"
    return "unmap(img, cmap='viridis') runs"


class Unmap:
    def __init__(self, module: types.ModuleType, cmap: mpl.colors.Colormap) -> None:
        self.module, self.cmap = module, cmap

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"), contextlib.redirect_stderr(io.StringIO()):
            values = self.module.unmap(rgb.astype(np.float64) / 255.0, cmap=self.cmap)
        # a gray picture comes back as itself, rescaled, all three channels
        return values[..., 0] if values.ndim == 3 else values
