"""What no trial tried: JPEG written/decoded by OpenCV (imwrite q95, IMREAD_REDUCED_COLOR_2 DCT-scaled decode),
Pillow JPEG draft mode (DCT scaling), 4:2:2 chroma, a picture rotated 2 degrees (a scan), a figure cropped through its
colorbar, and GIF of a figure (palette of a whole figure incl. text)."""
import io, numpy as np, cv2
from common import *
import matplotlib.pyplot as plt
from PIL import Image
from skimage.transform import resize
from scipy.ndimage import rotate
n = 256
FS = fields(n)
def norm01(f): return (f - f.min()) / np.ptp(f) * 100
def score(tag, pic, name, tr, mask=None):
    r, w, e, dt = dec(pic, name, 0, 100)
    if e: print(f"{tag}: ERROR {e}"); return
    kd = metrics(baseline(pic, name, 0, 100), tr, 0, 100, mask); m = metrics(r.values, tr, 0, 100, mask)
    print(f"{tag}: NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} kd {kd['mean']:.3f} ratio {m['mean_h']/kd['mean']:.2f} p99H {m['p99_h']:.2f} kd {kd['p99']:.2f} jpeg={r.jpeg} {dt:.2f}s warn {len(w)}")
    for x in w: print("   W:", x[:220])
for fname in ["camera", "terrain"]:
    f = norm01(FS[fname])
    for name in ["jet", "viridis", "RdBu_r", "turbo"]:
        png = plt.get_cmap(name)(f / 100, bytes=True)[..., :3]
        ok, buf = cv2.imencode(".jpg", png[..., ::-1]); cvj = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1].copy()
        score(f"{fname} {name} cv2 imwrite q95 (default)", cvj, name, f)
        ok, buf = cv2.imencode(".jpg", png[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 80])
        red = cv2.imdecode(buf, cv2.IMREAD_REDUCED_COLOR_2)[..., ::-1].copy()
        score(f"{fname} {name} cv2 q80 IMREAD_REDUCED_COLOR_2 ({red.shape[0]} px)", red, name, resize(f, red.shape[:2], anti_aliasing=True, order=1))
        b = io.BytesIO(); Image.fromarray(png).save(b, "JPEG", quality=85); im = Image.open(io.BytesIO(b.getvalue())); im.draft("RGB", (n // 2, n // 2))
        dr = np.asarray(im.convert("RGB"))
        score(f"{fname} {name} Pillow q85 draft ({dr.shape[0]} px)", dr, name, resize(f, dr.shape[:2], anti_aliasing=True, order=1))
        score(f"{fname} {name} Pillow q85 4:2:2", jpeg(png, 85, sub=1), name, f)
        # rotated 2 deg, bilinear, crop the interior
        rot = np.stack([rotate(png[..., c].astype(float), 2, reshape=False, order=1) for c in range(3)], -1).round().clip(0, 255).astype(np.uint8)
        tr = rotate(f, 2, reshape=False, order=1)
        s = slice(20, n - 20)
        score(f"{fname} {name} rotated 2deg bilinear", rot[s, s].copy(), name, tr[s, s])
# figure with colorbar, cropped through the colorbar (part of the colorbar and its ticks in the picture)
f = norm01(FS["terrain"])
for name in ["viridis", "jet"]:
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100); im = ax.imshow(f, cmap=name, vmin=0, vmax=100); fig.colorbar(im, ax=ax)
    a = savefig_arr(fig); plt.close(fig)
    for form in ["png", "q85", "gif"]:
        pic = a if form == "png" else (jpeg(a, 85) if form == "q85" else np.asarray(Image.fromarray(a).convert("P", palette=Image.ADAPTIVE, colors=256).convert("RGB")))
        # find colorbar columns: the rightmost column run that holds the map; crop through its middle
        import truepix as tp
        for cut in ["whole", "through_cbar"]:
            p = pic
            if cut == "through_cbar":
                cols = np.where((np.abs(np.diff(pic[:, :, :].astype(int), axis=0)).sum(-1) > 0).sum(0) > 150)[0]
                x1 = int(pic.shape[1] * 0.86)   # the colorbar sits about here at this size
                p = pic[:, :x1].copy()
            r, w, e, dt = dec(p, name, 0, 100)
            if e: print(f"fig {name} {form} {cut}: ERROR {e}"); continue
            print(f"fig {name} {form} {cut} {p.shape}: NaN {np.isnan(r.values).mean()*100:.1f}% of picture, {dt:.2f}s warn {len(w)}")
            for x in w: print("   W:", x[:220])
            try:
                res = tp.identify_colormap(p)
                print("   identify:", [(c.name if hasattr(c, 'name') else c) for c in (res[:3] if isinstance(res, list) else [res])])
            except Exception as ex: print("   identify ERROR", type(ex).__name__, str(ex)[:200])
