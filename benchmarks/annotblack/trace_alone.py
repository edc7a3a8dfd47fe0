"""Trace `_alone.alone` on trial 45's t02 figures: per strung structure of cores (``strung``'s
cells), its size, luma spread, share on the annotation, and what ``alone`` keeps.

``python benchmarks/annotblack/trace_alone.py jet:dem:black viridis:camera:none``"""
from __future__ import annotations

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c  # noqa: E402
import t02_annotations as t02  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _alone, _jpeg  # noqa: E402
from truepix.color._decolorize._grow import groups_of  # noqa: E402

CAUGHT = []
_orig = _jpeg.alone


def _spy(groups, n_groups, candidates, foreign, luma, width, height, **kw):
    out = _orig(groups, n_groups, candidates, foreign, luma, width, height, **kw)
    CAUGHT.append((groups.copy(), n_groups, candidates.copy(), foreign.copy(), luma.copy(),
                   width, height, kw, out.copy()))
    return out


_jpeg.alone = _spy


def structures(pixels, width, height):
    cell = _alone.JPEG_LINK_CELL
    rows, cols = (height + cell - 1) // cell, (width + cell - 1) // cell
    cells = pixels // width // cell * cols + pixels % width // cell
    occupied = np.unique(cells)
    links = groups_of(occupied, cols, rows)
    return links[np.searchsorted(occupied, cells)]


def main():
    for spec in sys.argv[1:]:
        m, fn, ann = spec.split(":")
        f = t02.fields[fn]
        a = t02.fig(f, m, None if ann == "none" else ann)
        clean = t02.fig(f, m, None)
        d = np.abs(a.astype(int) - clean.astype(int)).max(-1).ravel()
        im = c.jpeg(a, 75)
        CAUGHT.clear()
        v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
        flagged = np.isnan(v).ravel()[d > 10].mean() if (d > 10).any() else 0.0
        print(f"== {spec}: flagged {flagged:.3f}")
        for groups, n, cand, foreign, luma, w, h, kw, out in CAUGHT:
            lab = groups > 0
            ring = kw.get("ring")
            inside = lab if ring is None else lab & ~ring
            px, lu = cand[inside], luma[inside]
            s = structures(px, w, h)
            cnt, spr = _alone.luma_spread(s, lu)
            on = np.bincount(s, (d[px] > 10).astype(float), minlength=len(cnt))
            fo = np.bincount(s, foreign[inside].astype(float), minlength=len(cnt))
            print(f"  cores {lab.sum()} (on ann {(d[cand[lab]] > 10).mean():.2f}), dropped "
                  f"{out.sum()} (on ann {(d[cand[out]] > 10).mean() if out.any() else 0:.2f}),"
                  f" structures {len(cnt)}")
            order = np.argsort(-cnt)[:12]
            for k in order:
                if cnt[k] < 10:
                    continue
                print(f"    s{k}: {int(cnt[k])} px, spread {spr[k]:.1f}, on ann "
                      f"{on[k] / cnt[k]:.2f}, foreign {int(fo[k])}")


if __name__ == "__main__":
    main()
