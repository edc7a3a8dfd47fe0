"""Trial 41 part 4: xarray DataArray.plot() figures (PNG, JPEG q85), a crop through the colorbar, and 32x32 pictures."""
import io, warnings, numpy as np, cv2
from PIL import Image
import matplotlib.pyplot as plt
import xarray as xr
import truepix as tp
from common import fields, baseline, metrics, decode

fl = fields(256)
print("== xarray .plot() (pcolormesh + colorbar, xarray's default cmap and limits)")
for fname in ["terrain", "smooth"]:
    d = cv2.resize(fl[fname], (60, 40), interpolation=cv2.INTER_AREA)
    da = xr.DataArray(d, dims=("lat", "lon"), coords={"lat": np.linspace(40, 50, 40), "lon": np.linspace(0, 15, 60)}, name="h", attrs={"units": "m"})
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    qm = da.plot(ax=ax)
    cm = qm.get_cmap().name; lo, hi = qm.norm.vmin, qm.norm.vmax
    fig.canvas.draw()
    for fmt in ["png", "jpeg"]:
        b = io.BytesIO(); fig.savefig(b, format=fmt, **({"pil_kwargs": {"quality": 85}} if fmt == "jpeg" else {}))
        img = np.asarray(Image.open(b).convert("RGB")); H = img.shape[0]
        x0, y0, x1, y1 = ax.get_window_extent().extents
        r0, r1, c0, c1 = int(np.ceil(H - y1)) + 2, int(np.floor(H - y0)) - 2, int(np.ceil(x0)) + 2, int(np.floor(x1)) - 2
        pic = img[r0:r1, c0:c1]
        # truth: cell value at each pixel (pcolormesh, cells centred on coords)
        rows = np.clip(np.round((np.arange(r0, r1) + 0.5 - (H - y1)) / (y1 - y0) * 40 - 0.5).astype(int), 0, 39)[::-1]
        cols = np.clip(np.round((np.arange(c0, c1) + 0.5 - x0) / (x1 - x0) * 60 - 0.5).astype(int), 0, 59)
        tr = d[rows][:, cols]
        v, w, err, dt = decode(pic, cmap=cm, vmin=lo, vmax=hi)
        mt = metrics(v, tr, lo, hi); mb = metrics(baseline(pic, cm, lo, hi), tr, lo, hi)
        print(f"  {fname} {cm} [{lo:.1f},{hi:.1f}] {fmt}: plot area NaN {mt['nan']:.2f}% mean {mt['mean_h']:.3f}% p99 {mt['p99_h']:.2f} | base {mb['mean']:.3f} p99 {mb['p99']:.2f} | warn {w} err {err}")
        # whole figure, and a crop through the colorbar (plot area + half the bar)
        cax = fig.axes[1]; cx0, cy0, cx1, cy1 = cax.get_window_extent().extents
        crop = img[int(H - y1):int(H - y0), int(x0):int((cx0 + cx1) / 2)]
        for tag, p in [("whole figure", img), ("crop through colorbar", crop)]:
            v, w, err, dt = decode(p, cmap=cm, vmin=lo, vmax=hi)
            print(f"     {tag}: NaN {np.isnan(v).mean()*100:.1f}% warn {[s[:120] for s in w]} err {err} {dt*1e3:.0f}ms")
        try:
            bar = tp.find_colorbar(img)
            v = tp.decolorize(pic, cmap=bar, vmin=lo, vmax=hi)
            print(f"     find_colorbar -> decode plot area: NaN {np.isnan(v).mean()*100:.2f}% mean {metrics(v, tr, lo, hi)['mean_h']:.3f}%")
        except Exception as e:
            print(f"     find_colorbar: {type(e).__name__}: {str(e)[:160]}")
    plt.close(fig)

print("== 32x32 pictures (plt.imsave -> Pillow), default call")
from skimage.transform import resize
for fname in ["camera", "terrain", "smooth"]:
    d = resize(fl[fname], (32, 32), anti_aliasing=True); lo, hi = d.min(), d.max()
    for cm in ["viridis", "jet", "RdBu_r", "turbo"]:
        b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
        res = []
        for tag in ["png", "jpeg75", "webp75", "noise2"]:
            if tag == "png": p = rgb
            elif tag == "noise2": p = np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8)
            else:
                o = io.BytesIO(); Image.fromarray(rgb).save(o, "JPEG" if tag.startswith("jpeg") else "WEBP", quality=75); p = np.asarray(Image.open(o).convert("RGB"))
            v, w, err, dt = decode(p, cmap=cm, vmin=lo, vmax=hi)
            mt = metrics(v, d, lo, hi); mb = metrics(baseline(p, cm, lo, hi), d, lo, hi)
            res.append(f"{tag} NaN {mt['nan']:.1f}% {mt['mean_h']:.2f}/{mb['mean']:.2f}" + (f" WARN {w[0][:80]}" if w else "") + (f" ERR {err}" if err else ""))
        print(f"  {fname:8s} {cm:8s} " + " | ".join(res))
