"""Part 1 follow-ups, smallest repros of trial 51's #7 (truncated JPEG through the CLI), #12 (OpenCV jet / viridis passed
as BGR, as cv2.imread returns them) and #13 (a resized figure through Pillow quantize(256) / GIF, passed as the PIL image:
a false 'fits gray' warning?)."""
import io, os, subprocess, tempfile, numpy as np, cv2, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, call, wshort, header, fbm, gray_full, truth_of_gray, mscore

header(__doc__.splitlines()[0])
d = tempfile.mkdtemp(); f = fbm(256); TP = "/work/main/.venv/bin/truepix"
print("#7 truncated JPEG through the CLI")
Image.fromarray(c.render(f, "jet")).save(os.path.join(d, "bare.jpg"), quality=75)
raw = open(os.path.join(d, "bare.jpg"), "rb").read(); open(os.path.join(d, "trunc.jpg"), "wb").write(raw[: len(raw) // 3])
for args in (["decolorize", "trunc.jpg", "o.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1"], ["identify", "trunc.jpg"], ["read-figure", "trunc.jpg", "-o", "t.csv"]):
    r = subprocess.run([TP, *args], capture_output=True, text=True, cwd=d)
    print(f"$ truepix {' '.join(args)}\n  rc {r.returncode} stdout {r.stdout.strip()[:250]!r}\n  stderr {r.stderr.strip()[-250:]!r}", flush=True)
print("\n#12 OpenCV pictures passed as BGR (cv2.imread's order)")
cam = (c.real_fields(512)["camera"] * 255).round().astype(np.uint8)
for code, name in ((cv2.COLORMAP_JET, "jet"), (cv2.COLORMAP_VIRIDIS, "viridis")):
    bgr = cv2.applyColorMap(cam, code)
    v, err, ws = call(lambda: tp.decolorize(bgr, cmap="opencv:" + name, vmin=0, vmax=255))
    vr, _, _ = call(lambda: tp.decolorize(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), cmap="opencv:" + name, vmin=0, vmax=255))
    print(f"  opencv:{name} BGR as is: holes {100*np.isnan(v).mean():.2f}% |err|>12 of 255: {100*np.nanmean(np.abs(v - cam) > 12):.1f}% "
          f"(as RGB: {100*np.nanmean(np.abs(vr - cam) > 12):.1f}%) | {wshort(ws, 200)}", flush=True)
print("\n#13 a resized figure through a 256-colour palette, passed as the PIL image")
fg, ax = plt.subplots(); art = ax.imshow(f, cmap="viridis", vmin=0, vmax=1); fg.colorbar(art, ax=ax)
b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); im = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
gim = Image.fromarray(gray_full(fg, [art])); fg.canvas.draw(); bb = ax.get_window_extent(); H = im.size[1]; s = 1.25
size = (round(im.size[0] * s), round(im.size[1] * s)); big = im.resize(size, Image.BICUBIC); gp = np.asarray(gim.resize(size, Image.BICUBIC))
sl = (slice(int(np.ceil((H - bb.y1) * s)) + 4, int(np.floor((H - bb.y0) * s)) - 4), slice(int(np.ceil(bb.x0 * s)) + 4, int(np.floor(bb.x1 * s)) - 4))
tr = truth_of_gray(gp[sl]); g = io.BytesIO(); big.save(g, "GIF")
for kind, p in (("x1.25 quantize256", big.quantize(256)), ("x1.25 gif", Image.open(io.BytesIO(g.getvalue()))), ("x1.25 RGB (no palette)", big)):
    v, err, ws = call(lambda: tp.decolorize(p, cmap="viridis", vmin=0, vmax=1))
    if v is None: print(f"  {kind}: ERROR {err}"); continue
    mt, pt, ht = mscore(v[sl], tr); mb, pb, _ = mscore(kd("viridis")(np.asarray(p.convert("RGB"))[sl]), tr)
    print(f"  {kind}: holes {100*ht:.3f}% ratio {mt/mb:.2f} | {wshort(ws, 200)}", flush=True)
