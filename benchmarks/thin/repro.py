"""One case of t02 (default call), with the decoder's judgements."""
import sys, numpy as np
import matplotlib.pyplot as plt
import truepix as tp
import _common as c
from t02_fig import fig, fields
m, fn, ann = sys.argv[1:4]
f = fields[fn]; clean = fig(f, m, None); a = fig(f, m, ann)
d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
im = c.jpeg(a, 75)
r = tp.Decolorizer(m, vmin=0, vmax=1).decode(im)
sel = d > 10
print(m, fn, ann, "thr", r.threshold, "noise", r.noise, "flag", np.isnan(r.values[sel]).mean(),
      "resid p10/50", np.percentile(r.residual[sel], [10, 50]))
np.savez("/tmp/thin_case.npz", im=im, d=d, a=a, clean=clean)
