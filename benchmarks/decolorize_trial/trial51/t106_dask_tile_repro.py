"""Repro of t98's difference: in the dask call (chunks 512x512, one tile each) tile 4 (skimage's motorcycle disparity, its
invalid pixels set to the minimum, resized to 512x512, viridis, JPEG q75 on its own) has 7.2 % holes; the numpy call on the
whole mosaic has 0 %. Here: that tile decoded alone by the numpy call, and within its 2x2 / 1x2 neighbourhoods."""
import numpy as np, cv2, truepix as tp
from _p6 import c, kd, call, wshort, header, F

header(__doc__.splitlines()[0])
rf = c.real_fields(512); t = rf["motorcycle_disp"]
t = np.clip(cv2.resize(t.astype(np.float32), (512, 512), interpolation=cv2.INTER_LINEAR).astype(np.float64), 0, 1)
pic = c.jpeg(c.render(t, "viridis"), 75); cam = c.jpeg(c.render(rf["camera"], "viridis"), 75)
print(f"tile: flat share (|grad| == 0) {100*np.mean((np.abs(np.diff(t, axis=1)) == 0)):.1f}%, value at min {100*np.mean(t == t.min()):.1f}%")
for nm, p, tr in (("tile alone", pic, t), ("tile | camera side by side", np.concatenate([pic, cam], 1), np.concatenate([t, rf["camera"]], 1)),
                  ("tile with a 2x2 of itself", np.block([[[pic], [pic]], [[pic], [pic]]])[0] if False else np.concatenate([np.concatenate([pic, pic], 1)] * 2, 0), np.tile(t, (2, 2)))):
    v, err, ws = call(lambda: tp.decolorize(p, cmap="viridis", vmin=0, vmax=1)); r = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(p)
    mt, pt, ht = F.score(v, tr); mb, pb, _ = F.score(kd("viridis")(p), tr)
    hole_tile = 100 * np.isnan(v[:512, :512]).mean()
    print(f"{nm:28} holes {100*ht:.3f}% (in the tile {hole_tile:.3f}%) ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} | jpeg {r.jpeg} noise {float(r.noise):.2f} thr {float(r.threshold):.1f} | {wshort(ws)}", flush=True)
