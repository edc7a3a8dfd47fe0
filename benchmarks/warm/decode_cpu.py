"""CPU time of warm decodes where ``_pulled`` runs, with the truepix on ``PYTHONPATH``.

python benchmarks/warm/decode_cpu.py photo [MAPS] [RUNS]   colormaps.py's "photo q75" rows
python benchmarks/warm/decode_cpu.py t29                   coast's t29 pictures (JPEG q75)

photo: scikit-image's astronaut (``_conditions.photo_fields(512)``, tiled 2x2, 1 MP) drawn
with each map (default jet,viridis), Pillow JPEG q75; a warm ``Decolorizer.values``, best
and median of RUNS (default 5) calls, and the CPU ``_pulled.pulled_out`` took in the best
(0 where the tree has no ``_pulled``). t29: best of 3 warm calls on each picture
``benchmarks/coast/make_pictures.py`` left in /tmp/coast/t29.npz. One thread: set
NUMBA_NUM_THREADS=1. Alternate the trees run by run: the machine's load moves.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _conditions import jpeg, photo_fields  # noqa: E402

import truepix as tp  # noqa: E402


def _timed(call, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.process_time()
        call()
        times.append(time.process_time() - started)
    return times


def photo(maps: list[str], runs: int) -> None:
    import matplotlib as mpl

    spent = [0.0]
    try:
        from truepix.color._decolorize import _pulled

        pulled_out = _pulled.pulled_out

        def counted(*args):
            started = time.process_time()
            out = pulled_out(*args)
            spent[0] += time.process_time() - started
            return out

        _pulled.pulled_out = counted  # (pulled_strokes reads it from the module)
    except ImportError:
        pass
    field = np.tile(photo_fields(512)["astronaut"], (2, 2))
    for name in maps:
        rgb = np.ascontiguousarray(mpl.colormaps[name](field, bytes=True)[..., :3])
        picture = jpeg(75)(rgb, field)[0]
        decoder = tp.Decolorizer(name, vmin=0.0, vmax=1.0)
        values = decoder.values(picture)
        times, pulled = [], []
        for _ in range(runs):
            spent[0] = 0.0
            times += _timed(lambda: decoder.values(picture), 1)
            pulled.append(spent[0])
        best = int(np.argmin(times))
        print(f"photo q75 {name}: warm {1e3 * times[best]:.1f} ms (median"
              f" {1e3 * np.median(times):.1f}), pulled_out {1e3 * pulled[best]:.1f} ms,"
              f" NaN {np.isnan(values).mean():.4f}")  # fmt: skip


def t29() -> None:
    pictures = np.load("/tmp/coast/t29.npz")
    keys = sorted({key.rsplit("|", 1)[0] for key in pictures.files})
    total, rows = 0.0, []
    for key in keys:
        name, field, dpi = key.split("|")[:3]
        picture = pictures[key + "|j75"]
        decoder = tp.Decolorizer(name, vmin=0, vmax=1)
        decoder.values(picture)
        best = min(_timed(lambda: decoder.values(picture), 3))
        total += best
        rows.append(f"{name}/{field}/{dpi} {1e3 * best:.0f}")
    print(f"t29 j75 total {1e3 * total:.0f} ms |", " ".join(rows))


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    if sys.argv[1] == "photo":
        maps = sys.argv[2].split(",") if len(sys.argv) > 2 else ["jet", "viridis"]
        photo(maps, int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    else:
        t29()
