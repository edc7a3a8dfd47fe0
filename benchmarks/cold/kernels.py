"""Which numba kernels the first decode of a picture loads, and their CPU time.

python benchmarks/cold/kernels.py [--kind png|jpeg75|jpeg50|noise] [--map viridis]
                                  [--then magma] [--size 1024]

A fresh process, as ``colormaps.py``'s "fresh process" row: truepix imported, numba started
on a tiny gray picture, then the first decode of a 1024^2 fBm terrain field drawn with
``--map`` (and degraded as ``--kind`` says). ``numba``'s ``Dispatcher.compile`` is wrapped
to time each kernel it loads (CPU, ``process_time``; a load from numba's cache, or a compile
where the cache is cold: the column says which), and each import that loads new modules
(Python compiles their source where no ``.pyc`` is kept: ``PYTHONDONTWRITEBYTECODE``).
Prints the kernels the first decode loaded, slowest first, their count and sum, and the
decode's CPU; ``--then`` decodes the same field drawn with a second map in the same process
(the benchmark's "cold" row: kernels of the kind already loaded) and lists what that call
still loaded.
"""

from __future__ import annotations

import argparse
import builtins
import io
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from numba.core import dispatcher  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _conditions import terrain_field  # noqa: E402

LOADS: list[tuple[str, float, str]] = []
_depth = [0]
_original = dispatcher.Dispatcher.compile


def _timed(self, sig):  # type: ignore[no-untyped-def]
    known = tuple(self.overloads)
    hits = sum(self._cache_hits.values())
    _depth[0] += 1
    started = time.process_time()
    try:
        return _original(self, sig)
    finally:
        spent = time.process_time() - started
        _depth[0] -= 1
        if tuple(self.overloads) != known:
            how = "cache" if sum(self._cache_hits.values()) > hits else "COMPILE"
            name = f"{self.py_func.__module__.rsplit('.', 1)[-1]}.{self.py_func.__name__}"
            LOADS.append((name, spent, how if _depth[0] == 0 else how + " (nested)"))


dispatcher.Dispatcher.compile = _timed

IMPORTS: list[float] = []  # CPU of each outermost import that loaded new modules
_import = builtins.__import__


def _timed_import(*args, **kwargs):  # type: ignore[no-untyped-def]
    if _depth[0]:
        return _import(*args, **kwargs)
    n_modules = len(sys.modules)
    _depth[0] += 1
    started = time.process_time()
    try:
        return _import(*args, **kwargs)
    finally:
        _depth[0] -= 1
        if len(sys.modules) > n_modules:
            IMPORTS.append(time.process_time() - started)


builtins.__import__ = _timed_import


def _picture(data: np.ndarray, name: str, kind: str) -> np.ndarray:
    import matplotlib as mpl
    from PIL import Image

    rgb = np.ascontiguousarray(mpl.colormaps[name](data, bytes=True)[..., :3])
    if kind == "png":
        return rgb
    if kind == "noise":
        noisy = rgb + np.random.default_rng(0).normal(0, 2, rgb.shape)
        return np.clip(noisy, 0, 255).round().astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=int(kind[4:]))
    return np.asarray(Image.open(buf).convert("RGB"))


def _report(title: str, spent: float, loads: list[tuple[str, float, str]]) -> None:
    total = sum(t for _, t, how in loads if "nested" not in how)
    print(f"{title}: {spent * 1e3:.1f} ms CPU; {len(loads)} kernels loaded, "
          f"{total * 1e3:.1f} ms of it; imports {sum(IMPORTS) * 1e3:.1f} ms")  # fmt: skip
    IMPORTS.clear()
    for name, t, how in sorted(loads, key=lambda row: -row[1]):
        print(f"  {t * 1e3:7.2f} ms  {name}  [{how}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", default="jpeg75")
    parser.add_argument("--map", default="viridis")
    parser.add_argument("--then", default="")
    parser.add_argument("--size", type=int, default=1024)
    args = parser.parse_args()
    started = time.process_time()
    import truepix as tp

    imported = time.process_time() - started
    data = terrain_field(args.size, np.random.default_rng(3))
    picture = _picture(data, args.map, args.kind)
    started = time.process_time()
    tp.Decolorizer("gray", vmin=0.0, vmax=1.0).values(np.zeros((8, 8, 3), np.uint8))
    _report(f"import truepix {imported * 1e3:.0f} ms; numba's start (8x8 gray)",
            time.process_time() - started, LOADS)  # fmt: skip
    LOADS.clear()
    started = time.process_time()
    tp.Decolorizer(args.map, vmin=0.0, vmax=1.0).values(picture)
    _report(f"first decode, {args.kind} {args.map}", time.process_time() - started, LOADS)
    if args.then:
        LOADS.clear()
        picture = _picture(data, args.then, args.kind)
        started = time.process_time()
        tp.Decolorizer(args.then, vmin=0.0, vmax=1.0).values(picture)
        _report(f"then {args.then}", time.process_time() - started, LOADS)


if __name__ == "__main__":
    main()
