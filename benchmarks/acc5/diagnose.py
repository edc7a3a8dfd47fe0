"""Where the default call's error on trial 45's real fields comes from (issue 11, Deliver 2).

Trial 45's t01 fields (terrain, camera, moon, grace_hopper; 256^2 crops) and k-d tree
(``../decolorize_trial/trial45/_common.py``), error / the k-d tree's pooled over maps x
fields, holes counted as error 1.0.

python diagnose.py floor COND [--maps a,b] [--weights 0.1,0.3,0.5,1]
    COND jpeg75_444, jpeg50_420, noise2, bicubic, area: the default call, the same with
    denoise=False, and a per-pixel projection onto the map's polyline in YCbCr with
    chroma weighted w (no filter, no off-map pixels) -- the per-pixel floor.
python diagnose.py sides Q [--maps RdBu_r,Spectral,coolwarm] [--tau 0]
    JPEG q Q 4:2:0: the default call's answers, then each pixel moved to the other branch
    of a diverging map (same luma, other side of the luma fold) where that makes the
    2x2 means of the map's chroma, blurred as libjpeg's fancy upsampling blurs them,
    closer to the picture's (3 sweeps of block checkerboards). ``--rgb``: only pixels
    whose plain RGB projection lies on the other branch (more than 0.1 away).
python diagnose.py holes [--maps a,b]
    OpenCV cubic and area 0.5x: the default call, the same with its holes answered by
    the plain RGB projection, and with the holes at a map end (within 15 DN of its end
    color, an 8-neighbour within 0.2 of that end) answered by the end.
"""

import argparse
import os
import sys

import cv2
import matplotlib as mpl
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c  # noqa: E402
import truepix as tp  # noqa: E402

MAPS = "viridis,jet,turbo,magma,cividis,gray,coolwarm,RdBu_r,Spectral,hot"
YCC = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
K = np.array([1 / 8, 3 / 4, 1 / 8])  # a 2x2 mean of fancy-upsampled chroma, in samples


def fields():
    real = c.real_fields()
    return {k: c.crop(real[k], 256) for k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}


def table(cmap):
    return mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3]


def project(pixels, lut, weight):
    """Positions of the nearest points of the map's polyline, chroma weighted."""
    scale = np.array([1.0, weight, weight])
    p = (pixels.reshape(-1, 3).astype(float) @ YCC.T) * scale
    vertices = (lut.astype(float) @ YCC.T) * scale
    a, d = vertices[:-1], np.diff(vertices, axis=0)
    dd = np.maximum((d * d).sum(1), 1e-12)
    best, position = np.full(len(p), np.inf), np.zeros(len(p))
    for i in range(len(a)):
        t = np.clip(((p - a[i]) @ d[i]) / dd[i], 0, 1)
        e = ((p - a[i] - t[:, None] * d[i]) ** 2).sum(1)
        m = e < best
        best[m], position[m] = e[m], (i + t[m] + 0.5) / 256
    return np.clip(position, 0, 1).reshape(pixels.shape[:2])


def degraded(rgb, f, cond):
    if cond.startswith("jpeg"):
        q, sub = cond[4:].split("_")
        return c.jpeg(rgb, int(q), 0 if sub == "444" else 2), f
    if cond.startswith("noise"):
        return c.noise(rgb, int(cond[5:])), f
    return c.resize(rgb, f, 0.5, {"bicubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA}[cond])


def err(values, truth):
    return np.where(np.isnan(values), 1.0, np.abs(values - truth))


def floor(args):
    weights = [float(w) for w in args.weights.split(",")]
    total = {}
    for m in args.maps.split(","):
        lut, tree, own = table(m), c.Baseline(m), {}
        for f in fields().values():
            im, tr = degraded(c.render(f, m), f, args.cond)
            got = {"kd": tree(im), "tp": tp.decolorize(im, cmap=m, vmin=0, vmax=1),
                   "tp_nodenoise": tp.decolorize(im, cmap=m, vmin=0, vmax=1, denoise=False)}
            got.update({f"w{w}": project(im, lut, w) for w in weights})
            for k, v in got.items():
                own[k] = own.get(k, 0.0) + err(v, tr).mean()
                total[k] = total.get(k, 0.0) + err(v, tr).mean()
        print(m, " ".join(f"{k} {v / own['kd']:.3f}" for k, v in own.items()), flush=True)
    print("ALL", args.cond, " ".join(f"{k} {v / total['kd']:.3f}" for k, v in total.items()))


def _blur(a):
    p = np.pad(a, ((1, 1), (0, 0), (0, 0)), mode="edge")
    a = K[0] * p[:-2] + K[1] * p[1:-1] + K[2] * p[2:]
    p = np.pad(a, ((0, 0), (1, 1), (0, 0)), mode="edge")
    return K[0] * p[:, :-2] + K[1] * p[:, 1:-1] + K[2] * p[:, 2:]


def _half(a):
    return 0.25 * (a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2])


def other_sides(im, position, lut, tau, allowed):
    """``position`` with pixels moved across the luma fold where 4:2:0's chroma says so."""
    ycc = lut.astype(float) @ YCC.T
    luma, grid = ycc[:, 0], (np.arange(256) + 0.5) / 256
    smooth = np.convolve(luma, np.ones(9) / 9, "same")[8:-8]
    fold = 8 + int(np.argmax(smooth) if luma[128] > max(luma[0], luma[-1]) else np.argmin(smooth))
    h, w = (s // 2 * 2 for s in position.shape)
    seen = _half((im[:h, :w].astype(float) @ YCC.T)[..., 1:])
    p = position[:h, :w].copy()
    level = np.interp(p, grid, luma)

    def inverse(part):
        order = np.argsort(luma[part])
        inside = (level >= luma[part].min()) & (level <= luma[part].max())
        return np.interp(level, luma[part][order], grid[part][order]), inside

    (low, low_ok), (high, high_ok) = inverse(slice(0, fold + 1)), inverse(slice(fold, None))
    below = p <= grid[fold]
    alt = np.where(below, high, low)
    ok = np.where(below, high_ok, low_ok) & (np.abs(alt - p) > 0.02) & allowed[:h, :w]

    def chroma(q):
        return np.stack([np.interp(q, grid, ycc[:, 1]), np.interp(q, grid, ycc[:, 2])], -1)

    weight, moves = (K**2).sum() ** 2, 0
    by, bx = np.mgrid[: h // 2, : w // 2]
    for _ in range(3):
        for parity in (0, 1):
            near = np.repeat(np.repeat(_blur(seen - _blur(_half(chroma(p)))), 2, 0), 2, 1)
            d = (chroma(alt) - chroma(p)) / 4
            gain = weight * (d**2).sum(-1) - 2 * (near * d).sum(-1)
            gain[~ok] = np.inf
            blocks = gain.reshape(h // 2, 2, w // 2, 2).transpose(0, 2, 1, 3)
            blocks = blocks.reshape(h // 2, w // 2, 4)
            j = np.argmin(blocks, -1)
            best = np.take_along_axis(blocks, j[..., None], -1)[..., 0]
            go = (best < -tau) & ((by + bx) % 2 == parity)
            yy, xx = 2 * by[go] + j[go] // 2, 2 * bx[go] + j[go] % 2
            p[yy, xx], alt[yy, xx] = alt[yy, xx], p[yy, xx].copy()
            moves += int(go.sum())
    out = position.copy()
    out[:h, :w] = p
    return out, moves


def sides(args):
    for m in args.maps.split(","):
        lut = table(m)
        for name, f in fields().items():
            im = c.jpeg(c.render(f, m), args.q, 2)
            kd, t = c.Baseline(m)(im), tp.decolorize(im, cmap=m, vmin=0, vmax=1)
            allowed = np.ones(t.shape, bool)
            if args.rgb:
                allowed = np.abs(project(im, lut, 0.1) - project(im, lut, 1.0)) > 0.1
            moved, n = other_sides(im, t, lut, args.tau, allowed)
            e = {k: err(v, f) for k, v in {"kd": kd, "tp": t, "moved": moved}.items()}
            print(f"{m:9}{name[:6]:7} moved {n:5}", " ".join(
                f"{k} {v.mean() * 100:.3f}/{np.percentile(v, 99) * 100:.2f}" for k, v in e.items()
            ), flush=True)


def share(args):
    import truepix.color._decolorize._full_chroma as full

    maps = [m for m in MAPS.split(",") if m != "gray"]
    for q in (int(q) for q in args.qs.split(",")):
        pics = [(m, f, c.jpeg(c.render(f, m), q, 0)) for m in maps for f in fields().values()]
        trees = [err(c.Baseline(m)(im), f) for m, f, im in pics]
        for s in (float(s) for s in args.shares.split(",")):
            full.FULL_TEXTURE_SHARE = s
            e = [err(tp.decolorize(im, cmap=m, vmin=0, vmax=1), f) for m, f, im in pics]
            worse = sum(np.percentile(x, 99) > np.percentile(b, 99) for x, b in zip(e, trees))
            ratio = sum(x.mean() for x in e) / sum(b.mean() for b in trees)
            print(f"q{q} share {s}: ratio {ratio:.4f}, p99 worse {worse}/{len(pics)}", flush=True)


def gradient(args):
    edges = np.array([0, 0.005, 0.01, 0.02, 0.05, 0.1, np.inf])
    sums, counts = np.zeros((2, len(edges) - 1)), np.zeros(len(edges) - 1)
    for m in args.maps.split(","):
        for f in fields().values():
            im = c.jpeg(c.render(f, m), args.q, args.sub)
            ours = err(tp.decolorize(im, cmap=m, vmin=0, vmax=1), f)
            tree = err(c.Baseline(m)(im), f)
            at = np.digitize(np.hypot(*np.gradient(f)), edges) - 1
            for i in range(len(counts)):
                sums[:, i] += ours[at == i].sum(), tree[at == i].sum()
                counts[i] += np.count_nonzero(at == i)
    for i in range(len(counts)):
        print(f"gradient [{edges[i]}, {edges[i + 1]}): {counts[i] / counts.sum() * 100:5.1f} %"
              f" of pixels, ours {sums[0, i] / counts[i] * 100:.3f} %, tree"
              f" {sums[1, i] / counts[i] * 100:.3f} %, ratio {sums[0, i] / sums[1, i]:.3f}")


def _stroke_holes(im, m):
    import truepix.color._decolorize._resampled as resampled

    found, strokes = [], resampled.strokes
    resampled.strokes = lambda *a, **k: found.append(strokes(*a, **k)) or found[-1]
    try:
        t = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
    finally:
        resampled.strokes = strokes
    hole = np.isnan(t).ravel()
    return int(hole.sum()), int((hole & found[-1]).sum()) if found else 0


def holes(args):
    if args.why:
        for m in args.maps.split(","):
            for name, f in fields().items():
                n, stroke = _stroke_holes(c.resize(c.render(f, m), f, 0.5, cv2.INTER_CUBIC)[0], m)
                if n:
                    print(f"{m:9}{name[:6]:7} holes {n:3}, stroke test {stroke}", flush=True)
        return
    for cond in ("bicubic", "area"):
        s = np.zeros(5)
        for m in args.maps.split(","):
            lut = table(m).astype(float)
            for f in fields().values():
                im, tr = degraded(c.render(f, m), f, cond)
                t = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                hole = np.isnan(t)
                filled = np.where(hole, project(im, lut, 1.0), t)
                ends = t.copy()
                pad = np.pad(t, 1, constant_values=np.nan)
                hh, ww = t.shape
                around = np.stack([pad[1 + dy : hh + 1 + dy, 1 + dx : ww + 1 + dx]
                                   for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx])
                for end, value in ((0, 0.0), (255, 1.0)):
                    off = np.sqrt(((im.astype(float) - lut[end]) ** 2).sum(-1))
                    near = np.nanmin(np.abs(around - value), axis=0) < 0.2
                    ends[hole & (off < 15) & near] = value
                s += [err(c.Baseline(m)(im), tr).mean(), err(t, tr).mean(),
                      err(filled, tr).mean(), err(ends, tr).mean(), hole.mean()]
        n = len(fields()) * len(args.maps.split(","))
        print(f"{cond}: tp {s[1] / s[0]:.3f}, holes answered by the projection"
              f" {s[2] / s[0]:.3f}, end holes answered {s[3] / s[0]:.3f}; holes"
              f" {s[4] / n * 100:.4f} %")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("floor")
    a.add_argument("cond")
    a.add_argument("--maps", default=MAPS)
    a.add_argument("--weights", default="0.1,0.3,0.5,1")
    a = sub.add_parser("sides")
    a.add_argument("q", type=int)
    a.add_argument("--maps", default="RdBu_r,Spectral,coolwarm")
    a.add_argument("--tau", type=float, default=0.0)
    a.add_argument("--rgb", action="store_true")
    a = sub.add_parser("holes")
    a.add_argument("--maps", default=MAPS)
    a.add_argument("--why", action="store_true")
    a = sub.add_parser("gradient")
    a.add_argument("q", type=int)
    a.add_argument("sub", type=int)
    a.add_argument("--maps", default="viridis,jet,coolwarm,magma")
    a = sub.add_parser("share")
    a.add_argument("--shares", default="2,3,4")
    a.add_argument("--qs", default="75,50,90")
    args = ap.parse_args()
    {"floor": floor, "sides": sides, "holes": holes, "share": share,
     "gradient": gradient}[args.what](args)
