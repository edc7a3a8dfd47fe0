"""Part 2: cartopy/geo-like figures: imshow(origin="lower", extent=(-180, 180, -90, 90), aspect="auto") of a field in
units 1e3..5e4, colorbar(orientation="horizontal", shrink=0.6, ticks=[2e3, 1e4, 2e4, 3e4, 4e4], format="%.0e");
savefig PNG and JPEG q75 at dpi 72 / default (100) / 200. DEFAULT calls: decolorize(fig, cmap=name, vmin, vmax);
cmap=find_colorbar(fig) + the limits; read_figure (map, limits, norm, its own pixel_values). Truth: the figure drawn
again with 'gray' at the same dpi. Baseline: k-d tree over the map's table."""
import sys, numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p4 import c, F, kd, call, wshort, score, header, fig_pictures, rf_line, cpu, FIG_HEAD, fig_summary

header(__doc__.splitlines()[0])
LO, HI = 1e3, 5e4
rf = c.real_fields(512)
fields = {"dem": rf["dem_jacksboro"][::2, ::2] if rf["dem_jacksboro"].shape[0] > 600 else rf["dem_jacksboro"],
          "smooth": F.smooth(180, 360, seed=2)}
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "RdBu_r"]
print(FIG_HEAD); rows = []; rf_rows = []
for fn, f in fields.items():
    for m in maps:
        fg, ax = plt.subplots(figsize=(8, 4.5))
        art = ax.imshow(LO + (HI - LO) * f, origin="lower", extent=(-180, 180, -90, 90), aspect="auto", cmap=m, vmin=LO, vmax=HI)
        ax.set_xlabel("longitude"); ax.set_ylabel("latitude")
        fg.colorbar(art, ax=ax, orientation="horizontal", shrink=0.6, ticks=[2e3, 1e4, 2e4, 3e4, 4e4], format="%.0e", label="flux")
        for fmt in ("png", "jpg"):
            for dpi in (72, None, 200):
                pic, sl, truth, raw = fig_pictures(fg, ax, art, fmt, dpi)
                tag = f"{fn} {m} {fmt} dpi{dpi or 100} {pic.shape[1]}x{pic.shape[0]}"
                base = kd(m)(pic[sl]); mb, pb, _ = score(base, truth)
                t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=LO, vmax=HI)); dt = cpu() - t0
                if v is None: print(f"{tag:34}name  ERROR {err}"); continue
                mt, pt, ht = score((v[sl] - LO) / (HI - LO), truth)
                paper = float(np.isnan(v).mean())
                print(f"{tag:34}name {100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  cpu {dt:.2f}s NaN whole {100*paper:.1f}% | {wshort(ws)}", flush=True)
                rows.append((tag, "name", ht, mt, mb, pt, pb))
                bar, err, ws = call(lambda: tp.find_colorbar(pic))
                if bar is None: print(f"{tag:34}bar   find_colorbar -> None {err} | {wshort(ws)}", flush=True)
                else:
                    ent = bar.colormap_entry(); v2, err, ws2 = call(lambda: tp.decolorize(pic, cmap=bar, vmin=LO, vmax=HI))
                    if v2 is None: print(f"{tag:34}bar   ERROR {err}")
                    else:
                        mt, pt, ht = score((v2[sl] - LO) / (HI - LO), truth)
                        print(f"{tag:34}bar  {100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  bar={getattr(ent,'name','custom')} {bar.orientation} bbox={bar.bbox} | {wshort(ws + ws2)}", flush=True)
                        rows.append((tag, "bar", ht, mt, mb, pt, pb))
                if dpi is None or m == maps[0]:
                    t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
                    if rd is None: print(f"    read_figure ERROR {err}"); continue
                    print(f"    read_figure ({dt:.1f} s): {rf_line(rd)} | {wshort(ws)}", flush=True)
                    if rd.panels:
                        p = rd.panels[0]; a = p.data.attrs
                        t, b_, l, r = p.interior
                        pv = p.pixel_values
                        # compare on the overlap of read_figure's interior and ours
                        H, W = pic.shape[:2]; est = np.full((H, W), np.nan); est[t:b_, l:r] = pv
                        mt, pt, ht = score((est[sl] - LO) / (HI - LO), truth)
                        limerr = max(abs((a.get('vmin') or np.nan) - LO), abs((a.get('vmax') or np.nan) - HI)) / (HI - LO)
                        print(f"    read_figure pixel_values: holes {100*ht:.3f}% MAE {100*mt:.3f}% ratio {mt/mb:.2f}  limit error {100*limerr:.2f}% of range", flush=True)
                        rf_rows.append((tag, a.get("cmap"), a.get("vmin"), a.get("vmax"), ht, mt / mb, limerr))
        plt.close(fg)
print("\nSUMMARY by route/format/dpi")
fig_summary(rows, lambda r: (r[1], r[0].split()[2], r[0].split()[3]))
print("\nread_figure: n", len(rf_rows), "cmap right", sum(str(r[1]).split(" ")[0] in maps for r in rf_rows),
      "limits within 1%", sum(r[6] <= 0.01 for r in rf_rows), "holes>0.2%", sum(r[4] > 0.002 for r in rf_rows))
for r in rf_rows: print("  ", r)
