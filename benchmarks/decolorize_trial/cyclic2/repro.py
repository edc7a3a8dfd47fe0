"""Cyclic-map shortfalls (a)-(e) of issue 11 (session 2026-12-04): the default
``Decolorizer(cmap, vmin=0, vmax=1).values`` beside the nearest-color k-d tree.
Mean and p99 abs error in % of the range, a NaN counted as 100 %, no wrap on the circle.

    PYTHONPATH=src python benchmarks/decolorize_trial/cyclic2/repro.py [case,...]
"""
from __future__ import annotations

import pathlib
import sys
import warnings

import cv2
import numpy as np
from PIL import Image

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1] / "trial16"))
sys.path.insert(0, str(HERE.parents[2]))
import colormaps as bench  # noqa: E402
import user_tools_sweep as sweep  # noqa: E402

from truepix import Decolorizer  # noqa: E402

warnings.simplefilter("ignore")


def pil_bicubic(factor):
    return sweep._pil(factor, Image.Resampling.BICUBIC)


CASES = {  # name -> (map, field, size, prep, save)
    "a-q75": ("twilight", "astronaut", 256, lambda r, f: (r, f), "pil-q75"),
    "a-q50": ("twilight", "astronaut", 256, lambda r, f: (r, f), "pil-q50"),
    "a-cam-q75": ("twilight", "camera", 256, lambda r, f: (r, f), "pil-q75"),
    "b-bic.33": ("twilight", "astronaut", 512, pil_bicubic(1 / 3), "png"),
    "b-bic.33-cam": ("twilight", "camera", 512, pil_bicubic(1 / 3), "png"),
    "c-C6-q50": ("colorcet:CET_C6", "astronaut", 256, lambda r, f: (r, f), "pil-q50"),
    "c-C6-q75": ("colorcet:CET_C6", "astronaut", 256, lambda r, f: (r, f), "pil-q75"),
    "d-hsv-q75": ("hsv", "camera", 512, lambda r, f: (r, f), "pil-q75"),
    "d-hsv-q90": ("hsv", "camera", 512, lambda r, f: (r, f), "pil-q90"),
    "e-cw-lin2-q90": ("coolwarm", "camera", 128, sweep._cv(2.0, cv2.INTER_LINEAR), "pil-q90"),
}
_FIELDS: dict[int, dict] = {}


def picture(name):
    m, f, size, prep, save = CASES[name]
    if size not in _FIELDS:
        _FIELDS[size] = sweep.all_fields(size)
    field = _FIELDS[size][f]
    cmap = bench.colormap(m)
    rgb = cmap(field, bytes=True)[..., :3]
    pic, truth = prep(rgb, field)
    return m, sweep.SAVES[save](pic), truth


def score(name):
    m, pic, truth = picture(name)
    v = Decolorizer(m, vmin=0.0, vmax=1.0).values(pic)
    kd = bench.NearestRGB(bench.colormap(m))(pic[..., :3])
    holes = np.isnan(v)
    e = np.where(holes, 1.0, np.abs(v - truth))
    ek = np.abs(kd - truth)
    return (100 * holes.mean(), 100 * e.mean(), 100 * np.percentile(e, 99),
            100 * ek.mean(), 100 * np.percentile(ek, 99))


def main():
    names = sys.argv[1].split(",") if len(sys.argv) > 1 else list(CASES)
    print(f"{'case':<16}{'NaN%':>7}{'mean':>8}{'p99':>8}{'kd mean':>9}{'kd p99':>8}")
    for name in names:
        nan, mean, p99, kmean, k99 = score(name)
        print(f"{name:<16}{nan:7.2f}{mean:8.2f}{p99:8.2f}{kmean:9.2f}{k99:8.2f}", flush=True)


if __name__ == "__main__":
    main()
