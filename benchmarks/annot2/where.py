"""Where t02's unflagged ink pixels lie (issue 11, Deliver 1): stroke core, antialiased rim.

t02's truth: a pixel is ink when the annotation changed it by > 10 DN in the *PNG* figure;
the JPEG ringing halo around a stroke (changed only by the JPEG) is not ink and not a
clean pixel either (t02 leaves pixels within 3 px of the annotation out of its holes).
Each ink pixel's coverage alpha = projection of (figure - clean) onto (ink - clean), the ink
chosen among the figure's inks by the smallest residual. core: alpha >= 0.8; rim: below.
'in noise' = the JPEG'd pixel lies within the data's own JPEG error of a map color (the
99th percentile of the distance to the map's colors over the clean figure, no annotation,
JPEG'd alike): a pixel no rule can tell from data by its color alone, only by its shape.
'beside' = within 1.5 px of a flagged pixel (the rim of a stroke found); 'apart' = farther
(a stretch of stroke no rule found at all).

``python where.py [MAPS [INKS]]`` (run from trial45's folder's parent or anywhere: it imports
trial45's t02 figures).
"""
import os
import sys

import numpy as np
import matplotlib as mpl
from scipy.ndimage import binary_dilation, distance_transform_edt
from scipy.spatial import cKDTree

T45 = os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45")
sys.path.insert(0, T45)
import _common as c  # noqa: E402
import t02_annotations as t02  # noqa: E402
import truepix as tp  # noqa: E402

INKCOLS = {"black": [(0, 0, 0)], "white": [(255, 255, 255), (0, 0, 0)],
           "gray": [(128, 128, 128), (102, 102, 102)]}


def classify(a, clean, inks):
    d = a.astype(float) - clean
    best_r, best_a = None, None
    for ink in inks:
        v = np.array(ink, float) - clean
        n2 = np.maximum((v * v).sum(-1), 1.0)
        al = (d * v).sum(-1) / n2
        r = np.linalg.norm(d - al[..., None] * v, axis=-1)
        if best_r is None:
            best_r, best_a = r, al
        else:
            take = r < best_r
            best_r, best_a = np.where(take, r, best_r), np.where(take, al, best_a)
    return best_a


def main():
    maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "magma", "turbo",
                                                               "gray", "coolwarm"]
    inks = sys.argv[2].split(",") if len(sys.argv) > 2 else ["black", "white", "gray"]
    print(f"{'map':9}{'field':8}{'ink':6}{'ink_px':>7}{'flag%':>7}{'core%':>7}{'unf_core':>9}"
          f"{'unf_rim':>8}{'rim_noise':>10}{'rimA<.3':>8}{'halo_flag%':>11}{'unf_noise':>10}"
          f"{'unf_beside':>11}{'noise':>6}")
    tot = {}
    for m in maps:
        lut = mpl.colormaps[m](np.linspace(0, 1, 1024), bytes=True)[:, :3].astype(float)
        tree = cKDTree(lut)
        for fn, f in t02.fields.items():
            clean = t02.fig(f, m, None).astype(float)
            for ink in inks:
                a = t02.fig(f, m, ink)
                d = np.abs(a - clean).max(-1)
                im = c.jpeg(a, 75)
                v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                nan = np.isnan(v)
                truth = d > 10
                near = binary_dilation(d > 0, iterations=3)
                al = classify(a, clean, INKCOLS[ink])
                core = truth & (al >= 0.8)
                rim = truth & ~core
                dist = tree.query(im.reshape(-1, 3).astype(float))[0].reshape(d.shape)
                jc = c.jpeg(clean.astype(np.uint8), 75).reshape(-1, 3).astype(float)
                noise = np.percentile(tree.query(jc)[0], 99)
                beside = distance_transform_edt(~nan) <= 1.5
                unf = truth & ~nan
                halo = near & ~truth
                n = truth.sum()
                row = (n, nan[truth].sum(), core.sum(), (unf & core).sum(), (unf & rim).sum(),
                       (unf & rim & (dist <= noise)).sum(), (unf & rim & (al < 0.3)).sum(),
                       (unf & (dist <= noise)).sum(), (unf & beside).sum())
                k = (ink,)
                if m == "gray":
                    k = ("gray map " + ink,)
                tot[k] = tuple(x + y for x, y in zip(tot.get(k, (0,) * 9), row))
                print(f"{m:9}{fn:8}{ink:6}{n:7}{100*row[1]/n:7.1f}{100*row[2]/n:7.1f}"
                      f"{row[3]:9}{row[4]:8}{row[5]:10}{row[6]:8}"
                      f"{100*nan[halo].mean():11.1f}{row[7]:10}{row[8]:11}{noise:6.1f}",
                      flush=True)
    print("\nTOTAL per ink (maps but gray: a gray ink over the gray map is data): ink px, "
          "flagged; of the unflagged: core / rim (rim in noise, rim alpha < 0.3), in noise, "
          "beside a flag")
    for k, r in tot.items():
        unf = max(r[3] + r[4], 1)
        print(f"  {k[0]:6} ink {r[0]} flagged {100*r[1]/r[0]:.1f}% | unflagged {unf}: core "
              f"{100*r[3]/unf:.1f}% rim {100*r[4]/unf:.1f}% (in noise {100*r[5]/unf:.1f}%, "
              f"alpha<0.3 {100*r[6]/unf:.1f}%) | in noise {100*r[7]/unf:.1f}% | beside "
              f"{100*r[8]/unf:.1f}%")


if __name__ == "__main__":
    main()
