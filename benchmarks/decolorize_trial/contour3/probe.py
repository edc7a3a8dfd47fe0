"""contour3 probe: t164's 16 JPEG q75 cases (coloured contour lines lw 1 over imshow gray / viridis / jet / magma of an
fBm field; the PNG cases with --png) -- holes on data pixels overall and by distance to the lines (0-2, 2-5, beyond),
lines flagged. Pictures cached under /tmp/contour3 (delete to redraw). Usage: probe.py [--png] [map ...]"""
import sys, pathlib, pickle
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "trial54"))
import numpy as np
from scipy.ndimage import distance_transform_edt
from _p8 import pil_rgb, fig_bytes, fbm, redraw_truth, plot_slice, mscore, kd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

CACHE = pathlib.Path("/tmp/contour3/t164.pkl")
MAPS = ("gray", "viridis", "jet", "magma")
LINES = ("colors=red", "colors=cyan", "colors=magenta", "cmap=autumn")


def pictures():
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    f = fbm(256, seed=11); out = {}
    for m in MAPS:
        for lines in LINES:
            fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
            k, v = lines.split("=")
            cs = ax.contour(f, levels=8, linewidths=1.0, **{"colors" if k == "colors" else "cmap": v})
            ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **kw))
                  for t, kw in (("png", {}), ("q75", {"pil_kwargs": {"quality": 75}}))}
            lv = cs.levels; cs.remove(); ax.contour(f, levels=lv, colors=[(0, 0, 1)], linewidths=1.0)
            truth, ink = redraw_truth(fg, [im], [])
            sl = plot_slice(fg, ax, ps["png"].shape)
            for t, pic in ps.items():
                out[(m, lines, t)] = (pic, truth, ink, sl)
            plt.close(fg)
    CACHE.parent.mkdir(exist_ok=True); CACHE.write_bytes(pickle.dumps(out))
    return out


def score(pic, truth, ink, m, sl):
    v = tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0)
    v = v[sl]; t = truth[sl]; d = distance_transform_edt(~ink[sl]); data = np.isfinite(t); hole = np.isnan(v)
    bands = [100 * hole[data & (d > a) & (d <= b)].mean() for a, b in ((0, 2), (2, 5), (5, 1e9))]
    mt, pt, ht = mscore(v, t); mb, pb, _ = mscore(kd(m)(pic[sl]), t)
    return 100 * ht, bands, 100 * hole[ink[sl]].mean(), mt / mb


def main():
    args = sys.argv[1:]; kind = "png" if "--png" in args else "q75"
    maps = [a for a in args if not a.startswith("--")] or MAPS
    ps = pictures()
    print(f"{'case':34}{'holes%':>8}{'0-2px':>8}{'2-5px':>8}{'5+px':>8}{'lines%':>8}{'ratio':>7}")
    n = 0
    for m in maps:
        for lines in LINES:
            pic, truth, ink, sl = ps[(m, lines, kind)]
            h, b, fl, r = score(pic, truth, ink, m, sl)
            n += h > 0.2
            print(f"{lines + ' over ' + m + ' ' + kind:34}{h:8.3f}{b[0]:8.2f}{b[1]:8.2f}{b[2]:8.2f}{fl:8.1f}{r:7.2f}", flush=True)
    print(f"cases > 0.2 % holes: {n}")


if __name__ == "__main__":
    main()
