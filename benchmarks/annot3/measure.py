"""annot3: t02's annotations (trial45/t02_annotations.py's figures) on JPEG q75, per map x
field x ink: flagged share of the ink (pixels the annotation changed by > 10 DN) and holes on
clean pixels (> 3 px from any changed pixel). Pictures cached in /tmp/annot3/pics.npz; NaN
masks saved to OUT if given.

``python measure.py MAPS INKS [OUT.npz]``."""
import os, sys, time
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c
from scipy.ndimage import binary_dilation

CACHE = "/tmp/annot3/pics.npz"
MAPS = sys.argv[1].split(",")
INKS = sys.argv[2].split(",")
OUT = sys.argv[3] if len(sys.argv) > 3 else None


def pictures():
    have = dict(np.load(CACHE)) if os.path.exists(CACHE) else {}
    need = [(m, fn, ink) for m in MAPS for fn in ("camera", "dem", "bumps") for ink in INKS
            if f"{m}/{fn}/{ink}/jpg" not in have]
    if need:
        import t02_annotations as t
        for m, fn, ink in need:
            f = t.fields[fn]
            clean = t.fig(f, m, None)
            a = t.fig(f, m, ink)
            change = np.abs(a.astype(int) - clean.astype(int)).max(-1)
            have[f"{m}/{fn}/{ink}/d"] = change.astype(np.uint8)
            have[f"{m}/{fn}/{ink}/jpg"] = c.jpeg(a, 75)
            have[f"{m}/{fn}/{ink}/png"] = a
        np.savez(CACHE, **have)
    return have


def main():
    sys.argv = sys.argv[:1]
    have = pictures()
    import truepix as tp
    masks = {}
    per_ink = {}
    t_cpu = 0.0
    print(f"{'map':9}{'field':8}{'ink':7}{'ink_px':>7}{'flag%':>8}{'holes%':>8}")
    for m in MAPS:
        for fn in ("camera", "dem", "bumps"):
            for ink in INKS:
                d = have[f"{m}/{fn}/{ink}/d"]; im = have[f"{m}/{fn}/{ink}/jpg"]
                t0 = time.process_time()
                v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                t_cpu += time.process_time() - t0
                nan = np.isnan(v)
                near = binary_dilation(d > 0, iterations=3)
                f10 = nan[d > 10].mean(); hc = nan[~near].mean()
                per_ink.setdefault(ink, []).append((f10, hc))
                masks[f"{m}/{fn}/{ink}"] = nan
                print(f"{m:9}{fn:8}{ink:7}{int((d > 10).sum()):7}{100 * f10:8.1f}"
                      f"{100 * hc:8.3f}", flush=True)
    for ink, L in per_ink.items():
        L = np.array(L)
        print(f"SUMMARY {ink:6} flagged mean {100 * L[:, 0].mean():5.1f}%"
              f" min {100 * L[:, 0].min():5.1f}% | clean holes mean {100 * L[:, 1].mean():.3f}%"
              f" max {100 * L[:, 1].max():.3f}%")
    print(f"cpu in decolorize {t_cpu:.1f} s")
    if OUT:
        np.savez_compressed(OUT, **masks)


if __name__ == "__main__":
    main()
