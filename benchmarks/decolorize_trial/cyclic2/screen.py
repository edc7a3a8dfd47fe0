"""Cyclic maps screen: maps x fields x (prep, save) of user_tools_sweep, scored as the
issue's Deliver 2 scores them (no wrap on the circle: a pixel at 0.01 decoded 0.99 is
98 % off). Per map: mean error / k-d tree's, pictures with p99 worse than the tree's,
NaN worst; then the worst pictures.

    PYTHONPATH=src python benchmarks/decolorize_trial/cyclic2/screen.py [--maps a,b]
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import warnings

import numpy as np

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1] / "trial16"))
sys.path.insert(0, str(HERE.parents[2]))
import colormaps as bench  # noqa: E402
import user_tools_sweep as sweep  # noqa: E402

from truepix import Decolorizer  # noqa: E402

warnings.simplefilter("ignore")
MAPS = "twilight,twilight_shifted,hsv,cmocean:phase,colorcet:CET_C6"
FIELDS = "camera,astronaut,terrain,smooth,coffee"
PREPS = "none,pil-octree,cv-area-0.5,cv-cubic-0.33,pil-lanczos-2"
SAVES = "png,pil-q90,pil-q75,pil-q50,cv2-q75,pil-q75-444"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--maps", default=MAPS)
    ap.add_argument("--fields", default=FIELDS)
    ap.add_argument("--preps", default=PREPS)
    ap.add_argument("--saves", default=SAVES)
    args = ap.parse_args()
    fields: dict[int, dict] = {}
    rows = []
    for m in args.maps.split(","):
        cmap = bench.colormap(m)
        decoder = Decolorizer(m, vmin=0.0, vmax=1.0)
        tree = bench.NearestRGB(cmap)
        for f in args.fields.split(","):
            for p in args.preps.split(","):
                size, prep = sweep.PREPS[p]
                if size not in fields:
                    fields[size] = sweep.all_fields(size)
                rgb = cmap(fields[size][f], bytes=True)[..., :3]
                pic0, truth = prep(rgb, fields[size][f])
                for s in args.saves.split(","):
                    pic = sweep.SAVES[s](pic0)
                    v = decoder.values(pic)
                    kd = tree(pic[..., :3])
                    e = np.where(np.isnan(v), 1.0, np.abs(v - truth))
                    ek = np.abs(kd - truth)
                    rows.append(dict(map=m, field=f, prep=p, save=s, nan=100 * np.isnan(v).mean(),
                                     mean=100 * e.mean(), kd=100 * ek.mean(),
                                     p99=100 * np.percentile(e, 99),
                                     kd99=100 * np.percentile(ek, 99)))
    by = collections.defaultdict(list)
    for r in rows:
        by[r["map"]].append(r)
    print(f"{'map':<20}{'n':>4}{'mean':>7}{'kd':>7}{'ratio':>7}{'p99>kd':>7}{'NaN max':>8}")
    for m, sel in by.items():
        mean, kd = np.mean([r["mean"] for r in sel]), np.mean([r["kd"] for r in sel])
        worse = sum(r["p99"] > 1.01 * r["kd99"] for r in sel)
        print(f"{m:<20}{len(sel):4d}{mean:7.2f}{kd:7.2f}{mean / kd:7.3f}{worse:7d}"
              f"{max(r['nan'] for r in sel):8.2f}")
    print("worst by mean / kd:")
    for r in sorted(rows, key=lambda r: -r["mean"] / max(r["kd"], 1e-9))[:12]:
        print(f"  {r['map']:<18}{r['field']:<10}{r['prep']:<15}{r['save']:<12}"
              f"mean {r['mean']:6.2f} kd {r['kd']:6.2f}  p99 {r['p99']:6.2f} kd {r['kd99']:6.2f}"
              f"  NaN {r['nan']:.2f}")


if __name__ == "__main__":
    main()
