"""Follow-up of t150 / t151: the control (no white region) for lw 1.0 and 2.0 too; jet 0.03..0.20 on t150's fBm,
the ellipse vs no region, gaps 3 / 5 / 8 px, JPEG q75 (core flagged %). Importing t151 runs its loop again first
(its rows head this output)."""
import io
import numpy as np
import matplotlib.pyplot as plt
import t151_black_control as T
import truepix as tp

print("# t152 (above: t151 again, run on import)", flush=True)
fld = 0.03 + 0.17 * np.clip(T.fb, 0, 1)


def draw(mask, gap, lw, ink):
    fg = plt.figure(figsize=(2.4, 1.6)); ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(np.ma.masked_array(fld, mask), cmap="jet", vmin=0, vmax=1, extent=(0, 240, 160, 0), interpolation="nearest")
    if ink:
        ax.plot([50, 190], [98 + gap, 98 + gap], color="k", lw=lw); ax.plot([175 + gap, 175 + gap], [30, 110], color="k", lw=lw)
    ax.set_xlim(0, 240); ax.set_ylim(160, 0)
    out = []
    for fmt, kw in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": 75}})):
        b = io.BytesIO(); fg.savefig(b, format=fmt, dpi=100, **kw); out.append(T.pil_rgb(b.getvalue()))
    plt.close(fg); return out


for lw in (1.0, 2.0):
    for mname, mask in (("ellipse", T.ell), ("no region", np.zeros_like(T.ell))):
        for gap in (3, 5, 8):
            p0, _ = draw(mask, gap, lw, False); p1, j1 = draw(mask, gap, lw, True)
            white = (p0 >= 250).all(-1); d = np.abs(p1.astype(int) - p0.astype(int)).max(-1)
            core = (d > 0.5 * d.max()) & ~white
            v = tp.decolorize(j1, cmap="jet", vmin=0, vmax=1)
            print(f"fbm jet 0.03..0.20 lw {lw} {mname:10} gap {gap}: core {core.sum():4d} px flagged {100*np.isnan(v[core]).mean():5.1f} %", flush=True)
