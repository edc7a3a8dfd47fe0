"""Part 2: one figure, TWO heatmap panels side by side, each with its own colorbar (plt.subplots(1, 2, figsize=(10, 4)),
imshow + fig.colorbar(ax=each)): left viridis 0..100 (DEM), right RdBu_r -5..5 (smooth) / jet. PNG and JPEG q75.
The brief says decode each panel with tp.find_colorbars -- tried first. Then, as a user would: tp.find_colorbar on the
whole figure (which bar?), tp.read_figure (panels, their bars and limits read by OCR), and each panel decoded with the
bar read_figure gave it (cmap=panel.colorbar, the true limits) and with find_colorbar on each half of the figure.
Truth: gray redraw of both artists; scored per plot interior."""
import io, time, numpy as np, cv2, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p3 import c, F, call, header, kd, row, summary, HEAD, wshort

header(__doc__.splitlines()[0])
fa = "find_colorbars" in dir(tp); print("tp.find_colorbars exists:", fa)
dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (160, 120), interpolation=cv2.INTER_AREA).astype(np.float64)
rows = []
for right in ("RdBu_r", "jet"):
    fg, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4))
    i1 = a1.imshow(100 * dem, cmap="viridis", vmin=0, vmax=100); fg.colorbar(i1, ax=a1)
    i2 = a2.imshow(10 * F.smooth(120, 160) - 5, cmap=right, vmin=-5, vmax=5); fg.colorbar(i2, ax=a2)
    panels = [("left", a1, i1, "viridis", 0, 100), ("right", a2, i2, right, -5, 5)]
    truths = {}
    for nm, ax, art, m, lo, hi in panels:
        sl = F.interior(fg, ax); truths[nm] = (sl, F.gray_truth(fg, art, sl))
    b = io.BytesIO(); fg.savefig(b, format="png"); png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB")); plt.close(fg)
    W = png.shape[1]
    for fmt in ("png", "jpg75"):
        pic = png if fmt == "png" else c.jpeg(png, 75)
        print(f"\n== right={right} {fmt} ({pic.shape[1]}x{pic.shape[0]})", flush=True)
        bar, err, ws = call(lambda: tp.find_colorbar(pic))
        print(f"  find_colorbar(whole): {None if bar is None else (bar.bbox, getattr(bar.colormap_entry(), 'name', 'custom'), bar.vmin, bar.vmax)} {err} {wshort(ws)}")
        c0 = time.process_time(); rd, err, ws = call(lambda: tp.read_figure(pic)); t_rf = time.process_time() - c0
        if rd is None: print(f"  read_figure ERROR {err}")
        else:
            print(f"  read_figure: {len(rd.panels)} panels, {t_rf:.1f} s CPU {wshort(ws)}")
            for p in rd.panels:
                at = p.data.attrs
                print(f"    panel bbox {p.bbox} bar {None if p.colorbar is None else p.colorbar.bbox} cmap {at.get('cmap')} vmin {at.get('vmin')} vmax {at.get('vmax')} conf {at.get('confidence')} doubts {str(at.get('doubts'))[:120]}")
        print(HEAD)
        for k, (nm, ax, art, m, lo, hi) in enumerate(panels):
            sl, truth = truths[nm]; base = kd(m)(pic[sl])
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=lo, vmax=hi))
            res = tp.Decolorizer(m, vmin=lo, vmax=hi).decode(pic)
            r = row(f"  {nm:6}{m:8}by name (whole figure)", (v[sl] - lo) / (hi - lo), truth, base, res, ws); rows.append((fmt, "name") + r[1:])
            half = pic[:, :W // 2] if nm == "left" else pic[:, W // 2:]
            off = 0 if nm == "left" else W // 2
            hb, err, ws0 = call(lambda: tp.find_colorbar(half))
            if hb is None: print(f"  {nm} half: find_colorbar None {err}")
            else:
                v, err, ws = call(lambda: tp.decolorize(half, cmap=hb, vmin=lo, vmax=hi))
                if v is None: print(f"  {nm} half ERROR {err}")
                else:
                    sl2 = (sl[0], slice(sl[1].start - off, sl[1].stop - off))
                    r = row(f"  {nm:6}{m:8}half+find_colorbar={getattr(hb.colormap_entry(), 'name', 'custom')}", (v[sl2] - lo) / (hi - lo), truth, base, None, ws); rows.append((fmt, "half_bar") + r[1:])
            if rd is not None:  # read_figure's own values (OCR'd limits) on this panel's interior
                cy, cx = (sl[0].start + sl[0].stop) / 2, (sl[1].start + sl[1].stop) / 2
                for p in rd.panels:
                    t_, b_, l_, r_ = p.interior
                    if t_ <= cy < b_ and l_ <= cx < r_:
                        full = np.full(pic.shape[:2], np.nan); full[t_:b_, l_:r_] = p.pixel_values
                        pv = full[sl]
                        r = row(f"  {nm:6}{m:8}read_figure pixel_values ({p.cmap} {p.vmin}..{p.vmax})", (pv - lo) / (hi - lo), truth, base, None, ()); rows.append((fmt, "rf_values") + r[1:])
                        break
                else: print(f"  {nm}: no read_figure panel covers it")
            if rd is not None and k < len(rd.panels) and rd.panels[k].colorbar is not None:
                pb = rd.panels[k].colorbar
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=pb, vmin=lo, vmax=hi))
                if v is None: print(f"  {nm} read_figure bar ERROR {err}")
                else:
                    r = row(f"  {nm:6}{m:8}read_figure's bar={getattr(pb.colormap_entry(), 'name', 'custom')}", (v[sl] - lo) / (hi - lo), truth, base, None, ws); rows.append((fmt, "rf_bar") + r[1:])
summary(rows, lambda r: (r[0], r[1]), "by format, route")
