"""Follow-up of t150 (jet 0-40 % flagged): the same black lines (lw 1.5, gaps 3 / 5, q75) with and without the white
region, on t150's fBm field and on the test's field (a seeded sine wave, rectangle), jet 0.03..0.20 / 0.03..0.18
and a brighter jet range 0.25..0.45: is it the white region or black over jet's navy?"""
import io
import numpy as np
from _p8 import header, pil_rgb, fbm
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

header("t151 black lines: with / without the white region")
yy, xx = np.mgrid[0:160, 0:240]
fb = np.pad(fbm(200, seed=5)[:160], ((0, 0), (0, 40)), mode="reflect")
wave = 0.5 + 0.5 * np.sin(xx / 9.0) * np.cos(yy / 7.0) + 0.02 * np.random.default_rng(0).normal(size=xx.shape)
ell = ((xx - 120) / 55.0) ** 2 + ((yy - 70) / 28.0) ** 2 < 1
rect = np.zeros_like(ell); rect[40:100, 60:180] = True


def pic(fld, mask, gap, ink, q, m, x0):
    fg = plt.figure(figsize=(2.4, 1.6)); ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(np.ma.masked_array(fld, mask), cmap=m, vmin=0, vmax=1, extent=(0, 240, 160, 0), interpolation="nearest")
    if ink:
        ax.plot([50, 190], [98 + gap, 98 + gap], color="k", lw=1.5); ax.plot([x0 + gap, x0 + gap], [30, 110], color="k", lw=1.5)
    ax.set_xlim(0, 240); ax.set_ylim(160, 0)
    out = []
    for fmt, kw in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": q}})):
        b = io.BytesIO(); fg.savefig(b, format=fmt, dpi=100, **kw); out.append(pil_rgb(b.getvalue()))
    plt.close(fg); return out


for fname, base in (("fbm", fb), ("wave", wave)):
    for lo, hi in ((0.03, 0.20), (0.03, 0.18), (0.25, 0.45)):
        fld = lo + (hi - lo) * np.clip(base, 0, 1)
        for mname, mask, x0 in (("ellipse", ell, 175), ("rect", rect, 180), ("no region", np.zeros_like(ell), 178)):
            for gap in (3, 5):
                p0, _ = pic(fld, mask, gap, False, 75, "jet", x0); p1, j1 = pic(fld, mask, gap, True, 75, "jet", x0)
                white = (p0 >= 250).all(-1); d = np.abs(p1.astype(int) - p0.astype(int)).max(-1)
                core = (d > 0.5 * d.max()) & ~white
                v = tp.decolorize(j1, cmap="jet", vmin=0, vmax=1)
                print(f"{fname:5} jet {lo:.2f}..{hi:.2f} {mname:10} gap {gap}: core {core.sum():4d} px flagged {100*np.isnan(v[core]).mean():5.1f} %", flush=True)
