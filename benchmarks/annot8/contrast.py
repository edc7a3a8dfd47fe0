"""Flagged share of the ink's core by the ink's contrast with the field under it (luma and
chroma, YCbCr DN): where colour alone cannot tell. python contrast.py MAPS INKS SRC_TAG"""
import sys, os, numpy as np, matplotlib
T45 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "decolorize_trial", "trial45"); sys.path.insert(0, T45)
MAPS = sys.argv[1].split(","); INKS = sys.argv[2].split(","); TAG = sys.argv[3]
sys.argv = sys.argv[:1]
import t02_annotations as t
import truepix as tp
z = np.load("/tmp/annot3/pics.npz")
Y = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
INKV = {"black": [0], "white": [255], "gray": [128, 102]}
BY = [0, 10, 20, 40, 256]; BC = [0, 10, 20, 256]
acc = {}
for m in MAPS:
    lut = matplotlib.colormaps[m](np.linspace(0, 1, 256))[:, :3] * 255
    for fn in ("camera", "dem", "bumps"):
        fld = t.fields[fn]
        under = lut[np.clip(np.round(fld * 255), 0, 255).astype(int)] @ Y.T
        for ink in INKS:
            k = f"{m}/{fn}/{ink}"
            p = f"/tmp/annot8/nan_{TAG}_{m}_{fn}_{ink}.npy"
            if os.path.exists(p):
                nan = np.load(p)
            else:
                nan = np.isnan(tp.decolorize(z[k + "/jpg"], cmap=m, vmin=0, vmax=1)); np.save(p, nan)
            d = z[k + "/d"]; png = z[k + "/png"].astype(int)
            for v in INKV[ink]:
                core = (d > 10) & (np.abs(png - v).max(-1) <= 20)
                iy = np.array([v, v, v]) @ Y.T
                dy = np.abs(under[..., 0] - iy[0]); dc = np.sqrt(((under[..., 1:] - iy[1:]) ** 2).sum(-1))
                by = np.digitize(dy, BY) - 1; bc = np.digitize(dc, BC) - 1
                for i in range(len(BY) - 1):
                    for j in range(len(BC) - 1):
                        s = core & (by == i) & (bc == j)
                        a = acc.setdefault((m, ink, i, j), [0, 0]); a[0] += s.sum(); a[1] += nan[s].sum()
print(f"{'map':9}{'ink':7}{'dY':>9}{'dC':>9}{'px':>7}{'flag%':>7}")
for (m, ink, i, j), (n, f) in sorted(acc.items()):
    if n:
        print(f"{m:9}{ink:7}{BY[i]:>4}-{BY[i+1]:<4}{BC[j]:>4}-{BC[j+1]:<4}{n:7}{100*f/n:7.1f}")
