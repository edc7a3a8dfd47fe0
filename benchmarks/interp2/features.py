"""Features of resized_blends' returning candidates: noisy arrays' blends vs strokes.

share / ret (inked_share) / one (one_ink's share) / PtS (one_ink's contrast: the densest
place's flanks over those of the stretches either side) and the rejected candidates
(ratio and excess over the field's positions, over the non-returning blends' flanks, the
ink flank alone). Usage: PYTHONPATH=src:. python benchmarks/interp2/features.py
[all|noisy|strokes|more|few] [hist]
"""
from __future__ import annotations

import io
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, "benchmarks/interp2")
sys.path.insert(0, ".")
import measure  # noqa: E402
from tests.color._photographs import stroked_figure  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402
import truepix as tp  # noqa: E402

STATE = {}
orig_off = _jpeg.jpeg_off_map
orig_rb = _edges.resized_blends
BINS, WIN = 256, 5
HIST = "hist" in sys.argv


def off(flat, scale, width, position, *a, **k):
    STATE["position"] = position
    return orig_off(flat, scale, width, position, *a, **k)


def rb(flat, scale, width, candidates, on_map, seeds, beyond, inked=None, position=None):
    out = orig_rb(flat, scale, width, candidates, on_map, seeds, beyond, inked, position)
    height = len(on_map) // width
    kept, counted = measure.counted_candidates(candidates, on_map, beyond, width)
    strict = _edges.EdgeTest(_edges._YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE,
                             _edges.EDGE_LUMA, _edges.EDGE_MARGIN, True)
    found, pair = _edges._between_pairs(flat, scale, width, counted, on_map, strict, on_map)
    share = found.mean() if len(counted) else 0
    c, p = counted[found], pair[found]
    back = np.zeros(len(c), dtype=bool)
    if len(c):
        _edges._returns_kernel(flat, float(scale), width, height, c, p, _edges._steps(),
                               np.array(_edges.EDGE_REACHES), _edges.EDGE_INK_EXTENT,
                               float(_edges.EDGE_INK_RETURN), back)
    pos = np.nan_to_num(STATE["position"])
    steps = _edges._steps()[p]
    fl = np.stack([c + steps[:, 0] * width + steps[:, 1], c - steps[:, 0] * width - steps[:, 1]])
    b = np.clip(pos[fl] * BINS, 0, BINS - 1).astype(int)
    ker = np.ones(2 * WIN + 1)
    def dens(bins_):
        return np.convolve(np.bincount(bins_.ravel(), minlength=BINS), ker, "same")
    rb_ = b[:, back]
    d_ret = dens(rb_) / max(rb_.shape[1], 1)  # share of returning candidates (~, counts flanks)
    mode = int(np.argmax(d_ret))
    one = np.mean((np.abs(rb_ - mode) <= WIN).any(axis=0)) if rb_.shape[1] else 0
    fb = np.clip(pos[on_map] * BINS, 0, BINS - 1).astype(int)
    d_field = dens(fb) / len(fb)
    nb = b[:, ~back]
    # excess of returning flanks over field (per flank share, 2 flanks per cand)
    r1 = (dens(rb_) / max(rb_.size, 1))
    ex_field = np.max(r1 - d_field)
    ratio_field = r1[mode] / max(d_field[mode], 1e-9)
    cnt = dens(rb_)
    def at(i):
        return cnt[i] if 0 <= i < BINS else 0.0
    sh = (at(mode - 2 * WIN - 1) + at(mode + 2 * WIN + 1)) / 2
    STATE["pts"] = cnt[mode] / max(sh, 1.0)
    # ink flank: the flank farther from the colors beyond both flanks
    rgb = flat.astype(float) * scale
    cr, pr = c[back], p[back]
    stp = _edges._steps()[pr]
    reach = np.array(_edges.EDGE_REACHES)[pr % 3]
    uy, ux = stp[:, 0] // reach, stp[:, 1] // reach
    ys, xs = cr // width, cr % width
    acc = np.zeros((len(cr), 3)); nacc = np.zeros(len(cr))
    for e in range(1, 4):
        for sgn in (1, -1):
            yy, xx = ys + sgn * uy * (reach + e), xs + sgn * ux * (reach + e)
            ok = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width)
            idx = np.where(ok, yy * width + xx, 0)
            acc += rgb[idx] * ok[:, None]; nacc += ok
    field = acc / np.maximum(nacc, 1)[:, None]
    fa = cr + stp[:, 0] * width + stp[:, 1]
    fbk = cr - stp[:, 0] * width - stp[:, 1]
    da = np.linalg.norm(rgb[fa] - field, axis=1); db = np.linalg.norm(rgb[fbk] - field, axis=1)
    ink = np.where(da >= db, fa, fbk)
    ib = np.clip(pos[ink] * BINS, 0, BINS - 1).astype(int)
    out_s = []
    for W in (2, 3, 5):
        k2 = np.ones(2 * W + 1)
        cn = np.convolve(np.bincount(ib, minlength=BINS), k2, "same")
        md = int(np.argmax(cn))
        def at2(i):
            return cn[i] if 0 <= i < BINS else 0.0
        shd = (at2(md - 2 * W - 1) + at2(md + 2 * W + 1)) / 2
        out_s.append(f"W{W}:{cn[md] / max(len(ib), 1):.2f}/{cn[md] / max(shd, 1):.1f}")
    STATE["inkf"] = " ".join(out_s)
    ex_non = np.max(r1 - dens(nb) / max(nb.size, 1))
    if HIST:
        print()
        print("  ret ", np.bincount(rb_.ravel() // 8, minlength=32))
        print("  non ", np.bincount(nb.ravel() // 8, minlength=32))
        field_hist = np.bincount(fb // 8, minlength=32) / len(fb) * rb_.size
        print("  fld ", np.round(field_hist).astype(int))
    print(f"  share {share:.3f} ret {back.mean() if len(back) else 0:.3f} one {one:.3f} "
          f"mode {mode} fieldAtMode {d_field[mode]:.3f} exField {ex_field:.3f} "
          f"ratioF {ratio_field:.2f} exNon {ex_non:.3f} PtS {STATE['pts']:.2f} "
          f"INK {STATE['inkf']} resized {out[1]}", flush=True)
    return out


_jpeg.jpeg_off_map = off
_jpeg.resized_blends = rb


def run(label, pic, cmap):
    print(label, end="", flush=True)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    print(f"     holes {100 * np.isnan(v).mean():.2f} %")


def texture(name, size):
    from skimage import data
    f = getattr(data, name)()[:size, :size].astype(float)
    return (f - f.min()) / np.ptp(f)


def smooth():
    from scipy.ndimage import gaussian_filter
    f = gaussian_filter(np.random.default_rng(0).normal(size=(256, 256)), 12)
    return (f - f.min()) / np.ptp(f)


which = sys.argv[1] if len(sys.argv) > 1 else "all"
if which in ("all", "noisy"):
    a = measure.array()
    for interp in ["bilinear", "hanning", "bicubic", "antialiased"]:
        for q in [75, 90]:
            for m in ["jet", "turbo", "rainbow"]:
                run(f"noisy {interp} q{q} {m}", measure.drawn(a, m, interp, q), m)
if which == "more":
    import matplotlib.pyplot as plt
    for seed in [1, 2, 3]:
        for noise in [0.2, 0.4, 0.8]:
            a = measure.array(seed, noise)
            for m in ["jet", "turbo", "rainbow"]:
                run(f"noisy s{seed} n{noise} {m} q75", measure.drawn(a, m, "bilinear", 75), m)
    for seed in [2]:
        a = measure.array(seed, 0.4)
        for m in ["jet", "turbo", "rainbow"]:
            for q in [75, 90]:
                fg, ax = plt.subplots()
                art = ax.imshow(a, cmap=m, vmin=0, vmax=1, interpolation="bilinear")
                fg.colorbar(art, ax=ax)
                buf = io.BytesIO()
                fg.savefig(buf, format="jpeg", pil_kwargs={"quality": q})
                plt.close(fg)
                run(f"figure s{seed} {m} q{q}", np.asarray(Image.open(buf).convert("RGB")), m)
if which == "few":
    a = measure.array()
    run("noisy jet q75", measure.drawn(a, "jet", "bilinear", 75), "jet")
    run("noisy turbo q90", measure.drawn(a, "turbo", "bilinear", 90), "turbo")
    run("noisy rainbow q90", measure.drawn(a, "rainbow", "bilinear", 90), "rainbow")
    for m in ["RdBu_r", "RdYlBu"]:
        run(f"brick red {m}", stroked_figure(texture("brick", 256), m, "red", 75), m)
    run("smooth red RdYlBu q75", stroked_figure(smooth(), "RdYlBu", "red", 75), "RdYlBu")
if which in ("all", "strokes"):
    for m in ["turbo", "RdBu_r", "RdYlBu"]:
        run(f"brick red {m}", stroked_figure(texture("brick", 256), m, "red", 75), m)
    for m in ["coolwarm", "turbo"]:
        run(f"camera red {m}", stroked_figure(texture("camera", 256), m, "red", 75), m)
    for m in ["coolwarm", "turbo", "RdBu_r", "RdYlBu", "jet", "Spectral"]:
        for q in [75, 90]:
            run(f"smooth red {m} q{q}", stroked_figure(smooth(), m, "red", q), m)
