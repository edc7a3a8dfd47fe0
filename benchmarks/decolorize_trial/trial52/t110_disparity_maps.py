"""Part 1 #2: skimage's motorcycle disparity (trial 51's t106 tile: invalid pixels at the minimum, resized to 512x512) under
viridis / jet / magma, JPEG q75 and q90 (4:2:0), decoded alone by name; and beside the camera (the dask/numpy difference)."""
import numpy as np, cv2, truepix as tp
from _p7 import c, kd, call, wshort, header, F, cpu

header(__doc__.splitlines()[0])
rf = c.real_fields(512); t = rf["motorcycle_disp"]
t = np.clip(cv2.resize(t.astype(np.float32), (512, 512), interpolation=cv2.INTER_LINEAR).astype(np.float64), 0, 1)
print(f"{'case':34}{'holes%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  cpu s | jpeg/noise/thr | warnings")
for m in ("viridis", "jet", "magma"):
    for q in (75, 90):
        pic = c.jpeg(c.render(t, m), q); cam = c.jpeg(c.render(rf["camera"], m), q)
        for nm, p, tr in (("alone", pic, t), ("beside camera", np.concatenate([pic, cam], 1), np.concatenate([t, rf["camera"]], 1))):
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(p, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
            r = tp.Decolorizer(m, vmin=0, vmax=1).decode(p)
            mt, pt, ht = F.score(v, tr); mb, pb, _ = F.score(kd(m)(p), tr)
            tile = 100 * np.isnan(v[:512, :512]).mean()
            print(f"{m+' q'+str(q)+' '+nm:34}{100*ht:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  {dt:.2f} | {r.jpeg}/{float(r.noise):.2f}/{float(r.threshold):.1f} tile holes {tile:.3f}% | {wshort(ws)}", flush=True)
