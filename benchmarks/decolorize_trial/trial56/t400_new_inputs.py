"""trial56 Part 2: inputs made the way other tools make them, the default call by name (one case per run: ONLY=A..K).
A ax.matshow + colorbar(shrink=0.6) (+ read_figure); B tripcolor / pcolormesh(shading="gouraud"); C an 8x8 array
imshow(interpolation="nearest") into the default axes, JPEG q60 / 75 / 95 (+ read_figure's grid); D pcolormesh with a
BoundaryNorm(11 levels, 256, extend="both") + colorbar(extend="both"), by name and with norm=; E plt.imsave(format="jpg");
F OpenCV applyColorMap (JET / VIRIDIS / TURBO) -> cv2.imwrite JPEG (default q95, and q75) / PNG / WebP, read back with
cv2.imread (BGR, as a user gets it, then RGB), cmap="opencv:..."; G plt.specgram and a scipy spectrogram drawn with
pcolormesh(shading="gouraud"); H a Jupyter inline PNG (dpi 72, bbox_inches="tight") (+ read_figure); I a screenshot
zoomed out 0.8x with area averaging (cv2.INTER_AREA, Pillow BOX), PNG / q75 (+ read_figure); K imshow(origin="lower",
extent=...) + colorbar through t122's read_figure probe (coordinates). Truth: trial 55's gray redraw (t200's `pics`);
pictures not drawn by matplotlib figures: the bin centre of the rendered index."""
import io, os, tempfile
from _p9 import *  # noqa
from _p9 import pics, run, rfig, dec_any, header, HEAD8, summary, fbm, jpeg_pil, pil_rgb, fig_bytes, call, cpu, wshort, probe
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, cv2, truepix as tp
from PIL import Image

ONLY = os.environ.get("ONLY9", "ABCDEFGHIK")
header(f"t400 new inputs {ONLY}")
print(HEAD8, flush=True)
rng = np.random.default_rng(56)
Q3 = (("png", None), ("q75", 75))
f = fbm(256, seed=3)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())

if "A" in ONLY:  # matshow + colorbar(shrink=0.6)
    d = fbm(64, seed=4)[:40, :60]
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.matshow(d, cmap=cm or m); plt.colorbar(im, shrink=0.6)
            return fg, ax, im.norm
        run(f"A matshow shrink0.6 {m}", make, m, rf=(m != "RdBu_r"))

if "B" in ONLY:  # gouraud shading: colours interpolated between vertex colours (chords of the map)
    x, y = rng.uniform(size=400), rng.uniform(size=400); z = np.sin(6 * x) * np.cos(4 * y)
    Xg, Yg = np.meshgrid(np.linspace(0, 1, 30), np.linspace(0, 1, 20)); Zg = np.sin(6 * Xg) * np.cos(4 * Yg)
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            tc = ax.tripcolor(x, y, z, shading="gouraud", cmap=cm or m); fg.colorbar(tc)
            return fg, ax, tc.norm
        run(f"B tripcolor gouraud {m}", make, m)
        def make2(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            pm = ax.pcolormesh(Xg, Yg, Zg, shading="gouraud", cmap=cm or m); fg.colorbar(pm)
            return fg, ax, pm.norm
        run(f"B pcolormesh gouraud 20x30 {m}", make2, m)

if "C" in ONLY:  # an 8x8 array into a big axes, nearest, JPEG q60-q95
    d8 = rng.uniform(size=(8, 8))
    for m in ("viridis", "jet"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots(figsize=(6, 5))
            if face: ax.set_facecolor(face)
            im = ax.imshow(d8, interpolation="nearest", cmap=cm or m); fg.colorbar(im)
            return fg, ax, im.norm
        ps, truth, ink, sl, nm = pics(make, quals=(("png", None), ("q60", 60), ("q75", 75), ("q95", 95)))
        for lab, pic in ps.items():
            dec_any(f"C 8x8 nearest {m} {lab}", pic, truth[sl], m, sl=sl, ink=ink[sl], vmin=float(nm.vmin), vmax=float(nm.vmax))
            t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
            if rd is None: print(f"  read_figure: ERROR {err}"); continue
            p = rd.panels[0] if rd.panels else None
            if p is None: print("  read_figure: no panels"); continue
            vals = np.asarray(p.data.values)
            exact = vals.shape == (8, 8) and np.allclose(np.flipud(vals) if False else vals, d8, atol=0.01 * (nm.vmax - nm.vmin))
            err8 = float(np.nanmax(np.abs(vals - d8))) if vals.shape == (8, 8) else float("nan")
            print(f"  C {m} {lab} read_figure: grid {p.grid} vmin {p.data.attrs.get('vmin')} vmax {p.data.attrs.get('vmax')} "
                  f"(truth {nm.vmin:.4f}..{nm.vmax:.4f}) max cell error {err8:.4f} (within 1 %: {exact}) conf "
                  f"{p.data.attrs.get('confidence')} ({dt:.1f}s) | {wshort(ws, 120)}", flush=True)

if "D" in ONLY:  # BoundaryNorm discrete bar with extend="both"
    d = fbm(64, seed=6)[:32, :48] * 14 - 2  # -2..12: beyond both ends
    lv = np.arange(0, 11)
    for m in ("viridis", "jet"):
        bn = mpl.colors.BoundaryNorm(lv, 256, extend="both")
        def make(cm, ink, face, m=m, bn=bn):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            pm = ax.pcolormesh(d, cmap=cm or m, norm=bn); fg.colorbar(pm, extend="both")
            return fg, ax, bn
        ps, truth, ink, sl, _ = pics(make)
        to01 = lambda v, bn=bn: np.where(np.isfinite(v), (np.asarray(bn(np.nan_to_num(v)), float) + 0.5) / 256, np.nan)  # noqa
        for lab, pic in ps.items():
            dec_any(f"D BoundaryNorm extend both {m} {lab} by name vmin 0 vmax 10", pic, truth[sl], m, sl=sl, vmin=0.0, vmax=10.0, to01=to01)
            dec_any(f"D BoundaryNorm extend both {m} {lab} norm=bn", pic, truth[sl], m, sl=sl, norm=bn, to01=to01, info=False)
            bar, err, _ = call(lambda: tp.find_colorbar(pic))
            if bar is None: print(f"  D find_colorbar {m} {lab}: ERROR {err}")
            else: dec_any(f"D BoundaryNorm extend both {m} {lab} cmap=find_colorbar", pic, truth[sl], bar, sl=sl,
                          vmin=0.0, vmax=10.0, to01=to01, info=False, base=__import__("_p9").kd(m))
            rfig(f"D {m} {lab} read_figure (scored as position 0..10)", pic, truth, sl, mpl.colors.Normalize(0, 10))

if "E" in ONLY:  # plt.imsave(format="jpg")
    import skimage.data as sd
    cam = sd.camera().astype(float) / 255
    for fname, x in (("fbm", f), ("camera", cam)):
        k = np.clip((x * 256).astype(int), 0, 255); tr = (k + 0.5) / 256
        for m in ("viridis", "jet", "turbo"):
            for fmt in ("jpg", "png"):
                b = io.BytesIO(); plt.imsave(b, x, cmap=m, format=fmt, vmin=0, vmax=1); pic = pil_rgb(b.getvalue())
                dec_any(f"E plt.imsave {fmt} {fname} {m}", pic, tr, m, vmin=0.0, vmax=1.0)

if "F" in ONLY:  # OpenCV applyColorMap -> imwrite -> imread (BGR)
    import skimage.data as sd
    dd = tempfile.mkdtemp()
    for fname, g in (("fbm", (f * 255).round().astype(np.uint8)), ("camera", sd.camera())):
        tr = (g + 0.5) / 256
        for cn, cc in (("jet", cv2.COLORMAP_JET), ("viridis", cv2.COLORMAP_VIRIDIS), ("turbo", cv2.COLORMAP_TURBO)):
            bgr = cv2.applyColorMap(g, cc)
            kdo = __import__("_p9").kd(mpl.colors.ListedColormap(cv2.applyColorMap(np.arange(256, dtype=np.uint8)[None], cc)[0, :, ::-1] / 255.0))
            for ext, prm in ((".jpg", []), (".jpg q75", [cv2.IMWRITE_JPEG_QUALITY, 75]), (".png", []), (".webp", []),
                             (".webp q80", [cv2.IMWRITE_WEBP_QUALITY, 80])):
                fn = os.path.join(dd, "p" + ext.split()[0]); cv2.imwrite(fn, bgr, prm); back = cv2.imread(fn)
                dec_any(f"F cv2 {fname} {cn} {ext} RGB", back[..., ::-1].copy(), tr, f"opencv:{cn}", vmin=0.0, vmax=1.0, base=kdo)
                if ext in (".jpg", ".png"):
                    dec_any(f"F cv2 {fname} {cn} {ext} BGR as read (user slip)", back, tr, f"opencv:{cn}", vmin=0.0, vmax=1.0, info=False, base=kdo)
            r, err, ws = call(lambda: tp.identify_colormap(bgr[..., ::-1].copy()))
            print(f"  F identify_colormap cv2 {fname} {cn} PNG RGB: {str(r[0] if r else err)[:120]} | {wshort(ws, 100)}", flush=True)

if "G" in ONLY:  # spectrograms
    from scipy import signal
    fs = 8000; tt = np.arange(0, 2, 1 / fs); sig = signal.chirp(tt, 200, 2, 3000) + 0.3 * np.random.default_rng(1).normal(size=tt.size)
    fr, ts, S = signal.spectrogram(sig, fs, nperseg=256); SdB = 10 * np.log10(S + 1e-12)
    for m in ("viridis", "magma", "jet"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            _, _, _, im = ax.specgram(sig, Fs=fs, cmap=cm or m); fg.colorbar(im)
            return fg, ax, im.norm
        run(f"G plt.specgram {m}", make, m, rf=(m == "magma"))
        def make2(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            pm = ax.pcolormesh(ts, fr, SdB, shading="gouraud", cmap=cm or m); fg.colorbar(pm)
            return fg, ax, pm.norm
        run(f"G spectrogram pcolormesh gouraud {m}", make2, m)

if "H" in ONLY:  # Jupyter inline: dpi 72, bbox_inches="tight"
    for m in ("viridis", "jet"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm or m); fg.colorbar(im); ax.set_title("inline")
            return fg, ax, im.norm
        fg, ax, nm = make(None, "k", None)
        pic = pil_rgb(fig_bytes(fg, "png", dpi=72, bbox_inches="tight"))
        fg.canvas.draw(); tb = fg.get_tightbbox(fg.canvas.get_renderer()); pos = ax.get_position(); Wi, Hi = fg.get_size_inches()
        top = (tb.y1 + 0.1) * 72; left = (tb.x0 - 0.1) * 72  # the crop's corner, in 72-dpi pixels of the figure
        sl = (slice(int(top - pos.y1 * Hi * 72) + 3, int(top - pos.y0 * Hi * 72) - 2),
              slice(int(pos.x0 * Wi * 72 - left) + 3, int(pos.x1 * Wi * 72 - left) - 2)); plt.close(fg)
        fg, ax, _ = make(GRAY, (0, 0, 1), RED); g = pil_rgb(fig_bytes(fg, "png", dpi=72, bbox_inches="tight"))
        from _p9 import truth_of_gray
        tr = truth_of_gray(g); plt.close(fg)
        print(f"  H {m}: picture {pic.shape}, plot slice {sl}, truth finite there {np.isfinite(tr[sl]).mean():.3f}", flush=True)
        if g.shape != pic.shape: print("  H: shapes differ", g.shape, pic.shape)
        for lab, p in (("png", pic), ("q75", jpeg_pil(pic, 75))):
            dec_any(f"H jupyter inline dpi72 tight {m} {lab}", p, tr[sl], m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
            rfig(f"H {m} {lab} read_figure", p, tr, sl, nm)

if "I" in ONLY:  # screenshot zoomed out 0.8x, area averaging
    for m in ("viridis", "jet"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im); ax.set_title("zoomed out")
            return fg, ax, im.norm
        ps, truth, ink, sl0, nm = pics(make, quals=(("png", None),))
        H, W = ps["png"].shape[:2]; sz = (round(W * 0.8), round(H * 0.8))
        gt = np.nan_to_num(truth, nan=0).astype(np.float32)
        for how in ("cv2 INTER_AREA", "Pillow BOX"):
            if how.startswith("cv2"):
                pic = cv2.resize(ps["png"], sz, interpolation=cv2.INTER_AREA)
                g = cv2.resize(gt, sz, interpolation=cv2.INTER_AREA).astype(float)
                bad = cv2.resize((~np.isfinite(truth)).astype(np.float32), sz, interpolation=cv2.INTER_AREA) > 0
            else:
                pic = np.asarray(Image.fromarray(ps["png"]).resize(sz, Image.BOX))
                g = np.asarray(Image.fromarray(gt).resize(sz, Image.BOX), dtype=float)
                bad = np.asarray(Image.fromarray((~np.isfinite(truth)).astype(np.float32)).resize(sz, Image.BOX)) > 0
            g[bad] = np.nan
            y0, y1, x0, x1 = int(sl0[0].start * .8) + 2, int(sl0[0].stop * .8) - 2, int(sl0[1].start * .8) + 2, int(sl0[1].stop * .8) - 2
            sl = (slice(y0, y1), slice(x0, x1))
            for lab, p in (("png", pic), ("q75", jpeg_pil(pic, 75))):
                dec_any(f"I 0.8x {how} {m} {lab}", p, g[sl], m, sl=sl, vmin=0.0, vmax=1.0)
                if lab == "png": rfig(f"I {m} 0.8x {how} {lab} read_figure", p, g, sl, nm)

if "K" in ONLY:  # imshow origin="lower" + extent + colorbar: does read_figure report coordinates right?
    z = fbm(128, seed=8)[:80, :120]
    fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", extent=(-2, 2, 0, 100), cmap="viridis", vmin=0, vmax=1)
    fg.colorbar(im); ax.set_xlabel("x (m)"); ax.set_ylabel("depth")
    probe("K imshow lower extent(-2,2,0,100) viridis aspect=equal", fg, ax, im, "viridis", 0, 1, (-2, 2), (0, 100)); plt.close(fg)
    fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", extent=(-2, 2, 0, 100), aspect="auto", cmap="jet", vmin=0, vmax=1)
    fg.colorbar(im)
    probe("K imshow lower extent(-2,2,0,100) jet aspect=auto", fg, ax, im, "jet", 0, 1, (-2, 2), (0, 100)); plt.close(fg)
