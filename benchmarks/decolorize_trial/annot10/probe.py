"""annot10: trial54 t150's black lines beside a white (masked) ellipse over jet's dark blues (JPEG q75/q90,
lw 1/1.5/2, gaps 2-5 px): core flagged %, data holes %, and the warnings (false extend-colour advice)."""
import io
import sys
import warnings
import numpy as np
from PIL import Image
from scipy.ndimage import binary_dilation
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "trial52"))


from _p7 import fbm  # noqa: E402  (trial54's own field)
f = fbm(200, seed=5)[:160]
yy, xx = np.mgrid[0:160, 0:240]
blob = ((xx - 120) / 55.0) ** 2 + ((yy - 70) / 28.0) ** 2 < 1


def pics(m, lo, hi, gap, lw, ink, q):
    fld = lo + (hi - lo) * np.pad(f, ((0, 0), (0, 40)), mode="reflect")
    fg = plt.figure(figsize=(2.4, 1.6)); ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(np.ma.masked_array(fld, blob), cmap=m, vmin=0, vmax=1, extent=(0, 240, 160, 0),
              interpolation="nearest")
    if ink:
        ax.plot([40, 200], [98 + gap, 98 + gap], color="k", lw=lw)
        ax.plot([175 + gap, 175 + gap], [20, 120], color="k", lw=lw)
    ax.set_xlim(0, 240); ax.set_ylim(160, 0)
    out = []
    for fmt, kw in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": q}})):
        b = io.BytesIO(); fg.savefig(b, format=fmt, dpi=100, **kw)
        out.append(np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB")))
    plt.close(fg)
    return out


def masks(gap, lw, q, m="jet", lo=0.03, hi=0.2):
    """The pictures without and with the lines (PNG, JPEG ``q``: p0, j0, p1, j1), the white
    ellipse, what the lines changed (DN) and their core (half their full strength or more)."""
    p0, j0 = pics(m, lo, hi, gap, lw, False, q)
    p1, j1 = pics(m, lo, hi, gap, lw, True, q)
    white = (p0 >= 250).all(-1)
    drawn = np.abs(p1.astype(int) - p0.astype(int)).max(-1)
    core = (drawn > 0.5 * drawn.max()) & ~white
    return p0, j0, p1, j1, white, drawn, core


def main():
    qs = [int(a) for a in sys.argv[1].split(",")] if len(sys.argv) > 1 else [75, 90]
    gaps = [int(a) for a in sys.argv[2].split(",")] if len(sys.argv) > 2 else [2, 3, 4, 5]
    m, lo, hi = "jet", 0.03, 0.2
    res = []
    for lw in (1.0, 1.5, 2.0):
        for gap in gaps:
            for q in qs:
                p0, j0, p1, j1, white, drawn, core = masks(gap, lw, q, m, lo, hi)
                data = ~white & ~binary_dilation(drawn > 20, iterations=3)
                with warnings.catch_warnings(record=True) as ws:
                    warnings.simplefilter("always")
                    v = tp.decolorize(j1, cmap=m, vmin=0, vmax=1)
                with warnings.catch_warnings(record=True) as ws0:
                    warnings.simplefilter("always")
                    v0 = tp.decolorize(j0, cmap=m, vmin=0, vmax=1)
                cf = 100 * np.isnan(v[core]).mean(); res.append(cf)
                ext = sum("extend" in str(w.message) for w in ws)
                ext0 = sum("extend" in str(w.message) for w in ws0)
                print(f"jet lw{lw} gap{gap} q{q}: core {cf:5.1f} % data holes {100*np.isnan(v[data]).mean():.3f}"
                      f" plain holes {100*np.isnan(v0[~white]).mean():.3f} extend-warn {ext}/{ext0}", flush=True)
                if "-v" in sys.argv:
                    for w in ws:
                        print("   W:", str(w.message)[:300])
    a = np.array(res)
    print(f"SUMMARY >= 95 %: {(a >= 95).sum()} of {a.size}, mean {a.mean():.1f}, min {a.min():.1f}")


if __name__ == "__main__":
    main()
