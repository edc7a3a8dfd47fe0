"""Which annotations stay unflagged on JPEG q75 figures: breakdown by the annotation's ink
(black contour/text, white text/box, gray curve/text, magenta/green coastline).
python t2b_ann_kinds.py [kind] [maps,comma]"""
import sys, numpy as np
from PIL import Image
from t2_figures import make, rgb_of, jpeg
from common import decode
kind = sys.argv[1] if len(sys.argv) > 1 else "pcolormesh"
maps = sys.argv[2].split(",") if len(sys.argv) > 2 else ["RdBu_r", "viridis", "jet"]
INKS = {"black": (0, 0, 0), "white": (255, 255, 255), "gray": (128, 128, 128), "magenta": (255, 0, 255), "green": (0, 255, 0)}
for cm in maps:
    png, jpg, d, vmin, vmax, bb, top = make(kind, cm, True)
    png0 = make(kind, cm, False)[0]
    a, a0 = rgb_of(png), rgb_of(png0)
    H, W = a.shape[:2]
    rr, cc = np.mgrid[0:H, 0:W]
    inner = (cc > bb.x0 + 3) & (cc < bb.x1 - 3) & (rr > H - bb.y1 + 3) & (rr < H - bb.y0 - 3)
    diff = np.abs(a.astype(int) - a0.astype(int)).max(-1)
    core = (diff > 30) & inner
    inks = np.array(list(INKS.values()), float)
    k = np.argmin(((a[core][:, None, :].astype(float) - inks[None]) ** 2).sum(-1), 1)
    line = f"{kind} {cm:8s}"
    for tag, pic in [("png", a), ("q75", jpeg(a, 75, 2)), ("q90", jpeg(a, 90, 2))]:
        v, w = decode(pic, cmap=cm, vmin=vmin, vmax=vmax)
        fl = np.isnan(v)[core]
        parts = [f"{name} {100*fl[k == i].mean():.1f}% (n={int((k == i).sum())})" for i, name in enumerate(INKS) if (k == i).sum() > 50]
        line += f"\n   {tag}: all {100*fl.mean():.1f}%  " + ", ".join(parts)
    print(line, flush=True)
