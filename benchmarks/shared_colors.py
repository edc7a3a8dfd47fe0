"""Colors that table entries apart from each other share: error and ambiguity on exact pictures.

Per catalog map and table (``cmap(x, bytes=True)``'s truncated bytes, Agg's rounded bytes,
the float RGBA): how many colors several runs of entries share (``sh``), the max and mean
error in bins over a one-row picture of all N entries (circular on cyclic maps; indexed
OpenCV maps read half a bin off here, their value v being entry v), the max over the
shared colors' entries (``shmax``) and how many of those pixels ``ambiguous`` marks.
``shared_colors_main.txt`` and ``shared_colors_branch.txt`` are its output on main
(7eb00dc) and on the branch ``shared2``.

    python benchmarks/shared_colors.py [map ...]
"""
import sys
import numpy as np
import truepix as tp
from truepix.color import catalog

MAPS = ["flag", "flag_r", "prism", "prism_r", "matlab:lines", "matlab:lines_64",
        "colorcet:CET_C4", "colorcet:CET_C5", "colorcet:CET_CBC2", "colorcet:CET_CBTC2",
        "cmasher:copper", "cmasher:emergency", "cmasher:seasons", "cmocean:phase",
        "opencv:hsv", "opencv:twilight", "jet", "gray", "viridis", "twilight"]

def runs_of(colors, cyclic):
    n = len(colors)
    new = np.ones(n, bool); new[1:] = np.any(colors[1:] != colors[:-1], axis=1)
    rid = np.cumsum(new) - 1
    if cyclic and new.sum() > 1 and np.array_equal(colors[0], colors[-1]):
        rid[rid == rid[-1]] = 0
    return rid

def shared_entries(colors, cyclic):
    rid = runs_of(colors, cyclic)
    _, inv = np.unique(colors, axis=0, return_inverse=True)
    inv = inv.reshape(-1)
    out = np.zeros(len(colors), bool); n = 0
    for c in np.unique(inv):
        e = inv == c
        if len(np.unique(rid[e])) > 1:
            out |= e; n += 1
    return out, n

for name in (sys.argv[1:] or MAPS):
    try:
        entry = catalog[name]
    except Exception as exc:
        print(f"{name:22s} -- {exc!r}"); continue
    n = entry.n_colors; cyc = entry.cyclic
    dec = tp.Decolorizer(name, vmin=0, vmax=n)
    truth = np.arange(n) + 0.5
    parts = []
    for form, pic, cols in (("bytes", entry.lut_bytes[None, :, :3], entry.lut_bytes[:, :3]),
                            ("round", entry.lut_rounded[None, :, :3], entry.lut_rounded[:, :3]),
                            ("float", entry.lut[None], np.round(entry.lut[:, :3] * 255, 6))):
        sh, nsh = shared_entries(np.asarray(cols), cyc)
        r = dec.decode(np.ascontiguousarray(pic))
        v = r.values[0]
        err = np.abs(v - truth)
        if cyc:
            err = np.minimum(err, n - err)
        amb = r.ambiguous[0]
        nanc = int(np.isnan(v).sum())
        mk = f"{int(amb[sh].sum())}/{int(sh.sum())}"
        parts.append(f"{form}: sh={nsh:3d} max={np.nanmax(err):6.1f} mean={np.nanmean(err):6.2f} "
                     f"shmax={np.nanmax(err[sh]) if sh.any() else 0:6.1f} amb={mk:7s} nan={nanc}")
    print(f"{name:20s} N={n:3d} cyc={int(cyc)} | " + " | ".join(parts), flush=True)
