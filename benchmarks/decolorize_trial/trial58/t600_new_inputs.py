"""trial58 Part 2: inputs trials 56 / 57 did not try, made by other tools, the default call (one case per run: ONLY11=A..J).
A two imshow panels sharing one colorbar (fig.colorbar(im, ax=[a1, a2])), PNG / JPEG q75;
B imshow(interpolation="none") of a 37x53 array upscaled into a figure (non-integer zoom), PNG / q75;
C contourf + contour (black lines) + clabel numbers, PNG / q75;
D correlation matrix, RdBu_r, vmin=-1, vmax=1: plt.matshow + ax.text numbers, and sns.heatmap(annot=True), PNG / q85;
E screenshot-like: savefig dpi 144, Pillow resize 0.5x BICUBIC, PNG;
F cartopy-like coastlines (black 0.5 px random-walk lines) over a terrain field, PNG / q75;
G imshow of a masked array: set_bad("white") / default (transparent -> axes white), PNG / q75: bad cells NaN? data kept?;
H cv2.applyColorMap(JET / VIRIDIS / TURBO) then cv2.imencode JPEG q80 (and PNG), imdecode, [..., ::-1], decoded by opencv:NAME;
I a GIF: plt.imsave viridis PNG -> Pillow quantize(256, Floyd-Steinberg dither) -> GIF, decoded by name;
J identify_colormap(picture) with no cmap on 10 of these.
Truth as trial 57: the figure redrawn with gray (t200's `pics`, ink blue, face red) for figures; the rendered index's bin
centre (k + .5) / 256 for pictures not drawn as figures."""
import io, os
from _p11 import *  # noqa
from _p11 import pics, run, dec_any, header, HEAD8, fbm, pil_rgb, fig_bytes, call, cpu, wshort, mscore, plot_slice, GRAY, RED
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, cv2, truepix as tp
from PIL import Image
from _p9 import truth_of_gray  # noqa

ONLY = os.environ.get("ONLY11", "ABCDEFGHIJ")
if ONLY == "J":  # identify_colormap only: build the pictures of A-F, H, I without decoding them
    ONLY = "ABCDEFHIJ"
    run = lambda *a, **k: []  # noqa
    dec_any = lambda *a, **k: None  # noqa
header(f"t600 new inputs {ONLY}")
print(HEAD8, flush=True)
rng = np.random.default_rng(58)
f = fbm(256, seed=58)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
IDENT = []  # (tag, picture, true name) for J


def ident(tag, pic, truth_name):
    t0 = cpu(); r, err, ws = call(lambda: tp.identify_colormap(pic, top=3)); dt = cpu() - t0
    if r is None:
        print(f"  J {tag}: ERROR {err}", flush=True); return
    names = ", ".join(f"{m.name} {m.score:.2f}" for m in r)
    ok = "RIGHT" if r[0].name.split(":")[-1].lower() == truth_name.split(":")[-1].lower() else "WRONG"
    print(f"  J {tag} (truth {truth_name}): {ok} top3 {names} ({dt:.1f} s CPU) | {wshort(ws, 120)}", flush=True)


def keep(tag, pic, name):
    if "J" in ONLY: IDENT.append((tag, pic, name))


if "A" in ONLY:  # two panels, one colorbar
    a1d = f[:96, :128]; a2d = 0.2 + 0.8 * f[96:192, 128:256]
    for m in ("viridis", "jet"):
        for side in (0, 1):
            def make(cm, ink, face, m=m, side=side):
                fg, (x1, x2) = plt.subplots(1, 2, figsize=(8, 3.2))
                for x in (x1, x2):
                    if face: x.set_facecolor(face)
                i1 = x1.imshow(a1d, cmap=cm or m, vmin=0, vmax=1); x2.imshow(a2d, cmap=cm or m, vmin=0, vmax=1)
                fg.colorbar(i1, ax=[x1, x2])
                return fg, (x1, x2)[side], i1.norm
            rows = run(f"A 2 panels 1 bar {m} panel{side}", make, m)
            if side == 0 and "J" in ONLY:
                fg, _, _ = make(None, "k", None); keep(f"A 2 panels {m} q75", pil_rgb(fig_bytes(fg, "jpeg", pil_kwargs={"quality": 75})), m); plt.close(fg)

if "B" in ONLY:  # interpolation="none", non-integer zoom
    d = f[:37, :53]
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots(figsize=(6.4, 4.8))
            if face: ax.set_facecolor(face)
            im = ax.imshow(d, cmap=cm or m, interpolation="none", vmin=0, vmax=1); fg.colorbar(im)
            return fg, ax, im.norm
        run(f"B imshow none 37x53 {m}", make, m)
        if m == "jet" and "J" in ONLY:
            fg, _, _ = make(None, "k", None); keep("B none 37x53 jet png", pil_rgb(fig_bytes(fg, "png")), m); plt.close(fg)

if "C" in ONLY:  # contourf + black contour lines + clabel numbers
    X, Y = np.meshgrid(np.linspace(0, 3, 160), np.linspace(0, 2, 110))
    z = np.sin(2 * X) * np.cos(3 * Y) + 0.3 * f[:110, :160]
    for m in ("viridis", "jet", "magma"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            cs = ax.contourf(X, Y, z, levels=12, cmap=cm or m); fg.colorbar(cs)
            cl = ax.contour(X, Y, z, levels=cs.levels[::2], colors=[ink if ink is not None else "k"], linewidths=1.0)
            ax.clabel(cl, fmt="%.1f", fontsize=8)
            return fg, ax, cs.norm
        run(f"C contourf+contour k+clabel {m}", make, m)
        if m == "viridis" and "J" in ONLY:
            fg, _, _ = make(None, "k", None); keep("C contourf viridis q75", pil_rgb(fig_bytes(fg, "jpeg", pil_kwargs={"quality": 75})), m); plt.close(fg)

if "D" in ONLY:  # correlation matrix, RdBu_r -1..1, numbers written in
    Q85 = (("png", None), ("q85", 85))
    xs = rng.normal(size=(200, 10)); xs[:, 1] += xs[:, 0]; xs[:, 5] -= 0.8 * xs[:, 3]; xs[:, 9] += 0.5 * xs[:, 7]
    C = np.corrcoef(xs.T)
    def make_ms(cm, ink, face):
        fg = plt.figure(figsize=(6, 5)); ax = fg.add_subplot()
        if face: ax.set_facecolor(face)
        im = ax.matshow(C, cmap=cm or "RdBu_r", vmin=-1, vmax=1); fg.colorbar(im)
        for i in range(10):
            for j in range(10):
                ax.text(j, i, f"{C[i, j]:.2f}", ha="center", va="center", fontsize=7,
                        color=ink if (ink is not None and ink != "k") else ("w" if abs(C[i, j]) > 0.6 else "k"))
        return fg, ax, im.norm
    run("D matshow corr RdBu_r + numbers", make_ms, "RdBu_r", quals=Q85)
    import seaborn as sns
    def make_sns(cm, ink, face):
        fg, ax = plt.subplots(figsize=(6, 5))
        kw = {"color": ink} if (ink is not None and ink != "k") else {}
        sns.heatmap(C, cmap=cm or "RdBu_r", vmin=-1, vmax=1, annot=True, fmt=".2f", annot_kws=dict(fontsize=7, **kw), ax=ax)
        if face: ax.set_facecolor(face)
        return fg, ax, ax.collections[0].norm
    run("D sns.heatmap annot=True corr RdBu_r", make_sns, "RdBu_r", quals=Q85)
    if "J" in ONLY:
        fg, _, _ = make_sns(None, "k", None); keep("D sns annot RdBu_r q85", pil_rgb(fig_bytes(fg, "jpeg", pil_kwargs={"quality": 85})), "RdBu_r"); plt.close(fg)

if "E" in ONLY:  # screenshot-like: dpi 144 then Pillow 0.5x BICUBIC, PNG
    d = f[:120, :180]
    for m in ("viridis", "jet", "turbo", "RdBu_r"):
        def shot(cm, face):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(d, cmap=cm, vmin=0, vmax=1, aspect="auto"); fg.colorbar(im)
            im0 = Image.open(io.BytesIO(fig_bytes(fg, "png", dpi=144))).convert("RGB")
            im0 = im0.resize((im0.width // 2, im0.height // 2), Image.BICUBIC)
            return fg, ax, np.asarray(im0)
        fg, ax, pic = shot(m, None); sl = plot_slice(fg, ax, pic.shape); plt.close(fg)
        fg, ax, g = shot(GRAY, RED); plt.close(fg)
        truth = truth_of_gray(g)
        dec_any(f"E dpi144 -> BICUBIC 0.5x PNG {m}", pic, truth[sl], m, sl=sl, vmin=0.0, vmax=1.0)
        if m in ("turbo", "RdBu_r"): keep(f"E screenshot 0.5x {m}", pic, m)

if "F" in ONLY:  # coastlines-like black 0.5 px lines over terrain
    d = f[:150, :220]
    walks = [np.cumsum(rng.normal(0, 1.5, size=(300, 2)), axis=0) + rng.uniform((0, 0), (220, 150)) for _ in range(8)]
    for lw_px in (0.5, 1.0):
        def make(cm, ink, face, lw_px=lw_px):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(d, cmap=cm or "terrain", vmin=0, vmax=1, extent=(0, 220, 150, 0)); fg.colorbar(im)
            for w in walks:
                ax.plot(w[:, 0], w[:, 1], color=ink if ink is not None else "k", lw=lw_px * 72 / 100)
            ax.set_xlim(0, 220); ax.set_ylim(150, 0)
            return fg, ax, im.norm
        run(f"F coastlines {lw_px} px over terrain", make, "terrain")
        if lw_px == 0.5 and "J" in ONLY:
            fg, _, _ = make(None, "k", None); keep("F terrain+coast q75", pil_rgb(fig_bytes(fg, "jpeg", pil_kwargs={"quality": 75})), "terrain"); plt.close(fg)

if "G" in ONLY:  # masked array: bad cells NaN? data kept?
    d = f[:96, :128].copy(); d[30:60, 40:90] = np.nan; d[rng.uniform(size=d.shape) < 0.05] = np.nan
    md = np.ma.masked_invalid(d)
    for m in ("viridis", "jet", "gray"):
        for bad in ("white", "transparent"):
            def make(cm, ink, face, m=m, bad=bad):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                c = (cm if cm is not None else mpl.colormaps[m])
                if cm is None and bad == "white": c = c.with_extremes(bad="white")
                im = ax.imshow(md, cmap=c, vmin=0, vmax=1); fg.colorbar(im)
                return fg, ax, im.norm
            ps, truth, ink, sl, nm = pics(make)
            # bad cells: the gray redraw paints them red (GRAY's bad); pixels of the plot area that are not gray
            fg, ax, _ = make(GRAY, (0, 0, 1), RED); g = pil_rgb(fig_bytes(fg, "png")).astype(np.int16)[sl]; plt.close(fg)
            badm = (g[..., 0] - g[..., 1] > 100) & (g[..., 0] - g[..., 2] > 100)
            for lab, pic in ps.items():
                r = dec_any(f"G masked bad={bad} {m} {lab}", pic, truth[sl], m, sl=sl, vmin=0.0, vmax=1.0, info=False)
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0))
                if v is not None:
                    vb = np.asarray(v)[sl][badm]
                    print(f"    bad cells: {badm.sum()} px, valued (not NaN) {100*np.isfinite(vb).mean():.2f} %"
                          f" (median value {np.nanmedian(vb) if np.isfinite(vb).any() else float('nan'):.3f})", flush=True)

if "H" in ONLY:  # OpenCV applyColorMap, imencode JPEG q80, decoded by the matching name
    from _p9 import kd_table  # noqa
    idx = np.round(f * 255).astype(np.uint8)
    truth = (idx + 0.5) / 256
    for nm_, code in (("jet", cv2.COLORMAP_JET), ("viridis", cv2.COLORMAP_VIRIDIS), ("turbo", cv2.COLORMAP_TURBO)):
        lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8).reshape(-1, 1), code)[:, 0, ::-1]
        bgr = cv2.applyColorMap(idx, code)
        for lab, ext, prm in (("png", ".png", []), ("q80", ".jpg", [cv2.IMWRITE_JPEG_QUALITY, 80])):
            ok, buf = cv2.imencode(ext, bgr, prm)
            pic = np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])
            dec_any(f"H cv2 {nm_} {lab} -> opencv:{nm_}", pic, truth, f"opencv:{nm_}", base=kd_table(lut), vmin=0.0, vmax=1.0)
            if lab == "q80": keep(f"H cv2 {nm_} q80", pic, f"opencv:{nm_}")

if "I" in ONLY:  # GIF, 256 colours, Floyd-Steinberg dithered
    idx = np.round(f * 255).astype(np.uint8); truth = (idx + 0.5) / 256
    for m in ("viridis", "jet", "magma"):
        b = io.BytesIO(); plt.imsave(b, f, cmap=m, vmin=0, vmax=1, format="png")
        im0 = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
        for dith in (Image.Dither.FLOYDSTEINBERG, Image.Dither.NONE):
            for ncol in (256, 64):
                q = im0.quantize(ncol, dither=dith); g = io.BytesIO(); q.save(g, format="GIF")
                pic = np.asarray(Image.open(io.BytesIO(g.getvalue())).convert("RGB"))
                dec_any(f"I GIF {ncol}c {'FS' if dith else 'nodith'} {m}", pic, truth, m, vmin=0.0, vmax=1.0)
                if m == "viridis" and ncol == 256 and dith: keep("I GIF 256 FS viridis", pic, m)

if "J" in ONLY:
    for tag, pic, name in IDENT:
        ident(tag, pic, name)
