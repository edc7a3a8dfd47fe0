"""Where a warm decode's CPU goes, stage by stage (cProfile with process_time).

python benchmarks/speed/stages.py KIND MAP [N]     KIND: png | jpeg75 | jpeg50 ...

A 1024^2 fBm terrain (``_conditions.terrain_field``, rng 3) drawn with MAP (Pillow JPEG
at the quality named, 4:2:0), decoded by a warm ``Decolorizer(MAP, vmin=0, vmax=1)``:
prints the best of 7 plain calls (CPU ms) and each stage's CPU ms a call over N profiled
calls (cumulative: a stage includes what it calls). Set NUMBA_NUM_THREADS for the
threads; with 2, CPU time counts both threads (and their spinning).
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

STAGES = [
    "values", "make_plan", "full_chroma", "memo_fields", "_values_u8", "judged_positions",
    "deblocked", "without_marks", "warn_off_map", "faded_advice", "extend_advice",
    "levels_advice",
]  # fmt: skip


def main() -> None:
    kind, name = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    data = terrain_field(1024, np.random.default_rng(3))
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
    stage: dict[str, float] = {}
    for (path, _, function), (_, _, _, cumulative, _) in pstats.Stats(profile).stats.items():
        if function in STAGES and "truepix" in path:
            stage[function] = stage.get(function, 0.0) + 1e3 * cumulative / n
    shown = " ".join(f"{key} {stage[key]:.2f}" for key in STAGES if key in stage)
    print(f"{kind} {name}: best {1e3 * best:.1f} ms | {shown}")


if __name__ == "__main__":
    main()
