"""Mosaic repro: an n-tile mosaic of viridis tiles JPEG'd whole (Pillow q75) vs each tile alone.
usage: python repro.py [tile] [grid]  (tile 1024, grid 2 -> 2048^2 mosaic of 4 tiles)"""
import sys, os, time, numpy as np, matplotlib as mpl
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c
import truepix as tp

def tiles_for(n, g):
    rf = c.real_fields(n); sf = c.smooth_fields(n)
    names = ["brick", "bumps", "ramp_diag", "waves", "grace_hopper", "dem_jacksboro", "camera", "moon",
             "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"][: g * g]
    out = []
    for k in names:
        if k in sf: t = sf[k]
        elif k in rf:
            t = c.crop(rf[k], n)
            if t.shape != (n, n):
                import cv2; t = cv2.resize(t.astype(np.float32), (n, n)).astype(np.float64)
        else: t = c.smooth_fields(n, seed=int(k[1:]))["bumps"]
        out.append((k, t))
    return out

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1024; g = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    order = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    ts = tiles_for(n, g)
    if order: ts = [ts[int(i)] for i in order]
    truth = np.block([[ts[g * i + j][1] for j in range(g)] for i in range(g)])
    pic = c.jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3], 75)
    t0 = time.process_time(); v = tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1); dt = time.process_time() - t0
    r = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(pic)
    print(f"mosaic {pic.shape[:2]} holes {100*np.isnan(v).mean():.3f}% MAE {100*np.nanmean(np.abs(np.nan_to_num(v, nan=2)-truth).clip(0,1)):.3f}% cpu {dt:.2f}s "
          f"jpeg {r.jpeg} noise {r.noise} threshold {r.threshold}")
    for i, (k, t) in enumerate(ts):
        ys, xs = slice(n * (i // g), n * (i // g + 1)), slice(n * (i % g), n * (i % g + 1))
        alone = tp.decolorize(pic[ys, xs], cmap="viridis", vmin=0, vmax=1)
        ra = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(np.ascontiguousarray(pic[ys, xs]))
        print(f"  tile {i} {k:14s} in-mosaic holes {100*np.isnan(v[ys, xs]).mean():7.3f}%  alone {100*np.isnan(alone).mean():7.3f}% "
              f"(alone jpeg {ra.jpeg} noise {ra.noise} thr {ra.threshold})")
