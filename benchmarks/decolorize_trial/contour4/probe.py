"""contour4 probe: t164's 16 cases (coloured contour lines lw 1 over imshow gray / viridis / jet / magma of an fBm
field, JPEG q75; --png for the PNGs) scored with benchmarks/_drawn_annotations.py's definitions: a pixel's "moved" is
the RGB distance between the figure drawn with the lines and without them (PNG); line = moved > 12 DN, fringe =
0 < moved <= 12 (neither line nor data), data = moved == 0, banded by distance to the nearest moved pixel (0-2, 2-5,
beyond 5 px). Per band: holes (NaN) %, and of the pixels given a value, silently wrong % (> 5 % of the range off the
field under them: the same figure redrawn in gray without the lines, trial 52's redraw_truth). Pictures cached under
/tmp/contour4 (delete to redraw). Usage: probe.py [--png] [--set=SMEAR_NAME=VALUE ...] [map ...]"""
import sys, pathlib, pickle
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "trial54"))
import numpy as np
from scipy.ndimage import distance_transform_edt
from _p8 import pil_rgb, fig_bytes, fbm, redraw_truth, plot_slice
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

CACHE = pathlib.Path("/tmp/contour4/t164.pkl")
MAPS = ("gray", "viridis", "jet", "magma")
LINES = ("colors=red", "colors=cyan", "colors=magenta", "cmap=autumn")
MOVED, SILENT = 12.0, 0.05


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
            cs.remove()
            clean = pil_rgb(fig_bytes(fg, "png", dpi=100))
            moved = np.sqrt(((ps["png"].astype(float) - clean) ** 2).sum(axis=-1))
            truth, _ = redraw_truth(fg, [im], [])
            sl = plot_slice(fg, ax, ps["png"].shape)
            for t, pic in ps.items():
                out[(m, lines, t)] = (pic, truth, moved, sl)
            plt.close(fg)
    CACHE.parent.mkdir(exist_ok=True); CACHE.write_bytes(pickle.dumps(out))
    return out


def score(pic, truth, moved, m, sl):
    """(holes %, silently wrong % of those given a value) per band: line, fringe, data 0-2, 2-5, 5+, data all."""
    v = tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0)[sl]
    t = truth[sl]; mv = moved[sl]; d = distance_transform_edt(mv == 0)
    hole = np.isnan(v); ok = np.isfinite(t)
    wrong = ~hole & (np.abs(v - t) > SILENT)
    data = ok & (mv == 0)
    bands = [ok & (mv > MOVED), ok & (mv > 0) & (mv <= MOVED),
             data & (d <= 2), data & (d > 2) & (d <= 5), data & (d > 5), data]
    res = []
    for b in bands:
        given = b & ~hole
        res.append((100 * hole[b].mean(), 100 * wrong[given].mean() if given.any() else 0.0))
    return res


HEAD = (f"{'case':30}{'data%':>7}{'wr':>5}{'d0-2':>7}{'wr':>5}{'d2-5':>6}{'d5+':>6}"
        f"{'line%':>7}{'wr':>5}{'frng%':>7}{'wr':>5}")


def main():
    args = sys.argv[1:]; kind = "png" if "--png" in args else "q75"
    from truepix.color._decolorize import _smeared
    for a in args:  # (--set NAME=VALUE: try a setting of _smeared's constants)
        if a.startswith("--set="):
            name, value = a[6:].split("="); setattr(_smeared, name, type(getattr(_smeared, name))(value))
            print("set", name, getattr(_smeared, name))
    maps = [a for a in args if not a.startswith("--")] or MAPS
    ps = pictures()
    print("holes (NaN) % and silently wrong % of the valued (wr); line% = lines flagged")
    print(HEAD)
    for m in maps:
        for lines in LINES:
            pic, truth, moved, sl = ps[(m, lines, kind)]
            ln, fr, b0, b1, b2, da = score(pic, truth, moved, m, sl)
            print(f"{lines + ' / ' + m + ' ' + kind:30}{da[0]:7.2f}{da[1]:5.1f}{b0[0]:7.2f}{b0[1]:5.1f}{b1[0]:6.2f}"
                  f"{b2[0]:6.2f}{ln[0]:7.1f}{ln[1]:5.1f}{fr[0]:7.1f}{fr[1]:5.1f}", flush=True)


if __name__ == "__main__":
    main()
