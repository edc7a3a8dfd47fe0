"""Part 1 repro of trial 49's failure 1 (t75's mosaic): the 4096^2 mosaic of 16 viridis tiles (6 real fields cropped
to 1024^2, 10 smooth), JPEG q75 4:2:0, decoded by the plain numpy call ONCE (no dask; trial 49's t75 did the rest).
Holes and ratio overall and per tile, CPU time."""
import sys, numpy as np, matplotlib as mpl, truepix as tp, cv2
from _p5 import c, kd, call, wshort, header, score, cpu

header(__doc__.splitlines()[0])
rf = c.real_fields(1024); sf = c.smooth_fields(1024)
tiles = [c.crop(rf[k], 1024) for k in ("dem_jacksboro", "camera", "moon", "brick", "grace_hopper", "motorcycle_disp")]
tiles = [t if t.shape == (1024, 1024) else np.asarray(cv2.resize(t.astype(np.float32), (1024, 1024)), np.float64) for t in tiles]
tiles += [sf[k] for k in ("bumps", "ramp_diag", "waves")]
for s in range(7): tiles.append(c.smooth_fields(1024, seed=s + 1)["bumps"])
truth = np.block([[tiles[4 * i + j] for j in range(4)] for i in range(4)])
m = "viridis"; pic = c.jpeg(mpl.colormaps[m](truth, bytes=True)[..., :3], 75)
t0 = cpu(); r, err, ws = call(lambda: tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)); dt = cpu() - t0
v = r.values; base = kd(m)(pic); mb, pb, _ = score(base, truth); mt, pt, ht = score(v, truth)
print(f"numpy call (Decolorizer.decode, first in process): CPU {dt:.2f} s ({pic.shape[0]*pic.shape[1]/1e6/dt:.1f} MP/CPU-s) jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} thr {float(r.threshold):.1f} | {wshort(ws)}")
print(f"whole: NaN {100*ht:.3f}% MAE {100*mt:.3f}% kd {100*mb:.3f}% ratio {mt/mb:.3f} p99 {100*pt:.2f}/{100*pb:.2f}")
t0 = cpu(); v2 = tp.decolorize(pic, cmap=m, vmin=0, vmax=1); dt2 = cpu() - t0
print(f"tp.decolorize (same picture, second call): CPU {dt2:.2f} s NaN {100*np.isnan(v2).mean():.3f}% equal to decode: {np.array_equal(v, v2, equal_nan=True)}")
names = ["dem", "camera", "moon", "brick", "grace_hopper", "motorcycle", "bumps", "ramp_diag", "waves"] + [f"bumps_s{s+1}" for s in range(7)]
for i in range(16):
    ys, xs = slice(1024 * (i // 4), 1024 * (i // 4 + 1)), slice(1024 * (i % 4), 1024 * (i % 4 + 1))
    a, _, h1 = score(v[ys, xs], truth[ys, xs]); k, _, _ = score(base[ys, xs], truth[ys, xs])
    print(f"  tile {i:2} {names[i]:13} holes {100*h1:7.3f}% ratio {a/k:7.3f}")
