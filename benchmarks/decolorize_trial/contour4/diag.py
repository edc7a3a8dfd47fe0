"""contour4 diag: per flagged pixel with an unflagged 8-neighbour at _smeared's call (t164 q75 cases map:lines), the
quantities _smeared judges (luma excess / gap, chroma share, stroke size ...) by class (line > 12 DN, fringe, data 0-2 px,
data beyond); percentiles printed, arrays saved to /tmp/contour4/diag_*.npz. Usage: diag.py gray:colors=red ..."""
import sys, pathlib
HERE = pathlib.Path(__file__).resolve().parent; sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "trial54"))
import numpy as np
from scipy.ndimage import distance_transform_edt
import truepix as tp
from truepix.color._decolorize import _ringed, _smeared
from truepix.color._decolorize._plan import _YCBCR
import probe

cap = {}
orig = _ringed.smeared_beside
def wrap(flat, scale, width, off_map):
    cap['a'] = (flat.copy(), scale, width, off_map.copy())
    r = orig(flat, scale, width, off_map)
    cap['r'] = r
    return r
_ringed.smeared_beside = wrap

def quantities(ycc, mask, y, x):
    S = _smeared
    radius = S.SMEAR_FIELD_RADIUS
    offsets = [(dy, dx) for dy in range(-radius, radius + 1) for dx in range(-radius, radius + 1)]
    height, width = mask.shape; n = len(y)
    yy = y[:, None] + np.array([o[0] for o in offsets])[None, :]
    xx = x[:, None] + np.array([o[1] for o in offsets])[None, :]
    inside = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width)
    yy, xx = np.clip(yy, 0, height - 1), np.clip(xx, 0, width - 1)
    field = inside & ~mask[yy, xx]; flagged = inside & mask[yy, xx]
    window = ycc[yy, xx]; own = ycc[y, x]
    n_field = field.sum(axis=1)
    luma = window[..., 0]
    low = np.where(field, luma, np.inf).min(axis=1); high = np.where(field, luma, -np.inf).max(axis=1)
    excess = np.maximum(low - own[:, 0], own[:, 0] - high)
    gap = np.abs(luma - own[:, 0:1])
    step = np.array([max(abs(o[0]), abs(o[1])) for o in offsets])
    gap_near = np.where(field & (step <= 1)[None, :], gap, np.inf).min(axis=1)
    ground = np.stack([np.nanmedian(np.where(field, window[..., c], np.nan), axis=1) for c in (1, 2)], axis=1)
    near = flagged & (step <= S.SMEAR_STROKE_RADIUS)[None, :]
    apart = ((window[..., 1:] - ground[:, None, :]) ** 2).sum(axis=2)
    apart = np.where(near, apart, -1.0)
    strongest = apart.argmax(axis=1); size = apart[np.arange(n), strongest]
    ink_chroma = np.sqrt((window[np.arange(n), strongest, 1:] ** 2).sum(axis=1))
    stroke = window[np.arange(n), strongest, 1:] - ground; offset = own[:, 1:] - ground
    share = (offset * stroke).sum(axis=1) / np.maximum(size, 1e-12)
    off = np.sqrt(((offset - share[:, None] * stroke) ** 2).sum(axis=1))
    dl = np.abs(window[np.arange(n), strongest, 0] - own[:, 0])
    return dict(nf=n_field, excess=excess, gap=gap_near, size=np.sqrt(np.maximum(size, 0)), ink=ink_chroma,
                share=share, off=off, offrel=(off - S.SMEAR_OFF_DN) / np.sqrt(np.maximum(size, 1e-9)), dl=dl)

ps = probe.pictures()
for key in sys.argv[1:]:
    m, lines = key.split(":")
    pic, truth, moved, sl = ps[(m, lines, "q75")]
    v = tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0)
    flat, scale, width, off_map = cap['a']
    h = len(off_map) // width
    mask = off_map.reshape(h, width)
    ycc = ((flat[:, :3].astype(np.float64) * scale) @ _YCBCR.T).reshape(h, width, 3)
    touched = np.zeros_like(mask)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx: touched |= _smeared._shifted(~mask, dy, dx, False)
    y, x = np.nonzero(mask & touched)
    q = quantities(ycc, mask, y, x)
    inside = np.zeros((h, width), bool); inside[sl] = True
    d = distance_transform_edt(moved == 0)
    cls = np.full((h, width), -1); cls[moved > 12] = 0; cls[(moved > 0) & (moved <= 12)] = 1
    cls[(moved == 0) & (d <= 2)] = 2; cls[(moved == 0) & (d > 2)] = 3
    cls[~inside | ~np.isfinite(truth)] = -1
    c = cls[y, x]
    print(key, "flagged-with-field-neighbour:", [(int((c == k).sum())) for k in range(4)],
          " flagged total in plot: line", int((mask & (cls == 0)).sum()), "data0-2", int((mask & (cls == 2)).sum()),
          "of", int((cls == 2).sum()))
    for name in ("nf", "excess", "gap", "size", "ink", "share", "off", "offrel", "dl"):
        row = f"  {name:7}"
        for k, lab in ((0, "line"), (1, "fringe"), (2, "d0-2"), (3, "d2+")):
            a = q[name][c == k]; a = a[np.isfinite(a)]
            if len(a): row += f"  {lab}: " + "/".join(f"{p:.2f}" for p in np.percentile(a, [10, 25, 50, 75, 90]))
        print(row)
    np.savez(f"/tmp/contour4/diag_{m}_{lines.replace('=','_')}.npz", c=c, **q)
