"""trial 49 t75's mosaic (4096^2, 16 viridis tiles, JPEG q75 whole): numpy call holes/time/decisions, per tile."""
import sys, os, time, numpy as np, matplotlib as mpl
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c
import truepix as tp
rf = c.real_fields(1024); sf = c.smooth_fields(1024)
tiles = [c.crop(rf[k], 1024) for k in ("dem_jacksboro", "camera", "moon", "brick", "grace_hopper", "motorcycle_disp")]
import cv2
tiles = [t if t.shape == (1024, 1024) else cv2.resize(t.astype(np.float32), (1024, 1024)).astype(np.float64) for t in tiles]
tiles += [sf[k] for k in ("bumps", "ramp_diag", "waves")]
for s in range(7): tiles.append(c.smooth_fields(1024, seed=s + 1)["bumps"])
truth = np.block([[tiles[4 * i + j] for j in range(4)] for i in range(4)])
pic = c.jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3], 75)
tp.decolorize(pic[:256, :256], cmap="viridis", vmin=0, vmax=1)
t0 = time.process_time(); r = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(pic); dt = time.process_time() - t0
v = np.asarray(r.values) if hasattr(r, "values") else r
print(f"mosaic holes {100*np.isnan(v).mean():.3f}% cpu {dt:.2f}s ({pic.shape[0]*pic.shape[1]/1e6/dt:.1f} MP/CPU-s) jpeg {r.jpeg} noise {r.noise} thr {r.threshold}", flush=True)
for i in range(16):
    ys, xs = slice(1024 * (i // 4), 1024 * (i // 4 + 1)), slice(1024 * (i % 4), 1024 * (i % 4 + 1))
    ra = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(np.ascontiguousarray(pic[ys, xs]))
    va = np.asarray(ra.values)
    print(f"  tile {i:2}: mosaic holes {100*np.isnan(v[ys, xs]).mean():7.3f}% alone {100*np.isnan(va).mean():7.3f}% "
          f"(noise {ra.noise:.3f} thr {ra.threshold:.2f})", flush=True)
