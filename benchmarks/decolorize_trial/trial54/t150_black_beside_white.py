"""Part 1, stop 57's claim (annot7): a black line 3-6 px beside a white region over jet's dark blues stays flagged on
JPEG q75 (claimed 19/0.5/56/2 -> 99.5/47/100/83 %). Here on other data than the test's: an fBm field over jet's
low end (0.03..0.2) / turbo's / viridis's, a white (masked) blob that is not a rectangle, lines lw 1.0 / 1.5 / 2.0 at
gaps 2..8 px, q75 and q90; core flagged % and the data holes (beyond 3 px of the line, off the white)."""
import io
import numpy as np
from scipy.ndimage import binary_dilation
from _p8 import header, pil_rgb, fbm
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

header("t150 black lines beside a white region (stop 57 annot7 claim)")
f = fbm(200, seed=5)[:160]
yy, xx = np.mgrid[0:160, 0:240]
blob = ((xx - 120) / 55.0) ** 2 + ((yy - 70) / 28.0) ** 2 < 1  # an ellipse: 110 x 56 px


def pics(m, lo, hi, gap, lw, ink, q):
    fld = lo + (hi - lo) * np.pad(f, ((0, 0), (0, 40)), mode="reflect")
    fg = plt.figure(figsize=(2.4, 1.6)); ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(np.ma.masked_array(fld, blob), cmap=m, vmin=0, vmax=1, extent=(0, 240, 160, 0), interpolation="nearest")
    if ink:
        ax.plot([40, 200], [98 + gap, 98 + gap], color="k", lw=lw)   # below the blob (its bottom is y=98)
        ax.plot([175 + gap, 175 + gap], [20, 120], color="k", lw=lw)  # right of it (its right end is x=175)
    ax.set_xlim(0, 240); ax.set_ylim(160, 0)
    out = []
    for fmt, kw in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": q}})):
        b = io.BytesIO(); fg.savefig(b, format=fmt, dpi=100, **kw); out.append(pil_rgb(b.getvalue()))
    plt.close(fg)
    return out


print(f"{'map':8}{'range':>11}{'lw':>5}{'gap':>5}{'q':>4}{'core px':>8}{'core flag%':>11}{'data holes%':>12}{'plain holes%':>13}", flush=True)
allc = []
for m, lo, hi in (("jet", 0.03, 0.2), ("turbo", 0.0, 0.15), ("viridis", 0.0, 0.3)):
    for lw in (1.0, 1.5, 2.0):
        for gap in (2, 3, 4, 5, 6, 8):
            for q in (75, 90):
                p0, j0 = pics(m, lo, hi, gap, lw, False, q); p1, j1 = pics(m, lo, hi, gap, lw, True, q)
                white = (p0 >= 250).all(-1)
                drawn = np.abs(p1.astype(int) - p0.astype(int)).max(-1)
                core = (drawn > 0.5 * drawn.max()) & ~white
                data = ~white & ~binary_dilation(drawn > 20, iterations=3)
                v = tp.decolorize(j1, cmap=m, vmin=0, vmax=1)
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    v0 = tp.decolorize(j0, cmap=m, vmin=0, vmax=1)
                cf = 100 * np.isnan(v[core]).mean(); allc.append((m, q, cf))
                print(f"{m:8}{lo:5.2f}..{hi:4.2f}{lw:5.1f}{gap:5d}{q:4d}{core.sum():8d}{cf:11.1f}"
                      f"{100*np.isnan(v[data]).mean():12.3f}{100*np.isnan(v0[~white]).mean():13.3f}", flush=True)
for m in ("jet", "turbo", "viridis"):
    for q in (75, 90):
        a = np.array([x[2] for x in allc if x[0] == m and x[1] == q])
        print(f"SUMMARY {m} q{q}: core flagged mean {a.mean():.1f} %, min {a.min():.1f} %, >= 95 %: {(a >= 95).sum()} of {a.size}")
