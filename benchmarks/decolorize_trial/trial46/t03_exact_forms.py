"""Deliver 4: exact pictures in every form, default call. (a) every matplotlib continuous map through
plt.imsave -> plt.imread (float32 RGBA), PIL uint8, uint16 x257, float64 cmap(x), float32 cmap(x);
(b) integer counts 0..255 drawn by imshow/pcolormesh/pcolor + savefig (dpi 100 and 72/150), seaborn
heatmap, plotnine geom_tile, decoded with step=1 at cell centres: share exact."""
import io, sys, numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from PIL import Image
import _common as c

rng = np.random.default_rng(3)
x = rng.random((96, 96))
names = [n for n in mpl.colormaps if not n.endswith("_r") and mpl.colormaps[n].N >= 256]
qual = {"Pastel1", "Pastel2", "Paired", "Accent", "Dark2", "Set1", "Set2", "Set3", "tab10", "tab20", "tab20b", "tab20c", "flag", "prism"}
names = [n for n in names if n not in qual]
print(f"(a) {len(names)} maps; share of pixels within their own bin (|v-x| <= 1/256 + ambiguous allowance) and MAE%")
print(f"{'map':20}{'imread_f32':>11}{'pil_u8':>8}{'u16':>8}{'f64':>8}{'f32':>8}{'mae_f32%':>9}")
bad = []
for n in names:
    b = io.BytesIO(); plt.imsave(b, x, cmap=n, vmin=0, vmax=1, format="png"); b.seek(0)
    f32 = plt.imread(io.BytesIO(b.getvalue()))
    u8 = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
    cm = mpl.colormaps[n]
    forms = {"imread_f32": f32, "pil_u8": u8, "u16": u8.astype(np.uint16) * 257, "f64": cm(x), "f32": cm(x).astype(np.float32)}
    shares = {}
    for k, im in forms.items():
        r = tp.Decolorizer(n, vmin=0, vmax=1).decode(im) if False else None
        v = tp.decolorize(im, cmap=n, vmin=0, vmax=1)
        # own bin: matplotlib bin k = floor(x*256); allowed: within 1/256 of x OR pixel's color shared (ambiguous) -> skip
        lut = (cm(np.linspace(0, 1, 256)) * 255).astype(np.uint8)[:, :3]
        uniq, inv, cnt = np.unique(lut, axis=0, return_inverse=True, return_counts=True)
        k_ = np.minimum((x * 256).astype(int), 255)
        amb = cnt[inv.ravel()][k_] > 1
        ok = (np.abs(v - x) <= 1 / 256 + 1e-9) | amb
        shares[k] = ok.mean()
        if k == "imread_f32":
            mae = np.nanmean(np.abs(v - x)) if not np.all(np.isnan(v)) else np.nan
            nanshare = np.isnan(v).mean()
    line = f"{n:20}" + "".join(f"{shares[k]*100:>8.1f}" if k != "imread_f32" else f"{shares[k]*100:>11.1f}" for k in forms) + f"{mae*100:9.3f}"
    if min(shares.values()) < 0.999 or nanshare > 0:
        bad.append(line + f" nan {nanshare*100:.2f}%")
    print(line, flush=True)
print("maps with any form < 99.9% in own bin:", len(bad)); [print("  BAD", l) for l in bad]

print("\n(b) integer counts 0..255 (16x16 cells), vmin=0 vmax=255, step=1; share of cell centres exact (NaN counted wrong)")
counts = rng.permutation(256).reshape(16, 16)

def grab(fg):
    fg.canvas.draw(); a = np.asarray(fg.canvas.buffer_rgba())[..., :3].copy(); return a

def centres(ax, fg, shape):
    H = fg.canvas.get_width_height()[1]
    pts = []
    for i in range(shape[0]):
        for j in range(shape[1]):
            X, Y = ax.transData.transform((j + 0.5, i + 0.5)) if True else None
            pts.append((int(H - Y), int(X)))
    return np.array(pts)

def run(kind, m, dpi):
    fg = plt.figure(figsize=(4, 4), dpi=dpi)
    ax = fg.add_axes([0.1, 0.1, 0.7, 0.8])
    if kind == "imshow":
        ax.imshow(counts, cmap=m, vmin=0, vmax=255, origin="lower", extent=(0, 16, 0, 16), interpolation="nearest", aspect="auto")
    elif kind == "pcolormesh":
        ax.pcolormesh(counts, cmap=m, vmin=0, vmax=255)
    elif kind == "pcolor":
        ax.pcolor(counts, cmap=m, vmin=0, vmax=255)
    elif kind == "seaborn":
        import seaborn as sns
        sns.heatmap(counts, cmap=m, vmin=0, vmax=255, ax=ax, cbar=True); ax.invert_yaxis()
    fg.canvas.draw()
    H = fg.canvas.get_width_height()[1]
    if kind == "seaborn":  # seaborn: row i at y=i+.5 (axis inverted twice -> row 0 at the bottom), col j at x=j+.5
        pass
    pts = []
    for i in range(16):
        for j in range(16):
            X, Y = ax.transData.transform((j + .5, i + .5))
            pts.append((int(H - Y), int(X)))
    b = io.BytesIO(); fg.savefig(b, format="png", dpi=dpi); plt.close(fg)
    im = plt.imread(io.BytesIO(b.getvalue()))
    assert im.shape[0] == H, (im.shape, H)
    out = {}
    for form, pic in (("imread_f32", im), ("u8", (im * 255).round().astype(np.uint8))):
        r = tp.Decolorizer(m, vmin=0, vmax=255, step=1).decode(pic)
        v = tp.decolorize(pic, cmap=m, vmin=0, vmax=255, step=1)
        got = np.array([v[p] for p in pts]); want = counts.ravel(); amb = np.array([r.ambiguous[p] for p in pts])
        out[form] = (np.mean(got == want), np.nanmax(np.abs(got - want)), np.isnan(got).mean(), int(np.sum((got != want) & ~amb)))
    return out

MAPS = ["viridis", "magma", "jet", "turbo", "plasma", "cividis", "coolwarm", "RdBu_r", "Spectral", "inferno", "twilight", "cubehelix"]
print(f"{'kind':11}{'map':10}{'dpi':>4}  exact%(f32) maxerr nan% wrong&not-ambiguous | exact%(u8) maxerr")
worst = []
for kind in ("imshow", "pcolormesh", "pcolor", "seaborn"):
    for m in MAPS:
        for dpi in ((100, 72, 150) if m in ("viridis", "jet") else (100,)):
            o = run(kind, m, dpi)
            a, b_ = o["imread_f32"], o["u8"]
            print(f"{kind:11}{m:10}{dpi:>4}  {a[0]*100:6.1f} {a[1]:6.1f} {a[2]*100:5.1f} {a[3]:4} | {b_[0]*100:6.1f} {b_[1]:6.1f}", flush=True)
            worst.append((a[0], kind, m, dpi))
print("worst:", sorted(worst)[:6])

print("\n(c) plotnine geom_tile (scale_fill_cmap) integer counts, whole figure, decoded at tile centres by colour match")
try:
    import pandas as pd
    from plotnine import ggplot, aes, geom_tile, scale_fill_cmap, theme_void, theme
    df = pd.DataFrame([(j, i, counts[i, j]) for i in range(16) for j in range(16)], columns=["x", "y", "z"])
    for m in ("viridis", "magma", "jet"):
        p = ggplot(df, aes("x", "y", fill="z")) + geom_tile() + scale_fill_cmap(m, limits=(0, 255)) + theme_void() + theme(legend_position="none", figure_size=(4, 4))
        fg = p.draw(); fg.set_dpi(100)
        b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); plt.close(fg)
        im = np.asarray(Image.open(b).convert("RGB"))
        v = tp.decolorize(im, cmap=m, vmin=0, vmax=255, step=1)
        # tile centres: find via uniform grid over the non-white bbox
        nonw = np.where((im < 250).any(-1)); y0, y1, x0, x1 = nonw[0].min(), nonw[0].max(), nonw[1].min(), nonw[1].max()
        ys = (y0 + (np.arange(16)[::-1] + .5) * (y1 - y0 + 1) / 16).astype(int); xs = (x0 + (np.arange(16) + .5) * (x1 - x0 + 1) / 16).astype(int)
        got = v[np.ix_(ys, xs)]
        print(f"  plotnine {m:8} exact {np.mean(got == counts)*100:.1f}%  max err {np.nanmax(np.abs(got-counts)):.1f}  nan {np.isnan(got).mean()*100:.1f}%")
except Exception as e:
    print("plotnine failed:", repr(e))
print("load", c.loadavg())
