"""Part 2: a matplotlib figure (640x480 PNG: imshow of a 512^2 field, colorbar, vmin=0 vmax=100) shown in headless
Chromium at its natural size at browser zoom 80 % and 125 % (--force-device-scale-factor 0.8 / 1.25; 1.0 as control),
PNG screenshot decoded whole. DEFAULT calls: cmap name + limits; cmap=find_colorbar(shot) + limits; read_figure(shot).
Truth: the same page with the figure drawn again in 'gray'. Scored on the plot area's interior (scaled, 3 px in)."""
import io, os, subprocess, tempfile, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p4 import c, kd, call, wshort, header, score, rf_line, cpu, fig_summary

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp()
def shot(png, dsf):
    html = os.path.join(tmp, "p.html"); out = os.path.join(tmp, "s.png")
    open(html, "w").write(f'<html><body style="margin:0;background:#fff"><img src="{png}" style="display:block"></body></html>')
    if os.path.exists(out): os.remove(out)
    p = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--force-device-scale-factor={dsf}",
                        "--window-size=700,520", f"--screenshot={out}", "file://" + html], capture_output=True, text=True, timeout=120)
    if not os.path.exists(out): raise RuntimeError(p.stderr[-400:])
    return np.asarray(Image.open(out).convert("RGB"))
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {"camera": rf["camera"], "dem": c.crop(rf["dem_jacksboro"], 512), "bumps": sf["bumps"]}
rows = []
for fn, f in fields.items():
    for m in ("viridis", "jet", "coolwarm"):
        fg, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100); art = ax.imshow(100 * f, cmap=m, vmin=0, vmax=100); fg.colorbar(art)
        png = os.path.join(tmp, f"{fn}_{m}.png"); fg.savefig(png); raw = open(png, "rb").read()
        art.set_cmap("gray"); gpng = os.path.join(tmp, f"{fn}_{m}_g.png"); fg.savefig(gpng)
        fg.canvas.draw(); bb = ax.get_window_extent(); plt.close(fg)
        for dsf in ((0.8, 1.0, 1.25) if m == "viridis" else (0.8, 1.25)):
            pic = shot(png, dsf); g = shot(gpng, dsf)
            sl = (slice(int(np.ceil((480 - bb.y1) * dsf)) + 3, int((480 - bb.y0) * dsf) - 3), slice(int(np.ceil(bb.x0 * dsf)) + 3, int(bb.x1 * dsf) - 3))
            truth = (g[sl][..., 0] + 0.5) / 256
            base = kd(m)(pic[sl]); mb, pb, _ = score(base, truth)
            tag = f"{fn} {m} dsf{dsf} {pic.shape[1]}x{pic.shape[0]}"
            t0 = cpu(); r, err, ws = call(lambda: tp.Decolorizer(m, vmin=0, vmax=100).decode(pic)); dt = cpu() - t0
            if r is None: print(tag, "ERROR", err); continue
            mt, pt, ht = score(r.values[sl] / 100, truth)
            print(f"{tag:34}name {100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  {bool(r.jpeg)}/{float(r.noise):.2f}/{float(r.threshold):.1f} cpu {dt:.2f}s | {wshort(ws)}", flush=True)
            rows.append((tag, "name", ht, mt, mb, pt, pb))
            bar, err, ws = call(lambda: tp.find_colorbar(pic))
            if bar is None: print(f"{tag:34}bar  find_colorbar None {err}")
            else:
                v2, err, ws2 = call(lambda: tp.decolorize(pic, cmap=bar, vmin=0, vmax=100))
                if v2 is None: print(f"{tag:34}bar  ERROR {err}")
                else:
                    mt, pt, ht = score(v2[sl] / 100, truth); ent = bar.colormap_entry()
                    print(f"{tag:34}bar  {100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  bar={getattr(ent,'name','custom')} | {wshort(ws + ws2)}", flush=True)
                    rows.append((tag, "bar", ht, mt, mb, pt, pb))
            if fn != "bumps" or dsf != 1.0:
                t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
                print(f"    read_figure ({dt:.1f} s): {rf_line(rd) if rd is not None else err} | {wshort(ws, 80)}", flush=True)
print("\nSUMMARY by route / scale")
fig_summary(rows, lambda r: (r[1], r[0].split()[2]))
fig_summary(rows, lambda r: (r[1], r[0].split()[1]))
