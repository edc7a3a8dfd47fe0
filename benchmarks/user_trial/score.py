"""Score every out/*.json truth against tp.read_figure's default call.

Usage: score.py [names...] [--cases DIR] [--results FILE]
  --cases DIR     score the figures whose generators are DIR/*.py (e.g. cases4)
  --results FILE  append to FILE instead of results.jsonl
"""
import json, os, sys, time, glob, traceback
import numpy as np
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import colors as mcolors
import truepix as tp
import seaborn  # registers rocket, vlag, mako

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")

def iou(a, b):
    l, t, r, bt = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    inter = max(0, r - l) * max(0, bt - t)
    ar = (a[2] - a[0]) * (a[3] - a[1]); br = (b[2] - b[0]) * (b[3] - b[1])
    return inter / (ar + br - inter + 1e-9)

def fwd(v, s):
    v = np.asarray(v, float)
    return np.log10(v) if s == "log" else v

def truth_at(pos, lo_px, hi_px, at, s):
    a, b = fwd(at[0], s), fwd(at[1], s)
    return a + (pos - lo_px) / (hi_px - lo_px) * (b - a), abs(b - a) / (hi_px - lo_px)

def true_norm(t):
    n, lo, hi = t["norm"], t["vmin"], t["vmax"]
    if n == "log": return mcolors.LogNorm(lo, hi)
    if n == "twoslope": return mcolors.TwoSlopeNorm(t["vcenter"], lo, hi)
    if n == "symlog": return mcolors.SymLogNorm(t["linthresh"], vmin=lo, vmax=hi, base=10)
    if n == "power": return mcolors.PowerNorm(t["gamma"], lo, hi)
    return mcolors.Normalize(lo, hi)

def oracle(img, t):
    lut = (plt.get_cmap(t["cmap"])(np.linspace(0, 1, 256))[:, :3] * 255).astype(np.float32)
    px = img.reshape(-1, 3).astype(np.float32)
    d = ((px[:, None, :] - lut[None]) ** 2).sum(-1)
    i = d.argmin(1); ok = np.sqrt(d.min(1)) < 12
    pos = (i + 0.5) / 256
    pos[~ok] = np.nan
    return pos.reshape(img.shape[:2])

def score_panel(p, t, img, ro):
    r = {}
    r["cbar_true"] = t["cbar_bbox"] is not None
    r["cbar_read"] = p.colorbar is not None
    r["cbar_ok"] = (r["cbar_true"] == r["cbar_read"]) and (not r["cbar_true"] or t["cbar_bbox"] == "any" or iou(p.colorbar.bbox, t["cbar_bbox"]) > 0.5)
    r.update(vmin=p.vmin, vmax=p.vmax, norm=p.norm, cmap=p.cmap, grid=p.grid)
    if t["vmin"] is not None and r["cbar_true"]:
        s = "log" if t["norm"] == "log" else "linear"
        span = abs(fwd(t["vmax"], s) - fwd(t["vmin"], s))
        if p.vmin is None or p.vmax is None or not np.isfinite([p.vmin, p.vmax]).all() or (s == "log" and min(p.vmin, p.vmax) <= 0):
            r["range_err"] = None; r["range_ok"] = False
        else:
            e = max(abs(fwd(p.vmin, s) - fwd(t["vmin"], s)), abs(fwd(p.vmax, s) - fwd(t["vmax"], s))) / span
            r["range_err"] = float(e); r["range_ok"] = e <= 0.005
    # corners
    da = p.data
    rb = p.bbox; tb = t["bbox"]
    if t.get("coords", True):
        errs = []
        for dim, (lo, hi), at, s, n in (("x", (tb[0], tb[2]), t["x_at"], t["xscale"], da.sizes.get("x", 0)),
                                          ("y", (tb[1], tb[3]), t["y_at"], t["yscale"], da.sizes.get("y", 0))):
            if n < 2: errs.append(np.inf); continue
            c = np.asarray(da[dim].values, float)
            rlo, rhi = (rb[0], rb[2]) if dim == "x" else (rb[1], rb[3])
            if p.grid and t.get("grid") and tuple(p.grid) == tuple(t["grid"]):
                # the same cells: compare with the true cells' centres (not through the read bbox)
                pos = [lo + 0.5 * (hi - lo) / n, hi - 0.5 * (hi - lo) / n]
            elif p.grid:
                pos = [rlo + 0.5 * (rhi - rlo) / n, rhi - 0.5 * (rhi - rlo) / n]
            else:
                first = np.floor(rlo - 0.5) + 1  # data holds every pixel whose centre is inside the bbox
                pos = [first + 0.5, first + n - 0.5]
            edges = t.get(dim + "_edges") if p.grid and t.get("grid") and tuple(p.grid) == tuple(t["grid"]) else None
            for k, cv in ((0, c[0]), (1, c[-1])):
                tv, per = truth_at(pos[k], lo, hi, at, s)
                if edges:  # uneven cells: the true cell's centre from its own edges
                    tv = float(np.mean(fwd(edges[:2] if k == 0 else edges[-2:], s)))
                with np.errstate(all="ignore"):
                    rv = fwd(cv, s)
                errs.append(float(abs(rv - tv) / per) if np.isfinite(rv) else np.inf)
        r["corner_px"] = float(max(errs)); r["corner_ok"] = r["corner_px"] <= 1.0
    if t.get("grid"):
        r["grid_ok"] = p.grid is not None and tuple(p.grid) == tuple(t["grid"])
    # values vs oracle (true cmap + true norm on the same pixels)
    if t["cmap"] and t["vmin"] is not None and p.pixel_values.size and t["norm"] in ("linear", "log", "twoslope", "symlog", "power"):
        top, bottom, left, right = p.interior
        sub = img[top:bottom, left:right]
        ti = [int(np.ceil(tb[1])) + 2, int(tb[3]) - 2, int(np.ceil(tb[0])) + 2, int(tb[2]) - 2]
        yy, xx = np.mgrid[top:bottom, left:right]
        inside = (yy >= ti[0]) & (yy < ti[1]) & (xx >= ti[2]) & (xx < ti[3])
        if sub.size and inside.any():
            o = ro if ro is not None else oracle(sub, t)
            nrm = true_norm(t)
            with np.errstate(all="ignore"):
                rp = np.asarray(nrm(np.ma.masked_invalid(p.pixel_values)).filled(np.nan), float)
            m = inside & np.isfinite(o) & np.isfinite(rp)
            if m.sum() > 50:
                e = np.abs(rp[m] - o[m]) * 256
                r["val_med_bins"] = float(np.median(e)); r["val_p95_bins"] = float(np.percentile(e, 95))
                r["val_ok"] = r["val_med_bins"] <= 2 and r["val_p95_bins"] <= 12
            r["oracle_cover"] = float((inside & np.isfinite(o)).sum() / inside.sum())
            r["read_cover"] = float((inside & np.isfinite(p.pixel_values)).sum() / inside.sum())
    if "cells" in t and p.grid and tuple(p.grid) == tuple(t["grid"]) and t["vmin"] is not None:
        tc = np.asarray(t["cells"], float); rc = np.asarray(da.values, float)
        nrm = true_norm(t)
        with np.errstate(all="ignore"):
            a = np.asarray(nrm(np.ma.masked_invalid(rc)).filled(np.nan)); b = np.asarray(nrm(np.ma.masked_invalid(tc)).filled(np.nan))
        m = np.isfinite(a) & np.isfinite(b)
        if m.any():
            e = np.abs(a[m] - b[m]) * 256
            r["cell_med_bins"] = float(np.median(e)); r["cell_max_bins"] = float(e.max())
        r["cell_nan_read"] = float(np.isnan(rc).mean()); r["cell_nan_true"] = float(np.isnan(tc).mean())
    r["nan_share"] = float(np.isnan(np.asarray(da.values, float)).mean())
    r["nan_true"] = t.get("nan_share", 0.0)
    r["confidence"] = float(p.confidence); r["doubts"] = da.attrs.get("doubts", "")
    return r

def score(name):
    t = json.load(open(os.path.join(OUT, name + ".json")))
    path = os.path.join(OUT, t["image"])
    t0 = time.time()
    try:
        rd = tp.read_figure(path)
    except Exception as e:
        return dict(name=name, error=f"{type(e).__module__}.{type(e).__name__}: {e}"[:300], tb=traceback.format_exc()[-800:])
    dt = time.time() - t0
    img = rd.image
    res = dict(name=name, seconds=round(dt, 2), n_read=len(rd.panels), n_true=len(t["panels"]), note=t.get("note", ""), panels=[])
    used = set()
    for k, tpn in enumerate(t["panels"]):
        best, bi = 0, None
        for j, p in enumerate(rd.panels):
            if j in used: continue
            v = iou(p.bbox, tpn["bbox"])
            if v > best: best, bi = v, j
        if bi is None or best < 0.8:
            res["panels"].append(dict(found=False, best_iou=round(best, 3), read_bboxes=[[round(x, 1) for x in p.bbox] for p in rd.panels],
                                      confs=[round(p.confidence, 2) for p in rd.panels]))
            continue
        used.add(bi)
        try:
            r = score_panel(rd.panels[bi], tpn, img, None)
        except Exception as e:
            r = dict(score_error=repr(e)[:200])
        r["found"] = True; r["iou"] = round(best, 3); r["index_ok"] = bi == k
        res["panels"].append(r)
    res["extra_panels"] = [dict(bbox=[round(x, 1) for x in rd.panels[j].bbox], conf=round(rd.panels[j].confidence, 2))
                           for j in range(len(rd.panels)) if j not in used]
    return res

if __name__ == "__main__":
    args, results, cases = sys.argv[1:], "results.jsonl", None
    for opt in ("--cases", "--results"):
        if opt in args:
            k = args.index(opt); val = args[k + 1]; del args[k:k + 2]
            if opt == "--cases": cases = val
            else: results = val
    names = args
    if not names and cases:
        here = os.path.dirname(os.path.abspath(__file__))
        names = sorted(os.path.basename(f)[:-3] for f in glob.glob(os.path.join(here, cases, "[!_]*.py"))
                       if os.path.exists(os.path.join(OUT, os.path.basename(f)[:-3] + ".json")))
    names = names or sorted(os.path.basename(f)[:-5] for f in glob.glob(os.path.join(OUT, "*.json")))
    with open(os.path.join(OUT, "..", results), "a") as f:
        for n in names:
            r = score(n)
            f.write(json.dumps(r, default=str) + "\n"); f.flush()
            print(json.dumps(r, default=str)[:1500], flush=True)
