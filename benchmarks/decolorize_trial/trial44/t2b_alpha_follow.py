"""imshow(alpha=0.8) over white, axes filling the figure (256^2 px, nearest): follow the warning's advice
(decolorize(..., alpha=0.8)) and score against the field; PNG and Pillow JPEG q85 / q75.
Truth: the field itself (nearest, 1 data pixel per picture pixel)."""
import io
import numpy as np
from PIL import Image
from common import *
import truepix as tp

F = fields(256); LIM = {"terrain": (200, 4000), "camera": (0, 100)}


def alpha_pic(f, cm, lo, hi, a):
    fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=cm, vmin=lo, vmax=hi, alpha=a, interpolation="nearest")
    b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB"))


def kd_alpha(pic, cm, lo, hi, a):
    from scipy.spatial import cKDTree
    t = table(cm).astype(float) * a + 255 * (1 - a)
    k = cKDTree(t).query(pic.reshape(-1, 3).astype(float))[1]
    return (lo + (k + 0.5) / len(t) * (hi - lo)).reshape(pic.shape[:2])


for name in ("terrain", "camera"):
    lo, hi = LIM[name]; f = F[name]
    for cm in ("viridis", "jet", "RdBu_r"):
        for a in (0.8, 0.5):
            p = alpha_pic(f, cm, lo, hi, a)
            for tag, q in (("PNG", p), ("JPEG q85", jpeg(p, 85)), ("JPEG q75", jpeg(p, 75))):
                r, w, e, dt = dec(q, cm, lo, hi)
                r2, w2, e2, dt2 = dec(q, cm, lo, hi, alpha=a)
                if e2:
                    print(f"{name} {cm} a={a} {tag}: ERROR {e2}"); continue
                m = metrics(r2.values, f, lo, hi); b = metrics(kd_alpha(q, cm, lo, hi, a), f, lo, hi)
                print(f"{name:7s} {cm:7s} a={a} {tag:8s} default: nan={np.isnan(r.values).mean()*100:5.1f}% W={w[0][:90] if w else '-'!s}\n"
                      f"{'':26s} alpha={a}: nan={m['nan']:5.2f}% meanH={m['mean_h']:6.3f} kd(blended table)={b['mean_h']:6.3f} "
                      f"x{m['mean_h']/b['mean_h']:4.2f} p99={m['p99_h']:6.2f} kdp99={b['p99_h']:6.2f} t={dt2:.2f}s W[{len(w2)}] {' | '.join(w2)[:200]}", flush=True)
