"""Part 2: figures as other tools / habits make them, the default call by name (limits from the bar's ticks = the
norm), PNG and JPEG q75 unless said. Scored on the plot area against the figure drawn again with gray (_p7's
redraw_truth: lines / text recoloured and left out). flag% = the drawn-over pixels that came back NaN.
ONLY picks cases: A nearest 20x30 in a big figure; B gouraud; C coloured contour lines over a gray image; D imsave
origin=lower + PIL crop; E dpi=72; F transparent=True read as RGBA; G alpha=0.8 over white; H extent+aspect auto +
grid; I colorbar formats (%.0e, offset 1e3, LogNorm minor ticks) -> read_figure; J 0.75x LANCZOS screenshot."""
import io, os
import numpy as np
from PIL import Image
from _p8 import header, HEAD8, dec_any, summary, pil_rgb, fig_bytes, fbm, redraw_truth, plot_slice, call, cpu, wshort
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

header("t160 figures made the way users make them")
ONLY = os.environ.get("ONLY", "ABCDEFGHIJ")
rows = {}
J75 = {"pil_kwargs": {"quality": 75}}


def rf(tag, pic, arr=None, lo=None, hi=None):
    """read_figure by default; the range it read; where its data has the array's shape, MAE % of range vs the array."""
    t0 = cpu(); r, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
    if r is None:
        print(f"#   read_figure {tag}: {err}", flush=True); return
    for i, p in enumerate(r.panels):
        d = p.data; at = dict(getattr(d, "attrs", {})); a = np.asarray(d, dtype=float)
        cmp = ""
        if arr is not None and a.shape == arr.shape:
            e = np.abs(a - arr) / (hi - lo); rel = np.nanmedian(np.abs(a / arr - 1))
            cmp = (f" | vs array: MAE {100*np.nanmean(e):.2f} % of range, p99 {100*np.nanpercentile(e, 99):.2f} %,"
                   f" median rel err {100*rel:.2f} %")
        elif arr is not None:
            cmp = f" | data p1/p50/p99 {np.nanpercentile(a, [1, 50, 99]).round(3).tolist()} vs array {np.nanpercentile(arr, [1, 50, 99]).round(3).tolist()}"
        print(f"#   read_figure {tag} panel {i}: cmap {str(at.get('cmap'))[:24]} norm {str(at.get('norm'))[:20]} vmin {at.get('vmin')} "
              f"vmax {at.get('vmax')} shape {a.shape} NaN {100*np.isnan(a).mean():.2f} % conf {at.get('confidence')} "
              f"doubts {str(at.get('doubts'))[:150]}{cmp} | {dt:.2f} s | {wshort(ws, 120)}", flush=True)


def case(label, fg, ax, arts, lines, m, kw, to01=None, fmts=(("png", {}), ("jpeg q75", J75)), post=None, do_rf=False,
         arr=None, mode="RGB", prep=None, dpi=100, inked=False):
    """Pictures first (so the redraw cannot change them), then the gray redraw; each picture decoded by name."""
    ps = {}
    for tag, sk in fmts:
        b = fig_bytes(fg, "png" if tag.startswith("png") else "jpeg", dpi=dpi, **sk)
        im = Image.open(io.BytesIO(b)).convert(mode)
        if post is not None: im = post(im)
        ps[tag] = np.asarray(im)
    if prep: prep()
    truth, ink = redraw_truth(fg, arts, lines, dpi=dpi,
                              post=(lambda a: np.asarray(post(Image.fromarray(a)))) if post else None)
    for tag, pic in ps.items():
        sl = plot_slice(fg, ax, pic.shape)
        dec_any(f"{label} {tag}", pic, truth[sl], m, to01=to01, sl=sl, ink=ink[sl] if (lines or inked) else None,
                rows=rows.setdefault(label.split()[0], []), **kw)
        if do_rf: rf(f"{label} {tag}", pic, arr, kw.get("vmin"), kw.get("vmax"))
    plt.close(fg)


print(HEAD8, flush=True)
if "A" in ONLY:  # a small array, nearest, upscaled in a big figure
    rng = np.random.default_rng(1)
    a = np.cumsum(np.cumsum(rng.normal(size=(20, 30)), 0), 1); a = (a - a.min()) / np.ptp(a) * 40 - 10
    for m in ("viridis", "jet"):
        fg, ax = plt.subplots(figsize=(12, 8)); im = ax.imshow(a, cmap=m, interpolation="nearest"); fg.colorbar(im)
        case(f"A nearest 20x30 in 12x8in {m}", fg, ax, [im], [], m, dict(vmin=float(a.min()), vmax=float(a.max())),
             do_rf=True, arr=a)
if "B" in ONLY:  # gouraud
    y, x = np.mgrid[0:25, 0:35]; z = np.sin(x / 4.0) * np.cos(y / 3.0) + 0.05 * x
    for m in ("viridis", "turbo"):
        fg, ax = plt.subplots(); qm = ax.pcolormesh(x, y, z, shading="gouraud", cmap=m); fg.colorbar(qm)
        case(f"B pcolormesh gouraud {m}", fg, ax, [qm], [], m, dict(vmin=float(qm.norm.vmin), vmax=float(qm.norm.vmax)),
             do_rf=True)
if "C" in ONLY:  # coloured contour lines over a gray image: decode the gray image; the lines should be NaN
    f = fbm(256, seed=11)
    for lm, lw in (("jet", 1.0), ("viridis", 1.5)):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap="gray", vmin=0, vmax=1); fg.colorbar(im)
        cs = ax.contour(f, levels=8, cmap=lm, linewidths=lw)
        def blue(ax=ax, cs=cs, f=f, lw=lw):  # the same lines in blue (set_color on a ContourSet would fill it)
            lv = cs.levels; cs.remove(); ax.contour(f, levels=lv, colors=[(0, 0, 1)], linewidths=lw)
        case(f"C contour({lm}) lw{lw} over gray", fg, ax, [im], [], "gray", dict(vmin=0.0, vmax=1.0), prep=blue, inked=True)
if "D" in ONLY:  # plt.imsave origin=lower with vmin/vmax, read with PIL and cropped
    f = fbm(384, seed=4) * 70 - 20  # -20 .. 50
    for m in ("viridis", "RdBu_r", "jet"):
        for fmt in ("png", "jpg"):
            b = io.BytesIO()
            plt.imsave(b, f, cmap=m, vmin=-10, vmax=40, origin="lower", format=fmt,
                       **({"pil_kwargs": {"quality": 75}} if fmt == "jpg" else {}))
            pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))[50:330, 30:300]
            tr = np.clip((f[::-1][50:330, 30:300] + 10) / 50, 0, 1)
            dec_any(f"D imsave origin=lower {m} {fmt} crop", pic, tr, m, vmin=-10, vmax=40, rows=rows.setdefault("D", []))
if "E" in ONLY:  # dpi=72
    f = fbm(300, seed=6)
    for m in ("viridis", "jet", "RdBu_r"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
        case(f"E dpi=72 imshow 300x300 {m}", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0), dpi=72, do_rf=(m == "jet"))
if "F" in ONLY:  # transparent=True, read as RGBA
    f = fbm(200, seed=8)
    for m in ("viridis", "magma"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
        case(f"F transparent=True RGBA {m}", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0),
             fmts=(("png transparent", {"transparent": True}),), mode="RGBA", do_rf=True)
if "G" in ONLY:  # alpha=0.8 over white: what does the default call say? then with alpha=0.8
    f = fbm(200, seed=2)
    for m in ("viridis", "jet", "RdBu_r"):
        for extra in ({}, {"alpha": 0.8}):
            fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1, alpha=0.8); fg.colorbar(im)
            case(f"G imshow alpha=0.8 {m} call{extra}", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0, **extra),
                 prep=lambda im=im: im.set_alpha(None), do_rf=not extra and m == "viridis")
if "H" in ONLY:  # extent + aspect auto + grid over the data
    f = fbm(200, seed=12) * 30
    for m, gc in (("viridis", None), ("jet", None), ("magma", "w")):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=30, extent=(-120, -60, 20, 50), aspect="auto")
        fg.colorbar(im); ax.grid(True, **({"color": gc} if gc else {}))
        gl = ax.get_xgridlines() + ax.get_ygridlines()
        case(f"H extent+auto+grid {m} grid={gc or 'default'}", fg, ax, [im], gl, m, dict(vmin=0.0, vmax=30.0), do_rf=True,
             arr=f)
if "I" in ONLY:  # colorbar formats -> read_figure (values vs the array)
    from matplotlib.colors import LogNorm
    f = fbm(60, seed=13)
    for label, data, kw, cbkw in (("format %.0e 0..3e4", f * 3e4, dict(vmin=0, vmax=3e4), {"format": "%.0e"}),
                                  ("offset 1e3 1000..1005", 1000 + 5 * f, dict(vmin=1000, vmax=1005), {}),
                                  ("sci 2e-5..9e-5", 2e-5 + 7e-5 * f, dict(vmin=2e-5, vmax=9e-5), {}),
                                  ("LogNorm 3..3000 minor", 3 * 10 ** (3 * f), dict(norm=LogNorm(3, 3000)), {})):
        fg, ax = plt.subplots(); im = ax.imshow(data, cmap="viridis", interpolation="nearest", **kw); cb = fg.colorbar(im, **cbkw)
        if "minor" in label: cb.ax.minorticks_on()
        for tag, sk in (("png", {}), ("jpeg q75", J75)):
            pic = pil_rgb(fig_bytes(fg, "png" if tag == "png" else "jpeg", dpi=100, **sk))
            lo, hi = (kw.get("vmin"), kw.get("vmax")) if "norm" not in kw else (3, 3000)
            rf(f"I {label} {tag}", pic, data, lo, hi)
        plt.close(fg)
if "J" in ONLY:  # screenshot-style 0.75x LANCZOS of the whole figure
    f = fbm(200, seed=14)
    post = lambda im: im.resize((round(im.width * 0.75), round(im.height * 0.75)), Image.LANCZOS)  # noqa
    for m in ("viridis", "jet", "RdBu_r"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
        case(f"J 0.75x LANCZOS {m}", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0), post=post, do_rf=True)
print()
for k, rs in rows.items():
    summary(rs, k)
