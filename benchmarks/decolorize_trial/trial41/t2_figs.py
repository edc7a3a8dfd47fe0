"""Trial 41 part 2: figures and matplotlib features trial 39 did not try (default call)."""
import io, sys
import numpy as np
import cv2
from PIL import Image
import matplotlib.pyplot as plt
import matplotlib.colors as mcolors
from common import fields, baseline, metrics, decode


def show(tag, v, w, err, dt, truth, lo, hi, pic, cm, mask=None, base=True):
    mt = metrics(v, truth, lo, hi, mask) if v is not None else None
    mb = metrics(baseline(pic, cm, lo, hi), truth, lo, hi, mask) if base else None
    s = f"{tag:44s} "
    if mt:
        s += f"nan {mt['nan']:6.2f}% mean {mt['mean_h']:6.3f} p99 {mt['p99_h']:7.3f}"
    if mb:
        s += f" | base {mb['mean']:6.3f} p99 {mb['p99']:7.3f} ratio {mt['mean_h']/mb['mean'] if mt else np.nan:5.2f}"
    s += f" {dt*1e3:5.0f}ms"
    if w: s += " WARN " + " | ".join(w)[:220]
    if err: s += " ERR " + err
    print(s, flush=True)


def axes_pixels(fig, ax, transparent=False, dpi=None):
    b = io.BytesIO(); fig.savefig(b, format="png", dpi=dpi, transparent=transparent)
    rgba = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGBA"))
    fig.canvas.draw()
    s = (dpi or fig.dpi) / fig.dpi
    x0, y0, x1, y1 = (np.array(ax.get_window_extent().extents) * s)
    H = rgba.shape[0]
    r0, r1, c0, c1 = int(np.ceil(H - y1)) + 2, int(np.floor(H - y0)) - 2, int(np.ceil(x0)) + 2, int(np.floor(x1)) - 2
    return rgba, (r0, r1, c0, c1)


fl = fields(1024)
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "RdBu_r"]
for fname in ["terrain", "camera"]:
    d = fl[fname]; lo, hi = float(d.min()), float(d.max())
    for cm in maps:
        # (a) imshow of 1024^2 data into a ~300 px axes: antialiased downsampling (default interpolation)
        for interp in ["antialiased", "nearest"]:
            fig = plt.figure(figsize=(4, 4), dpi=100); ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
            ax.imshow(d, cmap=cm, vmin=lo, vmax=hi, interpolation=interp, aspect="auto"); ax.set_axis_off()
            rgba, (r0, r1, c0, c1) = axes_pixels(fig, ax); plt.close(fig)
            pic = rgba[r0:r1, c0:c1, :3]
            H0, W0 = int(0.8 * 400), int(0.8 * 400)
            tr = cv2.resize(d, (W0, H0), interpolation=cv2.INTER_AREA)[r0 - (400 - H0 - 40):, :][: pic.shape[0]]
            tr = cv2.resize(d, (W0, H0), interpolation=cv2.INTER_AREA)
            # axes occupies rows 40..360 from top; pic starts at r0
            tr = tr[r0 - 40: r0 - 40 + pic.shape[0], c0 - 40: c0 - 40 + pic.shape[1]]
            v, w, err, dt = decode(pic, cmap=cm, vmin=lo, vmax=hi)
            show(f"{fname} {cm} imshow1024->320 {interp}", v, w, err, dt, tr, lo, hi, pic, cm)
        # (b) pcolormesh shading='gouraud' (colors interpolated in RGB between vertices)
        small = cv2.resize(d, (24, 24), interpolation=cv2.INTER_AREA)
        fig = plt.figure(figsize=(3.2, 3.2), dpi=100); ax = fig.add_axes([0, 0, 1, 1])
        ax.pcolormesh(np.arange(24), np.arange(24), small[::-1], shading="gouraud", cmap=cm, vmin=lo, vmax=hi); ax.set_axis_off()
        ax.set_xlim(0, 23); ax.set_ylim(0, 23)
        rgba, _ = axes_pixels(fig, ax); plt.close(fig)
        pic = rgba[4:-4, 4:-4, :3]
        yy, xx = np.mgrid[0:rgba.shape[0], 0:rgba.shape[1]].astype(np.float32)
        tr = cv2.remap(small.astype(np.float32), xx * 23 / (rgba.shape[1] - 1), yy * 23 / (rgba.shape[0] - 1), cv2.INTER_LINEAR)[4:-4, 4:-4]
        v, w, err, dt = decode(pic, cmap=cm, vmin=lo, vmax=hi)
        show(f"{fname} {cm} pcolormesh gouraud", v, w, err, dt, tr.astype(float), lo, hi, pic, cm)

# (c) transparent savefig, NaN data (bad color), masked arrays, set_bad, extend over/under
d = fields(256)["terrain"]; lo, hi = 1000.0, 3500.0
rng = np.random.default_rng(5)
hole = np.zeros(d.shape, bool); hole[60:100, 60:140] = True; hole[rng.random(d.shape) < 0.02] = True
dn = np.where(hole, np.nan, d)
for cm in maps:
    inr = (d >= lo) & (d <= hi) & ~hole
    # imsave with NaN -> bad color (0,0,0,0) transparent
    b = io.BytesIO(); plt.imsave(b, dn, cmap=cm, vmin=lo, vmax=hi, format="png")
    rgba = np.asarray(Image.open(b).convert("RGBA")); rgb = rgba[..., :3].copy()
    tr = np.clip(d, lo, hi)
    for tag, pic in [("imsave NaN RGBA", rgba), ("imsave NaN ->RGB (alpha dropped)", rgb)]:
        v, w, err, dt = decode(pic, cmap=cm, vmin=lo, vmax=hi)
        nanhole = np.isnan(v[hole]).mean() * 100 if v is not None else np.nan
        show(f"terrain {cm} {tag}", v, w, err, dt, np.where(hole, np.nan, tr), lo, hi, pic, cm)
        print(f"    NaN on the NaN (bad) pixels: {nanhole:.1f}%")
    # masked array, imshow in a figure with transparent=True, over/under clipped
    ma = np.ma.masked_where(hole, d)
    fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1])
    ax.imshow(ma, cmap=cm, vmin=lo, vmax=hi, interpolation="nearest"); ax.set_axis_off()
    b = io.BytesIO(); fig.savefig(b, format="png", transparent=True); plt.close(fig)
    rgba = np.asarray(Image.open(b).convert("RGBA"))
    v, w, err, dt = decode(rgba, cmap=cm, vmin=lo, vmax=hi)
    show(f"terrain {cm} masked imshow savefig transparent", v, w, err, dt, np.where(hole, np.nan, tr), lo, hi, rgba, cm)
    print(f"    NaN on masked pixels: {np.isnan(v[hole]).mean()*100:.1f}%  alpha0 share {(rgba[...,3]==0).mean()*100:.1f}%")
    # extend both: with_extremes over magenta, under cyan
    cme = plt.get_cmap(cm).with_extremes(over="magenta", under="cyan")
    b = io.BytesIO(); plt.imsave(b, d, cmap=cme, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
    for cmarg, tag in [(cm, "name"), (cme, "with_extremes obj")]:
        v, w, err, dt = decode(rgb, cmap=cmarg, vmin=lo, vmax=hi)
        inr = (d >= lo) & (d <= hi)
        show(f"terrain {cm} extend over/under cmap={tag}", v, w, err, dt, tr, lo, hi, rgb, cm, mask=inr)
        print(f"    over pixels {(d>hi).mean()*100:.1f}%: NaN {np.isnan(v[d>hi]).mean()*100:.1f}%, vals {np.nanmin(v[d>hi]) if (~np.isnan(v[d>hi])).any() else np.nan:.0f}; under {(d<lo).mean()*100:.1f}%: NaN {np.isnan(v[d<lo]).mean()*100:.1f}%")
    # default extremes (over = top color): clipped truth
    b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
    v, w, err, dt = decode(rgb, cmap=cm, vmin=lo, vmax=hi)
    show(f"terrain {cm} clipped (default over/under)", v, w, err, dt, tr, lo, hi, rgb, cm)

# (d) discrete: get_cmap(name, 8) and BoundaryNorm with uneven levels
d = fields(256)["camera"]
for cm in maps:
    lo, hi = 0.0, 100.0
    c8 = plt.get_cmap(cm, 8)
    b = io.BytesIO(); plt.imsave(b, d, cmap=c8, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
    tr8 = lo + (np.clip(np.floor(d / 12.5), 0, 7) + 0.5) * 12.5       # centre of each of 8 bins
    for cmarg, tag in [(c8, "get_cmap(name,8) obj"), (cm, "plain name")]:
        v, w, err, dt = decode(rgb, cmap=cmarg, vmin=lo, vmax=hi)
        show(f"camera {cm} 8 levels, decode cmap={tag}", v, w, err, dt, d, lo, hi, rgb, c8, base=True)
        if v is not None:
            print(f"    max |v - truth| {np.nanmax(np.abs(v-d)):.2f} (bin 12.5, half 6.25); vs bin centres mean {np.nanmean(np.abs(v-tr8)):.3f}")
    levels = [0, 5, 10, 20, 40, 60, 80, 90, 100]
    bn = mcolors.BoundaryNorm(levels, ncolors=256)
    rgb = plt.get_cmap(cm)(bn(d), bytes=True)[..., :3]
    v, w, err, dt = decode(rgb, cmap=cm, norm=bn)
    bi = np.clip(np.searchsorted(levels, d, side="right") - 1, 0, len(levels) - 2)
    lo_b, hi_b = np.array(levels)[bi], np.array(levels)[bi + 1]
    if v is not None:
        inside = (v >= lo_b - 1e-9) & (v <= hi_b + 1e-9)
        print(f"camera {cm} BoundaryNorm uneven norm= only: NaN {np.isnan(v).mean()*100:.2f}%, in own level {inside.mean()*100:.2f}%, mean err {np.nanmean(np.abs(v-d)):.2f} {dt*1e3:.0f}ms WARN {w} ERR {err}")
    else:
        print(f"camera {cm} BoundaryNorm ERR {err} WARN {w}")
