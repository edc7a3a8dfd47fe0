"""Holes on JPEG'd figures of small hard-edged cells: spectrograms, nearest-neighbour images.

Each picture is a whole matplotlib figure (colorbar included) saved as JPEG by Pillow
(``savefig(..., pil_kwargs={"quality": q})``, dpi 100) or as PNG (``--quality png``),
decoded with the default call ``tp.decolorize(picture, cmap=name, vmin=lo, vmax=hi)``
(the artist's clim). Printed per picture: NaN share of the plot area's data pixels (the
truth: the figure drawn again with gray; trial 50's ``fig_truth``), the error against the
k-d tree's (nearest of 256 colors), and the CPU seconds. Run from anywhere:
``python benchmarks/spectro/cells_jpeg.py [--maps viridis,magma] [--quality png,75,90]
[--kinds auto256,specgram]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import matplotlib as mpl
import numpy as np

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from scipy import signal  # noqa: E402

sys.path.insert(0, str(Path(__file__).parents[1] / "decolorize_trial" / "trial50"))
from _p5 import fig_truth, kd, mscore  # noqa: E402

import truepix as tp  # noqa: E402

FS = 8000


def _signal() -> np.ndarray:
    t = np.arange(0, 4, 1 / FS)
    rng = np.random.default_rng(5)
    return (signal.chirp(t, 200, 4, 3000, method="quadratic")
            + 0.5 * np.sin(2 * np.pi * 1200 * t) * (t > 2) + rng.normal(0, 0.3, t.size))


def _draw(ax, kind: str, cmap: str):
    """The artist of one kind of cell picture on ``ax``."""
    x = _signal()
    rng = np.random.default_rng(7)
    if kind.startswith("auto") or kind.startswith("nearest"):
        nper = int(kind.lstrip("autonears"))
        f, t, sxx = signal.spectrogram(x, FS, nperseg=nper)
        return ax.pcolormesh(t, f, 10 * np.log10(sxx + 1e-12), cmap=cmap,
                             shading="auto" if kind.startswith("auto") else "nearest")
    if kind.startswith("specgram"):
        return ax.specgram(x, Fs=FS, NFFT=int(kind[8:] or 256), cmap=cmap)[3]
    if kind.startswith("noise"):  # imshow(interpolation="nearest") of a small noisy array
        side = int(kind[5:])
        field = rng.normal(size=(side, side)) + np.linspace(0, 3, side)[None, :]
        return ax.imshow(field, cmap=cmap, interpolation="nearest", aspect="auto")
    if kind == "hexbin":
        hx = rng.normal(0, 1, 20000)
        hy = rng.normal(0, 1, 20000) * 0.6 + 0.3 * rng.normal(0, 1, 20000) ** 2
        return ax.hexbin(hx, hy, gridsize=30, cmap=cmap)
    raise ValueError(kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", default="viridis,magma,jet")
    parser.add_argument("--quality", default="75", help="JPEG qualities; 'png': PNG")
    parser.add_argument("--kinds", default="auto256,auto512,auto128,nearest256,specgram,"
                        "specgram512,noise64,noise100,noise150,hexbin")
    args = parser.parse_args()
    print(f"{'picture':30}{'holes%':>8}{'ratio':>7}{'cpu s':>7}")
    worst = 0.0
    for quality in args.quality.split(","):
        for cmap in args.maps.split(","):
            for kind in args.kinds.split(","):
                fig, ax = plt.subplots()
                art = _draw(ax, kind, cmap)
                fig.colorbar(art, ax=ax)
                lo, hi = art.get_clim()
                fmt, q = ("png", 75) if quality == "png" else ("jpg", int(quality))
                pic, (sl,), (truth,), _ = fig_truth(fig, [art], fmt, q=q)
                plt.close(fig)
                start = time.process_time()
                values = tp.decolorize(pic, cmap=cmap, vmin=lo, vmax=hi)
                spent = time.process_time() - start
                mae, _, holes = mscore((values[sl] - lo) / (hi - lo), truth)
                base, _, _ = mscore(kd(cmap)(pic[sl]), truth)
                worst = max(worst, holes)
                tag = f"{kind} {cmap} {'' if quality == 'png' else 'q'}{quality}"
                print(f"{tag:30}{100 * holes:8.3f}"
                      f"{mae / max(base, 1e-9):7.2f}{spent:7.2f}", flush=True)
    print(f"worst holes {100 * worst:.3f} %")


if __name__ == "__main__":
    main()
