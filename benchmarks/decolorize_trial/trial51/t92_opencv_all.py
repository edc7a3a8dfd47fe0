"""Part 2: every cv2.COLORMAP_* (22) via cv2.applyColorMap on a real photo (skimage camera) and a DEM-like fBm field,
written by cv2.imwrite PNG and JPEG (cv2's default quality 95) and read by cv2.imread (BGR) -> cvtColor to RGB.
DEFAULT call decolorize(rgb, cmap="opencv:<name>", vmin=0, vmax=255); truth: the uint8 value v (entry v).
Baseline: k-d tree over cv2.applyColorMap(arange(256)) answering i. identify_colormap on the JPEGs.
Also jet/viridis passed as BGR (as cv2.imread returns it): holes / off / the warning."""
import os, tempfile, numpy as np, cv2, truepix as tp
from _p6 import c, call, header, wshort, fbm, cpu, kd_table, F

header(__doc__.splitlines()[0])
rf = c.real_fields(512)
fields = {"camera": rf["camera"], "fbm": fbm(512)}
codes = sorted(n for n in dir(cv2) if n.startswith("COLORMAP_"))
tmp = tempfile.mkdtemp(); rows = []; ids = []
print(f"{'map':18}{'field':8}{'fmt':5}{'holes%':>8}{'tp':>8}{'kd':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}{'inbin%':>8}{'cpu s':>7}  warnings")
for cn in codes:
    m = cn[len("COLORMAP_"):].lower(); code = getattr(cv2, cn)
    lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], code)[:, 0, ::-1]
    base_f = kd_table(lut)
    for fn, f in fields.items():
        u = np.clip(np.round(f * 255), 0, 255).astype(np.uint8)
        bgr = cv2.applyColorMap(u, code)
        for fmt in ("png", "jpg"):
            p = os.path.join(tmp, "a." + fmt); cv2.imwrite(p, bgr); back = cv2.imread(p)
            rgb = cv2.cvtColor(back, cv2.COLOR_BGR2RGB)
            truth = u.astype(float)
            base = (base_f(rgb) * 256 - 0.5)
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(rgb, cmap=f"opencv:{m}", vmin=0, vmax=255)); dt = cpu() - t0
            if v is None: print(f"{m:18}{fn:8}{fmt:5}ERROR {err}", flush=True); continue
            mt, pt, ht = F.score(v / 255, truth / 255); mb, pb, _ = F.score(base / 255, truth / 255)
            inbin = np.mean(np.abs(v - truth) <= 0.5)
            print(f"{m:18}{fn:8}{fmt:5}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{min(mt/max(mb,1e-12), 99):7.2f}{100*pt:7.2f}{100*pb:7.2f}{100*inbin:8.2f}{dt:7.2f}  {wshort(ws)}", flush=True)
            rows.append((m, fn, fmt, ht, mt, mb, pt, pb))
            if fmt == "jpg":
                r, err, ws = call(lambda: tp.identify_colormap(rgb, top=3))
                if r is None: ids.append((m, fn, "ERROR " + err)); continue
                ok = r[0].name == f"opencv:{m}" or f"opencv:{m}" in r[0].aliases
                ids.append((m, fn, ok, [(x.name, x.reversed, x.direction_known, round(x.score, 3)) for x in r], wshort(ws)))
            if m in ("jet", "viridis") and fn == "camera":
                vb, err, wsb = call(lambda: tp.decolorize(back, cmap=f"opencv:{m}", vmin=0, vmax=255))
                if vb is None: print(f"    BGR as is: ERROR {err}")
                else: print(f"    BGR as is: holes {100*np.isnan(vb).mean():.2f}%  |err|>12: {100*np.nanmean(np.abs(vb - truth) > 12):.1f}%  warn: {wshort(wsb, 200)}", flush=True)
print("\nSUMMARY")
for fmt in ("png", "jpg"):
    for fn in fields:
        rr = [r for r in rows if r[2] == fmt and r[1] == fn]
        print(f"  {fmt} {fn}: n={len(rr)} holes max {100*max(r[3] for r in rr):.3f}% (maps >0.2%: {[r[0] for r in rr if r[3] > 0.002]}) ratio {sum(r[4] for r in rr)/max(sum(r[5] for r in rr), 1e-12):.3f} MAE tp {100*np.mean([r[4] for r in rr]):.4f}% kd {100*np.mean([r[5] for r in rr]):.4f}% "
              f"maps ratio>1: {[(r[0], round(r[4]/max(r[5], 1e-12), 2)) for r in rr if r[4] > r[5] + 1e-9]} p99 worse: {[r[0] for r in rr if r[6] > r[7] * 1.001]}")
print("\nidentify_colormap on the JPEGs (right = opencv:<map> first, by name or alias):")
for x in ids: print("  ", x)
print(f"right first: {sum(1 for x in ids if x[2] is True)} of {len(ids)}")
