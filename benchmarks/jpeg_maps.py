"""JPEG rows of benchmarks/colormaps.py per map, field and quality, with the per-pixel floor.

For each map: the default call's mean error over the nearest-color k-d tree's on the
real fields (terrain and photographs; holes counted as 100 %), at JPEG q90 / q75 / q50,
with the pictures JPEG detection missed (``!NJ``), worse p99 than the k-d tree's
(``!p99``) and holes; then the per-pixel projection's ratio at chroma weights 0.03,
0.1, 0.3 and 1 (``Projection``): what any single metric can reach on that map.

    PYTHONPATH=$PWD/src python benchmarks/jpeg_maps.py RdBu_r,Spectral,terrain,cividis

Minutes per map on a busy 2-core machine at 256^2; ``--size`` to change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import colormaps as bench  # noqa: E402

from truepix import Decolorizer  # noqa: E402

QUALITIES = ("JPEG q90", "JPEG q75", "JPEG q50")
CHROMA_WEIGHTS = (0.03, 0.1, 0.3, 1.0)


def errors(estimate: np.ndarray, truth: np.ndarray, cyclic: bool) -> np.ndarray:
    score = bench.Score([], [])
    score.add(estimate, truth, cyclic=cyclic)
    return score.errors[0]


def one_map(name: str, data_sets: dict, floor: bool) -> list[dict]:
    cmap = bench.colormap(name)
    cyclic = name in bench.CYCLIC
    decoder = Decolorizer(cmap, cyclic=cyclic, vmin=0.0, vmax=1.0)
    nearest = bench.NearestRGB(cmap)
    projections = [bench.Projection(cmap, cyclic=cyclic, chroma=w) for w in CHROMA_WEIGHTS]
    rows = []
    for field, (kind, data) in data_sets.items():
        if kind != "real":
            continue
        rgb = cmap(data, bytes=True)[..., :3]
        for condition in QUALITIES:
            image, truth = bench.CONDITIONS[condition](rgb, data)
            result = decoder.decode(image)
            tp = errors(np.asarray(result.values, float), truth, cyclic)
            kd = errors(nearest(image), truth, cyclic)
            row = {"field": field, "condition": condition, "tp": tp, "kd": kd}
            row["holes"] = float(np.isnan(result.values).mean())
            row["jpeg"] = bool(result.jpeg)
            if floor:
                row["proj"] = [errors(p(image), truth, cyclic).sum() for p in projections]
            rows.append(row)
    return rows


def report(name: str, rows: list[dict]) -> None:
    cells = []
    for condition in QUALITIES:
        sub = [r for r in rows if r["condition"] == condition]
        kd = sum(r["kd"].sum() for r in sub)
        text = f"{condition[-3:]} {sum(r['tp'].sum() for r in sub) / kd:.3f}"
        if "proj" in sub[0]:
            floor = np.sum([r["proj"] for r in sub], axis=0) / kd
            text += " (proj " + "/".join(f"{f:.3f}" for f in floor) + ")"
        cells.append(text)
    print(f"{name:18s} " + "  ".join(cells))
    notes = []
    for r in rows:
        tp99, kd99 = np.percentile(r["tp"], 99), np.percentile(r["kd"], 99)
        note = "" if r["jpeg"] else " !NJ"
        note += f" !p99 {tp99 / kd99:.2f}" if tp99 > kd99 else ""
        note += f" holes {100 * r['holes']:.2f}%" if r["holes"] else ""
        if note:
            notes.append(f"{r['field']}/{r['condition'][-3:]}{note}")
    if notes:
        print(f"{'':18s} " + "; ".join(notes))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("maps", help="comma-separated colormaps")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--no-floor", action="store_true", help="skip the projections")
    args = parser.parse_args(argv)
    data_sets = bench.fields(args.size)
    print(f"default call / k-d tree, mean error on real fields; proj: chroma {CHROMA_WEIGHTS}")
    everything = []
    for name in args.maps.split(","):
        rows = one_map(name, data_sets, not args.no_floor)
        report(name, rows)
        everything += rows
    for condition in QUALITIES:
        sub = [r for r in everything if r["condition"] == condition]
        ratio = sum(r["tp"].sum() for r in sub) / sum(r["kd"].sum() for r in sub)
        worse = sum(np.percentile(r["tp"], 99) > np.percentile(r["kd"], 99) for r in sub)
        print(f"{condition}: pooled {ratio:.3f}, worse p99 on {worse}/{len(sub)} pictures")


if __name__ == "__main__":
    main()
