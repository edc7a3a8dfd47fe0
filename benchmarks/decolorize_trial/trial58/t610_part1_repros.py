"""trial58 Part 1: trial 57's printed repros of failures 2, 3, 6, 10 (a few rows each, where its full scripts -- t200 C,
t164, t401, t500 B -- ran out of their 600 s here while numba compiled cold at load 10-13). Scoring as t200's `run`."""
import os
from _p11 import *  # noqa
from _p11 import pics, run, dec_any, header, HEAD8, fbm
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt
PARTS = os.environ.get("PARTS", "2 3 6 10").split()
header("t610 part1 repros " + " ".join(PARTS)); print(HEAD8, flush=True)
Q = (("png", None), ("q75", 75))
if "2" in PARTS:  # cell borders (t200 C)
    d = np.random.default_rng(55).uniform(size=(16, 24))
    for m in ("viridis", "jet", "RdBu_r"):
        for lw in (1.0, 0.5):
            def make(cm, ink, face, m=m, lw=lw):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                pm = ax.pcolormesh(d, cmap=cm or m, edgecolors=ink if ink is not None else "k", linewidth=lw); fg.colorbar(pm)
                return fg, ax, pm.norm
            run(f"F2 pcolormesh edges k lw {lw} {m}", make, m, quals=(("png", None), ("q75", 75)) if lw == 0.5 else (("png", None), ("q75", 75), ("q90", 90)))
if "3" in PARTS:  # coloured contours over a map (t164)
    f = fbm(256, seed=11)
    for m, col in (("viridis", "magenta"), ("gray", "red"), ("jet", "magenta")):
        def make(cm, ink, face, m=m, col=col):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im)
            ax.contour(f, levels=8, colors=col if ink == "k" else [ink], linewidths=1.0)
            return fg, ax, im.norm
        run(f"F3 contours {col} over {m}", make, m)
if "6" in PARTS:  # 8x8 nearest imshow, high-quality JPEG (t401 a)
    dn = np.random.default_rng(56).uniform(size=(8, 8))
    def make(cm, ink, face):
        fg, ax = plt.subplots(figsize=(6, 5))
        if face: ax.set_facecolor(face)
        im = ax.imshow(dn, interpolation="nearest", cmap=cm or "jet"); fg.colorbar(im)
        return fg, ax, im.norm
    run("F6 8x8 nearest jet", make, "jet", quals=(("png", None), ("q85", 85), ("q95", 95)))
if "10" in PARTS:  # LogNorm viridis with norm= (t500 B)
    f = fbm(256, seed=57)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
    X, Y = np.meshgrid(np.linspace(-3, 3, 90), np.linspace(-2, 2, 60))
    pos = np.exp(2.5 * np.sin(X) * np.cos(1.5 * Y)) * 10 ** (f[:60, :90] * 2)
    nm0 = mpl.colors.LogNorm(float(pos.min()), float(pos.max()))
    def make(cm, ink, face):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        pm = ax.pcolormesh(pos, cmap=cm or "viridis", norm=nm0); fg.colorbar(pm)
        return fg, ax, nm0
    ps, truth, ink, sl, _ = pics(make, quals=(("png", None), ("q75", 75), ("q90", 90)))
    to01 = lambda v: np.asarray(nm0(np.nan_to_num(v, nan=1.0)), float)  # noqa
    for lab, pic in ps.items():
        dec_any(f"F10 LogNorm viridis {lab} norm=", pic, truth[sl], "viridis", sl=sl, norm=nm0, to01=to01)
