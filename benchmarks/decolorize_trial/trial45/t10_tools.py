"""Pictures made by other tools, default call, all-data pictures: holes and MAE (holes = full-range error)
vs the cKDTree baseline. tifffile ImageJ/OME (RGB as samples), imageio PNG/JPEG, scikit-image rescale/resize
(float64 output), matplotlib imshow savefig at dpi 72/100/150/300 with antialiased/bilinear interpolation,
contourf (levels), plt.imsave JPEG via plt.imread, headless chromium screenshots at device scale 1/1.5/2."""
import io, os, subprocess, tempfile, numpy as np, matplotlib.pyplot as plt, truepix as tp, cv2
import tifffile, imageio.v3 as iio
from skimage.transform import rescale, resize
import _common as c

N = 256
F = {"dem": c.crop(c.real_fields()["dem_jacksboro"], N), "camera": c.crop(c.real_fields()["camera"], N), "bumps": c.smooth_fields(N)["bumps"]}
MAPS = ["viridis", "jet", "magma", "coolwarm"]
T = tempfile.mkdtemp()
rows = []
def rec(tool, m, fn, pic, truth):
    est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
    b = c.Baseline(m)((np.asarray(pic, float) * (255 if np.asarray(pic).dtype.kind == "f" else 1) / (257 if pic.dtype == np.uint16 else 1))[..., :3].round())
    mt, pt, ht = c.score(est, truth); mb, pb, hb = c.score(b, truth)
    rows.append((tool, m, fn, mt, mb, ht, pt, pb))
    print(f"{tool:26}{m:9}{fn:7} holes {100*ht:6.2f}%  tp MAE {100*mt:6.3f}%  base {100*mb:6.3f}%  ratio {mt/mb:5.2f}  p99 {100*pt:5.2f}/{100*pb:5.2f}", flush=True)

def fig_imshow(f, m, dpi, interp):
    h, w = f.shape; fg = plt.figure(figsize=(w / 100, h / 100), dpi=dpi); ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation=interp, aspect="auto")
    b = io.BytesIO(); fg.savefig(b, format="png", dpi=dpi); plt.close(fg); return plt.imread(io.BytesIO(b.getvalue()))

for m in MAPS:
    for fn, f in F.items():
        rgb = c.render(f, m)
        # tifffile ImageJ (uint8 RGB) and OME (uint16 x257)
        p = os.path.join(T, "a.tif"); tifffile.imwrite(p, rgb, imagej=True, photometric="rgb"); rec("tifffile imagej u8", m, fn, tifffile.imread(p), f)
        p = os.path.join(T, "a.ome.tif"); tifffile.imwrite(p, rgb.astype(np.uint16) * 257, ome=True, photometric="rgb"); rec("tifffile ome u16", m, fn, tifffile.imread(p), f)
        p = os.path.join(T, "a.jpg"); iio.imwrite(p, rgb, quality=85); rec("imageio jpeg q85", m, fn, iio.imread(p), f)
        r = rescale(rgb, 0.5, channel_axis=-1, anti_aliasing=True); rec("skimage rescale 0.5 aa", m, fn, np.clip(r, 0, 1), cv2.resize(f.astype(np.float32), (N // 2, N // 2), interpolation=cv2.INTER_AREA))
        r = resize(rgb, (N * 3 // 4, N * 3 // 4), order=3); rec("skimage resize .75 cubic", m, fn, np.clip(r, 0, 1), np.clip(resize(f, (N * 3 // 4, N * 3 // 4), order=3), 0, 1))
        for dpi in (72, 150):
            im = fig_imshow(f, m, dpi, "antialiased")
            h, w = im.shape[:2]
            rec(f"savefig imshow aa dpi{dpi}", m, fn, im, np.clip(cv2.resize(f.astype(np.float32), (w, h), interpolation=cv2.INTER_AREA if dpi < 100 else cv2.INTER_LINEAR), 0, 1))
        b = io.BytesIO(); plt.imsave(b, f, cmap=m, vmin=0, vmax=1, format="jpg", pil_kwargs=dict(quality=90)); b.seek(0)
        rec("plt.imsave jpg q90 imread", m, fn, plt.imread(b, format="jpg"), f)

print("\nheadless chromium screenshots of <img> at native size (CSS px = picture px)")
import shutil
chrom = shutil.which("chromium")
for m in ("viridis", "jet"):
    for fn in ("dem", "bumps"):
        f = F[fn]; rgb = c.render(f, m); p = os.path.join(T, f"{m}_{fn}.png"); cv2.imwrite(p, rgb[..., ::-1])
        html = os.path.join(T, "p.html"); open(html, "w").write(f'<html><body style="margin:0;background:#fff"><img src="{p}" style="display:block"></body></html>')
        for dsf in (1, 1.5, 2):
            out = os.path.join(T, f"s.png")
            if os.path.exists(out): os.remove(out)
            r = subprocess.run([chrom, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--force-device-scale-factor={dsf}",
                                f"--window-size={N},{N}", f"--screenshot={out}", "file://" + html], capture_output=True, text=True, timeout=120)
            if not os.path.exists(out):
                print("  chromium failed", r.stderr[-300:]); break
            s = cv2.imread(out)[..., ::-1].copy()
            hh, ww = s.shape[:2]
            truth = np.clip(cv2.resize(f.astype(np.float32), (ww, hh), interpolation=cv2.INTER_LINEAR), 0, 1)
            rec(f"chromium dsf{dsf} ({ww}x{hh})", m, fn, s, truth)
print("\nSUMMARY by tool (mean over maps x fields)")
import collections
for tool in dict.fromkeys(r[0] for r in rows):
    rr = [r for r in rows if r[0] == tool]
    print(f"  {tool:26} ratio {sum(r[3] for r in rr)/sum(r[4] for r in rr):5.2f}  holes mean {100*np.mean([r[5] for r in rr]):6.3f}% max {100*max(r[5] for r in rr):6.2f}%  p99 worse in {sum(r[6] > r[7]*1.001 for r in rr)}/{len(rr)}")
print("load", c.loadavg())
