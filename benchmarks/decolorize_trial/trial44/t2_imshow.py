"""(2) matplotlib imshow options users vary, truth drawn by the same call with cmap='gray'
(linear: byte g -> position g/255, so matplotlib's own resampling is in the truth).
Errors in % of the normalized range (position 0..1 through the norm)."""
import io, sys, time
import numpy as np
from PIL import Image
from matplotlib.colors import LogNorm, PowerNorm, Normalize
from common import *
import truepix as tp
from skimage.transform import resize

F256 = fields(256); F1k = fields(1024)
LIM = {"terrain": (200, 4000), "camera": (0, 100)}


def render(f, cm, px, norm, dpi=100, tight=False, cbar=False, alpha=None, **kw):
    h, w = px
    fig = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    if cbar:
        ax = fig.add_subplot()
    else:
        ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    im = ax.imshow(f, cmap=cm, norm=norm, alpha=alpha, **kw)
    if cbar:
        fig.colorbar(im); ax.set_title("title")
    b = io.BytesIO()
    fig.savefig(b, format="png", dpi=dpi, **({"bbox_inches": "tight"} if tight else {}))
    box = None
    if tight:
        r = fig.canvas.get_renderer(); tb = fig.get_tightbbox(r)   # inches
        pad = 0.1; ab = ax.get_window_extent(r)
        x0 = (ab.x0 / fig.dpi - (tb.x0 - pad)) * dpi; x1 = (ab.x1 / fig.dpi - (tb.x0 - pad)) * dpi
        y0 = ((tb.y1 + pad) - ab.y1 / fig.dpi) * dpi; y1 = ((tb.y1 + pad) - ab.y0 / fig.dpi) * dpi
        box = (int(np.ceil(y0)) + 3, int(y1) - 3, int(np.ceil(x0)) + 3, int(x1) - 3)
    plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB")), box


def case(tag, f, cm, norm_fn, px, crop=True, **kw):
    pc, box = render(f, cm, px, norm_fn(), **kw)
    pg, _ = render(f, "gray", px, norm_fn(), **kw)
    if box is not None:
        y0, y1, x0, x1 = box; pcc, pgc = pc[y0:y1, x0:x1], pg[y0:y1, x0:x1]
    else:
        pcc, pgc = pc, pg
    n = norm_fn()
    pos_t = pgc[..., 0] / 255.0
    dkw = {"norm": n} if not isinstance(n, Normalize) or type(n) is not Normalize else {"vmin": n.vmin, "vmax": n.vmax}
    r, w, e, dt = dec(pcc, cm, **dkw) if "norm" in dkw else dec(pcc, cm, dkw["vmin"], dkw["vmax"])
    if e:
        print(f"{tag:52s} ERROR {e}", flush=True); return
    with np.errstate(invalid="ignore", divide="ignore"):
        pos = np.asarray(n(np.ma.masked_invalid(r.values)).filled(np.nan), float)
    print(row(tag, pos, w, None, dt, pos_t, 0.0, 1.0, pcc, cm), flush=True)
    if box is not None:   # the whole tight figure too: time and warnings
        r2, w2, e2, dt2 = dec(pc, cm, **dkw) if "norm" in dkw else dec(pc, cm, dkw["vmin"], dkw["vmax"])
        print(f"{'   whole figure ' + str(pc.shape):52s} t={dt2:5.2f}s err={e2} W[{len(w2)}] {' | '.join(w2)[:300]}", flush=True)


maps = sys.argv[1:] or ["viridis", "jet"]
for name in ("terrain", "camera"):
    lo, hi = LIM[name]; lin = lambda: Normalize(lo, hi)
    small = resize(F256[name], (64, 64), anti_aliasing=True)
    for cm in maps:
        for interp in ("bicubic", "lanczos", "antialiased"):
            case(f"{name} {cm} up64->400 {interp}", small, cm, lin, (400, 400), interpolation=interp)
            case(f"{name} {cm} down1024->300 {interp}", F1k[name], cm, lin, (300, 300), interpolation=interp)
        case(f"{name} {cm} origin=lower aspect=auto 300x500", F256[name], cm, lin, (300, 500), origin="lower", aspect="auto")
        case(f"{name} {cm} alpha=0.8 over white", F256[name], cm, lin, (256, 256), alpha=0.8, interpolation="nearest")
        lg = lambda: LogNorm(max(lo, 1), hi)
        case(f"{name} {cm} LogNorm norm= passed", np.maximum(F256[name], max(lo, 1)), cm, lg, (256, 256), interpolation="nearest")
        pw = lambda: PowerNorm(0.5, lo, hi)
        case(f"{name} {cm} PowerNorm(0.5) norm= passed", F256[name], cm, pw, (256, 256), interpolation="nearest")
        for dpi in (72, 150, 220):
            case(f"{name} {cm} savefig dpi={dpi} tight plotarea", F256[name], cm, lin, (480, 640), dpi=dpi,
                 tight=True, cbar=True)
