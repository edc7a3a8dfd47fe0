"""Follow-up of t95 (b): a bare cmap picture has <= 256 colors, so quantize(256) / GIF / ADAPTIVE are lossless there. Here the
palettes meet pictures with many colors: the imshow figure of t95 resized by Pillow BICUBIC x1.25, then quantize(256)
(median cut + Floyd-Steinberg, Pillow's default), saved as GIF (Pillow's conversion), and convert("P", ADAPTIVE, 256);
also quantize(64) of the bare picture. DEFAULT decolorize; truth: the gray redraw resized the same way."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p6 import c, kd, call, wshort, header, cpu, line, LHEAD, fbm, gray_full, truth_of_gray

header(__doc__.splitlines()[0])
rf = c.real_fields(512); fields = {"camera": rf["camera"], "fbm": fbm(512)}
print(LHEAD); rows = []
for m in ("viridis", "jet", "RdBu_r"):
    for fn, f in fields.items():
        fg, ax = plt.subplots(); art = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(art, ax=ax)
        b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); im = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
        gim = Image.fromarray(gray_full(fg, [art])); fg.canvas.draw(); bb = ax.get_window_extent(); H = im.size[1]; s = 1.25
        size = (round(im.size[0] * s), round(im.size[1] * s)); big = im.resize(size, Image.BICUBIC); gp = np.asarray(gim.resize(size, Image.BICUBIC))
        sl = (slice(int(np.ceil((H - bb.y1) * s)) + 4, int(np.floor((H - bb.y0) * s)) - 4), slice(int(np.ceil(bb.x0 * s)) + 4, int(np.floor(bb.x1 * s)) - 4))
        tr = truth_of_gray(gp[sl]); g = io.BytesIO(); big.save(g, "GIF")
        for kind, p in (("x1.25 quantize256", big.quantize(256)), ("x1.25 gif", Image.open(io.BytesIO(g.getvalue()))), ("x1.25 P adaptive", big.convert("P", palette=Image.ADAPTIVE, colors=256))):
            arr = np.asarray(p.convert("RGB"))
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(p, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
            if v is None: print(f"{m} {fn} {kind}: ERROR {err}"); continue
            rows.append((kind,) + line(f"{m} {fn} {kind} ({len(p.getcolors(1 << 16) or [])} colors)", v[sl], tr, kd(m)(arr[sl]), f"cpu {dt:.2f}s", ws)[1:])
        q = Image.fromarray(c.render(f, m)).quantize(64)
        v, err, ws = call(lambda: tp.decolorize(q, cmap=m, vmin=0, vmax=1))
        if v is not None: rows.append(("bare quantize64",) + line(f"{m} {fn} bare quantize64", v, f, kd(m)(np.asarray(q.convert("RGB"))), "", ws)[1:])
        plt.close(fg)
print("\nSUMMARY by kind:")
for k in dict.fromkeys(r[0] for r in rows):
    rr = [r for r in rows if r[0] == k]
    print(f"  {k:20} n={len(rr)} holes max {100*max(r[1] for r in rr):.3f}% ratio {sum(r[2] for r in rr)/sum(r[3] for r in rr):.3f} worst {max(r[2]/r[3] for r in rr):.2f} p99 worse {sum(r[4] > r[5]*1.001 for r in rr)}")
