"""(1) Pictures shown in headless chromium at device scale 1.25 / 1.5 and screenshotted.
A: plt.imsave PNG (256^2) in an <img> at its CSS size; decoded cropped (the image) and whole (white page).
B: an imshow+colorbar figure (savefig PNG, 640x480 dpi 100) in an <img>; plot area cropped, and whole.
Truth: the same pipeline with cmap='gray' (linear: gray byte g -> vmin + g/255 (vmax-vmin)), so the
browser's and matplotlib's resampling are in the truth; kd = cKDTree nearest table color."""
import os, subprocess, sys, tempfile, time
import numpy as np
from PIL import Image
from common import *
import truepix as tp

D = tempfile.mkdtemp(prefix="t44b_")
F = {k: v for k, v in fields(256).items() if k in ("terrain", "camera")}
LIM = {"terrain": (200, 4000), "camera": (0, 100)}


def shot(png, css_w, css_h, scale, win=(720, 560)):
    html = os.path.join(D, "p.html")
    open(html, "w").write(f'<html><body style="margin:0;background:#fff">'
                          f'<img src="{png}" style="width:{css_w}px;height:{css_h}px;display:block"></body></html>')
    out = os.path.join(D, f"s{time.time_ns()}.png")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={out}", f"--window-size={win[0]},{win[1]}",
                    f"--force-device-scale-factor={scale}", "file://" + html],
                   capture_output=True, timeout=60)
    return np.asarray(Image.open(out).convert("RGB"))


def imsave_png(f, cm, lo, hi):
    p = os.path.join(D, f"i{time.time_ns()}.png"); plt.imsave(p, f, cmap=cm, vmin=lo, vmax=hi); return p


def fig_png(f, cm, lo, hi):
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot()
    im = ax.imshow(f, cmap=cm, vmin=lo, vmax=hi); fig.colorbar(im); ax.set_title("field")
    p = os.path.join(D, f"f{time.time_ns()}.png"); fig.savefig(p, dpi=100)
    bb = ax.get_window_extent()  # display px, origin bottom-left
    H = fig.bbox.height; plt.close(fig)
    box = (int(np.ceil(H - bb.y1)) + 2, int(H - bb.y0) - 2, int(np.ceil(bb.x0)) + 2, int(bb.x1) - 2)
    return p, box


def truth_of(gray, lo, hi):
    return lo + gray[..., 0].astype(float) / 255 * (hi - lo)


maps = sys.argv[1:] or ["viridis", "jet", "RdBu_r"]
for name, f in F.items():
    lo, hi = LIM[name]
    for cm in maps:
        for scale in (1.25, 1.5):
            # A: imsave picture
            sc = shot(imsave_png(f, cm, lo, hi), 256, 256, scale)
            sg = shot(imsave_png(f, "gray", lo, hi), 256, 256, scale)
            n = int(round(256 * scale)); inner = (slice(1, n - 1), slice(1, n - 1))
            crop, tr = sc[inner], truth_of(sg[inner], lo, hi)
            r, w, e, dt = dec(crop, cm, lo, hi)
            print(row(f"{name} {cm} x{scale} imsave crop", r, w, e, dt, tr, lo, hi, crop, cm), flush=True)
            r, w, e, dt = dec(sc, cm, lo, hi)
            if r is not None:
                bg = np.ones(sc.shape[:2], bool); bg[:n + 2, :n + 2] = False
                m = np.zeros(sc.shape[:2], bool); m[inner] = True
                trw = np.full(sc.shape[:2], np.nan); trw[inner] = tr
                print(row(f"{name} {cm} x{scale} imsave whole", r, w, e, dt, trw, lo, hi, sc, cm, m)
                      + f"  bgNaN={100*np.isnan(r.values[bg]).mean():.2f}%", flush=True)
            else:
                print(f"{name} {cm} x{scale} imsave whole ERROR {e}")
            # B: figure
            pc, box = fig_png(f, cm, lo, hi); pg, _ = fig_png(f, "gray", lo, hi)
            sc = shot(pc, 640, 480, scale); sg = shot(pg, 640, 480, scale)
            y0, y1, x0, x1 = [int(round(v * scale)) for v in box]
            crop, tr = sc[y0:y1, x0:x1], truth_of(sg[y0:y1, x0:x1], lo, hi)
            r, w, e, dt = dec(crop, cm, lo, hi)
            print(row(f"{name} {cm} x{scale} figure plotarea", r, w, e, dt, tr, lo, hi, crop, cm), flush=True)
            r, w, e, dt = dec(sc, cm, lo, hi)
            m = np.zeros(sc.shape[:2], bool); m[y0:y1, x0:x1] = True
            trw = np.full(sc.shape[:2], np.nan); trw[y0:y1, x0:x1] = tr
            print(row(f"{name} {cm} x{scale} figure whole", r, w, e, dt, trw, lo, hi, sc, cm, m), flush=True)
