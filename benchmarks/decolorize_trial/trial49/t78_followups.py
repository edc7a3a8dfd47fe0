"""Follow-ups on Part 2's findings, one small repro each:
(a) plt.matshow(12x20 integers 0..9, cmap="Blues") + colorbar, savefig PNG (exact): which cells decolorize(step=1)
    answers NaN (their value, where), and read_figure on its JPEG q75 (21 % of cells NaN there);
(b) the length of the error for bytes (a JPEG file's bytes) given to decolorize;
(c) decolorize(dask int64 array).compute(): the error the numpy call gives up front, or something else?"""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p4 import call, header, wshort

header(__doc__.splitlines()[0])
rng = np.random.default_rng(7); M = rng.integers(0, 10, (12, 20))
art = plt.matshow(M, cmap="Blues"); fg = plt.gcf(); ax = plt.gca(); plt.colorbar(ticks=range(10))
fg.canvas.draw(); H = fg.canvas.get_width_height()[1]; bb = ax.get_window_extent()
ys = (H - (bb.y1 - (np.arange(12) + 0.5) / 12 * (bb.y1 - bb.y0))).astype(int); xs = (bb.x0 + (np.arange(20) + 0.5) / 20 * (bb.x1 - bb.x0)).astype(int)
for fmt in ("png", "jpg"):
    b = io.BytesIO(); fg.savefig(b, format=fmt); raw = b.getvalue(); pic = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"))
    v, err, ws = call(lambda: tp.decolorize(pic, cmap="Blues", vmin=0, vmax=9, step=1))
    vc = v[np.ix_(ys, xs)]; bad = np.argwhere(vc != M)
    print(f"(a) {fmt}: cells wrong {len(bad)} of 240; zeros in M {int((M == 0).sum())}, NaN cells {int(np.isnan(vc).sum())} | {wshort(ws)}")
    for (i, j) in bad[:8]:
        y, x = ys[i], xs[j]; blk = v[y - 10:y + 10, x - 10:x + 10]
        print(f"    cell ({i},{j}) value {M[i, j]} -> {vc[i, j]}; rgb {pic[y, x].tolist()}; NaN share of its 20x20 block {100*np.isnan(blk).mean():.0f}%; on the frame's edge: {i in (0, 11) or j in (0, 19)}")
    rd = tp.read_figure(raw); p = rd.panels[0]; d = np.asarray(p.data)
    if d.shape == M.shape:
        nn = np.isnan(d); print(f"    read_figure: NaN cells {int(nn.sum())}, their values {np.bincount(M[nn], minlength=10).tolist()} (counts of 0..9); all zeros {int((M == 0).sum())}, vmin {p.data.attrs['vmin']}")
jb = io.BytesIO(); Image.fromarray(np.zeros((64, 64, 3), np.uint8)).save(jb, format="JPEG")
_, err, _ = call(lambda: tp.decolorize(jb.getvalue(), cmap="viridis", vmin=0, vmax=1))
print(f"(b) bytes -> error of {len(err)} characters: {err[:160]!r} ... {err[-80:]!r}")
import dask.array as da
ex = np.zeros((64, 64, 3), np.int64)
out, err, ws = call(lambda: tp.decolorize(ex, cmap="viridis", vmin=0, vmax=1)); print(f"(c) numpy int64: {err[:200]}")
lazy, err, ws = call(lambda: tp.decolorize(da.from_array(ex), cmap="viridis", vmin=0, vmax=1)); print(f"    dask int64 call: {type(lazy).__name__} {err[:200]}")
if lazy is not None:
    out, err, ws = call(lambda: lazy.compute()); print(f"    .compute(): {type(out).__name__} {err[:300]!r} | {wshort(ws)}")

# (d) t70's slow case: the geo figure (dem, RdBu_r) saved as PNG at dpi=200 (1600x900): CPU of the default call, twice,
#     beside the same figure at dpi 100 and its JPEG q75 at dpi 200
import time
from _p4 import c, fig_pictures
dem = c.real_fields(512)["dem_jacksboro"]
fg, ax = plt.subplots(figsize=(8, 4.5))
art = ax.imshow(1e3 + 4.9e4 * dem, origin="lower", extent=(-180, 180, -90, 90), aspect="auto", cmap="RdBu_r", vmin=1e3, vmax=5e4)
fg.colorbar(art, ax=ax, orientation="horizontal", shrink=0.6, ticks=[2e3, 1e4, 2e4, 3e4, 4e4], format="%.0e")
for fmt, dpi in (("png", 200), ("png", 100), ("jpg", 200)):
    pic = fig_pictures(fg, ax, art, fmt, dpi)[0]
    for k in range(2):
        t0 = time.process_time(); r = tp.Decolorizer("RdBu_r", vmin=1e3, vmax=5e4).decode(pic); dt = time.process_time() - t0
        print(f"(d) RdBu_r geo {fmt} dpi{dpi} {pic.shape[1]}x{pic.shape[0]} run {k}: {dt:.2f} s CPU ({pic.shape[0]*pic.shape[1]/1e6/dt:.2f} MP/CPU-s) jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} NaN {100*np.isnan(r.values).mean():.1f}%", flush=True)

# (e) t73's "imageio read 16-bit" row: what imageio.v3.imread returns for cv2's 16-bit RGB PNG
import cv2, imageio.v3 as iio, os, tempfile, matplotlib as mpl
u16 = (mpl.colormaps["viridis"](np.linspace(0, 1, 64 * 64).reshape(64, 64))[..., :3] * 65535).astype(np.uint16)
p = os.path.join(tempfile.mkdtemp(), "b.png"); cv2.imwrite(p, u16[..., ::-1]); a = iio.imread(p)
print(f"(e) imageio.v3.imread of a 16-bit RGB PNG: dtype {a.dtype} shape {a.shape} max {a.max()}; equal to cv2's (flipped) {np.array_equal(a, cv2.imread(p, cv2.IMREAD_UNCHANGED)[..., ::-1])}")

# (f) t75's numpy-call holes: a 2x2 mosaic of four smooth 1024^2 fields (2048^2), viridis, JPEG q75, default call on the whole
#     picture vs each tile cut out of the same JPEG
from _p4 import kd, score
tiles = [c.smooth_fields(1024, seed=s + 1)["bumps"] for s in range(4)]
truth = np.block([[tiles[0], tiles[1]], [tiles[2], tiles[3]]])
pic = c.jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3], 75)
t0 = time.process_time(); v = tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1); dt = time.process_time() - t0
m, _, h = score(v, truth); mb, _, _ = score(kd("viridis")(pic), truth)
print(f"(f) 2x2 smooth mosaic 2048^2 JPEG q75 whole: NaN {100*h:.3f}% MAE {100*m:.3f}% kd {100*mb:.3f}% ratio {m/mb:.2f}  CPU {dt:.1f} s", flush=True)
for i in range(4):
    ys, xs = slice(1024 * (i // 2), 1024 * (i // 2 + 1)), slice(1024 * (i % 2), 1024 * (i % 2 + 1))
    vt = tp.decolorize(pic[ys, xs], cmap="viridis", vmin=0, vmax=1); m, _, h = score(vt, truth[ys, xs]); hw = float(np.isnan(v[ys, xs]).mean())
    print(f"    tile {i}: alone NaN {100*h:.3f}% ratio {m/score(kd('viridis')(pic[ys, xs]), truth[ys, xs])[0]:.2f} | in the whole picture NaN {100*hw:.3f}%", flush=True)
one = c.jpeg(mpl.colormaps["viridis"](tiles[0], bytes=True)[..., :3], 75); v1 = tp.decolorize(one, cmap="viridis", vmin=0, vmax=1)
print(f"    tile 0 JPEG'd on its own: NaN {100*np.isnan(v1).mean():.3f}%")
