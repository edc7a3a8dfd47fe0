"""annot8: per map x field x ink on JPEG q75: flagged % of the ink's core (PNG pixel within 20 DN
of the ink colour, changed > 10) and its AA rim (changed > 10, not core); clean holes (> 3 px from
any change) and holes on the all-data (no annotation) JPEG of the same map/field.
python m8.py MAPS INKS"""
import os, sys, time
import numpy as np
# pictures: benchmarks/annot3/measure.py MAPS black,white,gray makes /tmp/annot3/pics.npz
T45 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "decolorize_trial", "trial45")
sys.path.insert(0, T45)
import _common as c
from scipy.ndimage import binary_dilation
CACHE = "/tmp/annot3/pics.npz"
CLEAN = "/tmp/annot8/clean.npz"
os.makedirs("/tmp/annot8", exist_ok=True)
MAPS = sys.argv[1].split(","); INKS = sys.argv[2].split(",")
FIELDS = sys.argv[3].split(",") if len(sys.argv) > 3 else ["camera", "dem", "bumps"]
INKV = {"black": [0], "white": [255], "gray": [128, 102]}
sys.argv = sys.argv[:1]
have = dict(np.load(CACHE))
cl = dict(np.load(CLEAN)) if os.path.exists(CLEAN) else {}
need = [(m, fn) for m in MAPS for fn in FIELDS if f"{m}/{fn}" not in cl]
if need:
    import t02_annotations as t
    for m, fn in need:
        cl[f"{m}/{fn}"] = c.jpeg(t.fig(t.fields[fn], m, None), 75)
    np.savez(CLEAN, **cl)
import truepix as tp
tot = {}
print(f"{'map':9}{'field':8}{'ink':7}{'core_px':>8}{'core%':>7}{'rim_px':>7}{'rim%':>7}{'holes%':>8}{'alld%':>8}")
for m in MAPS:
    for fn in FIELDS:
        va = tp.decolorize(cl[f"{m}/{fn}"], cmap=m, vmin=0, vmax=1)
        alld = np.isnan(va).mean()
        for ink in INKS:
            k = f"{m}/{fn}/{ink}"
            d = have[k + "/d"]; png = have[k + "/png"].astype(int); im = have[k + "/jpg"]
            nan = np.isnan(tp.decolorize(im, cmap=m, vmin=0, vmax=1))
            close = np.zeros(d.shape, bool)
            for v in INKV[ink]:
                close |= np.abs(png - v).max(-1) <= 20
            core = (d > 10) & close; rim = (d > 10) & ~close
            near = binary_dilation(d > 0, iterations=3)
            r = (nan[core].mean(), nan[rim].mean(), nan[~near].mean(), alld)
            tot.setdefault(ink, []).append(r)
            print(f"{m:9}{fn:8}{ink:7}{core.sum():8}{100*r[0]:7.1f}{rim.sum():7}{100*r[1]:7.1f}"
                  f"{100*r[2]:8.3f}{100*r[3]:8.3f}", flush=True)
for ink, L in tot.items():
    L = np.array(L) * 100
    print(f"SUMMARY {ink:6} core {L[:,0].mean():5.1f} (min {L[:,0].min():5.1f}) rim {L[:,1].mean():5.1f}"
          f" holes max {L[:,2].max():.3f} alldata max {L[:,3].max():.3f}")
