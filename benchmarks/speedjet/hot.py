"""Where a warm decode's CPU goes, function by function (cProfile with process_time).

python benchmarks/speedjet/hot.py KIND MAPS [SIDE] [N] [TOP]

KIND: png | jpeg75 | jpeg50 ...; MAPS comma-separated; SIDE the terrain's side (1024:
1 MP, 2048: 4 MP). A SIDE^2 fBm terrain (``_conditions.terrain_field``, rng 3) drawn
with each map (Pillow JPEG, 4:2:0), decoded by a warm ``Decolorizer(map, vmin=0,
vmax=1).values``: best of 7 plain calls (CPU ms), then the TOP functions by own time
(ms a call over N profiled calls; numba kernels count as their dispatcher's call).
Run with NUMBA_NUM_THREADS=1.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

import matplotlib as mpl
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _conditions import terrain_field  # noqa: E402

import truepix as tp  # noqa: E402


def main() -> None:
    kind, names = sys.argv[1], sys.argv[2].split(",")
    side = int(sys.argv[3]) if len(sys.argv) > 3 else 1024
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    top = int(sys.argv[5]) if len(sys.argv) > 5 else 16
    data = terrain_field(side, np.random.default_rng(3))
    for name in names:
        picture = np.ascontiguousarray(mpl.colormaps[name](data, bytes=True)[..., :3])
        if kind != "png":
            buffer = io.BytesIO()
            Image.fromarray(picture).save(buffer, format="JPEG", quality=int(kind[4:]))
            picture = np.asarray(Image.open(buffer).convert("RGB"))
        decoder = tp.Decolorizer(name, vmin=0.0, vmax=1.0)
        decoder.values(picture)
        best = np.inf
        for _ in range(7):
            started = time.process_time()
            decoder.values(picture)
            best = min(best, time.process_time() - started)
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(n):
            decoder.values(picture)
        profile.disable()
        mp = side * side / 2**20
        print(f"{kind} {name} {mp:.0f} MP: best {1e3 * best:.1f} ms, "
              f"{1e3 * best / mp:.1f} ms/MP")
        rows = sorted(pstats.Stats(profile).stats.items(), key=lambda kv: -kv[1][2])
        for (path, line, function), (_, calls, own, cumulative, _) in rows[:top]:
            where = Path(path).name if path != "~" else ""
            print(f"  {1e3 * own / n:7.2f} own {1e3 * cumulative / n:7.2f} cum "
                  f"{calls / n:5.1f}x {function} {where}:{line}")


if __name__ == "__main__":
    main()
