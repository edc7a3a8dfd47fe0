"""Part 2: browser-like resampling and palettes.
(a) an imshow(field) + colorbar figure (camera and fBm, viridis / jet / RdBu_r) saved as PNG (dpi 100), then resized by
Pillow BICUBIC and LANCZOS by 1.25x and 0.8x, and saved as WebP lossy (Pillow, quality 80). DEFAULT decolorize(pic,
cmap=name, vmin=0, vmax=1); truth: the gray redraw resized the same way (WebP: the gray redraw as is).
(b) a colormapped picture cmap(field, bytes=True) (camera, fBm; viridis / jet / magma / twilight) through Pillow
quantize(256), a GIF file (Image.save -> Image.open), and .convert("P", palette=ADAPTIVE): each passed as the open PIL
palette image and as np.asarray(.convert("RGB")). Truth: the field."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p6 import c, kd, call, wshort, header, cpu, line, LHEAD, fbm, gray_full, truth_of_gray

header(__doc__.splitlines()[0])
rf = c.real_fields(512); fields = {"camera": rf["camera"], "fbm": fbm(512)}
print(LHEAD); rows = []
def dec(tag, pic, m, tr, sl, kind):
    t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
    if v is None: print(f"{tag:46}ERROR {err}", flush=True); return
    arr = np.asarray(pic.convert("RGB")) if isinstance(pic, Image.Image) else pic
    rows.append((kind,) + line(tag, v[sl], tr, kd(m)(arr[sl]), f"cpu {dt:.2f}s", ws)[1:])
for m in ("viridis", "jet", "RdBu_r"):
    for fn, f in fields.items():
        fg, ax = plt.subplots(); art = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(art, ax=ax)
        b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); im = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
        gim = Image.fromarray(gray_full(fg, [art]))
        fg.canvas.draw(); bb = ax.get_window_extent(); H = im.size[1]
        for kname, kern in (("bicubic", Image.BICUBIC), ("lanczos", Image.LANCZOS)):
            for s in (1.25, 0.8):
                size = (round(im.size[0] * s), round(im.size[1] * s))
                pic = np.asarray(im.resize(size, kern)); gp = np.asarray(gim.resize(size, kern))
                sl = (slice(int(np.ceil((H - bb.y1) * s)) + 4, int(np.floor((H - bb.y0) * s)) - 4), slice(int(np.ceil(bb.x0 * s)) + 4, int(np.floor(bb.x1 * s)) - 4))
                dec(f"{m} {fn} {kname} x{s}", pic, m, truth_of_gray(gp[sl]), sl, f"{kname} x{s}")
        w = io.BytesIO(); im.save(w, "WEBP", quality=80); pic = np.asarray(Image.open(io.BytesIO(w.getvalue())).convert("RGB"))
        sl = (slice(int(np.ceil(H - bb.y1)) + 3, int(np.floor(H - bb.y0)) - 3), slice(int(np.ceil(bb.x0)) + 3, int(np.floor(bb.x1)) - 3))
        dec(f"{m} {fn} webp q80", pic, m, truth_of_gray(np.asarray(gim)[sl]), sl, "webp q80")
        plt.close(fg)
full = (slice(None), slice(None))
for m in ("viridis", "jet", "magma", "twilight"):
    for fn, f in fields.items():
        rgb = c.render(f, m); src = Image.fromarray(rgb)
        g = io.BytesIO(); src.save(g, "GIF"); gif = Image.open(io.BytesIO(g.getvalue()))
        for kind, p in (("quantize256", src.quantize(256)), ("gif", gif), ("convert P adaptive", src.convert("P", palette=Image.ADAPTIVE))):
            dec(f"{m} {fn} {kind} PIL", p, m, f, full, kind + " PIL")
            dec(f"{m} {fn} {kind} RGB", np.asarray(p.convert("RGB")), m, f, full, kind + " RGB")
print("\nSUMMARY by kind:")
for k in dict.fromkeys(r[0] for r in rows):
    rr = [r for r in rows if r[0] == k]
    print(f"  {k:26} n={len(rr)} holes max {100*max(r[1] for r in rr):.3f}% (>0.2%: {sum(r[1] > .002 for r in rr)}) ratio {sum(r[2] for r in rr)/sum(r[3] for r in rr):.3f} worst {max(r[2]/r[3] for r in rr):.2f} p99 worse {sum(r[4] > r[5]*1.001 for r in rr)}")
