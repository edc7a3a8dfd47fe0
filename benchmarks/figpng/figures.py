"""Whole matplotlib figures saved as PNG (and their Pillow JPEGs): jpeg judgement, warm CPU time
(process_time, best of N, one thread) of the whole figure and of its plot area alone, and the
plot-area values of both against the truth (the same figure drawn with cmap='gray', whose byte
g is g/255 of the range). Non-data pixels (outside the axes and the colorbar) NaN share.

python benchmarks/figpng/figures.py [--rounds 3] [--jpeg] [--only SUBSTR]
"""
import argparse
import io
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

import truepix as tp  # noqa: E402


def field(n=256, seed=3):
    rng = np.random.default_rng(seed)
    k = np.fft.fftfreq(n)
    kk = np.hypot(*np.meshgrid(k, k))
    kk[0, 0] = 1
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.normal(size=(n, n))) / kk**1.6))
    return (f - f.min()) / (f.max() - f.min())


def draw(kind, cm, dpi, tight, colorbar, f):
    fig = plt.figure(figsize=(6.4, 4.8), dpi=dpi)
    ax = fig.add_subplot()
    if kind == "imshow":
        m = ax.imshow(f, cmap=cm, vmin=0, vmax=1)
    elif kind == "pcolormesh":
        m = ax.pcolormesh(f[::8, ::8], cmap=cm, vmin=0, vmax=1)
    else:
        m = ax.contourf(f, levels=np.linspace(0, 1, 12), cmap=cm, vmin=0, vmax=1)
    if colorbar:
        fig.colorbar(m)
    ax.set_title(f"{kind} {cm}")
    ax.set_xlabel("x [px]")
    fig.canvas.draw()
    bbs = [a.get_window_extent() for a in fig.axes]
    b = io.BytesIO()
    fig.savefig(b, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
    plt.close(fig)
    pic = np.asarray(Image.open(b).convert("RGB"))
    return pic, bbs


def boxes(pic, bbs, dpi, tight):
    """Pixel boxes (y0, y1, x0, x1) of the axes (first) and colorbar; for tight figures found
    as the runs of non-white rows/cols nearest (tight crops move them): located by matching."""
    h, w = pic.shape[:2]
    return [(int(h - b.y1) + 3, int(h - b.y0) - 3, int(b.x0) + 3, int(b.x1) - 3) for b in bbs]


CASES = []
for kind in ("imshow", "pcolormesh", "contourf"):
    for cm in ("viridis", "jet", "RdBu_r", "magma"):
        CASES.append((kind, cm, 100, False, True))
for cm in ("viridis", "RdBu_r"):
    CASES.append(("imshow", cm, 72, False, True))
    CASES.append(("imshow", cm, 200, False, True))
    CASES.append(("imshow", cm, 100, False, False))


def warm_time(d, pic, rounds):
    d.values(pic)
    best = 1e9
    for _ in range(rounds):
        t = time.process_time()
        d.values(pic)
        best = min(best, time.process_time() - t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jpeg", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--notime", action="store_true")
    a = ap.parse_args()
    f = field()
    for case in CASES:
        kind, cm, dpi, tight, cb = case
        tag = f"{kind}-{cm}-{dpi}{'-tight' if tight else ''}{'' if cb else '-nocb'}"
        if a.only and a.only not in tag:
            continue
        pic, bbs = draw(kind, cm, dpi, tight, cb, f)
        gray, _ = draw(kind, "gray", dpi, tight, cb, f)
        y0, y1, x0, x1 = boxes(pic, bbs, dpi, tight)[0]
        truth = gray[y0:y1, x0:x1, 0] / 255.0
        data = np.zeros(pic.shape[:2], bool)
        for b0, b1, c0, c1 in boxes(pic, bbs, dpi, tight):
            data[b0 - 4:b1 + 4, c0 - 4:c1 + 4] = True
        d = tp.Decolorizer(cm, vmin=0, vmax=1)
        pics = [("png", pic)]
        if a.jpeg:
            for q in (75, 90):
                b = io.BytesIO()
                Image.fromarray(pic).save(b, format="JPEG", quality=q)
                pics.append((f"q{q}", np.asarray(Image.open(b).convert("RGB"))))
        for src, p in pics:
            r = d.decode(p)
            area = p[y0:y1, x0:x1]
            ra = d.decode(area)
            ew = np.abs(r.values[y0:y1, x0:x1] - truth) * 100
            ea = np.abs(ra.values - truth) * 100
            mw, ma = np.nanmean(ew), np.nanmean(ea)
            nw, na = np.isnan(ew).mean() * 100, np.isnan(ea).mean() * 100
            nd = np.isnan(r.values[~data]).mean() * 100
            s = (f"{tag:28s} {src:4s} {p.shape[1]}x{p.shape[0]} jpeg={bool(r.jpeg)!s:5s}/"
                 f"{bool(ra.jpeg)!s:5s} noise={float(r.noise):4.2f} whole mean={mw:6.3f}% "
                 f"nan={nw:5.2f}% | area mean={ma:6.3f}% nan={na:5.2f}% | nondata nan={nd:5.1f}%")
            if not a.notime and src == "png":
                tw, ta = warm_time(d, p, a.rounds), warm_time(d, area, a.rounds)
                s += f" | t whole {tw:5.2f}s area {ta:5.2f}s x{tw / max(ta, 1e-3):4.1f}"
            print(s, flush=True)


if __name__ == "__main__":
    main()
