"""All-data pictures made the way users' tools make them (issue 11 item 1, trial 16 "holes").

Each picture: a field rendered with a map (``cmap(x, bytes=True)``), then one *prep* (nothing;
Pillow ``quantize(256)`` median cut / fast octree / libimagequant when Pillow has it, with and
without Floyd-Steinberg dither; OpenCV resize INTER_AREA / LINEAR / CUBIC; skimage
``transform.rescale(anti_aliasing=True)``; Pillow LANCZOS) and one *save* (PNG; ``cv2.imwrite``
JPEG; Pillow JPEG 4:2:0 and 4:4:4; ``plt.imsave`` PNG / JPEG read back with ``plt.imread``).
Downscales start from 512^2 fields (so they end near 256^2 as a shrunk figure does), upscales
from 128^2, the rest are 256^2. Fields: the benchmark's smooth, fBm terrain, camera, astronaut,
moon, plus skimage's coffee; maps: the benchmark's 10. Truth: the field resampled the same way.

Reported per case: the default call's NaN share and its 99th-percentile error (a hole counted
as 100 %) against the nearest-color k-d tree's (``benchmarks/colormaps.NearestRGB``).

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/decolorize_trial/trial16/user_tools_sweep.py \\
        [--pairs N] [--maps a,b] [--fields a,b] [--preps a,b] [--saves a,b] [--json out.json]

``--pairs N`` (default 3) runs every (prep, save) combination on N (map, field) pairs, cycled so
each pair comes up equally often; ``--pairs 0`` runs the full grid of the maps and fields chosen.
"""

from __future__ import annotations

import argparse
import collections
import io
import itertools
import json
import pathlib
import sys
import time

import cv2
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image, features  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
import colormaps as bench  # noqa: E402

from truepix import Decolorizer  # noqa: E402

R = Image.Resampling
NAN_GOAL = 0.2
#: p99 counts as worse than the k-d tree's past this ratio (equal bins differ by float noise)
P99_SLACK = 1.01


# -- fields ------------------------------------------------------------------------------------


def all_fields(size: int) -> dict[str, np.ndarray]:
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    out = {k: v for k, (_, v) in bench.fields(size).items()}
    c = resize(rgb2gray(data.coffee()), (size, size), anti_aliasing=True)
    dither = np.random.default_rng(6).uniform(-0.5, 0.5, c.shape) / 255.0
    out["coffee"] = np.clip((c - c.min()) / (c.max() - c.min()) + dither, 0, 1)
    return out


# -- preps: (rgb, field) -> (picture, truth) ------------------------------------------------------


def _quantize(method: int | None, dither: bool):
    def prep(rgb, field):
        im = Image.fromarray(rgb)
        kw = {} if method is None else {"method": method}
        pal = im.quantize(256, **kw)
        if dither:
            pal = im.quantize(palette=pal, dither=Image.Dither.FLOYDSTEINBERG)
        return np.asarray(pal.convert("RGB")), field

    return prep


def _cv(factor: float, interp: int):
    def prep(rgb, field):
        n = round(field.shape[0] * factor)
        pic = cv2.resize(rgb, (n, n), interpolation=interp)
        truth = cv2.resize(field.astype(np.float32), (n, n), interpolation=interp)
        return pic, np.clip(truth.astype(np.float64), 0, 1)

    return prep


def _pil(factor: float, method: int):
    def prep(rgb, field):
        n = round(field.shape[0] * factor)
        pic = np.asarray(Image.fromarray(rgb).resize((n, n), method))
        truth = Image.fromarray(field.astype(np.float32), mode="F").resize((n, n), method)
        return pic, np.clip(np.asarray(truth, dtype=np.float64), 0, 1)

    return prep


def _sk(factor: float):
    def prep(rgb, field):
        from skimage.transform import rescale
        from skimage.util import img_as_ubyte

        pic = img_as_ubyte(rescale(rgb, factor, anti_aliasing=True, channel_axis=-1))
        truth = rescale(field, factor, anti_aliasing=True)
        return pic, np.clip(truth, 0, 1)

    return prep


Q = Image.Quantize
#: name -> (source size, prep)
PREPS = {
    "none": (256, lambda rgb, f: (rgb, f)),
    "pil-mediancut": (256, _quantize(None, False)),
    "pil-mediancut-dither": (256, _quantize(None, True)),
    "pil-octree": (256, _quantize(Q.FASTOCTREE, False)),
    "pil-octree-dither": (256, _quantize(Q.FASTOCTREE, True)),
    **({"pil-liq": (256, _quantize(Q.LIBIMAGEQUANT, False)),
        "pil-liq-dither": (256, _quantize(Q.LIBIMAGEQUANT, True))}
       if features.check("libimagequant") else {}),
    "cv-area-0.5": (512, _cv(0.5, cv2.INTER_AREA)),
    "cv-linear-0.5": (512, _cv(0.5, cv2.INTER_LINEAR)),
    "cv-cubic-0.5": (512, _cv(0.5, cv2.INTER_CUBIC)),
    "cv-area-0.33": (512, _cv(1 / 3, cv2.INTER_AREA)),
    "cv-linear-0.33": (512, _cv(1 / 3, cv2.INTER_LINEAR)),
    "cv-cubic-0.33": (512, _cv(1 / 3, cv2.INTER_CUBIC)),
    "cv-linear-2": (128, _cv(2.0, cv2.INTER_LINEAR)),
    "cv-cubic-2": (128, _cv(2.0, cv2.INTER_CUBIC)),
    "sk-rescale-0.5": (512, _sk(0.5)),
    "sk-rescale-0.33": (512, _sk(1 / 3)),
    "pil-lanczos-0.5": (512, _pil(0.5, R.LANCZOS)),
    "pil-lanczos-2": (128, _pil(2.0, R.LANCZOS)),
    "pil-bicubic-1.5": (170, _pil(1.5, R.BICUBIC)),
    "cv-linear-1.5": (170, _cv(1.5, cv2.INTER_LINEAR)),
    "cv-cubic-3": (86, _cv(3.0, cv2.INTER_CUBIC)),
}


# -- saves: picture -> picture as read back ------------------------------------------------------


def _cv_jpeg(q: int):
    def save(pic):
        ok, buf = cv2.imencode(".jpg", pic[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, q])
        return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])

    return save


def _pil_jpeg(q: int, sub: int):
    def save(pic):
        b = io.BytesIO()
        Image.fromarray(pic).save(b, "JPEG", quality=q, subsampling=sub)
        return np.asarray(Image.open(b).convert("RGB"))

    return save


def _plt(fmt: str):
    def save(pic):
        b = io.BytesIO()
        plt.imsave(b, pic, format=fmt)
        b.seek(0)
        return plt.imread(b, format=fmt)

    return save


SAVES = {
    "png": lambda p: p,
    "cv2-q95": _cv_jpeg(95),
    "cv2-q75": _cv_jpeg(75),
    "cv2-q50": _cv_jpeg(50),
    "pil-q90": _pil_jpeg(90, 2),
    "pil-q75": _pil_jpeg(75, 2),
    "pil-q50": _pil_jpeg(50, 2),
    "pil-q75-444": _pil_jpeg(75, 0),
    "pil-q50-444": _pil_jpeg(50, 0),
    "plt-png": _plt("png"),
    "plt-jpg": _plt("jpg"),  # Pillow JPEG q75 4:2:0 underneath: the same picture as pil-q75
}
DEFAULT_SAVES = [s for s in SAVES if s != "plt-jpg"]


# -- run ---------------------------------------------------------------------------------------


class _Maps:
    def __init__(self):
        self.cmaps, self.decoders, self.trees = {}, {}, {}

    def get(self, m):
        if m not in self.cmaps:
            self.cmaps[m] = bench.colormap(m)
            self.decoders[m] = Decolorizer(self.cmaps[m], cyclic=m in bench.CYCLIC,
                                           vmin=0.0, vmax=1.0)
            self.trees[m] = bench.NearestRGB(self.cmaps[m])
        return self.cmaps[m], self.decoders[m], self.trees[m]


def score(maps, m, field, prep, save):
    cmap, decoder, tree = maps.get(m)
    rgb = cmap(field, bytes=True)[..., :3]
    pic, truth = prep(rgb, field)
    pic = save(pic)
    v = decoder.values(pic)
    rgb8 = pic[..., :3]
    if rgb8.dtype != np.uint8:
        rgb8 = np.round(rgb8 * 255).astype(np.uint8)
    kd = tree(rgb8)
    holes = np.isnan(v)
    e, ek = np.abs(v - truth), np.abs(kd - truth)
    if m in bench.CYCLIC:
        e, ek = np.minimum(e, 1 - e), np.minimum(ek, 1 - ek)
    e = np.where(holes, 1.0, e)
    return dict(nan=100 * holes.mean(), mean=100 * e.mean(), kd=100 * ek.mean(),
                p99=100 * np.percentile(e, 99), kd99=100 * np.percentile(ek, 99))


def run(args):
    maps = args.maps.split(",") if args.maps else list(bench.MAPS)
    preps = args.preps.split(",") if args.preps else list(PREPS)
    saves = args.saves.split(",") if args.saves else DEFAULT_SAVES
    fields = {s: all_fields(s) for s in {PREPS[p][0] for p in preps}}
    fnames = args.fields.split(",") if args.fields else list(fields[next(iter(fields))])
    pairs = [(m, f) for m in maps for f in fnames]
    combos = list(itertools.product(preps, saves))
    if args.pairs:
        rng = np.random.default_rng(args.seed)
        order = [pairs[i] for _ in range(args.pairs) for i in rng.permutation(len(pairs))]
        jobs = [(*order[(i * 7 + i // len(combos)) % len(order)], *combos[i % len(combos)])
                for i in range(len(combos) * args.pairs)]
    else:
        jobs = [(m, f, p, s) for (m, f) in pairs for (p, s) in combos]
    table, rows, t0 = _Maps(), [], time.process_time()
    for m, f, p, s in jobs:
        size, prep = PREPS[p]
        r = score(table, m, fields[size][f], prep, SAVES[s])
        rows.append(dict(map=m, field=f, prep=p, save=s, **r))
    print(f"{len(rows)} pictures, {time.process_time() - t0:.0f} s CPU", file=sys.stderr)
    return rows


def summary(sel):
    nan = np.array([r["nan"] for r in sel])
    ratio = sum(r["mean"] for r in sel) / sum(r["kd"] for r in sel)
    worse = [r["p99"] / r["kd99"] for r in sel]  # > 1.01: worse beyond float noise
    return (f"{len(sel):5d} {nan.mean():7.3f} {nan.max():7.2f} {np.sum(nan > NAN_GOAL):5d} "
            f"{ratio:7.3f} {100 * np.mean(np.array(worse) > P99_SLACK):6.0f} {max(worse):6.2f}")


def report(rows):
    head = f"{'group':<28} {'n':>5} {'NaN %':>7} {'worst':>7} {'>0.2':>5} {'err/kd':>7} " \
           f"{'p99>kd':>6} {'max x':>6}"
    print(head + "\n" + "-" * len(head))
    print(f"{'all':<28} " + summary(rows))
    for key in ("prep", "save", "map", "field"):
        g = collections.defaultdict(list)
        for r in rows:
            g[r[key]].append(r)
        for k in g:
            print(f"{key + ' ' + k:<28} " + summary(g[k]))
    bad = [r for r in rows if r["nan"] > NAN_GOAL or r["p99"] > P99_SLACK * r["kd99"]]
    print(f"\nfailing pictures ({len(bad)}): NaN > {NAN_GOAL} % or p99 worse than the k-d tree's")
    for r in sorted(bad, key=lambda r: (-r["nan"], -r["p99"] / r["kd99"]))[:40]:
        print(f"  {r['map']:<16} {r['field']:<10} {r['prep']:<22} {r['save']:<12} "
              f"NaN {r['nan']:6.2f}  p99 {r['p99']:6.2f} vs kd {r['kd99']:6.2f} "
              f"({r['p99'] / r['kd99']:4.2f}x)  mean/kd {r['mean'] / r['kd']:5.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--maps")
    ap.add_argument("--fields")
    ap.add_argument("--preps")
    ap.add_argument("--saves")
    ap.add_argument("--json")
    args = ap.parse_args()
    rows = run(args)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(rows))
    report(rows)


if __name__ == "__main__":
    main()
