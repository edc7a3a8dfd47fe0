"""Part 2: the 34 real published figures in /work/shared/real_figures read the way truepix's README shows a figure is
read: tp.read_figure(path) (nothing given), and its JPEG q75 4:2:0 form (as the real_figures README says degraded
versions are made). No answers exist: per panel, what was found (cmap, norm, limits, grid, confidence, doubts), the
NaN share of the values, CPU; and PNG vs JPEG agreement (same map and limits? values' median |diff| / range where the
same panel is found). Also the README's other route: tp.find_colorbar(figure) -> decolorize(figure, cmap=bar)."""
import glob, io, os, time, numpy as np, truepix as tp
from PIL import Image
from _p3 import c, call, header, wshort

header(__doc__.splitlines()[0])
files = sorted(glob.glob("/work/shared/real_figures/*.png"))
tot = {"png": [], "jpg": []}
for p in files:
    rgb = np.asarray(Image.open(p).convert("RGB")); name = os.path.basename(p)[:-4]
    out = {}
    for fmt in ("png", "jpg"):
        src = p if fmt == "png" else c.jpeg(rgb, 75)
        c0 = time.process_time(); rd, err, ws = call(lambda: tp.read_figure(src)); dt = time.process_time() - c0
        tot[fmt].append(dt)
        if rd is None: print(f"{name:34}{fmt} ERROR {err[:200]}", flush=True); out[fmt] = None; continue
        out[fmt] = rd
        print(f"{name:34}{fmt} {len(rd.panels)} panel(s) {dt:5.1f} s CPU  {wshort(ws, 90)}", flush=True)
        for q in rd.panels:
            a = q.data.attrs; pv = q.pixel_values
            print(f"    bbox {tuple(int(x) for x in q.bbox)} bar {'-' if q.colorbar is None else q.colorbar.orientation} cmap {q.cmap} {q.norm} "
                  f"{q.vmin}..{q.vmax} grid {q.grid} conf {q.confidence:.2f} NaN {100*np.isnan(pv).mean() if pv.size else float('nan'):.1f}% "
                  f"doubts: {str(a.get('doubts'))[:150]}", flush=True)
    a, b = out.get("png"), out.get("jpg")
    if a is not None and b is not None:
        for qa in a.panels:
            for qb in b.panels:
                if max(abs(x - y) for x, y in zip(qa.bbox, qb.bbox)) <= 3:
                    same = (qa.cmap == qb.cmap, qa.vmin == qb.vmin and qa.vmax == qb.vmax)
                    msg = ""
                    if qa.pixel_values.shape == qb.pixel_values.shape and qa.vmin is not None and qa.vmax is not None and qa.vmax != qa.vmin:
                        d = np.abs(qa.pixel_values - qb.pixel_values) / abs(qa.vmax - qa.vmin)
                        msg = f"median|d| {100*np.nanmedian(d):.2f}% p95 {100*np.nanpercentile(d, 95):.2f}% NaN png {100*np.isnan(qa.pixel_values).mean():.1f}% jpg {100*np.isnan(qb.pixel_values).mean():.1f}%" if np.isfinite(d).any() else "no common values"
                    print(f"    PNG vs JPEG: same cmap {same[0]} same limits {same[1]} ({qb.cmap} {qb.vmin}..{qb.vmax}) {msg}", flush=True)
                    break
            else:
                print(f"    PNG vs JPEG: panel {tuple(int(x) for x in qa.bbox)} not found on JPEG", flush=True)
    bar, err, ws = call(lambda: tp.find_colorbar(rgb))
    if bar is None: print(f"    find_colorbar: None {err} {wshort(ws, 90)}"); continue
    v, err, ws = call(lambda: tp.decolorize(rgb, cmap=bar))
    print(f"    find_colorbar: {bar.orientation} {getattr(bar.colormap_entry(), 'name', 'custom')} lim {bar.vmin},{bar.vmax}; decolorize(cmap=bar): "
          f"{'ERROR ' + err[:150] if v is None else f'NaN {100*np.isnan(v).mean():.1f}% of the figure'} {wshort(ws, 90)}", flush=True)
print(f"\nCPU per figure: PNG median {np.median(tot['png']):.2f} s max {max(tot['png']):.1f}; JPEG median {np.median(tot['jpg']):.2f} s max {max(tot['jpg']):.1f}")
