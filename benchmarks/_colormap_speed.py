"""The speed section of ``benchmarks/colormaps.py``: megapixels per second, peers side by side.

"Cold" is a new ``Decolorizer`` for a colormap not used before in the process: its
grid cells and answers are built from nothing; numba's compiled kernels, loaded once
per process, are already loaded by the warm runs on the same kind of picture.
"Cold, fresh process" is the first call in a new process (numba's cache warm): it
also loads every kernel of the picture's path from numba's cache; the process's
imports and numba's own start (its first call, whatever the kernel) are left out.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from _first_call_speed import print_first_call

from truepix import Decolorizer, decolorize

#: (rgb, data) -> (picture, truth), as ``colormaps.CONDITIONS`` holds them.
Degrade = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
#: colormap -> decoder, as the accuracy section's method classes build them.
Method = Callable[[Any], Callable[[np.ndarray], np.ndarray]]


@dataclass(frozen=True)
class Peers:
    """What the speed run times next to truepix (built by ``benchmarks/colormaps.py``)."""

    colormap: Callable[[str], Any]  # name -> matplotlib Colormap
    nearest: Method  # the k-d tree baseline
    seed_table: Method  # the seed's lookup table (its build is timed too)
    seed_label: str  # e.g. "seed LUT 64^3"
    unmap: Method | None  # unmap 0.1.2 when it could be loaded


def _best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def _cold(name: str, picture: np.ndarray) -> np.ndarray:
    return Decolorizer(name, vmin=0.0, vmax=1.0).values(picture)


#: A fresh process: truepix, numba and matplotlib imported and numba started (its
#: first call loads its own CPU target, ~0.3-0.8 s whatever the kernel: a tiny picture
#: of another map), then the first call on the picture, every kernel of its path
#: loaded from numba's cache.
_FRESH = """
import sys, time
import numpy as np
import truepix as tp
tp.Decolorizer("gray", vmin=0.0, vmax=1.0).values(np.zeros((8, 8, 3), np.uint8))
picture = np.load(sys.argv[2])
started = time.perf_counter()
tp.Decolorizer(sys.argv[1], vmin=0.0, vmax=1.0).values(picture)
print(time.perf_counter() - started)
"""


def _fresh(name: str, picture: np.ndarray) -> float:
    """Seconds of the first decode of ``picture`` with map ``name`` in a new process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "picture.npy"
        np.save(path, picture)
        done = subprocess.run(
            [sys.executable, "-c", _FRESH, name, str(path)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    return float(done.stdout.split()[-1])


def _default_call(picture: np.ndarray) -> np.ndarray:
    """``tp.decolorize`` with the defaults (its warnings, printed once, silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return decolorize(picture, cmap="viridis", vmin=0.0, vmax=1.0)


def _truepix_rows(
    data: np.ndarray, degrade: Mapping[str, Degrade], pictures: Mapping[str, np.ndarray],
    colormap: Callable[[str], Any],
) -> list[tuple[str, str, float]]:  # fmt: skip
    """truepix warm (a kept decoder, and the default ``decolorize`` call), cold and cold in a
    fresh process, per kind of picture."""
    rows: list[tuple[str, str, float]] = []
    # colormaps never used before in this process, three for each kind of picture
    fresh = iter(["inferno", "plasma", "cividis", "magma", "turbo", "cubehelix", "gnuplot2",
                  "cool", "spring", "copper", "hot", "ocean"])  # fmt: skip
    for label, picture in pictures.items():
        warm = Decolorizer("viridis", vmin=0.0, vmax=1.0)
        warm.values(picture)
        warm_run = functools.partial(warm.values, picture)
        rows.append((label, "truepix, warm Decolorizer", _best(warm_run, 7)))
        # the default call, as most users write it: its kept decoder, plus its checks
        call = functools.partial(_default_call, picture)
        call()
        rows.append((label, "truepix, warm decolorize() call", _best(call, 7)))
        if label.startswith("noise"):  # what the k-d tree does: no spatial filter
            plain = Decolorizer("viridis", denoise=False, vmin=0.0, vmax=1.0)
            plain.values(picture)
            plain_run = functools.partial(plain.values, picture)
            rows.append((label, "truepix, warm, denoise=False", _best(plain_run, 7)))
        names = [next(fresh) for _ in range(3)]
        seconds, fresh_seconds = [], []
        for name in names:
            # the same field drawn with the new map and degraded the same way
            cold_picture = degrade[label](colormap(name)(data, bytes=True)[..., :3], data)[0]
            seconds.append(_best(functools.partial(_cold, name, cold_picture), 1))
            fresh_seconds.append(_fresh(name, cold_picture))
        rows.append(
            (label, f"truepix, cold (median of {len(names)} maps)", float(np.median(seconds)))
        )
        rows.append((label, "truepix, cold, fresh process", float(np.median(fresh_seconds))))
    return rows


def _margin_rows(
    data: np.ndarray, degrade: Mapping[str, Degrade], cmap: Any
) -> list[tuple[str, str, float]]:  # fmt: skip
    """viridis inside a white margin, JPEG q75: a picture of the same size, half of it
    margin (the field's corner, a square of side / sqrt(2), in the middle), as a figure
    saved with ``savefig`` brings it. Its off-map half is decided once (a fill) and
    costs what deciding it costs, not a stroke search over it (issue 11, trial41)."""
    size = data.shape[0]
    side = int(round(size / np.sqrt(2.0))) // 2 * 2
    start = (size - side) // 2
    rgb = np.full((size, size, 3), 255, dtype=np.uint8)
    rgb[start : start + side, start : start + side] = cmap(data[:side, :side], bytes=True)[
        ..., :3
    ]
    picture = degrade["JPEG q75"](rgb, data)[0]
    warm = Decolorizer("viridis", vmin=0.0, vmax=1.0)
    warm.values(picture)
    call = functools.partial(_default_call, picture)
    call()
    label = "JPEG q75 + margin"
    return [
        (label, "truepix, warm Decolorizer", _best(functools.partial(warm.values, picture), 7)),
        (label, "truepix, warm decolorize() call", _best(call, 7)),
    ]


def _saturated_rows(
    data: np.ndarray, degrade: Mapping[str, Degrade], peers: Peers
) -> tuple[list[tuple[str, str, float]], np.ndarray]:  # fmt: skip
    """jet on the JPEG q75 picture: a map that turns sharply, whose chroma 4:2:0 moves far
    off the map (ten times viridis's candidates for JPEG's model). Cold first: a new
    ``Decolorizer``'s first call (jet's grid and answers built from nothing). Returns the
    rows and the picture."""
    label = "JPEG q75 jet"
    picture = degrade["JPEG q75"](peers.colormap("jet")(data, bytes=True)[..., :3], data)[0]
    cold = _best(functools.partial(_cold, "jet", picture), 1)
    warm = Decolorizer("jet", vmin=0.0, vmax=1.0)
    warm.values(picture)
    return [
        (label, "truepix, warm Decolorizer", _best(functools.partial(warm.values, picture), 7)),
        (label, "truepix, cold (jet)", cold),
    ], picture


def _photo_rows(
    photo: np.ndarray, degrade: Mapping[str, Degrade], peers: Peers
) -> list[tuple[str, str, float]]:  # fmt: skip
    """viridis and jet on a photograph, JPEG q75: the texture users' pictures have. A
    smooth field leaves JPEG's model little to miss; on a photograph 4:2:0 blends thin
    features' chroma with their neighbours', and many more pixels are judged (jet: its
    branches too). Cold: a new ``Decolorizer``'s first call (the map's catalog entry is
    already loaded in this process); the k-d tree beside each."""
    rows: list[tuple[str, str, float]] = []
    for name in ("viridis", "jet"):
        label = "photo q75" + (f" {name}" if name != "viridis" else "")
        rgb = np.ascontiguousarray(peers.colormap(name)(photo, bytes=True)[..., :3])
        picture = degrade["JPEG q75"](rgb, photo)[0]
        cold = _best(functools.partial(_cold, name, picture), 1)
        warm = Decolorizer(name, vmin=0.0, vmax=1.0)
        warm.values(picture)
        warm_run = functools.partial(warm.values, picture)
        rows.append((label, "truepix, warm Decolorizer", _best(warm_run, 7)))
        rows.append((label, f"truepix, cold ({name})", cold))
        tree = peers.nearest(peers.colormap(name))
        rows.append((label, "nearest RGB (cKDTree)", _best(lambda t=tree, p=picture: t(p), 1)))
    return rows


def speed(
    data: np.ndarray, degrade: Mapping[str, Degrade], peers: Peers, *, photo: np.ndarray
) -> None:
    """Megapixels per second on one square picture of ``data`` drawn with viridis.

    ``degrade``: the kinds of picture (label -> degradation), each timed for truepix
    warm and cold; the peers run on the exact, JPEG q75 and noisy ones. ``photo``: a
    photograph of the same size, timed JPEG'd with viridis and jet (``_photo_rows``).
    """
    size = data.shape[0]
    megapixels = data.size / 1e6
    cmap = peers.colormap("viridis")
    # contiguous, as a PNG read from disk is (a [..., :3] view of RGBA costs a copy)
    exact_rgb = np.ascontiguousarray(cmap(data, bytes=True)[..., :3])
    pictures = {label: step(exact_rgb, data)[0] for label, step in degrade.items()}
    rows = _truepix_rows(data, degrade, pictures, peers.colormap)
    # (next to the all-data JPEG q75 rows)
    after = max(k for k, row in enumerate(rows) if row[0] == "JPEG q75") + 1
    rows[after:after] = _margin_rows(data, degrade, cmap)
    saturated, jet_picture = _saturated_rows(data, degrade, peers)
    rows += saturated
    tree = peers.nearest(cmap)
    for label in ("exact PNG", "JPEG q75", "noise 2 DN"):
        picture = pictures[label]
        rows.append((label, "nearest RGB (cKDTree)", _best(lambda p=picture: tree(p), 1)))
    jet_tree = peers.nearest(peers.colormap("jet"))
    rows.append(("JPEG q75 jet", "nearest RGB (cKDTree)", _best(lambda: jet_tree(jet_picture), 1)))
    rows += _photo_rows(photo, degrade, peers)
    started = time.perf_counter()
    table = peers.seed_table(cmap)
    build = time.perf_counter() - started
    lookup = _best(lambda: table(pictures["exact PNG"]), 3)
    rows.append(("exact PNG", f"{peers.seed_label}, lookup", lookup))
    rows.append(("exact PNG", f"{peers.seed_label}, build + lookup", build + lookup))
    if peers.unmap is not None:
        peer = peers.unmap(cmap)
        rows.append(("exact PNG", "unmap 0.1.2", _best(lambda: peer(pictures["exact PNG"]), 1)))
    baseline = {label: seconds for label, method, seconds in rows if method.startswith("nearest")}
    maps = "viridis (jet where named)"
    print(f"\nSpeed on a {size}x{size} picture ({megapixels:.1f} MP), {maps}, best of runs")
    print("fields: fBm terrain; photo: scikit-image's astronaut (gray), tiled 2x2")
    header = f"{'picture':<17} {'method':<34} {'ms':>9} {'MP/s':>8} {'x nearest RGB':>14}"
    print(header)
    print("-" * len(header))
    for label, method, seconds in rows:
        base = baseline.get(label, baseline["exact PNG"])
        print(
            f"{label:<17} {method:<34} {1e3 * seconds:>9.1f} {megapixels / seconds:>8.1f}"
            f" {base / seconds:>14.1f}"
        )
    print_first_call({label: pictures[label] for label in ("exact PNG", "JPEG q75")})
